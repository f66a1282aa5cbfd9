"""Sign-ins that really end, sign-in throttles and MFA recovery codes (migration 0010).

A `Signin` is one sign-in on one device: the cookie names it, so ending it (sign-out on that device, a
saved gesture on a tablet, an idle or absolute timeout) ends that device's session and its send tokens
without touching the person's other devices. Ending *every* session of a person (password sign-out, PIN
or password change, deactivation, role change) still moves `Person.session_version` on.
"""

from datetime import datetime

from sqlmodel import Field, SQLModel

from ledger.types import UTCDateTime, utcnow


class Signin(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    # The tablet of a PIN sign-in; None for a password sign-in in an ordinary browser.
    tablet_id: int | None = Field(default=None, foreign_key="tablet.id")
    method: str = Field(max_length=10)  # "pin" | "password"
    started_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    ended_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    # Why it ended: "saved" (a gesture on a tablet), "signout", "idle", "lifetime", "tiles", "replaced".
    end_reason: str | None = Field(default=None, max_length=12)


class SigninThrottle(SQLModel, table=True):
    """Failed sign-ins counted per key ("tablet:7", "ip:192.0.2.1", "email:<sha256>") in a time window.

    One conditional UPDATE reserves an attempt before the (slow) secret check, so concurrent guesses can
    never record more failures than the limit."""

    __tablename__ = "signin_throttle"

    key: str = Field(primary_key=True, max_length=80)
    failures: int = Field(default=0)
    window_started_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)


class RecoveryCode(SQLModel, table=True):
    """A single-use MFA recovery code (only its hash is kept)."""

    __tablename__ = "recovery_code"

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    code_hash: str = Field(max_length=255)
    used_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
