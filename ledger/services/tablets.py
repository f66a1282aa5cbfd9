"""Shared tablets registered to a team (a revocable device token kept only as a hash)."""

from sqlmodel import Session, select

from ledger.credentials import new_token, token_hash
from ledger.errors import NotFound
from ledger.models import Tablet, Team
from ledger.services import audit
from ledger.types import utcnow


def register_tablet(*, session: Session, team_id: int, name: str = "",
                    created_by_id: int | None = None) -> tuple[Tablet, str]:
    """Register a tablet for a team; returns the row and the raw token (shown once, never stored)."""
    if session.get(Team, team_id) is None:
        raise NotFound("team")
    token = new_token()
    tablet = Tablet(team_id=team_id, name=name[:80], token_hash=token_hash(token),
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
    return tablet


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
