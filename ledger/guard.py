"""The database guard's sanctioned ways through (migration 0009).

Triggers on gesture, appreciation, auditevent and mandate refuse every UPDATE and DELETE unless the
`erasure_gate` table holds a row in the same transaction:
- mode "erasure": privacy erasure and retention may rewrite free texts (no number, code or id);
- mode "maintenance": emptying the whole database (reloading the demo, tests) may delete rows.
The row is inserted and deleted again inside the caller's transaction, so no other connection ever sees
it (SQLite serialises writers; PostgreSQL shows only committed rows) and a rollback closes it too.
"""

from collections.abc import Iterator
from contextlib import contextmanager, suppress

from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlmodel import Session

ERASURE = "erasure"
MAINTENANCE = "maintenance"
GUARDED_TABLES = ("gesture", "appreciation", "auditevent", "mandate")

_OPEN_KEY = "ledger.guard.open"
_OPEN = text("INSERT INTO erasure_gate (id, mode) VALUES (1, :mode)")
_CLOSE = text("DELETE FROM erasure_gate WHERE id = 1")


@contextmanager
def open_gate(conn: Connection, mode: str) -> Iterator[None]:
    """Let the statements inside through the guard (mode ERASURE or MAINTENANCE), in this transaction."""
    conn.execute(_OPEN, {"mode": mode})
    try:
        yield
    except BaseException:
        # Close even when the caller goes on after the error; in an aborted transaction (PostgreSQL) the
        # close fails too, and the caller's rollback removes the row.
        with suppress(Exception):
            conn.execute(_CLOSE)
        raise
    conn.execute(_CLOSE)


@contextmanager
def erasure(session: Session) -> Iterator[None]:
    """Open the gate for erasure or retention in the session's transaction (flushing ORM changes inside)."""
    if session.info.get(_OPEN_KEY):  # already open in this transaction (one rewrite calling another)
        yield
        return
    session.flush()
    with open_gate(session.connection(), ERASURE):
        session.info[_OPEN_KEY] = True
        try:
            yield
            session.flush()  # ORM changes made inside must reach the database while the gate is open
        finally:
            session.info.pop(_OPEN_KEY, None)
