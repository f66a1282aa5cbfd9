"""The one URL converter for row ids, registered by the factory before any blueprint adds a rule.

A path segment of 20 digits used to reach the database driver, which cannot bind an integer beyond
64 bits (OverflowError, a 500 on SQLite). Ids in URLs are therefore bounded to 1..2^63-1, the range
both databases store, so anything else is simply "not found" (404). `<id:...>` names it; `<int:...>`
is the same converter, so a rule written with the stock name is bounded too (no rule needs 0 or a
negative number, and none may pass a number the database cannot hold).
"""

from flask import Flask
from werkzeug.routing import IntegerConverter

ID_MIN, ID_MAX = 1, 2**63 - 1


class IdConverter(IntegerConverter):
    """A row id in a URL: 1 to 2^63-1; anything else does not match the rule (404)."""

    def __init__(self, url_map, *_args, **_kwargs):
        super().__init__(url_map, min=ID_MIN, max=ID_MAX)


def bounded_id(text: object) -> int | None:
    """A form or query id as an int, or None when it is not ASCII digits in 1..2^63-1."""
    if not isinstance(text, str) or not text.isascii() or not text.isdigit() or len(text) > 19:
        return None
    number = int(text)
    return number if ID_MIN <= number <= ID_MAX else None


def init_app(app: Flask) -> None:
    """Register the converter as `id` and in place of `int` (before the blueprints add their rules)."""
    app.url_map.converters["id"] = IdConverter
    app.url_map.converters["int"] = IdConverter
