"""What every area's forms share: the CSRF-only base form and the PIN pattern."""

from flask_wtf import FlaskForm

# [0-9], not \d: \d also matches other scripts' digits ("٣"); \Z refuses a trailing newline.
PIN_REGEXP = r"[0-9]{4,6}\Z"


class ActionForm(FlaskForm):
    """A form with nothing but its CSRF token: for POST buttons (sign out, revoke, issue a code)."""
