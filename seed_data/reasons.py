"""Plain-English reasons for the ledger's FieldError codes, named by the CSV column they concern."""

from ledger.errors import FieldError
from ledger.vocab import FollowUp, Kind, Role, Trigger

# Service field name -> CSV column, where they differ.
COLUMNS = {
    "cost_cents": "cost_eur",
    "per_gesture_cap_cents": "per_gesture_cap_eur",
    "allowance_cents": "allowance_eur",
    "display_name": "name",
    "logged_by": "person",
    "since": "member_since",
}

_CHOICES = {
    "kind": ", ".join(Kind),
    "kinds": ", ".join(Kind),
    "trigger": ", ".join(Trigger),
    "follow_up": ", ".join(FollowUp) + " or empty",
    "role": ", ".join(Role),
    "allowance_period": "week or month",
}

_MONEY_FIELDS = {"cost_cents", "per_gesture_cap_cents", "allowance_cents"}

_TAKEN = {
    "email": "is already used by someone else",
    "name": "a team with this name already exists",
    "valid_from": "the team already has a mandate from this date",
}

_GENERIC = {
    "required": "is empty; it is required",
    "type": "has the wrong type",
    "naive": "needs a time zone",
    "future": "lies in the future",
    "too_old": "is more than {days} days ago",
    "negative": "must not be negative",
    "control_chars": "contains control characters (is it binary data?)",
    "too_short": "must be at least {min} characters long",
    "pin_format": "must be 4 to 6 digits",
    "pin_too_simple": "is too easy to guess (a repeated digit or a row like 1234)",
    "format": "is not an e-mail address",
    "inactive": "belongs to someone who is deactivated",
    "not_member": "is not a member of this team",
}


def column(field: str) -> str:
    """The CSV column a service field corresponds to."""
    return COLUMNS.get(field, field)


def reason(err: FieldError, value: str = "") -> str:
    """A short explanation of one FieldError, e.g. "unknown kind 'gift card' (use gift, treat, …)"."""
    code, params = err.code, err.params
    if code == "unknown":
        return _unknown(err.field, value)
    if code == "taken":
        return _TAKEN.get(err.field, "is already taken")
    if code == "too_long":
        if "length" in params:
            return f"is {params['length']} characters long; at most {params['max']} fit"
        return f"is longer than {params.get('max')} characters"
    if code == "too_large":
        return f"is more than {_limit(err.field, params.get('max'))}, which looks like a typo"
    if code == "range" and err.field == "since":
        return "must be a date from the year 2000 up to a year from now"
    if code == "out_of_range":
        return "must be a whole number from 1 to 5"
    template = _GENERIC.get(code)
    return template.format(**params) if template else f"is not accepted ({code})"


def _unknown(field: str, value: str) -> str:
    if field in _CHOICES:
        shown = f" {value!r}" if value else ""
        return f"unknown {field.replace('_', ' ')}{shown} (use {_CHOICES[field]})"
    if field == "timezone":
        return f"unknown time zone {value!r} (use a name like Europe/Amsterdam)"
    if field in ("person", "logged_by"):
        return "unknown person"
    if field == "teams":
        return "names a team that does not exist"
    return "is not known"


def _limit(field: str, limit) -> str:
    if field in _MONEY_FIELDS and isinstance(limit, int):
        return f"€{limit // 100:,}".replace(",", ".")
    if field == "effort_minutes":
        return f"{limit} minutes"
    return str(limit)
