"""Logging a gesture on the tablet in Chromium: quick picks, errors, the frame, taps, page weight, feed.

Every test runs at both tablet viewports (the `viewport` fixture); the main journey also in Dutch and
English. Labels are looked up through the app's own translations, so the tests read like a person does.
"""

import re
import time
from dataclasses import dataclass, field

import pytest
from argon2 import PasswordHasher
from playwright.sync_api import expect
from sqlmodel import select

from ledger.models import Appreciation, Gesture
from ledger.services.gestures import GestureInput, log_gesture
from ledger.services.tablets import register_tablet
from ledger.types import utcnow
from tests.factories import make_mandate, make_person, make_team
from web import labels

pytestmark = pytest.mark.browser

PIN = "4821"
_cheap = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


@dataclass
class Desk:
    team: object
    anouk: object
    bram: object
    token: str
    taps: list = field(default_factory=list)


@pytest.fixture
def desk(session) -> Desk:
    """A front desk with a frame of €25 a gesture and €60 a week, two colleagues, and a registered tablet."""
    team = make_team(session, "Front desk", why="Every guest leaves with a story worth telling.")
    make_mandate(session, team, cap=2500, allowance=6000, why="Make a guest's day when you see the chance.")
    anouk = make_person(session, team, name="Anouk", pin_hash=_cheap.hash(PIN))
    bram = make_person(session, team, name="Bram", pin_hash=_cheap.hash(PIN))
    _tablet, token = register_tablet(session=session, team_id=team.id, name="Desk tablet")
    return Desk(team, anouk, bram, token)


def words(live_server, lang: str) -> dict:
    """The labels a person sees, in their language, from the app's catalogues."""
    app = live_server.app
    with app.test_request_context(headers={"Accept-Language": lang}):
        from flask_babel import gettext as _

        return {
            "treat": str(labels.KINDS["treat"]), "time": str(labels.KINDS["time"]),
            "waiting": str(labels.TRIGGERS["waiting"]), "delighted": str(labels.REACTIONS[4]),
            "save": _("Save"), "my": _("My gestures"), "feed": _("Team feed"),
            "story": _("Tell the story (optional)"),
            "thanks": _("Thank you, %(name)s. Saved.", name="Anouk"), "appreciate": _("Appreciate"),
            "queued": _("Saved on this tablet"), "back": _("Back to the names"),
        }


def tap(desk: Desk, locator) -> None:
    """A tap a person makes (counted); typing is not counted."""
    desk.taps.append(locator)
    locator.tap()


def sign_in(page, live_server, desk: Desk, name: str = "Anouk", *, count: bool = True) -> None:
    """From the tablet's name tiles: tap the tile, type the PIN (typing, not taps), land on the log screen."""
    page.goto(live_server(f"/t/{desk.token}"))
    tile = page.get_by_role("link", name=name, exact=True)
    tap(desk, tile) if count else tile.tap()
    page.locator("#pin").fill(PIN)
    page.locator("#pin").press("Enter")
    expect(page).to_have_url(re.compile(r"/log$"))


def chip(page, name: str, value: str):
    return page.locator(f"label[for='{name}-{value}']")


