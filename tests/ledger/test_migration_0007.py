"""Migration 0007: minutes left empty become unknown (NULL) on a database that already holds gestures.

Runs on its own fresh database (SQLite, or PostgreSQL with TEST_DATABASE_URL), filled at revision 0006
with raw rows: a gesture, its correction and an appreciation, so SQLite's table copy has foreign keys
pointing at the rows it moves.
"""

import uuid
from datetime import UTC, datetime

import pytest
from sqlalchemy import MetaData, Uuid, insert, select, update

from ledger import migrate
from ledger.db import make_engine
from tests.dbs import fresh_database

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
UUID_COLUMNS = [("gesture", "id"), ("gesture", "origin_id"), ("gesture", "supersedes_id"),
                ("appreciation", "gesture_id")]


@pytest.fixture
def old_engine(tmp_path):
    """A database migrated to 0006 (before this change), removed afterwards."""
    with fresh_database(tmp_path) as url:
        eng = make_engine(url)
        migrate.upgrade(eng, "0006")
        yield eng
        eng.dispose()


def _tables(conn) -> dict:
    """The tables as the database has them (the models may be ahead); ids read back as UUIDs."""
    meta = MetaData()
    meta.reflect(conn, only=["team", "person", "gesture", "appreciation"])
    for table, column in UUID_COLUMNS:
        meta.tables[table].c[column].type = Uuid()
    return meta.tables


def _gesture(team_id: int, person_id: int, gid: uuid.UUID, **extra) -> dict:
    return {"id": gid, "origin_id": extra.pop("origin_id", gid), "occurred_at": NOW, "kind": "treat",
            "description": "", "cost_cents": 250, "effort_minutes": 5, "trigger": "waiting",
            "trigger_note": "", "reaction": 4, "reaction_note": "", "entry_type": "original",
            "team_id": team_id, "person_id": person_id, "logged_by_id": person_id, "logged_at": NOW,
            "mandate_check": "within", "redacted": "", "change_reason": "", **extra}


def _fill(conn) -> tuple[uuid.UUID, uuid.UUID]:
    t = _tables(conn)
    team_id = conn.execute(insert(t["team"]).values(name="Front desk", timezone="Europe/Amsterdam", why="",
                                                    created_at=NOW).returning(t["team"].c.id)).scalar()
    person_id = conn.execute(insert(t["person"]).values(display_name="Anouk", role="staff", active=True,
                                                        created_at=NOW).returning(t["person"].c.id)).scalar()
    first, second = uuid.uuid4(), uuid.uuid4()
    conn.execute(insert(t["gesture"]).values(_gesture(team_id, person_id, first)))
    conn.execute(insert(t["gesture"]).values(_gesture(team_id, person_id, second, origin_id=first,
                                                      entry_type="correction", supersedes_id=first,
                                                      effort_minutes=0, change_reason="typo")))
    conn.execute(insert(t["appreciation"]).values(gesture_id=first, person_id=person_id, note="",
                                                  created_at=NOW))
    return first, second


def test_the_migration_keeps_every_gesture_and_lets_minutes_be_unknown(old_engine):
    with old_engine.begin() as conn:
        first, second = _fill(conn)
    migrate.upgrade(old_engine, "0007")
    with old_engine.begin() as conn:
        gesture = _tables(conn)["gesture"]
        minutes = dict(conn.execute(select(gesture.c.id, gesture.c.effort_minutes)).all())
        assert minutes == {first: 5, second: 0}  # stored zeros stay zeros
        conn.execute(update(gesture).where(gesture.c.id == second).values(effort_minutes=None))
        assert conn.execute(select(gesture.c.effort_minutes).where(gesture.c.id == second)).scalar() is None
        assert conn.execute(select(_tables(conn)["appreciation"].c.gesture_id)).scalar() == first
        if conn.dialect.name == "sqlite":  # the pause for the table copy does not outlive it
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_going_back_stores_unknown_minutes_as_zero(old_engine):
    with old_engine.begin() as conn:
        _first, second = _fill(conn)
    migrate.upgrade(old_engine, "0007")
    with old_engine.begin() as conn:
        gesture = _tables(conn)["gesture"]
        conn.execute(update(gesture).where(gesture.c.id == second).values(effort_minutes=None))
    _downgrade(old_engine, "0006")
    with old_engine.begin() as conn:
        gesture = _tables(conn)["gesture"]
        assert conn.execute(select(gesture.c.effort_minutes).where(gesture.c.id == second)).scalar() == 0
        assert not gesture.c.effort_minutes.nullable


def _downgrade(engine, revision: str) -> None:
    from alembic import command

    cfg = migrate.alembic_config(engine.url.render_as_string(hide_password=False))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)
