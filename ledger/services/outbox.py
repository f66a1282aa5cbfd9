"""Delivering a gesture from a tablet's outbox: who may send it, asked in one round trip (DESIGN §7).

A queued gesture carries a send token (web/send_tokens.py) that names a person, a team, a sign-in and
the tablet it was issued on. Before it is stored, the ledger must know that the tablet is still
registered to that team, the sign-in may still deliver (signins.may_send), the person is active with
the same session version, and whether the gesture id is already stored. Asked one by one that was four
statements on the busiest path of the product; here it is one — with the sender's membership of the
team, which logging asks too — and logging goes on with what it read (gestures.log_gesture), so the
rules stay where they are.
"""

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import and_, bindparam, exists, select, update
from sqlmodel import Session

from ledger.credentials import token_hash
from ledger.models import Gesture, Membership, Person, Signin, Tablet, Team
from ledger.services.signins import may_send
from ledger.services.tablets import seen_is_due


@dataclass(frozen=True)
class Sender:
    """What a send token claims: this person's sign-in, in this team, issued on this tablet."""

    person_id: int
    team_id: int
    signin_id: int
    session_version: int
    tablet_id: int


_READ = (select(Team.id, Team.timezone, Team.archived_at, Tablet.id.label("tablet_id"),
                Tablet.last_seen_at.label("tablet_seen_at"), Signin.started_at, Signin.ended_at,
                Signin.end_reason, Person.active, Person.session_version,
                exists(select(Membership.person_id).where(Membership.person_id == Person.id,
                                                          Membership.team_id == Team.id)).label("member"),
                exists(select(Gesture.id).where(Gesture.id == bindparam("gesture_id"))).label("stored"))
         .select_from(Team)
         .outerjoin(Tablet, and_(Tablet.id == bindparam("tablet_id"), Tablet.team_id == Team.id,
                                 Tablet.token_hash == bindparam("device"), Tablet.revoked_at.is_(None)))
         .outerjoin(Signin, and_(Signin.id == bindparam("signin_id"),
                                 Signin.person_id == bindparam("person_id")))
         .outerjoin(Person, Person.id == Signin.person_id)
         # Not FOR UPDATE of the team (one round trip fewer on PostgreSQL): the chain lock would then be
         # held from here to the commit, and one busy team's sends queued on it (423 -> 264 req/s).
         .where(Team.id == bindparam("team_id")))
_SEEN = update(Tablet).where(Tablet.id == bindparam("tablet_id")).values(last_seen_at=bindparam("now"))


@dataclass(frozen=True)
class Delivery:
    """The answer of the one read: `team` to log with, whether the id is `stored` already, and whether
    the sender is an active `member` of the team (then logging need not ask again)."""

    team: object  # a row with the team's id, timezone and archived_at (what gestures.log_gesture reads)
    stored: bool
    member: bool = False


def open_delivery(*, session: Session, sender: Sender, device_token: str, gesture_id: uuid.UUID,
                  now: datetime) -> Delivery | None:
    """The team and whether the id is new, when this tablet may send for this sign-in; else None.

    None covers every refusal (unknown or revoked tablet, another team's tablet, an ended sign-in, an
    inactive person, an older session version); the caller answers it the same way, without saying which.
    A tablet's "last seen" is written here as on any of its requests (tablets.seen_is_due)."""
    params = {"team_id": sender.team_id, "person_id": sender.person_id, "signin_id": sender.signin_id,
              "tablet_id": sender.tablet_id, "device": token_hash(device_token), "gesture_id": gesture_id}
    row = session.connection().execute(_READ, params).first()
    if row is None or row.tablet_id is None or not row.active:
        return None
    if row.session_version != sender.session_version:
        return None
    if not may_send(started_at=row.started_at, ended_at=row.ended_at, end_reason=row.end_reason, now=now):
        return None
    if seen_is_due(row.tablet_seen_at, now):
        session.connection().execute(_SEEN, {"tablet_id": sender.tablet_id, "now": now})
    return Delivery(team=row, stored=bool(row.stored), member=bool(row.member))
