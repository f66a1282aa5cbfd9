"""The team's playbook ("what works here"): takeaways from learning sessions, linked to the stories that
taught them, searchable, and retired — kept, marked — when a later session says they no longer hold.
"""

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy import func
from sqlmodel import Session, select

from ledger.errors import Conflict, FieldError, NotAllowed, NotFound, ValidationFailed
from ledger.models import Gesture, LearningSession, Takeaway, TakeawayStory
from ledger.models.sessions import TAKEAWAY_MAX
from ledger.permissions import Actor, as_actor, may_open_session, may_see_sessions
from ledger.services import audit
from ledger.services import sessions as sessions_service
from ledger.services.sessions import Saved, clean
from ledger.types import utcnow
from ledger.vocab import Kind, Trigger

_FROM_SESSION = LearningSession.id == Takeaway.session_id


@dataclass(frozen=True)
class Entry:
    """One takeaway as the playbook shows it: the lesson, the session it came from, the stories behind it."""

    takeaway: Takeaway
    session_title: str
    session_held_on: date | None
    gesture_ids: list[uuid.UUID] = field(default_factory=list)


def _tag_errors(kind, trigger) -> list[FieldError]:
    errors = []
    if kind not in (None, "") and kind not in set(Kind):
        errors.append(FieldError("kind", "unknown"))
    if trigger not in (None, "") and trigger not in set(Trigger):
        errors.append(FieldError("trigger", "unknown"))
    return errors


def _team_origins(session: Session, team_id: int, gesture_ids: Iterable[uuid.UUID]) -> list[uuid.UUID]:
    """The origin ids of the given gestures, when every one belongs to the team; else ValidationFailed."""
    ids = list(dict.fromkeys(gesture_ids))
    if not ids:
        return []
    rows = session.exec(select(Gesture.id, Gesture.origin_id, Gesture.team_id).where(Gesture.id.in_(ids)))
    found = {row.id: row for row in rows}
    if any(gid not in found or found[gid].team_id != team_id for gid in ids):
        raise ValidationFailed([FieldError("stories", "unknown")])
    return list(dict.fromkeys(found[gid].origin_id for gid in ids))


def add_takeaway(*, session: Session, actor: Actor | None, session_id: int, text: str,
                 gesture_ids: Iterable[uuid.UUID] = (), kind: str | None = None,
                 trigger: str | None = None) -> Saved:
    """Write a lesson of the session into the playbook, linked to the stories that taught it."""
    row = sessions_service.editable(session=session, actor=actor, session_id=session_id)
    errors: list[FieldError] = []
    text, removed = clean("text", text, TAKEAWAY_MAX, errors, required=True)
    errors += _tag_errors(kind, trigger)
    if errors:
        raise ValidationFailed(errors)
    origins = _team_origins(session, row.team_id, gesture_ids)
    takeaway = Takeaway(team_id=row.team_id, session_id=row.id, text=text, kind=kind or None,
                        trigger=trigger or None, created_by_id=as_actor(actor).person_id)
    session.add(takeaway)
    session.flush()
    for origin in origins:
        session.add(TakeawayStory(takeaway_id=takeaway.id, gesture_id=origin))
    audit.record(session, action="takeaway.add", actor_id=as_actor(actor).person_id, entity="takeaway",
                 entity_id=takeaway.id, team_id=row.team_id, detail={"session": row.id})
    session.commit()
    return Saved(takeaway, removed)


def edit_takeaway(*, session: Session, actor: Actor | None, takeaway_id: int, text: str) -> Saved:
    """Reword a takeaway while the session that wrote it is still open."""
    takeaway = session.get(Takeaway, takeaway_id) if isinstance(takeaway_id, int) else None
    if takeaway is None or takeaway.session_id is None:
        raise NotFound("takeaway")
    sessions_service.editable(session=session, actor=actor, session_id=takeaway.session_id)
    errors: list[FieldError] = []
    text, removed = clean("text", text, TAKEAWAY_MAX, errors, required=True)
    if errors:
        raise ValidationFailed(errors)
    takeaway.text = text
    session.add(takeaway)
    audit.record(session, action="takeaway.edit", actor_id=as_actor(actor).person_id, entity="takeaway",
                 entity_id=takeaway.id, team_id=takeaway.team_id)
    session.commit()
    return Saved(takeaway, removed)


