"""A manager issues a one-time set-up code; on the team tablet the staff member sets their own PIN."""

import re
from datetime import timedelta

import pytest
from sqlmodel import select

from ledger.credentials import pin_problem, verify_secret
from ledger.models import AuditEvent
from ledger.services.auth import MAX_FAILED_ATTEMPTS, issue_setup_code
from ledger.types import utcnow
from tests.factories import make_team
from tests.web.signin import enrol, make_manager, make_staff, sign_in_with_password, use_cheap_hashing

EN = {"Accept-Language": "en"}


@pytest.fixture(autouse=True)
def _cheap_hashes(monkeypatch):
    use_cheap_hashing(monkeypatch)


@pytest.fixture
def team(session):
    return make_team(session, "Front desk")


@pytest.fixture
def maria(session, team):
    return make_manager(session, team)


@pytest.fixture
def anouk(session, team):
    return make_staff(session, team, name="Anouk", pin="4821")


def set_pin(client, person, code, pin="2580", again=None):
    return client.post("/auth/set-pin", headers=EN, data={
        "person": person.id, "code": code, "pin": pin, "pin_again": again or pin})


def test_a_manager_gets_a_code_shown_once_and_only_its_hash_is_stored(client, session, maria, anouk):
    sign_in_with_password(client, maria)
    page = client.post(f"/auth/setup-codes/{anouk.id}", headers=EN).get_data(as_text=True)
    code = re.search(r'class="setup-code"[^>]*>([A-Z0-9]{4}-[A-Z0-9]{4})<', page).group(1)
    session.refresh(anouk)
    assert code.replace("-", "") not in (anouk.setup_code_hash or "")
    assert verify_secret(anouk.setup_code_hash, code.replace("-", ""))
    assert anouk.setup_code_expires_at > utcnow() + timedelta(hours=47)
    issued = session.exec(select(AuditEvent).where(AuditEvent.action == "setup_code_issued")).one()
    assert issued.actor_id == maria.id


def test_the_set_up_code_list_shows_who_has_a_pin(client, session, team, maria, anouk):
    make_staff(session, team, name="Bram")
    sign_in_with_password(client, maria)
    page = client.get("/auth/setup-codes", headers=EN).get_data(as_text=True)
    assert "Anouk" in page and "has a PIN" in page and "no PIN yet" in page


def test_staff_set_their_own_pin_with_the_code_and_then_sign_in_with_it(client, session, team, maria, anouk):
    code = issue_setup_code(session=session, person_id=anouk.id, issuer=maria)
    enrol(client, session, team)
    answer = set_pin(client, anouk, code.lower().replace("-", " "))  # typed loosely: still fine
    assert answer.status_code == 302 and answer.headers["Location"] == "/tablet"
    assert client.post(f"/tablet/pin/{anouk.id}", data={"pin": "2580"}).headers["Location"] == "/log"
    session.refresh(anouk)
    assert anouk.setup_code_hash is None and anouk.session_version == 2


def test_a_set_up_code_works_only_once(client, session, team, maria, anouk):
    code = issue_setup_code(session=session, person_id=anouk.id, issuer=maria)
    enrol(client, session, team)
    set_pin(client, anouk, code)
    again = set_pin(client, anouk, code, pin="9173")
    assert again.status_code == 422 and "not right or has expired" in again.get_data(as_text=True)


def test_an_expired_code_is_refused(client, session, team, maria, anouk):
    code = issue_setup_code(session=session, person_id=anouk.id, issuer=maria)
    anouk.setup_code_expires_at = utcnow() - timedelta(minutes=1)
    session.add(anouk)
    session.commit()
    enrol(client, session, team)
    assert set_pin(client, anouk, code).status_code == 422


def test_wrong_codes_count_towards_the_lockout(client, session, team, maria, anouk):
    issue_setup_code(session=session, person_id=anouk.id, issuer=maria)
    enrol(client, session, team)
    for _ in range(MAX_FAILED_ATTEMPTS - 1):
        assert set_pin(client, anouk, "AAAA-AAAA").status_code == 422
    assert set_pin(client, anouk, "AAAA-AAAA").status_code == 429


@pytest.mark.parametrize("pin, again, message", [
    ("1234", None, "harder to guess"),
    ("7777", None, "harder to guess"),
    ("12", None, "4 to 6 digits"),
    ("2580", "2581", "not the same"),
])
def test_a_weak_or_mistyped_new_pin_is_explained_and_the_code_stays_valid(
        client, session, team, maria, anouk, pin, again, message):
    code = issue_setup_code(session=session, person_id=anouk.id, issuer=maria)
    enrol(client, session, team)
    answer = set_pin(client, anouk, code, pin=pin, again=again)
    assert answer.status_code == 422 and message in answer.get_data(as_text=True)
    assert set_pin(client, anouk, code).status_code == 302


def test_setting_a_pin_needs_the_team_tablet(client, anouk):
    page = client.get("/auth/set-pin", headers=EN).get_data(as_text=True)
    assert "Open this page on your team's tablet" in page


def test_a_manager_cannot_issue_a_code_for_another_teams_person_or_another_manager(
        client, session, team, maria):
    stranger = make_staff(session, make_team(session, "Restaurant"), name="Stranger")
    colleague = make_manager(session, team, name="Mo")
    sign_in_with_password(client, maria)
    assert client.post(f"/auth/setup-codes/{stranger.id}").status_code == 404
    assert client.post(f"/auth/setup-codes/{colleague.id}").status_code == 404


@pytest.mark.parametrize("pin, problem", [
    ("2580", None), ("135790", None), ("1234", "too_simple"), ("987654", "too_simple"),
    ("0000", "too_simple"),
    ("123", "format"), ("1234567", "format"), ("١٢٣٤", "format"), ("12 4", "format"),
])
def test_which_new_pins_are_accepted(pin, problem):
    assert pin_problem(pin) == problem
