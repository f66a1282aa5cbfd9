"""Own history, corrections and voids, appreciation, the team feed and the frame page (Flask test client)."""

import html
from datetime import timedelta

import pytest
from sqlmodel import select

from ledger.models import Appreciation, Gesture
from ledger.services.gestures import GestureInput, log_gesture
from ledger.types import utcnow
from tests.factories import make_mandate, make_team
from tests.web.signin import enrol, make_manager, make_staff, sign_in_with_password, sign_in_with_pin

EN = {"Accept-Language": "en"}


def logged(session, team, person, *, cost=200, description="Walked her to the taxi with an umbrella",
           at=None, logged_at=None):
    """A gesture stored through the ledger service, as the log screen would."""
    now = logged_at or utcnow()
    data = GestureInput(occurred_at=at or now - timedelta(minutes=5), kind="time", trigger="waiting",
                        reaction=5, cost_cents=cost, description=description)
    return log_gesture(session=session, team_id=team.id, person_id=person.id, logged_by_id=person.id,
                       data=data, now=now).gesture


@pytest.fixture
def desk(session, client):
    team = make_team(session, "Front desk", why="Every guest leaves with a story worth telling.")
    make_mandate(session, team, why="Make a guest's day when you see the chance.")
    anouk, bram = make_staff(session, team, "Anouk"), make_staff(session, team, "Bram")
    tablet = enrol(client, session, team)
    sign_in_with_pin(client, anouk, tablet)
    return team, anouk, bram, tablet


@pytest.fixture
def other_team_gesture(session):
    team = make_team(session, "Supermarket floor")
    return logged(session, team, make_staff(session, team, "Chen"))


def page(response) -> str:
    return html.unescape(response.get_data(as_text=True))


def test_my_gestures_lists_my_own_entries_and_not_my_colleagues(client, session, desk):
    team, anouk, bram, _ = desk
    logged(session, team, anouk, description="Umbrella to the taxi")
    logged(session, team, bram, description="Coffee for the waiting family")
    text = page(client.get("/me", headers=EN))
    assert "Umbrella to the taxi" in text and "Coffee for the waiting family" not in text


def test_a_correction_supersedes_the_entry_and_both_stay_visible_in_the_history(client, session, desk):
    team, anouk, *_ = desk
    row = logged(session, team, anouk, cost=200)
    form = page(client.get(f"/gestures/{row.id}/correct", headers=EN))
    assert 'id="cost_pick-200" name="cost_pick" value="200" checked' in form
    response = client.post(f"/gestures/{row.id}/correct", data={
        "kind": "time", "trigger": "waiting", "reaction": "5", "cost": "3,50", "when": "earlier",
        "day": row.occurred_at.astimezone(team_zone(team)).date().isoformat(),
        "time": row.occurred_at.astimezone(team_zone(team)).strftime("%H:%M"),
        "description": "Umbrella, and a taxi voucher", "reason": "I forgot the voucher"})
    assert response.status_code == 302
    chain = session.exec(select(Gesture).where(Gesture.origin_id == row.id)).all()
    assert sorted(r.entry_type for r in chain) == ["correction", "original"]
    text = page(client.get("/me", headers=EN))
    assert "Corrected" in text and "I forgot the voucher" in text and "€3.50" in text


def team_zone(team):
    from zoneinfo import ZoneInfo

    return ZoneInfo(team.timezone)


def test_a_correction_without_a_reason_asks_for_one_and_keeps_the_input(client, session, desk):
    team, anouk, *_ = desk
    row = logged(session, team, anouk)
    response = client.post(f"/gestures/{row.id}/correct", headers=EN, data={
        "kind": "gift", "trigger": "waiting", "reaction": "5", "cost_pick": "500", "reason": " "})
    assert response.status_code == 422
    text = page(response)
    assert 'id="reason-error"' in text and 'id="kind-gift" name="kind" value="gift" checked' in text
    assert len(session.exec(select(Gesture)).all()) == 1


