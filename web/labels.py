"""Translated labels for the ledger's machine codes, and messages for field errors.

The ledger speaks in codes (ledger/vocab.py, FieldError.code). Each code's one label is a msgid in
ledger/i18n/labels.py, which reports/ translates too, so the tablet, the report pages, exports, the digest
and the CLI say the same thing. Here the labels are lazy strings, translated in the request's language.
"""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from flask_babel import get_locale, ngettext
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from ledger.errors import FieldError
from ledger.i18n import formats
from ledger.i18n import labels as vocab
from web.i18n import money

MONEY_FIELDS = frozenset({"cost", "cost_cents", "per_gesture_cap_cents", "allowance_cents"})
MINUTE_FIELDS = frozenset({"effort", "effort_minutes"})


def _lazy(table: dict) -> dict:
    # The msgids live in ledger/i18n/labels.py (one label per code); here they become lazy strings,
    # translated by Flask-Babel when rendered, in the request's language.
    return {code: _l(message) for code, message in table.items()}


KINDS = _lazy(vocab.KINDS)
TRIGGERS = _lazy(vocab.TRIGGERS)
REACTIONS = _lazy(vocab.REACTIONS)  # the 1–5 reaction scale in words (DESIGN §4)
FOLLOW_UPS = _lazy(vocab.FOLLOW_UPS)
ROLES = _lazy(vocab.ROLES)
MANDATE_CHECKS = _lazy(vocab.MANDATE_CHECKS)  # information for the conversation, never a verdict
PERIODS = _lazy(vocab.PERIODS)
PII_CATEGORIES = _lazy(vocab.PII_CATEGORIES)  # personal data removed from free text (ledger/pii.py)
ENTRY_TYPES = _lazy(vocab.ENTRY_TYPES)
PROMPT_KINDS = _lazy(vocab.PROMPT_KINDS)
SETTINGS = _lazy(vocab.SETTINGS)

# FieldError codes → messages. Params from the error fill the placeholders.
_MESSAGES = {
    "required": _l("Please choose or fill in this one."),
    "type": _l("This value is not of the right kind."),
    "unknown": _l("Please choose one of the options."),
    "out_of_range": _l("Please choose a value from the scale."),
    "negative": _l("An amount cannot be below zero."),
    "too_large": _l("That is more than we accept here (at most %(max)s)."),
    "too_long": _l("Please keep this shorter: at most %(max)s characters."),
    "control_chars": _l("This text contains characters that cannot be stored."),
    "future": _l("This moment is still in the future."),
    "too_old": _l("Gestures older than %(days)s days cannot be logged here."),
    "naive": _l("Please give a date and a time."),
    "format": _l("Please type an amount like 4,50 or 4.50."),
    "minutes_format": _l("Please type whole minutes, like 10."),
    "date_format": _l("Please give a date like 2026-11-23."),
    "time_format": _l("Please give a time like 14:30."),
    "reason_required": _l("Please say briefly why."),
    "window_closed": _l("This entry can no longer be changed: the time to correct it has passed."),
    "not_own": _l("You can only change your own entries."),
    "superseded": _l("This entry was already corrected or withdrawn."),
    "conflict": _l("This entry was already saved with other content."),
    "own_gesture": _l("You cannot appreciate your own gesture."),
    "already": _l("You already appreciated this gesture."),
    "busy": _l("The ledger was busy and nothing was saved. Your entry is still here: try again in a few "
               "seconds."),
}


def field_message(error: FieldError) -> str:
    """The message for one field error, in the request's language."""
    template = _MESSAGES.get(error.code, _l("Please check this value."))
    params = {k: _format_param(error.field, k, v) for k, v in error.params.items()}
    try:
        return str(template) % params if "%(" in str(template) else str(template)
    except (KeyError, ValueError, TypeError):
        return str(template).split("(")[0].strip()


