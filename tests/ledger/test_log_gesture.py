"""Logging a gesture: stored with its mandate check and redacted text; bad input stores nothing."""

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func
from sqlmodel import select

from ledger.errors import Conflict, NotFound, ValidationFailed
from ledger.models import Gesture
from ledger.services.gestures import log_gesture
from tests.factories import gesture_input, make_gesture, make_mandate, make_person, make_team

NOW = datetime(2026, 11, 12, 12, 0, tzinfo=UTC)


def count(session) -> int:
    return session.exec(select(func.count()).select_from(Gesture)).one()


@pytest.fixture
def desk(session):
    team = make_team(session)
    return team, make_person(session, team)


def log(session, team, person, **kw):
    data = gesture_input(occurred_at=kw.pop("occurred_at", NOW - timedelta(hours=1)), **kw.pop("data", {}))
    return log_gesture(session=session, team_id=team.id, person_id=person.id,
                       logged_by_id=kw.pop("logged_by_id", person.id), data=data, now=NOW, **kw)


def test_a_logged_gesture_is_stored_as_an_original_entry_of_its_own_chain(session, desk):
    team, anouk = desk
    logged = log(session, team, anouk)
    row = session.get(Gesture, logged.gesture.id)
    assert logged.created and row.origin_id == row.id and row.entry_type == "original"
    assert (row.cost_cents, row.kind, row.logged_at) == (250, "treat", NOW)


def test_a_gesture_without_a_mandate_is_stored_as_no_mandate(session, desk):
    team, anouk = desk
    assert log(session, team, anouk).gesture.mandate_check == "no_mandate"


def test_a_gesture_over_the_cap_is_stored_and_flagged_not_blocked(session, desk):
    team, anouk = desk
    mandate = make_mandate(session, team, cap=2500)
    row = log(session, team, anouk, data={"cost_cents": 2501}).gesture
    assert (row.mandate_check, row.mandate_id) == ("over_cap", mandate.id)
    assert count(session) == 1


def test_personal_data_in_the_description_is_redacted_before_storage(session, desk):
    team, anouk = desk
    logged = log(session, team, anouk, data={"description": "Mail to jan@example.nl, 06-12345678"})
    row = session.get(Gesture, logged.gesture.id)
    assert "jan@example.nl" not in row.description and "06-12345678" not in row.description
    assert logged.redacted == ("email", "phone") and row.redacted == "email;phone"


def test_the_same_gesture_id_sent_twice_gives_one_row_and_the_first_entry(session, desk):
    team, anouk = desk
    gid = uuid.uuid4()
    first = log(session, team, anouk, gesture_id=gid)
    again = log(session, team, anouk, gesture_id=gid)
    assert (first.created, again.created) == (True, False)
    assert again.gesture.id == gid and count(session) == 1


def test_the_same_gesture_id_with_other_content_is_a_conflict(session, desk):
    team, anouk = desk
    gid = uuid.uuid4()
    log(session, team, anouk, gesture_id=gid)
    with pytest.raises(Conflict):
        log(session, team, anouk, gesture_id=gid, data={"cost_cents": 300})
    assert count(session) == 1


def test_an_unknown_team_is_not_found(session, desk):
    _team, anouk = desk
    with pytest.raises(NotFound):
        log_gesture(session=session, team_id=999_999, person_id=anouk.id, logged_by_id=anouk.id,
                    data=gesture_input(), now=NOW)


def test_a_factory_gesture_goes_through_the_service(session, desk):
    team, anouk = desk
    assert make_gesture(session, team, anouk).mandate_check == "no_mandate"


def test_a_negative_cost_is_refused_with_nothing_stored(session, desk):
    team, anouk = desk
    with pytest.raises(ValidationFailed) as exc:
        log(session, team, anouk, data={"cost_cents": -1})
    assert exc.value.by_field()["cost_cents"].code == "negative"
    assert count(session) == 0
