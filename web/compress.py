"""Text answers gzipped when the browser accepts it (DESIGN §7: the log screen under 40 KB on a first load).

A tablet on a hotel's Wi-Fi pays for every byte; HTML, CSS, JS, JSON and SVG shrink four- to tenfold.
Answers of 1 KB or more are compressed once, in after_request, at a middling level (a 30 KB page costs
well under a millisecond); static files are compressed once per version by web/static_files.py and the
report's assets by web/manager_reports/assets.py, so neither is compressed again here. Small answers,
such as the outbox's JSON reply, are left alone: gzip would cost more than it saves.
"""

import gzip

from flask import Flask, Response, request

MIN_BYTES = 1024
LEVEL = 6
TEXT_TYPES = ("text/", "application/json", "application/problem+json", "application/javascript",
               "application/manifest+json", "image/svg+xml")


def accepts_gzip() -> bool:
    """The browser said it reads gzip (and did not refuse it with q=0)."""
    return request.accept_encodings["gzip"] > 0


def _compressible(response: Response) -> bool:
    return (response.status_code == 200 and not response.direct_passthrough and not response.is_streamed
            and "Content-Encoding" not in response.headers and "Content-Range" not in response.headers
            and (response.mimetype or "").startswith(TEXT_TYPES))


def _gzip(response: Response) -> Response:
    if not _compressible(response):
        return response
    response.vary.add("Accept-Encoding")  # a cache must not give the gzipped body to another client
    if not accepts_gzip():
        return response
    body = response.get_data()
    if len(body) < MIN_BYTES:
        return response
    response.set_data(gzip.compress(body, compresslevel=LEVEL, mtime=0))
    response.headers["Content-Encoding"] = "gzip"
    return response


def init_app(app: Flask) -> None:
    """Compress every text answer on its way out."""
    app.after_request(_gzip)
