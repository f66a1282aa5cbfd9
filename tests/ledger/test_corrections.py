"""Corrections and voids are new rows: the history keeps every version, the current view only the last."""

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func
from sqlmodel import select

from ledger.current import is_current
from ledger.errors import Conflict, NotAllowed, NotFound, ValidationFailed
from ledger.models import AuditEvent, Gesture
from ledger.permissions import CORRECTION_WINDOW
from ledger.services.corrections import correct_gesture, history, void_gesture
from ledger.services.gestures import log_gesture
from tests.factories import gesture_input, make_person, make_team

NOW = datetime(2026, 11, 12, 12, 0, tzinfo=UTC)


@pytest.fixture
def desk(session):
    team = make_team(session)
    anouk = make_person(session, team)
    first = log_gesture(session=session, team_id=team.id, person_id=anouk.id, logged_by_id=anouk.id,
                        data=gesture_input(occurred_at=NOW - timedelta(hours=2), cost_cents=500),
                        now=NOW - timedelta(hours=1)).gesture
    return team, anouk, first


def fix(session, row, actor, cost=700, reason="The coffee came with cake", now=NOW, **kw):
    data = gesture_input(occurred_at=row.occurred_at, cost_cents=cost)
    return correct_gesture(session=session, gesture_id=row.id, actor_id=actor.id, data=data, reason=reason,
                           now=now, **kw).gesture


def current_rows(session):
    return list(session.exec(select(Gesture).where(is_current())))


def count(session, model=Gesture):
    return session.exec(select(func.count()).select_from(model)).one()


def test_a_correction_supersedes_the_row_and_keeps_the_chain(session, desk):
    _team, anouk, first = desk
    second = fix(session, first, anouk)
    assert (second.entry_type, second.supersedes_id, second.origin_id) == ("correction", first.id, first.id)
    assert second.change_reason == "The coffee came with cake" and second.logged_by_id == anouk.id
    assert [r.id for r in current_rows(session)] == [second.id]
    assert session.get(Gesture, first.id).cost_cents == 500  # the original row is untouched


def test_history_lists_the_whole_chain_oldest_first(session, desk):
    _team, anouk, first = desk
    second = fix(session, first, anouk, cost=600)
    third = fix(session, second, anouk, cost=650)
    voided = void_gesture(session=session, gesture_id=third.id, actor_id=anouk.id, reason="Never happened",
                          now=NOW)
    chain = history(session=session, origin_id=first.id)
    assert [r.id for r in chain] == [first.id, second.id, third.id, voided.id]
    assert [r.entry_type for r in chain] == ["original", "correction", "correction", "void"]


def test_a_void_removes_the_gesture_from_the_current_view_but_keeps_who_when_and_why(session, desk):
    _team, anouk, first = desk
    voided = void_gesture(session=session, gesture_id=first.id, actor_id=anouk.id, reason="Logged twice",
                          now=NOW)
    assert current_rows(session) == []
    assert (voided.logged_by_id, voided.logged_at, voided.change_reason) == (anouk.id, NOW, "Logged twice")
    assert (voided.cost_cents, voided.kind) == (first.cost_cents, first.kind)
    assert count(session) == 2


def test_correcting_a_row_that_was_already_corrected_is_a_conflict(session, desk):
    _team, anouk, first = desk
    fix(session, first, anouk)
    with pytest.raises(Conflict):
        fix(session, first, anouk, cost=900)
    assert count(session) == 2


def test_a_voided_gesture_cannot_be_corrected_or_voided_again(session, desk):
    _team, anouk, first = desk
    voided = void_gesture(session=session, gesture_id=first.id, actor_id=anouk.id, reason="Oops", now=NOW)
    with pytest.raises(Conflict):
        fix(session, voided, anouk)
    with pytest.raises(Conflict):
        void_gesture(session=session, gesture_id=first.id, actor_id=anouk.id, reason="Again", now=NOW)


def test_a_reason_is_required(session, desk):
    _team, anouk, first = desk
    with pytest.raises(ValidationFailed) as exc:
        fix(session, first, anouk, reason="   ")
    assert exc.value.errors[0].code == "required"
    with pytest.raises(ValidationFailed):
        void_gesture(session=session, gesture_id=first.id, actor_id=anouk.id, reason="", now=NOW)
    assert count(session) == 1 and count(session, AuditEvent) == 1  # only the log's own audit row


def test_personal_data_in_the_reason_is_redacted(session, desk):
    _team, anouk, first = desk
    second = fix(session, first, anouk, reason="Guest jan@example.nl asked")
    assert "jan@example.nl" not in second.change_reason and "email" in second.redacted


def test_staff_may_correct_their_own_gesture_within_the_window(session, desk):
    _team, anouk, first = desk
    at_limit = first.logged_at + CORRECTION_WINDOW
    assert fix(session, first, anouk, now=at_limit).entry_type == "correction"


