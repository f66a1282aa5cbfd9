"""Learning sessions: a team looks back on its stories, says what it learned and agrees what to change.

Stories point at a gesture chain by its origin id, so a later correction of the gesture stays attached.
Takeaways are the team's playbook ("what works here"): they outlive the session that found them and are
retired (kept, marked) rather than deleted when a later session says they no longer hold.
"""

import uuid
from datetime import date, datetime

from sqlalchemy import UniqueConstraint
from sqlmodel import Field, SQLModel

from ledger.types import UTCDateTime, utcnow

TITLE_MAX = 120
NOTES_MAX = 4000
PARTICIPANTS_MAX = 500
TAKEAWAY_MAX = 300
ACTION_MAX = 300
WHY_MAX = 500


class LearningSession(SQLModel, table=True):
    __tablename__ = "learning_session"

    id: int | None = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id", index=True)
    held_on: date
    title: str = Field(default="", max_length=TITLE_MAX)
    # The local dates (inclusive) whose gestures the session looks back on.
    period_start: date
    period_end: date
    facilitator_id: int | None = Field(default=None, foreign_key="person.id")
    status: str = Field(default="planned", max_length=10)
    notes: str = Field(default="", max_length=NOTES_MAX)
    # Who took part: names, or only a count — the team chooses.
    participants: str = Field(default="", max_length=PARTICIPANTS_MAX)
    participant_count: int | None = Field(default=None, ge=0)
    created_by_id: int | None = Field(default=None, foreign_key="person.id")
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    closed_at: datetime | None = Field(default=None, sa_type=UTCDateTime)


class SessionStory(SQLModel, table=True):
    __tablename__ = "session_story"
    __table_args__ = (UniqueConstraint("session_id", "gesture_id"),)

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(foreign_key="learning_session.id", index=True)
    # The origin id of the gesture chain (the current row is shown).
    gesture_id: uuid.UUID = Field(foreign_key="gesture.id")
    position: int = Field(default=0)
    # The playbook entry this story taught in this session, if one was written.
    takeaway_id: int | None = Field(default=None, foreign_key="takeaway.id")
    # Set when the giver offered the story themselves ("I'd like to tell this one").
    offered_by_id: int | None = Field(default=None, foreign_key="person.id")
    added_by_id: int | None = Field(default=None, foreign_key="person.id")


class SessionAction(SQLModel, table=True):
    __tablename__ = "session_action"

    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(foreign_key="learning_session.id", index=True)
    text: str = Field(max_length=ACTION_MAX)
    owner_id: int | None = Field(default=None, foreign_key="person.id")
    due_on: date | None = Field(default=None)
    status: str = Field(default="open", max_length=10)
    # A proposed mandate change: a whole new frame (cap and allowance set means there is a proposal).
    proposed_cap_cents: int | None = Field(default=None, ge=0)
    proposed_allowance_cents: int | None = Field(default=None, ge=0)
    proposed_period: str | None = Field(default=None, max_length=8)
    proposed_kinds: str = Field(default="", max_length=200)
    proposed_why: str = Field(default="", max_length=WHY_MAX)
    applied_mandate_id: int | None = Field(default=None, foreign_key="mandate.id")
    applied_by_id: int | None = Field(default=None, foreign_key="person.id")
    applied_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    created_by_id: int | None = Field(default=None, foreign_key="person.id")
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)

    @property
    def has_proposal(self) -> bool:
        """True when the action carries a proposed mandate change."""
        return self.proposed_cap_cents is not None and self.proposed_allowance_cents is not None

    @property
    def proposed_kind_list(self) -> list[str]:
        """The proposed allowed kind codes; empty means all."""
        return [k for k in self.proposed_kinds.split(";") if k]


class Takeaway(SQLModel, table=True):
    """One lesson in the team's playbook, optionally tagged with the kind and trigger it is about."""

    id: int | None = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id", index=True)
    session_id: int | None = Field(default=None, foreign_key="learning_session.id")
    text: str = Field(max_length=TAKEAWAY_MAX)
    kind: str | None = Field(default=None, max_length=16)
    trigger: str | None = Field(default=None, max_length=16)
    created_by_id: int | None = Field(default=None, foreign_key="person.id")
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    retired_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
    retired_in_session_id: int | None = Field(default=None, foreign_key="learning_session.id")
    retired_by_id: int | None = Field(default=None, foreign_key="person.id")


class TakeawayStory(SQLModel, table=True):
    """Which stories (gesture chains, by origin id) taught a takeaway."""

    __tablename__ = "takeaway_story"

    takeaway_id: int = Field(foreign_key="takeaway.id", primary_key=True)
    gesture_id: uuid.UUID = Field(foreign_key="gesture.id", primary_key=True)


class StoryOffer(SQLModel, table=True):
    """A giver's "I'd like to tell this one" for the team's next learning session."""

    __tablename__ = "story_offer"
    __table_args__ = (UniqueConstraint("gesture_id"),)

    id: int | None = Field(default=None, primary_key=True)
    team_id: int = Field(foreign_key="team.id", index=True)
    gesture_id: uuid.UUID = Field(foreign_key="gesture.id")
    person_id: int = Field(foreign_key="person.id")
    created_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime)
    # The session the story was told in; None while it waits.
    used_in_session_id: int | None = Field(default=None, foreign_key="learning_session.id")
    withdrawn_at: datetime | None = Field(default=None, sa_type=UTCDateTime)
