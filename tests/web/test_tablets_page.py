"""The tablets page: team, name, registered by, last seen; rename (audited, PII scan), sign off."""

from datetime import timedelta

import pytest
from sqlmodel import select

from ledger.models import AuditEvent
from ledger.services.tablets import register_tablet
from tests.factories import make_team
from tests.web.signin import enrol, make_manager, sign_in_with_password, use_cheap_hashing

EN = {"Accept-Language": "en"}


@pytest.fixture(autouse=True)
def _cheap_hashes(monkeypatch):
    use_cheap_hashing(monkeypatch)


@pytest.fixture
def world(session):
    desk, bar = make_team(session, "Front desk"), make_team(session, "Bar")
    maria = make_manager(session, desk, name="Maria Manager")
    admin = make_manager(session, None, name="Ada Admin", role="admin")
    desk_tablet, _ = register_tablet(session=session, team_id=desk.id, name="Reception left",
                                     created_by_id=maria.id)
    bar_tablet, _ = register_tablet(session=session, team_id=bar.id, name="Bar counter")
    return {"desk": desk, "maria": maria, "admin": admin, "desk_tablet": desk_tablet,
            "bar_tablet": bar_tablet}


def page_of(client) -> str:
    return client.get("/tablets", headers=EN).get_data(as_text=True)


def test_a_manager_lists_their_teams_tablets_with_who_registered_them_and_when_seen(client, session, world):
    sign_in_with_password(client, world["maria"])

    page = page_of(client)

    assert "Reception left" in page and "Maria Manager" in page and "Front desk" in page
    assert "Bar counter" not in page  # another team's tablet
    assert "not yet" in page


def test_using_the_tablet_updates_last_seen_but_not_on_every_request(client, session, world):
    token_client = client
    tablet = enrol(token_client, session, world["desk"], name="Kitchen")
    token_client.get("/tablet")
    session.refresh(tablet)
    first = tablet.last_seen_at
    assert first is not None
    token_client.get("/tablet")
    session.refresh(tablet)
    assert tablet.last_seen_at == first  # within five minutes: no write
    tablet.last_seen_at = first - timedelta(minutes=6)
    session.add(tablet)
    session.commit()
    token_client.get("/tablet")
    session.refresh(tablet)
    assert tablet.last_seen_at > first - timedelta(minutes=6)


def test_an_admin_sees_every_tablet_and_reaches_the_page_from_the_admin_home(client, world):
    sign_in_with_password(client, world["admin"])

    home = client.get("/admin/", headers=EN).get_data(as_text=True)

    assert 'href="/tablets"' in home
    assert "Bar counter" in page_of(client) and "Reception left" in page_of(client)


def test_renaming_is_audited_and_goes_through_the_personal_data_scan(client, session, world):
    sign_in_with_password(client, world["maria"])
    tablet = world["desk_tablet"]

    answer = client.post(f"/tablets/{tablet.id}/rename", data={"name": "Desk of jan@example.org"},
                         headers=EN, follow_redirects=True)

    session.refresh(tablet)
    assert tablet.name == "Desk of […]"
    page = answer.get_data(as_text=True)
    assert "Personal data was taken out of the name" in page and "jan@example.org" not in page
    event = session.exec(select(AuditEvent).where(AuditEvent.action == "tablet_renamed")).one()
    assert event.actor_id == world["maria"].id and "Reception left" in event.detail


def test_a_bad_name_is_explained_beside_its_field_and_nothing_changes(client, session, world):
    sign_in_with_password(client, world["maria"])
    tablet = world["desk_tablet"]

    empty = client.post(f"/tablets/{tablet.id}/rename", data={"name": "  "}, headers=EN)
    long = client.post(f"/tablets/{tablet.id}/rename", data={"name": "x" * 81}, headers=EN)

    assert empty.status_code == long.status_code == 422
    assert "Give the tablet a name" in empty.get_data(as_text=True)
    assert "at most 80 characters" in long.get_data(as_text=True) and "x" * 81 in long.get_data(as_text=True)
    session.refresh(tablet)
    assert tablet.name == "Reception left"


def test_signing_off_from_the_list_removes_it_there(client, session, world):
    sign_in_with_password(client, world["maria"])
    tablet = world["desk_tablet"]

    answer = client.post(f"/tablet/{tablet.id}/revoke", headers=EN)

    assert answer.headers["Location"].endswith("/tablets")
    session.refresh(tablet)
    assert tablet.revoked_at is not None
    assert "Reception left" not in page_of(client)
