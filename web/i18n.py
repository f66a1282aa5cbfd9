"""Language choice and the formatting filters every template uses (money formatted by ledger/i18n)."""

from pathlib import Path

from flask import Flask, request, session
from flask_babel import get_locale

from ledger.i18n import LANGUAGES, TRANSLATIONS, formats
from web.installation import currency, installation


def select_locale() -> str:
    """The user's remembered choice, else the browser's preference, else the installation's language."""
    chosen = session.get("lang")
    if chosen in LANGUAGES:
        return chosen
    return request.accept_languages.best_match(LANGUAGES) or installation().default_language


def money(cents: int | None, whole: bool = False) -> str:
    """The Jinja `money` filter: ledger/i18n/formats.money in the request's locale ('€ 4,50' / '€4.50'),
    in the installation's currency (a display choice: the cents are the same whatever it is)."""
    if cents is None:
        return ""
    return formats.money(cents, str(get_locale()), currency(), whole=whole)


CATALOGUES = TRANSLATIONS


def missing_catalogues(folder: Path = CATALOGUES) -> list[str]:
    """Languages whose compiled catalogue (.mo) is missing: their pages would silently show English."""
    return [lang for lang in LANGUAGES if lang != "en"
            and not (folder / lang / "LC_MESSAGES" / "messages.mo").is_file()]


def init_app(app: Flask) -> None:
    for lang in missing_catalogues():
        app.logger.warning("The %s translations are not compiled: run `make translations` "
                           "(pybabel compile -d ledger/i18n/translations) before serving.", lang)
    app.jinja_env.filters["money"] = money
    app.jinja_env.globals["current_locale"] = lambda: str(get_locale())
    app.jinja_env.globals["LANGUAGES"] = LANGUAGES
