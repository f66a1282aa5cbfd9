"""The stories of a learning session: suggestions with a reason each, search, add, remove, order,
a takeaway per story, and the giver's own offer ("I'd like to tell this one").

A story points at a gesture chain (origin id); the current row of the chain is what is told, so a
correction shows and a withdrawn gesture drops out. Suggestions are simple SQL over the session's period
(ledger may not import reports); the caller may pass the evidence of the report's prompts.
"""

import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import func, or_
from sqlmodel import Session, select

from ledger.current import is_current
from ledger.errors import Conflict, FieldError, NotFound, ValidationFailed
from ledger.models import (
    Appreciation,
    Gesture,
    LearningSession,
    Person,
    SessionStory,
    StoryOffer,
    Takeaway,
    Team,
)
from ledger.permissions import Actor, as_actor
from ledger.services import audit, playbook
from ledger.services import sessions as sessions_service
from ledger.services.feed import appreciations_by_origin
from ledger.services.sessions import Saved
from ledger.vocab import Kind, Trigger

CHEAP_CENTS = 500  # "cheap gestures that landed": at most €5
LANDED = 4  # delighted or moved
FLAT = 2  # no visible reaction (or worse)
SEARCH_LIMIT = 30
PER_REASON = 2


@dataclass(frozen=True)
class Suggestion:
    """A gesture worth telling, and why: reason is a code (offered, prompt, best_received, cheap_landed,
    fell_flat, story_of_week); `detail` names the prompt key or who offered it."""

    gesture: Gesture
    reason: str
    detail: str = ""


@dataclass(frozen=True)
class Story:
    """One story of a session as shown and presented; `giver_name` is None without the giver's consent."""

    story: SessionStory
    gesture: Gesture
    giver_name: str | None
    appreciation_notes: list[str]
    appreciations: int
    takeaway: Takeaway | None


def giver_name(person: Person | None) -> str | None:
    """The giver's name when they agreed to show it in sessions; None means "a colleague"."""
    if person is None or not person.show_name_in_sessions or person.erased_at is not None:
        return None
    return person.display_name


def current_rows(session: Session, origin_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, Gesture]:
    """The current row of each given gesture chain (withdrawn chains are left out)."""
    ids = list(origin_ids)
    if not ids:
        return {}
    rows = session.exec(select(Gesture).where(Gesture.origin_id.in_(ids), is_current()))
    return {row.origin_id: row for row in rows}


def _period_gestures(session: Session, row: LearningSession):
    tz = session.get(Team, row.team_id).timezone
    start, end = sessions_service.period_bounds(row, tz)
    told = select(SessionStory.gesture_id).where(SessionStory.session_id == row.id)
    return select(Gesture).where(Gesture.team_id == row.team_id, Gesture.occurred_at >= start,
                                 Gesture.occurred_at < end, is_current(), Gesture.origin_id.not_in(told))


def stories(*, session: Session, actor: Actor | None, session_id: int) -> list[Story]:
    """The session's stories in their order, with the current gesture, appreciations and takeaway."""
    row = sessions_service.find(session=session, actor=actor, session_id=session_id)
    links = list(session.exec(select(SessionStory).where(SessionStory.session_id == row.id)
                              .order_by(SessionStory.position, SessionStory.id)))
    current = current_rows(session, [s.gesture_id for s in links])
    thanks = _appreciations(session, list(current))
    out = []
    for link in links:
        gesture = current.get(link.gesture_id)
        if gesture is None:  # withdrawn since it was chosen
            continue
        notes = thanks.get(link.gesture_id, [])
        takeaway = session.get(Takeaway, link.takeaway_id) if link.takeaway_id else None
        out.append(Story(link, gesture, giver_name(session.get(Person, gesture.person_id)),
                         [n for n in notes if n], len(notes), takeaway))
    return out


def _appreciations(session: Session, origin_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[str]]:
    found = appreciations_by_origin(session=session, origin_ids=origin_ids)
    return {gid: [a.note for a in given] for gid, given in found.items()}


def _offered(session: Session, row: LearningSession) -> list[Suggestion]:
    told = select(SessionStory.gesture_id).where(SessionStory.session_id == row.id)
    query = (select(StoryOffer).where(StoryOffer.team_id == row.team_id,
                                      StoryOffer.used_in_session_id.is_(None),
                                      StoryOffer.withdrawn_at.is_(None), StoryOffer.gesture_id.not_in(told))
             .order_by(StoryOffer.created_at))
    offers = list(session.exec(query))
    current = current_rows(session, [o.gesture_id for o in offers])
    return [Suggestion(current[o.gesture_id], "offered", giver_name(session.get(Person, o.person_id)) or "")
            for o in offers if o.gesture_id in current]


