"""The app's own cookies: the tablet's device cookie and the language choice (names, lifetimes, setting).

Shared by web/security.py (which reads the tablet cookie) and web/headers.py (which reads the language
cookie), so neither has to import the other.
"""

from datetime import timedelta

from flask import current_app, session

TABLET_COOKIE = "gl_tablet"
TABLET_COOKIE_MAX_AGE = timedelta(days=400)  # browsers cap cookie lifetimes at 400 days
LANG_COOKIE = "lang"
LANG_COOKIE_MAX_AGE = timedelta(days=365)


def set_tablet_cookie(response, token: str) -> None:
    """Remember this browser as a team tablet (long-lived, HttpOnly, SameSite=Lax, Secure outside debug)."""
    response.set_cookie(TABLET_COOKIE, token, max_age=int(TABLET_COOKIE_MAX_AGE.total_seconds()),
                        httponly=True, samesite="Lax", secure=current_app.config["SESSION_COOKIE_SECURE"])


def forget_tablet_cookie(response) -> None:
    """Make this browser an ordinary browser again."""
    response.delete_cookie(TABLET_COOKIE, httponly=True, samesite="Lax",
                           secure=current_app.config["SESSION_COOKIE_SECURE"])


def remember_language(response, lang: str) -> None:
    """Keep the language choice in the session and in a cookie that outlives it."""
    session["lang"] = lang
    response.set_cookie(LANG_COOKIE, lang, max_age=int(LANG_COOKIE_MAX_AGE.total_seconds()),
                        httponly=True, samesite="Lax", secure=current_app.config["SESSION_COOKIE_SECURE"])
