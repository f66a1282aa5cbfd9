"""API v1 reads: the token's teams, a team's people, the frame in force, and a weekly report that is the
same JSON as `gesture-ledger report --format json`."""

import json
from datetime import UTC, datetime, timedelta

import pytest

from ledger.weeks import week_of
from tests.factories import make_gesture
from tests.web.api_v1 import auth, make_ledger, token_for
from web.cli import main


@pytest.fixture
def ledger(session):
    return make_ledger(session)


@pytest.fixture
def headers(session, ledger):
    return auth(token_for(session, ledger, ledger.desk, scope="read"))


def test_a_team_its_people_and_its_frame_in_force(client, session, ledger, headers):
    team = client.get(f"/api/v1/teams/{ledger.desk.id}", headers=headers).get_json()
    assert team["name"] == "Front desk" and team["archived"] is False
    people = client.get(f"/api/v1/teams/{ledger.desk.id}/people", headers=headers).get_json()["people"]
    assert [p["display_name"] for p in people] == ["Anouk", "Bram"]
    frame = client.get(f"/api/v1/teams/{ledger.desk.id}/mandate", headers=headers).get_json()
    assert frame["mandate"]["per_gesture_cap_cents"] == 2500 and frame["mandate"]["kinds"] == []
    before = client.get(f"/api/v1/teams/{ledger.desk.id}/mandate?on=2019-12-31", headers=headers).get_json()
    assert before["mandate"] is None


def test_the_weekly_report_is_the_same_json_as_the_command_line_gives(client, runner, session, ledger,
                                                                      headers):
    now = datetime.now(UTC)
    for hours in (2, 30, 50):
        make_gesture(session, ledger.desk, ledger.anouk, occurred_at=now - timedelta(hours=hours))
    week = str(week_of(now - timedelta(days=7), ledger.desk.timezone))
    api = client.get(f"/api/v1/teams/{ledger.desk.id}/reports/{week}", headers=headers)
    assert api.status_code == 200
    cli = runner.invoke(main, ["report", "--team", "Front desk", "--week", week, "--format", "json"])
    assert api.get_json() == json.loads(cli.output)


def test_weeks_out_of_the_calendar_or_in_other_digits_are_refused_by_name(client, session, ledger, headers):
    for week in ("9999-W52", "0001-W01", "2026-W00", "2026-W54", "٢٠٢٦-W07", "soon"):
        response = client.get(f"/api/v1/teams/{ledger.desk.id}/reports/{week}", headers=headers)
        assert response.status_code == 422, week
        assert response.get_json()["codes"] == {"week": "format"}


def test_odd_query_strings_are_refused_by_name(client, session, ledger, headers):
    url = f"/api/v1/teams/{ledger.desk.id}"
    far = client.get(f"{url}/mandate?on=9999-12-31", headers=headers)
    assert far.get_json()["codes"] == {"on": "out_of_range"}
    assert client.get(f"{url}/mandate?on=tomorrow", headers=headers).get_json()["codes"] == {"on": "format"}
    listing = client.get(f"{url}/gestures?from=2026-01-01&to=2025-01-01&limit=0&x=1", headers=headers)
    assert listing.status_code == 422
    assert listing.get_json()["codes"] == {"limit": "out_of_range", "x": "unknown_field"}
    backwards = client.get(f"{url}/gestures?from=2026-01-01&to=2025-01-01", headers=headers)
    assert backwards.get_json()["codes"] == {"to": "out_of_range"}
