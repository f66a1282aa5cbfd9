"""Read-only aggregate queries over the current ledger, for the weekly report and the overview.

Every query is bounded by a UTC time range on (team_id, occurred_at), so its cost grows with the
entries in that range and never with the team's whole history. Weeks are local ISO weeks of the
team's zone: a small CTE of their UTC bounds is joined on occurred_at, which is DST-correct and lets
the database use the (team_id, occurred_at) index once per week.
"""

from collections.abc import Sequence
from datetime import datetime
from functools import lru_cache

from sqlalchemy import String, and_, bindparam, case, func, or_, select, union_all
from sqlalchemy.engine import Row
from sqlalchemy.sql import ColumnElement, Select
from sqlmodel import Session

from ledger.current import is_current
from ledger.models import Appreciation, Gesture, Membership, Person
from ledger.types import UTCDateTime
from ledger.vocab import REACTION_DELIGHTED, MandateCheck
from ledger.weeks import IsoWeek, week_bounds

# Cost bands (upper bounds in cents, inclusive): free, up to €5, €5–15, over €15.
BAND_FREE = "free"
BAND_UP_TO_5 = "up_to_5"
BAND_5_TO_15 = "5_to_15"
BAND_OVER_15 = "over_15"
BAND_5_LIMIT_CENTS = 500
BAND_15_LIMIT_CENTS = 1500
COST_BANDS = (BAND_FREE, BAND_UP_TO_5, BAND_5_TO_15, BAND_OVER_15)

# Mandate checks that put a gesture over the agreed frame (recorded, never blocked).
OVER_FRAME_CHECKS = (MandateCheck.OVER_CAP, MandateCheck.OVER_ALLOWANCE, MandateCheck.OUTSIDE_KINDS)
REACTION_FLAT = 2  # 2 = no visible reaction; 1 = negative
# Report statements are built once per shape (grouping, filters, number of weeks), the team, range and weeks
# bound parameters: building them per call (ORM coercion, a CTE of literal weeks, the cache key) was most of
# a report's SQLAlchemy time, e.g. 1.6 of 2 ms for the trend's weekly sums (as ledger.current does).
SHAPES = 256


def cost_band(cents: int) -> str:
    """The cost band of an amount in cents (the same rule as the SQL expression)."""
    if cents <= 0:
        return BAND_FREE
    if cents <= BAND_5_LIMIT_CENTS:
        return BAND_UP_TO_5
    return BAND_5_TO_15 if cents <= BAND_15_LIMIT_CENTS else BAND_OVER_15


def cost_band_expr() -> ColumnElement[str]:
    """SQL CASE giving the cost band of a gesture."""
    return case((Gesture.cost_cents <= 0, BAND_FREE),
                (Gesture.cost_cents <= BAND_5_LIMIT_CENTS, BAND_UP_TO_5),
                (Gesture.cost_cents <= BAND_15_LIMIT_CENTS, BAND_5_TO_15),
                else_=BAND_OVER_15)


def _in_range() -> ColumnElement[bool]:
    """Current gestures of the team in [start, end): the bound parameters team_id, start and end."""
    return and_(Gesture.team_id == bindparam("team_id"), Gesture.occurred_at >= bindparam("start"),
                Gesture.occurred_at < bindparam("end"), is_current())


def _range(team_id: int, start: datetime, end: datetime) -> dict:
    return {"team_id": team_id, "start": start, "end": end}


def _reaction_columns() -> list:
    delighted = case((Gesture.reaction >= REACTION_DELIGHTED, 1), else_=0)
    flat = case((Gesture.reaction <= REACTION_FLAT, 1), else_=0)
    return [func.count().label("n"), func.coalesce(func.sum(Gesture.reaction), 0).label("total"),
            func.coalesce(func.sum(Gesture.reaction * Gesture.reaction), 0).label("total_sq"),
            func.coalesce(func.sum(delighted), 0).label("delighted"),
            func.coalesce(func.sum(flat), 0).label("flat"),
            func.coalesce(func.sum(Gesture.cost_cents), 0).label("spent"),
            # Minutes left empty are NULL (unknown): SUM skips them; COUNT(column) says how many are known.
            func.coalesce(func.sum(Gesture.effort_minutes), 0).label("effort"),
            func.count(Gesture.effort_minutes).label("effort_known")]


