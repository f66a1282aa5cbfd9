"""The report pages' assets (plotly.js, report.js, report.css and the shell's app.css and tablet.js):
fingerprinted URLs, gzip, cached a year.

Only report pages load these, so the tablet's logging page never carries the chart library. Each URL
holds a hash of the file's content, so a new release gets a new URL and browsers may keep the old one
for a year without asking again ("immutable").
"""

import gzip
import hashlib
from dataclasses import dataclass
from pathlib import Path

from flask import Response, abort, current_app, request, url_for
from markupsafe import Markup

STATIC = Path(__file__).resolve().parents[1] / "static"
PLOTLY = "vendor/plotly-report-4.1.1.min.js"  # scatter, bar, heatmap: tools/plotly-bundle
ASSETS = {PLOTLY: "text/javascript", "report.js": "text/javascript", "report.css": "text/css",
          "app.css": "text/css", "tablet.js": "text/javascript"}  # the last two: the shell, on report pages
IMMUTABLE = "public, max-age=31536000, immutable"


@dataclass(frozen=True)
class Asset:
    raw: bytes
    gz: bytes
    mimetype: str
    digest: str


def _load(name: str) -> Asset:
    path = STATIC / name
    raw = path.read_bytes()
    packed = path.with_name(path.name + ".gz")
    gz = packed.read_bytes() if packed.exists() else gzip.compress(raw, compresslevel=9, mtime=0)
    return Asset(raw, gz, ASSETS[name], hashlib.sha256(raw).hexdigest()[:12])


def _asset(name: str) -> Asset:
    cache = current_app.extensions.setdefault("report_assets", {})
    if name not in cache:
        cache[name] = _load(name)
    return cache[name]


class _AssetResponse(Response):
    # The app marks every response to a signed-in person "no-store, Vary: Cookie" after the view has run
    # (right for pages on a shared tablet). A fingerprinted public library holds nothing personal, so
    # these headers are restored when the response is sent.
    def get_wsgi_headers(self, environ):
        headers = super().get_wsgi_headers(environ)
        headers["Cache-Control"] = IMMUTABLE
        headers["Vary"] = "Accept-Encoding"
        return headers


def asset_url(name: str) -> str:
    """The fingerprinted URL of a report asset (for templates)."""
    return url_for("reports.asset", name=name, v=_asset(name).digest)


def inline_css(*names: str) -> Markup:
    """The stylesheets' text, for a <style> element (our own files; "</" escaped as CSS reads it alike)."""
    text = "\n".join(_asset(name).raw.decode() for name in names).replace("</", "<\\/")
    return Markup(text)  # noqa: S704 - our own stylesheets from the package, not user input


def serve(name: str):
    """The asset, gzipped when the browser accepts it, with a year-long immutable cache."""
    if name not in ASSETS:
        abort(404)
    item = _asset(name)
    etag = f'"{item.digest}"'
    if etag in request.headers.get("If-None-Match", ""):
        return _AssetResponse(status=304, headers={"ETag": etag})
    wants_gzip = "gzip" in request.headers.get("Accept-Encoding", "")
    response = _AssetResponse(item.gz if wants_gzip else item.raw, mimetype=item.mimetype)
    if wants_gzip:
        response.headers["Content-Encoding"] = "gzip"
    response.headers["ETag"] = etag
    return response
