"""The manager's report in a real browser: prompts first, evidence expands, charts draw, pages stay light."""

import pytest

from tests.reports.scenes import busy_team
from tests.web.signin import use_cheap_hashing

PASSWORD = "a long and careful passphrase"
FIRST_LOAD_BUDGET = 1_500_000  # bytes transferred for the report page with everything it loads
REPEAT_BUDGET = 100_000
CHARTS = ("mandate-use", "reaction-by-band", "kind-trigger", "trend", "funnel")


def with_manager_password(session, scene):
    """The scene, its manager able to sign in with PASSWORD (cheap hashing must be on)."""
    from ledger.credentials import hash_secret

    scene.manager.password_hash = hash_secret(PASSWORD)
    session.add(scene.manager)
    session.commit()
    return scene


@pytest.fixture
def manager_scene(session, monkeypatch):
    use_cheap_hashing(monkeypatch)
    return with_manager_password(session, busy_team(session))


class Traffic:
    """Bytes that really crossed the network (0 for what the browser cache served), via Chrome's CDP."""

    def __init__(self, context, page):
        self.total = 0
        self.urls: dict[str, int] = {}
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        self._ids: dict[str, str] = {}
        cdp.on("Network.requestWillBeSent", self._sent)
        cdp.on("Network.loadingFinished", self._finished)

    def _sent(self, event):
        self._ids[event["requestId"]] = event["request"]["url"]

    def _finished(self, event):
        size = int(event.get("encodedDataLength", 0))
        self.total += size
        url = self._ids.get(event["requestId"], "?")
        self.urls[url] = self.urls.get(url, 0) + size

    def reset(self):
        self.total, self.urls = 0, {}


