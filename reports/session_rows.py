"""Step one for the learning loop in the weekly report: the team's last closed learning session, what it
agreed, and the weeks on either side of it, as plain rows (folded by reports.session_loop).

"Before" and "since" are whole ISO weeks: the weeks before the one a change falls in, and the weeks that
start on or after it (a session's week is left out of both: it is part before, part after). Only weeks
with entries count when a rate per week is taken — an empty week is a week nobody logged, not a week
with zero gestures (reading it as zero made 93 gestures in 7 logged weeks "11.6 a week" over 8).
"""

import uuid
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy.engine import Row
from sqlmodel import Session, select

from ledger import queries as q
from ledger.models import LearningSession, Mandate, SessionAction, SessionStory, Takeaway
from ledger.vocab import SessionStatus
from ledger.weeks import IsoWeek, local_midnight_utc, week_bounds, week_of
from reports.settings import WINDOW_WEEKS

PATTERNS_MAX = 2  # the discussed patterns the report follows after a session


@dataclass(frozen=True)
class Around:
    """Weekly sums (ledger.queries.weekly_sums: one row per week WITH entries) either side of a moment,
    and kind × trigger sums over the same two ranges."""

    weeks_before: tuple[Row, ...]
    weeks_after: tuple[Row, ...]
    weeks_since: int  # whole weeks from the change to the end of the reported week (with or without entries)
    pairs_before: tuple[Row, ...] = ()
    pairs_after: tuple[Row, ...] = ()


@dataclass(frozen=True)
class SessionRows:
    """The last closed learning session and what it agreed; the weeks around it."""

    id: int
    title: str
    held_on: date
    actions: tuple[Row, ...]  # text, status, has_proposal, applied
    frame_before: Mandate | None  # the version before the one the session put into force
    frame_after: Mandate | None  # the version the session agreed (applied), if any
    story_ids: tuple[uuid.UUID, ...]  # the gestures the session told
    patterns: tuple[tuple[str | None, str | None], ...]  # (kind, trigger) it discussed; None: any
    around: Around


def weeks_around(session: Session, team_id: int, tz: str, at: datetime, last: IsoWeek, *,
                 pairs: bool = False) -> Around:
    """Whole weeks before and since `at` (a UTC instant), up to the reported week `last`."""
    first_after = _first_week_from(at, tz)
    last_before = first_after.shift(-1) if _starts_week(at, first_after, tz) else first_after.shift(-2)
    before = [last_before.shift(-i) for i in range(WINDOW_WEEKS - 1, -1, -1)]
    after, week = [], first_after
    while str(week) <= str(last) and len(after) < 60:
        after.append(week)
        week = week.shift(1)
    rows_before = tuple(q.weekly_sums(session=session, team_id=team_id, weeks=before, tz=tz))
    rows_after = tuple(q.weekly_sums(session=session, team_id=team_id, weeks=after, tz=tz)) if after else ()
    around = Around(rows_before, rows_after, len(after))
    if not pairs:
        return around
    by = ("kind", "trigger")
    pairs_before = _pair_sums(session, team_id, tz, before, by)
    pairs_after = _pair_sums(session, team_id, tz, after, by) if after else ()
    return Around(rows_before, rows_after, len(after), tuple(pairs_before), tuple(pairs_after))


def _pair_sums(session: Session, team_id: int, tz: str, weeks: list[IsoWeek], by) -> list[Row]:
    start, end = week_bounds(weeks[0], tz)[0], week_bounds(weeks[-1], tz)[1]
    return q.reaction_sums(session=session, team_id=team_id, start=start, end=end, by=by)


def _first_week_from(at: datetime, tz: str) -> IsoWeek:
    """The first ISO week that starts on or after the instant `at`."""
    week = week_of(at, tz)
    return week if week_bounds(week, tz)[0] >= at else week.shift(1)


def _starts_week(at: datetime, first_after: IsoWeek, tz: str) -> bool:
    """True when `at` is the very start of `first_after` (no week is cut in two)."""
    return week_bounds(first_after, tz)[0] == at


def last_session_rows(*, session: Session, team_id: int, tz: str, week: IsoWeek,
                      last_day: date) -> SessionRows | None:
    """The team's last closed session held within the window up to `last_day`, with its rows."""
    horizon = last_day - timedelta(weeks=WINDOW_WEEKS)
    row = session.exec(
        select(LearningSession)
        .where(LearningSession.team_id == team_id, LearningSession.status == SessionStatus.CLOSED,
               LearningSession.held_on <= last_day, LearningSession.held_on > horizon)
        .order_by(LearningSession.held_on.desc(), LearningSession.id.desc())).first()
    if row is None:
        return None
    actions = tuple(session.exec(select(SessionAction).where(SessionAction.session_id == row.id)
                                 .order_by(SessionAction.id)))
    applied_ids = [a.applied_mandate_id for a in actions if a.applied_mandate_id is not None]
    named = (Mandate.learning_session_id == row.id) | (Mandate.id.in_(applied_ids or [-1]))
    after = session.exec(select(Mandate).where(Mandate.team_id == team_id, named)
                         .order_by(Mandate.valid_from.desc())).first()
    before = None
    if after is not None:
        before = session.exec(select(Mandate).where(Mandate.team_id == team_id,
                                                    Mandate.valid_from < after.valid_from)
                              .order_by(Mandate.valid_from.desc())).first()
    story_ids = tuple(session.exec(select(SessionStory.gesture_id).where(SessionStory.session_id == row.id)
                                   .order_by(SessionStory.position, SessionStory.id)))
    at = local_midnight_utc(row.held_on + timedelta(days=1), tz)
    return SessionRows(
        id=row.id, title=row.title, held_on=row.held_on,
        actions=tuple(_action_row(a) for a in actions), frame_before=before, frame_after=after,
        story_ids=story_ids, patterns=_patterns(session, row.id, story_ids),
        around=weeks_around(session, team_id, tz, at, week, pairs=True))


@dataclass(frozen=True)
class _ActionRow:
    text: str
    status: str
    has_proposal: bool
    applied: bool


def _action_row(action: SessionAction) -> _ActionRow:
    return _ActionRow(action.text, action.status, action.has_proposal, action.applied_mandate_id is not None)


def _patterns(session: Session, session_id: int,
              story_ids: tuple[uuid.UUID, ...]) -> tuple[tuple[str | None, str | None], ...]:
    """What the session discussed: the kind/trigger its takeaways are tagged with, else its stories' most
    frequent kind × trigger pairs."""
    tags = session.exec(select(Takeaway.kind, Takeaway.trigger).where(
        Takeaway.session_id == session_id, (Takeaway.kind.is_not(None)) | (Takeaway.trigger.is_not(None))))
    found = list(dict.fromkeys((kind, trigger) for kind, trigger in tags))
    if found:
        return tuple(found[:PATTERNS_MAX])
    if not story_ids:
        return ()
    counts = Counter(_story_pairs(session, story_ids))
    return tuple(pair for pair, n in counts.most_common(PATTERNS_MAX) if n >= 2)


def _story_pairs(session: Session, story_ids: tuple[uuid.UUID, ...]) -> list[tuple[str, str]]:
    from ledger.services.session_stories import current_rows

    rows = current_rows(session, list(story_ids))
    return [(r.kind, r.trigger) for r in rows.values()]
