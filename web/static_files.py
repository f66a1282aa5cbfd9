"""/static/… served from memory, so no request ever holds a static file open.

Flask's own static view hands the server an open file, which the server must close after the response.
Werkzeug's server (`make run`, the browser tests) skips that close when the browser drops the connection
while the server drains the request: reading the rest raises ConnectionResetError before
`application_iter.close()` runs. The file was then closed by the garbage collector with a ResourceWarning,
which warnings-as-errors turned into a failed browser test (a tablet going offline drops requests).
The files are small (the tablet shell; plotly goes through web/manager_reports/assets.py, also from
memory), so each is read once per version (size and mtime) and answered from bytes; Flask's send_file
still does the conditional requests, ranges and cache headers as before.
"""

import gzip
import hashlib
import io
import mimetypes
import os
from dataclasses import dataclass

from flask import Flask, Response, abort, current_app, request, send_file
from werkzeug.security import safe_join

from web.compress import MIN_BYTES, TEXT_TYPES, accepts_gzip


@dataclass(frozen=True)
class _Loaded:
    stamp: tuple[int, int]  # (size, mtime in ns): a changed file is read again
    data: bytes
    etag: str
    modified: float
    gz: bytes | None  # gzipped once per version, for text files where it pays (web/compress.py)


def _load(path: str, stat: os.stat_result) -> _Loaded:
    with open(path, "rb") as file:
        data = file.read()
    digest = hashlib.sha256(data).hexdigest()[:20]
    gz = gzip.compress(data, compresslevel=9, mtime=0) if _worth_gzip(path, data) else None
    return _Loaded((stat.st_size, stat.st_mtime_ns), data, digest, stat.st_mtime, gz)


def _worth_gzip(path: str, data: bytes) -> bool:
    return len(data) >= MIN_BYTES and (mimetypes.guess_type(path)[0] or "").startswith(TEXT_TYPES + (
        "application/xml",))


def _loaded(path: str) -> _Loaded:
    try:
        stat = os.stat(path)
    except OSError:
        abort(404)
    if not os.path.isfile(path):
        abort(404)
    cache = current_app.extensions.setdefault("static_files", {})
    item = cache.get(path)
    if item is None or item.stamp != (stat.st_size, stat.st_mtime_ns):
        item = cache[path] = _load(path, stat)
    return item


def send_static(filename: str) -> Response:
    """The static file `filename` from bytes in memory, with Flask's usual caching and range handling."""
    path = safe_join(str(current_app.static_folder), filename)
    if path is None:
        abort(404)
    item = _loaded(path)
    zipped = item.gz is not None and accepts_gzip() and "Range" not in request.headers
    response = send_file(io.BytesIO(item.gz if zipped else item.data), download_name=os.path.basename(path),
                         etag=item.etag + ("-gz" if zipped else ""), last_modified=item.modified,
                         max_age=current_app.get_send_file_max_age(filename),
                         mimetype=mimetypes.guess_type(path)[0])
    if item.gz is not None:
        response.vary.add("Accept-Encoding")
    if zipped:
        response.headers["Content-Encoding"] = "gzip"
    return response


def init_app(app: Flask) -> None:
    """Answer the `static` endpoint from memory instead of from an open file."""
    app.view_functions["static"] = send_static
