"""Settings from the environment, failing fast on what production must not run without."""

import os

from ledger.db import default_url


class ConfigError(RuntimeError):
    """The environment is missing something the app needs."""


MIN_SECRET_LENGTH = 32
# Values copied from examples, tutorials and this app's own development default: never a real secret.
KNOWN_DEFAULTS = frozenset({
    "dev-only-not-secret", "dev", "development", "secret", "secret-key", "secret_key", "secretkey",
    "changeme", "change-me", "change_me", "please-change-me", "your-secret-key", "your_secret_key",
    "supersecret", "super-secret", "test-secret", "test", "default", "flask-secret", "insecure",
})


def secret_key_problem(secret: str | None) -> str | None:
    """Why this SECRET_KEY must not sign production cookies ("is not set", …), or None when it will do."""
    if not secret:
        return "is not set"
    if secret.strip().lower() in KNOWN_DEFAULTS or len(set(secret)) < 8:
        return "is a well-known example value"
    if len(secret) < MIN_SECRET_LENGTH:
        return f"is shorter than {MIN_SECRET_LENGTH} characters"
    return None


MAX_PROXY_HOPS = 5


def proxy_hops(value: str | None) -> int:
    """PROXY_HOPS: how many reverse proxies in front of the app set X-Forwarded-For/-Proto (0: none)."""
    text = (value or "0").strip()
    if not text.isascii() or not text.isdigit() or int(text) > MAX_PROXY_HOPS:
        raise ConfigError(f"PROXY_HOPS must be a whole number from 0 to {MAX_PROXY_HOPS} (the reverse "
                          f"proxies in front of the app, e.g. 1 behind nginx), not {value!r}.")
    return int(text)


def from_env(environ: dict[str, str] | None = None) -> dict:
    """Read the app's settings from environment variables."""
    env = os.environ if environ is None else environ
    debug = env.get("FLASK_DEBUG", "") in {"1", "true", "True"}
    secret = env.get("SECRET_KEY")
    problem = secret_key_problem(secret)
    if problem and not debug:
        raise ConfigError(f"SECRET_KEY {problem}. Set it to a long random string, e.g. python3 -c "
                          "'import secrets; print(secrets.token_urlsafe(48))' (debug mode excepted).")
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
        # The second factor is mandatory for admins (also a setting row, ledger/services/mfa.py).
        "MFA_REQUIRED_FOR_ADMINS": env.get("MFA_REQUIRED_FOR_ADMINS", "0") == "1",
        "PROXY_HOPS": proxy_hops(env.get("PROXY_HOPS")),
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
