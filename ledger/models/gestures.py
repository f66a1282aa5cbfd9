"""The ledger entry and the appreciations it receives.

The ledger is append-only: a correction is a new row whose `supersedes_id` names the row it replaces,
a void is a new row of type "void" that supersedes it too. The current ledger is every row that no
other row supersedes and that is not a void. `origin_id` names the first row of a chain, so
appreciations and history stay attached through corrections.
"""

import uuid
from datetime import datetime

from sqlalchemy import Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from ledger.types import CodeColumn, UTCDateTime, utcnow
from ledger.vocab import EntryType, MandateCheck


class GestureContent(SQLModel):
    """What a person tells about one gesture; validated by the services before it becomes a row."""

    occurred_at: datetime = Field(sa_type=UTCDateTime)
    kind: str = Field(max_length=16)
    description: str = Field(default="", max_length=500)
    cost_cents: int = Field(default=0, ge=0)
    # None: the person skipped the field (unknown), not 0 minutes (migration 0007).
    effort_minutes: int | None = Field(default=None, ge=0)
    trigger: str = Field(max_length=16)
    trigger_note: str = Field(default="", max_length=300)
    reaction: int = Field(ge=1, le=5)
    reaction_note: str = Field(default="", max_length=300)
    follow_up: str | None = Field(default=None, max_length=16)


class Gesture(GestureContent, table=True):
    __table_args__ = (
        # Range scans on (team_id, occurred_at); the trailing columns cover the org overview (migration 0003).
        Index("ix_gesture_team_occurred", "team_id", "occurred_at", "entry_type", "cost_cents", "reaction",
              "person_id", "mandate_check", "id"),
        Index("ix_gesture_person_occurred", "person_id", "occurred_at"),
        # The mandate check's used sum, from the index alone (migration 0004).
        Index("ix_gesture_person_team_occurred", "person_id", "team_id", "occurred_at", "entry_type",
              "cost_cents", "id"),
        UniqueConstraint("supersedes_id"),
        # One row per place in a team's hash chain: two appends at once cannot fork it (migration 0009).
        Index("ix_gesture_team_chain", "team_id", "chain_seq", unique=True),
    )

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    origin_id: uuid.UUID = Field(index=True)
    entry_type: EntryType = Field(default=EntryType.ORIGINAL, sa_type=CodeColumn(EntryType, 12))
    supersedes_id: uuid.UUID | None = Field(default=None, foreign_key="gesture.id")
    team_id: int = Field(foreign_key="team.id")
    person_id: int = Field(foreign_key="person.id")
    logged_by_id: int = Field(foreign_key="person.id")
    logged_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    mandate_id: int | None = Field(default=None, foreign_key="mandate.id")
    mandate_check: MandateCheck = Field(default=MandateCheck.WITHIN, sa_type=CodeColumn(MandateCheck, 16))
    # Categories of personal data removed from the free text before storage, ";"-separated.
    redacted: str = Field(default="", max_length=100)
    # Why a correction or void was made.
    change_reason: str = Field(default="", max_length=300)
    # The hash chain (ledger/chain.py, migration 0009): place in the team's chain, the previous row's
    # hash, this row's hash, the hashes of its free texts, and of texts rewritten by erasure.
    chain_seq: int | None = Field(default=None)
    prev_hash: str = Field(default="", max_length=64)
    entry_hash: str = Field(default="", max_length=64)
    text_hashes: str = Field(default="", max_length=300)
    rewrite_hashes: str = Field(default="", max_length=300)


class Appreciation(SQLModel, table=True):
    """One person's one-tap recognition of a gesture chain (by its origin id)."""

    __table_args__ = (UniqueConstraint("gesture_id", "person_id"),)

    id: int | None = Field(default=None, primary_key=True)
    gesture_id: uuid.UUID = Field(foreign_key="gesture.id", index=True)
    person_id: int = Field(foreign_key="person.id")
    note: str = Field(default="", max_length=200)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
