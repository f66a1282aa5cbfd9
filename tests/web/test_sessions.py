"""Learning-session screens: who may reach each route, the presentation's respect for consent, escaping,
CSRF, the whole flow through the pages, and the summary e-mail (issue 8)."""

import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import select

from ledger.models import LearningSession, Mandate, SessionAction, SessionStory, Takeaway
from ledger.services import session_actions, session_stories
from ledger.services import sessions as svc
from ledger.services.appreciations import appreciate
from tests.factories import make_gesture, make_mandate, make_team
from tests.reports.test_digest import smtp_server  # noqa: F401  (the local SMTP server fixture)
from tests.web.signin import enrol, make_manager, make_staff, sign_in_with_password, sign_in_with_pin

TZ = ZoneInfo("Europe/Amsterdam")


def today():
    return datetime.now(TZ).date()


@dataclass
class World:
    team: object
    other: object
    people: dict
    tablet: object
    row: LearningSession
    closed: LearningSession
    story: SessionStory
    action: SessionAction
    takeaway: Takeaway
    gesture: object
    spare: object
    second: SessionStory


@pytest.fixture
def world(session, app):
    app.config.update(SMTP_HOST="127.0.0.1", SMTP_PORT=1)  # refused at once: sending fails politely
    team, other = make_team(session), make_team(session, "Restaurant")
    p = {
        "facilitator": make_staff(session, team, "Anouk"),
        "staff": make_staff(session, team, "Bram"),
        "manager": make_manager(session, team, "Maria"),
        "other_manager": make_manager(session, other, "Olaf"),
        "admin": make_manager(session, None, "Ilse", role="admin"),
    }
    make_mandate(session, team)
    gesture = make_gesture(session, team, p["facilitator"], description="Umbrella in the rain", reaction=5)
    extra = make_gesture(session, team, p["staff"], description="Coffee after the queue")
    closed = svc.open_session(session=session, actor=p["manager"], team_id=team.id,
                              held_on=today() - timedelta(days=14), title="Earlier")
    lesson = session_stories.playbook.add_takeaway(session=session, actor=p["manager"], session_id=closed.id,
                                                   text="Name the wait").row
    svc.close_session(session=session, actor=p["manager"], session_id=closed.id)
    row = svc.open_session(session=session, actor=p["manager"], team_id=team.id, held_on=today(),
                           title="Monday line-up", facilitator_id=p["facilitator"].id)
    story = session_stories.add_story(session=session, actor=p["manager"], session_id=row.id,
                                      gesture_id=gesture.id)
    second = session_stories.add_story(session=session, actor=p["manager"], session_id=row.id,
                                       gesture_id=extra.id)
    spare = make_gesture(session, team, p["staff"], description="Walked them to the car")
    proposal = session_actions.Proposal(cap_cents=1000, allowance_cents=3000, why="Smaller, more often")
    action = session_actions.add_action(session=session, actor=p["manager"], session_id=row.id,
                                        text="Try a smaller frame", proposal=proposal).row
    return World(team, other, p, None, row, closed, story, action, lesson, gesture, spare, second)


def act_as(client, session, w: World, who: str) -> None:
    """Sign the client in as one of the world's actors (staff with a PIN on the team's tablet)."""
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"  # tests that read Dutch switch the language
    if who == "anonymous":
        return
    person = w.people[who]
    if who in ("facilitator", "staff"):
        sign_in_with_pin(client, person, enrol(client, session, w.team))
    else:
        sign_in_with_password(client, person)


OK, LOGIN, FORBIDDEN, NOT_FOUND = "ok", "login", "403", "404"
ACTORS = ("anonymous", "staff", "facilitator", "manager", "other_manager", "admin")
SEE = {"anonymous": LOGIN, "other_manager": NOT_FOUND}
RUN = {"anonymous": LOGIN, "staff": FORBIDDEN, "other_manager": NOT_FOUND}
MANAGE = {"anonymous": LOGIN, "staff": FORBIDDEN, "facilitator": FORBIDDEN, "other_manager": NOT_FOUND}

