"""Privacy requests (GDPR): export everything about one person, erase a person, apply retention.

Erasure pseudonymises: the name becomes a stable pseudonym, the texts they wrote go, their
credentials and sessions end — and every number stays, so team totals and past reports stay true.
The in-place writes themselves live in ledger.services.ledger_rewrites.
"""

import calendar
import hashlib
import re
from datetime import datetime

from sqlalchemy import delete, func, or_
from sqlmodel import Session, SQLModel, select

from ledger.errors import Conflict, FieldError, NotAllowed, NotFound, ValidationFailed
from ledger.models import (
    Appreciation,
    AuditEvent,
    Gesture,
    LearningSession,
    Membership,
    PasswordReset,
    Person,
    PromptReview,
    RecoveryCode,
    SessionAction,
    StoryOffer,
    Takeaway,
    Team,
)
from ledger.permissions import Actor, may_administer, may_erase_person
from ledger.services import audit, ledger_rewrites
from ledger.services.settings import RETENTION_MAX_MONTHS, get_settings
from ledger.types import utcnow

_SECRET_COLUMNS = {"password_hash", "pin_hash", "setup_code_hash", "failed_attempts", "locked_until",
                   "session_version", "setup_code_expires_at", "totp_secret", "totp_last_step"}


def pseudonym(person_id: int) -> str:
    """The stable pseudonym an erased person is shown under (the same every time for the same id)."""
    return "P-" + hashlib.sha256(f"gesture-ledger:person:{person_id}".encode()).hexdigest()[:6].upper()


def _person(session: Session, person_id: int) -> Person:
    person = session.get(Person, person_id) if isinstance(person_id, int) else None
    if person is None:
        raise NotFound("person")
    return person


def _dump(row: SQLModel) -> dict:
    # warnings off: enum-typed columns hold plain strings when read back, which serialise the same.
    return row.model_dump(mode="json", warnings=False)


def _rows(items) -> list[dict]:
    return [_dump(item) if isinstance(item, SQLModel) else item for item in items]


def _about(prompt_key: str, person_id: int) -> bool:
    """True when a prompt's key names the person (quiet mandate "person:7", spend contrast "7-9")."""
    subject = prompt_key.split(":", 2)[-1]
    return subject == f"person:{person_id}" or str(person_id) in subject.split("-")


def _memberships(session: Session, person_id: int) -> list[dict]:
    rows = session.exec(select(Membership, Team.name).join(Team, Team.id == Membership.team_id)
                        .where(Membership.person_id == person_id).order_by(Team.name))
    return [{"team_id": m.team_id, "team": name, "since": m.since.isoformat() if m.since else None}
            for m, name in rows]


def _gestures(session: Session, person_id: int) -> dict[str, list[dict]]:
    mine = or_(Gesture.person_id == person_id, Gesture.logged_by_id == person_id)
    rows = list(session.exec(select(Gesture).where(mine).order_by(Gesture.logged_at)))
    return {
        "gestures_given": _rows(g for g in rows if g.person_id == person_id),
        "gestures_logged_for_others": _rows(g for g in rows if g.person_id != person_id),
        "corrections_and_voids": _rows(g for g in rows if g.entry_type != "original"),
    }


def _appreciations(session: Session, person_id: int) -> dict[str, list[dict]]:
    received = select(Gesture.id).where(Gesture.person_id == person_id)
    return {
        "appreciations_given": _rows(session.exec(
            select(Appreciation).where(Appreciation.person_id == person_id))),
        "appreciations_received": _rows(session.exec(
            select(Appreciation).where(Appreciation.gesture_id.in_(received)))),
    }


def _reviews_and_audit(session: Session, person_id: int, team_ids: list[int]) -> dict[str, list[dict]]:
    reviews = session.exec(select(PromptReview).where(PromptReview.team_id.in_(team_ids)))
    target = (AuditEvent.entity == "person") & (AuditEvent.entity_id == str(person_id))
    return {
        "prompt_reviews_about": _rows(r for r in reviews if _about(r.prompt_key, person_id)),
        "prompt_reviews_written": _rows(session.exec(
            select(PromptReview).where(PromptReview.reviewer_id == person_id))),
        "audit_as_actor": _rows(session.exec(
            select(AuditEvent).where(AuditEvent.actor_id == person_id).order_by(AuditEvent.at))),
        "audit_as_target": _rows(session.exec(select(AuditEvent).where(target).order_by(AuditEvent.at))),
    }


def _sessions(session: Session, person_id: int) -> dict[str, list[dict]]:
    led = or_(LearningSession.facilitator_id == person_id, LearningSession.created_by_id == person_id)
    return {
        "learning_sessions_led": _rows(session.exec(select(LearningSession).where(led))),
        "session_actions_owned": _rows(session.exec(
            select(SessionAction).where(SessionAction.owner_id == person_id))),
        "story_offers": _rows(session.exec(select(StoryOffer).where(StoryOffer.person_id == person_id))),
    }


def _operator_or_admin(actor: Actor | None, allowed) -> None:
    # None is the operator at the command line (who holds the database anyway); a web caller is an Actor.
    if actor is not None and not allowed(actor=actor):
        raise NotAllowed("administrators only")


