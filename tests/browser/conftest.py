"""Browser tests: Playwright drives Debian's chromium against the app served from a thread.

Never `playwright install`: we use the `chromium` on PATH. Without it the tests skip with a reason,
except when CI is set, where they fail. Every test here runs at both tablet viewports (portrait
768x1024, landscape 1024x768); parametrize `lang` (["nl", "en"]) where a test must run in both languages.
Screenshots go to test-artifacts/screenshots/ (gitignored): look at them.
"""

import os
import re
import shutil
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest
from werkzeug.serving import make_server

CHROMIUM = shutil.which("chromium")
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
VIEWPORTS = {
    "portrait": {"width": 768, "height": 1024},
    "landscape": {"width": 1024, "height": 768},
}
LOCALES = {"nl": "nl-NL", "en": "en-GB"}
SCREENSHOT_DIR = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
NO_CHROMIUM = "chromium is not on PATH (Debian: apt-get install chromium); browser tests need it"


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.browser)
            if CHROMIUM is None and not os.environ.get("CI"):
                item.add_marker(pytest.mark.skip(reason=NO_CHROMIUM))


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if CHROMIUM is None:  # only reached with CI set: there the browser tests must run
        pytest.fail(NO_CHROMIUM + " — CI is set, so this is a failure, not a skip")
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_FLAGS}


@pytest.fixture(scope="session")
def base_url():
    # Replaces pytest-playwright's own base_url fixture, which pytest now warns about (warnings are
    # errors here); tests build URLs with live_server("/path").
    return None


@pytest.fixture(params=list(VIEWPORTS), ids=list(VIEWPORTS))
def viewport(request) -> str:
    """The tablet orientation this test runs in ("portrait" or "landscape")."""
    return request.param


@pytest.fixture
def lang() -> str:
    """The browser's language; parametrize with ["nl", "en"] where both matter."""
    return "en"


@pytest.fixture
def browser_context_args(browser_context_args, viewport, lang):
    # The tablet pages register a service worker (web/static/sw.js). With one running, Playwright's
    # set_offline no longer holds reliably (microsoft/playwright#2311: a gesture posted "offline" reached
    # the server), so it is blocked here; tests/browser/test_service_worker.py allows it.
    return {**browser_context_args, "viewport": VIEWPORTS[viewport], "has_touch": True,
            "locale": LOCALES[lang], "device_scale_factor": 1, "service_workers": "block"}


@pytest.fixture
def context(new_context):
    ctx = new_context()
    ctx.set_default_timeout(10_000)
    return ctx


@dataclass
class LiveServer:
    url: str
    app: object

    def __call__(self, path: str = "/") -> str:
        """The absolute URL of `path` on this server."""
        return self.url + path


@pytest.fixture
def live_app(engine, db_url):
    """The real app (CSRF on) on the test database."""
    from web import create_app

    app = create_app({
        "TESTING": True,
        "SECRET_KEY": "browser-test-secret",
        "DATABASE_URL": db_url,
        "SESSION_COOKIE_SECURE": False,
        # A loaded CI machine can take longer than the real 6 s between "saved" and the next tap.
        "THANKS_SECONDS": 60,
        # The service worker shows its offline page when a page takes longer than this; 4 s on a real
        # tablet, but a loaded CI machine is slow, not offline.
        "SW_NAVIGATION_TIMEOUT_SECONDS": 30,
    })
    yield app
    app.extensions["engine"].dispose()


@pytest.fixture
def live_server(live_app):
    """Serve the app from a thread on 127.0.0.1 (a free port) for the duration of one test."""
    server = make_server("127.0.0.1", 0, live_app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="live-server", daemon=True)
    thread.start()
    try:
        yield LiveServer(url=f"http://127.0.0.1:{server.server_port}", app=live_app)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def save_screenshot(page, name: str) -> Path:
    """Save a full-page PNG under test-artifacts/screenshots/ and return its path."""
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOT_DIR / (re.sub(r"[^A-Za-z0-9_.-]+", "-", name) + ".png")
    page.screenshot(path=str(path), full_page=True)
    return path


@pytest.fixture
def shot(viewport, lang):
    """shot(page, name): a screenshot named after the screen, the viewport and the language."""
    def take(page, name: str) -> Path:
        return save_screenshot(page, f"{name}-{viewport}-{lang}")
    return take
