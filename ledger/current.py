"""Which ledger rows make up the current ledger (append-only: corrections and voids are rows too)."""

from sqlalchemy import and_, exists, not_, select
from sqlalchemy.orm import aliased
from sqlalchemy.sql.elements import ColumnElement

from ledger.models import Gesture


def is_current() -> ColumnElement[bool]:
    """SQL condition: the row is not a void and no later row supersedes it."""
    later = aliased(Gesture)
    superseded = exists(select(later.id).where(later.supersedes_id == Gesture.id).correlate(Gesture))
    return and_(Gesture.entry_type != "void", not_(superseded))