def rows(session) -> list[Gesture]:
    session.expire_all()
    return list(session.exec(select(Gesture)))


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_typical_gesture_takes_six_taps_from_the_name_tile_and_shows_up_in_my_history(
        page, live_server, desk, session, shot, lang, viewport):
    w = words(live_server, lang)
    sign_in(page, live_server, desk)
    expect(page.get_by_role("heading", name=re.compile("Anouk"))).to_be_visible()
    scroll = page.evaluate("[document.documentElement.scrollHeight, window.innerHeight]")
    print(f"\nlog screen {viewport}/{lang}: page height {scroll[0]} px in a {scroll[1]} px window")
    shot(page, "log-screen")
    if viewport == "landscape":
        assert scroll[0] <= scroll[1], "the log screen should fit without scrolling in landscape"

    tap(desk, chip(page, "kind", "treat"))
    tap(desk, chip(page, "trigger", "waiting"))
    tap(desk, chip(page, "reaction", "4"))
    tap(desk, chip(page, "cost_pick", "500"))
    shot(page, "log-filled")
    tap(desk, page.get_by_role("button", name=w["save"]))
    expect(page.get_by_role("heading", name=w["thanks"])).to_be_visible()
    shot(page, "thanks")
    print(f"taps from name tile to saved: {len(desk.taps)} (PIN typed)")
    assert len(desk.taps) <= 6

    [row] = rows(session)
    assert (row.kind, row.trigger, row.reaction, row.cost_cents) == ("treat", "waiting", 4, 500)
    page.get_by_role("link", name=w["back"]).tap()
    expect(page).to_have_url(re.compile(r"/tablet$"))
    sign_in(page, live_server, desk, count=False)
    page.get_by_role("link", name=w["my"]).tap()
    card = page.locator(f"#g-{row.origin_id}")
    expect(card).to_contain_text(w["treat"])
    expect(card).to_contain_text(w["delighted"])
    expect(card).to_contain_text("5,00" if lang == "nl" else "5.00")
    shot(page, "history")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_a_field_error_is_shown_next_to_the_field_and_keeps_everything_else(
        page, live_server, desk, session, shot, lang):
    w = words(live_server, lang)
    sign_in(page, live_server, desk)
    chip(page, "kind", "time").tap()
    chip(page, "trigger", "waiting").tap()
    chip(page, "reaction", "4").tap()
    page.locator("#cost").fill("vier euro")
    page.get_by_text(w["story"]).tap()
    page.locator("#description").fill("Walked her to the taxi under my umbrella")
    page.get_by_role("button", name=w["save"]).tap()

    error = page.locator("#cost-error")
    expect(error).to_be_visible()
    expect(page.locator("#cost")).to_have_attribute("aria-describedby", "cost-error")
    expect(page.locator("#cost")).to_have_value("vier euro")
    expect(page.locator("#kind-time")).to_be_checked()
    expect(page.locator("#reaction-4")).to_be_checked()
    expect(page.locator("#description")).to_have_value("Walked her to the taxi under my umbrella")
    shot(page, "log-error")
    assert rows(session) == []

    page.locator("#cost").fill("4,50")
    page.get_by_role("button", name=w["save"]).tap()
    expect(page.get_by_role("heading", name=w["thanks"])).to_be_visible()
    assert rows(session)[0].cost_cents == 450


def test_an_over_cap_gesture_is_pointed_out_calmly_saved_and_marked(page, live_server, desk, session, shot):
    w = words(live_server, "en")
    sign_in(page, live_server, desk)
    expect(page.locator("#frame")).to_contain_text(
        "You can spend up to €25.00 per gesture and €60.00 per week")
    chip(page, "kind", "gift").tap()
    chip(page, "trigger", "celebration").tap()
    chip(page, "reaction", "5").tap()
    page.locator("#cost").fill("40")
    expect(page.locator("#frame-note")).to_be_visible()
    shot(page, "log-over-frame")
    page.get_by_role("button", name=w["save"]).tap()
    expect(page.locator("#over-frame")).to_contain_text("part of the team's next conversation")
    shot(page, "thanks-over-frame")
    assert rows(session)[0].mandate_check == "over_cap"


def test_personal_data_is_pointed_out_before_saving_and_removed(page, live_server, desk, session):
    w = words(live_server, "en")
    sign_in(page, live_server, desk)
    chip(page, "kind", "recovery").tap()
    chip(page, "trigger", "complaint").tap()
    chip(page, "reaction", "3").tap()
    chip(page, "cost_pick", "0").tap()
    page.get_by_text(w["story"]).tap()
    page.locator("#description").fill("Called her back on 06-12345678 about the lost scarf")
    expect(page.locator("#description-pii")).to_contain_text("a phone number")
    page.get_by_role("button", name=w["save"]).tap()
    expect(page.locator("#redacted")).to_contain_text("a phone number")
    assert "12345678" not in rows(session)[0].description


