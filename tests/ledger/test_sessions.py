"""Learning sessions: open, stories, capture, actions, the mandate change it agrees, close (issue 8)."""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import select

from ledger.errors import Conflict, NotAllowed, NotFound, ValidationFailed
from ledger.models import AuditEvent, Mandate
from ledger.permissions import Actor
from ledger.services import session_actions, session_stories, session_summary, story_offers
from ledger.services import sessions as svc
from ledger.services.mandates import check
from ledger.vocab import Role
from tests.factories import make_gesture, make_mandate, make_person, make_team

TZ = ZoneInfo("Europe/Amsterdam")


def local_noon(day: date) -> datetime:
    return datetime.combine(day, time(12), tzinfo=TZ).astimezone(UTC)


def today() -> date:
    return datetime.now(TZ).date()


@pytest.fixture
def world(session):
    team, other = make_team(session), make_team(session, "Restaurant")
    people = {
        "manager": make_person(session, team, "Maria", role="manager", email="maria@example.test"),
        "anouk": make_person(session, team, "Anouk"),
        "bram": make_person(session, team, "Bram"),
        "admin": make_person(session, None, "Ilse", role="admin"),
        "elsewhere": make_person(session, other, "Olaf", role="manager"),
    }
    return team, other, people


def open_one(session, team, manager, **kw):
    return svc.open_session(session=session, actor=manager, team_id=team.id,
                            held_on=kw.pop("held_on", today()),
                            title=kw.pop("title", "Monday line-up"), **kw)


def test_a_first_session_looks_back_four_weeks_and_is_audited(session, world):
    team, _other, p = world
    row = open_one(session, team, p["manager"])
    assert (row.period_start, row.period_end) == (today() - timedelta(weeks=4), today())
    assert row.status == "planned"
    audit = session.exec(select(AuditEvent).where(AuditEvent.action == "session.open")).one()
    assert audit.actor_id == p["manager"].id and audit.entity_id == str(row.id)


def test_the_next_session_looks_back_to_the_day_after_the_last_closed_one(session, world):
    team, _other, p = world
    first = open_one(session, team, p["manager"], held_on=today() - timedelta(days=10))
    svc.close_session(session=session, actor=p["manager"], session_id=first.id)
    second = open_one(session, team, p["manager"])
    assert second.period_start == today() - timedelta(days=9)


def test_only_the_teams_managers_and_admins_open_a_session(session, world):
    team, _other, p = world
    with pytest.raises(NotAllowed):
        open_one(session, team, p["anouk"])
    with pytest.raises(NotAllowed):
        open_one(session, team, p["elsewhere"])
    assert open_one(session, team, p["admin"]).created_by_id == p["admin"].id


def test_the_facilitator_must_belong_to_the_team(session, world):
    team, _other, p = world
    with pytest.raises(ValidationFailed) as err:
        open_one(session, team, p["manager"], facilitator_id=p["elsewhere"].id)
    assert err.value.by_field()["facilitator"].code == "not_member"


def test_another_teams_manager_does_not_even_find_the_session(session, world):
    team, _other, p = world
    row = open_one(session, team, p["manager"])
    with pytest.raises(NotFound):
        svc.find(session=session, actor=p["elsewhere"], session_id=row.id)
    with pytest.raises(NotFound):
        session_stories.stories(session=session, actor=p["elsewhere"], session_id=row.id)


def test_a_session_from_open_to_closed_keeps_its_stories_capture_and_actions(session, world):
    team, _other, p = world
    row = open_one(session, team, p["manager"], facilitator_id=p["anouk"].id)
    g1 = make_gesture(session, team, p["anouk"], description="Umbrella in the rain", reaction=5)
    g2 = make_gesture(session, team, p["bram"], description="Coffee after the queue")
    anouk = p["anouk"]
    for g in (g1, g2):
        session_stories.add_story(session=session, actor=anouk, session_id=row.id, gesture_id=g.id)
    assert svc.start_session(session=session, actor=anouk, session_id=row.id).status == "running"
    saved = svc.record_capture(session=session, actor=anouk, session_id=row.id,
                               notes="Call the guest on 06 12345678 next time", participant_count=6)
    assert saved.redacted == ("phone",) and "12345678" not in saved.row.notes
    session_actions.add_action(session=session, actor=anouk, session_id=row.id, text="Ask the kitchen",
                               owner_id=p["bram"].id, due_on=today() + timedelta(days=7))
    svc.close_session(session=session, actor=anouk, session_id=row.id)
    with pytest.raises(Conflict):
        session_actions.add_action(session=session, actor=p["manager"], session_id=row.id, text="Late")
    result = session_summary.summary(session=session, actor=p["manager"], session_id=row.id)
    told = [s.gesture.description for s in result.stories]
    assert told == ["Umbrella in the rain", "Coffee after the queue"]
    assert result.row.status == "closed" and result.row.participant_count == 6
    assert [(a.text, result.owners[a.owner_id]) for a in result.actions] == [("Ask the kitchen", "Bram")]


