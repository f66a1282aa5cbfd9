"""Settings from the environment, failing fast on what production must not run without."""

import os

from ledger.db import default_url


class ConfigError(RuntimeError):
    """The environment is missing something the app needs."""


def from_env(environ: dict[str, str] | None = None) -> dict:
    """Read the app's settings from environment variables."""
    env = os.environ if environ is None else environ
    debug = env.get("FLASK_DEBUG", "") in {"1", "true", "True"}
    secret = env.get("SECRET_KEY")
    if not secret and not debug:
        raise ConfigError("SECRET_KEY is not set. Set it to a long random string (debug mode excepted).")
    return {
        "SECRET_KEY": secret or "dev-only-not-secret",
        "DATABASE_URL": env.get("DATABASE_URL") or default_url(),
        "DEBUG": debug,
        "SESSION_COOKIE_SECURE": not debug and env.get("SESSION_COOKIE_SECURE", "1") != "0",
        "PUBLIC_URL": env.get("PUBLIC_URL", "http://127.0.0.1:5000"),
        "SMTP_HOST": env.get("SMTP_HOST", "localhost"),
        "SMTP_PORT": int(env.get("SMTP_PORT", "25")),
        "SMTP_USER": env.get("SMTP_USER", ""),
        "SMTP_PASSWORD": env.get("SMTP_PASSWORD", ""),
        "SMTP_STARTTLS": env.get("SMTP_STARTTLS", "0") == "1",
        "MAIL_FROM": env.get("MAIL_FROM", "gesture-ledger@localhost"),
    }


DEFAULTS = {
    "SESSION_COOKIE_HTTPONLY": True,
    "SESSION_COOKIE_SAMESITE": "Lax",
    "REMEMBER_COOKIE_HTTPONLY": True,
    "BABEL_DEFAULT_LOCALE": "nl",
    "BABEL_DEFAULT_TIMEZONE": "Europe/Amsterdam",
    "CURRENCY": "EUR",
    "MAX_CONTENT_LENGTH": 2 * 1024 * 1024,
    # Person-level comparisons need at least this many active members in a team.
    "MIN_MEMBERS_FOR_COMPARISON": 3,
}
