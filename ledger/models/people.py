"""Teams, people and who belongs to which team."""

from datetime import date, datetime

from sqlmodel import Field, SQLModel

from ledger.types import CodeColumn, UTCDateTime, utcnow
from ledger.vocab import Role


class TeamBase(SQLModel):
    name: str = Field(max_length=120)
    timezone: str = Field(default="Europe/Amsterdam", max_length=64)
    why: str = Field(default="", max_length=300)
    # Works-council mode: when False the report speaks about the team, kinds and triggers only.
    person_comparisons: bool = Field(default=True, sa_column_kwargs={"server_default": "1"})


class Team(TeamBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(max_length=120, unique=True)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    # Administration (migration 0006): an archived team keeps its history but takes no new gestures;
    # person-level comparisons need at least this many active members.
    archived_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    min_group_size: int = Field(default=3, sa_column_kwargs={"server_default": "3"})


class PersonBase(SQLModel):
    display_name: str = Field(max_length=80)
    role: Role = Field(default=Role.STAFF, sa_type=CodeColumn(Role, 10))
    email: str | None = Field(default=None, max_length=254)
    active: bool = Field(default=True)


class Person(PersonBase, table=True):
    id: int | None = Field(default=None, primary_key=True)
    email: str | None = Field(default=None, max_length=254, unique=True)
    password_hash: str | None = Field(default=None, max_length=255)
    pin_hash: str | None = Field(default=None, max_length=255)
    # Bumped at sign-out and credential changes: a cookie carrying an older version stops working.
    session_version: int = Field(default=1, sa_column_kwargs={"server_default": "1"})
    # Lockout lives in the database so it holds across server processes.
    failed_attempts: int = Field(default=0, sa_column_kwargs={"server_default": "0"})
    locked_until: datetime | None = Field(default=None, sa_type=UTCDateTime)
    setup_code_hash: str | None = Field(default=None, max_length=255)
    setup_code_expires_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    # The language the person last read the app in ("nl"/"en"), for e-mails sent without a browser.
    lang: str | None = Field(default=None, max_length=5)
    # Set when a privacy erasure pseudonymised this person; their gestures keep the team's totals true.
    erased_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    # "My name may be shown in learning sessions" (migration 0005); otherwise "a colleague" is shown.
    show_name_in_sessions: bool = Field(default=True, sa_column_kwargs={"server_default": "1"})
    # When a leaver was deactivated (migration 0006); None while active.
    deactivated_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    # MFA (migration 0010): the TOTP secret (base32) once enrolment is confirmed; None: no second factor.
    totp_secret: str | None = Field(default=None, max_length=64)
    mfa_enabled_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    totp_last_step: int | None = Field(default=None)  # the last code's time step: a code works once


class Membership(SQLModel, table=True):
    team_id: int = Field(foreign_key="team.id", primary_key=True)
    person_id: int = Field(foreign_key="person.id", primary_key=True, index=True)
    # The local date the person joined the team (migration 0006); None: not known (reports fall back).
    since: date | None = Field(default=None)
