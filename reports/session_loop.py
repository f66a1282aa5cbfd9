"""Step two for the learning loop: fold the rows of the last learning session (reports.session_rows) into
the report's SessionLoop — pure, no database (STYLE rule 17)."""

from collections.abc import Iterable

from ledger.weeks import IsoWeek
from reports.model import AgreedAction, MandateChange, PatternMove, SessionLoop, Stat
from reports.sections import Sums
from reports.session_rows import Around, SessionRows


def summed(rows: Iterable) -> Sums:
    """The sums of aggregate rows (weekly or grouped) added up."""
    total = Sums()
    for row in rows:
        total.add(row)
    return total


def weeks_with_entries(rows: Iterable) -> int:
    """How many weeks had at least one gesture (weekly_sums returns only those, but be sure)."""
    return sum(1 for row in rows if row.n)


def _pair_stat(rows: Iterable, kind: str | None, trigger: str | None) -> Stat:
    return summed(r for r in rows if (kind is None or r.kind == kind)
                  and (trigger is None or r.trigger == trigger)).stat()


def frame_change(before, after, around: Around | None) -> MandateChange:
    """The frame a session put into force (Mandate rows), with the reactions either side when known."""
    b, a = summed(around.weeks_before if around else ()), summed(around.weeks_after if around else ())
    return MandateChange(
        valid_from=after.valid_from, week=IsoWeek.of(after.valid_from),
        cap_before=before.per_gesture_cap_cents if before else None, cap_after=after.per_gesture_cap_cents,
        allowance_before=before.allowance_cents if before else None, allowance_after=after.allowance_cents,
        period_before=before.allowance_period if before else None, period_after=after.allowance_period,
        before=b.stat(), after=a.stat(), gestures_before=b.n, gestures_after=a.n, spent_before=b.spent,
        spent_after=a.spent)


def fold_session(rows: SessionRows | None) -> SessionLoop | None:
    """The SessionLoop of the last session's rows (None without a session in the window)."""
    if rows is None:
        return None
    around = rows.around
    b, a = summed(around.weeks_before), summed(around.weeks_after)
    return SessionLoop(
        session_id=rows.id, title=rows.title, held_on=rows.held_on,
        actions=tuple(AgreedAction(r.text, r.status, r.has_proposal, r.applied) for r in rows.actions),
        frame=frame_change(rows.frame_before, rows.frame_after, None) if rows.frame_after else None,
        before=b.stat(), after=a.stat(), gestures_before=b.n, gestures_after=a.n,
        spent_before=b.spent, spent_after=a.spent, weeks_before=weeks_with_entries(around.weeks_before),
        weeks_after=weeks_with_entries(around.weeks_after), weeks_since=around.weeks_since,
        patterns=tuple(PatternMove(kind, trigger, _pair_stat(around.pairs_before, kind, trigger),
                                   _pair_stat(around.pairs_after, kind, trigger))
                       for kind, trigger in rows.patterns),
        story_ids=tuple(str(i) for i in rows.story_ids))
