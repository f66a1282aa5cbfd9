"""The log form's rough edges, fixed (issue 10 item 9): layout at both tablet sizes with the story open and an
earlier time, one message for an invalid amount, the outbox's 422 shown without posting twice.

Screenshots go to test-artifacts/screenshots/ (look at them).
"""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.layout import overlapping_pairs, sideways_scroll, too_wide
from tests.browser.test_log_gesture import chip, desk, rows, sign_in, words  # noqa: F401  (desk: fixture)

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_with_the_story_open_and_an_earlier_time_nothing_on_the_log_form_overlaps(
        page, live_server, desk, shot, lang, viewport):  # noqa: F811
    w = words(live_server, lang)
    sign_in(page, live_server, desk)
    page.get_by_text(w["story"]).tap()
    chip(page, "when", "earlier").tap()
    expect(page.locator("#day")).to_be_visible()
    expect(page.locator("#description")).to_be_visible()
    path = shot(page, "log-story-earlier")
    print(f"\nscreenshot: {path}")
    assert overlapping_pairs(page, "#gesture-form") == []


def _posts(page) -> list[str]:
    """Paths of the POST requests the page makes from now on."""
    sent: list[str] = []
    page.on("request", lambda req: sent.append(req.url.split("/", 3)[-1]) if req.method == "POST" else None)
    return sent


def _fill_except_cost(page) -> None:
    chip(page, "kind", "gift").tap()
    chip(page, "trigger", "celebration").tap()
    chip(page, "reaction", "5").tap()


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_an_amount_above_the_limit_shows_its_field_error_with_the_unit_and_no_frame_hint(
        page, live_server, desk, session, shot, lang):  # noqa: F811
    w = words(live_server, lang)
    sign_in(page, live_server, desk)
    _fill_except_cost(page)
    page.locator("#cost").fill("5000")
    expect(page.locator("#frame-note")).to_be_hidden()  # "beyond the frame, that is fine" would mislead
    posts = _posts(page)
    page.get_by_role("button", name=w["save"]).tap()

    error = page.locator("#cost-error")
    expect(error).to_contain_text("hoogstens €\u00a01.000,00" if lang == "nl" else "at most €1,000.00")
    expect(page.locator("#cost")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#frame-note")).to_be_hidden()
    expect(page.locator("#form-error")).to_be_visible()
    shot(page, "log-too-much")
    assert sideways_scroll(page) == 0, too_wide(page)
    assert posts == ["api/v1/outbox/gestures"]  # the outbox's call only: the form is not posted a second time
    assert rows(session) == []

    page.locator("#cost").fill("40")  # over the cap but a real amount: now the calm hint, no error
    expect(error).to_have_count(0)
    expect(page.locator("#frame-note")).to_be_visible()
    page.get_by_role("button", name=w["save"]).tap()
    expect(page.get_by_role("heading", name=w["thanks"])).to_be_visible()
    assert [r.cost_cents for r in rows(session)] == [4000]


def test_the_outboxs_422_marks_every_field_it_names_and_the_form_is_sent_once(
        page, live_server, desk, session, shot):  # noqa: F811
    w = words(live_server, "en")
    sign_in(page, live_server, desk)
    chip(page, "trigger", "celebration").tap()
    chip(page, "reaction", "5").tap()
    page.locator("#cost").fill("vier euro")
    page.locator("#effort").fill("700")
    posts = _posts(page)
    page.get_by_role("button", name=w["save"]).tap()

    expect(page.locator("#kind-error")).to_contain_text("Please choose")
    expect(page.locator("#cost-error")).to_contain_text("4,50")
    expect(page.locator("fieldset.log-kind")).to_have_attribute("aria-describedby", "kind-error")
    expect(page.locator("#cost")).to_have_attribute("aria-describedby", "cost-error")
    expect(page.locator("#form-error")).to_contain_text("Nothing was saved yet")
    expect(page.locator("#cost")).to_have_value("vier euro")  # the input stays as typed
    shot(page, "log-outbox-422")
    assert posts == ["api/v1/outbox/gestures"]

    chip(page, "kind", "gift").tap()
    expect(page.locator("#kind-error")).to_have_count(0)
    page.locator("#cost").fill("4,50")
    page.locator("#effort").fill("")  # 700 minutes was too many: the server says which limit
    page.get_by_role("button", name=w["save"]).tap()
    expect(page.get_by_role("heading", name=w["thanks"])).to_be_visible()
    [row] = rows(session)
    assert (row.cost_cents, row.effort_minutes) == (450, None)


def test_a_problem_document_with_a_list_of_field_errors_is_shown_as_well(
        page, live_server, desk, session):  # noqa: F811
    # The API's 422 may come as problem+json with a list of {field, code, message}: shown the same way.
    body = ('{"type": "about:blank", "status": 422, "title": "Please check what you entered", '
            '"errors": [{"field": "effort", "code": "too_large", "message": "At most 600 minutes."},'
            ' {"field": "form", "code": "conflict", "message": "Saved before with other content."}]}')
    page.route("**/api/v1/outbox/gestures", lambda route: route.fulfill(
        status=422, content_type="application/problem+json", body=body))
    w = words(live_server, "en")
    sign_in(page, live_server, desk)
    _fill_except_cost(page)
    chip(page, "cost_pick", "500").tap()
    posts = _posts(page)
    page.get_by_role("button", name=w["save"]).tap()
    expect(page.locator("#effort-error")).to_have_text("At most 600 minutes.")
    expect(page.locator("#form-error")).to_have_text("Saved before with other content.")
    assert posts == ["api/v1/outbox/gestures"]
    assert rows(session) == []


def test_a_form_the_server_refused_shows_no_frame_hint_beside_the_amount_error(
        page, live_server, desk, session):  # noqa: F811
    # Without the outbox (a plain post) the server renders the error; the hint must not join it on load.
    sign_in(page, live_server, desk)
    _fill_except_cost(page)
    page.locator("#cost").fill("5000")
    page.evaluate("HTMLFormElement.prototype.submit.call(document.getElementById('gesture-form'))")
    expect(page.locator("#cost-error")).to_contain_text("at most €1,000.00")
    expect(page.locator("#frame-note")).to_be_hidden()
    assert rows(session) == []


def test_the_thank_you_returns_to_the_names_by_itself_without_a_timed_refresh(
        page, live_server, desk):  # noqa: F811
    # A <meta refresh> cannot be paused (WCAG 2.2.1, axe's meta-refresh rule); tablet.js's idle timer can:
    # any touch restarts it. Only a tablet without JavaScript keeps the refresh (inside <noscript>).
    live_server.app.config["THANKS_SECONDS"] = 2
    w = words(live_server, "en")
    sign_in(page, live_server, desk)
    _fill_except_cost(page)
    chip(page, "cost_pick", "0").tap()
    page.get_by_role("button", name=w["save"]).tap()
    expect(page.get_by_role("heading", name=w["thanks"])).to_be_visible()
    assert page.locator("meta[http-equiv=refresh]").count() == 0
    expect(page).to_have_url(re.compile(r"/tablet$"), timeout=8_000)
