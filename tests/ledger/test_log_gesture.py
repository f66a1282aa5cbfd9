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


def _race(monkeypatch, engine, team, person, gid, cost):
    """Let another request store `gid` after our look-up and before our insert."""
    from sqlmodel import Session

    from ledger.services import gestures

    real_check = gestures.mandates.check

    def check_after_the_other_request(**kw):
        monkeypatch.setattr(gestures.mandates, "check", real_check)  # the other request runs normally
        with Session(engine) as other:
            log_gesture(session=other, team_id=team.id, person_id=person.id, logged_by_id=person.id,
                        data=gesture_input(occurred_at=NOW - timedelta(hours=1), cost_cents=cost),
                        gesture_id=gid, now=NOW)
        return real_check(**kw)

    monkeypatch.setattr(gestures.mandates, "check", check_after_the_other_request)


def test_a_race_on_the_same_gesture_id_still_stores_one_row(session, engine, desk, monkeypatch):
    team, anouk = desk
    gid = uuid.uuid4()
    _race(monkeypatch, engine, team, anouk, gid, cost=250)
    logged = log(session, team, anouk, gesture_id=gid)
    assert (logged.created, logged.gesture.id) == (False, gid) and count(session) == 1


def test_a_race_with_different_content_under_the_same_id_is_a_conflict(session, engine, desk, monkeypatch):
    team, anouk = desk
    gid = uuid.uuid4()
    _race(monkeypatch, engine, team, anouk, gid, cost=999)
    with pytest.raises(Conflict):
        log(session, team, anouk, gesture_id=gid)
    assert count(session) == 1


def test_resending_a_day_later_still_returns_the_stored_gesture(session, desk):
    team, anouk = desk
    gid = uuid.uuid4()
    first = log(session, team, anouk, gesture_id=gid)
    again = log_gesture(session=session, team_id=team.id, person_id=anouk.id, logged_by_id=anouk.id,
                        data=gesture_input(occurred_at=first.gesture.occurred_at), gesture_id=gid,
                        now=NOW + timedelta(days=1))
    assert (again.created, again.gesture.logged_at) == (False, NOW)


def test_the_same_id_for_another_giver_is_a_conflict(session, desk):
    team, anouk = desk
    bram = make_person(session, team, "Bram")
    gid = uuid.uuid4()
    log(session, team, anouk, gesture_id=gid)
    with pytest.raises(Conflict):
        log(session, team, bram, gesture_id=gid)


def test_a_resend_with_the_same_personal_data_matches_the_redacted_entry(session, desk):
    team, anouk = desk
    gid = uuid.uuid4()
    text = {"description": "Called 06-12345678 back"}
    log(session, team, anouk, gesture_id=gid, data=text)
    again = log(session, team, anouk, gesture_id=gid, data=text)
    assert again.created is False and again.redacted == ("phone",)


def test_a_colleague_may_log_a_gesture_for_someone_else(session, desk):
    team, anouk = desk
    bram = make_person(session, team, "Bram")
    row = log(session, team, anouk, logged_by_id=bram.id).gesture
    assert (row.person_id, row.logged_by_id) == (anouk.id, bram.id)


def test_without_commit_the_gesture_joins_the_callers_transaction(session, desk):
    team, anouk = desk
    log(session, team, anouk, commit=False)
    assert count(session) == 1
    session.rollback()
    assert count(session) == 0


def test_windows_line_ends_are_stored_as_plain_newlines_and_text_is_trimmed(session, desk):
    team, anouk = desk
    row = log(session, team, anouk, data={"description": "  one\r\ntwo\r  "}).gesture
    assert row.description == "one\ntwo"
