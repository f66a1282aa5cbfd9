"""Which ledger rows make up the current ledger (append-only: corrections and voids are rows too)."""

import uuid

from sqlalchemy import and_, exists, not_, select
from sqlalchemy.orm import aliased
from sqlalchemy.sql.elements import ColumnElement
from sqlmodel import Session

from ledger.models import Gesture
from ledger.vocab import EntryType

_later = aliased(Gesture, name="later_entry")
# Built once: constructing the alias and subquery per call cost ~1 ms of SQLAlchemy work per log.
# The probe selects supersedes_id, so it is answered from the unique index alone (no table read on a hit).
_CURRENT = and_(
    Gesture.entry_type != EntryType.VOID,
    not_(exists(select(_later.supersedes_id).where(_later.supersedes_id == Gesture.id).correlate(Gesture))),
)


def is_current() -> ColumnElement[bool]:
    """SQL condition: the row is not a void and no later row supersedes it."""
    return _CURRENT


# The same condition for a statement that reads much of the ledger at once (the organisation overview:
# every team, 52 weeks, one correlated aggregate per team-week). There PostgreSQL plans the probe above as
# a merge anti-join that reads the whole supersedes index again for every team-week; an uncorrelated
# NOT IN is one hashed list per statement (PostgreSQL: hashed SubPlan; SQLite: one ephemeral index).
# supersedes_id IS NOT NULL keeps NOT IN's null rule out of it.
_SUPERSEDED = select(_later.supersedes_id).where(_later.supersedes_id.is_not(None))
_CURRENT_IN_BULK = and_(Gesture.entry_type != EntryType.VOID, Gesture.id.not_in(_SUPERSEDED))


def is_current_in_bulk() -> ColumnElement[bool]:
    """is_current() for statements over much of the ledger: the superseded ids listed once per statement."""
    return _CURRENT_IN_BULK


def current_row(*, session: Session, origin_id: uuid.UUID) -> Gesture | None:
    """The current row of a chain (not superseded, not void), or None when the chain was voided."""
    return session.scalars(select(Gesture).where(Gesture.origin_id == origin_id, _CURRENT)).first()
