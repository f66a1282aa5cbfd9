"""Reading a JSON request body with limits, for every JSON endpoint (the outbox and API v1).

Python's json decoder recurses once per nesting level and raises RecursionError (a 500) near 1,000
levels, and it accepts NaN and Infinity, which are not JSON. So the body is read with a size limit
(413, also for a chunked body that sends no Content-Length), its nesting is counted without recursion
before it is decoded (400 beyond MAX_DEPTH), and the decoder refuses the non-JSON constants (400).
"""

import json
import re

from flask import current_app, g, request
from werkzeug.exceptions import BadRequest, RequestEntityTooLarge, UnsupportedMediaType

MAX_BODY_BYTES = 64 * 1024  # a gesture is < 2 KB; app.config["API_MAX_BODY_BYTES"] overrides it
MAX_DEPTH = 32  # our bodies are 1-2 levels deep
_CHUNK = 16 * 1024
# A JSON string (with its escapes), then any bracket: only brackets outside strings count as nesting.
_STRING_OR_BRACKET = re.compile(r'"(?:[^"\\]|\\.)*"?|[\[\]{}]')


class BodyError(BadRequest):
    """A body that is not the JSON asked for; `error` is the short code the problem document carries."""

    def __init__(self, error: str, description: str):
        super().__init__(description)
        self.error = error


def max_body_bytes(config=None) -> int:
    """The largest body a JSON endpoint reads (this app's, or the given config's)."""
    return int((current_app.config if config is None else config).get("API_MAX_BODY_BYTES", MAX_BODY_BYTES))


def raw_body(limit: int | None = None) -> bytes:
    """The request body, read at most once; 413 when it is longer than `limit` (declared or sent)."""
    if "raw_body" in g:
        return g.raw_body
    limit = max_body_bytes() if limit is None else limit
    if request.content_length is not None and request.content_length > limit:
        raise RequestEntityTooLarge()
    parts, size = [], 0
    while size <= limit:
        chunk = request.stream.read(min(_CHUNK, limit + 1 - size))
        if not chunk:
            break
        parts.append(chunk)
        size += len(chunk)
    if size > limit:  # a chunked body gives no length up front: stop reading once it is over the limit
        raise RequestEntityTooLarge()
    g.raw_body = b"".join(parts)
    return g.raw_body


def nesting_depth(text: str) -> int:
    """The deepest nesting of arrays and objects in a JSON text, counted without recursion."""
    depth = deepest = 0
    for match in _STRING_OR_BRACKET.finditer(text):
        found = match.group()
        if found in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif found in "]}":
            depth -= 1
    return deepest


def _no_constant(name: str):
    raise ValueError(f"{name} is not JSON")


def json_body(*, limit: int | None = None, max_depth: int = MAX_DEPTH) -> object:
    """The decoded JSON body: 415 for another content type, 413 when too large, 400 when not JSON."""
    if not request.is_json:
        raise UnsupportedMediaType("send the body as application/json")
    return decode_json(raw_body(limit), charset=request.mimetype_params.get("charset", "utf-8"),
                       max_depth=max_depth)


def decode_json(raw: bytes, *, charset: str = "utf-8", max_depth: int = MAX_DEPTH) -> object:
    """Bytes → JSON value; BodyError (400) for another charset, bad UTF-8, deep nesting or no JSON."""
    charset = charset.lower()
    try:
        if charset not in ("utf-8", "utf8"):  # JSON is UTF-8 (RFC 8259 §8.1)
            raise LookupError(charset)
        text = raw.decode("utf-8")
    except (LookupError, UnicodeDecodeError):
        raise BodyError("encoding", "the body is not UTF-8 text") from None
    if nesting_depth(text) > max_depth:
        raise BodyError("too_deep", f"the JSON is nested deeper than {max_depth} levels")
    try:
        return json.loads(text, parse_constant=_no_constant)
    except (ValueError, RecursionError):
        raise BodyError("not_json", "the body is not valid JSON") from None


def json_object(**limits) -> dict:
    """The decoded JSON body, which must be an object (400 otherwise)."""
    body = json_body(**limits)
    if not isinstance(body, dict):
        raise BodyError("not_object", "expected a JSON object")
    return body
