"""Mandates: the agreed frame of a team, versioned by local date, and the check of a gesture against it.

The check is recorded on the gesture and never blocks it (trust, not control). Sums run in SQL over
the current ledger only, so corrected and voided entries never count twice.
"""

import uuid
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import and_, bindparam, case, func
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from ledger.current import is_current
from ledger.errors import FieldError, NotFound, ValidationFailed
from ledger.models import Gesture, Mandate, MandateOverride, Person, Team
from ledger.services import audit
from ledger.services.teams import get_team
from ledger.types import UTCDateTime
from ledger.vocab import Kind, MandateCheck, Period
from ledger.weeks import local_date, period_bounds

MAX_FRAME_CENTS = 100_000_00  # €100,000: a frame above this is a typo


@dataclass(frozen=True)
class Frame:
    """What a person may spend around a moment, and how much of the period is already used."""

    mandate_id: int | None
    cap_cents: int | None
    allowance_cents: int | None
    period: str
    kinds: tuple[str, ...]
    why: str
    used_cents: int
    period_start: datetime
    period_end: datetime


def mandate_in_force(*, session: Session, team_id: int, on: date) -> Mandate | None:
    """The team's mandate version with the latest valid_from on or before the local date `on`."""
    query = (select(Mandate).where(Mandate.team_id == team_id, Mandate.valid_from <= on)
             .order_by(Mandate.valid_from.desc()).limit(1))
    return session.exec(query).first()


def used_cents(*, session: Session, team_id: int, person_id: int, start: datetime, end: datetime,
               exclude_origin: uuid.UUID | None = None) -> int:
    """Sum (in SQL) of the person's current gestures in the team with occurred_at in [start, end)."""
    query = select(func.coalesce(func.sum(Gesture.cost_cents), 0)).where(
        Gesture.team_id == team_id, Gesture.person_id == person_id,
        Gesture.occurred_at >= start, Gesture.occurred_at < end, is_current())
    if exclude_origin is not None:
        query = query.where(Gesture.origin_id != exclude_origin)
    return int(session.exec(query).one())


def _frame_statement(*, excluding: bool):
    """The version in force, the person's override and the used sum of its period, as one statement.

    Both candidate periods are bound (week and month); the version's own period picks its bounds in SQL.
    """
    in_force = (select(Mandate.id, Mandate.per_gesture_cap_cents, Mandate.allowance_cents,
                       Mandate.allowance_period, Mandate.kinds, Mandate.why)
                .where(Mandate.team_id == bindparam("team_id"), Mandate.valid_from <= bindparam("on"))
                .order_by(Mandate.valid_from.desc()).limit(1).subquery("in_force"))
    monthly = in_force.c.allowance_period == Period.MONTH.value
    start = case((monthly, bindparam("month_start", type_=UTCDateTime)),
                 else_=bindparam("week_start", type_=UTCDateTime))
    end = case((monthly, bindparam("month_end", type_=UTCDateTime)),
               else_=bindparam("week_end", type_=UTCDateTime))
    used = select(func.coalesce(func.sum(Gesture.cost_cents), 0)).where(
        Gesture.team_id == bindparam("team_id"), Gesture.person_id == bindparam("person_id"),
        Gesture.occurred_at >= start, Gesture.occurred_at < end, is_current())
    if excluding:
        used = used.where(Gesture.origin_id != bindparam("exclude_origin"))
    own = and_(MandateOverride.mandate_id == in_force.c.id,
               MandateOverride.person_id == bindparam("person_id"))
    return (select(in_force, MandateOverride.per_gesture_cap_cents.label("own_cap"),
                   MandateOverride.allowance_cents.label("own_allowance"),
                   used.scalar_subquery().label("used"))
            .select_from(in_force).outerjoin(MandateOverride, own))


# Built once (composing them per gesture cost more than running them); run as plain Core on the
# session's connection, since they return plain rows.
_FRAME = {excluding: _frame_statement(excluding=excluding) for excluding in (False, True)}


