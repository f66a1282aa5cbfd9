"""Credentials (issue 12, findings 4-5 and "Credentials"): lockouts per person and per tablet/IP that
hold under concurrency, the same answer for known and unknown e-mail addresses, argon2id re-hashed when
its parameters change, and no start outside debug with a weak SECRET_KEY."""

import contextlib
import threading

import pytest
from argon2 import PasswordHasher
from sqlmodel import Session, func, select

from ledger import credentials
from ledger.credentials import hash_secret
from ledger.errors import LockedOut
from ledger.models import AuditEvent, Person
from ledger.services import auth as auth_service
from ledger.services.auth import MAX_FAILED_ATTEMPTS, BadCredentials
from ledger.services.throttle import IP_LIMIT, TABLET_LIMIT, Limit
from tests.factories import make_team
from tests.web.signin import enrol, make_manager, make_staff, use_cheap_hashing
from web.config import ConfigError, from_env

PASSWORD = "a long and honest password"


@pytest.fixture(autouse=True)
def _cheap(monkeypatch):
    use_cheap_hashing(monkeypatch)


def failures(session, **where) -> int:
    query = select(func.count()).select_from(AuditEvent).where(AuditEvent.action == "signin_failed")
    for key, value in where.items():
        query = query.where(getattr(AuditEvent, key) == value)
    session.expire_all()
    return session.exec(query).one()


