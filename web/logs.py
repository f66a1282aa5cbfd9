"""Log lines that cannot leak or lie: no PINs, passwords, cookies or tokens, and no forged lines.

`SafeLogFilter` renders each record's message once, masks credentials (name=value pairs such as
pin=…, password=…, token=…, Cookie/Authorization headers, API secrets gl_…, tablet links /t/…, argon2
hashes) and escapes CR, LF and other control characters, so text a user typed can never start a new,
made-up log line. The app never logs free text (stories, notes) in the first place; the filter is the net
under that rule. Installed on the app's, werkzeug's and gunicorn's loggers and on the root handlers.
"""

import logging
import re

_SECRET_PAIR = re.compile(
    r"(?i)\b(pin|pin_again|password|passwd|pwd|secret|token|send_token|csrf_token|code|api_key|session"
    r"|cookie|authorization|set-cookie)(\"?\s*[:=]\s*\"?)(?:bearer\s+)?[^\s\"'&;,]+")
_PATTERNS = (
    (re.compile(r"\bgl_[A-Za-z0-9_-]{16,}"), "gl_[hidden]"),  # API token secrets
    (re.compile(r"/t/[A-Za-z0-9_-]{16,}"), "/t/[hidden]"),  # a tablet's enrolment link
    (re.compile(r"\$argon2id?\$[^\s\"']+"), "[hash]"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0a-\x1f\x7f\u2028\u2029\x85]")


def clean(text: str) -> str:
    """`text` with credentials masked and control characters (newlines first of all) made visible."""
    text = _SECRET_PAIR.sub(lambda m: f"{m.group(1)}{m.group(2)}[hidden]", text)
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


class SafeLogFilter(logging.Filter):
    """Rewrites every record's message through `clean` (it never drops a record)."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except (TypeError, ValueError):
            message = str(record.msg)
        record.msg, record.args = clean(message), ()
        return True


_FILTER = SafeLogFilter()
LOGGERS = ("werkzeug", "gunicorn.error", "gunicorn.access", "sqlalchemy.engine")


def init_app(app) -> None:
    """Put the filter on the app's logger, the servers' loggers and every root handler."""
    for logger in (app.logger, *(logging.getLogger(name) for name in LOGGERS)):
        if _FILTER not in logger.filters:
            logger.addFilter(_FILTER)
    for handler in (*logging.getLogger().handlers, *app.logger.handlers):
        if _FILTER not in handler.filters:
            handler.addFilter(_FILTER)