def week_table(n: int):
    """A CTE `weeks(wk, ws, we)` of n ISO week labels with their UTC bounds: parameters wk0, ws0, we0, …"""
    weeks = (select(bindparam(f"wk{i}", type_=String).label("wk"),
                    bindparam(f"ws{i}", type_=UTCDateTime).label("ws"),
                    bindparam(f"we{i}", type_=UTCDateTime).label("we")) for i in range(n))
    return union_all(*weeks).cte("weeks")


def week_params(weeks: Sequence[IsoWeek], tz: str) -> dict:
    """The parameters of week_table(len(weeks)): each week's label and UTC bounds in the zone."""
    params = {}
    for i, week in enumerate(weeks):
        params[f"wk{i}"], (params[f"ws{i}"], params[f"we{i}"]) = str(week), week_bounds(week, tz)
    return params


def reaction_sums(*, session: Session, team_id: int, start: datetime, end: datetime,
                  by: Sequence[str] = ()) -> list[Row]:
    """n, Σreaction, Σreaction², delighted, spent, effort of current gestures in [start, end), grouped."""
    return list(session.execute(_reaction_sums(tuple(by)), _range(team_id, start, end)))


@lru_cache(maxsize=SHAPES)
def _reaction_sums(by: tuple[str, ...]) -> Select:
    columns = {"kind": Gesture.kind, "trigger": Gesture.trigger, "band": cost_band_expr(),
               "person_id": Gesture.person_id, "follow_up": Gesture.follow_up}
    keys = [columns[b].label(b) for b in by]
    query = select(*keys, *_reaction_columns()).where(_in_range())
    return query.group_by(*keys) if keys else query


def weekly_sums(*, session: Session, team_id: int, weeks: Sequence[IsoWeek], tz: str,
                by_person: bool = False, by_trigger: bool = False) -> list[Row]:
    """Per ISO week (label `wk`): reaction sums, spend and people active, optionally per person/trigger."""
    query = _weekly_sums(len(weeks), by_person, by_trigger)
    return list(session.execute(query, {"team_id": team_id, **week_params(weeks, tz)}))


@lru_cache(maxsize=SHAPES)
def _weekly_sums(n_weeks: int, by_person: bool, by_trigger: bool) -> Select:
    wk = week_table(n_weeks)
    extra = [Gesture.person_id] if by_person else []
    extra += [Gesture.trigger] if by_trigger else []
    return (select(wk.c.wk, *extra, *_reaction_columns(),
                   func.count(func.distinct(Gesture.person_id)).label("people"))
            .select_from(wk)
            .join(Gesture, and_(Gesture.team_id == bindparam("team_id"), Gesture.occurred_at >= wk.c.ws,
                                Gesture.occurred_at < wk.c.we))
            .where(is_current())
            .group_by(wk.c.wk, *extra))


def over_frame_counts(*, session: Session, team_id: int, start: datetime, end: datetime) -> Row:
    """Counts of gestures recorded over the cap, over the allowance, and outside the allowed kinds."""
    return session.execute(_over_frame_counts(), _range(team_id, start, end)).one()


@lru_cache(maxsize=1)
def _over_frame_counts() -> Select:
    def n_of(code: str):
        return func.coalesce(func.sum(case((Gesture.mandate_check == code, 1), else_=0)), 0).label(code)
    return select(*(n_of(code) for code in OVER_FRAME_CHECKS)).where(_in_range())


def person_over_frame(*, session: Session, team_id: int, start: datetime, end: datetime) -> dict[int, int]:
    """Per person: gestures over the frame in [start, end)."""
    query = (select(Gesture.person_id, func.count())
             .where(_in_range(), Gesture.mandate_check.in_(OVER_FRAME_CHECKS))
             .group_by(Gesture.person_id))
    return {pid: n for pid, n in session.execute(query, _range(team_id, start, end))}


