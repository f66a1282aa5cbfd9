"""Forms of the staff screens: log, correct and void a gesture, appreciate a colleague's.

The form fields are plain text underneath (chips are radio inputs); `parse_gesture` turns what was
posted — by the HTML form or as JSON by the offline queue — into a GestureInput, or into FieldErrors
named after the form's fields. Money goes through our strict `parse_cents`, never DecimalField.
"""

import re
import uuid
from collections.abc import Mapping
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, StringField, TextAreaField

from ledger.errors import FieldError
from ledger.money import MAX_CENTS, MoneyError, parse_cents
from ledger.services.gestures import GestureInput
from web import labels

COST_PICKS = (0, 200, 500, 1000, 2000)  # cents
_COST_PICK_TEXTS = frozenset(str(cents) for cents in COST_PICKS)
EFFORT_PICKS = (0, 5, 15, 30)  # minutes
_MINUTES_RE = re.compile(r"^\s*([0-9]{1,4})\s*(?:min)?\s*$")
_DAY_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TIME_RE = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)$")

# Where the ledger's field names differ from the form's (errors are shown next to the form field).
SERVICE_TO_FORM = {"occurred_at": "when", "cost_cents": "cost", "effort_minutes": "effort",
                   "change_reason": "reason", "person": "form", "logged_by": "form"}


class GestureForm(FlaskForm):
    """Everything a person tells about one gesture. The choice fields are drawn as chips (radio inputs) by
    the template from the vocabularies in web/labels.py, so here they are plain text fields."""

    gesture_id = HiddenField()
    send_token = HiddenField()
    kind = StringField(_l("What"))
    trigger = StringField(_l("Because"))
    reaction = StringField(_l("Reaction"))
    cost_pick = StringField(_l("Cost"))
    cost = StringField(_l("Other amount"))
    effort_pick = StringField(_l("Minutes"))
    effort = StringField(_l("Other minutes"))
    description = TextAreaField(_l("What you did"))
    trigger_note = TextAreaField(_l("What prompted it"))
    reaction_note = TextAreaField(_l("How they reacted"))
    follow_up = StringField(_l("Afterwards"))
    when = StringField(_l("When"), default="now")
    day = StringField(_l("Day"))
    time = StringField(_l("Time of day"))


class CorrectionForm(GestureForm):
    """A correction: the whole gesture again, plus why."""

    reason = TextAreaField(_l("Why are you correcting it?"))


class VoidForm(FlaskForm):
    """Withdrawing an entry: only why."""

    reason = TextAreaField(_l("Why are you withdrawing it?"))


class AppreciateForm(FlaskForm):
    """One tap, and an optional short note."""

    note = StringField(_l("A short note (optional)"))


def gesture_uuid(text) -> uuid.UUID:
    """The client's gesture id when it is a UUID, else a new one (forms posted without JavaScript)."""
    try:
        return uuid.UUID(str(text))
    except (ValueError, TypeError, AttributeError):
        return uuid.uuid4()


def _text(values: Mapping, name: str):
    value = values.get(name, "")
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int):
        return None  # a JSON list or object where text belongs
    return str(value)


def _cost(values: Mapping, errors: list[FieldError]) -> int:
    typed, picked = _text(values, "cost"), _text(values, "cost_pick")
    if typed is None or picked is None:
        errors.append(FieldError("cost", "type"))
        return 0
    if typed.strip():
        try:
            return parse_cents(typed)
        except MoneyError as err:
            errors.append(FieldError("cost", err.code, {"max": MAX_CENTS} if err.code == "too_large" else {}))
            return 0
    if picked.strip() in _COST_PICK_TEXTS:  # only a pick the form offers ("0003" or "100000" is not one)
        return int(picked)
    errors.append(FieldError("cost", "required" if not picked.strip() else "format"))
    return 0


def _effort(values: Mapping, errors: list[FieldError]) -> int | None:
    """Minutes from a pick or the typed field; neither given is None (unknown), not 0."""
    typed, picked = _text(values, "effort"), _text(values, "effort_pick")
    if typed is None or picked is None:
        errors.append(FieldError("effort", "type"))
        return None
    source = typed if typed.strip() else picked
    if not source.strip():
        return None
    m = _MINUTES_RE.match(source)
    if not m or not source.isascii():
        errors.append(FieldError("effort", "minutes_format"))
        return None
    return int(m[1])