def _guess_concurrently(engine, attempt, n: int = 12) -> None:
    barrier = threading.Barrier(n)

    def one():
        with Session(engine) as own, contextlib.suppress(BadCredentials, LockedOut):
            barrier.wait()
            attempt(own)  # refusals are what we expect; the count is checked after
    threads = [threading.Thread(target=one) for _ in range(n)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()


def test_concurrent_wrong_pins_record_at_most_the_limit(engine, session):
    team = make_team(session)
    anouk = make_staff(session, team, pin="2580")
    _guess_concurrently(engine, lambda own: auth_service.check_pin(
        session=own, person_id=anouk.id, team_id=team.id, pin="9999"))
    assert failures(session, actor_id=anouk.id) == MAX_FAILED_ATTEMPTS
    session.refresh(anouk)
    assert anouk.locked_until is not None


def test_concurrent_wrong_passwords_record_at_most_the_limit(engine, session):
    maria = make_manager(session, make_team(session), password=PASSWORD)
    _guess_concurrently(engine, lambda own: auth_service.check_password(
        session=own, email=maria.email, password="nope"))
    assert failures(session, actor_id=maria.id) == MAX_FAILED_ATTEMPTS


def test_one_tablet_cannot_try_five_pins_for_every_colleague(session):
    team = make_team(session)
    tablet, _token = __import__("ledger.services.tablets", fromlist=["x"]).register_tablet(
        session=session, team_id=team.id)
    people = [make_staff(session, team, name=f"P{i}", pin="2580") for i in range(4)]
    refused = 0
    for attempt in range(TABLET_LIMIT.failures + 3):
        person = people[attempt % len(people)]
        try:
            auth_service.check_pin(session=session, person_id=person.id, team_id=team.id, pin="9999",
                                   tablet_id=tablet.id)
        except LockedOut:
            refused += 1
        except auth_service.BadCredentials:
            pass
    assert failures(session) == TABLET_LIMIT.failures and refused == 3
    with pytest.raises(LockedOut):  # even the right PIN waits on this tablet
        auth_service.check_pin(session=session, person_id=people[0].id, team_id=team.id, pin="2580",
                               tablet_id=tablet.id)
    other, _ = __import__("ledger.services.tablets", fromlist=["x"]).register_tablet(
        session=session, team_id=team.id)
    assert auth_service.check_pin(session=session, person_id=people[0].id, team_id=team.id, pin="2580",
                                  tablet_id=other.id).id == people[0].id


def test_known_and_unknown_addresses_get_the_same_answers_to_the_letter(app, session):
    make_manager(session, make_team(session), email="maria@example.test", password=PASSWORD)

    def answers(email):
        client = app.test_client()
        out = []
        for _ in range(MAX_FAILED_ATTEMPTS + 1):
            r = client.post("/auth/login", data={"email": email, "password": "wrong"},
                            headers={"Accept-Language": "en"})
            page = r.get_data(as_text=True).replace(email, "EMAIL")
            out.append((r.status_code, page[page.index("<main"):page.index("</main>")]))
        return out

    known, unknown = answers("maria@example.test"), answers("nobody@example.test")
    assert known == unknown
    assert [status for status, _ in known] == [401] * (MAX_FAILED_ATTEMPTS - 1) + [429, 429]
    assert "left" not in known[-3][1]  # no "2 tries left" for anyone


def test_a_hash_made_with_old_parameters_is_renewed_at_sign_in(session, monkeypatch):
    team = make_team(session)
    old = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    anouk = make_staff(session, team)
    anouk.pin_hash = old.hash("2580")
    session.add(anouk)
    session.commit()
    assert credentials.needs_rehash(anouk.pin_hash)
    auth_service.check_pin(session=session, person_id=anouk.id, team_id=team.id, pin="2580")
    session.refresh(anouk)
    assert not credentials.needs_rehash(anouk.pin_hash) and credentials.verify_secret(anouk.pin_hash, "2580")


def test_passwords_use_argon2id_with_explicit_owasp_level_parameters(monkeypatch):
    monkeypatch.undo()  # the real hasher, not the tests' cheap one
    stored = hash_secret("x")
    assert stored.startswith("$argon2id$")
    assert credentials.ARGON2["memory_cost"] >= 19 * 1024 and credentials.ARGON2["time_cost"] >= 2
    assert f"m={credentials.ARGON2['memory_cost']},t={credentials.ARGON2['time_cost']}" in stored


@pytest.mark.parametrize("secret", [None, "", "short-but-random-Xq9", "dev-only-not-secret", "changeme",
                                    "a" * 40])
def test_the_app_refuses_to_start_outside_debug_with_a_weak_secret_key(secret):
    env = {} if secret is None else {"SECRET_KEY": secret}
    with pytest.raises(ConfigError):
        from_env(env)
    assert from_env({**env, "FLASK_DEBUG": "1"})["DEBUG"] is True


def test_a_long_random_secret_key_is_accepted():
    assert from_env({"SECRET_KEY": "q8Zr-3vKp_Lm2Wx9Tb7Yc4Nd6Hf1Gj0Sa5Ue"})["SECRET_KEY"]


def test_a_tablet_pin_page_counts_the_tablet(client, session):
    team = make_team(session)
    tablet = enrol(client, session, team)
    anouk = make_staff(session, team, pin="2580")
    client.post(f"/tablet/pin/{anouk.id}", data={"pin": "9999"})
    from ledger.models import SigninThrottle

    session.expire_all()
    row = session.get(SigninThrottle, f"tablet:{tablet.id}")
    assert row is not None and row.failures == 1
    assert session.get(Person, anouk.id).failed_attempts == 1


def test_one_address_cannot_try_passwords_for_everybody(session, monkeypatch):
    monkeypatch.setattr("ledger.services.throttle.IP_LIMIT", Limit(3, IP_LIMIT.window))
    maria = make_manager(session, make_team(session), password=PASSWORD)
    for n in range(3):
        with pytest.raises(BadCredentials):
            auth_service.check_password(session=session, email=f"guess{n}@example.test", password="x",
                                        ip="192.0.2.7")
    with pytest.raises(LockedOut):  # the right password too, from that address
        auth_service.check_password(session=session, email=maria.email, password=PASSWORD, ip="192.0.2.7")
    assert auth_service.check_password(session=session, email=maria.email, password=PASSWORD,
                                       ip="198.51.100.1").id == maria.id
