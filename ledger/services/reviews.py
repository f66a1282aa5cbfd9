"""A manager's marks on computed conversation prompts: discussed or set aside, a private note, and later
whether the conversation helped.

Reviews are private to the managers of the team and to admins; every function here asks
ledger.permissions about the actor, so a view that forgets to is still safe. The actor is an Actor (the
role of this request) or a Person (their full role, e.g. from the CLI).
"""

from collections.abc import Iterable

from sqlmodel import Session, select

from ledger.errors import FieldError, NotAllowed, NotFound, ValidationFailed
from ledger.models import AuditEvent, Person, PromptReview, Team
from ledger.permissions import Actor, as_actor, may_review
from ledger.pii import redact
from ledger.types import utcnow
from ledger.weeks import IsoWeek

STATUSES = ("discussed", "set_aside")
NOTE_MAX = 2000
KEY_MAX = 200


Who = Actor | Person | None


def _require(session: Session, who: Who, team_id: int) -> Actor:
    if session.get(Team, team_id) is None:
        raise NotFound("team")
    actor = as_actor(who)
    if not may_review(session=session, actor=actor, team_id=team_id):
        raise NotAllowed("only the team's managers and admins review its prompts")
    return actor


def _clean_note(note: str) -> str:
    note = (note or "").replace("\r\n", "\n").strip()
    if len(note) > NOTE_MAX:
        raise ValidationFailed([FieldError("note", "too_long", {"max": NOTE_MAX})])
    if any(ord(ch) < 32 and ch not in "\n\t" for ch in note) or "\x7f" in note:
        raise ValidationFailed([FieldError("note", "binary")])
    return redact(note)[0]  # the same personal-data scan as every free text (issue 12, finding 6)


def _validate(prompt_key: str, week: str, status: str) -> list[FieldError]:
    errors = []
    if not prompt_key or len(prompt_key) > KEY_MAX or not prompt_key.isprintable():
        errors.append(FieldError("prompt_key", "invalid"))
    try:
        IsoWeek.parse(week)
    except ValueError:
        errors.append(FieldError("week", "invalid"))
    if status not in STATUSES:
        errors.append(FieldError("status", "invalid", {"allowed": ", ".join(STATUSES)}))
    return errors


def review_prompt(*, session: Session, actor: Who, team_id: int, prompt_key: str, week: str,
                  status: str, note: str = "") -> PromptReview:
    """Mark a prompt discussed or set aside with a private note; marking again updates the mark."""
    actor = _require(session, actor, team_id)
    errors = _validate(prompt_key, str(week), status)
    try:
        note = _clean_note(note)
    except ValidationFailed as exc:
        errors += exc.errors
    if errors:
        raise ValidationFailed(errors)
    review = _find(session, team_id, prompt_key) or PromptReview(team_id=team_id, prompt_key=prompt_key,
                                                                 week=str(week), status=status)
    review.status, review.note = status, note
    review.reviewer_id, review.updated_at = actor.person_id, utcnow()
    session.add(review)
    session.add(AuditEvent(actor_id=actor.person_id, action="prompt_review", entity="prompt",
                           team_id=team_id, entity_id=prompt_key[:64], detail=status))
    session.commit()
    return review


def record_helped(*, session: Session, actor: Who, team_id: int, prompt_key: str,
                  helped: bool | None) -> PromptReview:
    """Say later whether the conversation about a reviewed prompt helped (None: not said)."""
    actor = _require(session, actor, team_id)
    review = _find(session, team_id, prompt_key)
    if review is None:
        raise NotFound("prompt review")
    review.helped, review.reviewer_id, review.updated_at = helped, actor.person_id, utcnow()
    session.add(review)
    session.commit()
    return review


def reviews_for_team(*, session: Session, actor: Who, team_id: int,
                     keys: Iterable[str] | None = None) -> dict[str, PromptReview]:
    """The team's prompt reviews by prompt key (only the given keys, when keys are given)."""
    _require(session, actor, team_id)
    stmt = select(PromptReview).where(PromptReview.team_id == team_id)
    if keys is not None:
        keys = list(keys)
        if not keys:
            return {}
        stmt = stmt.where(PromptReview.prompt_key.in_(keys))
    return {r.prompt_key: r for r in session.exec(stmt)}


def _find(session: Session, team_id: int, prompt_key: str) -> PromptReview | None:
    stmt = select(PromptReview).where(PromptReview.team_id == team_id, PromptReview.prompt_key == prompt_key)
    return session.exec(stmt).first()
