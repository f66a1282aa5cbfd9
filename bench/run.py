"""Time the weekly report, a hand-written SQL query of the same aggregate, and the org overview."""

import statistics
import time
from collections import Counter
from collections.abc import Callable

from sqlmodel import Session, select

from bench.generate import ORG_PLANS, REPORT_WEEK, TEAM_PLANS, ensure_database
from ledger.current import is_current
from ledger.db import make_engine
from ledger.models import Gesture, Team
from ledger.weeks import week_bounds
from reports.weekly import build_weekly_report

REPORT_BUDGET_MS = 300
OVERVIEW_BUDGET_MS = 2000
RUNS = 5

# The week's reactions by kind × trigger over the current ledger, written by hand: what one query costs.
HAND_SQL = """
SELECT g.kind, g."trigger", count(*), sum(g.reaction), sum(g.cost_cents)
FROM gesture AS g
WHERE g.team_id = :team AND g.occurred_at >= :start AND g.occurred_at < :end
  AND g.entry_type != 'void'
  AND NOT EXISTS (SELECT 1 FROM gesture AS later WHERE later.supersedes_id = g.id)
GROUP BY g.kind, g."trigger"
"""

# All teams × 52 weeks in one statement, weeks bucketed by a join on their UTC bounds.
HAND_OVERVIEW_SQL = """
SELECT b.team_id, b.idx, count(*), sum(g.cost_cents), sum(g.reaction)
FROM buckets AS b JOIN gesture AS g
  ON g.team_id = b.team_id AND g.occurred_at >= b.starts AND g.occurred_at < b.ends
WHERE g.entry_type != 'void'
  AND NOT EXISTS (SELECT 1 FROM gesture AS later WHERE later.supersedes_id = g.id)
GROUP BY b.team_id, b.idx
"""


def timed(func: Callable[[], object], runs: int = RUNS) -> tuple[float, float]:
    """(first run, median of the next `runs`) in milliseconds."""
    started = time.perf_counter()
    func()
    first = (time.perf_counter() - started) * 1000
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        func()
        times.append((time.perf_counter() - started) * 1000)
    return first, statistics.median(times)


def _verdict(ms: float, budget: float) -> str:
    return f"{'within' if ms < budget else 'OVER'} budget of {budget:,.0f} ms"


def team_report(log=print) -> dict[str, float]:
    """Report build time at 3 months vs 2 years of history, and the hand-written query beside it."""
    url, rows = ensure_database("team", TEAM_PLANS, log=log)
    engine = make_engine(url)
    results = {}
    log(f"\nWeekly report of a 50-person team, {REPORT_WEEK}, 1,000 gestures in the week ({rows:,} rows):")
    with Session(engine) as session:
        for plan in TEAM_PLANS:
            team = session.exec(select(Team).where(Team.name == plan.name)).one()
            first, median = timed(lambda t=team: build_weekly_report(
                session=session, team_id=t.id, week=REPORT_WEEK, lang="nl"))
            report = build_weekly_report(session=session, team_id=team.id, week=REPORT_WEEK)
            results[plan.name] = median
            log(f"  {plan.name:<16} history {plan.weeks:>3} weeks: build {median:6.1f} ms (first run "
                f"{first:.1f} ms), {report.totals.gestures} gestures, {len(report.prompts)} prompts "
                f"({', '.join(sorted(Counter(p.kind for p in report.prompts)))}) — "
                f"{_verdict(median, REPORT_BUDGET_MS)}")
        short, long = (results[p.name] for p in TEAM_PLANS)
        log(f"  2 years / 3 months: {long / short:.2f}× (the cost follows the week, not the history)")
        team = session.exec(select(Team).where(Team.name == TEAM_PLANS[-1].name)).one()
        start, end = week_bounds(REPORT_WEEK, team.timezone)
        params = {"team": team.id, "start": _sqlite_time(start), "end": _sqlite_time(end)}
        conn = session.connection()
        _first, hand = timed(lambda: conn.exec_driver_sql(HAND_SQL, params).fetchall())
        log(f"  one hand-written SQL query (the week by kind × trigger): {hand:.1f} ms; the full report "
            f"runs ~25 such range-bounded queries plus the prompt rules: {long / hand:.0f}× that")
        _first, naive = timed(lambda: _naive_python(session, team.id), runs=1)
        log(f"  for contrast, loading the team's whole history into Python and summing there: {naive:.0f} ms")
    engine.dispose()
    return results


def _sqlite_time(moment) -> str:
    """A UTC instant as SQLAlchemy stores it in SQLite (so string comparison is time comparison)."""
    return moment.replace(tzinfo=None).strftime("%Y-%m-%d %H:%M:%S.%f")


def _naive_python(session: Session, team_id: int) -> int:
    rows = session.exec(select(Gesture).where(Gesture.team_id == team_id, is_current())).all()
    session.expunge_all()
    return sum(g.cost_cents for g in rows)


def org_overview(log=print) -> float:
    """The org-wide 52-week overview over 1,000,000 gestures, and the same as one hand-written query."""
    url, rows = ensure_database("org", ORG_PLANS, log=log)
    engine = make_engine(url)
    log(f"\nOrganisation overview, 52 weeks ending {REPORT_WEEK}, {len(ORG_PLANS)} teams, {rows:,} rows:")
    with Session(engine) as session:
        try:
            from reports.overview import org_overview as overview
        except ImportError:
            overview = None
            log("  note: reports.overview.org_overview is not there yet; timing the hand-written SQL only")
        median = None
        if overview is not None:
            first, median = timed(lambda: overview(session=session, weeks=52, end_week=REPORT_WEEK), runs=3)
            log(f"  reports.overview.org_overview: {median:.0f} ms (first run {first:.0f} ms) — "
                f"{_verdict(median, OVERVIEW_BUDGET_MS)}")
        hand = _hand_overview(session)
        log(f"  one hand-written SQL query of the same buckets: {hand:.0f} ms")
    engine.dispose()
    return median if median is not None else hand


def _hand_overview(session: Session) -> float:
    conn = session.connection()
    teams = session.exec(select(Team.id, Team.timezone)).all()
    conn.exec_driver_sql("DROP TABLE IF EXISTS temp.buckets")
    conn.exec_driver_sql("CREATE TEMP TABLE buckets (team_id INTEGER, idx INTEGER, starts TEXT, ends TEXT)")
    rows = []
    for team_id, tz in teams:
        for idx in range(52):
            start, end = week_bounds(REPORT_WEEK.shift(idx - 51), tz)
            rows.append((team_id, idx, _sqlite_time(start), _sqlite_time(end)))
    conn.exec_driver_sql("INSERT INTO buckets VALUES (?, ?, ?, ?)", rows)
    _first, median = timed(lambda: conn.exec_driver_sql(HAND_OVERVIEW_SQL).fetchall(), runs=3)
    return median
