"""Browser timings of the manager's report page on the demo hotel's last complete week (issue 10 item 7).

Chromium (the one on PATH, driven by Playwright) loads the page from a server on 127.0.0.1, five times
with an empty cache and five times with a warm one, and reports the medians of
- first paint with the prompts: the first contentful paint; the prompts are in the HTML and no script
  blocks it, so they are what is painted (checked: the first prompt is in the DOM by then);
- every chart drawn: from navigation start until the last chart has been drawn, for a reader who scrolls
  straight down to each chart as soon as the page is there (charts are drawn as they come into view).
Budgets (loopback, Chromium): 250 ms first paint, 700 ms all charts cold, 400 ms warm.
"Warm" is the HTTP cache of one Playwright context, an off-the-record profile: Chromium keeps no V8 code
cache there, so plotly.js is compiled on every visit (~110-130 ms here). A regular profile compiles it from
its code cache from the third visit on (~25-45 ms measured), so real warm visits are faster than this figure.
"""

import logging
import os
import shutil
import statistics
import subprocess
import sys
import threading
from pathlib import Path

from bench import results
from bench.generate import BENCH_DIR
from seed_data.demo.cast import DEMO_PASSWORD

FIRST_PAINT_BUDGET_MS = 250
CHARTS_COLD_BUDGET_MS = 700
CHARTS_WARM_BUDGET_MS = 400
RUNS = 5
DEMO_TEAM = "Harbour Hotel · Front desk"
DEMO_MANAGER = "marieke@harbour-hotel.example"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]

# Runs in the page: scroll to each chart in turn (one frame apart, as a quick reader would), then wait
# until every chart reports it is drawn; answers the paint and draw moments in ms since navigation start.
MEASURE_JS = """
async () => {
  const frame = () => new Promise(r => requestAnimationFrame(() => r()));
  const charts = [...document.querySelectorAll('.chart[data-figure]')];
  for (const el of charts) { el.scrollIntoView(); await frame(); }
  while (document.querySelectorAll('.chart.is-drawn').length < charts.length) { await frame(); }
  const fcp = performance.getEntriesByName('first-contentful-paint')[0];
  const nav = performance.getEntriesByType('navigation')[0];
  return {fcp: fcp ? fcp.startTime : null, ttfb: nav.responseStart, drawn: Math.max(...window.__drawn),
          charts: charts.length,
          promptsAtPaint: window.__promptsAtDcl};
}
"""
INIT_JS = """
window.__drawn = [];
document.addEventListener('report:chart-drawn', () => window.__drawn.push(performance.now()));
document.addEventListener('DOMContentLoaded', () => {
  window.__promptsAtDcl = document.querySelectorAll('section.prompts > article.prompt').length;
});
"""


def demo_database(log=print) -> Path | None:
    """The demo installation for the bench (made once with `gesture-ledger demo`, migrated to the newest
    schema on every run); None when either step fails."""
    path = BENCH_DIR / "demo-report-page.db"
    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{path.resolve()}", "FLASK_DEBUG": "1"}
    command = Path(sys.executable).with_name("gesture-ledger")
    step = ["init"] if path.exists() else ["demo", "--yes"]
    done = subprocess.run([str(command), *step], env=env,  # noqa: S603 - our own CLI
                          capture_output=True, text=True, check=False)
    if done.returncode != 0:
        log("  could not prepare the demo database:", (done.stderr or done.stdout).strip().splitlines()[-1:])
        return None
    return path


def _serve(db: Path):
    """The app on 127.0.0.1 (a free port) in a thread; returns (base URL, server)."""
    from werkzeug.serving import make_server

    from web import create_app

    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # one line per request would bury the figures
    app = create_app({"SECRET_KEY": os.urandom(16).hex(), "DATABASE_URL": f"sqlite:///{db.resolve()}",
                      "SESSION_COOKIE_SECURE": False})
    server = make_server("127.0.0.1", 0, app, threaded=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}", server, app


