"""The agreed frame of a team, versioned by the local date from which it applies."""

from datetime import date, datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from ledger.types import UTCDateTime, utcnow


class MandateBase(SQLModel):
    valid_from: date
    per_gesture_cap_cents: int = Field(ge=0)
    allowance_cents: int = Field(ge=0)
    allowance_period: str = Field(default="week", max_length=8)
    # Allowed kind codes separated by ";"; empty means every kind is allowed.
    kinds: str = Field(default="", max_length=200)
    why: str = Field(default="", max_length=500)


class Mandate(MandateBase, table=True):
    __table_args__ = (UniqueConstraint("team_id", "valid_from"),)

    id: int | None = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id", index=True)
    agreed_by_id: int | None = Field(default=None, foreign_key="person.id")
    agreed_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    # The learning session that agreed this version (migration 0005 added the foreign key).
    learning_session_id: int | None = Field(default=None, foreign_key="learning_session.id")

    @property
    def kind_list(self) -> list[str]:
        """The allowed kind codes; empty means all."""
        return [k for k in self.kinds.split(";") if k]


class MandateOverride(SQLModel, table=True):
    """A per-person frame for one mandate version (e.g. a senior colleague); None keeps the team's value."""

    __table_args__ = (UniqueConstraint("mandate_id", "person_id"),)

    id: int | None = Field(default=None, primary_key=True)
    mandate_id: int = Field(foreign_key="mandate.id")
    person_id: int = Field(foreign_key="person.id")
    per_gesture_cap_cents: int | None = Field(default=None, ge=0)
    allowance_cents: int | None = Field(default=None, ge=0)