def test_the_log_screen_loads_under_100_kb_and_no_chart_library(page, live_server, desk):
    sign_in(page, live_server, desk)
    # A second tab of the same tablet opens the log screen with the HTTP cache off (routing disables it):
    # everything the first load of that screen transfers, and nothing left over from the PIN pad.
    fresh = page.context.new_page()
    fresh.route("**/*", lambda route: route.continue_())
    transferred: list[tuple[str, int]] = []
    fresh.on("requestfinished", lambda req: transferred.append(
        (req.url, req.sizes()["responseBodySize"] + req.sizes()["responseHeadersSize"])))
    fresh.goto(live_server("/log"))
    expect(fresh.locator("#gesture-form")).to_be_visible()
    fresh.wait_for_load_state("networkidle")
    total = sum(size for _url, size in transferred)
    print(f"\nlog screen first load: {total} bytes in {len(transferred)} responses")
    for url, size in transferred:
        print(f"  {size:>7}  {url}")
    assert total < 100_000
    assert not any("plotly" in url for url, _size in transferred)


def test_a_colleagues_gesture_is_appreciated_with_one_tap_in_the_team_feed(
        page, live_server, desk, session, shot):
    w = words(live_server, "en")
    data = GestureInput(occurred_at=utcnow(), kind="treat", trigger="waiting", reaction=5, cost_cents=250,
                        description="Coffee for the family waiting for their room")
    log_gesture(session=session, team_id=desk.team.id, person_id=desk.bram.id, logged_by_id=desk.bram.id,
                data=data)
    sign_in(page, live_server, desk)
    page.get_by_role("link", name=w["feed"]).tap()
    expect(page.get_by_text("Coffee for the family waiting for their room")).to_be_visible()
    expect(page.get_by_text("€2.50")).to_have_count(0)
    shot(page, "feed")
    page.get_by_role("button", name=re.compile("Bram")).tap()
    expect(page.locator(".appreciations")).to_contain_text("Anouk")
    shot(page, "feed-appreciated")
    deadline = time.time() + 5
    while time.time() < deadline and not session.exec(select(Appreciation)).all():
        time.sleep(0.1)
    assert len(session.exec(select(Appreciation)).all()) == 1


def test_my_frame_and_a_correction_are_one_tap_away_from_my_history(page, live_server, desk, session, shot):
    data = GestureInput(occurred_at=utcnow(), kind="treat", trigger="waiting", reaction=4, cost_cents=450,
                        description="Tea for the couple whose room was not ready")
    row = log_gesture(session=session, team_id=desk.team.id, person_id=desk.anouk.id,
                      logged_by_id=desk.anouk.id, data=data).gesture
    sign_in(page, live_server, desk)
    page.get_by_role("link", name="My gestures").tap()
    page.get_by_role("link", name="Our frame").tap()
    expect(page.locator("#mandate")).to_contain_text("Make a guest's day when you see the chance.")
    expect(page.locator("#mandate")).to_contain_text("used this week: €4.50")
    shot(page, "frame")
    page.get_by_role("link", name="My gestures").tap()
    page.locator(f"#g-{row.origin_id}").get_by_role("link", name="Correct").tap()
    expect(page.locator("#cost")).to_have_value("4.50")
    page.locator("#cost").fill("5")
    page.locator("#reason").fill("The tea came with a biscuit")
    shot(page, "correct")
    page.get_by_role("button", name="Save the correction").tap()
    card = page.locator(f"#g-{row.origin_id}")
    expect(card).to_contain_text("Corrected")
    expect(card).to_contain_text("€5.00")
    card.get_by_text("History").tap()
    expect(card).to_contain_text("The tea came with a biscuit")
    shot(page, "history-corrected")
