"""One vocabulary for every surface: the gettext catalogue, the labels of the codes, the formatters.

ledger/ knows no Flask: reports/ and the CLI load the catalogue with `babel.support.Translations`,
web/ reads the same directory through Flask-Babel (BABEL_TRANSLATION_DIRECTORIES).
"""

from pathlib import Path

TRANSLATIONS = Path(__file__).resolve().parent / "translations"
LANGUAGES = ("nl", "en")
