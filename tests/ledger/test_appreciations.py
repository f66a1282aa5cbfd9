"""Appreciating a gesture: once per person, on the whole chain, never your own, with a redacted note."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func
from sqlmodel import select

from ledger.errors import Conflict, NotAllowed, NotFound, ValidationFailed
from ledger.models import Appreciation
from ledger.services.appreciations import appreciate
from ledger.services.corrections import correct_gesture, void_gesture
from ledger.services.feed import appreciations_by_origin
from tests.factories import gesture_input, make_gesture, make_person, make_team

NOW = datetime.now(UTC)


@pytest.fixture
def desk(session):
    team = make_team(session)
    anouk, bram = make_person(session, team), make_person(session, team, "Bram")
    return team, anouk, bram, make_gesture(session, team, anouk)


def count(session) -> int:
    return session.exec(select(func.count()).select_from(Appreciation)).one()


def test_a_colleague_appreciates_a_gesture_with_a_note(session, desk):
    _team, _anouk, bram, gesture = desk
    thanks = appreciate(session=session, gesture_id=gesture.id, by_id=bram.id, note="Lovely idea")
    assert (thanks.gesture_id, thanks.person_id, thanks.note) == (gesture.id, bram.id, "Lovely idea")


def test_appreciating_twice_returns_the_first_appreciation(session, desk):
    _team, _anouk, bram, gesture = desk
    first = appreciate(session=session, gesture_id=gesture.id, by_id=bram.id, note="One")
    second = appreciate(session=session, gesture_id=gesture.id, by_id=bram.id, note="Two")
    assert second.id == first.id and second.note == "One" and count(session) == 1


def test_an_appreciation_stays_with_the_gesture_through_a_correction(session, desk):
    _team, anouk, bram, gesture = desk
    appreciate(session=session, gesture_id=gesture.id, by_id=bram.id)
    fixed = correct_gesture(session=session, gesture_id=gesture.id, actor_id=anouk.id, reason="Typo",
                            data=gesture_input(occurred_at=gesture.occurred_at, cost_cents=300)).gesture
    again = appreciate(session=session, gesture_id=fixed.id, by_id=bram.id)
    assert again.gesture_id == gesture.id and count(session) == 1
    kept = appreciations_by_origin(session=session, origin_ids=[gesture.id])
    assert [a.person_id for a in kept[gesture.id]] == [bram.id]


def test_you_cannot_appreciate_your_own_gesture(session, desk):
    _team, anouk, _bram, gesture = desk
    with pytest.raises(NotAllowed):
        appreciate(session=session, gesture_id=gesture.id, by_id=anouk.id)
    assert count(session) == 0


def test_someone_from_another_team_cannot_appreciate_but_an_admin_can(session, desk):
    _team, _anouk, _bram, gesture = desk
    outsider = make_person(session, make_team(session, "Floor"), "Olaf")
    with pytest.raises(NotAllowed):
        appreciate(session=session, gesture_id=gesture.id, by_id=outsider.id)
    admin = make_person(session, None, "Ada", role="admin")
    assert appreciate(session=session, gesture_id=gesture.id, by_id=admin.id).person_id == admin.id


def test_a_voided_gesture_cannot_be_appreciated(session, desk):
    _team, anouk, bram, gesture = desk
    void_gesture(session=session, gesture_id=gesture.id, actor_id=anouk.id, reason="Duplicate")
    with pytest.raises(Conflict):
        appreciate(session=session, gesture_id=gesture.id, by_id=bram.id)


def test_the_note_is_limited_and_redacted(session, desk):
    _team, _anouk, bram, gesture = desk
    with pytest.raises(ValidationFailed) as exc:
        appreciate(session=session, gesture_id=gesture.id, by_id=bram.id, note="x" * 201)
    assert exc.value.errors[0].code == "too_long" and count(session) == 0
    thanks = appreciate(session=session, gesture_id=gesture.id, by_id=bram.id, note="She mailed a@b.nl")
    assert "a@b.nl" not in thanks.note


def test_an_unknown_gesture_is_not_found(session, desk):
    import uuid

    with pytest.raises(NotFound):
        appreciate(session=session, gesture_id=uuid.uuid4(), by_id=desk[2].id)


def test_appreciations_are_grouped_per_gesture_and_missing_ones_left_out(session, desk):
    team, anouk, bram, gesture = desk
    chen = make_person(session, team, "Chen")
    other = make_gesture(session, team, anouk, occurred_at=NOW - timedelta(hours=3))
    appreciate(session=session, gesture_id=gesture.id, by_id=bram.id)
    appreciate(session=session, gesture_id=gesture.id, by_id=chen.id)
    grouped = appreciations_by_origin(session=session, origin_ids=[gesture.id, other.id])
    assert list(grouped) == [gesture.id] and len(grouped[gesture.id]) == 2
    assert appreciations_by_origin(session=session, origin_ids=[]) == {}
