"""API tokens: an integration's credential (a till, a hotel system, a BI tool), and its rate-limit windows.

Only the SHA-256 of the secret is kept (the secret is long and random, so a fast hash is enough and lets
the API find the token by it); the secret itself is shown once. A token reads or writes the teams named
in api_token_team only. The rate-limit counters live here too, so every server process counts the same.
"""

from datetime import datetime

from sqlmodel import Field, SQLModel

from ledger.types import UTCDateTime, utcnow

SCOPES = ("read", "write")  # "write" includes reading
DEFAULT_RATE_PER_MINUTE = 120


class ApiToken(SQLModel, table=True):
    __tablename__ = "api_token"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=80)
    # The first characters of the secret, to recognise a token in a list (not enough to use it).
    prefix: str = Field(max_length=12)
    secret_hash: str = Field(max_length=64, unique=True)
    scope: str = Field(default="read", max_length=8)
    rate_per_minute: int = Field(default=DEFAULT_RATE_PER_MINUTE)
    created_by_id: int = Field(foreign_key="person.id")
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    revoked_by_id: int | None = Field(default=None, foreign_key="person.id")
    revoked_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    last_used_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class ApiTokenTeam(SQLModel, table=True):
    """One team a token may read (and, with the write scope, write)."""

    __tablename__ = "api_token_team"

    token_id: int = Field(foreign_key="api_token.id", primary_key=True)
    team_id: int = Field(foreign_key="team.id", primary_key=True)


class ApiRateWindow(SQLModel, table=True):
    """Requests a token made in one fixed window (`window` = seconds since the epoch // window length)."""

    __tablename__ = "api_rate_window"

    token_id: int = Field(foreign_key="api_token.id", primary_key=True)
    window: int = Field(primary_key=True)
    count: int = Field(default=0)
