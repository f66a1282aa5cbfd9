"""Logs never hold PINs, passwords, cookies or tokens, and text a user typed cannot forge a log line
(issue 12, "Personal data everywhere")."""

import logging

from web.logs import SafeLogFilter, clean


def test_credentials_are_masked_in_a_log_message():
    line = clean("POST /tablet/pin/3 pin=2580&password=hunter2 Cookie: session=eyJhbGciOi.x.y "
                 "Authorization: Bearer gl_abcdefghijklmnopqrstuvwxyz0123 /t/AbCdEfGhIjKlMnOpQrSt12 "
                 "send_token=IjEyMyI.abc $argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA")
    for secret in ("2580", "hunter2", "eyJhbGciOi", "gl_abcdefghij", "AbCdEfGhIj", "IjEyMyI", "c2FsdA"):
        assert secret not in line


def test_a_newline_in_user_data_cannot_start_a_forged_line(app):
    typed = "Anouk\n2026-11-30 05:00:00 INFO admin granted to mallory\r\x1b[31m"
    seen: list[str] = []
    handler = logging.Handler()
    handler.emit = lambda record: seen.append(handler.format(record))
    app.logger.addHandler(handler)
    try:
        app.logger.warning("unknown name %s", typed)
    finally:
        app.logger.removeHandler(handler)
    assert len(seen) == 1 and "\n" not in seen[0] and "\r" not in seen[0] and "\x1b" not in seen[0]
    assert "\\x0a2026-11-30" in seen[0]


def test_the_filter_is_on_the_apps_and_the_servers_loggers(app):
    assert any(isinstance(f, SafeLogFilter) for f in app.logger.filters)
    assert any(isinstance(f, SafeLogFilter) for f in logging.getLogger("werkzeug").filters)
