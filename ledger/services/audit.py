"""The audit trail: who did what to which entity, when (sign-ins, corrections, voids, mandate changes…)."""

import json

from sqlmodel import Session, select

from ledger.models import AuditEvent

_DETAIL_MAX = 1000


def record(session: Session, *, action: str, actor_id: int | None = None, entity: str = "",
           entity_id: object = "", team_id: int | None = None, detail: str | dict = "") -> AuditEvent:
    """Add an audit event to the caller's transaction (does not commit, so it lands with the change)."""
    text = json.dumps(detail, ensure_ascii=False, sort_keys=True, default=str) if isinstance(detail, dict) \
        else str(detail)
    event = AuditEvent(action=action[:40], actor_id=actor_id, entity=entity[:40],
                       entity_id=str(entity_id)[:64], team_id=team_id, detail=text[:_DETAIL_MAX])
    session.add(event)
    return event


def events(*, session: Session, entity: str | None = None, entity_id: object | None = None,
           team_id: int | None = None, limit: int = 100) -> list[AuditEvent]:
    """The latest audit events, newest first, optionally for one entity or team."""
    query = select(AuditEvent)
    if entity is not None:
        query = query.where(AuditEvent.entity == entity)
    if entity_id is not None:
        query = query.where(AuditEvent.entity_id == str(entity_id))
    if team_id is not None:
        query = query.where(AuditEvent.team_id == team_id)
    return list(session.exec(query.order_by(AuditEvent.at.desc(), AuditEvent.id.desc()).limit(limit)))
