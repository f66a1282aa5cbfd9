"""The logging ceiling of `make bench` replays what one logged gesture really sends: the captured
statements, replayed on the raw driver, store one new gesture each, on the next link of the team's chain."""

import sqlite3
import uuid

from bench import statements
from bench.log_post import ceiling, fixture, profile
from tests.web.signin import use_cheap_hashing


def _rows(db) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute("SELECT team_id, chain_seq FROM gesture ORDER BY chain_seq").fetchall()


def test_each_replay_of_a_logged_gesture_stores_one_more_link(tmp_path, monkeypatch):
    use_cheap_hashing(monkeypatch)
    db = tmp_path / "ceiling.db"
    installation = fixture.build(f"sqlite:///{db}")
    app = fixture.app_for(db)
    client = app.test_client()
    send_token = profile._signed_in_tablet(client, *installation.staff[0])

    def post():
        body = {**profile.BODY, "gesture_id": str(uuid.uuid4()), "send_token": send_token}
        assert client.post(fixture.OUTBOX, json=body).status_code == 201

    sent = statements.sent(app.extensions["engine"], post)
    verbs = [statement.split()[0] for statement, _ in sent]
    assert verbs == ["SELECT", "SELECT", "INSERT", "SELECT", "INSERT"]
    replay = ceiling._replayer(str(db), sent)
    for _ in range(3):
        replay()
    rows = _rows(db)
    assert len(rows) == 4 and len({team for team, _ in rows}) == 1
    assert [seq for _, seq in rows] == [1, 2, 3, 4]
    app.extensions["engine"].dispose()