def retire_takeaway(*, session: Session, actor: Actor | None, takeaway_id: int,
                    in_session_id: int | None = None, now: datetime | None = None) -> Takeaway:
    """Mark a takeaway as no longer holding (kept in history): in a later open session, or by a manager."""
    actor = as_actor(actor)
    takeaway = session.get(Takeaway, takeaway_id) if isinstance(takeaway_id, int) else None
    if takeaway is None or not may_see_sessions(session=session, actor=actor, team_id=takeaway.team_id):
        raise NotFound("takeaway")
    if in_session_id is not None:
        row = sessions_service.editable(session=session, actor=actor, session_id=in_session_id)
        if row.team_id != takeaway.team_id:
            raise NotFound("takeaway")
    elif not may_open_session(session=session, actor=actor, team_id=takeaway.team_id):
        raise NotAllowed("a takeaway is retired in a session or by the team's managers")
    if takeaway.retired_at is not None:
        raise Conflict("already retired")
    takeaway.retired_at, takeaway.retired_in_session_id = now or utcnow(), in_session_id
    takeaway.retired_by_id = actor.person_id
    session.add(takeaway)
    audit.record(session, action="takeaway.retire", actor_id=actor.person_id, entity="takeaway",
                 entity_id=takeaway.id, team_id=takeaway.team_id, detail={"session": in_session_id})
    session.commit()
    return takeaway


def _links(session: Session, takeaway_ids: list[int]) -> dict[int, list[uuid.UUID]]:
    out: dict[int, list[uuid.UUID]] = {tid: [] for tid in takeaway_ids}
    if takeaway_ids:
        query = select(TakeawayStory).where(TakeawayStory.takeaway_id.in_(takeaway_ids))
        for link in session.exec(query):
            out[link.takeaway_id].append(link.gesture_id)
    return out


def entries(session: Session, query) -> list[Entry]:
    """Playbook entries for a select of (Takeaway, LearningSession) rows."""
    rows = list(session.exec(query))
    links = _links(session, [t.id for t, _s in rows])
    return [Entry(t, s.title if s else "", s.held_on if s else None, links[t.id]) for t, s in rows]


def playbook(*, session: Session, actor: Actor | None, team_id: int, words: str = "", kind: str | None = None,
             trigger: str | None = None, include_retired: bool = False,
             tablet_team_id: int | None = None) -> list[Entry]:
    """The team's takeaways, newest first; filtered by words in the text and by kind/trigger tags.

    `tablet_team_id`: the team of the registered tablet asking without a sign-in, which reads its own
    team's playbook like its feed (new colleagues learn from it).
    """
    if tablet_team_id != team_id and not may_see_sessions(session=session, actor=as_actor(actor),
                                                           team_id=team_id):
        raise NotFound("team")
    query = (select(Takeaway, LearningSession).outerjoin(LearningSession, _FROM_SESSION)
             .where(Takeaway.team_id == team_id))
    if not include_retired:
        query = query.where(Takeaway.retired_at.is_(None))
    for word in (words or "").split()[:8]:
        query = query.where(func.lower(Takeaway.text).contains(word.lower()[:50], autoescape=True))
    if kind:
        query = query.where(Takeaway.kind == kind)
    if trigger:
        query = query.where(Takeaway.trigger == trigger)
    return entries(session, query.order_by(Takeaway.created_at.desc(), Takeaway.id.desc()).limit(200))


def of_session(*, session: Session, session_id: int) -> list[Entry]:
    """The takeaways a session wrote, in the order they were written (the caller checked visibility)."""
    query = (select(Takeaway, LearningSession).join(LearningSession, _FROM_SESSION)
             .where(Takeaway.session_id == session_id).order_by(Takeaway.id))
    return entries(session, query)
