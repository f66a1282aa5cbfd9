"""Each server error found from outside (issue 11) is now a clear 4xx or a 503, and stores nothing.

Deep JSON, ids beyond 64 bits in a URL or a form, weeks outside the calendar, a body too large even when
it is sent chunked, a cost pick the form never offered, and a database locked by another writer.
"""

import io
import json
import sqlite3
import uuid

import pytest
from sqlmodel import select
from werkzeug.test import EnvironBuilder
from werkzeug.wrappers import Request

from ledger.models import Gesture
from ledger.weeks import IsoWeek
from tests.factories import make_team
from tests.web.signin import (
    make_manager,
    sign_in_with_password,
    use_cheap_hashing,
)
from tests.web.test_api_gestures import form_token, gesture

EN = {"Accept-Language": "en"}
HUGE = "9223372036854775808"  # 2^63: one more than either database can hold
HUGER = "99999999999999999999999"


@pytest.fixture
def manager(session, client):
    team = make_team(session, "Front desk")
    maria = make_manager(session, team, "Maria")
    sign_in_with_password(client, maria, team)
    return team, maria


def stored(session) -> list[Gesture]:
    session.expire_all()
    return list(session.exec(select(Gesture)))


def test_json_nested_a_thousand_deep_is_refused_with_400_not_a_recursion_error(client, session, desk):
    deep = b'{"kind":' + b"[" * 990 + b"]" * 990 + b"}"
    answer = client.post("/api/gestures", data=deep, content_type="application/json")
    assert answer.status_code == 400 and answer.get_json(force=True)["error"] == "too_deep"
    assert stored(session) == []


def test_nan_and_infinity_are_not_json(client, session, desk):
    body = gesture(form_token(client)) | {"reaction": 4}
    text = str(body).replace("'", '"').replace("4}", "NaN}")
    answer = client.post("/api/gestures", data=text.replace('"reaction": 4', '"reaction": NaN'),
                         content_type="application/json")
    assert answer.status_code == 400 and stored(session) == []


def post_chunked(client, path: str, content_type: str, body: bytes):
    """POST with Transfer-Encoding: chunked, as gunicorn passes it on: no Content-Length up front."""
    environ = EnvironBuilder(path=path, method="POST", content_type=content_type,
                             headers={"Transfer-Encoding": "chunked", **EN}).get_environ()
    environ.pop("CONTENT_LENGTH", None)
    environ.update({"wsgi.input": io.BytesIO(body), "wsgi.input_terminated": True})
    client._add_cookies_to_wsgi(environ)  # the signed-in session, as the test client would send it
    return client.open(Request(environ))  # a Request is sent as it is (a dict would be rebuilt)


def test_a_20_mb_chunked_body_is_413_on_the_api_and_on_a_form(client, session, desk):
    twenty_mb = b"{" + b" " * (20 << 20) + b"}"
    api = post_chunked(client, "/api/gestures", "application/json", twenty_mb)
    assert api.status_code == 413 and api.mimetype == "application/problem+json"
    form = post_chunked(client, "/log", "application/x-www-form-urlencoded", b"note=" + b"x" * (20 << 20))
    assert form.status_code == 413 and "Too much at once" in form.get_data(as_text=True)
    assert stored(session) == []


def test_a_small_chunked_gesture_is_still_stored(client, session, desk):
    body = json.dumps(gesture(form_token(client))).encode()
    answer = post_chunked(client, "/api/gestures", "application/json", body)
    assert answer.status_code == 201 and len(stored(session)) == 1


def test_a_body_that_is_not_json_gets_415_and_stores_nothing(client, session, desk):
    answer = client.post("/api/gestures", data=gesture(form_token(client)))
    assert answer.status_code == 415 and stored(session) == []


@pytest.mark.parametrize("path", [
    f"/reports/{HUGE}", f"/reports/{HUGER}/export.csv", f"/reports/{HUGE}/print",
    f"/tablet/pin/{HUGE}", "/tablet/pin/0", "/tablet/pin/-1",
])
def test_ids_beyond_64_bits_in_a_url_are_not_found(client, manager, path):
    assert client.get(path).status_code == 404


@pytest.mark.parametrize("path", [f"/tablet/{HUGE}/revoke", f"/auth/setup-codes/{HUGER}",
                                  f"/reports/{HUGE}/reviews", f"/admin/people/{HUGE}/deactivate"])
def test_ids_beyond_64_bits_in_a_posted_url_are_not_found(client, manager, path):
    assert client.post(path).status_code == 404


@pytest.mark.parametrize("team", [HUGE, HUGER, "٣", "1e3", "-1", "0", " 1"])
def test_a_team_id_in_a_form_that_is_no_row_id_is_400(client, manager, team):
    assert client.post("/team", data={"team": team}).status_code == 400
    assert client.post("/tablet/register", data={"team": team, "name": "Desk"}).status_code == 400


def test_the_report_team_picker_ignores_a_team_that_is_no_row_id(client, manager):
    team, _maria = manager
    for picked in (HUGE, "٣"):
        assert client.get(f"/reports/{team.id}?team={picked}").status_code == 200