def test_staff_may_not_correct_their_own_gesture_after_the_window(session, desk):
    _team, anouk, first = desk
    with pytest.raises(NotAllowed):
        fix(session, first, anouk, now=first.logged_at + CORRECTION_WINDOW + timedelta(seconds=1))
    assert count(session) == 1


def test_the_window_counts_from_the_first_entry_not_from_the_last_correction(session, desk):
    _team, anouk, first = desk
    second = fix(session, first, anouk, now=first.logged_at + timedelta(hours=23))
    with pytest.raises(NotAllowed):
        fix(session, second, anouk, cost=800, now=first.logged_at + timedelta(hours=25))


def test_staff_may_not_correct_a_colleagues_gesture(session, desk):
    team, _anouk, first = desk
    bram = make_person(session, team, "Bram")
    with pytest.raises(NotAllowed):
        fix(session, first, bram)
    with pytest.raises(NotAllowed):
        void_gesture(session=session, gesture_id=first.id, actor_id=bram.id, reason="Not mine", now=NOW)


def test_the_colleague_who_logged_it_for_someone_else_may_correct_it(session, desk):
    team, anouk, _first = desk
    bram = make_person(session, team, "Bram")
    row = log_gesture(session=session, team_id=team.id, person_id=anouk.id, logged_by_id=bram.id,
                      data=gesture_input(occurred_at=NOW - timedelta(hours=1)), now=NOW).gesture
    assert fix(session, row, bram).entry_type == "correction"


def test_a_manager_of_the_team_may_correct_any_time_and_an_admin_too(session, desk):
    team, _anouk, first = desk
    manager = make_person(session, team, "Mirjam", role="manager")
    admin = make_person(session, None, "Ada", role="admin")
    months_later = NOW + timedelta(days=100)
    second = fix(session, first, manager, now=months_later)
    voided = void_gesture(session=session, gesture_id=second.id, actor_id=admin.id, reason="Duplicate",
                          now=months_later)
    assert voided.entry_type == "void"


def test_a_manager_of_another_team_may_not(session, desk):
    _team, _anouk, first = desk
    other_manager = make_person(session, make_team(session, "Floor"), "Max", role="manager")
    with pytest.raises(NotAllowed):
        fix(session, first, other_manager)


def test_logging_and_every_correction_and_void_write_an_audit_event(session, desk):
    _team, anouk, first = desk
    second = fix(session, first, anouk)
    void_gesture(session=session, gesture_id=second.id, actor_id=anouk.id, reason="Never happened", now=NOW)
    events = session.exec(select(AuditEvent).order_by(AuditEvent.id)).all()
    assert [(e.action, e.actor_id, e.entity_id) for e in events] == [
        ("gesture.log", anouk.id, str(first.id)), ("gesture.correct", anouk.id, str(first.id)),
        ("gesture.void", anouk.id, str(first.id))]
    assert "Never happened" in events[2].detail


def test_a_correction_with_a_bad_field_stores_nothing(session, desk):
    _team, anouk, first = desk
    with pytest.raises(ValidationFailed):
        correct_gesture(session=session, gesture_id=first.id, actor_id=anouk.id, reason="Fix",
                        data=gesture_input(occurred_at=first.occurred_at, reaction=7), now=NOW)
    assert count(session) == 1 and count(session, AuditEvent) == 1  # only the log's own audit row


def test_a_manager_may_correct_an_old_gesture_without_moving_its_date(session, desk):
    team, _anouk, first = desk
    manager = make_person(session, team, "Mirjam", role="manager")
    assert fix(session, first, manager, now=NOW + timedelta(days=120)).occurred_at == first.occurred_at


def test_resending_the_same_correction_id_gives_the_stored_correction(session, desk):
    _team, anouk, first = desk
    new_id = uuid.uuid4()
    one = fix(session, first, anouk, new_id=new_id)
    two = fix(session, first, anouk, new_id=new_id)
    assert one.id == two.id == new_id and count(session) == 2


def test_correcting_an_unknown_gesture_is_not_found(session, desk):
    _team, anouk, _first = desk
    with pytest.raises(NotFound):
        void_gesture(session=session, gesture_id=uuid.uuid4(), actor_id=anouk.id, reason="?", now=NOW)


def test_two_simultaneous_corrections_of_the_same_row_let_only_one_through(session, engine, desk,
                                                                           monkeypatch):
    from sqlmodel import Session

    from ledger.services import corrections

    _team, anouk, first = desk
    fix(session, first, anouk, cost=600)
    # The second request passed the current-row check before the first committed: the unique
    # supersedes_id is what stops it.
    monkeypatch.setattr(corrections, "_target", lambda s, gid, actor_id, now: (s.get(Gesture, gid),) * 2)
    with Session(engine, expire_on_commit=False) as other, pytest.raises(Conflict):
        fix(other, first, anouk, cost=800)
    assert count(session) == 2
