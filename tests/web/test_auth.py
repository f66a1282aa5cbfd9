"""Managers and admins sign in with email + password; wrong passwords lock the account for a while."""

import re
from datetime import timedelta

import pytest
from sqlmodel import select

from ledger.models import AuditEvent, Person, SigninThrottle
from ledger.services.auth import MAX_FAILED_ATTEMPTS
from ledger.services.throttle import EMAIL_LIMIT, blocked_until, email_key
from ledger.types import utcnow
from tests.factories import make_team
from tests.web.signin import make_manager, use_cheap_hashing

PASSWORD = "a long and honest password"


@pytest.fixture(autouse=True)
def _cheap_hashes(monkeypatch):
    use_cheap_hashing(monkeypatch)


@pytest.fixture
def maria(session):
    return make_manager(session, make_team(session), name="Maria", email="maria@example.test",
                        password=PASSWORD)


def sign_in(client, email="maria@example.test", password=PASSWORD, **extra):
    return client.post("/auth/login", data={"email": email, "password": password, **extra},
                       headers={"Accept-Language": "en"})


def failures(session, **where):
    query = select(AuditEvent).where(AuditEvent.action == "signin_failed")
    for key, value in where.items():
        query = query.where(getattr(AuditEvent, key) == value)
    return session.exec(query).all()


def email_failures(session, email="maria@example.test") -> int:
    row = session.get(SigninThrottle, email_key(email))
    session.refresh(row)
    return row.failures


