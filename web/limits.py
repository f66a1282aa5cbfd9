"""The body size limit, held for chunked bodies too (a 20 MB chunked POST answers 413).

Werkzeug checks MAX_CONTENT_LENGTH against a declared Content-Length. A chunked body declares none:
its stream is then cut at the limit without an error, so a form parser would quietly read a truncated
form. Before anything reads the body (the CSRF check reads the form), a chunked body is read here up
to the limit plus one byte: over the limit is a 413; otherwise the body is put back with its length.
"""

import io

from flask import Flask, request
from werkzeug.exceptions import RequestEntityTooLarge


def _hold_chunked_body_to_the_limit() -> None:
    environ = request.environ
    limit = request.max_content_length
    if limit is None or request.content_length is not None or "wsgi.input_terminated" not in environ:
        return  # a declared length is checked by Werkzeug; an unterminated stream is read as empty
    body = environ["wsgi.input"].read(limit + 1)
    if len(body) > limit:
        raise RequestEntityTooLarge()
    environ["wsgi.input"], environ["CONTENT_LENGTH"] = io.BytesIO(body), str(len(body))


def init_app(app: Flask) -> None:
    """Register the check first, so it runs before every other before_request hook (CSRF included)."""
    app.before_request_funcs.setdefault(None, []).insert(0, _hold_chunked_body_to_the_limit)
