"""Every string the app shows (web/, reports/, ledger/) has a Dutch translation; the language switch works."""

from pathlib import Path

import pytest
from babel.messages.extract import DEFAULT_KEYWORDS, extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parents[2]
WEB = ROOT / "web"
EXTRACTED = tuple(ROOT / name for name in ("ledger", "reports", "web"))  # the folders babel.cfg names
NL_PO = ROOT / "ledger" / "i18n" / "translations" / "nl" / "LC_MESSAGES" / "messages.po"
# As `pybabel extract -k _l -k lazy_ngettext:1,2 -k N_ -k Nn_:1,2` (README, "Translations").
KEYWORDS = {**DEFAULT_KEYWORDS, "_l": None, "lazy_gettext": None, "lazy_ngettext": (1, 2), "N_": None,
            "Nn_": (1, 2)}


def _only_app(dirpath: str) -> bool:
    # The mapping's patterns are relative to the repository root ("web/**.py"): walk from there, into the
    # three packages only (not .venv or tests).
    path = Path(dirpath).resolve()
    return path == ROOT or any(path == top or top in path.parents for top in EXTRACTED)


def _extracted() -> dict[object, list[str]]:
    """msgid (str, or a (singular, plural) tuple) -> where it is used."""
    with open(ROOT / "babel.cfg", encoding="utf-8") as cfg:
        method_map, options_map = parse_mapping_cfg(cfg)
    found: dict[object, list[str]] = {}
    for filename, lineno, message, _comments, _context in extract_from_dir(
            str(ROOT), method_map, options_map, keywords=KEYWORDS, directory_filter=_only_app):
        if isinstance(message, tuple):
            message = tuple(m for m in message if m) if len(message) > 1 else message[0]
        if message:
            found.setdefault(message, []).append(f"{filename}:{lineno}")
    return found


def _dutch_catalogue():
    with open(NL_PO, "rb") as po:
        return read_po(po, locale="nl")


def _translated(entry) -> bool:
    if entry is None:
        return False
    strings = entry.string if isinstance(entry.string, tuple) else (entry.string,)
    return all(s and s.strip() for s in strings)


def test_every_string_of_the_app_and_its_reports_has_a_dutch_translation():
    catalogue = _dutch_catalogue()
    missing = [f"{msgid!r}  ({', '.join(places[:2])})" for msgid, places in _extracted().items()
               if not _translated(catalogue.get(msgid[0] if isinstance(msgid, tuple) else msgid))]
    assert not missing, "no Dutch msgstr in messages.po for:\n  " + "\n  ".join(sorted(missing))


def test_the_extraction_really_finds_the_sign_in_strings_the_labels_and_the_report_texts():
    found = _extracted()
    assert "Sign in" in found
    assert "Problem solved" in found and "Different use of the mandate" in found  # ledger/i18n/labels.py
    # reports/prompts/base.py
    assert "Based on %(n)s gestures — enough to ask about, not to conclude." in found
    assert ("Evidence: 1 gesture", "Evidence: %(n)s gestures") in found  # reports/export.py, ngettext
    assert ("One gesture beyond the frame (%(parts)s), %(spent)s; reaction %(mean)s.",
            "%(n)s gestures beyond the frame (%(parts)s), together %(spent)s; mean reaction %(mean)s "
            "(n=%(n)s).") in found  # reports/prompts/texts.py, an Nn_ pair
    assert ("Too many tries. Wait %(num)d minute and try again, or ask your manager.",
            "Too many tries. Wait %(num)d minutes and try again, or ask your manager.") in found


def test_dutch_plural_entries_translate_both_forms():
    catalogue = _dutch_catalogue()
    plural = catalogue.get("%(num)d try left before a short pause.")
    assert plural is not None and isinstance(plural.string, tuple) and all(plural.string)


@pytest.fixture
def anonymous_page(client):
    def get(path="/auth/login", **headers):
        return client.get(path, headers=headers).get_data(as_text=True)
    return get


def test_a_dutch_browser_gets_dutch_and_an_english_browser_english(anonymous_page, client):
    assert "Inloggen" in anonymous_page(**{"Accept-Language": "nl-NL,nl;q=0.9"})
    client.delete_cookie("session")
    assert "Sign in" in anonymous_page(**{"Accept-Language": "en-GB,en;q=0.9"})


def test_choosing_english_on_a_dutch_browser_is_remembered_in_the_session_and_a_cookie(client):
    dutch = {"Accept-Language": "nl"}
    answer = client.post("/language", data={"lang": "en", "next": "/auth/login"}, headers=dutch)
    assert answer.status_code == 302 and answer.headers["Location"] == "/auth/login"
    assert client.get_cookie("lang").value == "en"
    assert "Sign in" in client.get("/auth/login", headers=dutch).get_data(as_text=True)
    client.delete_cookie("session")  # a new session (e.g. after the browser restarts): the cookie remains
    assert "Sign in" in client.get("/auth/login", headers=dutch).get_data(as_text=True)


def test_the_language_switch_refuses_other_sites_as_the_way_back(client):
    answer = client.post("/language", data={"lang": "nl", "next": "https://evil.example/"})
    assert answer.status_code == 302 and answer.headers["Location"] == "/"


def test_the_language_switch_refuses_an_unknown_language(client):
    assert client.post("/language", data={"lang": "xx"}).status_code == 400


def test_the_language_switch_needs_a_csrf_token(app):
    app.config["WTF_CSRF_ENABLED"] = True
    assert app.test_client().post("/language", data={"lang": "en"}).status_code == 400


def test_a_missing_compiled_catalogue_is_named_so_the_server_can_warn(tmp_path):
    from web.i18n import missing_catalogues

    (tmp_path / "nl" / "LC_MESSAGES").mkdir(parents=True)
    assert missing_catalogues(tmp_path) == ["nl"]
    (tmp_path / "nl" / "LC_MESSAGES" / "messages.mo").write_bytes(b"")
    assert missing_catalogues(tmp_path) == []
