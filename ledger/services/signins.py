"""Sign-ins that really end: one row per sign-in on one device, ended on its own or all at once.

Ending one sign-in (a saved gesture or "back to the names" on a tablet, an idle timeout, leaving the
tablet) leaves the person's other devices alone, so a manager's PIN session on a tablet no longer signs
them out on their laptop. Ending everything (password sign-out, PIN or password change, deactivation,
role change) moves `Person.session_version` on, which every cookie and send token also carries.
"""

from datetime import datetime, timedelta

from sqlalchemy import update
from sqlmodel import Session, select

from ledger.models import Person, Signin
from ledger.services import audit
from ledger.types import utcnow

ABSOLUTE_LIFETIME = timedelta(hours=12)
# Ends after which send tokens issued before stay usable for their short life: the task is over, but a
# gesture saved offline in it may still be on its way. Any other end ("signout", "lifetime") kills them.
TASK_ENDS = frozenset({"saved", "tiles", "idle", "replaced"})


def start_signin(*, session: Session, person_id: int, method: str, tablet_id: int | None = None) -> Signin:
    """Record a new sign-in; on a tablet, any other live PIN sign-in there ends ("replaced")."""
    if tablet_id is not None:
        end_tablet_signins(session=session, tablet_id=tablet_id, reason="replaced", commit=False)
    signin = Signin(person_id=person_id, method=method, tablet_id=tablet_id)
    session.add(signin)
    session.commit()
    return signin


def live_signin(*, session: Session, signin_id: int, person_id: int) -> Signin | None:
    """The sign-in when it belongs to the person and has not ended; past its lifetime it ends now."""
    signin = session.get(Signin, signin_id)
    if signin is None or signin.person_id != person_id or signin.ended_at is not None:
        return None
    if utcnow() - signin.started_at > ABSOLUTE_LIFETIME:
        end_signin(session=session, signin_id=signin.id, reason="lifetime")
        return None
    return signin


def end_signin(*, session: Session, signin_id: int, reason: str) -> None:
    """End one sign-in (idempotent: an ended one keeps its first reason)."""
    session.exec(update(Signin).where(Signin.id == signin_id, Signin.ended_at.is_(None))
                 .values(ended_at=utcnow(), end_reason=reason))
    session.commit()


def end_tablet_signins(*, session: Session, tablet_id: int, reason: str, commit: bool = True) -> None:
    """End every live PIN sign-in on this tablet."""
    session.exec(update(Signin).where(Signin.tablet_id == tablet_id, Signin.ended_at.is_(None))
                 .values(ended_at=utcnow(), end_reason=reason))
    if commit:
        session.commit()


def end_everywhere(*, session: Session, person_id: int, reason: str = "signout") -> None:
    """End every session and send token of this person at once."""
    session.exec(update(Person).where(Person.id == person_id)
                 .values(session_version=Person.session_version + 1))
    session.exec(update(Signin).where(Signin.person_id == person_id, Signin.ended_at.is_(None))
                 .values(ended_at=utcnow(), end_reason=reason))
    audit.record(session, action="signout", actor_id=person_id, entity="person", entity_id=person_id,
                 detail={"everywhere": True, "reason": reason})
    session.commit()


def may_still_send(*, session: Session, signin_id: int, person_id: int, version: int) -> bool:
    """True while a send token of this sign-in may deliver: the person is active with the same session
    version, and the sign-in may still send (may_send; one query)."""
    found = session.exec(
        select(Signin.started_at, Signin.ended_at, Signin.end_reason)
        .join(Person, Person.id == Signin.person_id)
        .where(Signin.id == signin_id, Person.id == person_id, Person.active,
               Person.session_version == version)).first()
    if found is None:
        return False
    started_at, ended_at, reason = found
    return may_send(started_at=started_at, ended_at=ended_at, end_reason=reason, now=utcnow())


def may_send(*, started_at: datetime | None, ended_at: datetime | None, end_reason: str | None,
             now: datetime) -> bool:
    """A sign-in may deliver within its lifetime while it is live or was ended by its task being done."""
    if started_at is None or now - started_at > ABSOLUTE_LIFETIME:
        return False
    return ended_at is None or end_reason in TASK_ENDS
