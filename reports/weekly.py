"""The WeeklyReport of a team's ISO week, in two steps (STYLE rule 17).

Step one, reports.week_rows.read_week_rows, runs every SQL aggregate once and returns plain rows; step two,
`fold_weekly_report`, folds them into the frozen WeeklyReport and its prompts without touching the
database — so the data walks down once and up once, and the fold is testable with hand-built rows.
"""

from dataclasses import replace
from datetime import datetime, timedelta

from sqlmodel import Session

from ledger.types import utcnow
from ledger.vocab import Role
from ledger.weeks import IsoWeek
from reports import sections
from reports.model import (
    Count,
    GestureBrief,
    MandateChange,
    MonthFrame,
    Review,
    Totals,
    WeeklyReport,
    WeekPoint,
)
from reports.prompts import KINDS, prompts_for
from reports.prompts.select import set_aside_kinds
from reports.sections import Sums, Weekly
from reports.session_loop import fold_session
from reports.settings import QUIET_WEEKS, WINDOW_WEEKS
from reports.week_rows import BriefRows, MandateShiftRows, WeekRows, read_week_rows


def build_weekly_report(*, session: Session, team_id: int, week: IsoWeek, now: datetime | None = None,
                        lang: str = "en", currency: str = "EUR", person_level: bool = True,
                        brought_back: tuple[str, ...] = ()) -> WeeklyReport:
    """The weekly report of a team for an ISO week in its time zone, with its ranked prompts.

    `person_level=False` leaves every person out (works-council mode); `brought_back` names prompt kinds
    set aside weeks running that the manager asked to see first again.
    """
    rows = read_week_rows(session=session, team_id=team_id, week=week, person_level=person_level)
    return fold_weekly_report(rows, now=now or utcnow(), lang=lang, currency=currency,
                              brought_back=brought_back)


def fold_weekly_report(rows: WeekRows, *, now: datetime, lang: str = "en", currency: str = "EUR",
                       brought_back: tuple[str, ...] = ()) -> WeeklyReport:
    """The WeeklyReport of the rows read for one week, with its ranked prompts (pure: no database)."""
    span, person_level = rows.span, rows.people is not None
    weekly = Weekly.fold(rows.weekly)
    trend = sections.trend(weekly, list(span.trend))
    holders = _frame_holders(rows.members, weekly, span.window)
    reviews = tuple(Review(r.prompt_key, IsoWeek.parse(r.week), r.status, r.helped) for r in rows.reviews)
    report = WeeklyReport(
        team_id=rows.team.id, team_name=rows.team.name, timezone=span.tz, week=span.week, start=span.start,
        end=span.end, complete=now >= span.end, lang=lang, person_level=person_level, currency=currency,
        totals=_totals(rows, trend[-1], weekly, holders), window_weeks=WINDOW_WEEKS,
        people=_people(rows, weekly, holders) if person_level else (), **_window(rows, weekly),
        follow_ups=_follow_ups(rows.follow_ups), trend=trend, **_briefs(rows.briefs, person_level),
        mandate_changes=tuple(_mandate_change(shift, span.end) for shift in rows.mandate_shifts),
        last_session=fold_session(rows.last_session),
        allowance_cents=rows.frame.allowance_cents, cap_cents=rows.frame.cap_cents,
        started=now >= span.start, period=rows.frame.period, month=_month(rows, holders),
        reviews=reviews, set_aside_kinds=set_aside_kinds(reviews, span.week),
        brought_back=tuple(k for k in brought_back if k in KINDS),
    )

    return replace(report, prompts=tuple(prompts_for(report, lang, currency=currency)))


def _frame_holders(members, weekly: Weekly, window) -> list:
    """Staff, plus managers/admins who gave in the window: a manager who never logs is not in the frame."""
    labels = [str(w) for w in window]
    return [m for m in members
            if m.role == Role.STAFF or any((m.id, wk) in weekly.by_person_week for wk in labels)]


def _month(rows: WeekRows, holders: list) -> MonthFrame | None:
    """A monthly frame month to date: the team's and each holder's spend against the monthly allowance."""
    frame, spend = rows.frame, rows.month_spend
    if not frame.monthly or spend is None:
        return None
    per_person = tuple((m.id, spend.get(m.id, 0), frame.period_allowance_for(m.id)) for m in holders)
    return MonthFrame(first_day=rows.span.last_day.replace(day=1), last_day=rows.span.last_day,
                      allowance_cents=sum(a for _, _, a in per_person), spent_cents=sum(spend.values()),
                      per_person=per_person)


