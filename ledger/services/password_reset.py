"""One-time password-reset links: issued by an admin, shown to them or e-mailed, used once, then gone.

Only the token's hash is stored; a new link replaces the person's older unused ones; using it sets
the password and ends every session the person had.
"""

from datetime import timedelta

from sqlmodel import Session, select

from ledger.credentials import hash_secret, new_token, token_hash
from ledger.errors import FieldError, NotAllowed, NotFound, ValidationFailed
from ledger.models import PasswordReset, Person
from ledger.permissions import Actor, may_administer
from ledger.services import audit
from ledger.services.people import PASSWORD_MAX, PASSWORD_MIN
from ledger.types import utcnow

RESET_LIFETIME = timedelta(hours=24)


def issue_reset(*, session: Session, actor: Actor, person_id: int) -> str:
    """A new one-time token for the person (admins only); their older unused links stop working."""
    if not may_administer(actor=actor):
        raise NotAllowed("administrators only")
    person = session.get(Person, person_id) if isinstance(person_id, int) else None
    if person is None or person.erased_at is not None or not person.active:
        raise NotFound("person")
    now = utcnow()
    for older in session.exec(select(PasswordReset).where(PasswordReset.person_id == person.id,
                                                          PasswordReset.used_at.is_(None))):
        older.used_at = now
        session.add(older)
    token = new_token()
    session.add(PasswordReset(person_id=person.id, token_hash=token_hash(token),
                              created_by_id=actor.person_id, created_at=now, expires_at=now + RESET_LIFETIME))
    audit.record(session, action="password_reset.issue", actor_id=actor.person_id, entity="person",
                 entity_id=person.id)
    session.commit()
    return token


def valid_reset(*, session: Session, token: str) -> tuple[PasswordReset, Person]:
    """The unused, unexpired reset and its (active) person; NotFound for anything else."""
    if not isinstance(token, str) or not 10 <= len(token) <= 200:
        raise NotFound("reset")
    reset = session.exec(select(PasswordReset).where(PasswordReset.token_hash == token_hash(token))).first()
    if reset is None or reset.used_at is not None or reset.expires_at <= utcnow():
        raise NotFound("reset")
    person = session.get(Person, reset.person_id)
    if person is None or not person.active or person.erased_at is not None:
        raise NotFound("reset")
    return reset, person


def use_reset(*, session: Session, token: str, password: str) -> Person:
    """Set a new password with a valid link; the link is used up and every older session ends."""
    reset, person = valid_reset(session=session, token=token)
    if not isinstance(password, str) or len(password) < PASSWORD_MIN:
        raise ValidationFailed([FieldError("password", "too_short", {"min": PASSWORD_MIN})])
    if len(password) > PASSWORD_MAX:
        raise ValidationFailed([FieldError("password", "too_long", {"max": PASSWORD_MAX})])
    person.password_hash = hash_secret(password)
    person.session_version += 1
    person.failed_attempts = 0
    person.locked_until = None
    reset.used_at = utcnow()
    session.add_all([person, reset])
    audit.record(session, action="password_reset.use", actor_id=person.id, entity="person",
                 entity_id=person.id)
    session.commit()
    return person
