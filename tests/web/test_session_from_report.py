"""A report prompt marked "discussed" goes into the next learning session's suggestions in one tap."""

from ledger.services import prompt_stories
from ledger.services import sessions as svc
from tests.factories import make_gesture
from tests.web.signin import enrol, sign_in_with_password, sign_in_with_pin
from tests.web.test_sessions import world  # noqa: F401  (the fixture)

EN = {"Accept-Language": "en"}
KEY = "falls_flat:2026-W07:team"


def test_a_manager_takes_a_prompts_stories_into_the_next_session(client, session, world):  # noqa: F811
    sign_in_with_password(client, world.people["manager"])
    stranger = make_gesture(session, world.other, world.people["other_manager"], description="Not ours")
    gestures = [str(world.spare.id), str(stranger.id), "junk"]
    response = client.post(f"/sessions/team/{world.team.id}/from-prompt",
                           data={"prompt_key": KEY, "gesture": gestures})
    assert response.headers["Location"] == f"/sessions/{world.row.id}#suggestions"
    assert prompt_stories.prompt_evidence(session=session, session_id=world.row.id) == {KEY: [world.spare.id]}
    page = client.get(f"/sessions/{world.row.id}", headers=EN).get_data(as_text=True)
    suggestions = page[page.index('id="suggestions"'):]
    assert "Behind a conversation prompt · What falls flat" in suggestions
    assert "Walked them to the car" in suggestions and "Not ours" not in page


def test_without_a_next_session_the_manager_is_asked_to_plan_one(client, session, world):  # noqa: F811
    svc.close_session(session=session, actor=world.people["manager"], session_id=world.row.id)
    sign_in_with_password(client, world.people["manager"])
    response = client.post(f"/sessions/team/{world.team.id}/from-prompt",
                           data={"prompt_key": KEY, "gesture": [str(world.spare.id)]})
    assert response.headers["Location"] == f"/sessions/team/{world.team.id}/new"


def test_only_those_who_run_the_session_may_take_a_prompt_into_it(client, session, world):  # noqa: F811
    data = {"prompt_key": KEY, "gesture": [str(world.spare.id)]}
    sign_in_with_password(client, world.people["other_manager"])
    assert client.post(f"/sessions/team/{world.team.id}/from-prompt", data=data).status_code == 404
    sign_in_with_pin(client, world.people["staff"], enrol(client, session, world.team))
    assert client.post(f"/sessions/team/{world.team.id}/from-prompt", data=data).status_code == 403
    assert prompt_stories.prompt_evidence(session=session, session_id=world.row.id) == {}