def appreciation_sums(*, session: Session, team_id: int, start: datetime, end: datetime,
                      by_person: bool = False) -> list[Row]:
    """Appreciations on current gestures in [start, end): (person_id?,) appreciations, appreciated."""
    return list(session.execute(_appreciation_sums(by_person), _range(team_id, start, end)))


@lru_cache(maxsize=2)
def _appreciation_sums(by_person: bool) -> Select:
    keys = [Gesture.person_id] if by_person else []
    query = (select(*keys, func.count(Appreciation.id).label("appreciations"),
                    func.count(func.distinct(Gesture.origin_id)).label("appreciated"))
             .select_from(Gesture)
             .join(Appreciation, Appreciation.gesture_id == Gesture.origin_id)
             .where(_in_range()))
    return query.group_by(*keys) if keys else query


def _appreciation_count():
    return (select(func.count(Appreciation.id)).where(Appreciation.gesture_id == Gesture.origin_id)
            .correlate(Gesture).scalar_subquery())


def _brief_columns() -> list:
    return [Gesture.origin_id, Gesture.occurred_at, Gesture.kind, Gesture.trigger, Gesture.cost_cents,
            Gesture.reaction, Gesture.description, Gesture.reaction_note, Gesture.trigger_note,
            Gesture.follow_up, Gesture.mandate_check, _appreciation_count().label("appreciations"),
            Gesture.person_id, Person.display_name.label("person_name")]


def gesture_briefs(*, session: Session, team_id: int, start: datetime, end: datetime,
                   over_frame: bool = False, min_reaction: int | None = None,
                   unappreciated: bool = False, min_description: int = 0, limit: int = 50) -> list[Row]:
    """A few current gestures in [start, end) as evidence, best-received and longest stories first."""
    query = _gesture_briefs(over_frame, min_reaction, unappreciated, min_description, limit)
    return list(session.execute(query, _range(team_id, start, end)))


@lru_cache(maxsize=SHAPES)
def _gesture_briefs(over_frame: bool, min_reaction: int | None, unappreciated: bool, min_description: int,
                    limit: int) -> Select:
    query = (select(*_brief_columns()).join(Person, Person.id == Gesture.person_id)
             .where(_in_range()))
    if over_frame:
        query = query.where(Gesture.mandate_check.in_(OVER_FRAME_CHECKS))
    if min_reaction is not None:
        query = query.where(Gesture.reaction >= min_reaction)
    if min_description:
        query = query.where(func.length(Gesture.description) >= min_description)
    if unappreciated:
        query = query.where(_appreciation_count() == 0)
    order = [Gesture.occurred_at] if over_frame else [
        Gesture.reaction.desc(), func.length(Gesture.description).desc(), Gesture.occurred_at]
    return query.order_by(*order, Gesture.origin_id).limit(limit)


def gestures_by_origin(*, session: Session, team_id: int, origin_ids: Sequence) -> list[Row]:
    """The current rows of the given chains (evidence lookup for screens), in occurred_at order."""
    if not origin_ids:
        return []
    query = (select(*_brief_columns()).join(Person, Person.id == Gesture.person_id)
             .where(Gesture.team_id == team_id, Gesture.origin_id.in_(list(origin_ids)), is_current())
             .order_by(Gesture.occurred_at, Gesture.origin_id))
    return list(session.execute(query))


def example_ids(*, session: Session, team_id: int, start: datetime, end: datetime,
                per_group: int = 5) -> list[Row]:
    """Candidate evidence in one sort over [start, end): per kind × trigger × cost band, the `per_group`
    warmest (cls 1: reaction >= 4) and flattest (cls -1: reaction <= 2) gestures, with reaction and
    occurred_at so a caller can merge cells into pairs or bands (each one's top n is in its cells' top n)."""
    return list(session.execute(_example_ids(per_group), _range(team_id, start, end)))