# (method, path with {placeholders}, form data, expectations by actor; actors left out: OK)
ROUTES = [
    ("GET", "/sessions/", {}, {"anonymous": LOGIN}),
    ("GET", "/sessions/team/{team}", {}, SEE),
    ("GET", "/sessions/team/{team}/playbook", {}, SEE),
    ("GET", "/sessions/team/{team}/new", {}, MANAGE),
    ("POST", "/sessions/team/{team}/new", {"held_on": "{today}", "title": "Next"}, MANAGE),
    ("GET", "/sessions/{row}", {}, SEE),
    ("GET", "/sessions/{row}/present", {}, SEE),
    ("GET", "/sessions/{row}/present?slide=1", {}, SEE),
    ("GET", "/sessions/{closed}/summary", {}, SEE),
    ("POST", "/sessions/{row}/stories", {"gesture_id": "{spare}"}, RUN),
    ("POST", "/sessions/{row}/stories/{story}/remove", {}, RUN),
    ("POST", "/sessions/{row}/stories/{story}/move", {"direction": "down"}, RUN),
    ("POST", "/sessions/{row}/stories/order", {"order": "{second},{story}"}, RUN),
    ("POST", "/sessions/{row}/stories/{story}/takeaway", {"text": "Lend umbrellas"}, RUN),
    ("POST", "/sessions/{row}/takeaways", {"text": "Say it out loud"}, RUN),
    ("POST", "/sessions/{row}/takeaways/{takeaway}/retire", {}, RUN),
    ("POST", "/sessions/{row}/capture", {"notes": "Good talk", "participant_count": "5"}, RUN),
    ("POST", "/sessions/{row}/actions", {"text": "Ask the kitchen"}, RUN),
    ("POST", "/sessions/{row}/actions/{action}/status", {"status": "done"}, RUN),
    ("POST", "/sessions/{row}/start", {}, RUN),
    ("POST", "/sessions/{row}/close", {}, RUN),
    ("GET", "/sessions/{row}/actions/{action}/apply", {}, MANAGE),
    ("POST", "/sessions/{row}/actions/{action}/apply", {"valid_from": "{today}"}, MANAGE),
    ("POST", "/sessions/{closed}/send", {}, MANAGE),
    ("POST", "/sessions/offer/{gesture}", {},
     {"anonymous": LOGIN, "staff": FORBIDDEN, "manager": FORBIDDEN, "admin": FORBIDDEN,
      "other_manager": NOT_FOUND}),
    ("POST", "/sessions/my-name", {"show": "0"}, {"anonymous": LOGIN}),
    ("POST", "/sessions/team/{team}/from-prompt", {"prompt_key": "trend:2026-W07:team", "gesture": "{spare}"},
     RUN),
]


def _fill(text: str, w: World) -> str:
    values = {"team": w.team.id, "row": w.row.id, "closed": w.closed.id, "story": w.story.id,
              "action": w.action.id, "takeaway": w.takeaway.id, "gesture": w.gesture.id,
              "spare": w.spare.id, "second": w.second.id,
              "today": today().isoformat()}
    return text.format(**values)


def _outcome(response) -> str:
    if response.status_code in (302, 303) and urlsplit(response.headers["Location"]).path == "/auth/login":
        return LOGIN
    if response.status_code in (403, 404):
        return str(response.status_code)
    assert response.status_code < 400, response.status_code
    return OK


@pytest.mark.parametrize("actor", ACTORS)
@pytest.mark.parametrize("route", ROUTES, ids=lambda r: f"{r[0]} {r[1]}")
def test_every_session_route_answers_each_actor_as_the_permissions_say(client, session, world, route, actor):
    method, path, data, expect = route
    act_as(client, session, world, actor)
    form = {k: _fill(v, world) for k, v in data.items()}
    response = client.open(_fill(path, world), method=method, data=form)
    assert _outcome(response) == expect.get(actor, OK)


def test_a_huge_session_id_is_a_404_not_a_server_error(client, session, world):
    act_as(client, session, world, "manager")
    assert client.get("/sessions/99999999999999999999").status_code == 404


