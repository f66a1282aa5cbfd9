"""Validation of gesture content: every field checked, all problems reported at once."""

import unicodedata
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from ledger.errors import FieldError
from ledger.models.gestures import GestureContent
from ledger.pii import CATEGORIES, redact
from ledger.vocab import REACTION_MAX, REACTION_MIN, FollowUp, Kind, Trigger

MAX_GESTURE_CENTS = 1_000_00  # €1,000 for one gesture is a typo, not a gesture
MAX_EFFORT_MINUTES = 600  # ten hours
FUTURE_TOLERANCE = timedelta(minutes=5)  # tablet clocks drift
MAX_AGE = timedelta(days=90)  # older stories belong in a conversation, not in the ledger
TEXT_FIELDS = ("description", "trigger_note", "reaction_note")
TEXT_MAX = {name: GestureContent.model_fields[name].metadata[0].max_length for name in TEXT_FIELDS}


@dataclass(frozen=True)
class GestureInput:
    """Already-typed values of one gesture; the web form and the CSV importer parse text into these."""

    occurred_at: datetime
    kind: str
    trigger: str
    reaction: int
    cost_cents: int = 0
    effort_minutes: int | None = None  # None: not given (unknown), unlike 0 minutes
    description: str = ""
    trigger_note: str = ""
    reaction_note: str = ""
    follow_up: str | None = None


def text_errors(field: str, value, max_len: int) -> list[FieldError]:
    """Type, length and control-character problems of one free-text field."""
    if not isinstance(value, str):
        return [FieldError(field, "type")]
    errors = []
    if len(value) > max_len:
        errors.append(FieldError(field, "too_long", {"max": max_len, "length": len(value)}))
    if any(_forbidden(ch) for ch in value):
        errors.append(FieldError(field, "control_chars"))
    return errors


def _forbidden(ch: str) -> bool:
    # Newlines and tabs are text; other control characters, lone surrogates and non-characters are binary.
    if ch in "\n\r\t":
        return False
    return unicodedata.category(ch) in ("Cc", "Cs") or ch in "\ufffe\uffff"


def _int_errors(field: str, value, low: int, high: int, low_code: str, high_code: str) -> list[FieldError]:
    if isinstance(value, bool) or not isinstance(value, int):
        return [FieldError(field, "type")]
    if value < low:
        return [FieldError(field, low_code, {"min": low})]
    if value > high:
        return [FieldError(field, high_code, {"max": high})]
    return []


def _code_errors(field: str, value, allowed, *, optional: bool = False) -> list[FieldError]:
    if optional and value in (None, ""):
        return []
    if not isinstance(value, str):
        return [FieldError(field, "type")]
    return [] if value in set(allowed) else [FieldError(field, "unknown")]


def occurred_at_errors(value, *, now: datetime, oldest: datetime | None = None) -> list[FieldError]:
    """Problems with when the gesture happened: type, naive, future, too old."""
    if not isinstance(value, datetime):
        return [FieldError("occurred_at", "type")]
    if value.tzinfo is None or value.utcoffset() is None:
        return [FieldError("occurred_at", "naive")]
    if value > now + FUTURE_TOLERANCE:
        return [FieldError("occurred_at", "future")]
    limit = now - MAX_AGE if oldest is None else min(now - MAX_AGE, oldest)
    if value < limit:
        return [FieldError("occurred_at", "too_old", {"days": MAX_AGE.days})]
    return []


def validation_errors(data: GestureInput, *, now: datetime,
                      oldest: datetime | None = None) -> list[FieldError]:
    """Every problem with the content, in field order; `oldest` widens the age limit for corrections."""
    errors = occurred_at_errors(data.occurred_at, now=now, oldest=oldest)
    errors += _code_errors("kind", data.kind, Kind)
    errors += _code_errors("trigger", data.trigger, Trigger)
    errors += _int_errors("reaction", data.reaction, REACTION_MIN, REACTION_MAX,
                          "out_of_range", "out_of_range")
    errors += _int_errors("cost_cents", data.cost_cents, 0, MAX_GESTURE_CENTS, "negative", "too_large")
    if data.effort_minutes is not None:
        errors += _int_errors("effort_minutes", data.effort_minutes, 0, MAX_EFFORT_MINUTES,
                              "negative", "too_large")
    for name in TEXT_FIELDS:
        errors += text_errors(name, getattr(data, name), TEXT_MAX[name])
    errors += _code_errors("follow_up", data.follow_up, FollowUp, optional=True)
    return errors


def clean_text(value: str) -> tuple[str, tuple[str, ...]]:
    """Normalise line ends, trim, and redact personal data; returns the text and categories removed."""
    return redact(value.replace("\r\n", "\n").replace("\r", "\n").strip())


def stored_content(data: GestureInput) -> tuple[dict, tuple[str, ...]]:
    """The column values a valid input becomes (texts redacted), and the categories redacted."""
    content = {
        "occurred_at": data.occurred_at.astimezone(UTC), "kind": data.kind, "trigger": data.trigger,
        "reaction": data.reaction, "cost_cents": data.cost_cents, "effort_minutes": data.effort_minutes,
        "follow_up": data.follow_up or None,
    }
    removed: list[str] = []
    for name in TEXT_FIELDS:
        content[name], cats = clean_text(getattr(data, name))
        removed += cats
    return content, ordered_categories(removed)


def ordered_categories(categories) -> tuple[str, ...]:
    """Categories without repeats, in the scanner's fixed order."""
    seen = set(categories)
    return tuple(c for c in CATEGORIES if c in seen)
