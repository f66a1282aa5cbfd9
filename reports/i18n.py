"""Report texts in Dutch and English without Flask: plain string tables and Babel number formatting.

The tables live in reports/translations/<lang>.py. Dutch uses informal "je". Money is formatted by
Babel per locale: '€\u00a04,50' in Dutch, '€4.50' in English.
"""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from babel.dates import format_date
from babel.numbers import format_currency, format_decimal, format_percent

from reports.translations import en, nl

LANGUAGES = ("nl", "en")
DEFAULT_LANGUAGE = "en"
_TABLES = {"en": en.TEXTS, "nl": nl.TEXTS}


def normalise(lang: str | None) -> str:
    """A supported language code for anything a caller passes ("nl_NL" → "nl", unknown → English)."""
    code = (lang or "").replace("-", "_").split("_")[0].lower()
    return code if code in LANGUAGES else DEFAULT_LANGUAGE


@dataclass(frozen=True)
class Lang:
    """Texts and formatting for one language (and the installation's currency)."""

    code: str = DEFAULT_LANGUAGE
    currency: str = "EUR"

    def t(self, key: str, **params) -> str:
        """The text for `key`, filled with params; `<key>.one` is used when n == 1 and exists."""
        if params.get("n") == 1 and f"{key}.one" in en.TEXTS:
            key = f"{key}.one"
        template = _TABLES[self.code].get(key) or en.TEXTS[key]
        return template.format(**params) if params else template

    def money(self, cents: int | None) -> str:
        """Integer cents as money in this locale."""
        if cents is None:
            return "–"
        return format_currency(Decimal(cents) / 100, self.currency, locale=self.code)

    def num(self, value: float | None, digits: int = 1) -> str:
        """A number with `digits` decimals in this locale ("3,8" / "3.8")."""
        if value is None:
            return "–"
        return format_decimal(value, format="0." + "0" * digits if digits else "0", locale=self.code)

    def pct(self, share: float | None) -> str:
        """A share as a whole percentage ("25%")."""
        return "–" if share is None else format_percent(share, locale=self.code)

    def day(self, value: date) -> str:
        """A date written out ("9 Feb 2026" / "9 feb 2026")."""
        return format_date(value, format="medium", locale=self.code)

    def label(self, vocabulary: str, code: str | None) -> str:
        """The name of a kind, trigger, follow-up or cost band in this language."""
        return self.t(f"{vocabulary}.{code}") if code else ""

    def pair(self, code: str) -> str:
        """A kind × trigger pair in words: "treat after waiting"."""
        kind, trigger = code.split("|")
        return self.t("pair", kind=self.label("kind", kind), trigger=self.label("trigger", trigger))


def lang_for(code: str | None, currency: str = "EUR") -> Lang:
    """A Lang for a language code (normalised)."""
    return Lang(normalise(code), currency)


def labels(vocabulary: str, lang: str | None) -> dict[str, str]:
    """All labels of a vocabulary ("kind", "trigger", "follow_up", "band", "prompt_kind") in a language."""
    table = _TABLES[normalise(lang)]
    prefix = vocabulary + "."
    return {k[len(prefix):]: v for k, v in en.TEXTS.items() if k.startswith(prefix)} | {
        k[len(prefix):]: v for k, v in table.items() if k.startswith(prefix)}
