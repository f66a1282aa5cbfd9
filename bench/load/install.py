"""A load-test installation on SQLite or PostgreSQL: one team, N staff each with their own tablet, signed in.

The database is the run's own (a fresh file, or a PostgreSQL database created and dropped here), so a
run never sees another run's rows. Signing in costs one argon2 check per tablet (~100 ms): done once,
then every server of the run accepts the same credentials (same SECRET_KEY, same database).
"""

import secrets
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from argon2 import PasswordHasher
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool  # a fresh connection for the DROP: a restarted server broke the old one
from sqlmodel import Session

from bench.log_post.fixture import PIN, Credentials, staff_on_tablet
from ledger import migrate
from ledger.db import make_engine
from ledger.services.mandates import create_mandate_version
from ledger.services.people import create_person, create_team
from ledger.services.tablets import register_tablet

DEFAULT_TABLETS = 50
# A throwaway database's PINs: argon2 verifies with the parameters stored in the hash, so the 50 sign-ins
# take the app's ordinary path at a fraction of the production cost (~100 ms each on two shared cores).
CHEAP_HASHER = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


@dataclass(frozen=True)
class Tablet:
    """One simulated tablet: who logs on it, and what its outbox sends (device cookie + send token)."""

    person_id: int
    device_token: str
    credentials: Credentials | None = None


@dataclass(frozen=True)
class Stage:
    """Everything a load run needs to start servers and tablets against one database."""

    db_url: str
    secret_key: str
    workdir: Path
    tablets: list[Tablet]

    @property
    def kind(self) -> str:
        return "postgresql" if self.db_url.startswith("postgresql") else "sqlite"

    @property
    def sqlite_path(self) -> Path:
        return Path(make_url(self.db_url).database)

    def app_env(self) -> dict[str, str]:
        """The environment of the app's processes (gunicorn, the CLI), as the README's deployment sets it."""
        return {"SECRET_KEY": self.secret_key, "DATABASE_URL": self.db_url, "SESSION_COOKIE_SECURE": "0"}


@contextmanager
def dedicated_database(workdir: Path, postgres_base: str | None, name: str = "load") -> Iterator[str]:
    """A new empty database: a SQLite file in `workdir`, or a PostgreSQL database dropped afterwards."""
    if not postgres_base:
        path = workdir / f"{name}.db"
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
        yield f"sqlite:///{path.resolve()}"
        return
    db_name = f"gl_{name}_{uuid.uuid4().hex[:12]}"
    admin = create_engine(postgres_base, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{db_name}"'))
        yield make_url(postgres_base).set(database=db_name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{db_name}" WITH (FORCE)'))
        admin.dispose()


def build(db_url: str, count: int = DEFAULT_TABLETS) -> list[Tablet]:
    """Migrate the empty database and add a team with a mandate, `count` staff and one tablet each."""
    engine = make_engine(db_url)
    try:
        migrate.upgrade(engine)
        with Session(engine, expire_on_commit=False) as session:
            team = create_team(session=session, name="Load desk")
            create_mandate_version(session=session, team_id=team.id, valid_from=date(2020, 1, 1),
                                   per_gesture_cap_cents=2500, allowance_cents=6000, why="Load frame")
            pin_hash = CHEAP_HASHER.hash(PIN)
            tablets = []
            for i in range(count):
                person = create_person(session=session, display_name=f"Load staff {i + 1:02d}",
                                       team_ids=[team.id])
                person.pin_hash = pin_hash
                session.add(person)
                _, token = register_tablet(session=session, team_id=team.id, name=f"Load tablet {i + 1:02d}")
                tablets.append(Tablet(person_id=person.id, device_token=token))
            session.commit()
    finally:
        engine.dispose()
    return tablets


def sign_in(base: str, tablets: list[Tablet]) -> list[Tablet]:
    """Each tablet opened once over HTTP (enrolment link, name, PIN): its outbox credentials."""
    def one(tablet: Tablet) -> Tablet:
        credentials, _client = staff_on_tablet(base, tablet.person_id, tablet.device_token)
        return Tablet(tablet.person_id, tablet.device_token, credentials)
    with ThreadPoolExecutor(max_workers=4) as pool:
        return list(pool.map(one, tablets))


def new_secret_key() -> str:
    return secrets.token_urlsafe(48)

