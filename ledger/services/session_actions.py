"""Agreed actions of a learning session, and the mandate change an action may propose.

Anyone running the session records actions and proposals; only the team's managers and admins apply a
proposal, as a new Mandate version valid from a chosen date and linked to the session (the facilitator
runs the session but does not move the frame). Gestures before that date keep the old version's check,
because mandate_in_force picks the version by the gesture's local date.
"""

from dataclasses import dataclass
from datetime import date, datetime

from sqlmodel import Session, select

from ledger.errors import Conflict, FieldError, NotAllowed, NotFound, ValidationFailed
from ledger.models import LearningSession, Mandate, Membership, Person, SessionAction
from ledger.models.sessions import ACTION_MAX, WHY_MAX
from ledger.permissions import Actor, as_actor, may_apply_mandate
from ledger.services import audit, mandates
from ledger.services import sessions as sessions_service
from ledger.services.sessions import Saved, clean
from ledger.types import utcnow
from ledger.vocab import ActionStatus, Kind, Period, SessionStatus


@dataclass(frozen=True)
class Proposal:
    """A proposed frame: per-gesture cap and allowance in cents, the allowance period, kinds (empty: all)."""

    cap_cents: int
    allowance_cents: int
    period: str = Period.WEEK.value
    kinds: tuple[str, ...] = ()
    why: str = ""


def _proposal_errors(proposal: Proposal) -> list[FieldError]:
    errors = []
    for name, value in (("proposed_cap_cents", proposal.cap_cents),
                        ("proposed_allowance_cents", proposal.allowance_cents)):
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            errors.append(FieldError(name, "negative" if isinstance(value, int) else "type"))
        elif value > mandates.MAX_FRAME_CENTS:
            errors.append(FieldError(name, "too_large", {"max": mandates.MAX_FRAME_CENTS}))
    if proposal.period not in set(Period):
        errors.append(FieldError("proposed_period", "unknown"))
    if any(k not in set(Kind) for k in proposal.kinds):
        errors.append(FieldError("proposed_kinds", "unknown"))
    return errors


def _owner_errors(session: Session, team_id: int, owner_id) -> list[FieldError]:
    if owner_id is None:
        return []
    if not isinstance(owner_id, int) or session.get(Membership, (team_id, owner_id)) is None:
        return [FieldError("owner", "not_member")]
    return []


def add_action(*, session: Session, actor: Actor | None, session_id: int, text: str,
               owner_id: int | None = None, due_on: date | None = None,
               proposal: Proposal | None = None) -> Saved:
    """Record an agreed action (text, owner, due date), optionally carrying a proposed mandate change."""
    row = sessions_service.editable(session=session, actor=actor, session_id=session_id)
    errors: list[FieldError] = []
    text, removed = clean("text", text, ACTION_MAX, errors, required=True)
    why, removed_why = "", ()
    if proposal is not None:
        errors += _proposal_errors(proposal)
        why, removed_why = clean("proposed_why", proposal.why, WHY_MAX, errors)
    errors += _owner_errors(session, row.team_id, owner_id)
    if due_on is not None and not sessions_service.is_day(due_on):
        errors.append(FieldError("due_on", "date_format"))
    if errors:
        raise ValidationFailed(errors)
    action = SessionAction(session_id=row.id, text=text, owner_id=owner_id, due_on=due_on,
                           created_by_id=as_actor(actor).person_id)
    if proposal is not None:
        action.proposed_cap_cents = proposal.cap_cents
        action.proposed_allowance_cents = proposal.allowance_cents
        action.proposed_period = proposal.period
        action.proposed_kinds, action.proposed_why = ";".join(dict.fromkeys(proposal.kinds)), why
    session.add(action)
    session.flush()
    audit.record(session, action="session.action_add", actor_id=as_actor(actor).person_id,
                 entity="session_action", entity_id=action.id, team_id=row.team_id,
                 detail={"session": row.id, "proposal": proposal is not None})
    session.commit()
    return Saved(action, tuple(dict.fromkeys(removed + removed_why)))


def _action(session: Session, actor, action_id: int) -> tuple[SessionAction, LearningSession]:
    action = session.get(SessionAction, action_id) if isinstance(action_id, int) else None
    if action is None:
        raise NotFound("action")
    return action, sessions_service.find(session=session, actor=actor, session_id=action.session_id)


