"""The shared tablet: enrolment link, name tiles, PIN pad, one-task sessions, registration and revocation."""

import time

import pytest
from sqlmodel import select

from ledger.credentials import hash_secret
from ledger.models import AuditEvent, Signin, Tablet
from ledger.services.auth import MAX_FAILED_ATTEMPTS
from ledger.services.tablets import register_tablet, revoke_tablet
from tests.factories import make_person, make_team
from tests.web.signin import (
    enrol,
    make_manager,
    make_staff,
    sign_in_with_password,
    sign_in_with_pin,
    use_cheap_hashing,
)
from web.security import PIN_IDLE_TIMEOUT, TABLET_COOKIE

EN = {"Accept-Language": "en"}


@pytest.fixture(autouse=True)
def _cheap_hashes(monkeypatch):
    use_cheap_hashing(monkeypatch)


@pytest.fixture
def team(session):
    return make_team(session, "Front desk", why="Every guest leaves with a story worth telling.")


@pytest.fixture
def anouk(session, team):
    return make_staff(session, team, name="Anouk Jansen", pin="4821")


def tablet_cookie(answer) -> str:
    return next(c for c in answer.headers.getlist("Set-Cookie") if c.startswith(TABLET_COOKIE + "="))


def test_the_enrolment_link_remembers_the_tablet_in_a_long_lived_safe_cookie(client, session, team):
    _tablet, token = register_tablet(session=session, team_id=team.id)
    answer = client.get(f"/t/{token}")
    assert answer.status_code == 302 and answer.headers["Location"] == "/tablet"
    cookie = tablet_cookie(answer)
    assert "HttpOnly" in cookie and "SameSite=Lax" in cookie and "Max-Age=34560000" in cookie
    assert "Secure" not in cookie  # the test app runs without TLS; see the next test


def test_the_tablet_cookie_is_secure_outside_debug(app, session, team):
    app.config["SESSION_COOKIE_SECURE"] = True
    _tablet, token = register_tablet(session=session, team_id=team.id)
    assert "Secure" in tablet_cookie(app.test_client().get(f"/t/{token}"))


@pytest.mark.parametrize("revoked", [False, True])
def test_a_wrong_or_revoked_link_says_so_and_sets_no_cookie(client, session, team, revoked):
    tablet, token = register_tablet(session=session, team_id=team.id)
    if revoked:
        revoke_tablet(session=session, tablet_id=tablet.id)
    answer = client.get(f"/t/{token if revoked else 'x' + token}", headers=EN)
    assert answer.status_code == 404
    assert "This tablet link does not work" in answer.get_data(as_text=True)
    assert not [c for c in answer.headers.getlist("Set-Cookie") if c.startswith(TABLET_COOKIE)]


def test_the_tiles_show_the_active_people_of_this_team_only_with_initials(client, session, team, anouk):
    make_person(session, team, name="Bram Peters")
    make_person(session, team, name="Gone Away", active=False)
    make_person(session, make_team(session, "Restaurant"), name="Other Team")
    enrol(client, session, team)
    page = client.get("/tablet", headers=EN).get_data(as_text=True)
    assert "Anouk Jansen" in page and "Bram Peters" in page and ">AJ<" in page and ">BP<" in page
    assert "Gone Away" not in page and "Other Team" not in page
    assert "Every guest leaves with a story worth telling." in page
    assert 'type="search"' not in page  # a small team needs no search box


def test_managers_get_a_tile_only_once_they_have_a_pin(client, session, team, anouk):
    make_person(session, team, name="Marieke Visser", role="manager", email="marieke@example.org")
    make_person(session, team, name="Joost de Wit", role="manager", pin_hash=hash_secret("5823"))
    enrol(client, session, team)
    page = client.get("/tablet", headers=EN).get_data(as_text=True)
    assert "Joost de Wit" in page and "Anouk Jansen" in page
    assert "Marieke Visser" not in page


def test_a_large_team_gets_a_search_box_that_also_works_without_javascript(client, session, team):
    for i in range(12):
        make_person(session, team, name=f"Person {chr(65 + i)}")
    enrol(client, session, team)
    assert 'type="search"' in client.get("/tablet").get_data(as_text=True)
    found = client.get("/tablet?q=person c", headers=EN).get_data(as_text=True)
    assert "Person C" in found and "Person D" not in found


