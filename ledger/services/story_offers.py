"""A giver's own offer of a story for the team's next learning session ("I'd like to tell this one").

Offered stories come first among the session's suggestions (ledger/services/session_stories.py) and are
used up when a session tells them; until then the giver may take the offer back.
"""

import uuid

from sqlmodel import Session, select

from ledger.errors import NotAllowed, NotFound
from ledger.models import Gesture, StoryOffer
from ledger.permissions import Actor, as_actor, may_offer_story, may_see_sessions
from ledger.services import audit
from ledger.services.session_stories import current_rows
from ledger.types import utcnow


def offer_story(*, session: Session, actor: Actor | None, gesture_id: uuid.UUID) -> StoryOffer:
    """The giver offers their own story for the team's next session; offering twice keeps one offer."""
    actor = as_actor(actor)
    row = session.get(Gesture, gesture_id) if isinstance(gesture_id, uuid.UUID) else None
    current = current_rows(session, [row.origin_id]).get(row.origin_id) if row is not None else None
    if current is None or not may_see_sessions(session=session, actor=actor, team_id=current.team_id):
        raise NotFound("gesture")
    if not may_offer_story(session=session, actor=actor, gesture=current):
        raise NotAllowed("only the giver offers their own story")
    offer = session.exec(select(StoryOffer).where(StoryOffer.gesture_id == current.origin_id)).first()
    if offer is None:
        offer = StoryOffer(team_id=current.team_id, gesture_id=current.origin_id, person_id=actor.person_id)
    elif offer.withdrawn_at is None:
        return offer
    offer.withdrawn_at = None
    session.add(offer)
    audit.record(session, action="story.offer", actor_id=actor.person_id, entity="gesture",
                 entity_id=current.origin_id, team_id=current.team_id)
    session.commit()
    return offer


def withdraw_offer(*, session: Session, actor: Actor | None, gesture_id: uuid.UUID) -> None:
    """The giver takes back an offer that was not yet told."""
    actor = as_actor(actor)
    row = session.get(Gesture, gesture_id) if isinstance(gesture_id, uuid.UUID) else None
    offer = None
    if row is not None:
        offer = session.exec(select(StoryOffer).where(StoryOffer.gesture_id == row.origin_id)).first()
    if offer is None or actor is None or offer.person_id != actor.person_id:
        raise NotFound("offer")
    if offer.used_in_session_id is None and offer.withdrawn_at is None:
        offer.withdrawn_at = utcnow()
        session.add(offer)
        audit.record(session, action="story.withdraw", actor_id=actor.person_id, entity="gesture",
                     entity_id=offer.gesture_id, team_id=offer.team_id)
        session.commit()


def offers_of(*, session: Session, person_id: int) -> dict[uuid.UUID, str]:
    """The person's offers by gesture origin: "offered" (waiting for a session) or "told" (used up)."""
    query = select(StoryOffer).where(StoryOffer.person_id == person_id, StoryOffer.withdrawn_at.is_(None))
    return {offer.gesture_id: "told" if offer.used_in_session_id is not None else "offered"
            for offer in session.exec(query)}
