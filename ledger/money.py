"""Money at the edges: a strict parser from what people type to integer cents.

WTForms' DecimalField accepts "snan", "٣" and "1_000"; this parser accepts only plain digits with an
optional "," or "." decimal mark and at most two decimals, optionally preceded by "€".
"""

import re

MAX_CENTS = 100_000_00  # €100,000: anything above is a typo, not a gesture

_MONEY_RE = re.compile(r"^(?:€\s?)?([0-9]{1,9})(?:[.,]([0-9]{1,2}))?$")


class MoneyError(ValueError):
    """The text is not an amount; `code` says why ("format", "negative", "too_large")."""

    def __init__(self, code: str):
        self.code = code
        super().__init__(code)


def parse_cents(text: str) -> int:
    """Parse "4,50", "4.50", "€ 4", "20" into cents; raises MoneyError with a reason code."""
    cleaned = (text or "").strip().replace("\u00a0", " ")
    if cleaned.startswith("-"):
        raise MoneyError("negative")
    m = _MONEY_RE.match(cleaned)
    if not m:
        raise MoneyError("format")
    cents = int(m[1]) * 100 + int((m[2] or "0").ljust(2, "0"))
    if cents > MAX_CENTS:
        raise MoneyError("too_large")
    return cents
