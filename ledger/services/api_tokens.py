"""API tokens: created and revoked by an admin, shown once, found by the hash of their secret, rate-limited.

The rate limit is a fixed window per token counted in the database with one atomic upsert
(INSERT … ON CONFLICT DO UPDATE … RETURNING), so every server process shares the count (DESIGN §6).
"""

import math
import secrets
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session, select

from ledger.credentials import token_hash
from ledger.errors import FieldError, NotAllowed, NotFound, ValidationFailed
from ledger.models import ApiRateWindow, ApiToken, ApiTokenTeam, Team
from ledger.models.api_tokens import SCOPES
from ledger.permissions import Actor, may_administer
from ledger.services import audit
from ledger.services.gesture_rules import text_errors
from ledger.types import utcnow

TOKEN_PREFIX = "gl_"  # noqa: S105 - a marker that a string is meant as an API token, no secret
NAME_MAX = ApiToken.model_fields["name"].metadata[0].max_length
RATE_MAX = 10_000
WINDOW_SECONDS = 60


@dataclass(frozen=True)
class TokenView:
    """A token as lists show it: never its secret."""

    token: ApiToken
    team_ids: tuple[int, ...]


@dataclass(frozen=True)
class RateVerdict:
    """Whether one more request fits this window, and when the next window opens."""

    allowed: bool
    limit: int
    remaining: int
    retry_after: int


def _name_errors(name) -> list[FieldError]:
    if isinstance(name, str) and not name.strip():
        return [FieldError("name", "required")]
    return text_errors("name", name, NAME_MAX)


def _team_errors(session: Session, team_ids) -> list[FieldError]:
    if not team_ids:
        return [FieldError("teams", "required")]
    if any(isinstance(t, bool) or not isinstance(t, int) for t in team_ids):
        return [FieldError("teams", "type")]
    found = set(session.exec(select(Team.id).where(Team.id.in_(list(team_ids)))))
    return [] if found == set(team_ids) else [FieldError("teams", "unknown")]


def _errors(session: Session, name, team_ids, scope, rate) -> list[FieldError]:
    errors = _name_errors(name) + _team_errors(session, team_ids)
    if scope not in SCOPES:
        errors.append(FieldError("scope", "unknown"))
    if isinstance(rate, bool) or not isinstance(rate, int) or not 1 <= rate <= RATE_MAX:
        errors.append(FieldError("rate_per_minute", "out_of_range", {"min": 1, "max": RATE_MAX}))
    return errors


def _require_admin(actor: Actor | None) -> Actor:
    if not may_administer(actor=actor):
        raise NotAllowed("only an admin manages API tokens")
    return actor


def create_token(*, session: Session, actor: Actor | None, name: str, team_ids, scope: str = "read",
                 rate_per_minute: int = 120) -> tuple[ApiToken, str]:
    """Create a token for the given teams; returns the row and the secret (shown once, never stored)."""
    actor = _require_admin(actor)
    team_ids = sorted(set(team_ids or ())) if isinstance(team_ids, list | tuple | set) else team_ids
    errors = _errors(session, name, team_ids, scope, rate_per_minute)
    if errors:
        raise ValidationFailed(errors)
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(name=name.strip(), prefix=secret[:10], secret_hash=token_hash(secret), scope=scope,
                     rate_per_minute=rate_per_minute, created_by_id=actor.person_id)
    session.add(token)
    session.flush()
    session.add_all(ApiTokenTeam(token_id=token.id, team_id=t) for t in team_ids)
    audit.record(session, action="api_token.create", actor_id=actor.person_id, entity="api_token",
                 entity_id=token.id, detail={"name": token.name, "scope": scope, "teams": team_ids})
    session.commit()
    return token, secret


def token_team_ids(*, session: Session, token_id: int) -> tuple[int, ...]:
    """The teams a token may use, by id."""
    query = (select(ApiTokenTeam.team_id).where(ApiTokenTeam.token_id == token_id)
             .order_by(ApiTokenTeam.team_id))
    return tuple(session.exec(query))


def list_tokens(*, session: Session) -> list[TokenView]:
    """Every token, newest first, revoked ones included (they stay for the record)."""
    tokens = session.exec(select(ApiToken).order_by(ApiToken.created_at.desc(), ApiToken.id.desc()))
    return [TokenView(t, token_team_ids(session=session, token_id=t.id)) for t in tokens]


def revoke_token(*, session: Session, actor: Actor | None, token_id: int) -> ApiToken:
    """Revoke a token: it stops working at once (a second revoke changes nothing)."""
    actor = _require_admin(actor)
    token = session.get(ApiToken, token_id) if isinstance(token_id, int) else None
    if token is None:
        raise NotFound("api token")
    if token.revoked_at is None:
        token.revoked_at, token.revoked_by_id = utcnow(), actor.person_id
        session.add(token)
        audit.record(session, action="api_token.revoke", actor_id=actor.person_id, entity="api_token",
                     entity_id=token.id, detail={"name": token.name})
        session.commit()
    return token


def token_for_secret(*, session: Session, secret: str) -> ApiToken | None:
    """The unrevoked token a secret belongs to, else None."""
    if not isinstance(secret, str) or not secret.startswith(TOKEN_PREFIX) or len(secret) > 200:
        return None
    token = session.exec(select(ApiToken).where(ApiToken.secret_hash == token_hash(secret))).first()
    return token if token is not None and token.revoked_at is None else None


def _upsert(session: Session):
    dialect = session.get_bind().dialect.name
    return (pg_insert if dialect == "postgresql" else sqlite_insert)(ApiRateWindow.__table__)


def count_request(*, session: Session, token: ApiToken, now: datetime | None = None) -> RateVerdict:
    """Count one request in the token's current window (atomically, in the database) and note its use."""
    now = now or utcnow()
    epoch = now.timestamp()
    window = int(epoch // WINDOW_SECONDS)
    statement = _upsert(session).values(token_id=token.id, window=window, count=1)
    statement = statement.on_conflict_do_update(
        index_elements=["token_id", "window"], set_={"count": ApiRateWindow.__table__.c.count + 1},
    ).returning(ApiRateWindow.__table__.c.count)
    count = session.connection().execute(statement).scalar_one()
    if count == 1:  # a new window: the token's older windows are of no use any more
        session.connection().execute(delete(ApiRateWindow).where(
            ApiRateWindow.token_id == token.id, ApiRateWindow.window < window))
    session.connection().execute(update(ApiToken).where(ApiToken.id == token.id).values(last_used_at=now))
    session.commit()
    retry = max(1, math.ceil((window + 1) * WINDOW_SECONDS - epoch))
    return RateVerdict(allowed=count <= token.rate_per_minute, limit=token.rate_per_minute,
                       remaining=max(0, token.rate_per_minute - count), retry_after=retry)
