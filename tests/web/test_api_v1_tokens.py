"""Creating and revoking API tokens: an admin in the app (after a fresh sign-in) and on the command line;
the secret is shown once and works; a revoked token stops at once."""

import re
import time

import pytest
from sqlmodel import select

from ledger.models import ApiToken, AuditEvent
from tests.web.api_v1 import auth, make_ledger, token_for
from tests.web.signin import make_manager, sign_in_with_password
from web.cli import main


@pytest.fixture
def ledger(session):
    return make_ledger(session)


def fresh_sign_in(client, person) -> None:
    """A password session that has just been confirmed (the admin typed their password again)."""
    sign_in_with_password(client, person)
    with client.session_transaction() as sess:
        now = int(time.time())
        sess.update(auth_at=now, seen_at=now, recent_auth_at=now)


def test_an_admin_creates_a_token_sees_its_secret_once_and_it_works(client, session, ledger):
    fresh_sign_in(client, ledger.admin)
    response = client.post("/admin/tokens", data={"name": "Till front desk", "teams": [ledger.desk.id],
                                                  "scope": "write", "rate": "60"})
    assert response.status_code == 201
    secret = re.search(r"(gl_[A-Za-z0-9_-]{40,})", response.get_data(as_text=True))[1]
    assert client.get("/api/v1/teams", headers=auth(secret)).status_code == 200
    assert secret not in client.get("/admin/tokens").get_data(as_text=True)  # shown once
    token = session.exec(select(ApiToken)).one()
    assert token.scope == "write" and token.created_by_id == ledger.admin.id and token.last_used_at
    assert session.exec(select(AuditEvent).where(AuditEvent.action == "api_token.create")).first()


def test_the_form_names_what_is_missing_and_creates_nothing(client, session, ledger):
    fresh_sign_in(client, ledger.admin)
    response = client.post("/admin/tokens", data={"name": "", "scope": "write", "rate": "0"})
    assert response.status_code == 422
    assert session.exec(select(ApiToken)).first() is None


def test_creating_a_token_needs_a_fresh_sign_in(client, session, ledger):
    sign_in_with_password(client, ledger.admin)
    with client.session_transaction() as sess:
        sess.update(auth_at=0, recent_auth_at=0, seen_at=int(time.time()))
    response = client.post("/admin/tokens", data={"name": "Till", "teams": [ledger.desk.id]})
    assert response.status_code == 302 and "confirm" in response.headers["Location"]
    assert session.exec(select(ApiToken)).first() is None


def test_a_manager_cannot_manage_tokens(client, session, ledger):
    maria = make_manager(session, ledger.desk)
    fresh_sign_in(client, maria)
    assert client.get("/admin/tokens").status_code == 403


def test_an_admin_revokes_a_token_in_the_app_and_it_stops_at_once(client, session, ledger):
    secret = token_for(session, ledger, ledger.desk)
    token = session.exec(select(ApiToken)).one()
    fresh_sign_in(client, ledger.admin)
    assert client.post(f"/admin/tokens/{token.id}/revoke").status_code == 302
    assert client.get("/api/v1/teams", headers=auth(secret)).status_code == 401


def test_the_cli_creates_lists_and_revokes_tokens(app, runner, session, ledger):
    created = runner.invoke(main, ["token", "create", "--name", "BI", "--team", "Front desk",
                                   "--team", "Bar"])
    assert created.exit_code == 0, created.output
    secret = re.search(r"(gl_\S+)", created.output)[1]
    client = app.test_client()
    names = [t["name"] for t in client.get("/api/v1/teams", headers=auth(secret)).get_json()["teams"]]
    assert names == ["Bar", "Front desk"]
    listed = runner.invoke(main, ["token", "list"])
    assert "BI" in listed.output and secret not in listed.output and "read" in listed.output
    token = session.exec(select(ApiToken)).one()
    revoked = runner.invoke(main, ["token", "revoke", str(token.id)])
    assert revoked.exit_code == 0 and "Revoked" in revoked.output
    assert client.get("/api/v1/teams", headers=auth(secret)).status_code == 401


def test_cli_mistakes_are_one_line(runner, session, ledger):
    unknown = runner.invoke(main, ["token", "create", "--name", "BI", "--team", "Nowhere"])
    assert unknown.exit_code == 1 and "no team called 'Nowhere'" in unknown.stderr
    missing = runner.invoke(main, ["token", "revoke", "999"])
    assert missing.exit_code == 1 and len(missing.stderr.strip().splitlines()) == 1
