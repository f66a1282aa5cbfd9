"""A fresh sign-in for sensitive actions (role changes, exports, erasure, API tokens, MFA changes).

A password session proves its owner within RECENT_AUTH of the action, else the person confirms it at
/auth/confirm and comes back; a PIN session never may (403). The one mechanism for every such action.
"""

import time
from datetime import timedelta
from functools import wraps

from flask import abort, current_app, redirect, request, session, url_for
from flask_login import current_user

from web.redirects import local_referrer
from web.security import signed_in_person, signed_in_with_pin, to_sign_in

RECENT_AUTH = timedelta(minutes=5)  # app.config["RECENT_AUTH_SECONDS"] overrides it (tests)


def mark_recent_auth() -> None:
    """The person has just proved it is them (password, and their second factor when they have one)."""
    session["auth_at"] = int(time.time())


def has_recent_auth() -> bool:
    """True for a password session whose owner proved it is them within RECENT_AUTH."""
    limit = current_app.config.get("RECENT_AUTH_SECONDS", RECENT_AUTH.total_seconds())
    return (current_user.is_authenticated and not signed_in_with_pin()
            and time.time() - session.get("auth_at", 0) <= limit)


def recent_auth_redirect(back: str | None = None):
    """None when the sign-in is fresh enough; else where to confirm it (and come back to `back`, by
    default this page or, after a POST, the page it came from), or 403 for a PIN session."""
    if has_recent_auth():
        return None
    if signed_in_with_pin():
        abort(403)
    if back is None:
        back = request.full_path.rstrip("?") if request.method == "GET" else local_referrer()
    return redirect(url_for("auth.confirm", next=back))


def require_recent_auth(view):
    """Sensitive actions (role changes, exports, erasure, API tokens, MFA changes): a fresh sign-in first."""
    @wraps(view)
    def wrapped(*args, **kwargs):
        if signed_in_person() is None:
            return to_sign_in()
        return recent_auth_redirect() or view(*args, **kwargs)
    return wrapped
