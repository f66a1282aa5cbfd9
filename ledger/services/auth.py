"""Signing in: passwords and PINs with a lockout counted in the database, set-up codes, sign-out.

The failure counter and the lock live on the Person row (not in a server process), so they hold when
several app servers share the database. Every failure is audited.
"""

import re
import secrets
from datetime import timedelta
from functools import cache
from typing import NoReturn

from sqlalchemy import func, update
from sqlmodel import Session, select

from ledger.credentials import hash_secret, pin_problem, verify_secret
from ledger.errors import FieldError, LockedOut, NotAllowed, NotFound, ValidationFailed
from ledger.models import Membership, Person
from ledger.permissions import Actor, as_actor, may_issue_setup_code
from ledger.services import audit
from ledger.types import utcnow

MAX_FAILED_ATTEMPTS = 5
LOCKOUT_DURATION = timedelta(minutes=5)
SETUP_CODE_LIFETIME = timedelta(hours=48)
SETUP_CODE_LENGTH = 8
# No 0/O, 1/I/L: the code is read off a screen and typed on a tablet.
SETUP_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


class BadCredentials(NotAllowed):
    """The password, PIN or set-up code did not match; `attempts_left` before the lock (None: unknown)."""

    def __init__(self, attempts_left: int | None):
        self.attempts_left = attempts_left
        super().__init__("credentials do not match")


class NoPinYet(NotAllowed):
    """The person has no PIN yet: they need a set-up code from their manager."""


@cache
def _dummy_hash() -> str:
    return hash_secret("not-a-real-password")


def check_password(*, session: Session, email: str, password: str) -> Person:
    """The active person with this email and password; a failure is counted, audited and raised."""
    email = email.strip().lower()
    person = session.exec(select(Person).where(func.lower(Person.email) == email)).first() if email else None
    if person is None or not person.active or not person.password_hash:
        verify_secret(_dummy_hash(), password)  # same cost whether or not the account exists
        audit.record(session, action="signin_failed", entity="person",
                     detail={"method": "password", "reason": "unknown_account"})
        session.commit()
        raise BadCredentials(attempts_left=None)
    return _verify(session, person, password, person.password_hash, method="password")


def check_pin(*, session: Session, person_id: int, team_id: int, pin: str) -> Person:
    """The active team member with this PIN; a wrong PIN is counted, audited and raised."""
    person = team_member(session=session, person_id=person_id, team_id=team_id)
    if not person.pin_hash:
        raise NoPinYet("no PIN set")
    return _verify(session, person, pin, person.pin_hash, method="pin", team_id=team_id)


def team_member(*, session: Session, person_id: int, team_id: int) -> Person:
    """An active member of the team, else NotFound (other teams' people are not visible)."""
    person = session.get(Person, person_id)
    member = session.get(Membership, {"team_id": team_id, "person_id": person_id})
    if person is None or member is None or not person.active or person.erased_at is not None:
        raise NotFound("person")
    return person


def locked_until(person: Person):
    """When the person's lock ends, or None when they are not locked now."""
    if person.locked_until is not None and person.locked_until > utcnow():
        return person.locked_until
    return None


def _verify(session: Session, person: Person, secret: str, stored: str, *, method: str,
            team_id: int | None = None) -> Person:
    until = locked_until(person)
    if until is not None:
        audit.record(session, action="signin_locked", actor_id=person.id, entity="person",
                     entity_id=person.id, team_id=team_id, detail={"method": method})
        session.commit()
        raise LockedOut(until)
    if not verify_secret(stored, secret):
        _count_failure(session, person, method=method, team_id=team_id)  # raises
    person.failed_attempts = 0
    person.locked_until = None
    session.add(person)
    audit.record(session, action="signin", actor_id=person.id, entity="person", entity_id=person.id,
                 team_id=team_id, detail={"method": method})
    session.commit()
    return person


def _count_failure(session: Session, person: Person, *, method: str, team_id: int | None) -> NoReturn:
    # Incremented in SQL, so two servers counting at once never lose a failure.
    session.exec(update(Person).where(Person.id == person.id)
                 .values(failed_attempts=Person.failed_attempts + 1))
    session.refresh(person)
    audit.record(session, action="signin_failed", actor_id=person.id, entity="person", entity_id=person.id,
                 team_id=team_id, detail={"method": method, "attempt": person.failed_attempts})
    if person.failed_attempts >= MAX_FAILED_ATTEMPTS:
        person.failed_attempts = 0
        person.locked_until = utcnow() + LOCKOUT_DURATION
        session.add(person)
        audit.record(session, action="locked_out", actor_id=person.id, entity="person", entity_id=person.id,
                     team_id=team_id, detail={"method": method, "minutes": LOCKOUT_DURATION.seconds // 60})
        session.commit()
        raise LockedOut(person.locked_until)
    session.commit()
    raise BadCredentials(attempts_left=MAX_FAILED_ATTEMPTS - person.failed_attempts)


def sign_out(*, session: Session, person_id: int) -> None:
    """End every session of this person: cookies carrying the old session version stop working."""
    session.exec(update(Person).where(Person.id == person_id)
                 .values(session_version=Person.session_version + 1))
    audit.record(session, action="signout", actor_id=person_id, entity="person", entity_id=person_id)
    session.commit()


def issue_setup_code(*, session: Session, person_id: int, issuer: Actor | Person) -> str:
    """A one-time code (shown once, stored hashed) with which the person sets their own PIN.

    Someone the issuer may not issue a code for is NotFound: other teams' people are not visible."""
    person = session.get(Person, person_id)
    actor = as_actor(issuer)
    if person is None or not person.active or not may_issue_setup_code(
            session=session, actor=actor, person=person):
        raise NotFound("person")
    code = "".join(secrets.choice(SETUP_CODE_ALPHABET) for _ in range(SETUP_CODE_LENGTH))
    person.setup_code_hash = hash_secret(code)
    person.setup_code_expires_at = utcnow() + SETUP_CODE_LIFETIME
    session.add(person)
    audit.record(session, action="setup_code_issued", actor_id=actor.person_id, entity="person",
                 entity_id=person.id)
    session.commit()
    return f"{code[:4]}-{code[4:]}"


def normalise_setup_code(code: str) -> str:
    """What the person typed, without spaces or dashes, in capitals."""
    return re.sub(r"[\s-]", "", code).upper()


def set_pin_with_code(*, session: Session, person_id: int, team_id: int, code: str, pin: str) -> Person:
    """Set the person's PIN with a valid set-up code; the code is used up and older sessions end."""
    person = team_member(session=session, person_id=person_id, team_id=team_id)
    problem = pin_problem(pin)
    if problem:
        raise ValidationFailed([FieldError("pin", problem)])
    until = locked_until(person)
    if until is not None:
        audit.record(session, action="signin_locked", actor_id=person.id, entity="person",
                     entity_id=person.id, team_id=team_id, detail={"method": "setup_code"})
        session.commit()
        raise LockedOut(until)
    expired = person.setup_code_expires_at is None or person.setup_code_expires_at <= utcnow()
    if expired or not verify_secret(person.setup_code_hash, normalise_setup_code(code)):
        _count_failure(session, person, method="setup_code", team_id=team_id)  # raises
    person.pin_hash = hash_secret(pin)
    person.setup_code_hash = None
    person.setup_code_expires_at = None
    person.failed_attempts = 0
    person.locked_until = None
    person.session_version += 1
    session.add(person)
    audit.record(session, action="pin_set", actor_id=person.id, entity="person", entity_id=person.id,
                 team_id=team_id)
    session.commit()
    return person
