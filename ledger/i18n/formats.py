"""One formatter per kind of value, on Babel: money, numbers, shares and dates in a locale.

Money is integer cents everywhere; this is the only place it becomes text. A quick pick ("€ 5") leaves
out the decimals through the locale's own currency pattern with no fraction digits, never by cutting
",00" off a string (which turned 100000 cents into "€10").
"""

from copy import copy
from datetime import date, time
from decimal import Decimal
from functools import cache, lru_cache

from babel import Locale
from babel.dates import format_date, format_time
from babel.numbers import NumberPattern, format_currency, format_decimal, format_percent

from ledger.i18n.catalogue import normalise

DEFAULT_CURRENCY = "EUR"
DASH = "–"


@cache
def _whole_pattern(locale: str) -> NumberPattern:
    # The locale's standard currency pattern (symbol place, spacing, grouping), without fraction digits.
    pattern = copy(Locale.parse(locale).currency_formats["standard"])
    pattern.frac_prec = (0, 0)
    return pattern


# A report page writes ~150 amounts, a few dozen distinct ones (prices repeat): Babel's formatting of each
# was ~10 µs, the cache's look-up is well under one.
@lru_cache(maxsize=4096)
def money(cents: int | None, lang: str, currency: str = DEFAULT_CURRENCY, *, whole: bool = False) -> str:
    """Cents as money: '€\u00a01.000,00' / '€1,000.00'; `whole` writes round euros as '€\u00a05' / '€5'."""
    if cents is None:
        return DASH
    locale, amount = normalise(lang), Decimal(cents) / 100
    if whole and cents % 100 == 0:
        return format_currency(amount, currency, format=_whole_pattern(locale), locale=locale,
                               currency_digits=False)
    return format_currency(amount, currency, locale=locale)


def number(value: float | None, lang: str, digits: int = 1) -> str:
    """A number with `digits` decimals in the locale ("3,8" / "3.8"); a dash when there is none."""
    if value is None:
        return DASH
    return format_decimal(value, format="0." + "0" * digits if digits else "0", locale=normalise(lang))


def percent(share: float | None, lang: str) -> str:
    """A share (0..1) as a whole percentage ("25%")."""
    return DASH if share is None else format_percent(share, format="0%", locale=normalise(lang))


def clock(value: time, lang: str) -> str:
    """A time of day on the 24-hour clock both languages use here ("14:30")."""
    return format_time(value, "HH:mm", locale=normalise(lang))


def day(value: date, lang: str, form: str = "medium") -> str:
    """A date written out ("9 Feb 2026" / "9 feb 2026"), or in another Babel format/pattern."""
    return format_date(value, format=form, locale=normalise(lang))
