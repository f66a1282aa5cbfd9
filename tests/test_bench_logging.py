"""The logging benchmark's moving parts work end to end: the wrk script posts real gestures that the app
stores (one row per 2xx answer), and every answer's status is counted. Correctness only, never timing."""

import shutil
import sqlite3
import threading
import uuid

import pytest
from werkzeug.serving import make_server

from bench import pg
from bench.log_post import fixture, wrk
from tests.dbs import postgres_base_url
from tests.web.signin import use_cheap_hashing

pytestmark = pytest.mark.skipif(shutil.which(wrk.WRK) is None, reason="needs wrk (apt-get install wrk)")


@pytest.fixture
def bench_server(tmp_path, monkeypatch):
    """A bench installation in its own SQLite file, served from a thread on 127.0.0.1."""
    use_cheap_hashing(monkeypatch)
    db = tmp_path / "logging.db"
    installation = fixture.build(f"sqlite:///{db}")
    app = fixture.app_for(db)
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}", installation, db
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
        app.extensions["engine"].dispose()


def _gestures(db) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT count(*) FROM gesture").fetchone()[0]


@pytest.mark.parametrize("mode", ["json", "form"])
def test_every_request_of_the_wrk_script_stores_one_new_gesture(bench_server, tmp_path, mode):
    base, installation, db = bench_server
    if mode == "json":
        credentials, _client = fixture.staff_on_tablet(base, *installation.staff[0])
        path = fixture.OUTBOX
    else:
        credentials, path = fixture.manager_session(base, installation.managers[0]), "/log"
    lua = tmp_path / "credentials.lua"
    lua.write_text(fixture.lua_table([credentials]))
    result = wrk.run(base + path, mode=mode, credentials=lua, nonce=7, seconds=1, threads=1, connections=2)
    assert result.requests > 0 and result.failed == 0, result.output
    assert set(result.statuses) == ({201} if mode == "json" else {200})
    assert result.ok <= _gestures(db) <= result.ok + 2  # wrk may cut off the answers still in flight


@pytest.fixture(params=["sqlite", "postgresql"])
def baseline_target(request, tmp_path):
    """Where the bare baseline inserts: a SQLite file, or (in the PostgreSQL leg) a scratch database."""
    if request.param == "sqlite":
        yield str(tmp_path / "baseline.db")
        return
    base = postgres_base_url() or ""
    if not base.startswith("postgresql"):
        pytest.skip("the PostgreSQL baseline runs in the PostgreSQL leg (TEST_DATABASE_URL)")
    with pg.scratch(base, f"test_baseline_{uuid.uuid4().hex[:10]}") as url:
        yield url


def test_the_bare_baseline_stores_one_row_per_post(baseline_target, monkeypatch):
    from bench.log_post import baseline

    baseline.create_schema(baseline_target)
    monkeypatch.setenv("BASELINE_DB", baseline_target)
    client = baseline.create_app().test_client()
    answers = [client.post("/insert", data={"id": f"row-{i}", "note": "tea"}).status_code for i in range(3)]
    client.application.extensions["conn"].close()  # the worker's own connection (a server never closes it)
    conn = baseline.connect(baseline_target)
    try:
        stored = [tuple(row) for row in conn.execute("SELECT id FROM hit ORDER BY id").fetchall()]
    finally:
        conn.close()
    assert stored == [("row-0",), ("row-1",), ("row-2",)]
    assert answers == [201, 201, 201]