def _frame_in_force(session: Session, team: Team, person_id: int, at: datetime,
                    exclude_origin: uuid.UUID | None) -> Frame | None:
    """The frame of the version in force at `at` (None without one), in one round trip."""
    bounds = {period: period_bounds(at, team.timezone, period) for period in (Period.WEEK, Period.MONTH)}
    params = {"team_id": team.id, "person_id": person_id, "on": local_date(at, team.timezone),
              "week_start": bounds[Period.WEEK][0], "week_end": bounds[Period.WEEK][1],
              "month_start": bounds[Period.MONTH][0], "month_end": bounds[Period.MONTH][1]}
    if exclude_origin is not None:
        params["exclude_origin"] = exclude_origin
    row = session.connection().execute(_FRAME[exclude_origin is not None], params).first()
    if row is None:
        return None
    cap = row.per_gesture_cap_cents if row.own_cap is None else row.own_cap
    allowance = row.allowance_cents if row.own_allowance is None else row.own_allowance
    start, end = bounds[Period(row.allowance_period)]
    kinds = tuple(k for k in row.kinds.split(";") if k)
    return Frame(row.id, cap, allowance, row.allowance_period, kinds, row.why, int(row.used), start, end)


def frame_for(*, session: Session, team_id: int, person_id: int, at: datetime,
              exclude_origin: uuid.UUID | None = None) -> Frame:
    """The person's frame at `at` (team version + personal override) and what is used of its period."""
    team = get_team(session=session, team_id=team_id)
    frame = _frame_in_force(session, team, person_id, at, exclude_origin)
    if frame is not None:
        return frame
    start, end = period_bounds(at, team.timezone, Period.WEEK.value)
    used = used_cents(session=session, team_id=team_id, person_id=person_id, start=start, end=end,
                      exclude_origin=exclude_origin)
    return Frame(None, None, None, Period.WEEK.value, (), "", used, start, end)


def check(*, session: Session, team_id: int, person_id: int, at: datetime, cost_cents: int, kind: str,
          exclude_origin: uuid.UUID | None = None, team=None) -> tuple[str, int | None]:
    """Compare a gesture with the frame in force: (MandateCheck code, mandate id). Never blocks.

    `team`: the team (or a row with its id and timezone) when the caller has it already."""
    team = team if team is not None else get_team(session=session, team_id=team_id)
    frame = _frame_in_force(session, team, person_id, at, exclude_origin)
    if frame is None:
        return MandateCheck.NO_MANDATE.value, None
    return outcome(frame, cost_cents=cost_cents, kind=kind), frame.mandate_id


def outcome(frame: Frame, *, cost_cents: int, kind: str) -> str:
    """The check code for a gesture against a frame (exactly at the cap or allowance is within)."""
    if frame.mandate_id is None:
        return MandateCheck.NO_MANDATE.value
    if cost_cents > frame.cap_cents:
        return MandateCheck.OVER_CAP.value
    # A free gesture uses no allowance, even in a period that is already over it.
    if cost_cents > 0 and frame.used_cents + cost_cents > frame.allowance_cents:
        return MandateCheck.OVER_ALLOWANCE.value
    if frame.kinds and kind not in frame.kinds:
        return MandateCheck.OUTSIDE_KINDS.value
    return MandateCheck.WITHIN.value


def _amount_errors(field: str, value, *, optional: bool = False) -> list[FieldError]:
    if value is None and optional:
        return []
    if isinstance(value, bool) or not isinstance(value, int):
        return [FieldError(field, "type")]
    if value < 0:
        return [FieldError(field, "negative")]
    if value > MAX_FRAME_CENTS:
        return [FieldError(field, "too_large", {"max": MAX_FRAME_CENTS})]
    return []