def _ranked(session: Session, row: LearningSession) -> list[Suggestion]:
    base = _period_gestures(session, row)
    _start, end = sessions_service.period_bounds(row, session.get(Team, row.team_id).timezone)
    last_week = end - timedelta(days=7)
    thanks = (select(func.count()).where(Appreciation.gesture_id == Gesture.origin_id)
              .correlate(Gesture).scalar_subquery())
    picks = [
        ("best_received", base.where(Gesture.reaction >= LANDED)
         .order_by(Gesture.reaction.desc(), thanks.desc(), Gesture.occurred_at.desc())),
        ("cheap_landed", base.where(Gesture.reaction >= LANDED, Gesture.cost_cents <= CHEAP_CENTS)
         .order_by(Gesture.cost_cents, Gesture.reaction.desc(), Gesture.occurred_at.desc())),
        ("fell_flat", base.where(Gesture.reaction <= FLAT).order_by(Gesture.occurred_at.desc())),
        # The period's last seven days: the best-received one with the fullest story.
        ("story_of_week", base.where(Gesture.reaction >= LANDED, Gesture.occurred_at >= last_week)
         .order_by(Gesture.reaction.desc(), func.length(Gesture.description).desc())),
    ]
    out = []
    for reason, query in picks:  # a few spare rows each: the same gesture may win under two reasons
        out += [Suggestion(g, reason) for g in session.exec(query.limit(PER_REASON + 4))]
    return out


def suggest_stories(*, session: Session, actor: Actor | None, session_id: int,
                    prompt_evidence: Mapping[str, Iterable[uuid.UUID]] | None = None,
                    limit: int = 8) -> list[Suggestion]:
    """Stories worth telling, each with its reason: offered ones first, then the prompts' evidence, then
    the best-received, cheap gestures that landed, one that fell flat, and the latest well-received one."""
    row = sessions_service.find(session=session, actor=actor, session_id=session_id)
    told = {s.gesture_id for s in session.exec(select(SessionStory).where(SessionStory.session_id == row.id))}
    found = _offered(session, row)
    for key, ids in (prompt_evidence or {}).items():
        current = current_rows(session, ids)
        found += [Suggestion(g, "prompt", key) for g in current.values() if g.team_id == row.team_id]
    found += _ranked(session, row)
    out, seen, per_reason = [], set(told), {}
    for suggestion in found:
        cap = {"fell_flat": 1, "story_of_week": 1}.get(suggestion.reason, PER_REASON)
        if suggestion.gesture.origin_id in seen or per_reason.get(suggestion.reason, 0) >= cap:
            continue
        seen.add(suggestion.gesture.origin_id)
        per_reason[suggestion.reason] = per_reason.get(suggestion.reason, 0) + 1
        out.append(suggestion)
    return out[:limit]


def search(*, session: Session, actor: Actor | None, session_id: int, words: str = "",
           kind: str | None = None, trigger: str | None = None, limit: int = SEARCH_LIMIT) -> list[Gesture]:
    """The team's gestures of the period not yet in the session, by words in their texts, kind and trigger."""
    row = sessions_service.find(session=session, actor=actor, session_id=session_id)
    query = _period_gestures(session, row)
    for word in (words or "").split()[:8]:
        needle = word.lower()[:50]
        query = query.where(or_(*(func.lower(col).contains(needle, autoescape=True) for col in
                                  (Gesture.description, Gesture.trigger_note, Gesture.reaction_note))))
    if kind in set(Kind):
        query = query.where(Gesture.kind == kind)
    if trigger in set(Trigger):
        query = query.where(Gesture.trigger == trigger)
    return list(session.exec(query.order_by(Gesture.occurred_at.desc()).limit(limit)))


def _origin_of_team(session: Session, team_id: int, gesture_id) -> Gesture:
    row = session.get(Gesture, gesture_id) if isinstance(gesture_id, uuid.UUID) else None
    if row is None or row.team_id != team_id:
        raise ValidationFailed([FieldError("gesture", "unknown")])
    current = current_rows(session, [row.origin_id]).get(row.origin_id)
    if current is None:
        raise ValidationFailed([FieldError("gesture", "withdrawn")])
    return current


