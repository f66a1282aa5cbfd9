"""A gesture saved while the tablet has no network waits on the tablet and arrives once, later."""

import re
import time

import pytest
from playwright.sync_api import expect

from tests.browser.test_log_gesture import PIN, chip, desk, rows, sign_in, words  # noqa: F401  (desk: fixture)

pytestmark = pytest.mark.browser


def wait_for_rows(session, n: int, seconds: float = 10) -> list:
    deadline = time.time() + seconds
    found = rows(session)
    while len(found) < n and time.time() < deadline:
        time.sleep(0.2)
        found = rows(session)
    return found


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_offline_a_gesture_is_kept_on_the_tablet_and_sent_exactly_once_when_the_network_returns(
        page, context, live_server, desk, session, shot, lang):  # noqa: F811
    w = words(live_server, lang)
    sign_in(page, live_server, desk)
    chip(page, "kind", "time").tap()
    chip(page, "trigger", "in_need").tap()
    chip(page, "reaction", "5").tap()
    chip(page, "cost_pick", "0").tap()
    context.set_offline(True)
    page.get_by_role("button", name=w["save"]).tap()

    expect(page.get_by_role("heading", name=w["queued"])).to_be_visible()
    expect(page.locator("#outbox")).to_be_visible()
    expect(page.locator("#outbox-count")).to_contain_text("1")
    shot(page, "offline-queued")
    time.sleep(0.5)
    assert rows(session) == []

    context.set_offline(False)
    found = wait_for_rows(session, 1)
    assert len(found) == 1
    row = found[0]
    assert (row.kind, row.trigger, row.reaction, row.cost_cents) == ("time", "in_need", 5, 0)
    assert row.person_id == desk.anouk.id
    # Back online the tablet returns to the names; the outbox is empty and nothing arrives twice.
    expect(page).to_have_url(re.compile(r"/tablet$"))
    expect(page.locator("#outbox")).to_be_hidden()
    page.reload()
    time.sleep(1)
    assert len(rows(session)) == 1


def test_two_gestures_queued_offline_are_sent_when_the_tablet_page_opens_again(
        page, context, live_server, desk, session):  # noqa: F811
    w = words(live_server, "en")
    sign_in(page, live_server, desk)
    chip(page, "kind", "gift").tap()
    chip(page, "trigger", "celebration").tap()
    chip(page, "reaction", "4").tap()
    chip(page, "cost_pick", "500").tap()
    context.set_offline(True)
    page.get_by_role("button", name=w["save"]).tap()
    expect(page.get_by_role("heading", name=w["queued"])).to_be_visible()
    page.get_by_role("button", name=re.compile("Log another")).tap()
    chip(page, "kind", "treat").tap()
    chip(page, "trigger", "waiting").tap()
    chip(page, "reaction", "3").tap()
    chip(page, "cost_pick", "200").tap()
    page.get_by_role("button", name=w["save"]).tap()
    expect(page.locator("#outbox-count")).to_contain_text("2")
    assert rows(session) == []

    # The log screen is closed before the network comes back: the next page that opens sends both.
    page.close()
    context.set_offline(False)
    time.sleep(0.5)
    assert rows(session) == []
    tiles = context.new_page()
    tiles.goto(live_server("/tablet"))
    found = wait_for_rows(session, 2)
    assert sorted(r.cost_cents for r in found) == [200, 500]
    expect(tiles.locator("#outbox")).to_be_hidden()
    tiles.reload()
    time.sleep(1)
    assert len(rows(session)) == 2
