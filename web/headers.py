"""Response headers (CSP, no-store on a shared tablet, …), the tablet and language cookies, CSRF failures."""

from flask import Flask, current_app, g, render_template, request, session, url_for
from flask_babel import lazy_gettext as _l
from flask_login import current_user
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from web.i18n import LANGUAGES
from web.security import (
    CSP,
    LANG_COOKIE,
    LANG_COOKIE_MAX_AGE,
    TABLET_COOKIE,
    TABLET_COOKIE_MAX_AGE,
    local_referrer,
)


def set_tablet_cookie(response, token: str) -> None:
    """Remember this browser as a team tablet (long-lived, HttpOnly, SameSite=Lax, Secure outside debug)."""
    response.set_cookie(TABLET_COOKIE, token, max_age=int(TABLET_COOKIE_MAX_AGE.total_seconds()),
                        httponly=True, samesite="Lax", secure=current_app.config["SESSION_COOKIE_SECURE"])


def forget_tablet_cookie(response) -> None:
    response.delete_cookie(TABLET_COOKIE, httponly=True, samesite="Lax",
                           secure=current_app.config["SESSION_COOKIE_SECURE"])


def remember_language(response, lang: str) -> None:
    """Keep the language choice in the session and in a cookie that outlives it."""
    session["lang"] = lang
    response.set_cookie(LANG_COOKIE, lang, max_age=int(LANG_COOKIE_MAX_AGE.total_seconds()),
                        httponly=True, samesite="Lax", secure=current_app.config["SESSION_COOKIE_SECURE"])


def _language_from_cookie() -> None:
    if "lang" not in session and request.cookies.get(LANG_COOKIE) in LANGUAGES:
        session["lang"] = request.cookies[LANG_COOKIE]


def _policy(directives: dict) -> str:
    return "; ".join(f"{k} {v}" for k, v in directives.items())


_CSP_HEADER = _policy(CSP)  # the usual policy, joined once


def _security_headers(response):
    relaxed = g.get("csp")
    response.headers["Content-Security-Policy"] = _policy({**CSP, **relaxed}) if relaxed else _CSP_HEADER
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["Referrer-Policy"] = "same-origin"
    response.headers["Cross-Origin-Opener-Policy"] = "same-origin"
    response.headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()"
    if request.is_secure:
        response.headers["Strict-Transport-Security"] = "max-age=31536000"
    # The tablet cookie is checked first: it spares loading the signed-in user on a tablet's requests.
    if request.endpoint != "static" and (TABLET_COOKIE in request.cookies or current_user.is_authenticated):
        # A shared tablet: nothing a signed-in person saw may come back from a cache.
        response.headers["Cache-Control"] = "no-store"
        response.vary.add("Cookie")
    return response


def _csrf_failed(_exc: CSRFError):
    # Usually a form left open too long (or a cookie cleared): say so kindly and offer the way back.
    if request.accept_mimetypes.best == "application/json" or request.is_json:
        return {"error": "csrf", "message": "The form expired; reload the page."}, 400
    return render_template("auth/csrf_error.html", back=local_referrer() or url_for("main.index")), 400


# What each refusal means in plain words; anything else falls back to "not right".
ERROR_TEXTS = {
    403: (_l("Not for this account"),
          _l("You don't have access to this page. Signed in as someone else? Sign out first.")),
    404: (_l("Page not found"), _l("This page does not exist, or it is not yours to see.")),
    413: (_l("Too much at once"), _l("That was too much data to send at once. Send less and try again.")),
    429: (_l("A short pause"), _l("Too many tries in a short time. Wait a moment and try again.")),
    500: (_l("Something went wrong"),
          _l("Something went wrong on our side, not yours. Nothing was saved. Try again in a moment.")),
}
NOT_RIGHT = (_l("That did not work"), _l("Something in this request was not right. Go back and try again."))


def _http_error(exc: HTTPException):
    code = exc.code or 500
    if request.path.startswith("/api/") or request.accept_mimetypes.best == "application/json":
        return {"error": code, "message": exc.name}, code
    title, text = ERROR_TEXTS.get(code, NOT_RIGHT)
    return render_template("error.html", title=title, text=text, code=code,
                           back=local_referrer()), code


def init_app(app: Flask) -> None:
    """Set the headers on every response and read the language cookie; answer errors kindly."""
    app.before_request(_language_from_cookie)
    app.after_request(_security_headers)
    app.register_error_handler(CSRFError, _csrf_failed)
    app.register_error_handler(HTTPException, _http_error)