def _reaction(values: Mapping, errors: list[FieldError]) -> int:
    raw = _text(values, "reaction")
    if raw is None or not raw.strip():
        errors.append(FieldError("reaction", "required"))
        return 0
    if not (raw.strip().isdigit() and raw.isascii()):
        errors.append(FieldError("reaction", "out_of_range"))
        return 0
    return int(raw)


def _moment(values: Mapping, errors: list[FieldError], *, tz: str, now: datetime) -> datetime:
    if (_text(values, "when") or "now") != "earlier":
        return now
    day, clock = (_text(values, "day") or "").strip(), (_text(values, "time") or "").strip()
    parsed_day = parsed_time = None
    try:
        parsed_day = date.fromisoformat(day) if _DAY_RE.match(day) else None
    except ValueError:
        parsed_day = None
    if parsed_day is None:
        errors.append(FieldError("day", "date_format"))
    m = _TIME_RE.match(clock)
    if m:
        parsed_time = time(int(m[1]), int(m[2]))
    else:
        errors.append(FieldError("time", "time_format"))
    if parsed_day is None or parsed_time is None:
        return now
    return datetime.combine(parsed_day, parsed_time, tzinfo=ZoneInfo(tz))


def parse_gesture(values: Mapping, *, tz: str, now: datetime) -> tuple[GestureInput | None, list[FieldError]]:
    """Posted text → GestureInput; parse-level problems come back as FieldErrors with form field names."""
    errors: list[FieldError] = []
    choice = {}
    for name in ("kind", "trigger"):
        raw = _text(values, name)
        if raw is None or not raw.strip():
            errors.append(FieldError(name, "required" if raw is not None else "type"))
        choice[name] = (raw or "").strip()
    reaction = _reaction(values, errors)
    cost = _cost(values, errors)
    effort = _effort(values, errors)
    texts = {}
    for name in ("description", "trigger_note", "reaction_note"):
        raw = _text(values, name)
        if raw is None:
            errors.append(FieldError(name, "type"))
        texts[name] = raw or ""
    follow_up = (_text(values, "follow_up") or "").strip() or None
    occurred_at = _moment(values, errors, tz=tz, now=now)
    if errors:
        return None, errors
    return GestureInput(occurred_at=occurred_at, kind=choice["kind"], trigger=choice["trigger"],
                        reaction=reaction, cost_cents=cost, effort_minutes=effort, follow_up=follow_up,
                        **texts), []


def form_errors(errors: list[FieldError]) -> dict[str, str]:
    """FieldErrors → {form field name: message in the user's language}, first error per field."""
    out: dict[str, str] = {}
    for err in errors:
        name = SERVICE_TO_FORM.get(err.field, err.field)
        if name == "reason" and err.code == "required":
            err = FieldError(err.field, "reason_required")
        out.setdefault(name, labels.field_message(err))
    return out


def cents_text(cents: int, locale: str) -> str:
    """Cents as a person types them: "4,50" in Dutch, "4.50" in English ("4" for whole euros)."""
    whole, rest = divmod(cents, 100)
    if not rest:
        return str(whole)
    return f"{whole}{',' if locale.startswith('nl') else '.'}{rest:02d}"


def prefill(row, *, tz: str, locale: str = "nl") -> dict:
    """Form data showing a stored row, for a correction (its moment kept as "earlier")."""
    local = row.occurred_at.astimezone(ZoneInfo(tz))
    picked_cost = row.cost_cents in COST_PICKS
    picked_effort = row.effort_minutes in EFFORT_PICKS
    return {
        "kind": row.kind, "trigger": row.trigger, "reaction": str(row.reaction),
        "cost_pick": str(row.cost_cents) if picked_cost else "",
        "cost": "" if picked_cost else cents_text(row.cost_cents, locale),
        "effort_pick": str(row.effort_minutes) if picked_effort else "",
        "effort": "" if picked_effort or row.effort_minutes is None else str(row.effort_minutes),
        "description": row.description, "trigger_note": row.trigger_note, "reaction_note": row.reaction_note,
        "follow_up": row.follow_up or "", "when": "earlier",
        "day": local.date().isoformat(), "time": local.strftime("%H:%M"),
    }
