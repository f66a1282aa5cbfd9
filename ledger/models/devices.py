"""Shared tablets registered to a team: a long-lived, revocable device token (only its hash is kept)."""

from datetime import datetime

from sqlmodel import Field, SQLModel

from ledger.types import UTCDateTime, utcnow


class Tablet(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id", index=True)
    name: str = Field(default="", max_length=80)
    token_hash: str = Field(max_length=64, unique=True)
    created_by_id: int | None = Field(default=None, foreign_key="person.id")
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    last_seen_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    revoked_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