def _format_param(field: str, key: str, value):
    if field in MONEY_FIELDS and key == "max" and isinstance(value, int):
        return money(value)  # money limits arrive in cents; a person reads euros
    if field in MINUTE_FIELDS and key in ("max", "min") and isinstance(value, int):
        return ngettext("%(num)s minute", "%(num)s minutes", value)  # "at most 600" alone has no unit
    return value


def choices(labels: dict) -> list[tuple[str, object]]:
    """(code, label) pairs for a WTForms RadioField, in the vocabulary's order."""
    return [(str(code), label) for code, label in labels.items()]


def label_for(labels: dict, code) -> str:
    """The label of a code, or the code itself when it is not known (never an error on display)."""
    return str(labels.get(code, code or ""))


# Icons (web/static/icons, rendered by the `icon` macro) for the codes, so every screen draws them alike.
KIND_ICONS = {"gift": "gift", "treat": "coffee", "time": "clock", "upgrade": "circle-arrow-up",
              "discount": "percent", "recovery": "wrench", "other": "ellipsis"}
TRIGGER_ICONS = {"complaint": "message-circle-warning", "waiting": "hourglass", "celebration": "party-popper",
                 "regular": "repeat", "in_need": "hand-heart", "first_visit": "sparkles",
                 "spontaneous": "zap", "other": "ellipsis"}
REACTION_ICONS = {1: "frown", 2: "meh", 3: "smile", 4: "laugh", 5: "heart"}


def frame_text(frame) -> str:
    """The frame in plain words — information, never a warning."""
    if frame is None or frame.mandate_id is None:
        return _("Your team has not agreed a frame yet. Log what you did: it helps the team agree one.")
    values = {"cap": money(frame.cap_cents), "allowance": money(frame.allowance_cents),
              "used": money(frame.used_cents)}
    if frame.period == "month":
        text = _("You can spend up to %(cap)s per gesture and %(allowance)s per month; "
                 "used this month: %(used)s.", **values)
    else:
        text = _("You can spend up to %(cap)s per gesture and %(allowance)s per week; "
                 "used this week: %(used)s.", **values)
    if frame.kinds:
        kinds = ", ".join(label_for(KINDS, k) for k in frame.kinds)
        text += " " + _("The frame covers: %(kinds)s.", kinds=kinds)
    return text


def local_when(moment, tz: str) -> str:
    """An aware moment as the team's clock shows it: "today, 14:30" or "Mon 23 Nov, 14:30"."""
    zone = ZoneInfo(tz)
    local = moment.astimezone(zone)
    clock = formats.clock(local.timetz(), str(get_locale()))
    today = datetime.now(zone).date()
    if local.date() == today:
        return _("today, %(time)s", time=clock)
    if local.date() == today - timedelta(days=1):
        return _("yesterday, %(time)s", time=clock)
    return formats.day(local.date(), str(get_locale()), "EEE d MMM") + ", " + clock


def short_money(cents: int) -> str:
    """Whole euros without decimals for quick picks: "€ 5" / "€5" (Babel's pattern); others as `money`."""
    return money(cents, whole=True)


def date_short(day) -> str:
    """A date as "23 nov 2026" / "23 Nov 2026"."""
    return formats.day(day, str(get_locale()), "d MMM y")


def template_helpers() -> dict:
    """Label functions and icon maps every template may use (macros imported without context too)."""
    return {
        "kind_label": lambda code: label_for(KINDS, code),
        "trigger_label": lambda code: label_for(TRIGGERS, code),
        "reaction_label": lambda score: label_for(REACTIONS, score),
        "follow_up_label": lambda code: label_for(FOLLOW_UPS, code),
        "check_label": lambda code: label_for(MANDATE_CHECKS, code),
        "entry_label": lambda code: label_for(ENTRY_TYPES, code),
        "role_label": lambda code: label_for(ROLES, code),
        "period_label": lambda code: label_for(PERIODS, code),
        "kind_labels": lambda codes: ", ".join(label_for(KINDS, c) for c in codes),
        "kind_icons": KIND_ICONS, "trigger_icons": TRIGGER_ICONS, "reaction_icons": REACTION_ICONS,
    }
