"""Signing in: passwords and PINs with a lockout counted in the database, set-up codes, sign-out.

The failure counter and the lock live on the Person row (not in a server process), so they hold when
several app servers share the database. Every failure is audited.
"""

import re
import secrets
from datetime import timedelta
from functools import cache
from typing import NoReturn

from sqlalchemy import case, func, update
from sqlmodel import Session, select

from ledger.credentials import hash_secret, needs_rehash, pin_problem, verify_secret
from ledger.errors import FieldError, LockedOut, NotAllowed, NotFound, ValidationFailed
from ledger.models import Membership, Person
from ledger.permissions import Actor, as_actor, may_issue_setup_code
from ledger.services import audit, signins, throttle
from ledger.types import utcnow

MAX_FAILED_ATTEMPTS = 5
LOCKOUT_DURATION = timedelta(minutes=5)
SETUP_CODE_LIFETIME = timedelta(hours=48)
SETUP_CODE_LENGTH = 8
# No 0/O, 1/I/L: the code is read off a screen and typed on a tablet.
SETUP_CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"


class BadCredentials(NotAllowed):
    """The password, PIN or set-up code did not match; `attempts_left` before the lock (None: not said).

    Password sign-ins never say how many tries are left: the answer must not tell whether the e-mail
    address belongs to someone."""

    def __init__(self, attempts_left: int | None):
        self.attempts_left = attempts_left
        super().__init__("credentials do not match")


class NoPinYet(NotAllowed):
    """The person has no PIN yet: they need a set-up code from their manager."""


@cache
def _dummy_hash() -> str:
    return hash_secret("not-a-real-password")


def check_password(*, session: Session, email: str, password: str, ip: str | None = None) -> Person:
    """The active person with this email and password, answered alike for known and unknown addresses.

    Attempts are counted per address (hashed, known or not) and per IP address before the hash check,
    so the lock, its timing and its wording never tell whether an account exists."""
    email = email.strip().lower()
    person = session.exec(select(Person).where(func.lower(Person.email) == email)).first() if email else None
    usable = person is not None and person.active and bool(person.password_hash)
    who = person if usable else None
    keys = [(throttle.email_key(email), throttle.EMAIL_LIMIT)]
    if ip:
        keys.append((f"ip:{ip[:60]}", throttle.IP_LIMIT))
    _reserve_all(session, keys, method="password", person=who)
    if not verify_secret(person.password_hash if usable else _dummy_hash(), password):  # same cost
        audit.record(session, action="signin_failed", entity="person", entity_id=getattr(who, "id", ""),
                     actor_id=getattr(who, "id", None),
                     detail={"method": "password", "reason": "mismatch" if usable else "unknown_account"})
        session.commit()
        until = throttle.blocked_until(session=session, key=keys[0][0], limit=throttle.EMAIL_LIMIT)
        if until is not None:
            audit.record(session, action="locked_out", actor_id=getattr(who, "id", None), entity="person",
                         entity_id=getattr(who, "id", ""), detail={"method": "password"})
            session.commit()
            raise LockedOut(until)
        raise BadCredentials(attempts_left=None)
    for key, _limit in keys:
        throttle.release(session=session, key=key)
    return _signed_in(session, person, password, method="password")


def check_pin(*, session: Session, person_id: int, team_id: int, pin: str,
              tablet_id: int | None = None) -> Person:
    """The active team member with this PIN; counted per person and per tablet before the check."""
    person = team_member(session=session, person_id=person_id, team_id=team_id)
    if not person.pin_hash:
        raise NoPinYet("no PIN set")
    tablet_key = [(f"tablet:{tablet_id}", throttle.TABLET_LIMIT)] if tablet_id is not None else []
    _reserve_all(session, tablet_key, method="pin", person=person, team_id=team_id)
    _reserve_person(session, person, method="pin", team_id=team_id)
    if not verify_secret(person.pin_hash, pin):
        _count_failure(session, person, method="pin", team_id=team_id)  # raises
    for key, _limit in tablet_key:
        throttle.release(session=session, key=key)
    return _signed_in(session, person, pin, method="pin", team_id=team_id)


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


def _reserve_all(session: Session, keys: list, *, method: str, person: Person | None = None,
                 team_id: int | None = None) -> None:
    """Take an attempt on every key (tablet, IP, e-mail); LockedOut when one of them has none left."""
    for key, limit in keys:
        if not throttle.reserve(session=session, key=key, limit=limit):
            until = throttle.blocked_until(session=session, key=key, limit=limit) or utcnow() + limit.window
            audit.record(session, action="signin_locked", actor_id=getattr(person, "id", None),
                         entity="person", entity_id=getattr(person, "id", ""), team_id=team_id,
                         detail={"method": method, "by": key.split(":")[0]})
            session.commit()
            raise LockedOut(until)


