"""Who did what to which entity, when."""

from datetime import datetime

from sqlmodel import Field, SQLModel

from ledger.types import UTCDateTime, utcnow


class AuditEvent(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, index=True)
    actor_id: int | None = Field(default=None, foreign_key="person.id")
    action: str = Field(max_length=40)
    entity: str = Field(default="", max_length=40)
    entity_id: str = Field(default="", max_length=64)
    team_id: int | None = Field(default=None, foreign_key="team.id")
    detail: str = Field(default="", max_length=1000)
