"""A learning session end to end in a real browser, at 1024x768 (a tablet) and 1920x1080 (a big screen):
a manager builds a session from the suggestions, presents three stories by keyboard and by tapping,
records a takeaway and an action with a frame change, applies it; the team tablet then shows the new
frame (agreed in that session) and the playbook. Every screen is checked by axe and photographed to
/tmp/shots-s8b/ (look at them).
"""

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from ledger.credentials import hash_secret
from ledger.services.tablets import register_tablet
from tests.browser.axe import assert_accessible
from tests.factories import make_gesture, make_mandate, make_team
from tests.web.signin import make_manager, make_staff, use_cheap_hashing
from web.cookies import TABLET_COOKIE

PASSWORD = "a long and careful passphrase"
SHOTS = Path("/tmp/shots-s8b")
SCREENS = {"small": {"width": 1024, "height": 768}, "big": {"width": 1920, "height": 1080}}
STORIES = (
    ("Walked a lost guest to the station in the rain and lent our umbrella", "time", "in_need", 5, 0),
    ("Coffee and cake for a family waiting for their room after a long flight", "treat", "waiting", 5, 400),
    ("Card and chocolates for a couple celebrating their first anniversary", "gift", "celebration", 4, 700),
    ("Bar voucher for a guest who waited twenty minutes at check-in", "treat", "waiting", 2, 500),
    ("Moved a guest to a quiet room after a noisy night and apologised in person", "recovery", "complaint",
     4, 1500),
)


@pytest.fixture(params=list(SCREENS), ids=list(SCREENS))
def viewport(request) -> str:
    return request.param


@pytest.fixture
def browser_context_args(viewport):
    # Not built on conftest's (its viewports are the two tablet orientations): a tablet and a big screen.
    return {"viewport": SCREENS[viewport], "has_touch": True, "locale": "en-GB",
            "device_scale_factor": 1, "service_workers": "block"}


@pytest.fixture
def scene(session, monkeypatch):
    use_cheap_hashing(monkeypatch)
    team = make_team(session, "Harbour Hotel", timezone="Europe/Amsterdam")
    manager = make_manager(session, team, "Marieke van Dijk", password=PASSWORD)
    anouk = make_staff(session, team, "Anouk Jansen", pin="2468")
    bram = make_staff(session, team, "Bram Peters")
    make_mandate(session, team, cap=1000, allowance=4000)
    now = datetime.now(UTC)
    for i, (text, kind, trigger, reaction, cost) in enumerate(STORIES):
        make_gesture(session, team, anouk if i % 2 == 0 else bram, description=text, kind=kind,
                     trigger=trigger, reaction=reaction, cost_cents=cost,
                     occurred_at=now - timedelta(days=2 + i))
    bram.show_name_in_sessions = False
    session.add(bram)
    session.commit()
    _tablet, token = register_tablet(session=session, team_id=team.id, name="Front desk")
    return {"team": team, "manager": manager, "token": token, "hash": hash_secret}


def _shot(page, viewport: str, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}-{viewport}.png"), full_page=True)


def _check(page, viewport: str, name: str) -> None:
    assert_accessible(page, name)
    _shot(page, viewport, name)


def _sign_in(page, live_server, email: str) -> None:
    page.goto(live_server("/auth/login"))
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_load_state()


