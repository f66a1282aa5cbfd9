"""The long form of the load and fault runs, for `make bench` (`python -m bench --only load`).

The same scenarios as tests/load, each for a minute, on SQLite and on PostgreSQL (BENCH_DATABASE_URL, else
TEST_DATABASE_URL, else the local server; skipped with a note when unreachable), including the PostgreSQL
restart, which breaks every connection of every user of that server (`--no-pg-restart` leaves it out).
"""

import os
import tempfile
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

from bench.load import install, scenarios, servers
from bench.load.check import HEADER
from bench.load.scenarios import Outcome

SECONDS = 60
LOCAL_POSTGRES = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"


def problems(outcome: Outcome, *, busy: bool = False) -> list[str]:
    """Why a run misses its promise: anything lost, duplicated or left over; a 5xx other than 503; a 503
    without Retry-After; and for a locked or full database, no 503 at all."""
    verdict, statuses = outcome.verdict, outcome.tally.statuses
    found = [] if verdict.clean else [f"{outcome.name}: ledger not as acknowledged ({verdict})"]
    if other := [s for s in statuses if s >= 400 and s != 503]:
        found.append(f"{outcome.name}: unexpected answers {sorted(other)}")
    if any(not value.isdigit() for value in outcome.tally.retry_after):
        found.append(f"{outcome.name}: a 503 without a Retry-After in seconds")
    if busy and not statuses[503]:
        found.append(f"{outcome.name}: no 503 while the database was busy or full")
    if "missing" in outcome.extra and (outcome.extra["missing"] or outcome.extra["different"]):
        found.append(f"{outcome.name}: the restored backup is not a consistent prefix ({outcome.extra})")
    if outcome.extra.get("chain_intact") is False:
        found.append(f"{outcome.name}: gesture-ledger verify found a broken link (see the notes)")
    return found


def _postgres_base() -> str | None:
    url = os.environ.get("BENCH_DATABASE_URL") or os.environ.get("TEST_DATABASE_URL") or LOCAL_POSTGRES
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        return url
    except OperationalError:
        return None
    finally:
        engine.dispose()


def _scenarios(stage: install.Stage, server: servers.Server, seconds: float,
               pg_restart: bool) -> list[tuple[Callable[[], Outcome], bool]]:
    """The runs of one database kind, each with whether it must see 503s (a busy or full database)."""
    runs: list[tuple[Callable[[], Outcome], bool]] = [
        (lambda: scenarios.steady(stage, server, seconds), False),
        (lambda: scenarios.worker_kills(stage, server, seconds, kills=4), False)]
    if stage.kind == "sqlite":
        return runs + [(lambda: scenarios.sqlite_lock(stage, server, seconds), True),
                       (lambda: scenarios.full_disk(stage, server, seconds), True)]
    runs.append((lambda: scenarios.two_servers(stage, server, seconds), False))
    if pg_restart:
        runs.append((lambda: scenarios.postgres_restart(stage, server, seconds), False))
    return runs


def _leg(postgres_base: str | None, seconds: float, pg_restart: bool, log: Callable[[str], None]) \
        -> list[str]:
    """Every scenario on one database kind, each row printed as it comes; returns the problems."""
    found: list[str] = []
    with tempfile.TemporaryDirectory(prefix="gl-load-") as tmp, \
            install.dedicated_database(Path(tmp), postgres_base, name="load") as url:
        workdir = Path(tmp)
        bare = install.Stage(url, install.new_secret_key(), workdir, install.build(url))
        with servers.gunicorn(env=bare.app_env(), workdir=workdir, name="load-app") as server:
            stage = install.Stage(url, bare.secret_key, workdir, install.sign_in(server.url, bare.tablets))
            for scenario, busy in _scenarios(stage, server, seconds, pg_restart):
                outcome = scenario()
                log(outcome.report())
                found += problems(outcome, busy=busy)
            with install.dedicated_database(workdir, postgres_base, name="restore") as restore_url:
                outcome = scenarios.backup_during_writes(stage, server, seconds, restore_url)
                log(outcome.report())
                found += problems(outcome)
    return found


def load_and_faults(log: Callable[[str], None] = print, seconds: float = SECONDS,
                    pg_restart: bool = True) -> bool:
    """Run the long forms on both databases and print the table; True when nothing was lost or wrong."""
    log(f"\nLoad and faults: {install.DEFAULT_TABLETS} tablets retrying the same id, "
        f"gunicorn --workers {servers.WORKERS} on 127.0.0.1, {seconds:.0f} s per run, "
        f"load average {os.getloadavg()[0]:.1f} before:")
    log(HEADER)
    found = _leg(None, seconds, pg_restart, log)
    postgres_base = _postgres_base()
    if postgres_base is None:
        log("  PostgreSQL unreachable (BENCH_DATABASE_URL, TEST_DATABASE_URL, 127.0.0.1:5432): runs skipped")
    else:
        found += _leg(postgres_base, seconds, pg_restart, log)
    for problem in found:
        log(f"  PROBLEM {problem}")
    log("  every acknowledged gesture stored exactly once, nothing else" if not found else
        f"  {len(found)} problem(s) above")
    return not found
