"""Reading gestures for other systems (API v1): one gesture as it stands, a team's period page by page.

A page is keyed by (occurred_at, entry id) of its last row, so a client that walks the pages sees every
current gesture of the period once, even while new ones are logged (keyset pagination, no OFFSET).
"""

import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import and_, or_
from sqlmodel import Session, select

from ledger.current import is_current
from ledger.errors import FieldError, NotFound, ValidationFailed
from ledger.models import Gesture, Team
from ledger.services.corrections import history
from ledger.vocab import EntryType
from ledger.weeks import local_midnight_utc

FIRST_DAY, LAST_DAY = date(2000, 1, 1), date(2999, 12, 31)  # day arithmetic stays far from year 1 and 9999


@dataclass(frozen=True)
class GestureState:
    """A gesture's chain (oldest first): the row shown is its last entry (a correction, or the void)."""

    chain: tuple[Gesture, ...]

    @property
    def shown(self) -> Gesture:
        """The entry that tells the gesture's current content (a void copies the content it voids)."""
        return self.chain[-1]

    @property
    def voided(self) -> bool:
        """True when the last entry is a void."""
        return self.shown.entry_type == EntryType.VOID

    @property
    def corrections(self) -> int:
        """How many corrections the chain holds."""
        return sum(1 for row in self.chain if row.entry_type == EntryType.CORRECTION)


@dataclass(frozen=True)
class Key:
    """Where a page ended: the last row's moment and entry id."""

    occurred_at: datetime
    entry_id: uuid.UUID


def gesture_state(*, session: Session, gesture_id: uuid.UUID) -> GestureState:
    """The whole chain of the gesture that has an entry with this id; NotFound when there is none."""
    row = session.get(Gesture, gesture_id)
    if row is None:
        raise NotFound("gesture")
    return GestureState(tuple(history(session=session, origin_id=row.origin_id)))


def _period(team: Team, first: date, last: date) -> tuple[datetime, datetime]:
    if not FIRST_DAY <= first <= LAST_DAY:
        raise ValidationFailed([FieldError("from", "out_of_range")])
    if not first <= last <= LAST_DAY:
        raise ValidationFailed([FieldError("to", "out_of_range")])
    return (local_midnight_utc(first, team.timezone),
            local_midnight_utc(last + timedelta(days=1), team.timezone))


def gesture_page(*, session: Session, team_id: int, first: date, last: date, after: Key | None,
                 limit: int) -> tuple[list[GestureState], Key | None]:
    """Up to `limit` current gestures of the team in the local days [first, last], after `after`;
    and the key of the next page (None on the last page)."""
    team = session.get(Team, team_id)
    if team is None:
        raise NotFound("team")
    start, end = _period(team, first, last)
    query = select(Gesture).where(Gesture.team_id == team_id, Gesture.occurred_at >= start,
                                  Gesture.occurred_at < end, is_current())
    if after is not None:
        query = query.where(or_(Gesture.occurred_at > after.occurred_at,
                                and_(Gesture.occurred_at == after.occurred_at, Gesture.id > after.entry_id)))
    rows = list(session.exec(query.order_by(Gesture.occurred_at, Gesture.id).limit(limit + 1)))
    more, rows = len(rows) > limit, rows[:limit]
    states = _with_chains(session, rows)
    key = Key(rows[-1].occurred_at, rows[-1].id) if more else None
    return states, key


def _with_chains(session: Session, rows: list[Gesture]) -> list[GestureState]:
    """Each current row with its chain's earlier entries (one query for the page)."""
    origins = {row.origin_id for row in rows if row.entry_type != EntryType.ORIGINAL}
    earlier: dict[uuid.UUID, list[Gesture]] = {}
    if origins:
        for row in session.exec(select(Gesture).where(Gesture.origin_id.in_(origins))):
            earlier.setdefault(row.origin_id, []).append(row)
    return [GestureState(_ordered(earlier.get(row.origin_id) or [row])) for row in rows]


def _ordered(rows: list[Gesture]) -> tuple[Gesture, ...]:
    """A chain's rows from the original along the supersedes links (as history() orders them)."""
    by_parent = {row.supersedes_id: row for row in rows}
    chain, row = [], by_parent.get(None)
    while row is not None:
        chain.append(row)
        row = by_parent.get(row.id)
    return tuple(chain)