def test_a_session_is_built_presented_captured_and_changes_the_frame(page, browser, live_server, scene,
                                                                    viewport):
    problems: list[str] = []
    page.on("pageerror", lambda e: problems.append(str(e)))
    team = scene["team"]
    _sign_in(page, live_server, scene["manager"].email)

    # Plan a session and build it from the suggestions.
    page.goto(live_server(f"/sessions/team/{team.id}/new"))
    page.fill("#title", "Monday line-up")
    _check(page, viewport, "01-open")
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url(re.compile(r"/sessions/\d+$"))
    session_url = page.url
    _check(page, viewport, "02-suggestions")
    for _ in range(3):
        page.locator("#suggestions .suggestion form button").first.click()
        page.wait_for_load_state()
    assert page.locator(".story-list .story-item").count() == 3
    _check(page, viewport, "03-built")

    # Present: the title slide, then two stories by keyboard and the third by tapping.
    page.get_by_role("button", name="Present").click()
    page.wait_for_url(re.compile(r"/present"))
    _check(page, viewport, "04-present-title")
    page.keyboard.press("ArrowRight")
    page.wait_for_url(re.compile(r"slide=1"))
    assert page.locator(".present-count").inner_text() == "Story 1 of 3"
    _check(page, viewport, "05-present-story1-keyboard")
    page.keyboard.press("ArrowRight")
    page.wait_for_url(re.compile(r"slide=2"))
    size = SCREENS[viewport]
    page.touchscreen.tap(size["width"] - 40, size["height"] // 2)  # the right-hand tap zone
    page.wait_for_url(re.compile(r"slide=3"))
    assert page.locator(".present-count").inner_text() == "Story 3 of 3"
    assert "a colleague" in page.content() or "Anouk" in page.content()
    _check(page, viewport, "06-present-story3-tap")
    page.keyboard.press("Escape")
    page.wait_for_url(session_url)

    # Capture: a takeaway on the first story, an action proposing a higher cap; apply it from today.
    page.locator(".story-takeaway input[name=text]").first.fill("Time beats treats: walk them to the door")
    page.locator(".story-takeaway button").first.click()
    page.wait_for_load_state()
    page.fill("#actions #text", "Raise the cap to put a bad evening right")
    page.locator("#actions details.proposal-box summary").click()
    page.locator("#actions input[name=propose]").check()
    page.fill("#cap", "15")
    page.fill("#allowance", "50")
    page.fill("#why", "Putting a bad evening right sometimes needs more than 10 euros")
    page.locator("#actions form.session-form button[type=submit]").click()
    page.wait_for_load_state()
    _check(page, viewport, "07-captured")
    page.locator("#actions a", has_text="Apply").click()
    page.wait_for_url(re.compile(r"/apply$"))
    page.fill("#valid_from", datetime.now(UTC).date().isoformat())
    _check(page, viewport, "08-apply")
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url(re.compile(r"/sessions/\d+"))
    assert "Applied" in page.locator("#actions").inner_text()

    # Close: the summary; the report of this week follows the loop, and its prompt goes to the next session.
    page.get_by_role("button", name="Close and show the summary").click()
    page.wait_for_url(re.compile(r"/summary$"))
    _check(page, viewport, "08b-summary")
    this_week = datetime.now(UTC).astimezone(ZoneInfo("Europe/Amsterdam")).strftime("%G-W%V")
    page.goto(live_server(f"/reports/{team.id}?week={this_week}"))
    prompt = page.locator("article.prompt", has_text="Since the last learning session")
    assert "Monday line-up" in prompt.inner_text() or "learning session of" in prompt.inner_text()
    prompt.get_by_role("button", name="Discussed").click()
    page.wait_for_load_state()
    prompt = page.locator("article.prompt", has_text="Since the last learning session")
    prompt.scroll_into_view_if_needed()
    _check(page, viewport, "08c-report-loop-prompt")
    prompt.get_by_role("button", name="Take into the next learning session").click()
    page.wait_for_url(re.compile(r"/new$"))  # no session planned yet: plan one first

    # The team tablet: the frame page names the session; the playbook holds the takeaway.
    tablet = browser.new_context(viewport=SCREENS[viewport], has_touch=True, locale="en-GB",
                                 service_workers="block")
    tablet.add_cookies([{"name": TABLET_COOKIE, "value": scene["token"], "url": live_server("/")}])
    tab = tablet.new_page()
    tab.goto(live_server("/team/mandate"))
    history = tab.locator(".mandate-history").inner_text()
    assert "Agreed in the learning session" in history and "Monday line-up" in history
    assert "€10.00 → €15.00" in history
    _check(tab, viewport, "09-tablet-frame")
    tab.goto(live_server(f"/sessions/team/{team.id}/playbook"))
    assert "Time beats treats" in tab.locator(".playbook-list").inner_text()
    _check(tab, viewport, "10-tablet-playbook")
    tablet.close()
    assert problems == [], problems


@pytest.fixture
def tablet_scene(scene, session):
    """A closed session that agreed an open action, and a planned one Anouk facilitates."""
    from ledger.services import session_actions
    from ledger.services import sessions as svc

    team, manager = scene["team"], scene["manager"]
    today = datetime.now(UTC).date()
    earlier = svc.open_session(session=session, actor=manager, team_id=team.id,
                               held_on=today - timedelta(days=7), title="Last week's line-up")
    session_actions.add_action(session=session, actor=manager, session_id=earlier.id,
                               text="Coffee ready at the desk for guests who wait")
    svc.close_session(session=session, actor=manager, session_id=earlier.id)
    anouk = next(p for p in team_members_of(session, team) if p.display_name == "Anouk Jansen")
    svc.open_session(session=session, actor=manager, team_id=team.id, held_on=today, title="Monday line-up",
                     facilitator_id=anouk.id)
    return scene


def team_members_of(session, team):
    from ledger.services.people import team_members

    return team_members(session=session, team_id=team.id)


def test_on_the_tablet_staff_offer_stories_and_the_facilitator_runs_the_session(page, context, live_server,
                                                                                tablet_scene, viewport):
    context.add_cookies([{"name": TABLET_COOKIE, "value": tablet_scene["token"], "url": live_server("/")}])
    page.goto(live_server("/team/feed"))
    agreed = page.locator(".agreed").inner_text()
    assert "Last time we agreed" in agreed and "Coffee ready at the desk" in agreed
    _check(page, viewport, "11-tablet-feed-agreed")

    # Anouk signs in with her PIN for one task: her history offers her stories and her name choice.
    page.goto(live_server("/tablet"))
    page.get_by_role("link", name="Anouk Jansen").click()
    page.fill("#pin", "2468")
    page.locator("form.pin-form button[type=submit]").click()
    page.goto(live_server("/me"))
    page.get_by_role("button", name="I'd like to tell this one").first.click()
    page.wait_for_load_state()
    assert page.locator(".offer-state").first.is_visible()
    _check(page, viewport, "12-tablet-history-offered")
    page.locator("#leave-form button").click()

    # The facilitator's sign-in: from the tiles into the session, which stays open past the idle time.
    page.goto(live_server("/tablet"))
    _check(page, viewport, "13-tablet-tiles-session")
    page.get_by_role("link", name="Run it (facilitator)").click()
    assert "to run the learning session" in page.content()
    page.fill("#pin", "2468")
    page.locator("form.pin-form button[type=submit]").click()
    page.wait_for_url(re.compile(r"/sessions/\d+$"))
    assert page.locator("body").get_attribute("data-idle-seconds") is None
    _check(page, viewport, "14-tablet-facilitating")
    page.goto(live_server("/me"))  # leaving the session's screens leaves the session
    page.wait_for_url(re.compile(r"/tablet$"))
