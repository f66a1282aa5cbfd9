"""Logging a gesture on the tablet with the Flask test client: the form, errors, the frame, the thank-you."""

import re
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import select

from ledger.models import Gesture
from tests.factories import make_mandate, make_team
from tests.web.signin import enrol, make_staff, sign_in_with_pin

GOOD = {"kind": "treat", "trigger": "waiting", "reaction": "4", "cost_pick": "200"}


@pytest.fixture
def desk(session, client):
    """A team with a frame (€25 a gesture, €60 a week), its tablet, and Anouk signed in with her PIN."""
    team = make_team(session, "Front desk", why="Every guest leaves with a story worth telling.")
    make_mandate(session, team, cap=2500, allowance=6000, why="Make a guest's day when you see the chance.")
    anouk = make_staff(session, team, "Anouk")
    tablet = enrol(client, session, team)
    sign_in_with_pin(client, anouk, tablet)
    return team, anouk, tablet


def rows(session):
    session.expire_all()
    return list(session.exec(select(Gesture)))


def text(response) -> str:
    return response.get_data(as_text=True)


def test_the_log_screen_greets_the_person_and_states_the_frame_in_plain_words(client, desk):
    page = text(client.get("/log", headers={"Accept-Language": "en"}))
    assert "Hi Anouk — what did you do extra?" in page
    assert "You can spend up to €25.00 per gesture and €60.00 per week; used this week: €0.00." in page
    assert re.search(r'name="gesture_id" value="[0-9a-f-]{36}"', page)
    assert "plotly" not in page


def test_the_log_screen_speaks_dutch_to_a_dutch_browser(client, desk):
    page = text(client.get("/log", headers={"Accept-Language": "nl-NL,nl;q=0.9"}))
    assert "Hoi Anouk — wat deed je extra?" in page
    assert ("Je mag tot €\u00a025,00 per gebaar en €\u00a060,00 per week geven; "
            "deze week gebruikt: €\u00a00,00.") in page


def test_saving_with_quick_picks_stores_the_gesture_and_thanks_the_person(client, session, desk):
    team, anouk, _tablet = desk
    response = client.post("/log", data=GOOD, headers={"Accept-Language": "en"})
    assert response.status_code == 200
    assert "Thank you, Anouk. Saved." in text(response)
    [row] = rows(session)
    stored = (row.kind, row.trigger, row.reaction, row.cost_cents, row.effort_minutes)
    assert stored == ("treat", "waiting", 4, 200, None)  # minutes not given: unknown, not 0
    assert row.person_id == row.logged_by_id == anouk.id and row.team_id == team.id
    assert row.mandate_check == "within"


def test_after_saving_the_tablet_returns_to_the_name_tiles(client, desk):
    page = text(client.post("/log", data=GOOD))
    assert 'http-equiv="refresh"' in page and "/tablet" in page
    response = client.get("/log")
    assert response.status_code == 302 and response.headers["Location"].endswith("/tablet")


@pytest.mark.parametrize("typed", ["4,50", "4.50", "€ 4,50"])
def test_a_typed_amount_with_comma_or_dot_is_stored_as_cents(client, session, desk, typed):
    client.post("/log", data={**GOOD, "cost_pick": "", "cost": typed})
    assert rows(session)[0].cost_cents == 450


def test_a_typed_amount_wins_over_a_quick_pick(client, session, desk):
    client.post("/log", data={**GOOD, "cost_pick": "2000", "cost": "3"})
    assert rows(session)[0].cost_cents == 300


def test_effort_quick_pick_and_typed_minutes_are_stored(client, session, desk):
    client.post("/log", data={**GOOD, "effort_pick": "15"})
    assert rows(session)[0].effort_minutes == 15


@pytest.mark.parametrize(("given", "stored"), [({}, None), ({"effort_pick": "", "effort": " "}, None),
                                                ({"effort_pick": "0"}, 0), ({"effort": "0"}, 0)])
def test_minutes_left_empty_are_stored_as_unknown_and_zero_minutes_as_zero(
        client, session, desk, given, stored):
    client.post("/log", data={**GOOD, **given})
    assert rows(session)[0].effort_minutes == stored


@pytest.mark.parametrize(("lang", "field", "typed", "limit"), [
    ("en", "effort", "700", "at most 600 minutes"), ("nl", "effort", "700", "hoogstens 600 minuten"),
    ("en", "cost", "5000", "at most €1,000.00"), ("nl", "cost", "5000", "hoogstens €\u00a01.000,00"),
])
def test_every_limit_message_says_its_unit(client, session, desk, lang, field, typed, limit):
    data = {**GOOD, "cost_pick": "" if field == "cost" else "200", field: typed}
    response = client.post("/log", data=data, headers={"Accept-Language": lang})
    assert response.status_code == 422
    error = re.search(rf'id="{field}-error">.*?</p>', text(response), re.S)[0]
    assert limit in error
    assert rows(session) == []


