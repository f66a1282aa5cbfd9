"""Step one of the weekly report: every query it needs, run once, handed over as plain rows.

Three queries cover the trailing window and the trend (week × person × trigger sums; kind × trigger ×
cost band sums; ranked example ids); a handful of small range-bounded queries cover the reported week.
Every query is bounded by time on (team_id, occurred_at), so the cost follows the weeks read, not the
length of the team's history. Nothing here folds: reports.weekly turns a WeekRows into a WeeklyReport
without touching the database (STYLE rule 17).
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy.engine import Row
from sqlmodel import Session, select

from ledger import queries as q
from ledger.models import Mandate, PromptReview
from ledger.services.teams import get_team
from ledger.vocab import REACTION_DELIGHTED, Role
from ledger.weeks import IsoWeek, local_midnight_utc, week_bounds
from reports import frames
from reports.frames import WeekFrame
from reports.sections import EXAMPLES_PER_GROUP, Sums
from reports.session_rows import SessionRows, last_session_rows, weeks_around
from reports.settings import FEEDBACK_WEEKS, MIN_ACTIVE_MEMBERS, RECENT_WEEKS, TREND_WEEKS, WINDOW_WEEKS

STORY_MIN_DESCRIPTION = 30  # characters: a story needs a few words to be tellable
STORY_CANDIDATES = 5
EVIDENCE_LIMIT = 50  # at most this many gestures listed as evidence of one finding


@dataclass(frozen=True)
class WeekSpan:
    """The weeks a report reads, in the team's zone: the reported week, the window and the trend."""

    week: IsoWeek
    tz: str
    window: tuple[IsoWeek, ...]  # oldest first, ending with the reported week
    trend: tuple[IsoWeek, ...]
    start: datetime  # UTC bounds of the reported week, half open
    end: datetime

    @classmethod
    def ending(cls, week: IsoWeek, tz: str) -> "WeekSpan":
        """The span of a report on `week` in zone `tz` (pure: no database)."""
        start, end = week_bounds(week, tz)
        return cls(week, tz, tuple(week.shift(-i) for i in range(WINDOW_WEEKS - 1, -1, -1)),
                   tuple(week.shift(-i) for i in range(TREND_WEEKS - 1, -1, -1)), start, end)

    @property
    def recent(self) -> tuple[IsoWeek, ...]:
        """The recent end of the window."""
        return self.window[-RECENT_WEEKS:]

    @property
    def window_start(self) -> datetime:
        """UTC start of the window's first week."""
        return week_bounds(self.window[0], self.tz)[0]

    @property
    def recent_start(self) -> datetime:
        """UTC start of the window's recent weeks."""
        return week_bounds(self.recent[0], self.tz)[0]

    @property
    def last_day(self) -> date:
        """The reported week's Sunday (a local date)."""
        return self.week.monday() + timedelta(days=6)

    @property
    def month_start(self) -> datetime:
        """UTC start of the month of the reported week's Sunday (a monthly frame is read month to date)."""
        return local_midnight_utc(self.last_day.replace(day=1), self.tz)


@dataclass(frozen=True)
class TeamRow:
    """The team as the report names it."""

    id: int
    name: str


@dataclass(frozen=True)
class FrameVersion:
    """One mandate version's frame, copied off the ORM row."""

    valid_from: date
    cap_cents: int
    allowance_cents: int
    period: str

    @classmethod
    def of(cls, mandate: Mandate | None) -> "FrameVersion | None":
        """The frame of a mandate version (None stays None)."""
        if mandate is None:
            return None
        return cls(mandate.valid_from, mandate.per_gesture_cap_cents, mandate.allowance_cents,
                   mandate.allowance_period)


@dataclass(frozen=True)
class MandateShiftRows:
    """A mandate version that started in the window, the one before it, and reactions on either side."""

    before: FrameVersion | None
    after: FrameVersion
    starts_at: datetime  # UTC instant the new version took effect (local midnight)
    sums_before: Row  # reaction sums of the WINDOW_WEEKS whole weeks before starts_at
    sums_after: Row  # reaction sums of the whole weeks from starts_at to the end of the reported week
    weeks_before: int | None = None  # of those weeks, how many had entries (None: not counted)
    weeks_after: int | None = None