def sign_in(page, live_server, scene, path):
    page.goto(live_server(f"/auth/login?next={path}"))
    page.fill("input[name=email]", scene.manager.email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url(f"**{path.split('?')[0]}*")


def test_the_report_shows_prompts_expands_evidence_and_draws_every_chart(page, context, live_server,
                                                                          manager_scene, shot):
    problems = []
    page.on("console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    path = f"/reports/{manager_scene.team.id}?week=2026-W45"
    sign_in(page, live_server, manager_scene, path)

    first = page.locator("article.prompt").first
    assert first.is_visible()
    assert first.bounding_box()["y"] < page.locator("#charts-title").bounding_box()["y"]
    for chart in CHARTS:  # each chart is drawn as it scrolls into view
        page.locator(f"#chart-{chart}").scroll_into_view_if_needed()
        page.wait_for_selector(f"#chart-{chart} .chart.is-drawn .main-svg", state="attached")
    page.evaluate("window.scrollTo(0, 0)")

    evidence = first.locator("details.evidence")
    evidence.locator("summary").click()
    assert evidence.locator(".story").first.is_visible()
    shot(page, "report-week45")
    assert problems == [], "\n".join(problems)


def test_a_report_page_is_light_on_first_load_and_lighter_on_a_repeat_visit(page, context, live_server,
                                                                             manager_scene):
    path = f"/reports/{manager_scene.team.id}?week=2026-W45"
    sign_in(page, live_server, manager_scene, "/")  # no plotly there: the report assets are not cached
    traffic = Traffic(context, page)
    page.goto(live_server(path))
    page.locator("#chart-funnel").scroll_into_view_if_needed()
    page.wait_for_selector("#chart-funnel .main-svg", state="attached")
    first = traffic.total
    assert first < FIRST_LOAD_BUDGET, traffic.urls
    assert any("plotly" in url and size > 100_000 for url, size in traffic.urls.items())  # really fetched

    traffic.reset()
    page.goto(live_server(path))
    page.locator("#chart-funnel").scroll_into_view_if_needed()
    page.wait_for_selector("#chart-funnel .main-svg", state="attached")
    assert traffic.total < REPEAT_BUDGET, traffic.urls


# Whether report.js has asked for plotly.js once its own DOMContentLoaded work is done (a window listener
# runs after the document's): the moment that decides if the library competes with the first paint.
PLOTLY_ASKED_AT_DCL = """window.addEventListener('DOMContentLoaded', () => {
  window.__plotlyAsked = document.querySelector('script[src*="/vendor/plotly-"]') !== null; });"""


def test_plotly_waits_for_the_first_paint_on_a_first_visit_and_not_once_this_browser_has_it(
        page, context, live_server, manager_scene):
    # First visit: the download and compile would compete with the prompts' first paint, so report.js asks
    # for plotly.js after it. Once run, the file is cached for a year and is asked for at once (DESIGN §7:
    # every chart within 400 ms warm).
    context.add_init_script(PLOTLY_ASKED_AT_DCL)
    path = f"/reports/{manager_scene.team.id}?week=2026-W45"
    sign_in(page, live_server, manager_scene, path)
    assert page.evaluate("window.__plotlyAsked") is False
    page.wait_for_function("() => window.Plotly !== undefined")
    page.goto(live_server(path))
    assert page.evaluate("window.__plotlyAsked") is True
    page.wait_for_function("() => window.Plotly !== undefined")


def test_printing_shows_every_chart_as_a_table(page, live_server, manager_scene, shot):
    path = f"/reports/{manager_scene.team.id}/print?week=2026-W45"
    sign_in(page, live_server, manager_scene, path)
    page.emulate_media(media="print")
    assert page.locator("table.data-table").count() == len(CHARTS)
    assert page.locator(".review").count() == 0
    shot(page, "report-print")


DESKTOPS = {"1280x900": {"width": 1280, "height": 900}, "1920x1080": {"width": 1920, "height": 1080}}


def desktop_page(browser, live_server, scene, path, *, size, lang="en", javascript=True):
    context = browser.new_context(viewport=DESKTOPS[size], locale={"nl": "nl-NL", "en": "en-GB"}[lang],
                                  java_script_enabled=javascript)
    page = context.new_page()
    sign_in(page, live_server, scene, path)
    return context, page


@pytest.mark.parametrize("size", list(DESKTOPS))
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_at_desktop_sizes_five_prompts_come_first_and_every_chart_draws_as_it_scrolls_into_view(
        browser, live_server, manager_scene, size, lang):
    from tests.browser.conftest import save_screenshot

    path = f"/reports/{manager_scene.team.id}?week=2026-W45"
    context, page = desktop_page(browser, live_server, manager_scene, path, size=size, lang=lang)
    problems = []
    page.on("console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.reload()
    first = page.locator("section.prompts > article.prompt")
    assert 1 <= first.count() <= 5 and first.first.is_visible()
    assert page.locator("details.more-prompts > summary").is_visible()
    for chart in CHARTS:
        page.locator(f"#chart-{chart}").scroll_into_view_if_needed()
        page.wait_for_selector(f"#chart-{chart} .chart.is-drawn .main-svg", state="attached")
    page.evaluate("window.scrollTo(0, 0)")
    save_screenshot(page, f"report-week45-{size}-{lang}")
    context.close()
    assert problems == [], "\n".join(problems)


def test_without_javascript_the_prompts_and_every_chart_table_are_there(browser, live_server, manager_scene):
    from tests.browser.conftest import save_screenshot

    path = f"/reports/{manager_scene.team.id}?week=2026-W45"
    context, page = desktop_page(browser, live_server, manager_scene, path, size="1280x900",
                                 javascript=False)
    first = page.locator("section.prompts > article.prompt")
    assert 1 <= first.count() <= 5 and first.first.is_visible()
    assert first.first.locator(".prompt-question").inner_text().strip()
    more = page.locator("details.more-prompts")
    page.locator("details.more-prompts > summary").click()  # <details> opens without script
    assert more.locator("> article.prompt").first.is_visible()
    assert page.locator("details.chart-table table.data-table").count() == len(CHARTS)
    assert page.locator(".chart .main-svg").count() == 0  # nothing drawn, nothing broken
    save_screenshot(page, "report-week45-no-javascript-1280x900")
    context.close()


# plotly.js keeps the margins it ended up with in _fullLayout._size: equal to the figure's own margins when
# automargin found every label inside them, larger when it had to grow them and draw the chart again.
LAID_OUT = """() => [...document.querySelectorAll('.chart.is-drawn')].map(el => {
  const given = JSON.parse(document.getElementById(el.dataset.figure).textContent).layout.margin;
  const box = el.getBoundingClientRect();
  const labels = [...el.querySelectorAll('.ytick text')].map(t => t.getBoundingClientRect().left);
  return {id: el.dataset.figure, given, final: el._fullLayout._size, left: box.left,
          leftmostLabel: Math.min(...labels)};
})"""


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_each_chart_is_laid_out_once_its_margins_already_fit_its_labels_and_no_name_is_cut_off(
        browser, live_server, manager_scene, lang):
    path = f"/reports/{manager_scene.team.id}?week=2026-W45"
    context, page = desktop_page(browser, live_server, manager_scene, path, size="1280x900", lang=lang)
    for chart in CHARTS:
        page.locator(f"#chart-{chart}").scroll_into_view_if_needed()
        page.wait_for_selector(f"#chart-{chart} .chart.is-drawn .main-svg", state="attached")
    charts = page.evaluate(LAID_OUT)
    context.close()
    assert len(charts) == len(CHARTS)
    for chart in charts:
        assert {side: chart["final"][side] for side in "lrtb"} == chart["given"], chart["id"]
        assert chart["leftmostLabel"] >= chart["left"], chart["id"]  # the names start inside the chart
