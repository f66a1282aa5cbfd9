"""The auth blueprint and the lock-out words its screens share (password, set-up code, second factor).

Apart from views.py so mfa.py can add its routes and show the same messages without importing views.py,
which calls into mfa.py after a password (no import circle). The tablet and the facilitator's sign-in
use the same words.
"""

import math

from flask import Blueprint
from flask_babel import ngettext

from ledger.types import utcnow

bp = Blueprint("auth", __name__, url_prefix="/auth")


def locked_message(until) -> str:
    """"Too many tries" in the user's language, with the minutes left."""
    minutes = max(1, math.ceil((until - utcnow()).total_seconds() / 60))
    return ngettext("Too many tries. Wait %(num)d minute and try again, or ask your manager.",
                    "Too many tries. Wait %(num)d minutes and try again, or ask your manager.", minutes)


def tries_left_message(left: int | None) -> str:
    """How many tries remain before the lock, when we know it."""
    if left is None or left > 2:
        return ""
    return ngettext("%(num)d try left before a short pause.",
                    "%(num)d tries left before a short pause.", left)
