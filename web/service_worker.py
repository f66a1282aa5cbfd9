"""The service worker (/sw.js): which files a tablet keeps, and a version taken from their content.

The worker keeps the static shell of the tablet pages and a small offline page, so a tablet on weak wifi
draws its pages without fetching CSS/JS again, and a reload without network shows our calm offline page
instead of the browser's. The cache name holds a hash of everything it keeps: a deploy that changes any
of it is a new worker with a new cache, and the old cache is deleted when the new worker takes over.
"""

import hashlib
import json
from pathlib import Path

from flask import Response, current_app, request, url_for

from ledger.i18n import TRANSLATIONS

WEB = Path(__file__).resolve().parent
STATIC = WEB / "static"
SW_SOURCE = "sw.js"
# What the tablet pages need to draw themselves (icons are inline SVG, except the favicon and the
# home-screen icons the manifest names).
SHELL_FILES = (
    "app.css", "log.css", "tablet.js", "log.js", "outbox.js", "sw-register.js",
    "manifest.webmanifest", "icons/heart-handshake.svg", "app-icon-192.png", "app-icon-512.png",
)
NAVIGATION_TIMEOUT_SECONDS = 4


def _version_sources() -> list[Path]:
    # The offline page is kept too: its template and wording are part of the version.
    return [*(STATIC / name for name in (*SHELL_FILES, SW_SOURCE)), WEB / "templates" / "offline.html",
            *sorted(TRANSLATIONS.glob("*/LC_MESSAGES/messages.po"))]


def shell_version() -> str:
    """A short hash of every file the worker keeps (and of the worker itself)."""
    digest = hashlib.sha256()
    for path in _version_sources():
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def shell_urls() -> list[str]:
    """The URLs the worker fetches at install: the static shell and the offline page."""
    return [*(url_for("static", filename=name) for name in SHELL_FILES), url_for("main.offline")]


def worker_config() -> dict:
    """What sw.js reads from `self.SHELL_CONFIG` (set in the line the /sw.js route puts before it)."""
    seconds = current_app.config.get("SW_NAVIGATION_TIMEOUT_SECONDS", NAVIGATION_TIMEOUT_SECONDS)
    return {"version": shell_version(), "shell": shell_urls(), "offline": url_for("main.offline"),
            "timeoutMs": int(seconds * 1000)}


class NoCacheResponse(Response):
    # web/headers.py marks every response on a tablet "no-store" after the view has run (right for pages
    # a person saw). The worker script and the offline page hold nothing personal, and the worker must
    # be able to keep the offline page (it refuses no-store responses), so this is set when sending.
    def get_wsgi_headers(self, environ):
        headers = super().get_wsgi_headers(environ)
        headers["Cache-Control"] = "no-cache"
        return headers


def serve_worker() -> Response:
    """sw.js with its configuration line, revalidated on every check (ETag), allowed to control '/'."""
    source = (STATIC / SW_SOURCE).read_text(encoding="utf-8")
    body = f"self.SHELL_CONFIG = {json.dumps(worker_config())};\n{source}"
    response = NoCacheResponse(body, mimetype="application/javascript")
    response.headers["Service-Worker-Allowed"] = "/"
    response.set_etag(hashlib.sha256(body.encode()).hexdigest()[:20])
    return response.make_conditional(request)