def test_the_presentation_shows_the_story_and_the_givers_name_only_with_consent(client, session, world):
    appreciate(session=session, gesture_id=world.gesture.id, by_id=world.people["staff"].id,
               note="Well done, Anouk")
    act_as(client, session, world, "manager")
    page = client.get(f"/sessions/{world.row.id}/present?slide=1")
    text = page.get_data(as_text=True)
    assert "Umbrella in the rain" in text and "Anouk" in text and "Story 1 of 2" in text
    assert "Well done, Anouk" in text and "1 appreciation" in text
    svc.set_name_consent(session=session, actor=world.people["facilitator"],
                         person_id=world.people["facilitator"].id, show=False)
    text = client.get(f"/sessions/{world.row.id}/present?slide=1").get_data(as_text=True)
    assert "Anouk" not in text and "a colleague" in text
    assert "Well done, Anouk" not in text  # an appreciation's note may name the giver
    client.post("/language", data={"lang": "nl", "next": "/"})
    text = client.get(f"/sessions/{world.row.id}/present?slide=1").get_data(as_text=True)
    assert "Anouk" not in text and "een collega" in text


def test_the_presentation_has_no_amounts_per_person_and_links_onwards(client, session, world):
    act_as(client, session, world, "facilitator")
    text = client.get(f"/sessions/{world.row.id}/present?slide=1").get_data(as_text=True)
    assert "per person" not in text and "allowance" not in text.lower()
    assert f'data-next="/sessions/{world.row.id}/present?slide=2"' in text
    assert f'data-exit="/sessions/{world.row.id}"' in text
    assert "<script>" not in text and 'src="/static/present.js' in text


def test_stored_text_is_escaped_on_every_session_screen(client, session, world):
    evil = '<script>alert("x")</script>'
    gesture = make_gesture(session, world.team, world.people["staff"], description=evil)
    session_stories.add_story(session=session, actor=world.people["manager"], session_id=world.row.id,
                              gesture_id=gesture.id)
    act_as(client, session, world, "manager")
    client.post(f"/sessions/{world.row.id}/capture", data={"notes": evil})
    for path in (f"/sessions/{world.row.id}", f"/sessions/{world.row.id}/present?slide=3"):
        text = client.get(path).get_data(as_text=True)
        assert evil not in text and "&lt;script&gt;" in text


def test_a_form_without_its_csrf_token_changes_nothing(app, client, session, world):
    app.config["WTF_CSRF_ENABLED"] = True
    act_as(client, session, world, "manager")
    response = client.post(f"/sessions/{world.row.id}/capture", data={"notes": "forged"})
    assert response.status_code == 400
    session.expire_all()
    assert session.get(LearningSession, world.row.id).notes == ""


def test_a_manager_builds_presents_captures_applies_and_closes_a_session(client, session, world):
    act_as(client, session, world, "manager")
    base = f"/sessions/{world.row.id}"
    page = client.get(base).get_data(as_text=True)
    assert "Suggestions" in page and "Last time we agreed" not in page
    assert client.post(f"{base}/start").headers["Location"].endswith(f"{base}/present")
    client.post(f"{base}/stories/{world.story.id}/takeaway", data={"text": "Lend umbrellas first"})
    response = client.post(f"{base}/actions", data={"text": "Bigger frame", "propose": "y", "cap": "abc",
                                                    "allowance": "40"})
    assert response.status_code == 422 and "Please type an amount" in response.get_data(as_text=True)
    client.post(f"{base}/actions", data={"text": "Bigger frame", "propose": "y", "cap": "30",
                                         "allowance": "80", "period": "week", "kinds": ["gift", "treat"]})
    action = session.exec(select(SessionAction).where(SessionAction.text == "Bigger frame")).one()
    assert (action.proposed_cap_cents, action.proposed_kinds) == (3000, "gift;treat")
    response = client.post(f"{base}/actions/{action.id}/apply", data={"valid_from": today().isoformat()})
    assert response.status_code == 302
    mandate = session.exec(select(Mandate).where(Mandate.learning_session_id == world.row.id)).one()
    assert mandate.per_gesture_cap_cents == 3000 and mandate.valid_from == today()
    assert client.post(f"{base}/close").headers["Location"].endswith(f"{base}/summary")
    summary = client.get(f"{base}/summary").get_data(as_text=True)
    assert "Lend umbrellas first" in summary and "Bigger frame" in summary and "The frame change" in summary


