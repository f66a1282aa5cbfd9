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

import hashlib
import io
import os
from dataclasses import dataclass

from flask import Flask, Response, abort, current_app, send_file
from werkzeug.security import safe_join


@dataclass(frozen=True)
class _Loaded:
    stamp: tuple[int, int]  # (size, mtime in ns): a changed file is read again
    data: bytes
    etag: str
    modified: float


def _load(path: str, stat: os.stat_result) -> _Loaded:
    with open(path, "rb") as file:
        data = file.read()
    digest = hashlib.sha256(data).hexdigest()[:20]
    return _Loaded((stat.st_size, stat.st_mtime_ns), data, digest, stat.st_mtime)


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
    return send_file(io.BytesIO(item.data), download_name=os.path.basename(path), etag=item.etag,
                     last_modified=item.modified, max_age=current_app.get_send_file_max_age(filename))


def init_app(app: Flask) -> None:
    """Answer the `static` endpoint from memory instead of from an open file."""
    app.view_functions["static"] = send_static