def test_staff_who_do_not_facilitate_cannot_change_the_session(session, world):
    team, _other, p = world
    row = open_one(session, team, p["manager"], facilitator_id=p["anouk"].id)
    with pytest.raises(NotAllowed):
        svc.record_capture(session=session, actor=p["bram"], session_id=row.id, notes="hi")


def test_stories_move_up_and_down_and_follow_a_dragged_order(session, world):
    team, _other, p = world
    row = open_one(session, team, p["manager"])
    links = [session_stories.add_story(session=session, actor=p["manager"], session_id=row.id,
                                       gesture_id=make_gesture(session, team, p["anouk"], description=d).id)
             for d in ("one", "two", "three")]

    def order():
        return [s.gesture.description for s in session_stories.stories(session=session, actor=p["manager"],
                                                                       session_id=row.id)]
    session_stories.move(session=session, actor=p["manager"], story_id=links[2].id, step=-1)
    assert order() == ["one", "three", "two"]
    session_stories.move(session=session, actor=p["manager"], story_id=links[0].id, step=-1)  # already first
    assert order() == ["one", "three", "two"]
    session_stories.reorder(session=session, actor=p["manager"], session_id=row.id,
                            story_ids=[links[1].id, links[0].id, links[2].id])
    assert order() == ["two", "one", "three"]
    with pytest.raises(ValidationFailed):
        session_stories.reorder(session=session, actor=p["manager"], session_id=row.id,
                                story_ids=[links[0].id])


def test_suggestions_put_offered_stories_first_and_say_why(session, world):
    team, _other, p = world
    row = open_one(session, team, p["manager"])
    flat = make_gesture(session, team, p["bram"], reaction=2, description="Upgrade, no reaction")
    cheap = make_gesture(session, team, p["bram"], reaction=5, cost_cents=0, description="Walked them out")
    offered = make_gesture(session, team, p["anouk"], reaction=3, description="The teddy bear")
    story_offers.offer_story(session=session, actor=p["anouk"], gesture_id=offered.id)
    found = session_stories.suggest_stories(session=session, actor=p["manager"], session_id=row.id)
    reasons = {s.gesture.id: s.reason for s in found}
    assert found[0].gesture.id == offered.id and found[0].reason == "offered" and found[0].detail == "Anouk"
    assert reasons[flat.id] == "fell_flat"
    assert reasons[cheap.id] in ("best_received", "cheap_landed")
    session_stories.add_story(session=session, actor=p["manager"], session_id=row.id, gesture_id=offered.id)
    again = session_stories.suggest_stories(session=session, actor=p["manager"], session_id=row.id)
    assert offered.id not in {s.gesture.id for s in again}
    first = session_stories.stories(session=session, actor=p["manager"], session_id=row.id)[0]
    assert first.story.offered_by_id == p["anouk"].id


def test_only_the_giver_offers_their_own_story(session, world):
    team, _other, p = world
    gesture = make_gesture(session, team, p["anouk"])
    with pytest.raises(NotAllowed):
        story_offers.offer_story(session=session, actor=p["bram"], gesture_id=gesture.id)


def test_search_finds_the_periods_gestures_by_words_and_kind(session, world):
    team, _other, p = world
    row = open_one(session, team, p["manager"])
    umbrella = make_gesture(session, team, p["anouk"], description="Lent an umbrella", kind="gift")
    make_gesture(session, team, p["anouk"], description="Coffee", kind="treat")
    found = session_stories.search(session=session, actor=p["manager"], session_id=row.id, words="UMBRELLA")
    assert [g.id for g in found] == [umbrella.id]
    treats = session_stories.search(session=session, actor=p["manager"], session_id=row.id, kind="treat")
    assert len(treats) == 1


def test_a_giver_without_consent_is_a_colleague_in_the_session(session, world):
    team, _other, p = world
    row = open_one(session, team, p["manager"])
    gesture = make_gesture(session, team, p["anouk"])
    session_stories.add_story(session=session, actor=p["manager"], session_id=row.id, gesture_id=gesture.id)
    def shown_name():
        return session_stories.stories(session=session, actor=p["manager"], session_id=row.id)[0].giver_name
    assert shown_name() == "Anouk"
    with pytest.raises(NotAllowed):
        svc.set_name_consent(session=session, actor=p["manager"], person_id=p["anouk"].id, show=False)
    svc.set_name_consent(session=session, actor=p["anouk"], person_id=p["anouk"].id, show=False)
    assert shown_name() is None