def create_mandate_version(*, session: Session, team_id: int, valid_from: date, per_gesture_cap_cents: int,
                           allowance_cents: int, allowance_period: str = "week", kinds=(), why: str = "",
                           agreed_by_id: int | None = None,
                           learning_session_id: int | None = None) -> Mandate:
    """Add a new mandate version for a team from a local date on (earlier versions stay as history)."""
    if session.get(Team, team_id) is None:
        raise NotFound("team")
    kind_codes = [k for k in (kinds.split(";") if isinstance(kinds, str) else kinds) if k]
    errors = _amount_errors("per_gesture_cap_cents", per_gesture_cap_cents)
    errors += _amount_errors("allowance_cents", allowance_cents)
    if not isinstance(valid_from, date) or isinstance(valid_from, datetime):
        errors.append(FieldError("valid_from", "type"))
    if allowance_period not in set(Period):
        errors.append(FieldError("allowance_period", "unknown"))
    if any(k not in set(Kind) for k in kind_codes):
        errors.append(FieldError("kinds", "unknown"))
    if not isinstance(why, str) or len(why) > 500:
        errors.append(FieldError("why", "too_long", {"max": 500}))
    if agreed_by_id is not None and session.get(Person, agreed_by_id) is None:
        errors.append(FieldError("agreed_by", "unknown"))
    if not errors and mandate_exists(session=session, team_id=team_id, valid_from=valid_from):
        errors.append(FieldError("valid_from", "taken"))
    if errors:
        raise ValidationFailed(errors)
    mandate = Mandate(team_id=team_id, valid_from=valid_from, per_gesture_cap_cents=per_gesture_cap_cents,
                      allowance_cents=allowance_cents, allowance_period=allowance_period,
                      kinds=";".join(dict.fromkeys(kind_codes)), why=why.strip(), agreed_by_id=agreed_by_id,
                      learning_session_id=learning_session_id)
    session.add(mandate)
    _commit_or_taken(session)
    audit.record(session, action="mandate.create", actor_id=agreed_by_id, entity="mandate",
                 entity_id=mandate.id, team_id=team_id,
                 detail={"valid_from": valid_from.isoformat(), "cap": per_gesture_cap_cents,
                         "allowance": allowance_cents, "period": allowance_period})
    session.commit()
    return mandate


def mandate_exists(*, session: Session, team_id: int, valid_from: date) -> bool:
    """True when the team already has a version starting on that date."""
    return session.exec(select(Mandate.id).where(
        Mandate.team_id == team_id, Mandate.valid_from == valid_from)).first() is not None


def _commit_or_taken(session: Session) -> None:
    try:
        session.flush()
    except IntegrityError:  # a concurrent version for the same date won the race
        session.rollback()
        raise ValidationFailed([FieldError("valid_from", "taken")]) from None


def set_override(*, session: Session, mandate_id: int, person_id: int,
                 per_gesture_cap_cents: int | None = None, allowance_cents: int | None = None,
                 actor_id: int | None = None) -> MandateOverride:
    """Set (or replace) a person's own cap/allowance for one mandate version; None keeps the team value."""
    mandate = session.get(Mandate, mandate_id)
    if mandate is None:
        raise NotFound("mandate")
    if session.get(Person, person_id) is None:
        raise NotFound("person")
    errors = _amount_errors("per_gesture_cap_cents", per_gesture_cap_cents, optional=True)
    errors += _amount_errors("allowance_cents", allowance_cents, optional=True)
    if errors:
        raise ValidationFailed(errors)
    override = session.exec(select(MandateOverride).where(
        MandateOverride.mandate_id == mandate_id, MandateOverride.person_id == person_id)).first()
    override = override or MandateOverride(mandate_id=mandate_id, person_id=person_id)
    override.per_gesture_cap_cents = per_gesture_cap_cents
    override.allowance_cents = allowance_cents
    session.add(override)
    audit.record(session, action="mandate.override", actor_id=actor_id, entity="mandate",
                 entity_id=mandate_id, team_id=mandate.team_id,
                 detail={"person": person_id, "cap": per_gesture_cap_cents, "allowance": allowance_cents})
    session.commit()
    return override


def mandate_history(*, session: Session, team_id: int) -> list[Mandate]:
    """Every mandate version of a team, newest first."""
    return list(session.exec(select(Mandate).where(Mandate.team_id == team_id)
                             .order_by(Mandate.valid_from.desc())))
