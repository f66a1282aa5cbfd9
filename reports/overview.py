"""The organisation overview for admins: every team side by side over the last weeks.

Each team's weeks are ISO weeks in that team's own time zone. The week buckets are handed to the
database as a small VALUES table of UTC intervals per zone in use, joined to the teams of that zone, and
each team-week's figures are one correlated aggregate over its index range on (team_id, occurred_at)
(an index that covers the columns read, so the table itself is not touched). One SQL statement does the
counting, and the cost grows with the gestures in the window, not with the whole history. The
aggregate per team-week (rather than a join grouped by bucket) spares SQLite a sort of every joined
row: it cannot know that the buckets arrive in order. The figures come back as one JSON array per
team-week because SQLite has no LATERAL join.
"""

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import JSON, Integer, String, case, column, distinct, func, values
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement
from sqlmodel import Session, select

from ledger.current import is_current_in_bulk
from ledger.models import Gesture, Team
from ledger.types import UTCDateTime, utcnow
from ledger.vocab import REACTION_DELIGHTED, MandateCheck
from ledger.weeks import IsoWeek, last_complete_week, week_bounds

DEFAULT_WEEKS = 12
# The organisation's reference zone for "the last complete week" when no week is given.
REFERENCE_TZ = "Europe/Amsterdam"
_OVER_FRAME = (MandateCheck.OVER_CAP.value, MandateCheck.OVER_ALLOWANCE.value)


@dataclass(frozen=True)
class WeekCell:
    """One team's figures for one week; `reaction_mean` is None when there were no gestures."""

    week: IsoWeek
    gestures: int = 0
    givers: int = 0
    spend_cents: int = 0
    reaction_sum: int = 0
    delighted: int = 0
    over_frame: int = 0

    @property
    def reaction_mean(self) -> float | None:
        """Mean reaction (1–5) of the week's gestures; its n is `gestures`."""
        return self.reaction_sum / self.gestures if self.gestures else None


@dataclass(frozen=True)
class TeamRow:
    """A team's row of the overview: one cell per week, oldest first."""

    team_id: int
    name: str
    timezone: str
    cells: tuple[WeekCell, ...]

    @property
    def gestures(self) -> int:
        """Gestures over the whole window."""
        return sum(c.gestures for c in self.cells)

    @property
    def spend_cents(self) -> int:
        """Spend over the whole window, in cents."""
        return sum(c.spend_cents for c in self.cells)

    @property
    def reaction_mean(self) -> float | None:
        """Mean reaction over the whole window (n = `gestures`)."""
        n = self.gestures
        return sum(c.reaction_sum for c in self.cells) / n if n else None

    @property
    def delighted_share(self) -> float | None:
        """Share of the window's gestures that delighted (reaction ≥ 4)."""
        n = self.gestures
        return sum(c.delighted for c in self.cells) / n if n else None


@dataclass(frozen=True)
class OrgOverview:
    """All teams over the same ISO weeks (each counted in its own zone), oldest week first."""

    weeks: tuple[IsoWeek, ...]
    teams: tuple[TeamRow, ...]


def org_overview(*, session: Session, weeks: int = DEFAULT_WEEKS, end_week: IsoWeek | None = None,
                 now: datetime | None = None) -> OrgOverview:
    """Every team's weekly gestures, spend and reactions over `weeks` weeks ending with `end_week`."""
    if weeks < 1:
        raise ValueError("weeks must be at least 1")
    end = end_week or last_complete_week(now or utcnow(), REFERENCE_TZ)
    week_list = tuple(end.shift(i - weeks + 1) for i in range(weeks))
    teams = list(session.exec(select(Team).order_by(Team.name)))
    found = _aggregate(session, teams, week_list) if teams else {}
    rows = tuple(
        TeamRow(team_id=t.id, name=t.name, timezone=t.timezone,
                cells=tuple(found.get((t.id, i), WeekCell(week=w)) for i, w in enumerate(week_list)))
        for t in teams
    )
    return OrgOverview(weeks=week_list, teams=rows)


def _buckets(zones: set[str], week_list: tuple[IsoWeek, ...]):
    """The UTC bounds of every week in every zone in use (teams in one zone share them: fewer binds)."""
    rows = []
    for tz in sorted(zones):
        for idx, week in enumerate(week_list):
            starts, ends = week_bounds(week, tz)
            rows.append((tz, idx, starts, ends))
    table = values(column("tz", String), column("idx", Integer), column("starts", UTCDateTime()),
                   column("ends", UTCDateTime()), name="buckets")
    return table.data(rows).cte("buckets")


class _figures(FunctionElement):
    """A bucket's figures as one JSON array (json_array in SQLite, json_build_array in PostgreSQL)."""

    type = JSON()
    inherit_cache = True


@compiles(_figures)
def _figures_sqlite(element, compiler, **kw):
    return f"json_array({compiler.process(element.clauses, **kw)})"


@compiles(_figures, "postgresql")
def _figures_pg(element, compiler, **kw):
    return f"json_build_array({compiler.process(element.clauses, **kw)})"


def _bucket_figures(b):
    """One team's week, aggregated: gestures, givers, spend, Σreaction, delighted, over the frame."""
    in_bucket = (select(_figures(func.count(Gesture.id), func.count(distinct(Gesture.person_id)),
                                 func.coalesce(func.sum(Gesture.cost_cents), 0),
                                 func.coalesce(func.sum(Gesture.reaction), 0),
                                 func.coalesce(func.sum(case((Gesture.reaction >= REACTION_DELIGHTED, 1),
                                                             else_=0)), 0),
                                 func.coalesce(func.sum(case((Gesture.mandate_check.in_(_OVER_FRAME), 1),
                                                             else_=0)), 0)))
                 .where(Gesture.team_id == Team.id, Gesture.occurred_at >= b.c.starts,
                        Gesture.occurred_at < b.c.ends, is_current_in_bulk())
                 .correlate(b, Team))
    return in_bucket.scalar_subquery()


def _aggregate(session: Session, teams: list[Team], week_list: tuple[IsoWeek, ...]) -> dict:
    b = _buckets({t.timezone for t in teams}, week_list)
    stmt = (select(Team.id, b.c.idx, _bucket_figures(b).label("figures"))
            .select_from(b).join(Team, Team.timezone == b.c.tz))
    out = {}
    for team_id, idx, figures in session.exec(stmt):
        n, givers, spend, rsum, delighted, over = (int(x) for x in figures)
        if n:
            out[(team_id, idx)] = WeekCell(week=week_list[idx], gestures=n, givers=givers, spend_cents=spend,
                                           reaction_sum=rsum, delighted=delighted, over_frame=over)
    return out
