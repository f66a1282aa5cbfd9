"""Turning the text of one CSV cell into a typed value, with a plain-English reason when it cannot be.

Dates are ISO 8601 ("2026-03-02 14:30", with or without "T", seconds or an offset). Because Dutch Excel
rewrites ISO dates it opens into its own short format, "2-3-2026 14:30" (day first) is accepted too.
"""

import re
import uuid
from datetime import date, datetime
from zoneinfo import ZoneInfo

from ledger.money import MoneyError, parse_cents

_DUTCH_DATE = re.compile(r"^(\d{1,2})-(\d{1,2})-(\d{4})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$")


class CellError(ValueError):
    """The cell's text is not a value of the expected type; the message says why, in plain English."""


def money(text: str, *, default: int | None = 0) -> int:
    """Euros as written ("4,50", "4.50", "€ 4") to cents; an empty cell gives `default`."""
    if not text.strip():
        if default is None:
            raise CellError("is empty; give an amount in euros like 4,50")
        return default
    try:
        return parse_cents(text)
    except MoneyError as exc:
        reasons = {"negative": "must not be negative", "too_large": "is far too large to be an amount"}
        raise CellError(reasons.get(exc.code, f"{text!r} is not an amount in euros like 4,50")) from None


def whole_number(text: str, *, default: int | None = 0) -> int:
    """A whole number ("15"); an empty cell gives `default`."""
    text = text.strip()
    if not text:
        if default is None:
            raise CellError("is empty; give a whole number")
        return default
    if not re.fullmatch(r"-?[0-9]{1,9}", text):
        raise CellError(f"{text!r} is not a whole number")
    return int(text)


def optional_whole_number(text: str) -> int | None:
    """A whole number, or None for an empty cell: unknown stays unknown (an empty minutes cell is not 0)."""
    return whole_number(text) if text.strip() else None


def local_date(text: str) -> date:
    """A calendar date: "2026-03-02" or the Dutch "2-3-2026"."""
    text = text.strip()
    if not text:
        raise CellError("is empty; give a date like 2026-03-02")
    m = _DUTCH_DATE.match(text)
    try:
        if m and m[4] is None:
            return date(int(m[3]), int(m[2]), int(m[1]))
        return date.fromisoformat(text)
    except ValueError:
        raise CellError(f"{text!r} is not a date like 2026-03-02") from None


def moment(text: str, tz: str) -> datetime:
    """An aware timestamp; without an offset the time is read as local time in the zone `tz`."""
    text = text.strip()
    if not text:
        raise CellError("is empty; give a date and time like 2026-03-02 14:30")
    try:
        value = _dutch_moment(text) or datetime.fromisoformat(text)
    except ValueError:
        raise CellError(f"{text!r} is not a date and time like 2026-03-02 14:30") from None
    if value.tzinfo is None:
        value = value.replace(tzinfo=ZoneInfo(tz))
    return value


def _dutch_moment(text: str) -> datetime | None:
    m = _DUTCH_DATE.match(text)
    if not m:
        return None
    day, month, year = int(m[1]), int(m[2]), int(m[3])
    hour, minute, second = (int(m[4] or 0), int(m[5] or 0), int(m[6] or 0))
    return datetime(year, month, day, hour, minute, second)


def gesture_id(text: str) -> uuid.UUID | None:
    """A UUID, or None for an empty cell."""
    text = text.strip()
    if not text:
        return None
    try:
        return uuid.UUID(text)
    except ValueError:
        raise CellError(f"{text!r} is not an id like 3f2c8a54-1b7e-4c0e-9a51-0c6f4d2e7b10") from None


def codes(text: str) -> list[str]:
    """A list of codes separated by ";" or "," (e.g. "gift;treat"), lower-cased."""
    return [part.strip().lower() for part in re.split(r"[;,]", text) if part.strip()]


def names(text: str) -> list[str]:
    """A list of names separated by ";" (names may contain commas)."""
    return [part.strip() for part in text.split(";") if part.strip()]
