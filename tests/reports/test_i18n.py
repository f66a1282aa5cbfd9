"""Report texts in Dutch and English without Flask: one gettext catalogue, one formatter per kind of value."""

import re

import pytest
from babel.messages.pofile import read_po

from ledger.i18n import TRANSLATIONS, labels
from ledger.i18n.formats import money
from ledger.vocab import FollowUp, Kind, MandateCheck, Role, Trigger
from reports.i18n import Lang, lang_for
from reports.i18n import labels as labels_in
from reports.prompts import KINDS
from reports.prompts.base import confidence
from reports.prompts.texts import FACTS, PROMPTS

PLACEHOLDER = re.compile(r"%\((\w+)\)")


def _dutch():
    with open(TRANSLATIONS / "nl" / "LC_MESSAGES" / "messages.po", "rb") as po:
        return read_po(po, locale="nl")


def _report_msgids():
    for texts in PROMPTS.values():
        for message in (texts.question, texts.why, texts.suggestion):
            yield message[0] if isinstance(message, tuple) else message
    yield from FACTS.values()


def test_money_is_written_the_way_each_language_writes_it():
    assert Lang("nl").money(450) == "€\u00a04,50"
    assert Lang("en").money(450) == "€4.50"
    assert Lang("nl").num(3.84) == "3,8"


def test_a_thousand_euros_keeps_its_thousands_and_its_cents():
    assert money(100000, "nl") == "€\u00a01.000,00" and money(100000, "en") == "€1,000.00"
    assert money(100000, "nl", whole=True) == "€\u00a01.000" and money(100000, "en", whole=True) == "€1,000"


def test_a_quick_pick_writes_whole_euros_without_decimals_and_other_amounts_in_full():
    assert money(500, "nl", whole=True) == "€\u00a05" and money(500, "en", whole=True) == "€5"
    assert money(250, "nl", whole=True) == "€\u00a02,50" and money(250, "en", whole=True) == "€2.50"


def test_every_report_text_has_a_dutch_translation_with_the_same_placeholders():
    catalogue = _dutch()
    for msgid in _report_msgids():
        entry = catalogue.get(msgid)
        assert entry is not None and entry.string, msgid
        for msgstr in entry.string if isinstance(entry.string, tuple) else (entry.string,):
            assert set(PLACEHOLDER.findall(msgstr)) <= set(PLACEHOLDER.findall(str(entry.id))), msgid


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_question_is_a_question(lang):
    words = Lang(lang)
    for texts in PROMPTS.values():
        pair = texts.question if isinstance(texts.question, tuple) else (texts.question, texts.question)
        for n in (1, 3):
            text = words.ngettext(*pair, n, n=n) if pair[0] != pair[1] else words.gettext(pair[0])
            assert text.rstrip().endswith("?"), text


def test_dutch_texts_use_informal_je_never_u():
    formal = re.compile(r"\b(u|uw)\b", re.IGNORECASE)
    strings = [s for m in _dutch() if m.id
               for s in (m.string if isinstance(m.string, tuple) else (m.string,))]
    assert [s for s in strings if formal.search(s)] == []


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_code_of_the_vocabularies_has_a_name(lang):
    assert set(labels_in("kind", lang)) == {k.value for k in Kind}
    assert set(labels_in("trigger", lang)) == {t.value for t in Trigger}
    assert set(labels_in("follow_up", lang)) == {f.value for f in FollowUp}
    assert set(labels_in("role", lang)) == {r.value for r in Role}
    assert set(labels_in("mandate_check", lang)) == {c.value for c in MandateCheck}
    assert set(labels_in("prompt_kind", lang)) == set(KINDS)


def test_every_label_is_translated_into_dutch():
    catalogue = _dutch()
    untranslated = [m for table in labels.VOCABULARIES.values() for m in table.values()
                    if not (catalogue.get(m) and catalogue.get(m).string)]
    assert untranslated == []


def test_dutch_plurals_follow_the_language_rule_not_a_special_key():
    words = Lang("nl")
    assert confidence(words, 1).startswith("Op basis van één gebaar")
    assert confidence(words, 3).startswith("Op basis van 3 gebaren")
    assert confidence(Lang("en"), 1).startswith("Based on one gesture")


def test_cost_bands_name_their_amounts_with_the_one_money_formatter():
    assert lang_for("nl").label("band", "up_to_5") == "Tot €\u00a05"
    assert lang_for("en").label("band", "5_to_15") == "€5–€15"


def test_unknown_languages_fall_back_to_english():
    assert lang_for("fr").code == "en" and lang_for("nl_NL").code == "nl"