def _reserve_person(session: Session, person: Person, *, method: str, team_id: int | None) -> None:
    """Count one attempt on the person in one conditional UPDATE, before the slow check.

    Only while they are under the limit and not locked (or their lock has passed, which starts afresh),
    so concurrent wrong PINs can never record more than MAX_FAILED_ATTEMPTS failures."""
    now = utcnow()
    lapsed = Person.locked_until.is_not(None) & (Person.locked_until <= now)
    result = session.exec(
        update(Person)
        .where(Person.id == person.id,
               (Person.locked_until.is_(None) & (Person.failed_attempts < MAX_FAILED_ATTEMPTS)) | lapsed)
        .values(failed_attempts=case((lapsed, 1), else_=Person.failed_attempts + 1),
                locked_until=case((lapsed, None), else_=Person.locked_until)))
    session.commit()
    session.refresh(person)
    if result.rowcount != 1:
        audit.record(session, action="signin_locked", actor_id=person.id, entity="person",
                     entity_id=person.id, team_id=team_id, detail={"method": method})
        session.commit()
        raise LockedOut(locked_until(person) or now + LOCKOUT_DURATION)


def _signed_in(session: Session, person: Person, secret: str, *, method: str,
               team_id: int | None = None) -> Person:
    """A right secret: the person's count starts afresh, an outdated hash is renewed, it is audited."""
    person.failed_attempts = 0
    person.locked_until = None
    column = "password_hash" if method == "password" else "pin_hash"
    if needs_rehash(getattr(person, column)):
        setattr(person, column, hash_secret(secret))
    session.add(person)
    audit.record(session, action="signin", actor_id=person.id, entity="person", entity_id=person.id,
                 team_id=team_id, detail={"method": method})
    session.commit()
    return person


def _count_failure(session: Session, person: Person, *, method: str, team_id: int | None) -> NoReturn:
    # The attempt was counted before the check (_reserve_person); the last one allowed starts the lock.
    audit.record(session, action="signin_failed", actor_id=person.id, entity="person", entity_id=person.id,
                 team_id=team_id, detail={"method": method, "attempt": person.failed_attempts})
    if person.failed_attempts >= MAX_FAILED_ATTEMPTS:
        until = utcnow() + LOCKOUT_DURATION
        session.exec(update(Person).where(Person.id == person.id).values(locked_until=until))
        audit.record(session, action="locked_out", actor_id=person.id, entity="person", entity_id=person.id,
                     team_id=team_id, detail={"method": method, "minutes": LOCKOUT_DURATION.seconds // 60})
        session.commit()
        raise LockedOut(until)
    session.commit()
    raise BadCredentials(attempts_left=MAX_FAILED_ATTEMPTS - person.failed_attempts)


def sign_out(*, session: Session, person_id: int) -> None:
    """End every session and send token of this person: cookies with the old version stop working."""
    signins.end_everywhere(session=session, person_id=person_id)


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


def set_pin_with_code(*, session: Session, person_id: int, team_id: int, code: str, pin: str,
                      tablet_id: int | None = None) -> Person:
    """Set the person's PIN with a valid set-up code; the code is used up and older sessions end."""
    person = team_member(session=session, person_id=person_id, team_id=team_id)
    problem = pin_problem(pin)
    if problem:
        raise ValidationFailed([FieldError("pin", problem)])
    if tablet_id is not None:
        _reserve_all(session, [(f"tablet:{tablet_id}", throttle.TABLET_LIMIT)], method="setup_code",
                     person=person, team_id=team_id)
    _reserve_person(session, person, method="setup_code", team_id=team_id)
    expired = person.setup_code_expires_at is None or person.setup_code_expires_at <= utcnow()
    if expired or not verify_secret(person.setup_code_hash, normalise_setup_code(code)):
        _count_failure(session, person, method="setup_code", team_id=team_id)  # raises
    person.pin_hash = hash_secret(pin)
    person.setup_code_hash = None
    person.setup_code_expires_at = None
    person.failed_attempts = 0
    person.locked_until = None
    if tablet_id is not None:
        throttle.release(session=session, key=f"tablet:{tablet_id}")
    session.add(person)
    # Every session and send token of the old PIN ends (session_version moves on).
    signins.end_everywhere(session=session, person_id=person.id, reason="pin_changed")
    audit.record(session, action="pin_set", actor_id=person.id, entity="person", entity_id=person.id,
                 team_id=team_id)
    session.commit()
    return person
