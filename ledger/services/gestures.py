"""Logging gestures, and correcting or voiding them append-only (DESIGN §2, §4, §8).

A gesture row is never UPDATEd or DELETEd: a correction is a new row that supersedes the current one,
a void is a new row too. The gesture id is the idempotency key: sending the same gesture twice returns
the stored row.
"""

import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property

from sqlalchemy import and_, bindparam, insert
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from ledger import chain
from ledger.errors import Conflict, FieldError, NotFound, TeamArchived, ValidationFailed
from ledger.models import AuditEvent, Gesture, Membership, Person, Team
from ledger.services import mandates
from ledger.services.gesture_rules import (  # noqa: F401 - GestureInput and limits are part of this API
    MAX_AGE,
    MAX_EFFORT_MINUTES,
    MAX_GESTURE_CENTS,
    GestureInput,
    clean_text,
    ordered_categories,
    stored_content,
    text_errors,
    validation_errors,
)
from ledger.types import utcnow
from ledger.vocab import EntryType, Role


@dataclass(frozen=True)
class Logged:
    """The stored row; `created` is False when the same id and content were already stored."""

    stored: Gesture | dict  # the row, or the column values just inserted (see `gesture`)
    created: bool
    redacted: tuple[str, ...]

    @cached_property
    def gesture(self) -> Gesture:
        """The row as a model. Built on first use: building one costs more than inserting it, and the
        outbox needs only the id, the check and the redactions."""
        return Gesture(**self.stored) if isinstance(self.stored, dict) else self.stored

    @property
    def id(self) -> uuid.UUID:
        return self.stored["id"] if isinstance(self.stored, dict) else self.stored.id

    @property
    def mandate_check(self) -> str:
        """The stored check code (MandateCheck value)."""
        return self.stored["mandate_check"] if isinstance(self.stored, dict) else self.stored.mandate_check


def validate(data: GestureInput, *, now: datetime) -> None:
    """Raise ValidationFailed listing every problem with the content; return None when it is valid."""
    errors = validation_errors(data, now=now)
    if errors:
        raise ValidationFailed(errors)


# The statements of logging are built once and run on the session's connection (same transaction) as
# plain Core: they return rows or nothing, so the ORM's per-statement result machinery would add only cost.

# Both people of a gesture (giver and logger) with their membership of the team, in one statement.
_PEOPLE = (select(Person.id, Person.active, Person.role, Membership.person_id.is_not(None).label("member"))
           .outerjoin(Membership, and_(Membership.person_id == Person.id,
                                       Membership.team_id == bindparam("team_id")))
           .where(Person.id.in_([bindparam("person_id"), bindparam("logged_by_id")])))


def _person_error(field: str, person, *, admin_anywhere: bool) -> list[FieldError]:
    if person is None:
        return [FieldError(field, "unknown")]
    if not person.active:
        return [FieldError(field, "inactive")]
    if not person.member and not (admin_anywhere and person.role == Role.ADMIN):
        return [FieldError(field, "not_member")]
    return []


def _people_errors(session: Session, team_id: int, person_id: int, logged_by_id: int) -> list[FieldError]:
    ids = {"person_id": person_id, "logged_by_id": logged_by_id}
    ids = {key: value if isinstance(value, int) else None for key, value in ids.items()}
    found = {row.id: row for row in session.connection().execute(_PEOPLE, {"team_id": team_id, **ids})}
    # The giver must belong to the team; whoever logs it too, unless they are an admin.
    return (_person_error("person", found.get(ids["person_id"]), admin_anywhere=False)
            + _person_error("logged_by", found.get(ids["logged_by_id"]), admin_anywhere=True))


def same_content(row: Gesture, content: dict, **ids) -> bool:
    """The stored row holds exactly this content (and these ids): a resend, not a new entry."""
    return all(getattr(row, k) == v for k, v in {**content, **ids}.items())


def _replay(session: Session, row: Gesture, data: GestureInput, team_id: int, person_id: int) -> Logged:
    """Answer a re-sent gesture id: the stored row when the content matches, else a Conflict."""
    validate(data, now=row.logged_at)  # valid then means valid now: the age limit counts from first logging
    content, removed = stored_content(data)
    if row.entry_type != EntryType.ORIGINAL or not same_content(row, content, team_id=team_id,
                                                                 person_id=person_id):
        raise Conflict("this gesture id is already used for a different gesture")
    return Logged(row, False, removed)


# What logging needs of a team, as a plain row: loading a Team through the ORM cost more than the other
# look-ups of logging together. A view that needs the time zone first reads this row and passes it on.
_TEAM = select(Team.id, Team.timezone, Team.archived_at).where(Team.id == bindparam("id"))


