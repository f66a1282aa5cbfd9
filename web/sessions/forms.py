"""Forms of the learning-session screens, and parsing their text into the values the services take.

Dates arrive as ISO text from <input type="date">; money goes through our strict parse_cents (never
DecimalField). Problems become FieldErrors named after the form's fields, shown next to them.
"""

from datetime import date

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, HiddenField, SelectField, SelectMultipleField, StringField, TextAreaField

from ledger.errors import FieldError
from ledger.money import MAX_CENTS, MoneyError, parse_cents
from ledger.services.session_actions import Proposal
from web import labels

# Messages for the codes only these screens produce; every other code reads as labels.field_message says.
_MESSAGES = {
    "after_end": _l("The period has to start before it ends."),
    "not_member": _l("Please choose someone from this team."),
    "past": _l("A new frame starts today or later, so earlier gestures keep the frame they were logged in."),
    "withdrawn": _l("This gesture was withdrawn in the meantime."),
    "taken": _l("The frame already has a version starting on that day; choose another day."),
}
# Where the services' field names differ from the forms'.
SERVICE_TO_FORM = {"proposed_cap_cents": "cap", "proposed_allowance_cents": "allowance",
                   "proposed_period": "period", "proposed_kinds": "kinds", "proposed_why": "why",
                   "per_gesture_cap_cents": "cap", "allowance_cents": "allowance"}


def message(error: FieldError) -> str:
    """The message for one field error, in the request's language."""
    own = _MESSAGES.get(error.code)
    return str(own) if own is not None else labels.field_message(error)


def errors_by_field(errors: list[FieldError]) -> dict[str, str]:
    """{form field: message}, the first problem per field."""
    out: dict[str, str] = {}
    for err in errors:
        out.setdefault(SERVICE_TO_FORM.get(err.field, err.field), message(err))
    return out


def parse_day(text, field: str, errors: list[FieldError], *, optional: bool = False) -> date | None:
    """An ISO date from a form field; None (and an error unless optional) when empty or malformed."""
    text = (text or "").strip()
    if not text and optional:
        return None
    try:
        if len(text) != 10 or not text.isascii():  # fromisoformat also takes "20261130" and week dates
            raise ValueError(text)
        return date.fromisoformat(text)
    except ValueError:
        errors.append(FieldError(field, "date_format"))
        return None


def parse_person(text) -> int | None:
    """A person id from a select's value; None for "nobody" (a wrong value is caught by the service)."""
    text = (text or "").strip()
    return int(text) if text.isdigit() and len(text) < 12 else (-1 if text else None)


def _money(text, field: str, errors: list[FieldError]) -> int:
    if not (text or "").strip():
        errors.append(FieldError(field, "required"))
        return 0
    try:
        return parse_cents(text)
    except MoneyError as err:
        errors.append(FieldError(field, err.code, {"max": MAX_CENTS} if err.code == "too_large" else {}))
        return 0


def parse_proposal(form: "ActionForm", errors: list[FieldError]) -> Proposal | None:
    """The proposed frame when the box is ticked, else None."""
    if not form.propose.data:
        return None
    cap = _money(form.cap.data, "cap", errors)
    allowance = _money(form.allowance.data, "allowance", errors)
    return Proposal(cap_cents=cap, allowance_cents=allowance, period=form.period.data or "week",
                    kinds=tuple(form.kinds.data or ()), why=form.why.data or "")


class OpenForm(FlaskForm):
    """Plan a session: when, what it is called, which days it looks back on, who facilitates."""

    held_on = StringField(_l("Date of the session"))
    title = StringField(_l("Title"))
    period_start = StringField(_l("Looking back from"))
    period_end = StringField(_l("Up to and including"))
    facilitator = SelectField(_l("Facilitator"), validate_choice=False)


class CaptureForm(FlaskForm):
    """Notes and who took part: names, or only a count."""

    notes = TextAreaField(_l("Notes"))
    participants = StringField(_l("Who took part (names)"))
    participant_count = StringField(_l("Or only how many"))


class TakeawayForm(FlaskForm):
    """One line: what the team takes away."""

    text = StringField(_l("What we take away"))
    kind = SelectField(_l("About the kind"), validate_choice=False)
    trigger = SelectField(_l("About the trigger"), validate_choice=False)


class ActionForm(FlaskForm):
    """An agreed action, optionally with a proposed frame change beside the frame in force."""

    text = StringField(_l("What we agreed"))
    owner = SelectField(_l("Who"), validate_choice=False)
    due_on = StringField(_l("By when"))
    propose = BooleanField(_l("Propose a frame change"))
    cap = StringField(_l("Up to per gesture"))
    allowance = StringField(_l("Allowance per person"))
    period = SelectField(_l("Per"), validate_choice=False)
    kinds = SelectMultipleField(_l("Kinds the frame covers (none chosen: all)"), validate_choice=False)
    why = TextAreaField(_l("Why"))


class ApplyForm(FlaskForm):
    """From which day the agreed frame applies."""

    valid_from = StringField(_l("In force from"))


class StatusForm(FlaskForm):
    """Open, done or dropped."""

    status = HiddenField()
    via = HiddenField()


class ButtonForm(FlaskForm):
    """A button that only needs the CSRF token (add, remove, move, start, close, send)."""

    gesture_id = HiddenField()
    direction = HiddenField()
