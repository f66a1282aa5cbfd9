"""Exports, erasure and second-factor changes need a fresh sign-in (issue 12): a sign-in older than
web.recent_auth.RECENT_AUTH is sent to /auth/confirm and nothing leaves or changes; after confirming, the
person lands back where they were going (the same download, or the erase page to submit again)."""

import time
from datetime import date
from urllib.parse import parse_qs, urlsplit

import pytest
from sqlmodel import select

from ledger.models import AuditEvent, Person
from tests.factories import make_gesture, make_mandate, make_person, make_team
from tests.web.signin import sign_in_with_password, use_cheap_hashing
from web.recent_auth import RECENT_AUTH

PASSWORD = "a long and honest password"


@pytest.fixture
def world(session):
    team = make_team(session, "Front desk")
    make_mandate(session, team, valid_from=date(2020, 1, 1))
    admin = make_person(session, None, name="Ada", role="admin", email="ada@example.test")
    maria = make_person(session, team, name="Maria", role="manager", email="maria@example.test")
    anouk = make_person(session, team, name="Anouk")
    make_gesture(session, team, anouk, description="Walked the guest to the taxi with an umbrella")
    return {"team": team, "admin": admin, "maria": maria, "anouk": anouk}


def sign_in(client, person: Person, *, minutes_ago: float) -> None:
    """A password session whose owner last proved it was them `minutes_ago` minutes ago."""
    sign_in_with_password(client, person)
    with client.session_transaction() as sess:
        sess["auth_at"] = int(time.time() - minutes_ago * 60)


STALE = RECENT_AUTH.total_seconds() / 60 + 1  # a minute past the limit
FRESH = 0


def sent_to_confirm(response) -> str | None:
    """The `next` of a redirect to /auth/confirm, else None."""
    where = urlsplit(response.headers.get("Location", ""))
    if response.status_code != 302 or where.path != "/auth/confirm":
        return None
    return parse_qs(where.query).get("next", [""])[0]


def audited(session, action: str) -> int:
    return len(session.exec(select(AuditEvent).where(AuditEvent.action == action)).all())


DOWNLOADS = [  # (who, path, the audit action a download writes, or None)
    ("maria", "/reports/{team}/export.csv?week=2026-W45", "report_export"),
    ("maria", "/reports/{team}/export.json?week=2026-W45", "report_export"),
    ("admin", "/admin/audit.csv?what=person.", None),
    ("admin", "/admin/people/{anouk}/export.json", "person.export"),
]


@pytest.mark.parametrize(("who", "path", "action"), DOWNLOADS, ids=[d[1] for d in DOWNLOADS])
def test_a_stale_sign_in_downloads_nothing_and_is_asked_to_confirm_first(client, session, world, who,
                                                                         path, action):
    path = path.format(team=world["team"].id, anouk=world["anouk"].id)
    sign_in(client, world[who], minutes_ago=STALE)
    response = client.get(path)
    assert sent_to_confirm(response) == path  # back to this same download afterwards
    assert "attachment" not in response.headers.get("Content-Disposition", "")
    assert "Anouk" not in response.get_data(as_text=True)
    if action:
        assert audited(session, action) == 0


@pytest.mark.parametrize(("who", "path", "action"), DOWNLOADS, ids=[d[1] for d in DOWNLOADS])
def test_a_fresh_sign_in_downloads(client, session, world, who, path, action):
    path = path.format(team=world["team"].id, anouk=world["anouk"].id)
    sign_in(client, world[who], minutes_ago=FRESH)
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["Content-Disposition"].startswith("attachment")
    if action:
        assert audited(session, action) == 1


def test_after_confirming_the_download_with_its_filters_goes_on(client, session, world, monkeypatch):
    use_cheap_hashing(monkeypatch)
    from ledger.credentials import hash_secret

    world["admin"].password_hash = hash_secret(PASSWORD)
    session.add(world["admin"])
    session.commit()
    sign_in(client, world["admin"], minutes_ago=STALE)
    path = "/admin/audit.csv?what=person.&team=" + str(world["team"].id)
    back = sent_to_confirm(client.get(path))
    assert back == path
    landed = client.post("/auth/confirm", data={"password": PASSWORD, "next": back})
    assert landed.headers["Location"] == path
    assert client.get(path).headers["Content-Disposition"].startswith("attachment")


def test_a_stale_erasure_erases_nothing_and_comes_back_to_the_erase_page(client, session, world):
    anouk = world["anouk"]
    sign_in(client, world["admin"], minutes_ago=STALE)
    response = client.post(f"/admin/people/{anouk.id}/erase", data={"confirm_name": "Anouk"})
    assert sent_to_confirm(response) == f"/admin/people/{anouk.id}/erase"  # to submit it again
    session.refresh(anouk)
    assert anouk.display_name == "Anouk" and audited(session, "person.erase") == 0


def test_a_fresh_erasure_erases(client, session, world):
    anouk = world["anouk"]
    sign_in(client, world["admin"], minutes_ago=FRESH)
    response = client.post(f"/admin/people/{anouk.id}/erase", data={"confirm_name": "Anouk"})
    assert response.headers["Location"] == "/admin/privacy"
    session.refresh(anouk)
    assert anouk.display_name != "Anouk" and audited(session, "person.erase") == 1


def test_a_manager_learns_only_403_for_an_admins_export_not_that_a_password_would_help(client, world):
    sign_in(client, world["maria"], minutes_ago=STALE)
    assert client.get(f"/admin/people/{world['anouk'].id}/export.json").status_code == 403
    assert client.post(f"/admin/people/{world['anouk'].id}/erase").status_code == 403


def test_another_teams_report_download_is_404_before_any_confirmation(client, session, world):
    other = make_team(session, "Restaurant")
    sign_in(client, world["maria"], minutes_ago=STALE)
    assert client.get(f"/reports/{other.id}/export.csv").status_code == 404


MFA_CHANGES = [("GET", "/auth/mfa/setup"), ("POST", "/auth/mfa/recovery-codes"), ("POST", "/auth/mfa/off")]


@pytest.mark.parametrize(("method", "path"), MFA_CHANGES)
def test_second_factor_changes_need_a_fresh_sign_in(client, world, method, path):
    sign_in(client, world["maria"], minutes_ago=STALE)
    assert sent_to_confirm(client.open(path, method=method)) is not None
    sign_in(client, world["maria"], minutes_ago=FRESH)
    assert sent_to_confirm(client.open(path, method=method)) is None