@pytest.mark.parametrize("typed", ["abc", "snan", "٣", "1_000", "-4", "4,505"])
def test_a_bad_amount_is_explained_next_to_the_field_keeps_the_input_and_stores_nothing(
        client, session, desk, typed):
    data = {**GOOD, "cost_pick": "", "cost": typed, "description": "Brought an umbrella to the taxi"}
    response = client.post("/log", data=data, headers={"Accept-Language": "en"})
    page = text(response)
    assert response.status_code == 422
    assert 'id="cost-error"' in page and 'aria-describedby="cost-error"' in page
    assert "Brought an umbrella to the taxi" in page
    assert 'id="kind-treat" name="kind" value="treat" checked' in page
    assert 'id="reaction-4" name="reaction" value="4" checked' in page
    assert rows(session) == []


def test_missing_choices_are_named_in_the_users_language(client, session, desk):
    response = client.post("/log", data={"cost_pick": "0"}, headers={"Accept-Language": "nl"})
    page = text(response)
    assert response.status_code == 422
    for field in ("kind", "trigger", "reaction"):
        assert f'id="{field}-error"' in page
    assert "Kies of vul dit in." in page
    assert rows(session) == []


def test_an_amount_above_what_a_gesture_can_be_is_refused_with_the_limit(client, session, desk):
    response = client.post("/log", data={**GOOD, "cost_pick": "", "cost": "5000"},
                           headers={"Accept-Language": "en"})
    assert response.status_code == 422
    assert "€1,000.00" in text(response)
    assert rows(session) == []


def test_a_gesture_over_the_cap_is_saved_like_any_other_and_marked_for_the_conversation(
        client, session, desk):
    response = client.post("/log", data={**GOOD, "cost_pick": "", "cost": "30"},
                           headers={"Accept-Language": "en"})
    page = text(response)
    assert response.status_code == 200
    assert "Thank you, Anouk. Saved." in page
    assert 'id="over-frame"' in page and "part of the team's next conversation" in page
    assert "violation" not in page.lower()
    assert rows(session)[0].mandate_check == "over_cap"


def test_personal_data_is_removed_before_storing_and_the_thank_you_says_what(client, session, desk):
    data = {**GOOD, "description": "Called her back on 06-12345678 about the scarf",
            "reaction_note": "Mailed anouk.guest@example.com a thank-you"}
    page = text(client.post("/log", data=data, headers={"Accept-Language": "en"}))
    row = rows(session)[0]
    assert "12345678" not in row.description and "example.com" not in row.reaction_note
    assert 'id="redacted"' in page and "a phone number" in page and "an e-mail address" in page


def test_posting_the_same_form_twice_stores_one_gesture(client, session, desk):
    team, anouk, tablet = desk
    data = {**GOOD, "gesture_id": "7b0f1c5e-2b1a-4c55-9a53-0d3f3f1b2a10"}
    client.post("/log", data=data)
    session.refresh(anouk)  # saving ended her PIN session: sign in again, as she would
    sign_in_with_pin(client, anouk, tablet)
    page = text(client.post("/log", data=data, headers={"Accept-Language": "en"}))
    assert "already been saved" in page
    assert len(rows(session)) == 1


def test_a_form_posted_without_an_id_gets_one_from_the_server(client, session, desk):
    client.post("/log", data={**GOOD, "gesture_id": ""})
    assert rows(session)[0].id is not None


def test_an_earlier_moment_is_read_on_the_teams_clock(client, session, desk):
    local = datetime.now(ZoneInfo("Europe/Amsterdam")) - timedelta(days=1)
    client.post("/log", data={**GOOD, "when": "earlier", "day": local.date().isoformat(), "time": "14:30"})
    stored = rows(session)[0].occurred_at
    expected = datetime.combine(local.date(), datetime.strptime("14:30", "%H:%M").time(),
                                tzinfo=ZoneInfo("Europe/Amsterdam")).astimezone(UTC)
    assert stored == expected


def test_a_moment_in_the_future_is_refused_next_to_when(client, session, desk):
    tomorrow = (datetime.now(ZoneInfo("Europe/Amsterdam")) + timedelta(days=2)).date().isoformat()
    response = client.post("/log", data={**GOOD, "when": "earlier", "day": tomorrow, "time": "10:00"},
                           headers={"Accept-Language": "en"})
    assert response.status_code == 422 and 'id="when-error"' in text(response)
    assert rows(session) == []


def test_a_malformed_day_is_explained(client, session, desk):
    response = client.post("/log", data={**GOOD, "when": "earlier", "day": "yesterday", "time": "25:00"})
    page = text(response)
    assert response.status_code == 422 and 'id="day-error"' in page and 'id="time-error"' in page


def test_overlong_text_is_refused_and_kept(client, session, desk):
    long = "x" * 501
    response = client.post("/log", data={**GOOD, "description": long}, headers={"Accept-Language": "en"})
    assert response.status_code == 422
    assert "at most 500 characters" in text(response) and long in text(response)
    assert rows(session) == []


def test_script_tags_are_stored_as_text_and_shown_escaped(client, session, desk):
    page = text(client.post("/log", data={**GOOD, "description": "<script>alert(1)</script>"}))
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page


def test_nobody_signed_in_is_sent_to_the_name_tiles(client, session):
    team = make_team(session)
    enrol(client, session, team)
    response = client.get("/log")
    assert response.status_code == 302 and response.headers["Location"].endswith("/tablet")


def test_without_a_tablet_or_sign_in_the_log_screen_asks_to_sign_in(client, session):
    response = client.get("/log")
    assert response.status_code == 302 and "login" in response.headers["Location"]
