"""The logging benchmark's moving parts work end to end: the wrk script posts real gestures that the app
stores (one row per 2xx answer), and every answer's status is counted. Correctness only, never timing."""

import shutil
import sqlite3
import threading

import pytest
from werkzeug.serving import make_server

from bench.log_post import fixture, wrk
from tests.web.signin import use_cheap_hashing
from web import create_app

pytestmark = pytest.mark.skipif(shutil.which(wrk.WRK) is None, reason="needs wrk (apt-get install wrk)")


@pytest.fixture
def bench_server(tmp_path, monkeypatch):
    """A bench installation in its own SQLite file, served from a thread on 127.0.0.1."""
    use_cheap_hashing(monkeypatch)
    db = tmp_path / "logging.db"
    installation = fixture.build(f"sqlite:///{db}")
    app = create_app({"SECRET_KEY": fixture.secret_key(), "DATABASE_URL": f"sqlite:///{db}",
                      "SESSION_COOKIE_SECURE": False})
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
        path = "/api/gestures"
    else:
        credentials, path = fixture.manager_session(base, installation.managers[0]), "/log"
    lua = tmp_path / "credentials.lua"
    lua.write_text(fixture.lua_table([credentials]))
    result = wrk.run(base + path, mode=mode, credentials=lua, nonce=7, seconds=1, threads=1, connections=2)
    assert result.requests > 0 and result.failed == 0, result.output
    assert set(result.statuses) == ({201} if mode == "json" else {200})
    assert result.ok <= _gestures(db) <= result.ok + 2  # wrk may cut off the answers still in flight


def test_the_bare_baseline_stores_one_row_per_post(tmp_path, monkeypatch):
    from bench.log_post import baseline

    db = tmp_path / "baseline.db"
    baseline.create_schema(str(db))
    monkeypatch.setenv("BASELINE_DB", str(db))
    client = baseline.create_app().test_client()
    answers = [client.post("/insert", data={"id": f"row-{i}", "note": "tea"}).status_code for i in range(3)]
    with sqlite3.connect(db) as conn:
        stored = conn.execute("SELECT id FROM hit ORDER BY id").fetchall()
    assert stored == [("row-0",), ("row-1",), ("row-2",)]
    assert answers == [201, 201, 201]
