"""A manager's mark on a computed conversation prompt, with a private note."""

from datetime import datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from ledger.types import UTCDateTime, utcnow


class PromptReview(SQLModel, table=True):
    __table_args__ = (UniqueConstraint("team_id", "prompt_key"),)

    id: int | None = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id")
    prompt_key: str = Field(max_length=200)
    week: str = Field(max_length=8)  # ISO week of the report, e.g. "2026-W45"
    status: str = Field(max_length=12)  # discussed | set_aside
    note: str = Field(default="", max_length=2000)
    # Filled in later: did the conversation help? None = not said yet.
    helped: bool | None = Field(default=None)
    reviewer_id: int | None = Field(default=None, foreign_key="person.id")
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
