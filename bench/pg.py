"""The PostgreSQL columns of `make bench`: which server, and the bench's own databases on it.

The report and overview benchmarks load the same generated rows as the SQLite files (bench/generate.py,
same seed) into `gl_bench_team` and `gl_bench_org` on that server, with COPY, migrated like the app's
database and vacuumed and analysed afterwards. What a database was generated from is written into its
comment (COMMENT ON DATABASE), so the next run reuses it as it reuses the SQLite files; a changed
generator or plan rebuilds it. The logging benchmark gets scratch databases that it drops again.
"""

import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Table, create_engine, text
from sqlalchemy.engine import Connection, make_url
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import NullPool

from bench.generate import TeamPlan, describe, fill
from ledger import migrate
from ledger.db import make_engine

LOCAL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
PREFIX = "gl_bench_"


def server(log=print) -> str | None:
    """The server to bench on (BENCH_DATABASE_URL, else TEST_DATABASE_URL, else the local one), or None
    after one line saying why the PostgreSQL columns are skipped."""
    url = os.environ.get("BENCH_DATABASE_URL") or os.environ.get("TEST_DATABASE_URL") or LOCAL
    shown = make_url(url).render_as_string(hide_password=True)
    if not url.startswith("postgresql"):
        log(f"PostgreSQL columns skipped: {shown} is not a PostgreSQL URL.")
        return None
    try:
        admin = _admin(url, connect_timeout=5)
        with admin.connect() as conn:
            may_create = conn.execute(text("SELECT rolcreatedb OR rolsuper FROM pg_roles "
                                           "WHERE rolname = current_user")).scalar()
        admin.dispose()
    except (SQLAlchemyError, ImportError) as error:
        reason = str(getattr(error, "orig", None) or error).strip().splitlines()[0]
        log(f"PostgreSQL columns skipped: cannot reach {shown} ({reason}).")
        return None
    if not may_create:
        log(f"PostgreSQL columns skipped: the user of {shown} may not create databases.")
        return None
    log(f"PostgreSQL columns on {shown} (databases {PREFIX}*; --sqlite-only leaves them out).")
    return url


def _admin(base: str, **connect_args):
    return create_engine(base, isolation_level="AUTOCOMMIT", poolclass=NullPool, connect_args=connect_args)


def database_url(base: str, name: str) -> str:
    """The URL of database `name` on the server of `base`."""
    return make_url(base).set(database=name).render_as_string(hide_password=False)


def recreate(base: str, name: str) -> str:
    """An empty database `name` (dropped first when it exists); returns its URL."""
    admin = _admin(base)
    try:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
            conn.execute(text(f'CREATE DATABASE "{name}"'))
    finally:
        admin.dispose()
    return database_url(base, name)


def drop(base: str, name: str) -> None:
    """Remove database `name` (and every session still on it)."""
    admin = _admin(base)
    try:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    finally:
        admin.dispose()


@contextmanager
def scratch(base: str, name: str) -> Iterator[str]:
    """A fresh empty database for one measurement, dropped afterwards."""
    url = recreate(base, f"{PREFIX}{name}")
    try:
        yield url
    finally:
        drop(base, f"{PREFIX}{name}")


def copy_rows(conn: Connection, table: Table, rows: list[dict]) -> None:
    """Write rows (dicts with the same keys) into `table` with one COPY, in the connection's transaction.

    Columns a row leaves out get their server default, as with the SQLite files' executemany INSERT."""
    columns = list(rows[0])
    names = ", ".join(f'"{column}"' for column in columns)
    cursor = conn.connection.driver_connection.cursor()
    with cursor.copy(f"COPY {table.name} ({names}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row([row[column] for column in columns])


def _noted(base: str, name: str) -> dict | None:
    """What the bench wrote into database `name`'s comment when it finished loading it (None: nothing)."""
    admin = _admin(base)
    try:
        with admin.connect() as conn:
            note = conn.execute(text("SELECT shobj_description(oid, 'pg_database') FROM pg_database "
                                     "WHERE datname = :name"), {"name": name}).scalar()
    finally:
        admin.dispose()
    try:
        return json.loads(note)
    except (TypeError, ValueError):
        return None


def ensure_database(name: str, plans: tuple[TeamPlan, ...], *, base: str, log=print) -> tuple[str, int]:
    """The URL of the bench's PostgreSQL database with these teams (loaded when missing or stale), and its
    gesture rows."""
    database = f"{PREFIX}{name}"
    noted = _noted(base, database)
    if noted and {k: v for k, v in noted.items() if k != "rows"} == describe(plans):
        return database_url(base, database), noted["rows"]
    started = time.perf_counter()
    url = recreate(base, database)
    engine = make_engine(url)
    try:
        migrate.upgrade(engine)
        rows = fill(engine, plans, log=log, write=copy_rows)
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            # VACUUM too: a freshly loaded table has no visibility map yet, so the covering indexes could
            # not answer from the index alone until autovacuum came by; ANALYZE gives the planner its numbers.
            conn.exec_driver_sql("VACUUM (ANALYZE)")
            note = json.dumps({**describe(plans), "rows": rows}).replace("'", "''")
            conn.exec_driver_sql(f"COMMENT ON DATABASE \"{database}\" IS '{note}'")  # written last: complete
    finally:
        engine.dispose()
    log(f"  loaded PostgreSQL database {database} with {rows:,} gesture rows in "
        f"{time.perf_counter() - started:.0f} s")
    return url, rows
