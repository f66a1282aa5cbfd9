"""Report texts in Dutch and English without Flask: the one gettext catalogue and the one set of formatters.

Messages are gettext msgids in the code (extracted by pybabel, translated in ledger/i18n/translations);
code labels come from ledger/i18n/labels.py, money and numbers from ledger/i18n/formats.py. Dutch uses
informal "je". `Lang` bundles them for one language so the prompt rules read `lang.gettext(...)`.
"""

from dataclasses import dataclass
from datetime import date

from ledger.i18n import LANGUAGES, catalogue, formats
from ledger.i18n import labels as vocab
from ledger.i18n.catalogue import DEFAULT_LANGUAGE, normalise
from ledger.queries import BAND_5_LIMIT_CENTS, BAND_15_LIMIT_CENTS

__all__ = ["DEFAULT_LANGUAGE", "LANGUAGES", "Lang", "labels", "lang_for", "normalise"]

# The amounts a cost band's label names ("Up to €5", "€5–€15", "Over €15").
_BAND_AMOUNTS = {"up_to_5": {"high": BAND_5_LIMIT_CENTS},
                 "5_to_15": {"low": BAND_5_LIMIT_CENTS, "high": BAND_15_LIMIT_CENTS},
                 "over_15": {"low": BAND_15_LIMIT_CENTS}}


@dataclass(frozen=True)
class Lang:
    """Texts and formatting for one language (and the installation's currency)."""

    code: str = DEFAULT_LANGUAGE
    currency: str = formats.DEFAULT_CURRENCY

    @property
    def lang(self) -> str:
        """The language code (charts read it under this name)."""
        return self.code

    def gettext(self, message: str, **params) -> str:
        """A message in this language, filled with its %-style params."""
        return catalogue.gettext(self.code, message, **params)

    def ngettext(self, singular: str, plural: str, num: int, **params) -> str:
        """The plural form for `num` (CLDR rule of the language), filled with params and %(num)d."""
        return catalogue.ngettext(self.code, singular, plural, num, **params)

    def money(self, cents: int | None, *, whole: bool = False) -> str:
        """Integer cents as money in this locale; `whole` writes round euros without decimals."""
        return formats.money(cents, self.code, self.currency, whole=whole)

    cents = money

    def num(self, value: float | None, digits: int = 1) -> str:
        """A number with `digits` decimals in this locale ("3,8" / "3.8")."""
        return formats.number(value, self.code, digits)

    def pct(self, share: float | None) -> str:
        """A share as a whole percentage ("25%")."""
        return formats.percent(share, self.code)

    def day(self, value: date) -> str:
        """A date written out ("9 Feb 2026" / "9 feb 2026")."""
        return formats.day(value, self.code)

    def month(self, value: date) -> str:
        """The month of a date by its name ("November" / "november")."""
        return formats.day(value, self.code, "LLLL")

    def label(self, vocabulary: str, code) -> str:
        """The one label of a code (kind, trigger, reaction, band, prompt kind...); the code when unknown."""
        message = vocab.msgid(vocabulary, code) if code not in (None, "") else None
        if message is None:
            return "" if code is None else str(code)
        if vocabulary == "band":
            amounts = {k: self.money(v, whole=True) for k, v in _BAND_AMOUNTS.get(code, {}).items()}
            return self.gettext(message, **amounts)
        return self.gettext(message)

    def pair(self, code: str) -> str:
        """A kind × trigger pair in words: "Treat · Waiting or delay"."""
        kind, trigger = code.split("|")
        return self.gettext("%(kind)s · %(trigger)s", kind=self.label("kind", kind),
                            trigger=self.label("trigger", trigger))


def lang_for(code: str | None, currency: str = formats.DEFAULT_CURRENCY) -> Lang:
    """A Lang for a language code (normalised)."""
    return Lang(normalise(code), currency)


def labels(vocabulary: str, lang: str | None) -> dict[str, str]:
    """All labels of a vocabulary ("kind", "trigger", "follow_up", "band", "prompt_kind"...) in a language."""
    words = lang_for(lang)
    return {str(code): words.label(vocabulary, code) for code in vocab.VOCABULARIES[vocabulary]}
