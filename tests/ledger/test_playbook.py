"""The playbook: takeaways linked to their stories, searchable, retired but kept (issue 8)."""

from datetime import timedelta

import pytest

from ledger.errors import Conflict, NotAllowed, NotFound, ValidationFailed
from ledger.services import playbook, session_stories
from ledger.services import sessions as svc
from tests.factories import make_gesture, make_person, make_team
from tests.ledger.test_sessions import open_one, today


@pytest.fixture
def world(session):
    team, other = make_team(session), make_team(session, "Restaurant")
    return team, {
        "manager": make_person(session, team, "Maria", role="manager"),
        "anouk": make_person(session, team, "Anouk"),
        "bram": make_person(session, team, "Bram"),
        "elsewhere": make_person(session, other, "Olaf", role="manager"),
    }


def test_a_storys_takeaway_enters_the_playbook_linked_to_the_story_and_tagged(session, world):
    team, p = world
    row = open_one(session, team, p["manager"])
    gesture = make_gesture(session, team, p["anouk"], kind="treat", trigger="waiting")
    story = session_stories.add_story(session=session, actor=p["manager"], session_id=row.id,
                                      gesture_id=gesture.id)
    for text in ("Coffee first", "Coffee, then talk"):
        session_stories.set_takeaway(session=session, actor=p["manager"], story_id=story.id, text=text)
    [entry] = playbook.playbook(session=session, actor=p["anouk"], team_id=team.id)
    assert entry.takeaway.text == "Coffee, then talk" and entry.gesture_ids == [gesture.origin_id]
    tags = (entry.takeaway.kind, entry.takeaway.trigger, entry.session_title)
    assert tags == ("treat", "waiting", row.title)


def test_the_playbook_is_searchable_by_words_and_tags(session, world):
    team, p = world
    row = open_one(session, team, p["manager"])
    playbook.add_takeaway(session=session, actor=p["manager"], session_id=row.id, text="Walk them to the car",
                          kind="time")
    playbook.add_takeaway(session=session, actor=p["manager"], session_id=row.id, text="Name the wait")
    assert [e.takeaway.text for e in playbook.playbook(session=session, actor=p["bram"], team_id=team.id,
                                                        words="CAR")] == ["Walk them to the car"]
    assert len(playbook.playbook(session=session, actor=p["bram"], team_id=team.id, kind="time")) == 1
    with pytest.raises(NotFound):
        playbook.playbook(session=session, actor=p["elsewhere"], team_id=team.id)


def test_a_takeaway_needs_words_and_loses_personal_data(session, world):
    team, p = world
    row = open_one(session, team, p["manager"])
    with pytest.raises(ValidationFailed):
        playbook.add_takeaway(session=session, actor=p["manager"], session_id=row.id, text="   ")
    saved = playbook.add_takeaway(session=session, actor=p["manager"], session_id=row.id,
                                  text="Mail guest@example.com a thank-you")
    assert saved.redacted == ("email",) and "example.com" not in saved.row.text


def test_a_later_session_retires_a_takeaway_which_stays_in_the_history(session, world):
    team, p = world
    first = open_one(session, team, p["manager"], held_on=today() - timedelta(days=14))
    lesson = playbook.add_takeaway(session=session, actor=p["manager"], session_id=first.id,
                                   text="Upgrades always land").row
    svc.close_session(session=session, actor=p["manager"], session_id=first.id)
    second = open_one(session, team, p["manager"], facilitator_id=p["anouk"].id)
    with pytest.raises(NotAllowed):
        playbook.retire_takeaway(session=session, actor=p["bram"], takeaway_id=lesson.id)
    playbook.retire_takeaway(session=session, actor=p["anouk"], takeaway_id=lesson.id,
                             in_session_id=second.id)
    assert playbook.playbook(session=session, actor=p["bram"], team_id=team.id) == []
    [kept] = playbook.playbook(session=session, actor=p["bram"], team_id=team.id, include_retired=True)
    assert kept.takeaway.retired_in_session_id == second.id and kept.takeaway.retired_by_id == p["anouk"].id
    with pytest.raises(Conflict):
        playbook.retire_takeaway(session=session, actor=p["manager"], takeaway_id=lesson.id)


def test_a_closed_sessions_takeaways_are_not_reworded(session, world):
    team, p = world
    row = open_one(session, team, p["manager"])
    lesson = playbook.add_takeaway(session=session, actor=p["manager"], session_id=row.id,
                                   text="Say hello").row
    svc.close_session(session=session, actor=p["manager"], session_id=row.id)
    with pytest.raises(Conflict):
        playbook.edit_takeaway(session=session, actor=p["manager"], takeaway_id=lesson.id, text="Say goodbye")
