"""Failed sign-ins counted per tablet, IP address and e-mail, in the database, atomically.

`reserve` takes one attempt *before* the slow secret check with a single conditional UPDATE (the row
is only changed while failures < limit, or when its window has passed), so any number of concurrent
guesses records at most `limit` failures. A success gives its attempt back (`release`): only failures
count. Unknown e-mail addresses are counted exactly like known ones, so the answers cannot tell them apart.
"""

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import case, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlmodel import Session

from ledger.models import SigninThrottle
from ledger.types import utcnow


@dataclass(frozen=True)
class Limit:
    """At most `failures` failed sign-ins per `window`; then the key waits for the window to end."""

    failures: int
    window: timedelta


TABLET_LIMIT = Limit(10, timedelta(minutes=15))  # every PIN and set-up code tried on one tablet
IP_LIMIT = Limit(50, timedelta(minutes=15))  # passwords from one address (behind a proxy: all of them)
EMAIL_LIMIT = Limit(5, timedelta(minutes=5))  # passwords for one address, whether it exists or not


def email_key(email: str) -> str:
    """The throttle key of an e-mail address (hashed: the table holds no addresses)."""
    return "email:" + hashlib.sha256(email.strip().lower().encode()).hexdigest()[:40]


def _ensure_row(session: Session, key: str) -> None:
    dialect = session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    session.exec(insert(SigninThrottle).values(key=key, failures=0, window_started_at=utcnow())
                 .on_conflict_do_nothing(index_elements=["key"]))


def reserve(*, session: Session, key: str, limit: Limit) -> bool:
    """Take one attempt for `key`; False (nothing changed) when its limit is reached in this window."""
    now = utcnow()
    stale = SigninThrottle.window_started_at <= now - limit.window
    _ensure_row(session, key)
    result = session.exec(
        update(SigninThrottle)
        .where(SigninThrottle.key == key, (SigninThrottle.failures < limit.failures) | stale)
        .values(failures=case((stale, 1), else_=SigninThrottle.failures + 1),
                window_started_at=case((stale, now), else_=SigninThrottle.window_started_at)))
    session.commit()
    return result.rowcount == 1


def release(*, session: Session, key: str) -> None:
    """Give back an attempt that turned out right."""
    session.exec(update(SigninThrottle).where(SigninThrottle.key == key, SigninThrottle.failures > 0)
                 .values(failures=SigninThrottle.failures - 1))
    session.commit()


def blocked_until(*, session: Session, key: str, limit: Limit) -> datetime | None:
    """When the key may try again, or None when it may now."""
    row = session.get(SigninThrottle, key)
    if row is None:
        return None
    session.refresh(row)
    until = row.window_started_at + limit.window
    return until if row.failures >= limit.failures and until > utcnow() else None
