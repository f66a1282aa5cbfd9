"""Report texts in Dutch and English, without Flask."""

import re

import pytest

from ledger.vocab import FollowUp, Kind, Trigger
from reports.i18n import Lang, labels, lang_for
from reports.prompts import KINDS
from reports.translations import en, nl


def test_money_is_written_the_way_each_language_writes_it():
    assert Lang("nl").money(450) == "€\u00a04,50"
    assert Lang("en").money(450) == "€4.50"
    assert Lang("nl").num(3.84) == "3,8"


def test_both_languages_have_the_same_texts_with_the_same_placeholders():
    assert set(nl.TEXTS) == set(en.TEXTS)
    fields = re.compile(r"{(\w+)}")
    for key, text in en.TEXTS.items():
        assert set(fields.findall(nl.TEXTS[key])) == set(fields.findall(text)), key


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_code_of_the_vocabularies_has_a_name(lang):
    assert set(labels("kind", lang)) == {k.value for k in Kind}
    assert set(labels("trigger", lang)) == {t.value for t in Trigger}
    assert set(labels("follow_up", lang)) == {f.value for f in FollowUp}
    assert set(labels("prompt_kind", lang)) == set(KINDS)


def test_every_question_is_a_question():
    for table in (en.TEXTS, nl.TEXTS):
        assert all(text.rstrip().endswith("?") for key, text in table.items() if key.endswith(".question"))


def test_dutch_texts_use_informal_je_never_u():
    formal = re.compile(r"\b(u|uw)\b", re.IGNORECASE)
    assert [k for k, text in nl.TEXTS.items() if formal.search(text)] == []


def test_unknown_languages_fall_back_to_english():
    assert lang_for("fr").code == "en" and lang_for("nl_NL").code == "nl"
