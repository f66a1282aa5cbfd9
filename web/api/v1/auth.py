"""Who calls API v1: an API token in `Authorization: Bearer …`, its scope, its teams and its rate limit.

Every refusal is a problem document: no or a wrong/revoked token 401 (with WWW-Authenticate), over the
token's rate 429 with Retry-After, a read-only token writing 403. A team outside the token's teams is
404, as if it did not exist (the same answer the app gives a manager guessing another team's ids).
"""

from functools import wraps

from flask import g, make_response, request
from flask_babel import gettext as _

from ledger.errors import NotFound
from ledger.models import ApiToken
from ledger.services import api_tokens
from web.db import get_session
from web.errors import problem


def _bearer() -> str:
    scheme, _sep, secret = request.headers.get("Authorization", "").partition(" ")
    return secret.strip() if scheme.lower() == "bearer" else ""


def _unauthorised():
    return problem(401, "unauthorised", title=_("Not signed in"),
                   detail=_("Send a valid API token as 'Authorization: Bearer <token>'."),
                   headers={"WWW-Authenticate": 'Bearer realm="gesture-ledger"'})


def _too_many(verdict: api_tokens.RateVerdict):
    return problem(429, "rate_limited", detail=_("This token made too many requests; wait a moment."),
                   headers={"Retry-After": str(verdict.retry_after), **_rate_headers(verdict)},
                   retry_after=verdict.retry_after)


def _rate_headers(verdict: api_tokens.RateVerdict) -> dict[str, str]:
    """What is left of the token's rate this minute, so a client can slow down before a 429."""
    return {"RateLimit-Limit": str(verdict.limit), "RateLimit-Remaining": str(verdict.remaining),
            "RateLimit-Reset": str(verdict.retry_after)}


def _read_only():
    return problem(403, "read_only", detail=_("This token may only read."))


def token_required(*, write: bool = False):
    """Let the view run for a valid token (with the write scope when `write`); answer a problem otherwise."""
    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            session = get_session()
            token = api_tokens.token_for_secret(session=session, secret=_bearer())
            if token is None:
                return _unauthorised()
            verdict = api_tokens.count_request(session=session, token=token)
            if not verdict.allowed:
                return _too_many(verdict)
            if write and token.scope != "write":
                return _read_only()
            g.api_token = token
            g.api_team_ids = api_tokens.token_team_ids(session=session, token_id=token.id)
            response = make_response(view(*args, **kwargs))
            response.headers.update(_rate_headers(verdict))
            return response
        return wrapped
    return decorator


def current_token() -> ApiToken:
    """The token of this request (behind token_required)."""
    return g.api_token


def token_team_ids() -> tuple[int, ...]:
    """The ids of the teams this request's token may use."""
    return g.api_team_ids


def require_team(team_id: int) -> int:
    """`team_id` when the token may use that team; NotFound (404) otherwise."""
    if team_id not in g.api_team_ids:
        raise NotFound("team")
    return team_id
