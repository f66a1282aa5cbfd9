"""The report's chart text stays legible at the narrowest size the report is read at (a 768 px tablet).

plotly.js shrinks text that is wider than its shape: a heatmap's cells all take the size at which the
longest line of any cell fits, and a bar's outside text is scaled to the bar's width. Long Dutch words
in one thin cell or band made all of it 2-6 px, so this measures what the browser really drew.
"""

from datetime import timedelta

import pytest

from ledger.weeks import week_bounds
from tests.browser.conftest import LOCALES, VIEWPORTS, save_screenshot
from tests.browser.test_report_page import CHARTS, sign_in, with_manager_password
from tests.reports.scenes import WEEK, add_gesture, busy_team
from tests.web.signin import use_cheap_hashing

LEGIBLE_PX = 11

# Every text plotly drew in a chart, at the size it appears on screen: its font size times the scale of
# its transform (plotly scales a bar's text down rather than changing its font size).
DRAWN_TEXT = """(id) => {
  const chart = document.querySelector('#chart-' + id + ' .chart');
  const box = chart.getBoundingClientRect();
  const texts = [...chart.querySelectorAll('.main-svg text')].filter(t => t.textContent.trim());
  return {overflow: chart.scrollWidth - chart.clientWidth, texts: texts.map(t => {
    const m = t.getScreenCTM(), r = t.getBoundingClientRect();
    return {text: t.textContent, cell: !!t.closest('g.heatmap-label'),
            px: parseFloat(getComputedStyle(t).fontSize) * Math.hypot(m.a, m.b),
            inside: r.left >= box.left - 1 && r.right <= box.right + 1};
  })};
}"""


@pytest.fixture
def thin_scene(session, monkeypatch):
    """One week of the busy team: most kind x trigger pairs and three cost bands too thin to say much."""
    use_cheap_hashing(monkeypatch)
    scene = busy_team(session, weeks=1)
    start, _end = week_bounds(WEEK, scene.team.timezone)
    for hour in range(5):  # one pair and one band with enough gestures to be drawn in colour
        add_gesture(session, scene.team, scene.staff[hour % 4], start + timedelta(days=1, hours=9 + hour),
                    "treat", "waiting", 450, 5)
    return with_manager_password(session, scene)


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_on_a_portrait_tablet_every_charts_text_is_drawn_at_a_legible_size_inside_its_chart(
        browser, live_server, thin_scene, lang):
    context = browser.new_context(viewport=VIEWPORTS["portrait"], locale=LOCALES[lang], has_touch=True)
    page = context.new_page()
    sign_in(page, live_server, thin_scene, f"/reports/{thin_scene.team.id}?week=2026-W45")
    drawn = {}
    for chart in CHARTS:
        page.locator(f"#chart-{chart}").scroll_into_view_if_needed()
        page.wait_for_selector(f"#chart-{chart} .chart.is-drawn .main-svg", state="attached")
        drawn[chart] = page.evaluate(DRAWN_TEXT, chart)
    save_screenshot(page, f"report-thin-week-portrait-{lang}")
    context.close()

    cells = [t for t in drawn["kind-trigger"]["texts"] if t["cell"]]
    assert len(cells) >= 2 and min(t["px"] for t in cells) >= LEGIBLE_PX, cells
    assert drawn["kind-trigger"]["overflow"] <= 0  # the heatmap fits its box: no sideways scrollbar
    for chart, found in drawn.items():
        small = [(t["text"], round(t["px"], 1)) for t in found["texts"] if t["px"] < LEGIBLE_PX]
        assert small == [], chart
        assert [t["text"] for t in found["texts"] if not t["inside"]] == [], chart  # nothing cut off
