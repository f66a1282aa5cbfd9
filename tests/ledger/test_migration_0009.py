"""Migration 0009 on a database that already holds gestures: the rows logged before it are chained (so
`verify` says intact right after the upgrade), the triggers guard them, and going back removes both."""

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from ledger import migrate
from ledger.db import make_engine
from ledger.integrity import verify
from tests.dbs import fresh_database
from tests.ledger.test_migration_0007 import _downgrade, _fill


@pytest.fixture
def old_engine(tmp_path):
    """A database at 0008 (before this change) with a gesture, its correction and an appreciation."""
    with fresh_database(tmp_path) as url:
        eng = make_engine(url)
        migrate.upgrade(eng, "0008")
        with eng.begin() as conn:
            _fill(conn)
        yield eng
        eng.dispose()


def test_rows_logged_before_the_migration_are_chained_and_guarded(old_engine):
    migrate.upgrade(old_engine)
    with old_engine.connect() as conn:
        verdict = verify(conn)
        seqs = conn.execute(text("SELECT chain_seq FROM gesture ORDER BY chain_seq")).scalars().all()
    assert verdict.intact, verdict.broken
    assert (verdict.entries, seqs) == (2, [1, 2])
    with pytest.raises(IntegrityError, match="append-only"), old_engine.begin() as conn:
        conn.execute(text("UPDATE gesture SET cost_cents = 1"))


def test_going_back_removes_the_guard_and_the_chain(old_engine):
    migrate.upgrade(old_engine, "0009")  # this migration's own way back (later ones have theirs)
    _downgrade(old_engine, "0008")
    with old_engine.begin() as conn:
        conn.execute(text("UPDATE gesture SET cost_cents = 1"))
        columns = conn.execute(text("SELECT * FROM gesture")).keys()
    assert "chain_seq" not in columns and "entry_hash" not in columns
