"""Correcting and voiding gestures append-only (DESIGN §2, §4, §8), and reading a gesture's chain.

A correction is a new row that supersedes the current one; a void is a new row too, keeping who, when and
why. Only the current row of a chain can be changed (the unique supersedes_id refuses a second change of
the same row), by whom ledger.permissions says, within its window. Logging is in gestures.py.
"""

import uuid
from datetime import datetime

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from ledger import chain
from ledger.errors import Conflict, FieldError, NotAllowed, NotFound, ValidationFailed
from ledger.models import Gesture, Person
from ledger.permissions import Actor, may_change_gesture
from ledger.services import audit, mandates
from ledger.services.gesture_rules import (
    GestureInput,
    clean_text,
    ordered_categories,
    stored_content,
    text_errors,
    validation_errors,
)
from ledger.services.gestures import Logged, same_content
from ledger.types import utcnow
from ledger.vocab import EntryType

REASON_MAX = Gesture.model_fields["change_reason"].metadata[0].max_length


def history(*, session: Session, origin_id: uuid.UUID) -> list[Gesture]:
    """The whole chain of a gesture (original, corrections, void), oldest first."""
    rows = list(session.exec(select(Gesture).where(Gesture.origin_id == origin_id)))
    by_parent = {r.supersedes_id: r for r in rows}
    chain, row = [], by_parent.get(None)
    while row is not None:
        chain.append(row)
        row = by_parent.get(row.id)
    return chain


def _target(session: Session, gesture_id: uuid.UUID, actor_id: int, now: datetime) -> tuple[Gesture, Gesture]:
    """The row to change and its chain's original, after the current-row and permission checks."""
    target = session.get(Gesture, gesture_id)
    if target is None:
        raise NotFound("gesture")
    if target.entry_type == EntryType.VOID or session.exec(
            select(Gesture.id).where(Gesture.supersedes_id == target.id)).first() is not None:
        raise Conflict("only the current entry of a gesture can be changed")
    origin = session.get(Gesture, target.origin_id)
    person = session.get(Person, actor_id) if isinstance(actor_id, int) else None
    if person is None or not person.active:
        raise NotAllowed("unknown or inactive person")
    # With the person's full role: the web has already asked with the role of its sign-in (a PIN: staff).
    if not may_change_gesture(session=session, actor=Actor.of(person), origin=origin, now=now):
        raise NotAllowed("you may not change this entry")
    return target, origin


def _reason(reason) -> tuple[str, tuple[str, ...]]:
    if isinstance(reason, str) and not reason.strip():
        raise ValidationFailed([FieldError("change_reason", "required")])
    errors = text_errors("change_reason", reason, REASON_MAX)
    if errors:
        raise ValidationFailed(errors)
    return clean_text(reason)


def _append(session: Session, row: Gesture, *, action: str, actor_id: int) -> Gesture:
    conn = session.connection()
    chain.lock_team(conn, row.team_id)
    audit.record(session, action=action, actor_id=actor_id, entity="gesture", entity_id=row.origin_id,
                 team_id=row.team_id, detail={"row": str(row.id), "supersedes": str(row.supersedes_id),
                                              "reason": row.change_reason})
    session.flush()  # the audit row first: on SQLite it takes the write lock before the chain's head is read
    seq, prev = chain.head(conn, row.team_id)
    chain.seal_row(row, team_seq=seq, prev_hash=prev)
    session.add(row)
    try:
        session.commit()
    except IntegrityError:
        session.rollback()  # the unique supersedes_id: someone else changed this entry first
        raise Conflict("this entry was changed by someone else just now") from None
    return row


def correct_gesture(*, session: Session, gesture_id: uuid.UUID, actor_id: int, data: GestureInput,
                    reason: str, new_id: uuid.UUID | None = None, now: datetime | None = None) -> Logged:
    """Store a correction of the current row of a chain as a new row that supersedes it."""
    now = now or utcnow()
    if new_id is not None and (row := session.get(Gesture, new_id)) is not None:
        return _replay_correction(session, row, gesture_id, data)
    target, origin = _target(session, gesture_id, actor_id, now)
    errors = validation_errors(data, now=now, oldest=origin.occurred_at)
    if errors:
        raise ValidationFailed(errors)
    why, why_removed = _reason(reason)
    content, removed = stored_content(data)
    code, mandate_id = mandates.check(session=session, team_id=target.team_id, person_id=target.person_id,
                                      at=content["occurred_at"], cost_cents=data.cost_cents, kind=data.kind,
                                      exclude_origin=target.origin_id)
    row = Gesture(id=new_id or uuid.uuid4(), origin_id=target.origin_id,
                  entry_type=EntryType.CORRECTION.value, supersedes_id=target.id, team_id=target.team_id,
                  person_id=target.person_id,
                  logged_by_id=actor_id, logged_at=now, mandate_id=mandate_id, mandate_check=code,
                  redacted=";".join(ordered_categories(removed + why_removed)), change_reason=why, **content)
    _append(session, row, action="gesture.correct", actor_id=actor_id)
    return Logged(row, True, removed)


def _replay_correction(session: Session, row: Gesture, gesture_id: uuid.UUID, data: GestureInput) -> Logged:
    content, removed = stored_content(data)
    if row.entry_type != EntryType.CORRECTION or row.supersedes_id != gesture_id \
            or not same_content(row, content):
        raise Conflict("this id is already used for a different entry")
    return Logged(row, False, removed)


_CONTENT_COLUMNS = ("occurred_at", "kind", "description", "cost_cents", "effort_minutes", "trigger",
                    "trigger_note", "reaction", "reaction_note", "follow_up", "mandate_id", "mandate_check")


def void_gesture(*, session: Session, gesture_id: uuid.UUID, actor_id: int, reason: str,
                 now: datetime | None = None) -> Gesture:
    """Void the current row of a chain with a new "void" row that keeps who, when and why."""
    now = now or utcnow()
    target, _origin = _target(session, gesture_id, actor_id, now)
    why, why_removed = _reason(reason)
    copied = {name: getattr(target, name) for name in _CONTENT_COLUMNS}
    removed = ordered_categories([*target.redacted.split(";"), *why_removed])
    row = Gesture(id=uuid.uuid4(), origin_id=target.origin_id, entry_type=EntryType.VOID.value,
                  supersedes_id=target.id, team_id=target.team_id, person_id=target.person_id,
                  logged_by_id=actor_id, logged_at=now, change_reason=why,
                  redacted=";".join(removed), **copied)
    return _append(session, row, action="gesture.void", actor_id=actor_id)
