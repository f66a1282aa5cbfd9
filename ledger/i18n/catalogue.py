"""The compiled gettext catalogue per language, loaded once, without Flask (reports/, CLI, e-mail)."""

from functools import cache

from babel.support import NullTranslations, Translations

from ledger.i18n import LANGUAGES, TRANSLATIONS

DEFAULT_LANGUAGE = "en"


def normalise(lang: str | None) -> str:
    """A supported language code for anything a caller passes ("nl_NL" → "nl", unknown → English)."""
    code = (lang or "").replace("-", "_").split("_")[0].lower()
    return code if code in LANGUAGES else DEFAULT_LANGUAGE


@cache
def translations(lang: str) -> NullTranslations:
    """The catalogue of one language; English (the msgids) when it is English or not compiled."""
    return Translations.load(str(TRANSLATIONS), [normalise(lang)], domain="messages")


def gettext(lang: str, message: str, **params) -> str:
    """`message` in `lang`, filled with %-style params when there are any (as Flask-Babel does)."""
    text = translations(normalise(lang)).gettext(message)
    return text % params if params else text


def ngettext(lang: str, singular: str, plural: str, num: int, **params) -> str:
    """The CLDR plural form for `num` in `lang`; `num` is available to the message as %(num)d."""
    text = translations(normalise(lang)).ngettext(singular, plural, num)
    return text % {"num": num, **params}
