"""Personal data caught everywhere (issue 12, finding 6): a corpus of true and false positives for the
one scan (ledger/pii.py), customer names included, and the free texts that were stored as typed."""

import pytest

from ledger.pii import MARKER, redact
from ledger.services import reviews, teams
from tests.factories import make_person, make_team

TRUE_POSITIVES = [
    ("mevrouw de Vries wilde een rustige kamer", "customer_name", "mevrouw […] wilde"),
    ("Meneer Jansen kreeg een kop koffie", "customer_name", "Meneer […] kreeg"),
    ("mevr. Bakker vierde haar verjaardag", "customer_name", "mevr. […] vierde"),
    ("dhr. P. de Boer had haast", "customer_name", "dhr. […] had"),
    ("mw. El Amrani was jarig", "customer_name", "mw. […] was"),
    ("de heer Van Dijk kwam terug", "customer_name", "de heer […] kwam"),
    ("familie Yilmaz uit kamer 12", "customer_name", "familie […] uit kamer 12"),
    ("fam. van den Berg vierde feest", "customer_name", "fam. […] vierde"),
    ("Mrs. Smith loved the view", "customer_name", "Mrs. […] loved"),
    ("Mr John Smith asked for a taxi", "customer_name", "Mr […] asked"),
    ("Ms O'Neill was celebrating", "customer_name", "Ms […] was"),
    ("mail guest@example.com", "email", "mail […]"),
    ("bel 06-12345678", "phone", "bel […]"),
    ("iban NL91ABNA0417164300", "iban", "iban […]"),
    ("auto 12-ABC-3", "licence_plate", "auto […]"),
]
FALSE_POSITIVES = [
    "€12,50", "kamer 1234", "om 14:30", "1012 AB", "meneer vroeg om een taxi", "mevrouw was blij",
    "Mevrouw vond het fijn", "de meneer van kamer 12", "20 ms later", "the ms Rotterdam docked",
    "familie was op bezoek", "de heer des huizes", "Mr. en mevrouw", "taart voor 12,50 euro om 9:15",
]


@pytest.mark.parametrize(("text", "category", "shown"), TRUE_POSITIVES)
def test_personal_data_is_found_and_the_rest_of_the_sentence_stays(text, category, shown):
    stored, removed = redact(text)
    assert category in removed and shown in stored and MARKER in stored


@pytest.mark.parametrize("text", FALSE_POSITIVES)
def test_ordinary_hotel_words_are_not_personal_data(text):
    assert redact(text) == (text, ())


def test_a_prompt_review_note_is_scanned_like_a_story(session):
    team = make_team(session)
    maria = make_person(session, team, name="Maria", role="manager")
    review = reviews.review_prompt(session=session, actor=maria, team_id=team.id, prompt_key="k",
                                   week="2026-W10", status="discussed",
                                   note="Bel mevrouw de Vries op 06-12345678 of mail a@b.nl")
    assert "Vries" not in review.note and "06-1234" not in review.note and "a@b.nl" not in review.note


def test_a_teams_why_is_scanned(session):
    team = make_team(session)
    updated = teams.update_team(session=session, team_id=team.id, why="Zoals voor familie Jansen")
    assert updated.why == "Zoals voor familie […]"
