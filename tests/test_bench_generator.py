"""The benchmark generator writes rows the real report reads: current ledger, corrections, appreciations."""

from sqlalchemy import func, select

from bench.generate import REPORT_WEEK, TeamPlan, fill
from ledger.models import Appreciation, Gesture, Team
from reports import build_weekly_report


def test_the_generator_fills_a_team_whose_week_the_report_can_read(engine, session):
    rows = fill(engine, (TeamPlan("Tiny bench", 4, 3, 200),), log=lambda *_: None)
    originals = session.scalar(select(func.count()).where(Gesture.entry_type == "original"))
    assert originals == 600 and rows > 600  # plus a few corrections and voids
    team = session.scalars(select(Team).where(Team.name == "Tiny bench")).one()
    report = build_weekly_report(session=session, team_id=team.id, week=REPORT_WEEK)
    voids = session.scalar(select(func.count()).where(Gesture.entry_type == "void"))
    assert 180 <= report.totals.gestures <= 200 and voids > 0
    assert sum(p.gestures for p in report.trend) == originals - voids
    assert session.scalar(select(func.count(Appreciation.id))) > 0
    assert report.person_level and len(report.people) == 4 and report.prompts