def add_story(*, session: Session, actor: Actor | None, session_id: int,
              gesture_id: uuid.UUID) -> SessionStory:
    """Add one of the team's gestures to the session, at the end; an open offer of it is used up."""
    row = sessions_service.editable(session=session, actor=actor, session_id=session_id)
    gesture = _origin_of_team(session, row.team_id, gesture_id)
    links = list(session.exec(select(SessionStory).where(SessionStory.session_id == row.id)))
    if any(link.gesture_id == gesture.origin_id for link in links):
        raise Conflict("already in the session")
    offer = session.exec(select(StoryOffer).where(StoryOffer.gesture_id == gesture.origin_id,
                                                  StoryOffer.withdrawn_at.is_(None))).first()
    story = SessionStory(session_id=row.id, gesture_id=gesture.origin_id,
                         added_by_id=as_actor(actor).person_id,
                         position=max((link.position for link in links), default=0) + 1,
                         offered_by_id=offer.person_id if offer else None)
    if offer is not None and offer.used_in_session_id is None:
        offer.used_in_session_id = row.id
        session.add(offer)
    session.add(story)
    audit.record(session, action="session.story_add", actor_id=as_actor(actor).person_id,
                 entity="learning_session", entity_id=row.id, team_id=row.team_id,
                 detail={"gesture": str(gesture.origin_id)})
    session.commit()
    return story


def _story(session: Session, actor, story_id: int) -> tuple[LearningSession, SessionStory]:
    story = session.get(SessionStory, story_id) if isinstance(story_id, int) else None
    if story is None:
        raise NotFound("story")
    row = sessions_service.editable(session=session, actor=actor, session_id=story.session_id)
    return row, story


def remove_story(*, session: Session, actor: Actor | None, story_id: int) -> None:
    """Take a story out of the session (an offer it used waits for the next session again)."""
    row, story = _story(session, actor, story_id)
    offer = session.exec(select(StoryOffer).where(StoryOffer.gesture_id == story.gesture_id,
                                                  StoryOffer.used_in_session_id == row.id)).first()
    if offer is not None:
        offer.used_in_session_id = None
        session.add(offer)
    session.delete(story)
    audit.record(session, action="session.story_remove", actor_id=as_actor(actor).person_id,
                 entity="learning_session", entity_id=row.id, team_id=row.team_id,
                 detail={"gesture": str(story.gesture_id)})
    session.commit()


def reorder(*, session: Session, actor: Actor | None, session_id: int, story_ids: list[int]) -> None:
    """Put the session's stories in the given order (drag and drop sends the whole list)."""
    row = sessions_service.editable(session=session, actor=actor, session_id=session_id)
    links = {s.id: s for s in session.exec(select(SessionStory).where(SessionStory.session_id == row.id))}
    if sorted(story_ids) != sorted(links):
        raise ValidationFailed([FieldError("order", "unknown")])
    for position, story_id in enumerate(story_ids, start=1):
        links[story_id].position = position
        session.add(links[story_id])
    audit.record(session, action="session.story_order", actor_id=as_actor(actor).person_id,
                 entity="learning_session", entity_id=row.id, team_id=row.team_id)
    session.commit()


def move(*, session: Session, actor: Actor | None, story_id: int, step: int) -> None:
    """Move a story one place up (step -1) or down (+1): the buttons beside drag and drop."""
    row, story = _story(session, actor, story_id)
    ordered = [s.id for s in session.exec(select(SessionStory).where(SessionStory.session_id == row.id)
                                          .order_by(SessionStory.position, SessionStory.id))]
    at = ordered.index(story.id)
    to = min(max(at + (1 if step > 0 else -1), 0), len(ordered) - 1)
    ordered.insert(to, ordered.pop(at))
    reorder(session=session, actor=actor, session_id=row.id, story_ids=ordered)


def set_takeaway(*, session: Session, actor: Actor | None, story_id: int, text: str) -> Saved:
    """The takeaway of one story: a playbook entry linked to the story (reworded when written again)."""
    row, story = _story(session, actor, story_id)
    if story.takeaway_id is not None:
        return playbook.edit_takeaway(session=session, actor=actor, takeaway_id=story.takeaway_id, text=text)
    gesture = current_rows(session, [story.gesture_id]).get(story.gesture_id)
    saved = playbook.add_takeaway(session=session, actor=actor, session_id=row.id, text=text,
                                  gesture_ids=[story.gesture_id], kind=gesture.kind if gesture else None,
                                  trigger=gesture.trigger if gesture else None)
    story.takeaway_id = saved.row.id
    session.add(story)
    session.commit()
    return saved
