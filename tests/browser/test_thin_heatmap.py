"""A week where every kind x trigger pair is thin still draws the heatmap's grid: labels, and each pair's n.

plotly.js hides a heatmap whose z holds no number at all, so a new team's first weeks (every pair under
five gestures, every cell uncoloured) showed an empty box with two stray tick marks.
"""

import pytest

from reports.chart_style import MIN_GROUP_N
from reports.i18n import lang_for
from tests.browser.conftest import LOCALES, VIEWPORTS, save_screenshot
from tests.browser.test_chart_text import DRAWN_TEXT, LEGIBLE_PX
from tests.browser.test_report_page import sign_in, with_manager_password
from tests.reports.scenes import STORIES, busy_team
from tests.web.signin import use_cheap_hashing


@pytest.fixture
def first_week(session, monkeypatch):
    """A team in its first week: eight gestures, each one of its kind x trigger pair."""
    use_cheap_hashing(monkeypatch)
    return with_manager_password(session, busy_team(session, weeks=1))


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_on_a_portrait_tablet_a_week_of_only_thin_pairs_draws_every_label_and_every_pairs_n(
        browser, live_server, first_week, lang):
    context = browser.new_context(viewport=VIEWPORTS["portrait"], locale=LOCALES[lang], has_touch=True)
    page = context.new_page()
    sign_in(page, live_server, first_week, f"/reports/{first_week.team.id}?week=2026-W45")
    page.locator("#chart-kind-trigger").scroll_into_view_if_needed()
    page.wait_for_selector("#chart-kind-trigger .chart.is-drawn .main-svg", state="attached")
    drawn = page.evaluate(DRAWN_TEXT, "kind-trigger")["texts"]
    note = page.locator("#chart-kind-trigger .chart-note").inner_text()
    save_screenshot(page, f"report-first-week-portrait-{lang}")
    context.close()

    words = lang_for(lang)
    labels = {words.label("kind", s[0]) for s in STORIES} | {words.label("trigger", s[1]) for s in STORIES}
    axis = [t for t in drawn if not t["cell"]]
    assert labels <= {t["text"] for t in axis}, axis  # every kind and trigger on its axis
    cells = [t for t in drawn if t["cell"]]
    assert sorted(t["text"] for t in cells) == ["n=1"] * len(STORIES), cells  # each pair's n in its cell
    assert [t for t in drawn if t["px"] < LEGIBLE_PX or not t["inside"]] == []  # legible, none cut off
    assert words.gettext("No pair has %(min)s gestures yet.", min=MIN_GROUP_N) in note
