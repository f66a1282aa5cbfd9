"""Backup and restore of the whole database, for SQLite and PostgreSQL.

SQLite: `VACUUM INTO` writes a consistent, compact copy while the app keeps running; restore copies
it back page by page with the sqlite3 online backup API. PostgreSQL: `pg_dump` in custom format and
`pg_restore`. A restore checks the file first and refuses a backup made by a newer version of the app,
so a failed restore never leaves the database half-replaced.
"""

import os
import re
import shutil
import sqlite3
import subprocess
from contextlib import nullcontext
from pathlib import Path

from alembic.script import ScriptDirectory
from sqlalchemy import MetaData, literal, select, text
from sqlalchemy.engine import Engine

from ledger import guard
from ledger.errors import LedgerError
from ledger.migrate import alembic_config


class BackupError(LedgerError):
    """A backup or restore could not be done; the message says why in plain words."""


def backup(engine: Engine, path: Path | str) -> Path:
    """Write a backup of the database behind `engine` to a new file at `path`."""
    path = Path(path).expanduser().resolve()
    if path.exists():
        raise BackupError(f"{path} already exists; choose a new file name")
    if not path.parent.is_dir():
        raise BackupError(f"the folder {path.parent} does not exist")
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            conn.exec_driver_sql("VACUUM INTO ?", (str(path),))
    else:
        _run_pg(["pg_dump", "--format=custom", "--no-owner", "--file", str(path)], engine)
    return path


def restore(engine: Engine, path: Path | str) -> str:
    """Replace the database's contents with a backup; returns the backup's schema revision.

    The caller migrates afterwards (`ledger.migrate.upgrade`) when the backup is older than the app.
    """
    path = Path(path).expanduser().resolve()
    if not path.is_file():
        raise BackupError(f"{path} is not a file")
    if engine.dialect.name == "sqlite":
        revision = _sqlite_revision(path)
        _check_known(revision)
        engine.dispose()  # no pooled connection may hold the old pages while they are replaced
        _sqlite_copy(path, Path(engine.url.database))
    else:
        revision = _pg_revision(path, engine)
        _check_known(revision)
        _drop_tables_not_in(_pg_tables(path, engine), engine)
        # --clean inside --single-transaction: the old contents are replaced atomically or not at all.
        _run_pg(["pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction",
                 "--exit-on-error", str(path)], engine, database_flag="--dbname")
    engine.dispose()
    return revision


def is_blank(engine: Engine) -> bool:
    """True when no table holds a row (apart from the schema version): nothing would be lost."""
    meta = MetaData()
    meta.reflect(engine)
    with engine.connect() as conn:
        return not any(conn.execute(select(literal(1)).select_from(t).limit(1)).first()
                       for t in meta.sorted_tables if t.name != "alembic_version")


def empty_database(engine: Engine) -> None:
    """Delete every row of every table except the schema version (used to reload the demo)."""
    meta = MetaData()
    meta.reflect(engine)
    # The ledger's guard refuses deletes outside its maintenance gate, whose table stays (ledger/guard.py).
    tables = [t for t in reversed(meta.sorted_tables) if t.name not in ("alembic_version", "erasure_gate")]
    with engine.begin() as conn, _maintenance(conn, "erasure_gate" in meta.tables):
        if engine.dialect.name == "postgresql" and tables:
            names = ", ".join(f'"{t.name}"' for t in tables)
            conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
            return
        for table in tables:
            conn.execute(table.delete())


def _maintenance(conn, guarded: bool):
    """The guard's maintenance gate when the schema has the guard (migration 0009), else nothing."""
    return guard.open_gate(conn, guard.MAINTENANCE) if guarded else nullcontext()


def _drop_tables_not_in(keep: set[str], engine: Engine) -> None:
    # Tables a newer schema added would block the migrations that run after restoring an older backup.
    meta = MetaData()
    meta.reflect(engine)
    extra = [t for t in meta.sorted_tables if t.name not in keep]
    if extra:
        meta.drop_all(engine, tables=extra)


def _pg_tables(path: Path, engine: Engine) -> set[str]:
    listing = _run_pg(["pg_restore", "--list", str(path)], engine, with_database=False)
    return set(re.findall(r"^\d+; \d+ \d+ TABLE \S+ (\S+) ", listing, flags=re.MULTILINE))


def _check_known(revision: str) -> None:
    known = {s.revision for s in ScriptDirectory.from_config(alembic_config("sqlite://")).walk_revisions()}
    if revision not in known:
        raise BackupError(f"the backup has schema version {revision!r}, which this version of Gesture "
                          "Ledger does not know: restore it with the version that made it")


def _sqlite_revision(path: Path) -> str:
    try:
        with sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True) as conn:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    except sqlite3.DatabaseError:
        raise BackupError(f"{path} is not a Gesture Ledger backup (not an SQLite database with our tables)") \
            from None
    if row is None:
        raise BackupError(f"{path} is not a Gesture Ledger backup (it has no schema version)")
    return row[0]


def _sqlite_copy(source: Path, target: Path) -> None:
    src = sqlite3.connect(f"{source.as_uri()}?mode=ro", uri=True)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()


def _pg_revision(path: Path, engine: Engine) -> str:
    try:
        out = _run_pg(["pg_restore", "--data-only", "--table=alembic_version", "--file=-", str(path)],
                      engine, with_database=False)
    except BackupError as exc:
        if "not installed" in str(exc):
            raise
        raise BackupError(f"{path} is not a Gesture Ledger backup made by pg_dump ({exc})") from None
    m = re.search(r"COPY \S*alembic_version \(version_num\) FROM stdin;\n([^\n\\]+)\n", out)
    if not m:
        raise BackupError(f"{path} is not a Gesture Ledger backup (it has no schema version)")
    return m[1].strip()


def _run_pg(args: list[str], engine: Engine, *, with_database: bool = True,
            database_flag: str | None = None) -> str:
    """Run a PostgreSQL client tool against the engine's database; the password goes in the environment."""
    if shutil.which(args[0]) is None:
        raise BackupError(f"{args[0]} is not installed (on Debian: apt-get install postgresql-client)")
    url = engine.url
    env = {**os.environ}
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    conninfo = url.set(drivername="postgresql", password=None).render_as_string(hide_password=False)
    if with_database:
        args = [*args, f"{database_flag}={conninfo}"] if database_flag else [*args, conninfo]
    done = subprocess.run(args, env=env, capture_output=True, text=True, check=False)  # noqa: S603
    if done.returncode != 0:
        detail = (done.stderr.strip().splitlines() or ["failed"])[-1]
        raise BackupError(f"{args[0]} failed: {detail}")
    return done.stdout
