"""The PostgreSQL columns of `make bench`: the loader stores exactly the generated rows, a loaded database is
reused, an unreachable server skips the columns with one line, and --sqlite-only leaves them out.
Correctness only, never timing; the loader tests run in the PostgreSQL leg (TEST_DATABASE_URL)."""

import uuid

import pytest
from sqlalchemy import select
from sqlalchemy.orm import aliased

from bench import __main__ as bench_main
from bench import pg
from bench.generate import TeamPlan, fill
from ledger import migrate
from ledger.db import make_engine
from ledger.models import Appreciation, Gesture, Person, Team
from tests.dbs import postgres_base_url

on_postgres = pytest.mark.skipif(not (postgres_base_url() or "").startswith("postgresql"),
                                 reason="PostgreSQL loader: runs in the PostgreSQL leg (TEST_DATABASE_URL)")
PLANS = (TeamPlan("Tiny bench", 4, 3, 200), TeamPlan("Tiny bench London", 3, 2, 100, "Europe/London"))


def _stored(engine) -> tuple[list[tuple], list[tuple]]:
    """Every gesture and appreciation, named by team and person (ids of those differ between databases)."""
    giver, logger = aliased(Person), aliased(Person)
    gestures = (select(Gesture.id, Gesture.origin_id, Gesture.entry_type, Gesture.supersedes_id, Team.name,
                       giver.display_name, logger.display_name, Gesture.occurred_at, Gesture.logged_at,
                       Gesture.kind, Gesture.trigger, Gesture.cost_cents, Gesture.effort_minutes,
                       Gesture.reaction, Gesture.description, Gesture.follow_up, Gesture.mandate_check,
                       Gesture.change_reason, Gesture.prev_hash, Gesture.chain_seq)
                .join(Team, Team.id == Gesture.team_id).join(giver, giver.id == Gesture.person_id)
                .join(logger, logger.id == Gesture.logged_by_id).order_by(Gesture.id))
    appreciations = (select(Appreciation.gesture_id, Person.display_name, Appreciation.created_at)
                     .join(Person, Person.id == Appreciation.person_id)
                     .order_by(Appreciation.gesture_id, Person.display_name))
    with engine.connect() as conn:
        return [tuple(r) for r in conn.execute(gestures)], [tuple(r) for r in conn.execute(appreciations)]


@on_postgres
def test_the_copy_loader_stores_exactly_the_rows_the_sqlite_generator_stores(engine, tmp_path):
    rows = fill(engine, PLANS, log=lambda *_: None, write=pg.copy_rows)
    sqlite = make_engine(f"sqlite:///{tmp_path}/bench.db")
    migrate.upgrade(sqlite)
    assert fill(sqlite, PLANS, log=lambda *_: None) == rows
    on_postgres_rows, on_sqlite_rows = _stored(engine), _stored(sqlite)
    sqlite.dispose()
    assert len(on_postgres_rows[0]) == rows and on_postgres_rows[1]
    assert on_postgres_rows == on_sqlite_rows


@on_postgres
def test_a_loaded_bench_database_is_reused_until_its_plans_change():
    base, name = postgres_base_url(), f"test_{uuid.uuid4().hex[:10]}"
    said: list[str] = []
    try:
        url, rows = pg.ensure_database(name, PLANS[:1], base=base, log=said.append)
        assert said and rows > 600
        said.clear()
        assert pg.ensure_database(name, PLANS[:1], base=base, log=said.append) == (url, rows)
        assert said == []  # nothing loaded again
        _, both = pg.ensure_database(name, PLANS, base=base, log=said.append)
        assert said and both > rows
        engine = make_engine(url)
        assert len(_stored(engine)[0]) == both  # the stale rows went with the old database
        engine.dispose()
    finally:
        pg.drop(base, f"{pg.PREFIX}{name}")


def test_an_unreachable_server_skips_the_postgresql_columns_with_one_line(monkeypatch):
    monkeypatch.setenv("BENCH_DATABASE_URL", "postgresql+psycopg://postgres@127.0.0.1:1/nowhere")
    said: list[str] = []
    assert pg.server(log=said.append) is None
    assert len(said) == 1 and said[0].startswith("PostgreSQL columns skipped: cannot reach")
    monkeypatch.setenv("BENCH_DATABASE_URL", "sqlite:///elsewhere.db")
    assert pg.server(log=said.append) is None and "not a PostgreSQL URL" in said[-1]


@pytest.mark.parametrize("sqlite_only", [True, False])
def test_sqlite_only_runs_the_reports_on_sqlite_alone(monkeypatch, sqlite_only):
    servers: list[str | None] = []
    monkeypatch.setattr(pg, "server", lambda log=print: "postgresql+psycopg://bench@pg/postgres")
    monkeypatch.setattr(bench_main.run, "team_report", lambda postgres=None: servers.append(postgres) or {})
    monkeypatch.setattr(bench_main.budget_table, "write", lambda: None)
    args = ["--only", "reports", "--skip-org", *(["--sqlite-only"] if sqlite_only else [])]
    assert bench_main.main(args) == 0
    assert servers == ([None] if sqlite_only else [None, "postgresql+psycopg://bench@pg/postgres"])