def test_a_browser_that_is_not_a_tablet_explains_how_to_become_one(client):
    page = client.get("/tablet", headers=EN).get_data(as_text=True)
    assert "This is not a team tablet yet" in page and "/auth/login?next=/tablet/register" in page


def test_the_right_pin_starts_a_one_task_session_and_opens_the_log_page(client, session, team, anouk):
    enrol(client, session, team)
    answer = client.post(f"/tablet/pin/{anouk.id}", data={"pin": "4821"})
    assert answer.status_code == 302 and answer.headers["Location"] == "/log"
    assert not [c for c in answer.headers.getlist("Set-Cookie") if c.startswith("remember_token")]
    with client.session_transaction() as sess:
        assert sess["auth"] == "pin" and sess["team_id"] == team.id
    assert session.exec(select(AuditEvent).where(AuditEvent.action == "signin")).first().actor_id == anouk.id


def test_the_pin_pad_has_a_real_numeric_input_and_a_3_by_4_keypad(client, session, team, anouk):
    enrol(client, session, team)
    page = client.get(f"/tablet/pin/{anouk.id}", headers=EN).get_data(as_text=True)
    assert 'name="pin" type="password" inputmode="numeric"' in page
    assert page.count('class="key"') + page.count('class="key key-') == 12
    assert "Not you? Back to names" in page


def test_a_wrong_pin_is_refused_counted_and_audited(client, session, team, anouk):
    enrol(client, session, team)
    answer = client.post(f"/tablet/pin/{anouk.id}", data={"pin": "1111"}, headers=EN)
    assert answer.status_code == 422
    assert "That PIN is not right." in answer.get_data(as_text=True)
    session.refresh(anouk)
    assert anouk.failed_attempts == 1
    event = session.exec(select(AuditEvent).where(AuditEvent.action == "signin_failed")).one()
    assert event.actor_id == anouk.id and event.team_id == team.id and '"pin"' in event.detail


@pytest.mark.parametrize("typed", ["12", "1234567", "12a4", "١٢٣٤", "1234\n"])
def test_something_that_is_not_a_pin_is_explained_without_counting_a_try(client, session, team, anouk, typed):
    enrol(client, session, team)
    answer = client.post(f"/tablet/pin/{anouk.id}", data={"pin": typed}, headers=EN)
    assert answer.status_code == 422 and "A PIN has 4 to 6 digits." in answer.get_data(as_text=True)
    session.refresh(anouk)
    assert anouk.failed_attempts == 0


def test_five_wrong_pins_lock_the_person_and_hide_the_keypad(client, session, team, anouk):
    enrol(client, session, team)
    for _ in range(MAX_FAILED_ATTEMPTS - 1):
        client.post(f"/tablet/pin/{anouk.id}", data={"pin": "1111"})
    locked = client.post(f"/tablet/pin/{anouk.id}", data={"pin": "1111"}, headers=EN)
    assert locked.status_code == 429
    assert "Too many tries" in locked.get_data(as_text=True)
    assert client.post(f"/tablet/pin/{anouk.id}", data={"pin": "4821"}).status_code == 429
    page = client.get(f"/tablet/pin/{anouk.id}", headers=EN).get_data(as_text=True)
    assert "data-key" not in page and "Too many tries" in page


def test_someone_without_a_pin_is_sent_to_set_one(client, session, team):
    newcomer = make_staff(session, team, name="Nieuw")
    enrol(client, session, team)
    page = client.get(f"/tablet/pin/{newcomer.id}", headers=EN).get_data(as_text=True)
    assert "You have no PIN yet" in page and f"/auth/set-pin?person={newcomer.id}" in page
    answer = client.post(f"/tablet/pin/{newcomer.id}", data={"pin": "4821"})
    assert answer.headers["Location"] == f"/auth/set-pin?person={newcomer.id}"


def test_done_ends_the_pin_session_for_real(app, client, session, team, anouk):
    tablet = enrol(client, session, team)
    sign_in_with_pin(client, anouk, tablet)
    captured = client.get_cookie("session").value
    assert client.post("/tablet/leave").headers["Location"] == "/tablet"
    thief = app.test_client()
    thief.set_cookie("session", captured)
    thief.set_cookie(TABLET_COOKIE, client.get_cookie(TABLET_COOKIE).value)
    assert thief.get("/").headers["Location"] == "/tablet"  # back at the tiles: nobody signed in