def _proposal_action(session, team, p, facilitator):
    row = open_one(session, team, p["manager"], facilitator_id=facilitator.id)
    proposal = session_actions.Proposal(cap_cents=1000, allowance_cents=4000, why="Smaller, more often")
    return row, session_actions.add_action(session=session, actor=facilitator, session_id=row.id,
                                           text="Try a smaller frame", proposal=proposal).row


def test_a_staff_facilitator_proposes_a_frame_but_cannot_apply_it(session, world):
    team, _other, p = world
    _row, action = _proposal_action(session, team, p, p["anouk"])
    with pytest.raises(NotAllowed):
        session_actions.apply_mandate_change(session=session, actor=p["anouk"], action_id=action.id,
                                             valid_from=today())
    pin_manager = Actor(person_id=p["manager"].id, role=Role.STAFF, pinned_team_id=team.id)
    with pytest.raises(NotAllowed):
        session_actions.apply_mandate_change(session=session, actor=pin_manager, action_id=action.id,
                                             valid_from=today())


def test_an_applied_change_is_in_force_from_its_date_and_earlier_gestures_keep_the_old_check(session, world):
    team, _other, p = world
    make_mandate(session, team, cap=2500, allowance=6000)
    row, action = _proposal_action(session, team, p, p["anouk"])
    day = today() - timedelta(days=2)
    mandate = session_actions.apply_mandate_change(session=session, actor=p["manager"], action_id=action.id,
                                                   valid_from=day, now=local_noon(day))
    assert (mandate.valid_from, mandate.per_gesture_cap_cents) == (day, 1000)
    assert mandate.learning_session_id == row.id
    assert mandate.agreed_by_id == p["manager"].id
    before = make_gesture(session, team, p["bram"], cost_cents=2000,
                          occurred_at=local_noon(day - timedelta(1)), now=local_noon(day))
    after = make_gesture(session, team, p["bram"], cost_cents=2000, occurred_at=local_noon(day),
                         now=local_noon(day) + timedelta(hours=1))
    assert before.mandate_check == "within" and after.mandate_check == "over_cap"
    assert check(session=session, team_id=team.id, person_id=p["bram"].id, at=local_noon(day - timedelta(1)),
                 cost_cents=2000, kind="treat")[0] == "within"
    old = session.exec(select(Mandate).where(Mandate.learning_session_id.is_(None))).one()
    agreed = session_summary.agreeing_sessions(session=session, mandate_ids=[old.id, mandate.id])
    assert list(agreed) == [mandate.id] and agreed[mandate.id].title == "Monday line-up"
    actions = {e.action for e in session.exec(select(AuditEvent).where(AuditEvent.team_id == team.id))}
    assert {"session.mandate_apply", "mandate.create"} <= actions
    with pytest.raises(Conflict):
        session_actions.apply_mandate_change(session=session, actor=p["manager"], action_id=action.id,
                                             valid_from=day, now=local_noon(day))


def test_a_change_cannot_start_in_the_past(session, world):
    team, _other, p = world
    _row, action = _proposal_action(session, team, p, p["anouk"])
    with pytest.raises(ValidationFailed) as err:
        session_actions.apply_mandate_change(session=session, actor=p["admin"], action_id=action.id,
                                             valid_from=today() - timedelta(days=1))
    assert err.value.by_field()["valid_from"].code == "past"
    assert session.exec(select(Mandate)).first() is None


def test_last_times_open_actions_are_marked_done_from_the_next_session(session, world):
    team, _other, p = world
    first = open_one(session, team, p["manager"], held_on=today() - timedelta(days=14))
    action = session_actions.add_action(session=session, actor=p["manager"], session_id=first.id,
                                        text="Welcome card").row
    svc.close_session(session=session, actor=p["manager"], session_id=first.id)
    second = open_one(session, team, p["manager"], facilitator_id=p["anouk"].id)
    assert [a.id for a in session_actions.open_actions(session=session, team_id=team.id)] == [action.id]
    with pytest.raises(NotAllowed):
        session_actions.set_status(session=session, actor=p["anouk"], action_id=action.id, status="done")
    session_actions.set_status(session=session, actor=p["anouk"], action_id=action.id, status="done",
                               via_session_id=second.id)
    assert session_actions.open_actions(session=session, team_id=team.id) == []
