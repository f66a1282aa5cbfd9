"""Build the WeeklyReport of a team's ISO week from SQL aggregates (never the whole history in Python).

Three queries cover the trailing window and the trend (week × person × trigger sums; kind × trigger ×
cost band sums; ranked example ids); a handful of small range-bounded queries cover the reported week.
Every query is bounded by time on (team_id, occurred_at), so the cost follows the weeks read, not the
length of the team's history.
"""

from dataclasses import replace
from datetime import datetime, timedelta

from sqlmodel import Session

from ledger import queries as q
from ledger.errors import NotFound
from ledger.models import Team
from ledger.types import utcnow
from ledger.vocab import REACTION_DELIGHTED
from ledger.weeks import IsoWeek, local_midnight_utc, week_bounds
from reports import frames, sections
from reports.model import Count, GestureBrief, MandateChange, Totals, WeeklyReport
from reports.sections import Sums
from reports.settings import MIN_ACTIVE_MEMBERS, QUIET_WEEKS, RECENT_WEEKS, TREND_WEEKS, WINDOW_WEEKS

STORY_MIN_DESCRIPTION = 30  # characters: a story needs a few words to be tellable
STORY_CANDIDATES = 5
EVIDENCE_LIMIT = 50  # at most this many gestures listed as evidence of one finding


def build_weekly_report(*, session: Session, team_id: int, week: IsoWeek, now: datetime | None = None,
                        lang: str = "en", currency: str = "EUR") -> WeeklyReport:
    """The weekly report of a team for an ISO week in its time zone, with its ranked prompts."""
    team = session.get(Team, team_id)
    if team is None:
        raise NotFound("team")
    tz = team.timezone
    start, end = week_bounds(week, tz)
    window = [week.shift(-i) for i in range(WINDOW_WEEKS - 1, -1, -1)]
    trend_weeks = [week.shift(-i) for i in range(TREND_WEEKS - 1, -1, -1)]
    wstart = week_bounds(window[0], tz)[0]
    members = q.active_members(session=session, team_id=team_id)
    person_level = bool(team.person_comparisons) and len(members) >= MIN_ACTIVE_MEMBERS
    frame = frames.frame_of_week(session=session, team_id=team_id, last_day=week.monday() + timedelta(days=6))

    week_rows = q.weekly_sums(session=session, team_id=team_id, weeks=trend_weeks, tz=tz, by_person=True,
                              by_trigger=True)
    group_rows = q.reaction_sums(session=session, team_id=team_id, start=wstart, end=end,
                                 by=("kind", "trigger", "band"))
    recent = window[-RECENT_WEEKS:]
    per_group = sections.EXAMPLES_PER_GROUP
    examples = sections.Examples.from_rows(
        q.example_ids(session=session, team_id=team_id, start=wstart, end=end, per_group=per_group),
        q.newest_ids(session=session, team_id=team_id, start=week_bounds(recent[0], tz)[0], end=end,
                     per_group=per_group))
    window_sums = sections.summed(group_rows, lambda r: "all").get("all") or Sums()
    weekly = sections.Weekly.fold(week_rows)
    trend = sections.trend(weekly, trend_weeks)
    holders = _frame_holders(members, weekly, window)
    report = WeeklyReport(
        team_id=team.id, team_name=team.name, timezone=tz, week=week, start=start, end=end,
        complete=(now or utcnow()) >= end, lang=lang, person_level=person_level,
        totals=_totals(session, team_id, start, end, trend[-1], weekly.by_week.get(str(week)), frame,
                       holders, len(members)),
        window_weeks=WINDOW_WEEKS, window_totals=window_sums.stat(),
        people=_people(session, team_id, weekly, window, wstart, start, end, holders, frame)
        if person_level else (),
        **sections.breakdowns(group_rows, window_sums.stat().mean, examples),
        follow_ups=_follow_ups(session, team_id, start, end),
        trigger_weeks=sections.trigger_weeks(weekly, window),
        recent_triggers=sections.recent_triggers(weekly, recent, examples),
        trend=trend,
        over_frame=_briefs(session, team_id, start, end, person_level, over_frame=True),
        stories=_briefs(session, team_id, start, end, person_level, min_reaction=REACTION_DELIGHTED,
                        min_description=STORY_MIN_DESCRIPTION, limit=STORY_CANDIDATES),
        unappreciated=_briefs(session, team_id, start, end, person_level, min_reaction=REACTION_DELIGHTED,
                              unappreciated=True),
        mandate_changes=_mandate_changes(session, team_id, tz, window[0], week, end),
        allowance_cents=frame.allowance_cents, cap_cents=frame.cap_cents,
    )
    from reports.prompts import prompts_for  # the engine imports the model; keep the cycle local

    return replace(report, prompts=tuple(prompts_for(report, lang, currency=currency)))


def _frame_holders(members, weekly, window) -> list:
    """Staff, plus managers/admins who gave in the window: a manager who never logs is not in the frame."""
    labels = [str(w) for w in window]
    return [m for m in members
            if m.role == "staff" or any((m.id, wk) in weekly.by_person_week for wk in labels)]


