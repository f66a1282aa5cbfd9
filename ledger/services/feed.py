"""Read-only queries behind the staff screens: own history, the team feed, appreciations.

Nothing here writes. Rows are grouped by chain (`origin_id`) so a corrected or withdrawn entry is shown
as such, with its history, instead of disappearing.
"""

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func
from sqlmodel import Session, select

from ledger.current import is_current
from ledger.models import Appreciation, Gesture, Person
from ledger.vocab import EntryType


@dataclass(frozen=True)
class AppreciationView:
    """One appreciation as shown on a screen: who, what they wrote, when."""

    person_id: int
    name: str
    note: str
    created_at: datetime


@dataclass
class Chain:
    """One gesture and everything that happened to it, oldest row first."""

    origin_id: uuid.UUID
    rows: list[Gesture] = field(default_factory=list)

    @property
    def last(self) -> Gesture:
        """The newest row of the chain (the current entry, or the void)."""
        return self.rows[-1]

    @property
    def voided(self) -> bool:
        """True when the chain ends in a void."""
        return self.last.entry_type == EntryType.VOID

    @property
    def corrected(self) -> bool:
        """True when the chain holds at least one correction."""
        return any(r.entry_type == EntryType.CORRECTION for r in self.rows)

    @property
    def shown(self) -> Gesture:
        """The row whose content the screen shows: the current one, or for a void the row it withdrew."""
        if self.voided and len(self.rows) > 1:
            return self.rows[-2]
        return self.last


def own_history(*, session: Session, person_id: int, team_id: int | None = None,
                limit: int = 30) -> list[Chain]:
    """The person's gesture chains (newest activity first), each with all its rows."""
    query = select(Gesture.origin_id, func.max(Gesture.logged_at).label("latest")).where(
        Gesture.person_id == person_id)
    if team_id is not None:
        query = query.where(Gesture.team_id == team_id)
    query = query.group_by(Gesture.origin_id).order_by(func.max(Gesture.logged_at).desc()).limit(limit)
    origins = [row[0] for row in session.exec(query)]
    if not origins:
        return []
    rows = session.exec(select(Gesture).where(Gesture.origin_id.in_(origins))
                        .order_by(Gesture.logged_at, Gesture.id))
    chains = {origin: Chain(origin) for origin in origins}
    for row in rows:
        chains[row.origin_id].rows.append(row)
    return [chains[o] for o in origins if chains[o].rows]


def team_feed(*, session: Session, team_id: int, since: datetime,
              limit: int = 40) -> list[tuple[Gesture, str]]:
    """The team's current gestures since a moment, newest first, with the giver's display name."""
    query = (select(Gesture, Person.display_name).join(Person, Person.id == Gesture.person_id)
             .where(Gesture.team_id == team_id, Gesture.occurred_at >= since, is_current())
             .order_by(Gesture.occurred_at.desc(), Gesture.logged_at.desc()).limit(limit))
    return [(g, name) for g, name in session.exec(query)]


def appreciations_by_origin(*, session: Session,
                            origin_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, list[AppreciationView]]:
    """Appreciations per gesture chain, oldest first, with the appreciating person's name.

    The one query of appreciations with names (the staff screens and the report's evidence both read it);
    chains without any are left out."""
    ids = list(dict.fromkeys(origin_ids))
    if not ids:
        return {}
    query = (select(Appreciation, Person.display_name).join(Person, Person.id == Appreciation.person_id)
             .where(Appreciation.gesture_id.in_(ids))
             .order_by(Appreciation.created_at, Appreciation.id))
    out: dict[uuid.UUID, list[AppreciationView]] = {}
    for appreciation, name in session.exec(query):
        out.setdefault(appreciation.gesture_id, []).append(
            AppreciationView(appreciation.person_id, name, appreciation.note, appreciation.created_at))
    return out
