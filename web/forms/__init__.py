"""Flask-WTF forms: each one carries a CSRF token; messages are translated lazily."""

from flask_wtf import FlaskForm


class ActionForm(FlaskForm):
    """A form with nothing but its CSRF token: for POST buttons (sign out, revoke, issue a code)."""
