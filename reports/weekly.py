"""Build the WeeklyReport of a team's ISO week from SQL aggregates (never the whole history in Python)."""

from dataclasses import dataclass, replace
from datetime import datetime, timedelta

from sqlmodel import Session

from ledger import queries as q
from ledger.errors import NotFound
from ledger.models import Team
from ledger.types import utcnow
from ledger.vocab import REACTION_DELIGHTED
from ledger.weeks import IsoWeek, local_midnight_utc, week_bounds
from reports import frames
from reports.model import (
    Count,
    GestureBrief,
    Group,
    MandateChange,
    PersonWeek,
    Stat,
    Totals,
    WeeklyReport,
    WeekPoint,
)
from reports.settings import MIN_ACTIVE_MEMBERS, QUIET_WEEKS, RECENT_WEEKS, TREND_WEEKS, WINDOW_WEEKS
from reports.stats import make_stat

STORY_MIN_DESCRIPTION = 30  # characters: a story needs a few words to be tellable
STORY_CANDIDATES = 5
EVIDENCE_LIMIT = 50  # at most this many gestures listed as evidence of one finding
EXAMPLES_PER_GROUP = 5  # warm / flat examples kept per kind × trigger group


@dataclass
class _Sums:
    """Sufficient statistics of reactions, added up from SQL group rows."""

    n: int = 0
    total: int = 0
    total_sq: int = 0
    delighted: int = 0
    flat: int = 0
    spent: int = 0
    effort: int = 0

    def add(self, row) -> "_Sums":
        self.n += row.n
        self.total += row.total
        self.total_sq += row.total_sq
        self.delighted += row.delighted
        self.flat += row.flat
        self.spent += row.spent
        self.effort += row.effort
        return self

    def stat(self, team_mean: float | None = None) -> Stat:
        return make_stat(self.n, self.total, self.total_sq, self.delighted, team_mean, self.flat)


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

    team_window = _Sums()
    pair_rows = q.reaction_sums(session=session, team_id=team_id, start=wstart, end=end,
                                by=("kind", "trigger"))
    for row in pair_rows:
        team_window.add(row)
    team_mean = team_window.stat().mean
    trend = _trend(session, team_id, trend_weeks, tz)
    totals = _totals(session, team_id, start, end, trend[-1], frame, members)
    report = WeeklyReport(
        team_id=team.id, team_name=team.name, timezone=tz, week=week, start=start, end=end,
        complete=(now or utcnow()) >= end, lang=lang, person_level=person_level, totals=totals,
        window_weeks=WINDOW_WEEKS, window_totals=team_window.stat(),
        people=_people(session, team_id, window, tz, start, end, members, frame) if person_level else (),
        by_kind=_sum_groups(pair_rows, "kind", team_mean),
        by_trigger=_sum_groups(pair_rows, "trigger", team_mean),
        by_band=_band_groups(session, team_id, wstart, end, team_mean),
        by_kind_trigger=_pair_groups(session, team_id, wstart, end, pair_rows, team_mean),
        follow_ups=_follow_ups(session, team_id, start, end),
        trigger_weeks=_trigger_weeks(session, team_id, window, tz),
        recent_triggers=_recent_triggers(session, team_id, week_bounds(window[-RECENT_WEEKS], tz)[0], end),
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


def _trend(session, team_id, weeks, tz) -> tuple[WeekPoint, ...]:
    rows = {r.wk: r for r in q.weekly_sums(session=session, team_id=team_id, weeks=weeks, tz=tz)}
    points = []
    for week in weeks:
        row = rows.get(str(week))
        sums = _Sums().add(row) if row else _Sums()
        points.append(WeekPoint(week, sums.n, sums.spent, sums.stat(), row.people if row else 0))
    return tuple(points)


def _totals(session, team_id, start, end, point: WeekPoint, frame, members) -> Totals:
    over = q.over_frame_counts(session=session, team_id=team_id, start=start, end=end)
    appreciation = q.appreciation_sums(session=session, team_id=team_id, start=start, end=end)[0]
    week_sums = q.reaction_sums(session=session, team_id=team_id, start=start, end=end)[0]
    allowance = None
    if frame.allowance_cents is not None:
        allowance = sum(frame.allowance_for(m.id) for m in members)
    return Totals(
        gestures=point.gestures, people_active=point.people_active, spent_cents=point.spent_cents,
        allowance_cents=allowance, over_frame=sum(over), over_cap=over.over_cap,
        over_allowance=over.over_allowance, reaction=point.reaction, appreciated=appreciation.appreciated,
        appreciations=appreciation.appreciations, effort_minutes=int(week_sums.effort), members=len(members))


def _sum_groups(rows, dimension: str, team_mean) -> tuple[Group, ...]:
    sums: dict[str, _Sums] = {}
    for row in rows:
        sums.setdefault(getattr(row, dimension), _Sums()).add(row)
    return tuple(Group(dimension, code, s.stat(team_mean), s.spent) for code, s in sorted(sums.items()))


def _band_groups(session, team_id, start, end, team_mean) -> tuple[Group, ...]:
    rows = {r.band: r for r in q.reaction_sums(session=session, team_id=team_id, start=start, end=end,
                                                by=("band",))}
    warm = _examples(session, team_id, start, end, ("band",), mode="warm")
    groups = []
    for band in q.COST_BANDS:
        sums = _Sums().add(rows[band]) if band in rows else _Sums()
        groups.append(Group("band", band, sums.stat(team_mean), sums.spent, warm.get(band, ())))
    return tuple(groups)


def _pair_groups(session, team_id, start, end, rows, team_mean) -> tuple[Group, ...]:
    warm = _examples(session, team_id, start, end, ("kind", "trigger"), mode="warm")
    flat = _examples(session, team_id, start, end, ("kind", "trigger"), mode="flat")
    groups = []
    for row in sorted(rows, key=lambda r: (r.kind, r.trigger)):
        code = f"{row.kind}|{row.trigger}"
        groups.append(Group("kind_trigger", code, _Sums().add(row).stat(team_mean), int(row.spent),
                            warm.get(code, ()), flat.get(code, ())))
    return tuple(groups)


def _examples(session, team_id, start, end, by, *, mode: str) -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {}
    for row in q.group_examples(session=session, team_id=team_id, start=start, end=end, by=by, mode=mode,
                                per_group=EXAMPLES_PER_GROUP):
        code = "|".join(str(row[i]) for i in range(len(by)))
        found.setdefault(code, []).append(str(row.origin_id))
    return {code: tuple(ids) for code, ids in found.items()}


def _follow_ups(session, team_id, start, end) -> tuple[Count, ...]:
    rows = q.reaction_sums(session=session, team_id=team_id, start=start, end=end, by=("follow_up",))
    return tuple(sorted((Count(r.follow_up, r.n) for r in rows if r.follow_up), key=lambda c: c.code))


def _recent_triggers(session, team_id, start, end) -> tuple[Group, ...]:
    rows = q.reaction_sums(session=session, team_id=team_id, start=start, end=end, by=("trigger",))
    recent = _examples(session, team_id, start, end, ("trigger",), mode="recent")
    return tuple(Group("trigger", r.trigger, _Sums().add(r).stat(), int(r.spent),
                       recent_ids=recent.get(r.trigger, ())) for r in sorted(rows, key=lambda r: r.trigger))


def _trigger_weeks(session, team_id, weeks, tz) -> tuple[Count, ...]:
    rows = q.weekly_sums(session=session, team_id=team_id, weeks=weeks, tz=tz, by_trigger=True)
    return tuple(sorted((Count(r.trigger, r.n, IsoWeek.parse(r.wk)) for r in rows),
                        key=lambda c: (c.week, c.code)))


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


def _people(session, team_id, window, tz, start, end, members, frame) -> tuple[PersonWeek, ...]:
    rows = q.weekly_sums(session=session, team_id=team_id, weeks=window, tz=tz, by_person=True)
    week_label, quiet = str(window[-1]), [str(w) for w in window[-QUIET_WEEKS:]]
    names = {m.id: m.display_name for m in members}
    since = {m.id: m.created_at.date() for m in members}
    roles = {m.id: m.role for m in members}
    ids = q.origin_ids_by_person(session=session, team_id=team_id, start=start, end=end)
    givers = {r.person_id for r in rows if r.wk == week_label}
    names.update(q.people_named(session=session, ids=sorted(givers - names.keys())))
    over = q.person_over_frame(session=session, team_id=team_id, start=start, end=end)
    week_app = {r.person_id: r for r in q.appreciation_sums(session=session, team_id=team_id, start=start,
                                                            end=end, by_person=True)}
    window_start = week_bounds(window[0], tz)[0]
    window_app = {r.person_id: r.appreciated for r in q.appreciation_sums(
        session=session, team_id=team_id, start=window_start, end=end, by_person=True)}
    by_person: dict[int, dict[str, object]] = {}
    for row in rows:
        by_person.setdefault(row.person_id, {})[row.wk] = row
    people = []
    for pid, name in sorted(names.items(), key=lambda item: (item[1], item[0])):
        weeks = by_person.get(pid, {})
        week_sums = _Sums().add(weeks[week_label]) if week_label in weeks else _Sums()
        window_sums = _Sums()
        for row in weeks.values():
            window_sums.add(row)
        app = week_app.get(pid)
        people.append(PersonWeek(
            person_id=pid, name=name, gestures=week_sums.n, spent_cents=week_sums.spent,
            allowance_cents=frame.allowance_for(pid), over_frame=over.get(pid, 0), reaction=week_sums.stat(),
            appreciations=app.appreciations if app else 0, appreciated=app.appreciated if app else 0,
            window_gestures=window_sums.n, window_appreciated=window_app.get(pid, 0),
            window_reaction=window_sums.stat(),
            recent_spent_cents=tuple(weeks[w].spent if w in weeks else 0 for w in quiet),
            recent_gestures=tuple(weeks[w].n if w in weeks else 0 for w in quiet),
            member_since=since.get(pid), role=roles.get(pid, "staff"), gesture_ids=tuple(ids.get(pid, ()))))
    return tuple(people)


def _mandate_changes(session, team_id, tz, first: IsoWeek, week: IsoWeek, end) -> tuple[MandateChange, ...]:
    # A version starting on the window's first day has no "before" inside the window; look from day 2 on.
    first_day = first.monday() + timedelta(days=1)
    changes = []
    for before, after in frames.versions_between(session=session, team_id=team_id, first_day=first_day,
                                                 last_day=week.monday() + timedelta(days=6)):
        at = local_midnight_utc(after.valid_from, tz)
        before_start = at - timedelta(weeks=WINDOW_WEEKS)
        b = q.reaction_sums(session=session, team_id=team_id, start=before_start, end=at)[0]
        a = q.reaction_sums(session=session, team_id=team_id, start=at, end=end)[0]
        changes.append(MandateChange(
            valid_from=after.valid_from, week=IsoWeek.of(after.valid_from),
            cap_before=before.per_gesture_cap_cents if before else None,
            cap_after=after.per_gesture_cap_cents,
            allowance_before=before.allowance_cents if before else None,
            allowance_after=after.allowance_cents,
            period_before=before.allowance_period if before else None, period_after=after.allowance_period,
            before=_Sums().add(b).stat(), after=_Sums().add(a).stat(),
            gestures_before=b.n, gestures_after=a.n,
            spent_before=int(b.spent), spent_after=int(a.spent), weeks_before=WINDOW_WEEKS,
            weeks_after=max(1, round((end - at) / timedelta(weeks=1)))))
    return tuple(changes)
