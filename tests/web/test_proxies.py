"""Behind a reverse proxy (PROXY_HOPS): lockouts count the client's address, not the proxy's."""

import pytest

from ledger.services.throttle import IP_LIMIT, Limit
from tests.factories import make_team
from tests.web.signin import make_manager, use_cheap_hashing
from web import create_app
from web.config import ConfigError, from_env

PASSWORD = "correct horse battery"  # noqa: S105 - a test account's


@pytest.fixture
def behind_proxy(db_url, monkeypatch):
    """The app as deployed behind one proxy (nginx) that sets X-Forwarded-For and -Proto."""
    apps = []

    def make(hops: int):
        apps.append(create_app({"TESTING": True, "SECRET_KEY": "test-secret", "DATABASE_URL": db_url,
                                "WTF_CSRF_ENABLED": False, "SESSION_COOKIE_SECURE": False,
                                "PROXY_HOPS": hops}))
        return apps[-1].test_client()
    use_cheap_hashing(monkeypatch)
    monkeypatch.setattr("ledger.services.throttle.IP_LIMIT", Limit(3, IP_LIMIT.window))
    yield make
    for app in apps:  # close their pooled connections (PostgreSQL warns about one left open)
        app.extensions["engine"].dispose()


def _sign_in(client, email: str, password: str, client_address: str):
    # What the proxy sends on: the connection comes from the proxy, the header names the client.
    return client.post("/auth/login", data={"email": email, "password": password},
                       headers={"X-Forwarded-For": client_address, "X-Forwarded-Proto": "https"},
                       environ_base={"REMOTE_ADDR": "127.0.0.1"})


@pytest.mark.parametrize("hops", [1, 0])
def test_one_guesser_behind_the_proxy_does_not_lock_everybody_out(session, behind_proxy, hops):
    maria = make_manager(session, make_team(session), "Maria", password=PASSWORD)
    client = behind_proxy(hops)
    for n in range(3):  # a guesser tries addresses from one client
        _sign_in(client, f"guess{n}@example.test", "wrong", "203.0.113.66")
    answer = _sign_in(client, maria.email, PASSWORD, "198.51.100.1")  # Maria, from her own address
    if hops:
        assert answer.status_code == 302  # signed in: the guesser's lock is the guesser's
    else:
        # Without PROXY_HOPS every client looks like the proxy (that is why the setting exists).
        assert answer.status_code != 302


def test_with_a_proxy_the_answer_knows_it_was_https(behind_proxy):
    answer = _sign_in(behind_proxy(1), "nobody@example.test", "x", "198.51.100.1")
    assert answer.headers["Strict-Transport-Security"].startswith("max-age=")


@pytest.mark.parametrize("value", ["-1", "one", "9", "١"])
def test_a_proxy_count_that_is_no_small_whole_number_stops_the_start(value):
    with pytest.raises(ConfigError, match="PROXY_HOPS must be a whole number from 0 to 5"):
        from_env({"FLASK_DEBUG": "1", "PROXY_HOPS": value})
