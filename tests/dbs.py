"""Test databases: a SQLite file by default, or a fresh PostgreSQL database per run from TEST_DATABASE_URL.

Each run (and each xdist worker) creates its own PostgreSQL database and drops it afterwards, so runs
sharing the machine's server never see each other's rows.
"""

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool  # fresh connections: the load tests may restart the server in between


def postgres_base_url() -> str | None:
    """The server given for the PostgreSQL leg, if any."""
    return os.environ.get("TEST_DATABASE_URL") or None


@contextmanager
def fresh_database(tmp_dir) -> Iterator[str]:
    """Yield the URL of an empty database that is removed afterwards."""
    base = postgres_base_url()
    if not base:
        yield f"sqlite:///{tmp_dir}/ledger.db"
        return
    name = f"gl_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        yield make_url(base).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()
