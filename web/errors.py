"""Errors mapped once: every refusal becomes a kind page, or problem+json (RFC 9457) under /api.

The ledger's domain errors (ledger/errors.py) answer NotFound → 404, NotAllowed → 403, Conflict → 409,
ValidationFailed → 422 here, so views catch only what they show next to a field; a value the database
refuses (a NUL byte in text on PostgreSQL) is a 400. A busy or unreachable
database answers 503 with Retry-After (a moment later it usually works); HTTP errors (404, 413, …) and
an expired CSRF token get the same two shapes. A page never shows a traceback.
"""

from flask import Flask, current_app, g, render_template, request, url_for
from flask_babel import lazy_gettext as _l
from flask_wtf.csrf import CSRFError
from markupsafe import escape
from sqlalchemy.exc import DataError, OperationalError
from werkzeug.exceptions import HTTPException

from ledger.errors import (
    Conflict,
    FieldError,
    LedgerError,
    LockedOut,
    NotAllowed,
    NotFound,
    TeamArchived,
    ValidationFailed,
)
from web.gestures.forms import SERVICE_TO_FORM, form_errors
from web.labels import field_message
from web.redirects import local_referrer

PROBLEM_JSON = "application/problem+json"
RETRY_AFTER_SECONDS = 5  # SQLite waits 5 s for a lock itself (busy_timeout); by then it has usually passed
DOMAIN_STATUS = ((NotFound, 404), (TeamArchived, 403), (NotAllowed, 403), (Conflict, 409),
                 (ValidationFailed, 422), (LockedOut, 429))

# What each refusal means in plain words; anything else falls back to "not right".
ERROR_TEXTS = {
    403: (_l("Not for this account"),
          _l("You don't have access to this page. Signed in as someone else? Sign out first.")),
    404: (_l("Page not found"), _l("This page does not exist, or it is not yours to see.")),
    409: (_l("Changed in the meantime"),
          _l("Someone changed this in the meantime. Go back, reload the page and try again.")),
    413: (_l("Too much at once"), _l("That was too much data to send at once. Send less and try again.")),
    422: (_l("Please check what you entered"), _l("Something you entered cannot be stored as it is.")),
    429: (_l("A short pause"), _l("Too many tries in a short time. Wait a moment and try again.")),
    500: (_l("Something went wrong"),
          _l("Something went wrong on our side, not yours. Nothing was saved. Try again in a moment.")),
    503: (_l("Busy for a moment"),
          _l("The ledger is busy or cannot reach its database right now. Nothing was saved. "
             "Try again in a few seconds.")),
}
NOT_RIGHT = (_l("That did not work"), _l("Something in this request was not right. Go back and try again."))
CSRF_TEXTS = (_l("The form expired"), _l("The form expired; reload the page."))
# An archived team is no matter of this account's rights: the team stopped, and saying so is the whole answer.
# 403, not 409: the tablet's outbox takes a 409 for "already stored" and would drop the gesture.
ARCHIVED_TEXTS = (_l("This team is archived"),
                  _l("This team is archived: its history can still be read, but it takes no new gestures. "
                     "Nothing was saved."))


def wants_json() -> bool:
    """API paths, and clients that ask for JSON, get problem+json instead of a page."""
    return (request.path == "/api" or request.path.startswith("/api/")
            or request.accept_mimetypes.best == "application/json" or request.is_json)


def problem(status: int, error, *, title=None, detail=None, headers: dict | None = None, **extra):
    """An RFC 9457 problem document; `error` stays as the short code the tablet's scripts already read."""
    default_title, default_detail = ERROR_TEXTS.get(status, NOT_RIGHT)
    body = {"type": "about:blank", "title": str(title or default_title), "status": status,
            "detail": str(detail or default_detail), "error": error, **extra}
    return body, status, {"Content-Type": PROBLEM_JSON, **(headers or {})}


def _page(status: int, *, headers: dict | None = None, problems: list[str] | None = None, texts=None):
    title, text = texts or ERROR_TEXTS.get(status, NOT_RIGHT)
    html = render_template("error.html", title=title, text=text, code=status, back=local_referrer(),
                           problems=problems or [])
    return html, status, headers or {}