@dataclass(frozen=True)
class BriefRows:
    """Gesture brief rows of the reported week (ledger.queries.gesture_briefs)."""

    over_frame: tuple[Row, ...]
    stories: tuple[Row, ...]
    unappreciated: tuple[Row, ...]


@dataclass(frozen=True)
class PeopleRows:
    """The person-level queries, run only when the report may show people."""

    other_givers: dict[int, str]  # names of givers of the week who are not active members
    first_gesture_at: dict[int, datetime]  # of the active members
    over_frame: dict[int, int]  # per person, the week
    week_appreciation: tuple[Row, ...]  # appreciation_sums by person, the week
    window_appreciation: tuple[Row, ...]  # appreciation_sums by person, the window
    gesture_ids: dict[int, list[str]]  # per person, origin ids of the week's gestures


@dataclass(frozen=True)
class WeekRows:
    """Everything the queries of one weekly report returned; folded by reports.weekly.fold_weekly_report."""

    team: TeamRow
    span: WeekSpan
    members: tuple[Row, ...]  # active members: id, display_name, role, created_at, since
    frame: WeekFrame  # the mandate in force at the end of the week
    weekly: tuple[Row, ...]  # weekly_sums by person × trigger over the trend weeks
    groups: tuple[Row, ...]  # reaction_sums by kind × trigger × band over the window
    examples: tuple[Row, ...]  # example_ids over the window
    newest: tuple[Row, ...]  # newest_ids per trigger over the recent weeks
    over_frame: Row  # over_frame_counts of the week
    appreciation: Row  # appreciation_sums of the week
    follow_ups: tuple[Row, ...]  # reaction_sums by follow_up of the week
    briefs: BriefRows
    mandate_shifts: tuple[MandateShiftRows, ...] = ()
    last_session: SessionRows | None = None  # the last closed learning session in the window
    people: PeopleRows | None = None  # None: no person data at all (works council mode, small team)
    month_spend: dict[int, int] | None = None  # a monthly frame: spend per person, month to date
    reviews: tuple[Row, ...] = ()  # PromptReview (prompt_key, week, status, helped) of the feedback weeks


@dataclass(frozen=True)
class _Reader:
    """The session and the span every query of one report shares."""

    session: Session
    team_id: int
    span: WeekSpan

    def since(self, start: datetime, query, **kw):
        """Run a range query from `start` to the end of the reported week."""
        return query(session=self.session, team_id=self.team_id, start=start, end=self.span.end, **kw)

    def week(self, query, **kw):
        """Run a range query over the reported week."""
        return self.since(self.span.start, query, **kw)

    def window(self, query, **kw):
        """Run a range query over the trailing window."""
        return self.since(self.span.window_start, query, **kw)


def may_compare_people(team, members) -> bool:
    """Person-level parts only when the team allows them (works-council mode off) and has enough staff.

    The team's minimum group size (set by an admin) counts staff who can give; the managers who read the
    report are not counted: a night desk of two receptionists and their manager is a team of two here.
    """
    staff = sum(1 for m in members if m.role == Role.STAFF)
    return bool(team.person_comparisons) and staff >= (team.min_group_size or MIN_ACTIVE_MEMBERS)


