"""Learning sessions: open one for a team, run it, record what was said, close it (DESIGN §3, §4).

Who may do what is asked of ledger/permissions.py: everyone in the team sees its sessions; its managers
and admins open them; the named facilitator (a staff member, say) runs one but never applies a mandate
change (ledger/services/session_actions.py). A closed session is history: nothing in it changes any more.
Free text (notes, who took part) goes through the personal-data scan, like a gesture's description.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlmodel import Session, select

from ledger.errors import Conflict, FieldError, NotAllowed, NotFound, ValidationFailed
from ledger.models import LearningSession, Membership, Person, Team
from ledger.models.sessions import NOTES_MAX, PARTICIPANTS_MAX, TITLE_MAX
from ledger.permissions import (
    Actor,
    as_actor,
    may_facilitate_session,
    may_open_session,
    may_see_sessions,
    may_set_name_consent,
)
from ledger.services import audit
from ledger.services.gesture_rules import clean_text, text_errors
from ledger.types import utcnow
from ledger.vocab import SessionStatus
from ledger.weeks import local_date, local_midnight_utc

DEFAULT_LOOKBACK = timedelta(weeks=4)  # a team's first session looks back this far
MAX_PARTICIPANTS = 10_000
EARLIEST, LATEST = date(2000, 1, 1), date(2999, 12, 31)  # the dates a session may name


@dataclass(frozen=True)
class Saved:
    """A stored row and the personal-data categories removed from its text (to tell the user)."""

    row: object
    redacted: tuple[str, ...] = ()


def clean(field: str, value, max_len: int, errors: list[FieldError], *,
          required: bool = False) -> tuple[str, tuple[str, ...]]:
    """Check and redact one free-text field; problems are appended to `errors`."""
    if value is None:
        value = ""
    problems = text_errors(field, value, max_len)
    if not problems and required and not value.strip():
        problems = [FieldError(field, "required")]
    if problems:
        errors += problems
        return "", ()
    return clean_text(value)


def find(*, session: Session, actor: Actor | None, session_id: int) -> LearningSession:
    """The session when the actor may see its team; NotFound otherwise (another team's id included)."""
    row = session.get(LearningSession, session_id) if isinstance(session_id, int) else None
    if row is None or not may_see_sessions(session=session, actor=as_actor(actor), team_id=row.team_id):
        raise NotFound("learning session")
    return row


def may_run(*, session: Session, actor: Actor | None, row: LearningSession) -> bool:
    """True when the actor may edit this session now: its facilitator or a manager, and it is not closed."""
    return row.status != SessionStatus.CLOSED and may_facilitate_session(
        session=session, actor=as_actor(actor), team_id=row.team_id, facilitator_id=row.facilitator_id)


def editable(*, session: Session, actor: Actor | None, session_id: int) -> LearningSession:
    """The session for a change: NotFound when unseen, NotAllowed for others, Conflict once closed."""
    row = find(session=session, actor=actor, session_id=session_id)
    if not may_facilitate_session(session=session, actor=as_actor(actor), team_id=row.team_id,
                                  facilitator_id=row.facilitator_id):
        raise NotAllowed("only the facilitator and the team's managers run a session")
    if row.status == SessionStatus.CLOSED:
        raise Conflict("the session is closed")
    return row


def last_closed(*, session: Session, team_id: int, before: date | None = None) -> LearningSession | None:
    """The team's most recently held closed session (held before `before`, when given)."""
    query = select(LearningSession).where(LearningSession.team_id == team_id,
                                          LearningSession.status == SessionStatus.CLOSED)
    if before is not None:
        query = query.where(LearningSession.held_on < before)
    return session.exec(query.order_by(LearningSession.held_on.desc(), LearningSession.id.desc())).first()


def default_period(*, session: Session, team_id: int, held_on: date) -> tuple[date, date]:
    """Since the day after the last closed session, else the last four weeks, up to the session's day."""
    last = last_closed(session=session, team_id=team_id, before=held_on)
    start = last.held_on + timedelta(days=1) if last is not None else held_on - DEFAULT_LOOKBACK
    return start, held_on


def _facilitator_errors(session: Session, team_id: int, facilitator_id) -> list[FieldError]:
    if facilitator_id is None:
        return []
    person = session.get(Person, facilitator_id) if isinstance(facilitator_id, int) else None
    if person is None or not person.active or session.get(Membership, (team_id, person.id)) is None:
        return [FieldError("facilitator", "not_member")]
    return []


def is_day(value) -> bool:
    """A date (not a datetime) inside EARLIEST..LATEST: day arithmetic near year 1 or 9999 overflows."""
    return isinstance(value, date) and not isinstance(value, datetime) and EARLIEST <= value <= LATEST


def _date_errors(held_on, period_start, period_end) -> list[FieldError]:
    errors = [FieldError(name, "date_format") for name, value in
              (("held_on", held_on), ("period_start", period_start), ("period_end", period_end))
              if not is_day(value)]
    if not errors and period_start > period_end:
        errors.append(FieldError("period_start", "after_end"))
    return errors


def open_session(*, session: Session, actor: Actor | None, team_id: int, held_on: date, title: str = "",
                 period_start: date | None = None, period_end: date | None = None,
                 facilitator_id: int | None = None) -> LearningSession:
    """Plan a learning session for a team (managers and admins); the period defaults as default_period."""
    actor = as_actor(actor)
    if not isinstance(team_id, int) or session.get(Team, team_id) is None:
        raise NotFound("team")
    if not may_open_session(session=session, actor=actor, team_id=team_id):
        raise NotAllowed("only the team's managers and admins open a learning session")
    errors: list[FieldError] = []
    title, _removed = clean("title", title, TITLE_MAX, errors)
    if is_day(held_on):
        start, end = default_period(session=session, team_id=team_id, held_on=held_on)
        period_start, period_end = period_start or start, period_end or end
    errors += _date_errors(held_on, period_start, period_end)
    errors += _facilitator_errors(session, team_id, facilitator_id)
    if errors:
        raise ValidationFailed(errors)
    row = LearningSession(team_id=team_id, held_on=held_on, title=title, period_start=period_start,
                          period_end=period_end, facilitator_id=facilitator_id, created_by_id=actor.person_id,
                          status=SessionStatus.PLANNED.value)
    session.add(row)
    session.flush()
    audit.record(session, action="session.open", actor_id=actor.person_id, entity="learning_session",
                 entity_id=row.id, team_id=team_id,
                 detail={"held_on": held_on.isoformat(), "facilitator": facilitator_id})
    session.commit()
    return row


def start_session(*, session: Session, actor: Actor | None, session_id: int) -> LearningSession:
    """Mark a planned session as being held (presenting starts it); a running one stays as it is."""
    row = editable(session=session, actor=actor, session_id=session_id)
    if row.status == SessionStatus.PLANNED:
        row.status = SessionStatus.RUNNING.value
        session.add(row)
        audit.record(session, action="session.start", actor_id=as_actor(actor).person_id,
                     entity="learning_session", entity_id=row.id, team_id=row.team_id)
        session.commit()
    return row


def record_capture(*, session: Session, actor: Actor | None, session_id: int, notes: str = "",
                   participants: str = "", participant_count: int | None = None) -> Saved:
    """Store the session's notes and who took part (names, or only a count)."""
    row = editable(session=session, actor=actor, session_id=session_id)
    errors: list[FieldError] = []
    notes, removed = clean("notes", notes, NOTES_MAX, errors)
    participants, removed_names = clean("participants", participants, PARTICIPANTS_MAX, errors)
    if participant_count is not None and (isinstance(participant_count, bool)
                                          or not isinstance(participant_count, int)
                                          or not 0 <= participant_count <= MAX_PARTICIPANTS):
        errors.append(FieldError("participant_count", "out_of_range"))
    if errors:
        raise ValidationFailed(errors)
    row.notes, row.participants, row.participant_count = notes, participants, participant_count
    session.add(row)
    audit.record(session, action="session.capture", actor_id=as_actor(actor).person_id,
                 entity="learning_session", entity_id=row.id, team_id=row.team_id)
    session.commit()
    return Saved(row, tuple(dict.fromkeys(removed + removed_names)))


def close_session(*, session: Session, actor: Actor | None, session_id: int,
                  now: datetime | None = None) -> LearningSession:
    """Close the session: from now on it is the record of what the team said and agreed."""
    row = editable(session=session, actor=actor, session_id=session_id)
    row.status, row.closed_at = SessionStatus.CLOSED.value, now or utcnow()
    session.add(row)
    audit.record(session, action="session.close", actor_id=as_actor(actor).person_id,
                 entity="learning_session", entity_id=row.id, team_id=row.team_id)
    session.commit()
    return row


def list_sessions(*, session: Session, actor: Actor | None, team_id: int) -> list[LearningSession]:
    """The team's sessions, newest first (NotFound for a team the actor may not see)."""
    if not may_see_sessions(session=session, actor=as_actor(actor), team_id=team_id):
        raise NotFound("team")
    query = select(LearningSession).where(LearningSession.team_id == team_id)
    return list(session.exec(query.order_by(LearningSession.held_on.desc(), LearningSession.id.desc())))


def period_bounds(row: LearningSession, tz: str) -> tuple[datetime, datetime]:
    """The session's look-back period as a half-open UTC interval (local days, inclusive)."""
    end = row.period_end + timedelta(days=1)
    return local_midnight_utc(row.period_start, tz), local_midnight_utc(end, tz)


def local_today(*, session: Session, team_id: int, now: datetime | None = None) -> date:
    """Today's date on the team's clock."""
    return local_date(now or utcnow(), session.get(Team, team_id).timezone)


def set_name_consent(*, session: Session, actor: Actor | None, person_id: int, show: bool) -> Person:
    """A person's own choice: may their name be shown in learning sessions (else "a colleague")."""
    if not may_set_name_consent(actor=as_actor(actor), person_id=person_id):
        raise NotAllowed("only the person themselves chooses this")
    person = session.get(Person, person_id)
    if person is None:
        raise NotFound("person")
    person.show_name_in_sessions = bool(show)
    session.add(person)
    audit.record(session, action="person.session_name", actor_id=person_id, entity="person",
                 entity_id=person_id, detail={"show": bool(show)})
    session.commit()
    return person