def test_a_manager_signs_in_with_email_and_password_and_sees_their_start_page(client, maria):
    answer = sign_in(client, email="  Maria@Example.test ")
    assert answer.status_code == 302 and answer.headers["Location"] == "/"
    page = client.get("/", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "Hello Maria" in page and "Sign out" in page


def test_a_wrong_password_is_refused_counted_and_audited(client, session, maria):
    answer = sign_in(client, password="not it")
    assert answer.status_code == 401
    assert "That email address and password do not match." in answer.get_data(as_text=True)
    assert email_failures(session) == 1  # counted per address, as for an unknown one
    assert len(failures(session, actor_id=maria.id)) == 1
    assert client.get("/tablet/register").status_code == 302  # still not signed in


def test_an_unknown_email_gets_the_same_answer_and_is_audited_too(client, session, maria):
    unknown = sign_in(client, email="nobody@example.test", password="whatever")
    known = sign_in(client, password="wrong")
    assert unknown.status_code == known.status_code == 401
    assert "do not match" in unknown.get_data(as_text=True)
    assert any("unknown_account" in event.detail for event in failures(session, actor_id=None))


def test_the_form_keeps_the_email_but_never_echoes_the_password(client, maria):
    page = sign_in(client, password="secret-typo").get_data(as_text=True)
    assert 'value="maria@example.test"' in page
    assert "secret-typo" not in page


def test_an_empty_form_asks_for_both_fields_next_to_them(client, maria):
    answer = client.post("/auth/login", data={"email": "", "password": ""}, headers={"Accept-Language": "en"})
    page = answer.get_data(as_text=True)
    assert answer.status_code == 422
    assert 'id="email-error"' in page and 'aria-describedby="email-error"' in page
    assert "Fill in your password." in page


def test_after_five_wrong_passwords_even_the_right_one_waits(client, session, maria):
    for _ in range(MAX_FAILED_ATTEMPTS - 1):
        assert sign_in(client, password="nope").status_code == 401
    locked = sign_in(client, password="nope")
    assert locked.status_code == 429
    assert "Too many tries. Wait 5 minutes" in locked.get_data(as_text=True)
    assert sign_in(client).status_code == 429
    until = blocked_until(session=session, key=email_key("maria@example.test"), limit=EMAIL_LIMIT)
    assert until > utcnow() + EMAIL_LIMIT.window - timedelta(minutes=1)
    actions = [e.action for e in session.exec(select(AuditEvent).where(AuditEvent.actor_id == maria.id))]
    assert actions.count("signin_failed") == MAX_FAILED_ATTEMPTS
    assert "locked_out" in actions and "signin_locked" in actions


def test_the_lockout_counter_is_shared_by_every_server_process(app, session, maria, db_url):
    from web import create_app

    other_server = create_app({**app.config, "DATABASE_URL": db_url})
    clients = [app.test_client(), other_server.test_client()]
    try:
        for attempt in range(MAX_FAILED_ATTEMPTS):
            answer = sign_in(clients[attempt % 2], password="nope")
        assert answer.status_code == 429
        assert sign_in(clients[0]).status_code == 429
    finally:
        other_server.extensions["engine"].dispose()


def test_when_the_lock_has_passed_the_right_password_works_and_the_count_starts_again(client, session, maria):
    session.add(SigninThrottle(key=email_key("maria@example.test"), failures=MAX_FAILED_ATTEMPTS,
                               window_started_at=utcnow() - EMAIL_LIMIT.window - timedelta(seconds=1)))
    session.commit()
    assert sign_in(client).status_code == 302
    assert email_failures(session) == 0


def test_an_inactive_manager_cannot_sign_in(client, session, maria):
    maria.active = False
    session.add(maria)
    session.commit()
    assert sign_in(client).status_code == 401


@pytest.mark.parametrize("target", ["/tablet/register", "/auth/setup-codes?x=1"])
def test_signing_in_returns_to_the_page_that_asked_for_it(client, maria, target):
    assert sign_in(client, next=target).headers["Location"] == target


@pytest.mark.parametrize("target", [
    "https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)",
    "http:/evil.example", "tablet/register", "/\tevil", "/\r\nSet-Cookie: x=1",
])
def test_signing_in_never_sends_you_to_another_site(client, maria, target):
    assert sign_in(client, next=target).headers["Location"] == "/"


def test_the_sign_in_page_puts_a_safe_next_into_its_form_and_drops_an_unsafe_one(client):
    def next_field(query):
        page = client.get("/auth/login?next=" + query).get_data(as_text=True)
        return re.search(r'<input id="next" name="next" type="hidden" value="([^"]*)"', page).group(1)

    assert next_field("/tablet/register") == "/tablet/register"
    assert next_field("//evil.example/") == ""


def test_signing_in_starts_a_fresh_session_but_keeps_the_language(client, maria):
    with client.session_transaction() as sess:
        sess["planted"] = "by an attacker"
        sess["lang"] = "en"
    sign_in(client)
    with client.session_transaction() as sess:
        assert "planted" not in sess
        assert sess["lang"] == "en" and sess["auth"] == "password"


def test_signing_in_never_sets_a_remember_me_cookie(client, maria):
    answer = sign_in(client)
    assert not [c for c in answer.headers.getlist("Set-Cookie") if c.startswith("remember_token")]


def test_a_cookie_captured_before_sign_out_no_longer_works_after_it(app, client, session, maria):
    sign_in(client)
    captured = client.get_cookie("session").value
    assert client.get("/tablet/register").status_code == 200
    answer = client.post("/auth/logout")
    assert answer.status_code == 302 and answer.headers["Location"] == "/auth/login"
    thief = app.test_client()
    thief.set_cookie("session", captured)
    assert thief.get("/tablet/register").headers["Location"].startswith("/auth/login")
    session.refresh(maria)
    assert maria.session_version == 2
    assert session.exec(select(AuditEvent).where(AuditEvent.action == "signout")).first() is not None


def test_signing_out_needs_a_post(client, maria):
    sign_in(client)
    assert client.get("/auth/logout").status_code == 405
    assert client.get("/tablet/register").status_code == 200


def test_an_admin_without_a_team_can_sign_in_and_sees_every_team(client, session):
    make_team(session, "Front desk")
    make_team(session, "Restaurant")
    make_manager(session, None, name="Ada", role="admin", email="ada@example.test", password=PASSWORD)
    assert sign_in(client, email="ada@example.test").status_code == 302
    page = client.get("/", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "Front desk" in page and "Restaurant" in page


def test_a_manager_sees_only_their_own_teams_on_the_start_page(client, session, maria):
    make_team(session, "Restaurant")
    sign_in(client)
    page = client.get("/", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "Front desk" in page and "Restaurant" not in page


def test_the_person_row_is_untouched_by_a_failed_sign_in_of_someone_else(client, session, maria):
    sign_in(client, email="other@example.test", password="x")
    fresh = session.exec(select(Person).where(Person.id == maria.id)).one()
    assert fresh.failed_attempts == 0
