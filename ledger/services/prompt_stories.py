"""A report prompt taken into the team's next learning session (one tap on a prompt marked "discussed").

The tap is kept as an audit event of the session ("session.prompt": the prompt's key and the gestures it
rests on); the session's suggestions read those events back, so the prompt's stories come first after the
offered ones, with the prompt named as the reason. No new table: the audit trail is the record of the tap.
"""

import json
import uuid
from collections.abc import Iterable

from sqlmodel import Session, select

from ledger.errors import NotFound
from ledger.models import AuditEvent, LearningSession
from ledger.permissions import Actor, as_actor
from ledger.services import audit
from ledger.services import sessions as sessions_service
from ledger.services.session_stories import current_rows
from ledger.vocab import SessionStatus

ACTION = "session.prompt"
EVIDENCE_MAX = 8  # stories of one prompt offered as suggestions


def next_session(*, session: Session, team_id: int) -> LearningSession | None:
    """The team's next session that is not closed: the earliest planned or running one."""
    query = (select(LearningSession)
             .where(LearningSession.team_id == team_id, LearningSession.status != SessionStatus.CLOSED)
             .order_by(LearningSession.held_on, LearningSession.id))
    return session.exec(query).first()


def take_prompt(*, session: Session, actor: Actor | None, team_id: int, prompt_key: str,
                gesture_ids: Iterable[uuid.UUID]) -> LearningSession:
    """Put a prompt's evidence among the next session's suggestions; NotFound without a next session."""
    actor = as_actor(actor)
    upcoming = next_session(session=session, team_id=team_id)
    if upcoming is None:
        raise NotFound("session")
    row = sessions_service.editable(session=session, actor=actor, session_id=upcoming.id)
    wanted = [g for g in gesture_ids if isinstance(g, uuid.UUID)][:EVIDENCE_MAX]
    found = [str(g.origin_id) for g in current_rows(session, wanted).values() if g.team_id == row.team_id]
    audit.record(session, action=ACTION, actor_id=actor.person_id, entity="learning_session",
                 entity_id=row.id, team_id=row.team_id,
                 detail={"prompt": prompt_key[:200], "gestures": found})
    session.commit()
    return row


def prompt_evidence(*, session: Session, session_id: int) -> dict[str, list[uuid.UUID]]:
    """The prompts taken into this session, oldest first, with the gestures they rest on."""
    query = (select(AuditEvent.detail)
             .where(AuditEvent.action == ACTION, AuditEvent.entity == "learning_session",
                    AuditEvent.entity_id == str(session_id))
             .order_by(AuditEvent.id))
    out: dict[str, list[uuid.UUID]] = {}
    for detail in session.exec(query):
        try:
            data = json.loads(detail)
            out[str(data["prompt"])] = [uuid.UUID(g) for g in data["gestures"]]
        except (ValueError, KeyError, TypeError):
            continue  # a cut or odd detail: leave it out rather than fail the page
    return out
