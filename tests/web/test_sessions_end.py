"""Sessions that really end (issue 12, findings 1-2 and "Sessions"): the name tiles end a tablet's PIN
session, an outbox's queued sign-out is honoured, one device's end leaves the others alone, a manager's
sign-out ends all of theirs, idle and absolute timeouts, and a fresh sign-in before sensitive actions."""

import time
from datetime import timedelta

import pytest
from flask import Blueprint
from sqlmodel import select

from ledger.models import Signin
from ledger.services.signins import ABSOLUTE_LIFETIME
from ledger.types import utcnow
from tests.factories import make_team
from tests.web.signin import enrol, make_manager, make_staff, sign_in_with_password, sign_in_with_pin
from web.recent_auth import require_recent_auth
from web.security import PASSWORD_IDLE_TIMEOUT, TABLET_COOKIE


@pytest.fixture
def desk(session, client):
    team = make_team(session, "Front desk")
    anouk = make_staff(session, team, "Anouk")
    return team, anouk, enrol(client, session, team)


def signins(session, person):
    session.expire_all()
    return list(session.exec(select(Signin).where(Signin.person_id == person.id).order_by(Signin.id)))


def test_reaching_the_name_tiles_ends_every_pin_session_of_that_tablet(app, client, session, desk):
    _team, anouk, tablet = desk
    sign_in_with_pin(client, anouk, tablet)
    captured = client.get_cookie("session").value
    assert client.get("/log").status_code == 200
    assert "Anouk" in client.get("/tablet").get_data(as_text=True)  # her tile, not her session
    assert client.get("/log").headers["Location"] == "/tablet"
    thief = app.test_client()
    thief.set_cookie("session", captured)
    thief.set_cookie(TABLET_COOKIE, client.get_cookie(TABLET_COOKIE).value)
    assert thief.get("/log").headers["Location"] == "/tablet"  # the copy of the cookie is dead too
    assert signins(session, anouk)[0].end_reason == "tiles"


def test_the_outbox_queued_sign_out_ends_the_pin_session_when_the_network_is_back(client, session, desk):
    _team, anouk, tablet = desk
    sign_in_with_pin(client, anouk, tablet)
    assert client.post("/tablet/done", data="{}").status_code == 415  # JSON only: no cross-site form
    assert client.get("/log").status_code == 200
    assert client.post("/tablet/done", json={}).status_code == 204
    assert client.get("/log").headers["Location"] == "/tablet"
    assert signins(session, anouk)[0].end_reason == "saved"


def test_a_managers_pin_session_on_a_tablet_leaves_their_laptop_signed_in(app, client, session, desk):
    team, _anouk, tablet = desk
    maria = make_manager(session, team)
    laptop = app.test_client()
    sign_in_with_password(laptop, maria)
    sign_in_with_pin(client, maria, tablet)
    client.post("/tablet/leave")
    client.get("/tablet")
    assert laptop.get("/tablet/register").status_code == 200


def test_a_managers_own_sign_out_ends_every_session_of_theirs(app, client, session, desk):
    team, _anouk, tablet = desk
    maria = make_manager(session, team)
    laptop = app.test_client()
    sign_in_with_password(laptop, maria)
    sign_in_with_pin(client, maria, tablet)
    laptop.post("/auth/logout")
    assert client.get("/me").headers["Location"] == "/tablet"
    assert all(s.ended_at is not None for s in signins(session, maria))


def test_a_manager_idle_for_half_an_hour_signs_in_again(app, session, desk):
    maria, client = make_manager(session, desk[0]), app.test_client()
    sign_in_with_password(client, maria)
    with client.session_transaction() as sess:
        sess["seen_at"] = int(time.time() - PASSWORD_IDLE_TIMEOUT.total_seconds() + 30)
    assert client.get("/tablet/register").status_code == 200  # 29.5 minutes: still in
    with client.session_transaction() as sess:
        sess["seen_at"] = int(time.time() - PASSWORD_IDLE_TIMEOUT.total_seconds() - 5)
    assert client.get("/tablet/register").headers["Location"].startswith("/auth/login")
    assert signins(session, maria)[0].end_reason == "idle"


def test_no_sign_in_outlives_its_absolute_lifetime(app, session, desk):
    maria, client = make_manager(session, desk[0]), app.test_client()
    sign_in_with_password(client, maria)
    row = signins(session, maria)[0]
    row.started_at = utcnow() - ABSOLUTE_LIFETIME - timedelta(minutes=1)
    session.add(row)
    session.commit()
    assert timedelta(hours=12) >= ABSOLUTE_LIFETIME
    assert client.get("/tablet/register").headers["Location"].startswith("/auth/login")
    assert signins(session, maria)[0].end_reason == "lifetime"


@pytest.fixture
def sensitive(app):
    bp = Blueprint("sensitive_test", __name__)

    @bp.route("/_test/sensitive", methods=["GET", "POST"])
    @require_recent_auth
    def action():
        return "done"

    app.register_blueprint(bp)
    return "/_test/sensitive"


def test_a_sensitive_action_asks_for_the_password_again_then_goes_on(client, session, desk, sensitive,
                                                                      monkeypatch):
    from tests.web.signin import use_cheap_hashing

    use_cheap_hashing(monkeypatch)
    from ledger.credentials import hash_secret

    maria = make_manager(session, desk[0])
    maria.password_hash = hash_secret("a long and honest password")
    session.add(maria)
    session.commit()
    sign_in_with_password(client, maria)
    asked = client.get(sensitive)
    assert asked.status_code == 302
    assert asked.headers["Location"].startswith("/auth/confirm?next=/_test/sensitive")
    assert client.post("/auth/confirm", data={"password": "wrong", "next": sensitive}).status_code == 422
    assert client.get(sensitive).status_code == 302
    back = client.post("/auth/confirm", data={"password": "a long and honest password", "next": sensitive})
    assert back.headers["Location"] == sensitive
    assert client.get(sensitive).get_data(as_text=True) == "done"


def test_a_sensitive_action_is_never_open_to_a_pin_session(client, session, desk, sensitive):
    _team, anouk, tablet = desk
    sign_in_with_pin(client, anouk, tablet)
    assert client.get(sensitive).status_code == 403
