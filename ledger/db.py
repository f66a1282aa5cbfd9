"""Database engine and sessions: a SQLite file by default, PostgreSQL when a URL says so."""

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlmodel import Session, create_engine

from ledger import chain  # noqa: F401 - its ORM hook chains every gesture row a session adds

DEFAULT_SQLITE_PATH = Path("instance") / "gesture-ledger.db"


def default_url() -> str:
    """The SQLite file used when no DATABASE_URL is configured."""
    return f"sqlite:///{DEFAULT_SQLITE_PATH.resolve()}"


def make_engine(url: str | None = None, *, echo: bool = False) -> Engine:
    """An engine tuned for its backend: WAL and a busy timeout on SQLite, pre-ping on PostgreSQL."""
    url = url or default_url()
    if url.startswith("sqlite"):
        _ensure_sqlite_folder(url)
        engine = create_engine(url, echo=echo, connect_args={"check_same_thread": False})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, echo=echo, pool_pre_ping=True, pool_size=10, max_overflow=10)


def _ensure_sqlite_folder(url: str) -> None:
    path = url.split("///", 1)[-1]
    if path and path != ":memory:":
        Path(path).parent.mkdir(parents=True, exist_ok=True)


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    # A zero busy timeout fails under concurrent tablets; WAL lets readers run beside one writer.
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """A session for a CLI command or job; services inside commit their own work."""
    with Session(engine, expire_on_commit=False) as session:
        yield session
