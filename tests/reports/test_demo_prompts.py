"""The demo installation gives a manager real conversation prompts (issue 4: at least six kinds)."""

from collections import Counter
from datetime import UTC, datetime

from sqlmodel import select

from ledger.models import Team
from ledger.weeks import last_complete_week
from reports import build_weekly_report
from seed_data.demo import load_demo

NOW = datetime(2026, 11, 23, 10, tzinfo=UTC)


def test_the_busiest_demo_team_gets_at_least_six_kinds_of_prompts_in_both_languages(engine, session):
    load_demo(engine=engine, now=NOW)
    reports = [build_weekly_report(session=session, team_id=team.id, now=NOW,
                                   week=last_complete_week(NOW, team.timezone))
               for team in session.exec(select(Team))]
    busiest = max(reports, key=lambda r: r.totals.gestures)
    kinds = Counter(p.kind for p in busiest.prompts)
    assert len(kinds) >= 6, kinds
    assert {"spend_contrast", "over_frame", "story_of_week", "quiet_mandate"} <= set(kinds)
    dutch = build_weekly_report(session=session, team_id=busiest.team_id, week=busiest.week, now=NOW,
                                lang="nl")
    assert [p.key for p in dutch.prompts] == [p.key for p in busiest.prompts]
    assert all(p.question.endswith("?") for p in dutch.prompts)