def export_person(*, session: Session, actor: Actor | None, person_id: int) -> dict:
    """Everything stored about one person, as JSON-ready data (admins, or the operator: None; audited)."""
    _operator_or_admin(actor, may_administer)
    person = _person(session, person_id)
    profile = {k: v for k, v in _dump(person).items() if k not in _SECRET_COLUMNS}
    profile.update(has_pin=bool(person.pin_hash), has_password=bool(person.password_hash))
    memberships = _memberships(session, person_id)
    data = {"person": profile, "memberships": memberships, **_gestures(session, person_id),
            **_appreciations(session, person_id), **_sessions(session, person_id),
            **_reviews_and_audit(session, person_id, [m["team_id"] for m in memberships])}
    audit.record(session, action="person.export", actor_id=actor.person_id if actor else None,
                 entity="person", entity_id=person_id)
    session.commit()
    return data


# Learning-session texts may name a colleague; they are the team's lessons, so only the name is swapped.
# (Not ledger rows: ordinary updates, outside the append-only guard.)
_SESSION_TEXTS = ((LearningSession, ("title", "notes", "participants")),
                  (SessionAction, ("text", "proposed_why")), (Takeaway, ("text",)))


def _replace_name_in_session_texts(session: Session, person_id: int, name: str, alias: str) -> None:
    key = name.strip().lower()
    if len(key) < 2:
        return
    pattern = re.compile(r"(?<!\w)" + re.escape(name.strip()) + r"(?!\w)", re.IGNORECASE)

    def swap(text: str) -> str:
        return pattern.sub(alias, text) if text else text

    teams = select(Membership.team_id).where(Membership.person_id == person_id)
    scope = {LearningSession: LearningSession.team_id.in_(teams), Takeaway: Takeaway.team_id.in_(teams),
             SessionAction: SessionAction.session_id.in_(
                 select(LearningSession.id).where(LearningSession.team_id.in_(teams)))}
    for model, columns in _SESSION_TEXTS:
        mentions = or_(*(func.lower(getattr(model, c)).contains(key, autoescape=True) for c in columns))
        for row in session.exec(select(model).where(scope[model], mentions)):
            for column in columns:
                setattr(row, column, swap(getattr(row, column)))
            session.add(row)


def erase_person(*, session: Session, actor: Actor | None, person_id: int) -> str:
    """Erase a person (admins, or the operator: None): pseudonym, texts and credentials gone, numbers kept."""
    _operator_or_admin(actor, may_erase_person)
    person = _person(session, person_id)
    if actor is not None and person.id == actor.person_id:
        raise NotAllowed("you cannot erase yourself")
    name, alias, now = person.display_name, pseudonym(person.id), utcnow()
    if person.erased_at is None:
        ledger_rewrites.replace_name_in_team_texts(session, person_id=person.id, name=name, pseudonym=alias)
        ledger_rewrites.scrub_audit_details(session, person_id=person.id, name=name, pseudonym=alias)
        _replace_name_in_session_texts(session, person.id, name, alias)
    ledger_rewrites.blank_texts_of_person(session, person_id=person.id)
    for reset in session.exec(select(PasswordReset).where(PasswordReset.person_id == person.id)):
        session.delete(reset)
    person.display_name, person.email, person.lang = alias, None, None
    person.password_hash = person.pin_hash = person.setup_code_hash = None
    person.setup_code_expires_at = person.locked_until = None
    person.totp_secret = person.mfa_enabled_at = person.totp_last_step = None  # second factor (issue 12)
    session.exec(delete(RecoveryCode).where(RecoveryCode.person_id == person.id))
    person.active, person.erased_at = False, person.erased_at or now
    person.deactivated_at = person.deactivated_at or now
    person.session_version += 1
    session.add(person)
    audit.record(session, action="person.erase", actor_id=actor.person_id if actor else None,
                 entity="person", entity_id=person.id, detail={"pseudonym": alias})
    session.commit()
    return alias


def months_before(moment: datetime, months: int) -> datetime:
    """The same day-of-month `months` earlier (clamped to the month's last day)."""
    month_index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(month_index, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


def apply_retention(*, session: Session, actor: Actor | None, months: int | None = None,
                    dry_run: bool = False, now: datetime | None = None) -> dict[str, int]:
    """Blank free texts older than `months` (default: the setting), keeping every number.

    `actor` None is the operator at the command line; a web caller must be an admin. Dry run: counts only.
    """
    if actor is not None and not may_administer(actor=actor):
        raise NotAllowed("administrators only")
    months = get_settings(session=session).retention_months if months is None else months
    if isinstance(months, bool) or not isinstance(months, int) or not 1 <= months <= RETENTION_MAX_MONTHS:
        limits = {"min": 1, "max": RETENTION_MAX_MONTHS}
        raise ValidationFailed([FieldError("retention_months", "range", limits)])
    cutoff = months_before(now or utcnow(), months)
    if dry_run:
        return ledger_rewrites.count_texts_before(session, cutoff=cutoff)
    counts = ledger_rewrites.blank_texts_before(session, cutoff=cutoff)
    audit.record(session, action="retention.apply", actor_id=actor.person_id if actor else None,
                 entity="settings", detail={"months": months, "cutoff": cutoff.isoformat(), **counts})
    session.commit()
    return counts


def find_person(*, session: Session, key: str) -> Person:
    """A person by id, e-mail or exact display name (for the CLI): NotFound, or Conflict when two match."""
    key = (key or "").strip()
    if key.isdigit() and len(key) <= 18:
        found = session.get(Person, int(key))
        if found is not None:
            return found
    rows = list(session.exec(select(Person).where(or_(Person.email == key.lower(),
                                                      Person.display_name == key)).limit(2)))
    if not rows:
        raise NotFound(f"nobody is called or has the e-mail or id {key!r}")
    if len(rows) > 1:
        raise Conflict(f"more than one person is called {key!r}: give their e-mail or id instead")
    return rows[0]
