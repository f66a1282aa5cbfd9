"""Errors mapped once (web/errors.py): the ledger's errors, a busy database and HTTP refusals become a kind
page, or problem+json under /api, and a page never shows a traceback."""

import pytest
from sqlalchemy.exc import OperationalError

from ledger.errors import Conflict, FieldError, NotAllowed, NotFound, ValidationFailed
from tests.factories import make_team
from tests.web.signin import enrol, make_staff, sign_in_with_pin

EN = {"Accept-Language": "en"}
RAISED = {
    "not-found": (NotFound("gesture"), 404, "Page not found"),
    "not-allowed": (NotAllowed("you may not change this entry"), 403, "Not for this account"),
    "conflict": (Conflict("only the current entry can be changed"), 409, "Changed in the meantime"),
    "invalid": (ValidationFailed([FieldError("note", "too_long", {"max": 280})]), 422,
                "Please check what you entered"),
}


def locked() -> OperationalError:
    import sqlite3

    return OperationalError("UPDATE person SET …", {}, sqlite3.OperationalError("database is locked"))


@pytest.fixture
def raising_app(app):
    """The app with two routes that raise whatever the test names: one page, one under /api."""
    def raise_it(kind: str):
        if kind == "locked":
            raise locked()
        if kind == "bug":
            raise RuntimeError("a bug with a secret in it")
        raise RAISED[kind][0]

    app.add_url_rule("/_test/raise/<kind>", "raise_page", raise_it)
    app.add_url_rule("/api/_test/raise/<kind>", "raise_api", raise_it)
    return app


@pytest.mark.parametrize("kind", sorted(RAISED))
def test_a_domain_error_on_a_page_is_a_kind_page_with_its_status(raising_app, kind):
    _error, status, title = RAISED[kind]
    answer = raising_app.test_client().get(f"/_test/raise/{kind}", headers=EN)
    page = answer.get_data(as_text=True)
    assert answer.status_code == status and answer.mimetype == "text/html"
    assert title in page and "To the start page" in page and "Traceback" not in page


@pytest.mark.parametrize("kind", sorted(RAISED))
def test_a_domain_error_under_the_api_is_problem_json(raising_app, kind):
    _error, status, title = RAISED[kind]
    answer = raising_app.test_client().get(f"/api/_test/raise/{kind}", headers=EN)
    body = answer.get_json(force=True)
    assert answer.status_code == status and answer.mimetype == "application/problem+json"
    assert {"type": "about:blank", "title": title, "status": status}.items() <= body.items()
    assert body["detail"]


def test_a_validation_problem_names_each_field_with_its_message_and_the_ledgers_code(raising_app):
    body = raising_app.test_client().get("/api/_test/raise/invalid", headers=EN).get_json(force=True)
    assert body["codes"] == {"note": "too_long"} and set(body["errors"]) == {"note"}
    assert "280" in body["errors"]["note"]


def test_a_validation_error_that_reaches_a_page_lists_what_to_fix(raising_app):
    page = raising_app.test_client().get("/_test/raise/invalid", headers=EN).get_data(as_text=True)
    assert "280" in page


def test_a_locked_database_answers_503_with_retry_after_on_a_page(client, monkeypatch):
    def busy(*_args, **_kw):
        raise locked()

    monkeypatch.setattr("web.main.views.signed_in_person", busy)  # its look-up of the person meets the lock
    answer = client.get("/", headers=EN)
    page = answer.get_data(as_text=True)
    assert answer.status_code == 503 and answer.headers["Retry-After"].isdigit()
    assert "Try again in a few seconds" in page and "database is locked" not in page


def test_when_every_query_fails_even_the_frame_of_the_page_the_503_still_answers(app, client, session):
    from sqlalchemy import event

    enrol(client, session, make_team(session, "Front desk"))  # the tablet's pages look its team up

    def fail(*_args):
        raise locked()

    event.listen(app.extensions["engine"], "before_cursor_execute", fail)
    answer = client.get("/tablet", headers=EN)
    assert answer.status_code == 503 and answer.headers["Retry-After"].isdigit()
    assert "Try again in a few seconds" in answer.get_data(as_text=True)


def test_a_lost_database_under_the_api_answers_503_problem_json_with_retry_after(app, client, session,
                                                                                monkeypatch):
    team = make_team(session, "Front desk")
    anouk = make_staff(session, team, "Anouk")
    tablet = enrol(client, session, team)
    sign_in_with_pin(client, anouk, tablet)
    page = client.get("/log").get_data(as_text=True)
    token = page.split('name="send_token" value="')[1].split('"')[0]  # a send token as the log page gives it

    def unreachable(**_kw):
        raise locked()

    monkeypatch.setattr("web.api.views.log_gesture", unreachable)
    answer = client.post("/api/gestures", json={
        "send_token": token, "gesture_id": "0b0c3a55-7d0e-4b7e-9a51-2f1f8a0d7c11", "kind": "treat",
        "trigger": "waiting", "reaction": "4", "cost_pick": "200", "when": "now"})
    body = answer.get_json(force=True)
    assert answer.status_code == 503 and answer.mimetype == "application/problem+json"
    assert answer.headers["Retry-After"] == str(body["retry_after"]) and body["status"] == 503


def test_a_body_that_is_too_large_is_413_on_a_page_and_under_the_api(app, client):
    app.config["MAX_CONTENT_LENGTH"] = 64
    page = client.post("/language", data={"lang": "en", "next": "x" * 500}, headers=EN)
    assert page.status_code == 413 and "Too much at once" in page.get_data(as_text=True)
    api = client.post("/api/gestures", json={"send_token": "x" * 500})
    assert api.status_code == 413 and api.get_json(force=True)["status"] == 413


def test_another_teams_person_answers_exactly_like_a_missing_one(client, session):
    team, other = make_team(session, "Front desk"), make_team(session, "Back office")
    stranger = make_staff(session, other, "Bram")
    enrol(client, session, team)
    theirs, missing = client.get(f"/tablet/pin/{stranger.id}"), client.get("/tablet/pin/999999")
    assert theirs.status_code == missing.status_code == 404
    # Only the address differs (the language switch returns to it).
    assert theirs.get_data(as_text=True).replace(f"pin/{stranger.id}", "pin/ID") == \
        missing.get_data(as_text=True).replace("pin/999999", "pin/ID")


def test_a_bug_shows_a_kind_page_and_never_a_traceback(raising_app, monkeypatch):
    raising_app.config["PROPAGATE_EXCEPTIONS"] = False  # as in production; tests otherwise re-raise
    # The traceback goes to the log, which this test need not print. The "web" logger is shared by every
    # app of the run: switched off for this test only (left off, test_logs_safe.py saw no record).
    monkeypatch.setattr(raising_app.logger, "disabled", True)
    answer = raising_app.test_client().get("/_test/raise/bug", headers=EN)
    page = answer.get_data(as_text=True)
    assert answer.status_code == 500 and "Something went wrong" in page
    assert "Traceback" not in page and "secret" not in page and "RuntimeError" not in page
