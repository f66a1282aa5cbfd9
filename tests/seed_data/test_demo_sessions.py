"""The demo's learning loop (issue 8): the hotel holds a closed session that agreed its cap raise, a
playbook, and a planned session with offered stories; the report's since_last_session speaks of it."""

from datetime import UTC, datetime

from sqlmodel import select

from ledger.models import LearningSession, Mandate, SessionAction, SessionStory, StoryOffer, Takeaway, Team
from ledger.services.mandate_versions import version_history
from ledger.weeks import last_complete_week
from reports import build_weekly_report
from seed_data.demo import cast, load_demo

NOW = datetime(2026, 11, 23, 10, tzinfo=UTC)


def test_the_hotel_demo_holds_a_closed_session_a_playbook_and_a_planned_session(engine, session):
    load_demo(engine=engine, now=NOW)
    hotel = session.exec(select(Team).where(Team.name == cast.HOTEL)).one()
    closed, planned = session.exec(select(LearningSession).where(LearningSession.team_id == hotel.id)
                                   .order_by(LearningSession.held_on)).all()
    assert (closed.status, planned.status) == ("closed", "planned")
    assert 21 <= (NOW.date() - closed.held_on).days <= 35  # three to four (and a bit) weeks back
    assert len(session.exec(select(SessionStory).where(SessionStory.session_id == closed.id)).all()) == 5
    assert 5 <= len(session.exec(select(Takeaway).where(Takeaway.team_id == hotel.id)).all()) <= 8
    actions = session.exec(select(SessionAction).where(SessionAction.session_id == closed.id)).all()
    applied = [a for a in actions if a.applied_mandate_id]
    assert len(actions) == 2 and len(applied) == 1
    raised = session.get(Mandate, applied[0].applied_mandate_id)
    assert raised.per_gesture_cap_cents == 1500 and raised.valid_from > closed.held_on
    assert len(session.exec(select(StoryOffer).where(StoryOffer.team_id == hotel.id)).all()) == 2
    assert planned.facilitator_id is not None and planned.held_on > NOW.date()
    newest = version_history(session=session, team_id=hotel.id)[0]
    assert newest.agreed_in.id == closed.id and newest.changes


def test_the_demo_report_speaks_of_the_last_session(engine, session):
    load_demo(engine=engine, now=NOW)
    hotel = session.exec(select(Team).where(Team.name == cast.HOTEL)).one()
    for lang, title in (("en", "Since the last learning session"), ("nl", "Sinds de laatste leersessie")):
        report = build_weekly_report(session=session, team_id=hotel.id, now=NOW, lang=lang,
                                     week=last_complete_week(NOW, hotel.timezone))
        [prompt] = [p for p in report.prompts if p.kind == "since_last_session"]
        assert prompt.title == title and "15" in prompt.question
        assert prompt.fact("per_week_after").n > 50