@pytest.mark.parametrize("text", ["9999-W52", "0001-W01", "2026-W00", "2026-W54", "٢٠٢٦-W07",
                                  "2026-w07", "10000-W01"])
def test_a_week_outside_the_calendar_or_not_in_ascii_digits_is_not_a_week(text):
    with pytest.raises(ValueError):
        IsoWeek.parse(text)


def test_weeks_inside_the_calendar_still_parse():
    assert str(IsoWeek.parse(" 2026-W07 ")) == "2026-W07" and IsoWeek.parse("2026-W53").week == 53


@pytest.mark.parametrize("week", ["9999-W52", "0001-W01", "2026-W00", "٢٠٢٦-W07"])
def test_report_print_export_and_review_answer_400_for_a_week_out_of_range(client, manager, week):
    team, _maria = manager
    for path in (f"/reports/{team.id}", f"/reports/{team.id}/print", f"/reports/{team.id}/export.csv",
                 f"/reports/{team.id}/export.json"):
        assert client.get(path, query_string={"week": week}).status_code == 400, path
    review = client.post(f"/reports/{team.id}/reviews",
                         data={"prompt_key": "k", "week": week, "status": "discussed"})
    assert review.status_code == 400


@pytest.mark.parametrize("pick", ["0003", "100000", "199", "٢٠٠", "200 0"])
def test_a_cost_pick_the_form_never_offered_is_refused(client, session, desk, pick):
    answer = client.post("/api/gestures", json=gesture(form_token(client), cost_pick=pick, cost=""))
    assert answer.status_code == 422 and answer.get_json()["codes"] == {"cost": "format"}
    assert stored(session) == []


def test_every_offered_cost_pick_is_accepted(client, session, desk):
    for pick in ("0", "200", "500", "1000", "2000"):
        answer = client.post("/api/gestures", json=gesture(form_token(client), cost_pick=pick))
        assert answer.status_code == 201
    assert sorted(row.cost_cents for row in stored(session)) == [0, 200, 500, 1000, 2000]


# A real lock (tests/web/conftest.py write_lock): another connection holds SQLite's write lock.

def lock(holder: sqlite3.Connection) -> None:
    holder.execute("BEGIN IMMEDIATE")  # the write lock; readers still read (WAL)


def test_a_locked_database_answers_the_outbox_503_with_retry_after_and_the_resend_is_stored(
        client, session, desk, write_lock):
    body = gesture(form_token(client))
    lock(write_lock)
    busy = client.post("/api/gestures", json=body)
    assert busy.status_code == 503 and busy.mimetype == "application/problem+json"
    assert busy.headers["Retry-After"].isdigit()
    write_lock.execute("ROLLBACK")
    assert client.post("/api/gestures", json=body).status_code == 201 and len(stored(session)) == 1


def test_a_locked_database_answers_sign_in_503_with_retry_after(client, session, write_lock, monkeypatch):
    use_cheap_hashing(monkeypatch)
    make_manager(session, make_team(session), "Maria", password="correct horse battery")
    lock(write_lock)
    answer = client.post("/auth/login", data={"email": "maria@example.test", "password": "wrong"}, headers=EN)
    assert answer.status_code == 503 and answer.headers["Retry-After"].isdigit()
    assert "Try again in a few seconds" in answer.get_data(as_text=True)
    write_lock.execute("ROLLBACK")


def test_a_locked_database_keeps_what_was_typed_on_the_log_form_and_says_to_try_again(
        client, session, desk, write_lock):
    gesture_id = str(uuid.uuid4())
    form = {"gesture_id": gesture_id, "kind": "treat", "trigger": "waiting", "reaction": "4",
            "cost_pick": "", "cost": "7.25", "when": "now", "description": "Coffee for the couple at table 4"}
    client.get("/log")  # the tablet was seen just now: no "last seen" write is due
    lock(write_lock)
    answer = client.post("/log", data=form, headers=EN)
    page = answer.get_data(as_text=True)
    assert answer.status_code == 503 and answer.headers["Retry-After"].isdigit()
    assert "try again in a few seconds" in page and "Coffee for the couple at table 4" in page
    assert 'value="7.25"' in page and gesture_id in page
    write_lock.execute("ROLLBACK")
    assert client.post("/log", data=form, headers=EN).status_code == 200 and len(stored(session)) == 1


def test_a_nul_byte_the_database_refuses_is_a_400_not_a_server_error(client, session, db_url):
    # PostgreSQL refuses NUL in text (psycopg DataError); SQLite stores it and simply finds nothing.
    admin = make_manager(session, None, "Ada", role="admin")
    sign_in_with_password(client, admin)
    answer = client.get("/admin/people", query_string={"q": "Ad\x00a"}, headers=EN)
    assert answer.status_code == (200 if db_url.startswith("sqlite") else 400)
    assert client.get("/admin/people", headers=EN).status_code == 200  # the next request is served as usual