def _window(rows: WeekRows, weekly: Weekly) -> dict:
    """The trailing window: the team mean, every breakdown with its examples, the trigger mix."""
    examples = sections.Examples.from_rows(rows.examples, rows.newest)
    window_sums = sections.summed(rows.groups, lambda r: "all").get("all") or Sums()
    return {
        "window_totals": window_sums.stat(),
        **sections.breakdowns(rows.groups, window_sums.stat().mean, examples),
        "trigger_weeks": sections.trigger_weeks(weekly, list(rows.span.window)),
        "recent_triggers": sections.recent_triggers(weekly, list(rows.span.recent), examples),
    }


def _totals(rows: WeekRows, point: WeekPoint, weekly: Weekly, holders: list) -> Totals:
    over, appreciation, frame = rows.over_frame, rows.appreciation, rows.frame
    week_sums = weekly.by_week.get(str(rows.span.week))
    allowance = None
    if frame.allowance_cents is not None:
        allowance = sum(frame.allowance_for(m.id) for m in holders)
    return Totals(
        gestures=point.gestures, people_active=point.people_active, spent_cents=point.spent_cents,
        allowance_cents=allowance, over_frame=sum(over), over_cap=over.over_cap,
        over_allowance=over.over_allowance, reaction=point.reaction, appreciated=appreciation.appreciated,
        appreciations=appreciation.appreciations, effort_minutes=int(week_sums.effort if week_sums else 0),
        effort_known=int(week_sums.effort_known if week_sums else 0), members=len(rows.members))


def _people(rows: WeekRows, weekly: Weekly, holders: list):
    found = rows.people
    # The membership's start date when it is known. Else: created_at is when the record was made (an
    # import makes everyone "new"), and an earlier first gesture in the team shows the person was there
    # before.
    since = {m.id: m.since or min(m.created_at, found.first_gesture_at.get(m.id, m.created_at)).date()
             for m in holders}
    facts = sections.PersonFacts(
        names={m.id: m.display_name for m in holders} | found.other_givers,
        roles={m.id: m.role for m in holders}, since=since, over_frame=found.over_frame,
        week_appreciation={r.person_id: r for r in found.week_appreciation},
        window_appreciated={r.person_id: r.appreciated for r in found.window_appreciation},
        gesture_ids=found.gesture_ids, allowance_for=rows.frame.allowance_for)
    return sections.people(weekly, list(rows.span.window), QUIET_WEEKS, facts)


def _follow_ups(rows) -> tuple[Count, ...]:
    return tuple(sorted((Count(r.follow_up, r.n) for r in rows if r.follow_up), key=lambda c: c.code))


def _briefs(briefs: BriefRows, person_level: bool) -> dict[str, tuple[GestureBrief, ...]]:
    def of(found) -> tuple[GestureBrief, ...]:
        return tuple(GestureBrief.from_row(r, person_level) for r in found)

    return {"over_frame": of(briefs.over_frame), "stories": of(briefs.stories),
            "unappreciated": of(briefs.unappreciated)}


def _mandate_change(shift: MandateShiftRows, end: datetime) -> MandateChange:
    before, after = shift.before, shift.after
    b, a = Sums().add(shift.sums_before), Sums().add(shift.sums_after)
    return MandateChange(
        valid_from=after.valid_from, week=IsoWeek.of(after.valid_from),
        cap_before=before.cap_cents if before else None, cap_after=after.cap_cents,
        allowance_before=before.allowance_cents if before else None, allowance_after=after.allowance_cents,
        period_before=before.period if before else None, period_after=after.period,
        before=b.stat(), after=a.stat(), gestures_before=b.n, gestures_after=a.n,
        spent_before=b.spent, spent_after=a.spent,
        weeks_before=WINDOW_WEEKS if shift.weeks_before is None else shift.weeks_before,
        weeks_after=(max(1, round((end - shift.starts_at) / timedelta(weeks=1))) if shift.weeks_after is None
                     else shift.weeks_after))