@lru_cache(maxsize=SHAPES)
def _example_ids(per_group: int) -> Select:
    band = cost_band_expr()
    cls = case((Gesture.reaction >= REACTION_DELIGHTED, 1), (Gesture.reaction <= REACTION_FLAT, -1), else_=0)
    rank = func.row_number().over(
        partition_by=[Gesture.kind, Gesture.trigger, band, cls],
        order_by=[(cls * Gesture.reaction).desc(), Gesture.occurred_at.desc(), Gesture.origin_id],
    ).label("rank")
    inner = (select(Gesture.kind, Gesture.trigger, band.label("band"), cls.label("cls"), Gesture.origin_id,
                    Gesture.reaction, Gesture.occurred_at, rank)
             .where(_in_range(),
                    or_(Gesture.reaction >= REACTION_DELIGHTED, Gesture.reaction <= REACTION_FLAT))
             .subquery())
    return select(inner).where(inner.c.rank <= per_group)


def newest_ids(*, session: Session, team_id: int, start: datetime, end: datetime, by: str = "trigger",
               per_group: int = 5) -> list[Row]:
    """The `per_group` newest current gestures per trigger (or kind) in [start, end), newest first."""
    return list(session.execute(_newest_ids(by, per_group), _range(team_id, start, end)))


@lru_cache(maxsize=SHAPES)
def _newest_ids(by: str, per_group: int) -> Select:
    key = {"trigger": Gesture.trigger, "kind": Gesture.kind}[by]
    rank = func.row_number().over(partition_by=[key], order_by=[Gesture.occurred_at.desc(),
                                                                Gesture.origin_id]).label("rank")
    inner = (select(key.label("code"), Gesture.origin_id, rank)
             .where(_in_range()).subquery())
    return select(inner.c.code, inner.c.origin_id).where(inner.c.rank <= per_group).order_by(
        inner.c.code, inner.c.rank)


def origin_ids_by_person(*, session: Session, team_id: int, start: datetime, end: datetime
                         ) -> dict[int, list[str]]:
    """Per person: origin ids of their current gestures in [start, end), oldest first."""
    query = (select(Gesture.person_id, Gesture.origin_id).where(_in_range())
             .order_by(Gesture.occurred_at, Gesture.origin_id))
    found: dict[int, list[str]] = {}
    for pid, origin in session.execute(query, _range(team_id, start, end)):
        found.setdefault(pid, []).append(str(origin))
    return found


def active_members(*, session: Session, team_id: int) -> list[Row]:
    """Active, not erased members of a team: (id, display_name, role, created_at, since).

    `since` is the day they joined the team (Membership.since), None when nobody recorded it.
    """
    query = (select(Person.id, Person.display_name, Person.role, Person.created_at, Membership.since)
             .join(Membership, Membership.person_id == Person.id)
             .where(Membership.team_id == team_id, Person.active.is_(True), Person.erased_at.is_(None))
             .order_by(Person.display_name, Person.id))
    return list(session.execute(query))


def first_gesture_at(*, session: Session, team_id: int, person_ids: Sequence[int]) -> dict[int, datetime]:
    """When each person's first gesture in the team happened (one index seek each; no row for none)."""
    if not person_ids:
        return {}
    first = (select(Gesture.occurred_at).where(Gesture.person_id == Person.id, Gesture.team_id == team_id)
             .order_by(Gesture.occurred_at).limit(1).correlate(Person).scalar_subquery())
    query = select(Person.id, first.label("first")).where(Person.id.in_(list(person_ids)))
    return {pid: at for pid, at in session.execute(query) if at is not None}


def people_named(*, session: Session, ids: Sequence[int]) -> dict[int, str]:
    """Display names of the given people."""
    if not ids:
        return {}
    # Not dict(result): a Result has keys() (its column names), so dict() would index it like a mapping.
    query = select(Person.id, Person.display_name).where(Person.id.in_(list(ids)))
    return {pid: name for pid, name in session.execute(query)}
