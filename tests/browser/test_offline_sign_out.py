"""An offline save ends the person's session on the tablet (issue 12, finding 1): offline, save, back to the
names; once online the tile is not signed in, /log asks for the PIN, and the gesture still arrives."""

import contextlib
import re
import time

import pytest
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from tests.browser.test_log_gesture import chip, desk, rows, sign_in, words  # noqa: F401  (desk: fixture)

pytestmark = pytest.mark.browser


def wait_for_rows(session, n: int, seconds: float = 10) -> list:
    deadline = time.time() + seconds
    found = rows(session)
    while len(found) < n and time.time() < deadline:
        time.sleep(0.2)
        found = rows(session)
    return found


def _save_offline(page, context, live_server):
    w = words(live_server, "en")
    chip(page, "kind", "time").tap()
    chip(page, "trigger", "in_need").tap()
    chip(page, "reaction", "5").tap()
    chip(page, "cost_pick", "0").tap()
    context.set_offline(True)
    page.get_by_role("button", name=w["save"]).tap()
    expect(page.get_by_role("heading", name=w["queued"])).to_be_visible()
    return w


def test_offline_save_then_back_to_the_names_leaves_nobody_signed_in_once_online(
        page, context, live_server, desk, session):  # noqa: F811
    sign_in(page, live_server, desk)
    w = _save_offline(page, context, live_server)
    with contextlib.suppress(PlaywrightError):  # no network: the browser shows its own error page
        page.get_by_role("link", name=w["back"]).tap()
        page.wait_for_timeout(500)
    context.set_offline(False)

    page.goto(live_server("/tablet"))
    expect(page.get_by_role("link", name="Anouk", exact=True)).to_be_visible()
    expect(page.locator("#leave-form")).to_have_count(0)  # nobody is signed in on the names
    assert len(wait_for_rows(session, 1)) == 1  # the queued gesture still arrives, once
    page.goto(live_server("/log"))
    expect(page).to_have_url(re.compile(r"/tablet$"))  # /log does not open as Anouk
    page.get_by_role("link", name="Anouk", exact=True).tap()
    expect(page.locator("#pin")).to_be_visible()  # her tile asks for the PIN


def test_offline_save_ends_the_session_when_the_network_returns_on_the_same_page(
        page, context, live_server, desk, session):  # noqa: F811
    sign_in(page, live_server, desk)
    _save_offline(page, context, live_server)
    context.set_offline(False)
    assert len(wait_for_rows(session, 1)) == 1
    expect(page).to_have_url(re.compile(r"/tablet$"))
    page.goto(live_server("/log"))
    expect(page).to_have_url(re.compile(r"/tablet$"))
    expect(page.locator("#leave-form")).to_have_count(0)
