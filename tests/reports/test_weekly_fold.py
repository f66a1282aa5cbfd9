"""The second step of the weekly report: folding hand-built rows into a WeeklyReport, no database at all.

These tests use no `session` fixture: whatever the fold needs must already be in the rows.
"""

import uuid
from collections import namedtuple
from datetime import UTC, date, datetime, timedelta
from types import SimpleNamespace

from reports.frames import WeekFrame
from reports.week_rows import (
    BriefRows,
    FrameVersion,
    MandateShiftRows,
    PeopleRows,
    TeamRow,
    WeekRows,
    WeekSpan,
)
from reports.weekly import fold_weekly_report
from tests.reports.builders import LONG_AGO, NOW, WEEK

ANOUK, BRAM, CEM, GUEST = 1, 2, 3, 9  # GUEST gave this week but is no longer an active member
TZ = "Europe/Amsterdam"
OverFrame = namedtuple("OverFrame", "over_cap over_allowance outside_kinds")
Appreciated = namedtuple("Appreciated", "appreciations appreciated person_id", defaults=(None,))
STORY_ID = uuid.uuid4()


def sums(reactions: list[int], spent: int = 0, **keys) -> SimpleNamespace:
    """An aggregate row as ledger.queries returns it: n, Σ, Σ², delighted, flat, spend (plus group keys)."""
    return SimpleNamespace(n=len(reactions), total=sum(reactions), total_sq=sum(r * r for r in reactions),
                           delighted=sum(r >= 4 for r in reactions), flat=sum(r <= 2 for r in reactions),
                           spent=spent, effort=0, effort_known=0, **keys)


def member(pid: int, name: str, role: str = "staff") -> SimpleNamespace:
    return SimpleNamespace(id=pid, display_name=name, role=role, created_at=LONG_AGO, since=None)


def story_row() -> SimpleNamespace:
    return SimpleNamespace(
        origin_id=STORY_ID, occurred_at=datetime(2026, 2, 10, 11, tzinfo=UTC), kind="time",
        trigger="in_need", cost_cents=0, reaction=5, description="Walked a lost guest to the station",
        reaction_note="", trigger_note="", follow_up=None, mandate_check="within", appreciations=0,
        person_id=ANOUK, person_name="Anouk")


def week_rows(*, person_level: bool = True, shifts: tuple = ()) -> WeekRows:
    """Anouk gave two gestures (5 and 4, €4.50), Bram one (3), the guest one (4); Cem the week before."""
    week, before = str(WEEK), str(WEEK.shift(-1))
    weekly = (sums([5, 4], 450, wk=week, person_id=ANOUK, trigger="in_need", people=1),
              sums([3], 0, wk=week, person_id=BRAM, trigger="waiting", people=1),
              sums([4], 200, wk=week, person_id=GUEST, trigger="waiting", people=1),
              sums([2], 9999, wk=before, person_id=CEM, trigger="waiting", people=1))
    groups = (sums([5, 4], 450, kind="time", trigger="in_need", band="up_to_5"),
              sums([3, 4, 2], 10199, kind="treat", trigger="waiting", band="over_15"))
    people = PeopleRows(
        other_givers={GUEST: "Guus"}, first_gesture_at={}, over_frame={BRAM: 1},
        week_appreciation=(Appreciated(2, 1, ANOUK),), window_appreciation=(Appreciated(2, 1, ANOUK),),
        gesture_ids={ANOUK: [str(STORY_ID)]})
    return WeekRows(
        team=TeamRow(7, "Front desk"), span=WeekSpan.ending(WEEK, TZ),
        members=(member(ANOUK, "Anouk"), member(BRAM, "Bram"), member(CEM, "Cem"),
                 member(4, "Marieke", role="manager")),
        frame=WeekFrame(mandate_id=1, cap_cents=2500, period_allowance_cents=6000, period="week",
                        person_allowance={}),
        weekly=weekly, groups=groups, examples=(), newest=(), over_frame=OverFrame(0, 1, 0),
        appreciation=Appreciated(2, 1),
        follow_ups=(sums([3], follow_up="complaint"), sums([5], follow_up=None)),
        briefs=BriefRows(over_frame=(), stories=(story_row(),), unappreciated=()),
        mandate_shifts=shifts, people=people if person_level else None)


def test_the_fold_turns_hand_built_rows_into_the_weeks_totals_and_trend():
    rep = fold_weekly_report(week_rows(), now=NOW)
    totals = rep.totals
    assert (totals.gestures, totals.people_active, totals.spent_cents) == (4, 3, 650)
    assert (totals.reaction.n, totals.reaction.mean, totals.reaction.delighted) == (4, 4.0, 3)
    assert (totals.over_frame, totals.over_allowance) == (1, 1)
    assert (totals.appreciated, totals.appreciations) == (1, 2)
    # Three staff in the frame at €60 each; the manager who gave nothing is not in it.
    assert (totals.allowance_cents, totals.members) == (3 * 6000, 4)
    assert [(str(p.week), p.gestures) for p in rep.trend[-2:]] == [("2026-W06", 1), ("2026-W07", 4)]
    assert [(c.code, c.n) for c in rep.follow_ups] == [("complaint", 1)]
    assert rep.window_totals.n == 5 and rep.complete is True


def test_the_fold_lists_people_in_name_order_with_a_giver_who_left():
    rep = fold_weekly_report(week_rows(), now=NOW)
    people = {p.name: p for p in rep.people}
    assert [p.name for p in rep.people] == ["Anouk", "Bram", "Cem", "Guus"]
    anouk = people["Anouk"]
    assert (anouk.gestures, anouk.spent_cents, anouk.appreciations) == (2, 450, 2)
    assert (people["Bram"].over_frame, people["Cem"].gestures, people["Cem"].window_gestures) == (1, 0, 1)
    assert people["Anouk"].gesture_ids == (str(STORY_ID),)
    assert rep.stories[0].person_name == "Anouk"


def test_without_person_rows_the_fold_names_nobody():
    rep = fold_weekly_report(week_rows(person_level=False), now=NOW, lang="nl")
    assert (rep.person_level, rep.people) == (False, ())
    assert (rep.stories[0].person_id, rep.stories[0].person_name) == (None, "")
    assert all(not p.names_people for p in rep.prompts)


def test_a_mandate_change_is_folded_with_the_reactions_on_either_side():
    starts = datetime(2026, 2, 9, 23, tzinfo=UTC)  # Tuesday 10 February, local midnight
    shift = MandateShiftRows(before=FrameVersion(date(2025, 1, 1), 2500, 6000, "week"),
                             after=FrameVersion(date(2026, 2, 10), 4000, 9000, "week"), starts_at=starts,
                             sums_before=sums([2, 3], 800), sums_after=sums([5, 5, 4], 1200))
    change, = fold_weekly_report(week_rows(shifts=(shift,)), now=NOW).mandate_changes
    assert (change.cap_before, change.cap_after, change.allowance_after) == (2500, 4000, 9000)
    assert (change.gestures_before, change.gestures_after, change.spent_after) == (2, 3, 1200)
    assert (change.before.mean, change.after.delighted, change.weeks_after) == (2.5, 3, 1)


def test_a_week_that_is_still_running_is_folded_as_incomplete():
    running = fold_weekly_report(week_rows(), now=WeekSpan.ending(WEEK, TZ).end - timedelta(hours=1))
    assert running.complete is False