def test_the_up_and_down_buttons_order_the_stories_without_javascript(client, session, world):
    act_as(client, session, world, "facilitator")
    base = f"/sessions/{world.row.id}"
    client.post(f"{base}/stories/{world.story.id}/move", data={"direction": "down"})
    text = client.get(base).get_data(as_text=True)
    assert text.index("Coffee after the queue") < text.index("Umbrella in the rain")


def test_the_summary_is_mailed_to_the_teams_managers_in_their_language(app, client, session, world,
                                                                       smtp_server):  # noqa: F811
    app.config.update(SMTP_PORT=smtp_server.server_address[1], MAIL_FROM="ledger@example.org")
    world.people["manager"].lang = "en"
    session.add(world.people["manager"])
    session.commit()
    act_as(client, session, world, "manager")
    response = client.post(f"/sessions/{world.closed.id}/send", follow_redirects=True)
    assert "sent to 1 manager" in response.get_data(as_text=True)
    [(to, message)] = smtp_server.received
    assert to == ["maria@example.test"] and "Earlier" in message["Subject"]
    body = message.get_body(("plain",)).get_content()
    assert "Name the wait" in body and re.search(r"/sessions/\d+/summary", body)


ODD_POSTS = [
    ("/sessions/team/{team}/new", {"held_on": "0001-01-01"}),
    ("/sessions/team/{team}/new", {"held_on": "9999-12-31", "period_start": "2026-02-30"}),
    ("/sessions/team/{team}/new", {"held_on": "{today}", "facilitator": "99999999999999999999999"}),
    ("/sessions/team/{team}/new", {"held_on": "{today}", "title": "x" * 5000}),
    ("/sessions/{row}/actions", {"text": "x", "propose": "y", "cap": "1e9", "allowance": "snan"}),
    ("/sessions/{row}/actions", {"text": "x", "propose": "y", "cap": "5", "allowance": "5", "kinds": "bogus",
                                 "period": "year", "due_on": "9999-12-31"}),
    ("/sessions/{row}/actions", {"text": "\x00", "owner": "-3"}),
    ("/sessions/{row}/capture", {"participant_count": "99999999999999999999"}),
    ("/sessions/{row}/capture", {"notes": "n" * 9000}),
    ("/sessions/{row}/stories", {"gesture_id": "not-a-uuid"}),
    ("/sessions/{row}/stories/order", {"order": "1,2,99999999999999999999999"}),
    ("/sessions/{row}/stories/{story}/move", {"direction": "sideways"}),
    ("/sessions/{row}/stories/{story}/takeaway", {"text": ""}),
    ("/sessions/{row}/takeaways", {"text": "ok", "kind": "bogus"}),
    ("/sessions/{row}/actions/{action}/status", {"status": "maybe"}),
    ("/sessions/{row}/actions/{action}/apply", {"valid_from": "0001-01-01"}),
    ("/sessions/{row}/actions/{action}/apply", {"valid_from": "2000-01-01"}),
]


@pytest.mark.parametrize("path,data", ODD_POSTS)
def test_odd_input_is_answered_with_a_clear_4xx_or_a_kind_page_never_a_server_error(client, session, world,
                                                                                    path, data):
    act_as(client, session, world, "manager")
    response = client.post(_fill(path, world), data={k: _fill(v, world) if isinstance(v, str) else v
                                                     for k, v in data.items()})
    assert response.status_code < 500
    assert "Traceback" not in response.get_data(as_text=True)


def test_a_problem_in_the_action_form_is_shown_next_to_its_field_and_keeps_what_was_typed(client, session,
                                                                                        world):
    act_as(client, session, world, "manager")
    response = client.post(f"/sessions/{world.row.id}/actions",
                           data={"text": "Rain days", "propose": "y", "cap": "", "allowance": "50"})
    text = response.get_data(as_text=True)
    assert response.status_code == 422
    assert 'id="action-cap-error"' in text
    assert 'aria-invalid="true" aria-describedby="action-cap-error"' in text
    assert 'value="Rain days"' in text and 'value="50"' in text