def test_withdrawing_keeps_the_entry_in_the_history_marked_as_withdrawn(client, session, desk):
    team, anouk, *_ = desk
    row = logged(session, team, anouk, description="Umbrella to the taxi")
    assert client.post(f"/gestures/{row.id}/void", data={"reason": "Logged twice"}).status_code == 302
    text = page(client.get("/me", headers=EN))
    assert "Withdrawn" in text and "Logged twice" in text and "Umbrella to the taxi" in text
    assert f'href="/gestures/{row.id}/correct"' not in text


def test_withdrawing_without_a_reason_stores_nothing(client, session, desk):
    team, anouk, *_ = desk
    row = logged(session, team, anouk)
    response = client.post(f"/gestures/{row.id}/void", data={"reason": ""}, headers={"Accept-Language": "nl"})
    assert response.status_code == 422 and "Zeg kort waarom." in page(response)
    assert len(session.exec(select(Gesture)).all()) == 1


def test_after_the_correction_window_my_entry_can_no_longer_be_changed(client, session, desk):
    team, anouk, *_ = desk
    row = logged(session, team, anouk, logged_at=utcnow() - timedelta(days=2))
    assert f'href="/gestures/{row.id}/correct"' not in page(client.get("/me"))
    response = client.post(f"/gestures/{row.id}/void", data={"reason": "too late"})
    assert response.status_code == 403
    assert len(session.exec(select(Gesture)).all()) == 1


def test_within_the_window_my_entry_offers_correct_and_withdraw(client, session, desk):
    team, anouk, *_ = desk
    row = logged(session, team, anouk)
    text = page(client.get("/me"))
    assert f'href="/gestures/{row.id}/correct"' in text and f'href="/gestures/{row.id}/void"' in text


def test_a_colleagues_entry_cannot_be_corrected_or_withdrawn_by_staff(client, session, desk):
    team, _anouk, bram, _ = desk
    row = logged(session, team, bram)
    assert client.post(f"/gestures/{row.id}/void", data={"reason": "not mine"}).status_code == 403
    correction = {"kind": "gift", "trigger": "waiting", "reaction": "5", "cost_pick": "0", "reason": "x"}
    assert client.post(f"/gestures/{row.id}/correct", data=correction).status_code == 403
    assert len(session.exec(select(Gesture)).all()) == 1


@pytest.mark.parametrize("path", ["/gestures/{id}/correct", "/gestures/{id}/void"])
def test_another_teams_gesture_is_not_found(client, desk, other_team_gesture, path):
    url = path.format(id=other_team_gesture.id)
    assert client.get(url).status_code == 404
    assert client.post(url, data={"reason": "x"}).status_code == 404


def test_appreciating_another_teams_gesture_is_not_found(client, session, desk, other_team_gesture):
    assert client.post(f"/gestures/{other_team_gesture.id}/appreciate").status_code == 404
    assert session.exec(select(Appreciation)).all() == []


def test_an_unknown_gesture_id_is_not_found(client, desk):
    assert client.get("/gestures/00000000-0000-4000-8000-000000000000/correct").status_code == 404
    assert client.get("/gestures/not-a-uuid/correct").status_code == 404


def test_one_tap_appreciates_a_colleagues_gesture_and_they_see_it(client, session, desk):
    team, anouk, bram, tablet = desk
    row = logged(session, team, bram, description="Coffee for the waiting family")
    response = client.post(f"/gestures/{row.id}/appreciate", data={"note": "Lovely idea"})
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/team/feed#g-{row.id}")
    feed = page(client.get("/team/feed", headers=EN))
    assert "Lovely idea" in feed
    sign_in_with_pin(client, bram, tablet)
    mine = page(client.get("/me", headers=EN))
    assert "Anouk" in mine and "Lovely idea" in mine
    assert "appreciated your gestures once" in mine