def name_fields_as_the_form() -> None:
    """Name this request's refused fields as the log form does (cost, not cost_cents): an API v1 operation
    whose body is the form's own fields (the tablet's outbox, web/api/v1/outbox.py) calls this."""
    g.form_field_names = True


def _field_errors(errors: list[FieldError]) -> dict:
    """{field: message} and {field: ledger code}, the first error per field, named as the request named it."""
    if request.path.startswith("/api/v1/") and not g.get("form_field_names"):
        # API v1 bodies name fields as the ledger does (cost_cents, not cost).
        codes = {err.field: err.code for err in reversed(errors)}
        return {"errors": {err.field: field_message(err) for err in reversed(errors)}, "codes": codes}
    codes: dict[str, str] = {}
    for err in errors:
        codes.setdefault(SERVICE_TO_FORM.get(err.field, err.field), err.code)
    return {"errors": form_errors(errors), "codes": codes}


def _domain_error(exc: LedgerError):
    status = next((code for kind, code in DOMAIN_STATUS if isinstance(exc, kind)), 400)
    fields = (exc.errors if isinstance(exc, ValidationFailed)
              else [FieldError("form", "conflict")] if isinstance(exc, Conflict) else [])
    archived = isinstance(exc, TeamArchived)
    if wants_json():
        error = "team_archived" if archived else {422: "invalid", 409: "conflict"}.get(status, status)
        titles = dict(zip(("title", "detail"), ARCHIVED_TEXTS, strict=True)) if archived else {}
        return problem(status, error, **titles, **(_field_errors(fields) if fields else {}))
    problems = list(form_errors(fields).values()) if isinstance(exc, ValidationFailed) else []
    return _page(status, problems=problems, texts=ARCHIVED_TEXTS if archived else None)


def _database_unavailable(exc: OperationalError):
    # "database is locked" (SQLite) or a lost PostgreSQL connection: a moment later it usually works.
    current_app.logger.warning("database unavailable: %s", exc.orig or exc)
    session = g.pop("db_session", None)
    if session is not None:
        session.close()
    headers = {"Retry-After": str(RETRY_AFTER_SECONDS)}
    if wants_json():
        return problem(503, "unavailable", headers=headers, retry_after=RETRY_AFTER_SECONDS)
    try:
        return _page(503, headers=headers)
    except OperationalError:  # the page's frame asks the database too (which team, who is signed in)
        title, text = (escape(str(part)) for part in ERROR_TEXTS[503])
        return f"<!doctype html><title>{title}</title><h1>{title}</h1><p>{text}</p>", 503, headers


def _data_refused(exc: DataError):
    # The database refused a value the request brought (PostgreSQL: a NUL byte in text, a number out of
    # range): the request was wrong, not the server. The session is dropped, as its transaction failed.
    current_app.logger.info("database refused a value: %s", exc.orig or exc)
    session = g.pop("db_session", None)
    if session is not None:
        session.close()
    return problem(400, "bad_value") if wants_json() else _page(400)


def _csrf_failed(_exc: CSRFError):
    # Usually a form left open too long (or a cookie cleared): say so kindly and offer the way back.
    if wants_json():
        title, detail = CSRF_TEXTS
        return problem(400, "csrf", title=title, detail=detail, message=str(detail))
    return render_template("auth/csrf_error.html", back=local_referrer() or url_for("main.index")), 400


def _http_error(exc: HTTPException):
    code = exc.code or 500
    if wants_json():
        detail = exc.description if code not in ERROR_TEXTS else None
        # A refusal that names its reason (web/api/body.py: "too_deep", "not_json", …) keeps that code.
        return problem(code, getattr(exc, "error", code), detail=detail, message=exc.name)
    return _page(code)


def init_app(app: Flask) -> None:
    """Register the handlers: domain errors, an unavailable database, CSRF failures, HTTP errors."""
    app.register_error_handler(LedgerError, _domain_error)
    app.register_error_handler(OperationalError, _database_unavailable)
    app.register_error_handler(DataError, _data_refused)
    app.register_error_handler(CSRFError, _csrf_failed)
    app.register_error_handler(HTTPException, _http_error)