def _team_url(app, base: str) -> str:
    from sqlmodel import Session, select

    from ledger.models import Team
    from ledger.types import utcnow
    from ledger.weeks import last_complete_week

    with Session(app.extensions["engine"]) as session:
        team = session.exec(select(Team).where(Team.name == DEMO_TEAM)).one()
        week = last_complete_week(utcnow(), team.timezone)
    return f"{base}/reports/{team.id}?week={week}"


def _signed_in_state(browser, base: str, url: str) -> dict:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    page = context.new_page()
    page.goto(f"{base}/auth/login?next={url.removeprefix(base)}")
    page.fill("input[name=email]", DEMO_MANAGER)
    page.fill("input[name=password]", DEMO_PASSWORD)
    page.locator("form button[type=submit]").last.click()
    page.wait_for_url("**/reports/**")
    state = context.storage_state()
    context.close()
    return state


def _measure(page, url: str) -> dict:
    page.goto(url, wait_until="domcontentloaded")
    return page.evaluate(MEASURE_JS)


def _runs(browser, state: dict, url: str, *, warm: bool) -> list[dict]:
    results = []
    context = None
    for _ in range(RUNS):
        if context is None or not warm:
            if context is not None:
                context.close()
            context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB",
                                          storage_state=state)
            context.add_init_script(INIT_JS)
            if warm:
                _measure(context.new_page(), url)  # fill the cache once
        page = context.new_page()
        results.append(_measure(page, url))
        page.close()
    context.close()
    return results


def _line(name: str, values: list[float], budget: float) -> bool:
    median = statistics.median(values)
    ok = median <= budget
    spread = ", ".join(f"{v:.0f}" for v in values)
    print(f"  {name:<34} {median:6.0f} ms  (budget {budget:.0f} ms, {median / budget:4.2f}×)  "
          f"{'ok' if ok else 'OVER'}   runs: {spread}")
    results.add(f"Report page in Chromium: {name}", f"{median:.0f} ms", f"≤ {budget:.0f} ms", ok, database="")
    return ok


def report_page(log=print) -> bool:
    """Time the report page in Chromium, cold and warm; True when every median is within its budget."""
    log("\nReport page in Chromium (demo hotel, last complete week; median of 5)")
    chromium = shutil.which("chromium")
    if chromium is None:
        log("  skipped: chromium is not on PATH (Debian: apt-get install chromium)")
        return True
    db = demo_database(log)
    if db is None:
        return False
    from playwright.sync_api import sync_playwright

    base, server, app = _serve(db)
    try:
        url = _team_url(app, base)
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
            state = _signed_in_state(browser, base, url)
            cold = _runs(browser, state, url, warm=False)
            warm = _runs(browser, state, url, warm=True)
            browser.close()
    finally:
        server.shutdown()
    charts = cold[0]["charts"]
    log(f"  {url.removeprefix(base)}: {charts} charts, {cold[0]['promptsAtPaint']} prompts in the first HTML")
    print(f"  (server answer, first byte: cold {statistics.median([r['ttfb'] for r in cold]):.0f} ms, "
          f"warm {statistics.median([r['ttfb'] for r in warm]):.0f} ms; load average "
          f"{os.getloadavg()[0]:.1f} on {os.cpu_count()} cores — a loaded machine stretches every figure)")
    ok = _line("first paint with prompts, cold", [r["fcp"] for r in cold], FIRST_PAINT_BUDGET_MS)
    ok = _line("first paint with prompts, warm", [r["fcp"] for r in warm], FIRST_PAINT_BUDGET_MS) and ok
    ok = _line("every chart drawn, cold cache", [r["drawn"] for r in cold], CHARTS_COLD_BUDGET_MS) and ok
    return _line("every chart drawn, warm cache", [r["drawn"] for r in warm], CHARTS_WARM_BUDGET_MS) and ok
