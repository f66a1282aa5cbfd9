"""Installation settings and one-time password-reset links (administration, migration 0006)."""

from datetime import datetime

from sqlmodel import Field, SQLModel

from ledger.types import UTCDateTime, utcnow


class Setting(SQLModel, table=True):
    """One installation-wide setting (installation name, currency, language, digest day, retention)."""

    key: str = Field(max_length=40, primary_key=True)
    value: str = Field(default="", max_length=500)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    updated_by_id: int | None = Field(default=None, foreign_key="person.id")


class PasswordReset(SQLModel, table=True):
    """A one-time link with which a person chooses a new password; only the token's hash is kept."""

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    token_hash: str = Field(max_length=64, unique=True)
    created_by_id: int | None = Field(default=None, foreign_key="person.id")
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    expires_at: datetime = Field(sa_type=UTCDateTime)
    used_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
