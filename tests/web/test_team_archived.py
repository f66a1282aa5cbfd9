"""An archived team: its tablet says so, and a gesture sent there gets a clear answer (nothing stored)."""

import pytest
from sqlmodel import select

from ledger.models import Gesture
from ledger.types import utcnow
from tests.factories import make_mandate, make_team
from tests.web.signin import enrol, make_staff, sign_in_with_pin

GOOD = {"kind": "treat", "trigger": "waiting", "reaction": "4", "cost_pick": "200"}
EN = {"Accept-Language": "en"}


@pytest.fixture
def archived_desk(session, client):
    """An archived team whose tablet still carries Anouk's PIN session (archived after she signed in)."""
    team = make_team(session, "Front desk")
    make_mandate(session, team)
    anouk = make_staff(session, team, "Anouk")
    tablet = enrol(client, session, team)
    sign_in_with_pin(client, anouk, tablet)
    team.archived_at = utcnow()
    session.add(team)
    session.commit()
    return team


def test_the_archived_teams_tablet_says_it_is_archived(client, archived_desk):
    client.post("/tablet/leave")

    page = client.get("/tablet", headers=EN).get_data(as_text=True)

    assert "This team is archived" in page and "no new gestures can be logged on this tablet" in page


def test_a_gesture_for_an_archived_team_gets_a_clear_page_and_is_not_stored(client, session, archived_desk):
    answer = client.post("/log", data=GOOD, headers=EN)

    assert answer.status_code == 403
    page = answer.get_data(as_text=True)
    assert "This team is archived" in page and "takes no new gestures" in page
    assert "Not for this account" not in page
    assert session.exec(select(Gesture)).first() is None


def test_a_script_gets_problem_json_naming_the_archive(client, archived_desk):
    answer = client.post("/log", data=GOOD, headers={**EN, "Accept": "application/json"})

    assert answer.status_code == 403 and answer.mimetype == "application/problem+json"
    body = answer.get_json()
    assert body["error"] == "team_archived" and body["title"] == "This team is archived"
