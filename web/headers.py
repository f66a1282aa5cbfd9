"""Response headers on every answer: the content security policy, no-store on a shared tablet, and the
language cookie read back into the session."""

from flask import Flask, g, request, session
from flask_login import current_user

from web.cookies import LANG_COOKIE, TABLET_COOKIE
from web.i18n import LANGUAGES

CSP = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "manifest-src": "'self'",
    "worker-src": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
    "base-uri": "'none'",
    "object-src": "'none'",
}


def _language_from_cookie() -> None:
    if "lang" not in session and request.cookies.get(LANG_COOKIE) in LANGUAGES:
        session["lang"] = request.cookies[LANG_COOKIE]


def _policy(directives: dict) -> str:
    return "; ".join(f"{k} {v}" for k, v in directives.items())


_CSP_HEADER = _policy(CSP)  # the usual policy, joined once


def relax_csp(**directives: str) -> None:
    """Widen the Content-Security-Policy for this response only, e.g. relax_csp(style_src="'self' x")."""
    g.setdefault("csp", {}).update({k.replace("_", "-"): v for k, v in directives.items()})


# The headers every answer carries (the policy aside); web/api/lane.py sends them without a Flask response.
FIXED = (
    ("X-Content-Type-Options", "nosniff"),
    ("X-Frame-Options", "DENY"),
    ("Referrer-Policy", "same-origin"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
    ("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()"),
)
HSTS = ("Strict-Transport-Security", "max-age=31536000")  # on HTTPS only
PRIVATE = (("Cache-Control", "no-store"), ("Vary", "Cookie"))  # what a signed-in tablet sees stays private


def security_headers(*, secure: bool, private: bool) -> list[tuple[str, str]]:
    """The usual policy and headers as (name, value) pairs, for an answer built outside Flask."""
    return [("Content-Security-Policy", _CSP_HEADER), *FIXED, *([HSTS] if secure else []),
            *(PRIVATE if private else ())]


def _security_headers(response):
    relaxed = g.get("csp")  # set by relax_csp for one response
    response.headers["Content-Security-Policy"] = _policy({**CSP, **relaxed}) if relaxed else _CSP_HEADER
    response.headers.update(FIXED)
    if request.is_secure:
        response.headers[HSTS[0]] = HSTS[1]
    # The tablet cookie is checked first: it spares loading the signed-in user on a tablet's requests.
    if request.endpoint != "static" and (TABLET_COOKIE in request.cookies or current_user.is_authenticated):
        # A shared tablet: nothing a signed-in person saw may come back from a cache.
        response.headers["Cache-Control"] = "no-store"
        response.vary.add("Cookie")
    return response


def init_app(app: Flask) -> None:
    """Set the headers on every response and read the language cookie."""
    app.before_request(_language_from_cookie)
    app.after_request(_security_headers)