def set_status(*, session: Session, actor: Actor | None, action_id: int, status: str,
               via_session_id: int | None = None) -> SessionAction:
    """Mark an action open, done or dropped: in its own open session, from a later open session of the team
    ("last time we agreed…"), or by a manager at any time."""
    actor = as_actor(actor)
    action, own = _action(session, actor, action_id)
    if status not in set(ActionStatus):
        raise ValidationFailed([FieldError("status", "unknown")])
    via = own if via_session_id is None else sessions_service.find(session=session, actor=actor,
                                                                    session_id=via_session_id)
    if via.team_id != own.team_id:
        raise NotFound("action")
    if not (sessions_service.may_run(session=session, actor=actor, row=via)
            or may_apply_mandate(session=session, actor=actor, team_id=own.team_id)):
        raise NotAllowed("only whoever runs an open session of the team, or its managers")
    action.status = status
    session.add(action)
    audit.record(session, action="session.action_status", actor_id=actor.person_id, entity="session_action",
                 entity_id=action.id, team_id=own.team_id, detail={"status": status})
    session.commit()
    return action


def apply_mandate_change(*, session: Session, actor: Actor | None, action_id: int, valid_from: date,
                         now: datetime | None = None) -> Mandate:
    """Put an action's proposed frame into force from `valid_from` (not in the past): managers and admins."""
    actor = as_actor(actor)
    action, row = _action(session, actor, action_id)
    if not may_apply_mandate(session=session, actor=actor, team_id=row.team_id):
        raise NotAllowed("only the team's managers and admins apply a mandate change")
    if not action.has_proposal:
        raise NotFound("proposal")
    if action.applied_mandate_id is not None:
        raise Conflict("already applied")
    if not sessions_service.is_day(valid_from):
        raise ValidationFailed([FieldError("valid_from", "date_format")])
    if valid_from < sessions_service.local_today(session=session, team_id=row.team_id, now=now):
        raise ValidationFailed([FieldError("valid_from", "past")])
    mandate = mandates.create_mandate_version(
        session=session, team_id=row.team_id, valid_from=valid_from,
        per_gesture_cap_cents=action.proposed_cap_cents,
        allowance_cents=action.proposed_allowance_cents, allowance_period=action.proposed_period or "week",
        kinds=action.proposed_kind_list, why=action.proposed_why, agreed_by_id=actor.person_id,
        learning_session_id=row.id)
    action.applied_mandate_id, action.applied_by_id = mandate.id, actor.person_id
    action.applied_at = now or utcnow()
    session.add(action)
    audit.record(session, action="session.mandate_apply", actor_id=actor.person_id, entity="session_action",
                 entity_id=action.id, team_id=row.team_id,
                 detail={"mandate": mandate.id, "valid_from": valid_from.isoformat(), "session": row.id})
    session.commit()
    return mandate


def actions_of(*, session: Session, session_id: int) -> list[SessionAction]:
    """A session's actions in the order they were agreed (the caller checked visibility)."""
    return list(session.exec(select(SessionAction).where(SessionAction.session_id == session_id)
                             .order_by(SessionAction.id)))


def open_actions(*, session: Session, team_id: int,
                 before: LearningSession | None = None) -> list[SessionAction]:
    """Open actions agreed in the team's closed sessions ("last time we agreed…"), oldest first."""
    query = (select(SessionAction).join(LearningSession, LearningSession.id == SessionAction.session_id)
             .where(LearningSession.team_id == team_id, LearningSession.status == SessionStatus.CLOSED,
                    SessionAction.status == ActionStatus.OPEN))
    if before is not None:
        query = query.where(LearningSession.id != before.id)
    return list(session.exec(query.order_by(SessionAction.due_on, SessionAction.id)))


def owner_names(*, session: Session, actions: list[SessionAction]) -> dict[int, str]:
    """Display names of the actions' owners, by person id."""
    ids = {a.owner_id for a in actions if a.owner_id is not None}
    if not ids:
        return {}
    return {p.id: p.display_name for p in session.exec(select(Person).where(Person.id.in_(ids)))}


def may_apply(*, session: Session, actor: Actor | None, row: LearningSession) -> bool:
    """True when the actor may apply this session's proposals (for showing the button)."""
    return may_apply_mandate(session=session, actor=as_actor(actor), team_id=row.team_id)

