"""Staff sometimes log on their own phone: no staff screen scrolls sideways at 360, 390 or 430 px wide
(issue 10 item 9). Tiles, PIN pad, log form (story open, an earlier time, a field error), thank-you,
history and team feed, each with a screenshot in test-artifacts/screenshots/ (look at them).
"""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import save_screenshot
from tests.browser.layout import sideways_scroll, too_wide
from tests.browser.test_log_gesture import PIN, chip, desk, words  # noqa: F401  (desk: fixture)

pytestmark = pytest.mark.browser

PHONE_WIDTHS = (360, 390, 430)


@pytest.fixture(params=PHONE_WIDTHS, ids=[f"{w}px" for w in PHONE_WIDTHS])
def phone(request, browser):
    """A page in a phone-sized touch window (844 px tall, twice the pixels), its width the param."""
    ctx = browser.new_context(viewport={"width": request.param, "height": 844}, has_touch=True,
                              device_scale_factor=1, locale="nl-NL", service_workers="block")
    ctx.set_default_timeout(10_000)
    yield ctx.new_page(), request.param
    ctx.close()


def assert_fits(page, name: str, width: int) -> None:
    """No sideways scrolling; the screenshot is taken either way, to look at."""
    save_screenshot(page, f"phone-{name}-{width}")
    assert sideways_scroll(page) == 0, f"{name} at {width} px scrolls sideways: {too_wide(page)}"


def test_no_staff_screen_scrolls_sideways_on_a_phone(phone, live_server, desk):  # noqa: F811
    page, width = phone
    w = words(live_server, "nl")
    page.goto(live_server(f"/t/{desk.token}"))
    assert_fits(page, "tiles", width)
    page.get_by_role("link", name="Anouk", exact=True).tap()
    expect(page.locator("#pin")).to_be_attached()
    assert_fits(page, "pin", width)
    page.locator("#pin").fill(PIN)
    page.locator("#pin").press("Enter")
    expect(page.locator("#gesture-form")).to_be_visible()
    assert_fits(page, "log", width)

    chip(page, "kind", "treat").tap()
    chip(page, "trigger", "waiting").tap()
    chip(page, "reaction", "4").tap()
    page.locator("#cost").fill("5000")
    page.get_by_text(w["story"]).tap()
    chip(page, "when", "earlier").tap()
    page.get_by_role("button", name=w["save"]).tap()
    expect(page.locator("#cost-error")).to_be_visible()
    assert_fits(page, "log-error", width)

    page.locator("#cost").fill("4,50")
    page.get_by_role("button", name=w["save"]).tap()
    expect(page.get_by_role("heading", name=w["thanks"])).to_be_visible()
    assert_fits(page, "thanks", width)

    page.get_by_role("link", name=w["back"]).tap()
    page.get_by_role("link", name="Anouk", exact=True).tap()
    page.locator("#pin").fill(PIN)
    page.locator("#pin").press("Enter")
    page.get_by_role("link", name=w["my"]).tap()
    expect(page.locator(".cards")).to_be_visible()
    assert_fits(page, "history", width)
    page.get_by_role("link", name=w["feed"]).first.tap()
    expect(page.get_by_text("Traktatie").first).to_be_visible()
    assert_fits(page, "feed", width)
