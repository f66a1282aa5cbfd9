"""Appreciations: one person's one-tap recognition of a gesture, kept on the chain's origin id."""

import uuid
from collections.abc import Iterable

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from ledger.errors import Conflict, NotAllowed, NotFound, ValidationFailed
from ledger.models import Appreciation, Gesture, Person
from ledger.services.gesture_rules import clean_text, text_errors
from ledger.services.gestures import current_of, is_member
from ledger.vocab import Role

NOTE_MAX = 200


def _existing(session: Session, origin_id: uuid.UUID, by_id: int) -> Appreciation | None:
    return session.exec(select(Appreciation).where(
        Appreciation.gesture_id == origin_id, Appreciation.person_id == by_id)).first()


def _check_may_appreciate(session: Session, gesture: Gesture, by_id: int) -> None:
    person = session.get(Person, by_id) if isinstance(by_id, int) else None
    if person is None or not person.active:
        raise NotAllowed("unknown or inactive person")
    if gesture.person_id == by_id:
        raise NotAllowed("you cannot appreciate your own gesture")
    if person.role != Role.ADMIN and not is_member(session, gesture.team_id, by_id):
        raise NotAllowed("only the team and its managers can appreciate this gesture")
    if current_of(session=session, origin_id=gesture.origin_id) is None:
        raise Conflict("this gesture was voided")


def appreciate(*, session: Session, gesture_id: uuid.UUID, by_id: int, note: str = "") -> Appreciation:
    """Appreciate a gesture once per person (a repeat returns the first); the note is PII-redacted."""
    gesture = session.get(Gesture, gesture_id)
    if gesture is None:
        raise NotFound("gesture")
    _check_may_appreciate(session, gesture, by_id)
    if (found := _existing(session, gesture.origin_id, by_id)) is not None:
        return found
    errors = text_errors("note", note, NOTE_MAX)
    if errors:
        raise ValidationFailed(errors)
    text, _removed = clean_text(note)
    row = Appreciation(gesture_id=gesture.origin_id, person_id=by_id, note=text)
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


def appreciations_for(*, session: Session,
                      origin_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, list[Appreciation]]:
    """Appreciations per chain origin id, oldest first; chains without any are left out."""
    ids = list(dict.fromkeys(origin_ids))
    out: dict[uuid.UUID, list[Appreciation]] = {}
    if not ids:
        return out
    query = select(Appreciation).where(Appreciation.gesture_id.in_(ids)).order_by(
        Appreciation.created_at, Appreciation.id)
    for row in session.exec(query):
        out.setdefault(row.gesture_id, []).append(row)
    return out
