"""Load and fault tests: the app under gunicorn on 127.0.0.1, 50 simulated tablets, a fixed short time.

They run on the leg's database: SQLite by default, PostgreSQL when TEST_DATABASE_URL is set (a database
of their own, created and dropped here). SQLite-only faults skip on the PostgreSQL leg and the other way
round. LOAD_SECONDS sets the length of each run (default 12 s); LOAD_PG_RESTART=1 adds the PostgreSQL
restart, which breaks every connection of every user of that server (so it is opt-in).
The figures of every run are printed at the end of the test session.
"""

import os
import shutil

import pytest

from bench.load import install, servers
from bench.load.scenarios import Outcome
from tests.dbs import postgres_base_url

SECONDS = float(os.environ.get("LOAD_SECONDS", "12"))
_OUTCOMES: list[str] = []


def pytest_configure(config):
    config.addinivalue_line("markers", "load: starts gunicorn and drives 50 simulated tablets (tests/load)")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/load/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.load)


def pytest_terminal_summary(terminalreporter):
    if _OUTCOMES:
        from bench.load.check import HEADER
        terminalreporter.section("load and fault runs (tests/load)")
        terminalreporter.write_line(HEADER)
        for text in _OUTCOMES:
            terminalreporter.write_line(text)


@pytest.fixture
def record():
    """Keep a run's figures for the session summary; returns the outcome for chaining."""
    def keep(outcome: Outcome) -> Outcome:
        _OUTCOMES.append(outcome.report())
        print(outcome.report())
        return outcome
    return keep


@pytest.fixture(scope="package")  # the server stops once tests/load is done, not at the end of the suite
def _stage_and_server(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("load")
    if not servers.GUNICORN.exists():
        pytest.skip("gunicorn is not installed in the venv (pip install -e '.[dev]')")
    with install.dedicated_database(workdir, postgres_base_url(), name="load") as url:
        tablets = install.build(url)
        bare = install.Stage(db_url=url, secret_key=install.new_secret_key(), workdir=workdir,
                             tablets=tablets)
        with servers.gunicorn(env=bare.app_env(), workdir=workdir, name="load-app") as server:
            stage = install.Stage(db_url=url, secret_key=bare.secret_key, workdir=workdir,
                                  tablets=install.sign_in(server.url, tablets))
            yield stage, server


@pytest.fixture
def stage(_stage_and_server) -> install.Stage:
    """A database of the leg's kind with one team and 50 tablets, each signed in once (PIN, over HTTP)."""
    return _stage_and_server[0]


@pytest.fixture
def server(_stage_and_server) -> servers.Server:
    """The app under gunicorn (4 sync workers) on that database, shared by the tests of the session."""
    return _stage_and_server[1]


@pytest.fixture
def restore_url(tmp_path):
    """An empty database of the leg's kind to restore a backup into."""
    with install.dedicated_database(tmp_path, postgres_base_url(), name="restore") as url:
        yield url


def needs(kind: str):
    """Skip unless the leg's database is `kind` ("sqlite" or "postgresql")."""
    on_postgres = bool(postgres_base_url())
    if kind == "postgresql":
        return pytest.mark.skipif(not on_postgres, reason="PostgreSQL fault: runs in the PostgreSQL leg "
                                  "(TEST_DATABASE_URL)")
    return pytest.mark.skipif(on_postgres, reason="SQLite fault: runs in the SQLite leg")


HAPROXY = shutil.which(servers.HAPROXY)