def read_week_rows(*, session: Session, team_id: int, week: IsoWeek, person_level: bool = True) -> WeekRows:
    """Run every query of a team's weekly report once (step one of two; nothing is folded here).

    `person_level=False` switches every person-level part off in this one place (works-council mode).
    """
    team = get_team(session=session, team_id=team_id)
    read = _Reader(session, team_id, WeekSpan.ending(week, team.timezone))
    members = tuple(q.active_members(session=session, team_id=team_id))
    weekly = tuple(q.weekly_sums(session=session, team_id=team_id, weeks=read.span.trend, tz=team.timezone,
                                 by_person=True, by_trigger=True))
    person_level = person_level and may_compare_people(team, members)
    frame = frames.frame_of_week(session=session, team_id=team_id, last_day=read.span.last_day)
    return WeekRows(
        team=TeamRow(team.id, team.name), span=read.span, members=members, frame=frame,
        weekly=weekly, month_spend=_month_spend(read) if frame.monthly else None,
        reviews=_reviews(read),
        groups=tuple(read.window(q.reaction_sums, by=("kind", "trigger", "band"))),
        examples=tuple(read.window(q.example_ids, per_group=EXAMPLES_PER_GROUP)),
        newest=tuple(read.since(read.span.recent_start, q.newest_ids, per_group=EXAMPLES_PER_GROUP)),
        over_frame=read.week(q.over_frame_counts), appreciation=read.week(q.appreciation_sums)[0],
        follow_ups=tuple(read.week(q.reaction_sums, by=("follow_up",))),
        briefs=_briefs(read), mandate_shifts=_mandate_shifts(read),
        last_session=last_session_rows(session=session, team_id=team_id, tz=team.timezone, week=week,
                                       last_day=read.span.last_day),
        people=_people(read, members, weekly) if person_level else None)


def _briefs(read: _Reader) -> BriefRows:
    def briefs(limit: int = EVIDENCE_LIMIT, **filters) -> tuple[Row, ...]:
        return tuple(read.week(q.gesture_briefs, limit=limit, **filters))

    return BriefRows(
        over_frame=briefs(over_frame=True),
        stories=briefs(min_reaction=REACTION_DELIGHTED, min_description=STORY_MIN_DESCRIPTION,
                       limit=STORY_CANDIDATES),
        unappreciated=briefs(min_reaction=REACTION_DELIGHTED, unappreciated=True))


def _people(read: _Reader, members: tuple[Row, ...], weekly: tuple[Row, ...]) -> PeopleRows:
    session, team_id = read.session, read.team_id
    member_ids = [m.id for m in members]
    givers = {r.person_id for r in weekly if r.wk == str(read.span.week)} - set(member_ids)
    return PeopleRows(
        other_givers=q.people_named(session=session, ids=sorted(givers)),
        first_gesture_at=q.first_gesture_at(session=session, team_id=team_id, person_ids=member_ids),
        over_frame=read.week(q.person_over_frame),
        week_appreciation=tuple(read.week(q.appreciation_sums, by_person=True)),
        window_appreciation=tuple(read.window(q.appreciation_sums, by_person=True)),
        gesture_ids=read.week(q.origin_ids_by_person))


def _mandate_shifts(read: _Reader) -> tuple[MandateShiftRows, ...]:
    # A version starting on the window's first day has no "before" inside the window; look from day 2 on.
    span, shifts = read.span, []
    for before, after in frames.versions_between(session=read.session, team_id=read.team_id,
                                                 first_day=span.window[0].monday() + timedelta(days=1),
                                                 last_day=span.last_day):
        at = local_midnight_utc(after.valid_from, span.tz)
        around = weeks_around(read.session, read.team_id, span.tz, at, span.week)
        shifts.append(MandateShiftRows(
            before=FrameVersion.of(before), after=FrameVersion.of(after), starts_at=at,
            sums_before=_summed(around.weeks_before), sums_after=_summed(around.weeks_after),
            weeks_before=sum(1 for r in around.weeks_before if r.n),
            weeks_after=sum(1 for r in around.weeks_after if r.n)))
    return tuple(shifts)


def _summed(rows) -> Sums:
    total = Sums()
    for row in rows:
        total.add(row)
    return total


def _month_spend(read: _Reader) -> dict[int, int]:
    """Spend per person from the 1st of the month to the end of the reported week."""
    rows = read.since(read.span.month_start, q.reaction_sums, by=("person_id",))
    return {r.person_id: int(r.spent or 0) for r in rows}


def _reviews(read: _Reader) -> tuple[Row, ...]:
    """The managers' marks on this team's prompts of the feedback weeks and the reported week."""
    weeks = [str(read.span.week.shift(-i)) for i in range(FEEDBACK_WEEKS + 1)]
    query = (select(PromptReview.prompt_key, PromptReview.week, PromptReview.status, PromptReview.helped)
             .where(PromptReview.team_id == read.team_id, PromptReview.week.in_(weeks)))
    return tuple(read.session.execute(query))
