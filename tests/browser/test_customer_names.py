"""A customer's name in a story is pointed out while typing and removed before saving (issue 12,
finding 6); an ordinary sentence with "meneer" in it is left alone."""

import pytest
from playwright.sync_api import expect

from tests.browser.test_log_gesture import chip, desk, rows, sign_in, words  # noqa: F401  (desk: fixture)

pytestmark = pytest.mark.browser


def test_a_customers_name_is_pointed_out_while_typing_and_removed(page, live_server, desk, session):  # noqa: F811
    w = words(live_server, "en")
    sign_in(page, live_server, desk)
    chip(page, "kind", "treat").tap()
    chip(page, "trigger", "celebration").tap()
    chip(page, "reaction", "5").tap()
    chip(page, "cost_pick", "0").tap()
    page.get_by_text(w["story"]).tap()
    page.locator("#description").fill("meneer vroeg om een taxi om 14:30")
    expect(page.locator("#description-pii")).to_be_hidden()
    page.locator("#description").fill("Taart voor mevrouw de Vries, ze was jarig")
    expect(page.locator("#description-pii")).to_contain_text("a customer's name")
    page.get_by_role("button", name=w["save"]).tap()
    expect(page.locator("#redacted")).to_contain_text("a customer's name")
    stored = rows(session)[0].description
    assert "Vries" not in stored and stored.startswith("Taart voor mevrouw […]")
