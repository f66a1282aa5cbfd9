"""A tablet that loses its network keeps working: our offline page instead of the browser's, the static
files from the tablet's own cache, and the gestures waiting on the tablet counted."""

import json
import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_log_gesture import desk, sign_in  # noqa: F401  (desk: a fixture)

pytestmark = pytest.mark.browser


@pytest.fixture
def browser_context_args(browser_context_args):
    # conftest.py blocks service workers for the other browser tests; here they are the subject.
    return {**browser_context_args, "service_workers": "allow"}

OUTBOX_KEY = "gesture-ledger-outbox-v1"  # web/static/outbox.js
WAITING = {  # one gesture saved on the tablet while offline, as outbox.js keeps it
    "id": "6f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b", "queued_at": "2026-11-20T10:15:00Z",
    "payload": {"gesture_id": "6f1c2a34-5b6d-4e7f-8a9b-0c1d2e3f4a5b", "queued_at": "2026-11-20T10:15:00Z",
                "kind": "treat", "trigger": "waiting", "reaction": 4, "cost": "2,50"},
}


def words(live_server, lang: str) -> dict:
    with live_server.app.test_request_context(headers={"Accept-Language": lang}):
        from flask_babel import gettext as _

        return {"offline": _("No connection"), "try": _("Try again"), "names": _("Who are you?"),
                "kept": _("Gestures waiting on this tablet will be sent as soon as the connection is back."),
                "one": _("1 gesture waiting to send")}


def open_tiles_under_the_worker(page, live_server, token: str) -> None:
    """Enrolled tablet: open the names, wait for the service worker, and reload so it controls the page."""
    page.goto(live_server(f"/t/{token}"))
    expect(page).to_have_url(re.compile(r"/tablet$"))
    page.evaluate("async () => { await navigator.serviceWorker.ready; }")
    page.reload()
    page.wait_for_function("navigator.serviceWorker.controller !== null")


def kept_offline_page(page) -> str:
    """The text of the offline page in the worker's cache (what the tablet shows without network)."""
    return page.evaluate("""async () => {
        const hit = await caches.match("/offline", {ignoreVary: true});
        return hit ? await hit.text() : "";
    }""")


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_without_network_a_reload_shows_our_offline_page_with_the_waiting_gesture_and_the_tiles_return(
        page, context, live_server, desk, shot, lang):  # noqa: F811
    w = words(live_server, lang)
    open_tiles_under_the_worker(page, live_server, desk.token)
    expect(page.get_by_role("heading", name=w["names"])).to_be_visible()

    context.set_offline(True)
    page.evaluate("([key, item]) => localStorage.setItem(key, JSON.stringify([item]))", [OUTBOX_KEY, WAITING])
    served: dict[str, bool] = {}
    page.on("response", lambda r: served.update({r.url.removeprefix(live_server.url): r.from_service_worker}))
    page.reload()

    expect(page).to_have_url(re.compile(r"/tablet$"))  # the page asked for, answered by the worker
    expect(page.get_by_role("heading", name=w["offline"])).to_be_visible()
    expect(page.get_by_text(w["kept"])).to_be_visible()
    expect(page.locator("#outbox-count")).to_have_text(w["one"])
    expect(page.get_by_role("link", name=w["try"])).to_be_visible()
    # The static files came from the tablet's cache, not the (absent) network.
    for url in ("/static/app.css", "/static/log.css", "/static/outbox.js"):
        assert served.get(url) is True, (url, served)
    shot(page, "offline")

    # Trying again while still offline is calm too.
    page.get_by_role("link", name=w["try"]).tap()
    expect(page.get_by_role("heading", name=w["offline"])).to_be_visible()

    page.evaluate("key => localStorage.removeItem(key)", OUTBOX_KEY)  # not a real gesture: don't send it
    context.set_offline(False)
    page.get_by_role("link", name=w["try"]).tap()
    expect(page.get_by_role("heading", name=w["names"])).to_be_visible()
    expect(page.locator("#outbox")).to_be_hidden()


def test_the_offline_page_follows_a_language_switch(page, context, live_server, desk):  # noqa: F811
    en, nl = words(live_server, "en"), words(live_server, "nl")
    open_tiles_under_the_worker(page, live_server, desk.token)
    assert en["offline"] in kept_offline_page(page)

    page.get_by_role("button", name=re.compile(r"^NL")).tap()
    expect(page.get_by_role("heading", name=nl["names"])).to_be_visible()
    page.wait_for_function("async (text) => { const h = await caches.match('/offline', {ignoreVary: true});"
                           " return h && (await h.text()).includes(text); }", arg=nl["offline"])

    context.set_offline(True)
    page.reload()
    expect(page.get_by_role("heading", name=nl["offline"])).to_be_visible()


def test_signed_in_pages_and_api_answers_never_land_in_the_workers_cache(page, live_server, desk):  # noqa: F811
    open_tiles_under_the_worker(page, live_server, desk.token)
    sign_in(page, live_server, desk, count=False)  # the PIN pad, then the log screen of a signed-in person
    expect(page.locator("#gesture-form")).to_be_visible()
    for path in ("/team/feed", "/team/mandate", "/me"):
        page.goto(live_server(path))
    kept = json.loads(page.evaluate("""async () => {
        const urls = [];
        for (const name of await caches.keys()) {
            const cache = await caches.open(name);
            for (const request of await cache.keys()) { urls.push(new URL(request.url).pathname); }
        }
        return JSON.stringify(urls);
    }"""))
    assert "/offline" in kept and "/static/app.css" in kept
    assert all(url == "/offline" or url.startswith("/static/") for url in kept), kept
