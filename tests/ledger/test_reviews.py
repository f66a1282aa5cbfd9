"""Prompt reviews: a manager's private marks on conversation prompts."""

import pytest

from ledger.errors import NotAllowed, NotFound, ValidationFailed
from ledger.services.reviews import record_helped, review_prompt, reviews_for_team
from tests.factories import make_person, make_team

KEY = "spend_contrast:2026-W45:3:7"


@pytest.fixture
def desk(session):
    return make_team(session, "Front desk")


def test_a_manager_marks_a_prompt_discussed_with_a_private_note(session, desk):
    marieke = make_person(session, desk, "Marieke", role="manager")
    review = review_prompt(session=session, actor=marieke, team_id=desk.id, prompt_key=KEY, week="2026-W45",
                           status="discussed", note="  Talked at the line-up.  ")
    assert (review.status, review.note) == ("discussed", "Talked at the line-up.")
    assert review.reviewer_id == marieke.id
    assert reviews_for_team(session=session, actor=marieke, team_id=desk.id)[KEY].status == "discussed"


def test_marking_again_changes_the_one_review_instead_of_adding_another(session, desk):
    marieke = make_person(session, desk, "Marieke", role="manager")
    review_prompt(session=session, actor=marieke, team_id=desk.id, prompt_key=KEY, week="2026-W45",
                  status="discussed")
    review_prompt(session=session, actor=marieke, team_id=desk.id, prompt_key=KEY, week="2026-W45",
                  status="set_aside", note="Not now.")
    reviews = reviews_for_team(session=session, actor=marieke, team_id=desk.id)
    assert len(reviews) == 1 and reviews[KEY].status == "set_aside" and reviews[KEY].note == "Not now."


def test_later_the_manager_says_whether_the_conversation_helped(session, desk):
    marieke = make_person(session, desk, "Marieke", role="manager")
    review_prompt(session=session, actor=marieke, team_id=desk.id, prompt_key=KEY, week="2026-W45",
                  status="discussed")
    assert record_helped(session=session, actor=marieke, team_id=desk.id, prompt_key=KEY, helped=True).helped
    with pytest.raises(NotFound):
        record_helped(session=session, actor=marieke, team_id=desk.id, prompt_key="other", helped=True)


@pytest.mark.parametrize("who", ["staff", "manager of another team"])
def test_staff_and_managers_of_other_teams_can_neither_read_nor_write_reviews(session, desk, who):
    other = make_team(session, "Shop floor")
    actor = (make_person(session, desk, "Anouk") if who == "staff"
             else make_person(session, other, "Piet", role="manager"))
    with pytest.raises(NotAllowed):
        review_prompt(session=session, actor=actor, team_id=desk.id, prompt_key=KEY, week="2026-W45",
                      status="discussed")
    with pytest.raises(NotAllowed):
        reviews_for_team(session=session, actor=actor, team_id=desk.id)


def test_an_admin_may_review_any_team(session, desk):
    admin = make_person(session, None, "Ada", role="admin")
    review_prompt(session=session, actor=admin, team_id=desk.id, prompt_key=KEY, week="2026-W45",
                  status="set_aside")
    assert list(reviews_for_team(session=session, actor=admin, team_id=desk.id, keys=[KEY])) == [KEY]


def test_bad_input_names_each_field_and_stores_nothing(session, desk):
    marieke = make_person(session, desk, "Marieke", role="manager")
    with pytest.raises(ValidationFailed) as caught:
        review_prompt(session=session, actor=marieke, team_id=desk.id, prompt_key="", week="2026-W99",
                      status="approved", note="x" * 2001)
    assert set(caught.value.by_field()) == {"prompt_key", "week", "status", "note"}
    with pytest.raises(ValidationFailed):
        review_prompt(session=session, actor=marieke, team_id=desk.id, prompt_key=KEY, week="2026-W45",
                      status="discussed", note="bin\x00ary")
    assert reviews_for_team(session=session, actor=marieke, team_id=desk.id) == {}


def test_a_team_that_does_not_exist_is_not_found(session):
    admin = make_person(session, None, "Ada", role="admin")
    with pytest.raises(NotFound):
        reviews_for_team(session=session, actor=admin, team_id=9999)
