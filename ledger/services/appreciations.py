"""Appreciations: one person's one-tap recognition of a gesture, kept on the chain's origin id."""

import uuid
from datetime import datetime

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from ledger.current import current_row
from ledger.errors import Conflict, NotAllowed, NotFound, ValidationFailed
from ledger.models import Appreciation, Gesture, Person
from ledger.permissions import Actor, may_appreciate
from ledger.services.gesture_rules import clean_text, text_errors
from ledger.types import utcnow

NOTE_MAX = 200


def _existing(session: Session, origin_id: uuid.UUID, by_id: int) -> Appreciation | None:
    return session.exec(select(Appreciation).where(
        Appreciation.gesture_id == origin_id, Appreciation.person_id == by_id)).first()


def _check_may_appreciate(session: Session, gesture: Gesture, by: Actor | None) -> None:
    if not may_appreciate(session=session, actor=by, gesture=gesture):
        raise NotAllowed("only the team, its managers and admins appreciate a gesture, and not their own")
    if current_row(session=session, origin_id=gesture.origin_id) is None:
        raise Conflict("this gesture was voided")


def appreciate(*, session: Session, gesture_id: uuid.UUID, by_id: int, note: str = "",
               actor: Actor | None = None, at: datetime | None = None) -> Appreciation:
    """Appreciate a gesture once per person (a repeat returns the first); the note is PII-redacted.

    `actor` is the request's Actor (its team and role); without it the person `by_id` acts in full.
    `at` is when it was given (an import keeps the real moment: the row cannot be changed afterwards)."""
    gesture = session.get(Gesture, gesture_id)
    if gesture is None:
        raise NotFound("gesture")
    if actor is None:
        person = session.get(Person, by_id) if isinstance(by_id, int) else None
        actor = Actor.of(person) if person is not None else None
    elif actor.person_id != by_id:
        raise NotAllowed("the actor and the appreciating person differ")
    _check_may_appreciate(session, gesture, actor)
    if (found := _existing(session, gesture.origin_id, by_id)) is not None:
        return found
    errors = text_errors("note", note, NOTE_MAX)
    if errors:
        raise ValidationFailed(errors)
    text, _removed = clean_text(note)
    row = Appreciation(gesture_id=gesture.origin_id, person_id=by_id, note=text, created_at=at or utcnow())
    session.add(row)
    try:
        session.commit()
    except IntegrityError:  # the same person tapped twice at once: keep the first
        session.rollback()
        found = _existing(session, gesture.origin_id, by_id)
        if found is None:
            raise
        return found
    return row