def test_appreciating_twice_counts_once(client, session, desk):
    team, _anouk, bram, _ = desk
    row = logged(session, team, bram)
    client.post(f"/gestures/{row.id}/appreciate")
    client.post(f"/gestures/{row.id}/appreciate")
    assert len(session.exec(select(Appreciation)).all()) == 1


def test_my_own_gesture_has_no_appreciate_button_and_cannot_be_appreciated(client, session, desk):
    team, anouk, *_ = desk
    row = logged(session, team, anouk)
    assert f"/gestures/{row.origin_id}/appreciate" not in page(client.get("/team/feed"))
    assert client.post(f"/gestures/{row.id}/appreciate").status_code == 403


def test_an_overlong_appreciation_note_is_refused_kindly(client, session, desk):
    team, _anouk, bram, _ = desk
    row = logged(session, team, bram)
    response = client.post(f"/gestures/{row.id}/appreciate", data={"note": "x" * 201}, follow_redirects=True,
                           headers=EN)
    assert "at most 200 characters" in page(response)
    assert session.exec(select(Appreciation)).all() == []


def test_the_team_feed_shows_stories_without_amounts_or_rankings(client, session, desk):
    team, anouk, bram, _ = desk
    logged(session, team, bram, cost=1234, description="Coffee for the waiting family")
    text = page(client.get("/team/feed", headers=EN))
    assert "Coffee for the waiting family" in text and "Bram" in text
    assert "€12.34" not in text and "12.34" not in text
    for word in ("rank", "leaderboard", "top "):
        assert word not in text.lower()


def test_the_team_feed_leaves_out_withdrawn_gestures(client, session, desk):
    team, anouk, *_ = desk
    row = logged(session, team, anouk, description="A mistake")
    client.post(f"/gestures/{row.id}/void", data={"reason": "Wrong person"})
    assert "A mistake" not in page(client.get("/team/feed"))


def test_the_tablet_shows_the_team_feed_without_a_sign_in_but_offers_no_appreciation(client, session):
    team = make_team(session)
    bram = make_staff(session, team, "Bram")
    row = logged(session, team, bram, description="Coffee for the waiting family")
    enrol(client, session, team)
    text = page(client.get("/team/feed"))
    assert "Coffee for the waiting family" in text and "/appreciate" not in text
    response = client.post(f"/gestures/{row.id}/appreciate")
    assert response.status_code == 302 and response.headers["Location"].endswith("/tablet")


def test_without_tablet_or_sign_in_the_feed_and_frame_are_not_shown(client, session):
    make_team(session)
    assert client.get("/team/feed").status_code == 404
    assert client.get("/team/mandate").status_code == 404


def test_the_frame_page_shows_the_mandate_and_its_why(client, session, desk):
    text = page(client.get("/team/mandate", headers=EN))
    assert "Make a guest's day when you see the chance." in text
    assert "Up to €25.00 per gesture" in text and "€60.00 per person per week" in text
    assert "used this week: €0.00" in text


def test_a_manager_can_see_the_feed_and_correct_in_their_team(client, session, desk):
    team, anouk, *_ = desk
    row = logged(session, team, anouk)
    maria = make_manager(session, team)
    sign_in_with_password(client, maria, team)
    assert client.get("/team/feed").status_code == 200
    response = client.post(f"/gestures/{row.id}/void", data={"reason": "Anouk asked me to"})
    assert response.status_code == 302


def test_a_manager_of_another_team_gets_not_found(client, session, desk, other_team_gesture):
    team, *_ = desk
    maria = make_manager(session, team)
    sign_in_with_password(client, maria, team)
    assert client.get(f"/gestures/{other_team_gesture.id}/void").status_code == 404


def test_anonymous_visitors_are_asked_to_sign_in_for_personal_pages(client, session):
    for path in ("/me", "/log"):
        response = client.get(path)
        assert response.status_code == 302 and "login" in response.headers["Location"]
