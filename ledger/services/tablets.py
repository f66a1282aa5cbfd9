"""Shared tablets registered to a team (a revocable device token kept only as a hash)."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import aliased
from sqlmodel import Session, select

from ledger.credentials import new_token, token_hash
from ledger.errors import FieldError, NotAllowed, NotFound, ValidationFailed
from ledger.models import Person, Tablet, Team
from ledger.permissions import Actor, can_see_team
from ledger.pii import redact
from ledger.services import audit
from ledger.services.gesture_rules import text_errors
from ledger.types import utcnow

NAME_MAX = 80
SEEN_EVERY = timedelta(minutes=5)


@dataclass(frozen=True)
class TabletRow:
    """One registered tablet as the tablets page lists it."""

    id: int
    name: str
    team_id: int
    team_name: str
    team_archived: bool
    registered_by: str | None  # None: registered at the command line or by someone since removed
    registered_at: datetime
    last_seen_at: datetime | None


def clean_name(name: str) -> tuple[str, tuple[str, ...]]:
    """A tablet's name checked (length, control characters) and through the personal-data scan."""
    errors = text_errors("name", name, NAME_MAX)
    if errors:
        raise ValidationFailed(errors)
    return redact(" ".join(name.split()))


def register_tablet(*, session: Session, team_id: int, name: str = "",
                    created_by_id: int | None = None) -> tuple[Tablet, str]:
    """Register a tablet for a team; returns the row and the raw token (shown once, never stored)."""
    if session.get(Team, team_id) is None:
        raise NotFound("team")
    token = new_token()
    name, _removed = clean_name(name[:NAME_MAX])
    tablet = Tablet(team_id=team_id, name=name, token_hash=token_hash(token),
                    created_by_id=created_by_id)
    session.add(tablet)
    session.flush()
    audit.record(session, action="tablet_registered", actor_id=created_by_id, entity="tablet",
                 entity_id=tablet.id, team_id=team_id, detail={"name": tablet.name})
    session.commit()
    return tablet, token


def tablet_for_token(*, session: Session, token: str) -> Tablet | None:
    """The active (not revoked) tablet a raw token belongs to, if any."""
    if not token:
        return None
    tablet = session.exec(select(Tablet).where(Tablet.token_hash == token_hash(token))).first()
    if tablet is None or tablet.revoked_at is not None:
        return None
    _seen(session, tablet)
    return tablet


def seen_is_due(last_seen_at: datetime | None, now: datetime) -> bool:
    """Whether a tablet's "last seen" should be written now: at most every SEEN_EVERY, not per request."""
    return last_seen_at is None or now - last_seen_at >= SEEN_EVERY


def _seen(session: Session, tablet: Tablet) -> None:
    # "Last seen" for the tablets page.
    now = utcnow()
    if seen_is_due(tablet.last_seen_at, now):
        tablet.last_seen_at = now
        session.add(tablet)
        try:
            session.commit()
        except OperationalError:  # a locked database: a hint can wait, the tablet's request should not
            session.rollback()


def revoke_tablet(*, session: Session, tablet_id: int, actor_id: int | None = None) -> Tablet:
    """Revoke a tablet: its token stops working at once."""
    tablet = session.get(Tablet, tablet_id)
    if tablet is None:
        raise NotFound("tablet")
    if tablet.revoked_at is None:
        tablet.revoked_at = utcnow()
        session.add(tablet)
        audit.record(session, action="tablet_revoked", actor_id=actor_id, entity="tablet",
                     entity_id=tablet.id, team_id=tablet.team_id)
        session.commit()
    return tablet


def _manageable(session: Session, actor: Actor, tablet_id: int) -> Tablet:
    tablet = session.get(Tablet, tablet_id) if isinstance(tablet_id, int) else None
    if tablet is None or tablet.revoked_at is not None or \
            not can_see_team(session=session, actor=actor, team_id=tablet.team_id):
        raise NotFound("tablet")
    if not actor.is_manager_or_admin:
        raise NotAllowed("managers and administrators only")
    return tablet


def rename_tablet(*, session: Session, actor: Actor, tablet_id: int,
                  name: str) -> tuple[Tablet, tuple[str, ...]]:
    """Rename an active tablet of a team the actor manages (audited); the categories the scan removed."""
    tablet = _manageable(session, actor, tablet_id)
    new, removed = clean_name(name)
    if not new:
        raise ValidationFailed([FieldError("name", "required")])
    if new != tablet.name:
        old, tablet.name = tablet.name, new
        session.add(tablet)
        audit.record(session, action="tablet_renamed", actor_id=actor.person_id, entity="tablet",
                     entity_id=tablet.id, team_id=tablet.team_id, detail={"from": old, "to": new})
        session.commit()
    return tablet, removed


def list_tablets(*, session: Session, team_ids: list[int]) -> list[TabletRow]:
    """The active tablets of these teams, by team and name, with who registered them and when last seen."""
    by = aliased(Person)
    query = (select(Tablet, Team.name, Team.archived_at, by.display_name)
             .join(Team, Team.id == Tablet.team_id).outerjoin(by, by.id == Tablet.created_by_id)
             .where(Tablet.team_id.in_(team_ids), Tablet.revoked_at.is_(None))
             .order_by(Team.name, Tablet.name, Tablet.id))
    return [TabletRow(t.id, t.name, t.team_id, team, archived is not None, who, t.created_at, t.last_seen_at)
            for t, team, archived, who in session.exec(query)]
