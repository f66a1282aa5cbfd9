"""Accessible to everyone who uses it (issue 10 item 10): axe-core finds no serious or critical WCAG 2.2 AA
violation on any screen, at tablet and desktop sizes, in Dutch and English.

Screens: sign-in, name tiles, PIN pad, log form (also with its field errors and the story open), thank-you,
history, correction, withdrawal, team feed, the team's frame, the weekly report (prompts, charts drawn,
evidence open) and its print view. Each size and language is one tour, so a run lists every finding at once.
"""

import pytest
from argon2 import PasswordHasher
from playwright.sync_api import expect

from ledger.services.tablets import register_tablet
from tests.browser.axe import axe_violations, describe
from tests.browser.conftest import LOCALES, save_screenshot
from tests.browser.test_log_gesture import PIN, chip, words
from tests.reports.scenes import busy_team
from tests.web.signin import use_cheap_hashing

pytestmark = pytest.mark.browser

SIZES = {"tablet": {"width": 768, "height": 1024}, "desktop": {"width": 1280, "height": 900}}
PASSWORD = "a long and careful passphrase"
WEEK = "2026-W45"
_cheap = PasswordHasher(time_cost=1, memory_cost=1024, parallelism=1)


@pytest.fixture
def hotel(session, monkeypatch):
    """busy_team's week 45 (stories, prompts, charts), a PIN for Anouk, a manager's password, a tablet."""
    use_cheap_hashing(monkeypatch)
    from ledger.credentials import hash_secret

    scene = busy_team(session)
    scene.manager.password_hash = hash_secret(PASSWORD)
    scene.staff[0].pin_hash = _cheap.hash(PIN)
    session.add_all([scene.manager, scene.staff[0]])
    session.commit()
    _tablet, token = register_tablet(session=session, team_id=scene.team.id, name="Desk tablet")
    return scene, token


class Tour:
    """Runs axe on each screen visited and keeps every finding (and a screenshot) for one assertion."""

    def __init__(self, size: str, lang: str):
        self.size, self.lang, self.found, self.screens = size, lang, [], []

    def check(self, page, screen: str) -> None:
        page.wait_for_load_state("load")
        save_screenshot(page, f"a11y-{screen}-{self.size}-{self.lang}")
        self.screens.append(screen)
        violations = axe_violations(page)
        if violations:
            self.found.append(f"{screen} ({page.url}):\n{describe(violations)}")


def _context(browser, size: str, lang: str):
    ctx = browser.new_context(viewport=SIZES[size], has_touch=True, device_scale_factor=1,
                              locale=LOCALES[lang], service_workers="block")
    ctx.set_default_timeout(15_000)
    return ctx


def _staff_screens(page, live_server, token: str, tour: Tour, w: dict) -> None:
    page.goto(live_server(f"/t/{token}"))
    tour.check(page, "tiles")
    page.get_by_role("link", name="Anouk", exact=True).tap()
    page.locator("[data-pin-form][data-ready]").wait_for()
    tour.check(page, "pin-pad")
    page.locator("#pin").fill(PIN)
    page.locator("#pin").press("Enter")
    expect(page.locator("#gesture-form")).to_be_visible()
    tour.check(page, "log-form")
    chip(page, "reaction", "4").tap()
    page.locator("#cost").fill("5000")
    page.get_by_text(w["story"]).tap()
    chip(page, "when", "earlier").tap()
    page.get_by_role("button", name=w["save"]).tap()
    expect(page.locator("#kind-error")).to_be_visible()
    tour.check(page, "log-form-errors")
    chip(page, "kind", "treat").tap()
    chip(page, "trigger", "waiting").tap()
    page.locator("#cost").fill("4")
    page.get_by_role("button", name=w["save"]).tap()
    expect(page.get_by_role("heading", name=w["thanks"])).to_be_visible()
    tour.check(page, "thank-you")
    page.get_by_role("link", name=w["back"]).tap()
    page.get_by_role("link", name="Anouk", exact=True).tap()
    page.locator("#pin").fill(PIN)
    page.locator("#pin").press("Enter")
    page.get_by_role("link", name=w["my"]).tap()
    tour.check(page, "history")
    history = page.url
    page.locator(".card-actions a.btn").first.tap()  # "Correct" on the gesture just logged
    expect(page.locator("#correct-form")).to_be_visible()
    tour.check(page, "correction")
    page.goto(history)
    page.locator(".card-actions a.btn").nth(1).tap()  # "Withdraw"
    expect(page.locator("#reason")).to_be_visible()
    tour.check(page, "withdraw")
    page.goto(live_server("/team/feed"))
    tour.check(page, "feed")
    page.goto(live_server("/team/mandate"))
    tour.check(page, "mandate")


def _draw_every_chart(page) -> None:
    """Scroll each chart into view (they may be drawn only then) and wait until all are drawn."""
    page.wait_for_load_state("networkidle")
    charts = page.locator(".chart[data-figure]")
    assert charts.count() > 0, "the report week should have charts to check"
    for chart in charts.all():
        chart.scroll_into_view_if_needed()
    page.wait_for_function("[...document.querySelectorAll('.chart[data-figure]')]"
                           ".every((c) => c.classList.contains('is-drawn'))")
    page.evaluate("window.scrollTo(0, 0)")


def _manager_screens(page, live_server, scene, tour: Tour) -> None:
    page.goto(live_server("/auth/login"))
    tour.check(page, "sign-in")
    page.fill("input[name=email]", scene.manager.email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url("**/")
    page.goto(live_server(f"/reports/{scene.team.id}?week={WEEK}"))
    _draw_every_chart(page)
    page.locator("article.prompt details.evidence summary").first.click()
    tour.check(page, "report")
    page.goto(live_server(f"/reports/{scene.team.id}/print?week={WEEK}"))
    tour.check(page, "report-print")


@pytest.mark.parametrize("lang", ["nl", "en"])
@pytest.mark.parametrize("size", list(SIZES))
def test_every_screen_has_no_serious_or_critical_accessibility_violation(
        browser, live_server, hotel, size, lang):
    scene, token = hotel
    tour = Tour(size, lang)
    w = words(live_server, lang)
    tablet = _context(browser, size, lang)
    _staff_screens(tablet.new_page(), live_server, token, tour, w)
    tablet.close()
    desk = _context(browser, size, lang)
    _manager_screens(desk.new_page(), live_server, scene, tour)
    desk.close()
    print(f"\naxe checked {len(tour.screens)} screens at {size}/{lang}: {', '.join(tour.screens)}")
    assert not tour.found, "\n".join(tour.found)


def test_the_check_itself_finds_what_it_should(browser):
    # Proof that the tour above could fail: a picture without a text and grey-on-grey text are reported.
    ctx = browser.new_context(viewport=SIZES["tablet"])
    page = ctx.new_page()
    page.set_content('<!doctype html><html lang="en"><head><title>t</title></head><body><main>'
                     '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'
                     '<p style="color:#999;background:#aaa">hard to read</p></main></body></html>')
    found = {v["id"] for v in axe_violations(page)}
    ctx.close()
    assert {"image-alt", "color-contrast"} <= found