def _totals(session, team_id, start, end, point, week_sums, frame, members, member_count) -> Totals:
    over = q.over_frame_counts(session=session, team_id=team_id, start=start, end=end)
    appreciation = q.appreciation_sums(session=session, team_id=team_id, start=start, end=end)[0]
    effort = week_sums.effort if week_sums else 0
    effort_known = week_sums.effort_known if week_sums else 0
    allowance = None
    if frame.allowance_cents is not None:
        allowance = sum(frame.allowance_for(m.id) for m in members)
    return Totals(
        gestures=point.gestures, people_active=point.people_active, spent_cents=point.spent_cents,
        allowance_cents=allowance, over_frame=sum(over), over_cap=over.over_cap,
        over_allowance=over.over_allowance, reaction=point.reaction, appreciated=appreciation.appreciated,
        appreciations=appreciation.appreciations, effort_minutes=int(effort),
        effort_known=int(effort_known), members=member_count)


def _people(session, team_id, weekly, window, wstart, start, end, members, frame):
    names = {m.id: m.display_name for m in members}
    givers = weekly.givers.get(str(window[-1]), set())
    names.update(q.people_named(session=session, ids=sorted(givers - names.keys())))
    facts = sections.PersonFacts(
        names=names, roles={m.id: m.role for m in members},
        since=_member_since(session, team_id, members),
        over_frame=q.person_over_frame(session=session, team_id=team_id, start=start, end=end),
        week_appreciation={r.person_id: r for r in q.appreciation_sums(
            session=session, team_id=team_id, start=start, end=end, by_person=True)},
        window_appreciated={r.person_id: r.appreciated for r in q.appreciation_sums(
            session=session, team_id=team_id, start=wstart, end=end, by_person=True)},
        gesture_ids=q.origin_ids_by_person(session=session, team_id=team_id, start=start, end=end),
        allowance_for=frame.allowance_for)
    return sections.people(weekly, window, QUIET_WEEKS, facts)


def _member_since(session, team_id, members) -> dict:
    # created_at is when the record was made (an import makes everyone "new"); an earlier first gesture
    # in the team shows the person was there before.
    first = q.first_gesture_at(session=session, team_id=team_id, person_ids=[m.id for m in members])
    return {m.id: min(m.created_at, first.get(m.id, m.created_at)).date() for m in members}


def _follow_ups(session, team_id, start, end) -> tuple[Count, ...]:
    rows = q.reaction_sums(session=session, team_id=team_id, start=start, end=end, by=("follow_up",))
    return tuple(sorted((Count(r.follow_up, r.n) for r in rows if r.follow_up), key=lambda c: c.code))


def _brief(row, person_level: bool) -> GestureBrief:
    return GestureBrief(
        id=str(row.origin_id), occurred_at=row.occurred_at, kind=row.kind, trigger=row.trigger,
        cost_cents=row.cost_cents, reaction=row.reaction, description=row.description,
        reaction_note=row.reaction_note, trigger_note=row.trigger_note, follow_up=row.follow_up,
        mandate_check=row.mandate_check, appreciations=int(row.appreciations),
        person_id=row.person_id if person_level else None,
        person_name=row.person_name if person_level else "")


def _briefs(session, team_id, start, end, person_level, *, limit=EVIDENCE_LIMIT, **filters):
    rows = q.gesture_briefs(session=session, team_id=team_id, start=start, end=end, limit=limit, **filters)
    return tuple(_brief(r, person_level) for r in rows)


def _mandate_changes(session, team_id, tz, first: IsoWeek, week: IsoWeek, end) -> tuple[MandateChange, ...]:
    # A version starting on the window's first day has no "before" inside the window; look from day 2 on.
    changes = []
    for before, after in frames.versions_between(session=session, team_id=team_id,
                                                 first_day=first.monday() + timedelta(days=1),
                                                 last_day=week.monday() + timedelta(days=6)):
        at = local_midnight_utc(after.valid_from, tz)
        b = Sums().add(q.reaction_sums(session=session, team_id=team_id, start=at - timedelta(
            weeks=WINDOW_WEEKS), end=at)[0])
        a = Sums().add(q.reaction_sums(session=session, team_id=team_id, start=at, end=end)[0])
        changes.append(MandateChange(
            valid_from=after.valid_from, week=IsoWeek.of(after.valid_from),
            cap_before=before.per_gesture_cap_cents if before else None,
            cap_after=after.per_gesture_cap_cents,
            allowance_before=before.allowance_cents if before else None,
            allowance_after=after.allowance_cents,
            period_before=before.allowance_period if before else None, period_after=after.allowance_period,
            before=b.stat(), after=a.stat(), gestures_before=b.n, gestures_after=a.n,
            spent_before=b.spent, spent_after=a.spent, weeks_before=WINDOW_WEEKS,
            weeks_after=max(1, round((end - at) / timedelta(weeks=1)))))
    return tuple(changes)
