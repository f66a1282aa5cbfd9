"""The API v1 blueprint and its table of operations: each view is declared once with its schemas, which
serve both the validation (inputs.py) and the OpenAPI document (openapi.py).

Most operations are for other systems and need an API token (auth.py). The tablet's outbox (outbox.py) is
the exception, `auth=SEND_TOKEN`: its body carries the send token the log form issued, and the request
comes from that token's tablet (its device cookie) or its sign-in's own browser (web/api/views.deliver).
"""

import inspect
from dataclasses import dataclass, field

from flask import Blueprint

from web.api.v1.auth import token_required
from web.extensions import csrf

bp = Blueprint("v1", __name__, url_prefix="/v1")

# A row id in a path: 1 to 2^63-1, so a 20-digit id is a 404 before it reaches the database driver.
ID = "int(min=1, max=9223372036854775807)"
API_TOKEN, SEND_TOKEN = "api_token", "send_token"  # who an operation lets in (see the module docstring)


@dataclass(frozen=True)
class Operation:
    """One documented endpoint: what it reads, what it answers, which token scope it needs."""

    method: str
    rule: str
    endpoint: str
    summary: str
    tag: str
    responses: dict[int, type]
    body: type | None = None
    query: type | None = None
    write: bool = False
    description: str = ""
    errors: tuple[int, ...] = field(default=())
    auth: str = API_TOKEN


OPERATIONS: list[Operation] = []


def operation(method: str, rule: str, *, summary: str, tag: str, responses: dict[int, type],
              body: type | None = None, query: type | None = None, write: bool = False,
              errors: tuple[int, ...] = (), auth: str = API_TOKEN):
    """Register a view on the blueprint behind a token check, and in the table the document is built from.

    With `auth=SEND_TOKEN` the view checks its sender itself (the send token is in the body it reads)."""
    def decorator(view):
        OPERATIONS.append(Operation(method, rule, view.__name__, summary, tag, responses, body, query, write,
                                    inspect.cleandoc(view.__doc__ or ""), errors, auth))
        # API-token requests carry no cookies, so the cookie-session CSRF check does not apply to them; the
        # outbox's send token is its own anti-forgery token (why: web/api/v1/outbox.py).
        guarded = token_required(write=write)(view) if auth == API_TOKEN else view
        bp.add_url_rule(rule, view.__name__, csrf.exempt(guarded), methods=[method])
        return view
    return decorator
