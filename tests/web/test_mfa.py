"""The second factor (issue 12, "MFA"): TOTP enrolment with a QR code drawn by the app, the code after
the password, single-use recovery codes and codes, and mandatory for admins when the installation says so."""

import re
import time

import pyotp
import pytest
from sqlmodel import select

from ledger.models import Person, RecoveryCode, Setting
from tests.factories import make_team
from tests.web.signin import make_manager, use_cheap_hashing

PASSWORD = "a long and honest password"
EN = {"Accept-Language": "en"}


@pytest.fixture(autouse=True)
def _cheap(monkeypatch):
    use_cheap_hashing(monkeypatch)


@pytest.fixture
def maria(session):
    return make_manager(session, make_team(session), email="maria@example.test", password=PASSWORD)


def sign_in(client, email="maria@example.test"):
    return client.post("/auth/login", data={"email": email, "password": PASSWORD}, headers=EN)


def enrol(client) -> tuple[str, list[str]]:
    page = client.get("/auth/mfa/setup", headers=EN).get_data(as_text=True)
    assert 'src="data:image/svg+xml' in page  # the QR code is drawn here, no outside service
    secret = re.search(r"<code>([A-Z2-7]{32})</code>", page)[1]
    done = client.post("/auth/mfa/setup", data={"code": pyotp.TOTP(secret).now()}, headers=EN)
    codes = re.findall(r"<code>([a-z2-9]{5}-[a-z2-9]{5})</code>", done.get_data(as_text=True))
    return secret, codes


def test_a_manager_enrols_and_then_signs_in_with_password_and_code(app, session, maria):
    client = app.test_client()
    sign_in(client)
    secret, codes = enrol(client)
    assert len(codes) == 10
    session.refresh(maria)
    assert maria.totp_secret == secret and maria.mfa_enabled_at is not None
    stored = session.exec(select(RecoveryCode).where(RecoveryCode.person_id == maria.id)).all()
    assert all(c.code_hash.startswith("$argon2") for c in stored)  # only hashes are kept
    fresh = app.test_client()
    step = sign_in(fresh)
    assert step.headers["Location"] == "/auth/mfa"
    assert fresh.get("/tablet/register").status_code == 302  # not signed in by the password alone
    assert fresh.post("/auth/mfa", data={"code": "000000"}).status_code == 422
    code = pyotp.TOTP(secret).at(time.time() + 30)  # the next code (the last one was used at enrolment)
    assert fresh.post("/auth/mfa", data={"code": code}).status_code == 302
    assert fresh.get("/tablet/register").status_code == 200
    again = app.test_client()
    sign_in(again)
    assert again.post("/auth/mfa", data={"code": code}).status_code == 422  # a code works once


def test_a_recovery_code_works_once(app, session, maria):
    client = app.test_client()
    sign_in(client)
    _secret, codes = enrol(client)
    first = app.test_client()
    sign_in(first)
    assert first.post("/auth/mfa", data={"code": codes[0].upper()}).status_code == 302
    second = app.test_client()
    sign_in(second)
    assert second.post("/auth/mfa", data={"code": codes[0]}).status_code == 422


def test_guessing_codes_is_stopped_after_five(app, session, maria):
    client = app.test_client()
    sign_in(client)
    enrol(client)
    guesser = app.test_client()
    sign_in(guesser)
    answers = [guesser.post("/auth/mfa", data={"code": f"{n:06d}"}).status_code for n in range(7)]
    assert answers[:5] == [422] * 5 and answers[5:] == [429, 429]


def test_an_admin_must_enrol_when_the_installation_requires_it(app, session):
    make_manager(session, None, name="Ada", role="admin", email="ada@example.test", password=PASSWORD)
    session.add(Setting(key="mfa_required_for_admins", value="1"))
    session.commit()
    client = app.test_client()
    assert sign_in(client, "ada@example.test").headers["Location"] == "/auth/mfa/setup"
    assert client.get("/admin/").headers["Location"] == "/auth/mfa/setup"  # nothing else until it is done
    secret, _codes = enrol(client)
    assert client.get("/admin/").status_code == 200
    client.post("/auth/mfa/off")
    ada = session.exec(select(Person).where(Person.email == "ada@example.test")).one()
    session.refresh(ada)
    assert ada.totp_secret == secret  # mandatory: it cannot be turned off


def test_changing_the_second_factor_needs_a_fresh_sign_in(app, session, maria):
    client = app.test_client()
    sign_in(client)
    enrol(client)
    with client.session_transaction() as sess:
        sess["auth_at"] = 0
    answer = client.post("/auth/mfa/off")
    assert answer.headers["Location"].startswith("/auth/confirm")
    session.refresh(maria)
    assert maria.totp_secret is not None