def team_row(*, session: Session, team_id: int):
    """The team's id, time zone and archived time as a plain row, or None."""
    if not isinstance(team_id, int) or isinstance(team_id, bool):
        return None
    return session.connection().execute(_TEAM, {"id": team_id}).first()


class _LookUp:
    """The default of log_gesture's `stored`: look the gesture id up in the ledger."""


LOOK_UP = _LookUp()
_INSERT = insert(Gesture.__table__)  # the unit of work adds nothing to one new row
_STORED = select(Gesture.id).where(Gesture.id == bindparam("id"))


def stored_gesture(*, session: Session, gesture_id: uuid.UUID) -> Gesture | None:
    """The row already stored under a gesture id (a resent gesture), else None."""
    # A probe first: almost every gesture is new, and loading "nothing" through the ORM costs 4× more.
    if session.connection().execute(_STORED, {"id": gesture_id}).first() is None:
        return None
    return session.get(Gesture, gesture_id)


def log_gesture(*, session: Session, team_id: int, person_id: int, logged_by_id: int, data: GestureInput,
                gesture_id: uuid.UUID | None = None, now: datetime | None = None, commit: bool = True,
                stored: Gesture | None | _LookUp = LOOK_UP, team=None, known_member: bool = False) -> Logged:
    """Validate, redact, check the mandate and store one gesture; idempotent on `gesture_id`.

    A caller that already looked `gesture_id` up (stored_gesture) passes what it found as `stored`, one
    that read the team (team_row, in this transaction) passes it as `team`, and one that read the giver
    as an active member of the team in this transaction, logging for themself, says `known_member`."""
    now = now or utcnow()
    team = team if team is not None and team.id == team_id else team_row(session=session, team_id=team_id)
    if team is None:
        raise NotFound("team")
    if gesture_id is not None and isinstance(stored, _LookUp):
        stored = stored_gesture(session=session, gesture_id=gesture_id)
    if gesture_id is not None and stored is not None:
        return _replay(session, stored, data, team_id, person_id)
    if team.archived_at is not None:  # a resent gesture above is answered; a new one is refused
        raise TeamArchived("this team is archived and takes no new gestures")
    errors = validation_errors(data, now=now)
    if not (known_member and person_id == logged_by_id):
        errors += _people_errors(session, team_id, person_id, logged_by_id)
    if errors:
        raise ValidationFailed(errors)
    content, removed = stored_content(data)
    code, mandate_id = mandates.check(session=session, team_id=team_id, person_id=person_id, team=team,
                                      at=content["occurred_at"], cost_cents=data.cost_cents, kind=data.kind)
    gid = gesture_id or uuid.uuid4()
    values = dict(id=gid, origin_id=gid, entry_type=EntryType.ORIGINAL.value, supersedes_id=None,
                  team_id=team_id, person_id=person_id, logged_by_id=logged_by_id, logged_at=now,
                  mandate_id=mandate_id, mandate_check=code, redacted=";".join(removed), change_reason="",
                  **content)
    return _store(session, values, data, removed, commit=commit)


def _store(session: Session, values: dict, data: GestureInput, removed: tuple[str, ...], *,
           commit: bool) -> Logged:
    """Insert the new row, or answer as a replay when another request stored the same id first."""
    try:
        conn = session.connection()
        # One append to a team's chain at a time: PostgreSQL locks the team row; on SQLite the audit row
        # (the first write) takes the write lock. So the head read next is the newest.
        chain.lock_team(conn, values["team_id"])
        conn.execute(_AUDIT, _log_event(values))
        seq, prev = chain.head(conn, values["team_id"])
        values.update(chain.seal(values, team_seq=seq, prev_hash=prev))
        conn.execute(_INSERT, values)
        if commit:
            session.commit()
    except IntegrityError:
        # Another request stored the same id between our look-up and our insert: answer as a replay.
        # (Without commit the caller's transaction is lost either way: it gets a Conflict to roll back.)
        session.rollback()
        stored = session.get(Gesture, values["id"])
        if stored is None:
            raise
        if not commit:
            raise Conflict("this gesture id was stored by another request meanwhile") from None
        return _replay(session, stored, data, values["team_id"], values["person_id"])
    return Logged(values, True, removed)


_AUDIT = insert(AuditEvent.__table__)


def _log_event(values: dict) -> dict:
    """The audit row of a logged gesture (the same shape audit.record writes for corrections and voids)."""
    return {"at": values["logged_at"], "actor_id": values["logged_by_id"], "action": "gesture.log",
            "entity": "gesture", "entity_id": str(values["id"]), "team_id": values["team_id"],
            "detail": json.dumps({"row": str(values["id"])})}