def test_a_pin_session_ends_after_a_short_idle_time(client, session, team, anouk):
    tablet = enrol(client, session, team)
    sign_in_with_pin(client, anouk, tablet)
    with client.session_transaction() as sess:
        sess["seen_at"] = int(time.time() - PIN_IDLE_TIMEOUT.total_seconds() - 5)
    assert client.get("/").headers["Location"] == "/tablet"
    ended = session.exec(select(Signin).where(Signin.person_id == anouk.id)).one()
    session.refresh(ended)
    assert ended.ended_at is not None and ended.end_reason == "idle"  # this tablet's sign-in only


def test_an_active_pin_session_stays_while_the_person_keeps_working(client, session, team, anouk):
    tablet = enrol(client, session, team)
    sign_in_with_pin(client, anouk, tablet)
    with client.session_transaction() as sess:
        sess["seen_at"] = int(time.time() - PIN_IDLE_TIMEOUT.total_seconds() + 20)
    assert client.get("/").headers["Location"] == "/log"


def test_revoking_the_tablet_ends_its_pin_session_and_its_tiles(client, session, team, anouk):
    tablet = enrol(client, session, team)
    sign_in_with_pin(client, anouk, tablet)
    revoke_tablet(session=session, tablet_id=tablet.id)
    assert client.get("/").status_code == 200  # the anonymous start page, not the log page
    assert "This is not a team tablet yet" in client.get("/tablet", headers=EN).get_data(as_text=True)


def test_a_pin_session_does_not_travel_to_another_tablet(client, session, team, anouk):
    tablet = enrol(client, session, team)
    sign_in_with_pin(client, anouk, tablet)
    enrol(client, session, make_team(session, "Restaurant"))
    assert client.get("/").headers["Location"] == "/tablet"


def test_a_manager_registers_this_browser_as_a_tablet_for_their_team(client, session, team):
    maria = make_manager(session, team)
    sign_in_with_password(client, maria)
    answer = client.post("/tablet/register", data={"team": team.id, "name": "Reception left"})
    assert answer.status_code == 302 and answer.headers["Location"] == "/tablet"
    stored = session.exec(select(Tablet)).one()
    assert stored.team_id == team.id and stored.name == "Reception left" and stored.created_by_id == maria.id
    assert "HttpOnly" in tablet_cookie(answer)
    assert "Front desk" in client.get("/tablet").get_data(as_text=True)
    [event] = session.exec(select(AuditEvent).where(AuditEvent.action == "tablet_registered")).all()
    assert (event.actor_id, event.entity_id, event.team_id) == (maria.id, str(stored.id), team.id)


def test_a_manager_cannot_register_a_tablet_for_another_team(client, session, team):
    sign_in_with_password(client, make_manager(session, team))
    other = make_team(session, "Restaurant")
    assert client.post("/tablet/register", data={"team": other.id}).status_code == 404
    assert session.exec(select(Tablet)).first() is None


def test_the_register_page_lists_and_revokes_the_teams_tablets(client, session, team):
    maria = make_manager(session, team)
    sign_in_with_password(client, maria)
    tablet, token = register_tablet(session=session, team_id=team.id, name="Bar")
    assert "Bar" in client.get("/tablet/register").get_data(as_text=True)
    assert client.post(f"/tablet/{tablet.id}/revoke").headers["Location"] == "/tablets"
    assert client.get(f"/t/{token}").status_code == 404
    assert "Bar" not in client.get("/tablet/register").get_data(as_text=True)
    [event] = session.exec(select(AuditEvent).where(AuditEvent.action == "tablet_revoked")).all()
    assert (event.actor_id, event.entity_id) == (maria.id, str(tablet.id))


def test_revoking_this_browsers_own_tablet_also_forgets_its_cookie(client, session, team):
    sign_in_with_password(client, make_manager(session, team))
    tablet = enrol(client, session, team)
    answer = client.post(f"/tablet/{tablet.id}/revoke")
    assert tablet_cookie(answer).startswith(f"{TABLET_COOKIE}=;")


def test_a_pin_never_opens_manager_pages_even_for_a_manager(client, session, team):
    maria = make_manager(session, team)
    tablet = enrol(client, session, team)
    sign_in_with_pin(client, maria, tablet)
    assert client.get("/tablet/register").status_code == 403
    assert client.get("/auth/setup-codes").status_code == 403
