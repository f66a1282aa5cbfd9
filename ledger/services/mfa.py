"""A second factor for managers and admins: TOTP (RFC 6238, pyotp) and single-use recovery codes.

The secret is kept only once the person has proved their authenticator app shows the right code;
recovery codes are shown once and stored as argon2 hashes, each good for one sign-in. Wrong codes are
counted per person like wrong passwords (ledger/services/throttle.py), so six digits cannot be guessed.
An installation may make the second factor mandatory for admins (env MFA_REQUIRED_FOR_ADMINS=1, or the
setting row "mfa_required_for_admins" = "1").
"""

import hmac
import secrets

import pyotp
from sqlalchemy import delete, update
from sqlmodel import Session, select

from ledger.credentials import hash_secret, verify_secret
from ledger.errors import FieldError, LockedOut, ValidationFailed
from ledger.models import Person, RecoveryCode, Setting
from ledger.services import audit, throttle
from ledger.types import utcnow
from ledger.vocab import Role

RECOVERY_CODES = 10
RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"  # no 0/o, 1/l/i: read off paper
MFA_LIMIT = throttle.Limit(5, throttle.EMAIL_LIMIT.window)
REQUIRED_SETTING = "mfa_required_for_admins"


def new_secret() -> str:
    """A fresh base32 TOTP secret (160 bits), not stored until confirmed."""
    return pyotp.random_base32(32)


def provisioning_uri(*, secret: str, account: str, issuer: str = "Gesture Ledger") -> str:
    """The otpauth:// URI an authenticator app reads from the QR code."""
    return pyotp.TOTP(secret).provisioning_uri(name=account, issuer_name=issuer)


def _totp_step(secret: str, code: str) -> int | None:
    """The time step (30 s) whose code this is, one step of clock drift either way; None: no match."""
    code = "".join(code.split())
    if not (code.isdigit() and len(code) == 6):
        return None
    totp, now = pyotp.TOTP(secret), utcnow()
    for drift in (0, -1, 1):
        step = totp.timecode(now) + drift
        if hmac.compare_digest(totp.generate_otp(step), code):
            return step
    return None


def _totp_ok(secret: str, code: str) -> bool:
    return _totp_step(secret, code) is not None


def _use_totp(session: Session, person: Person, code: str) -> bool:
    """A matching code whose time step is newer than the last one used: each code works once."""
    step = _totp_step(person.totp_secret, code)
    if step is None:
        return False
    newer = (Person.totp_last_step.is_(None)) | (Person.totp_last_step < step)
    result = session.exec(update(Person).where(Person.id == person.id, newer).values(totp_last_step=step))
    return result.rowcount == 1


def _new_recovery_codes(session: Session, person_id: int) -> list[str]:
    session.exec(delete(RecoveryCode).where(RecoveryCode.person_id == person_id))
    codes = ["".join(secrets.choice(RECOVERY_ALPHABET) for _ in range(10)) for _ in range(RECOVERY_CODES)]
    for code in codes:
        session.add(RecoveryCode(person_id=person_id, code_hash=hash_secret(code)))
    return [f"{c[:5]}-{c[5:]}" for c in codes]


def enable(*, session: Session, person_id: int, secret: str, code: str) -> list[str]:
    """Turn the second factor on once `code` matches `secret`; returns the recovery codes (shown once)."""
    if not _totp_ok(secret, code):
        raise ValidationFailed([FieldError("code", "mismatch")])
    person = session.get(Person, person_id)
    person.totp_secret, person.mfa_enabled_at = secret, utcnow()
    person.totp_last_step = None
    session.add(person)
    codes = _new_recovery_codes(session, person_id)
    audit.record(session, action="mfa_enabled", actor_id=person_id, entity="person", entity_id=person_id)
    session.commit()
    return codes


def renew_recovery_codes(*, session: Session, person_id: int) -> list[str]:
    """A new set of recovery codes; the old ones stop working."""
    codes = _new_recovery_codes(session, person_id)
    audit.record(session, action="mfa_recovery_renewed", actor_id=person_id, entity="person",
                 entity_id=person_id)
    session.commit()
    return codes


def disable(*, session: Session, person_id: int) -> None:
    """Turn the second factor off (the caller checked a fresh sign-in and that it is not mandatory)."""
    person = session.get(Person, person_id)
    person.totp_secret, person.mfa_enabled_at = None, None
    session.add(person)
    session.exec(delete(RecoveryCode).where(RecoveryCode.person_id == person_id))
    audit.record(session, action="mfa_disabled", actor_id=person_id, entity="person", entity_id=person_id)
    session.commit()


def check_code(*, session: Session, person: Person, code: str) -> bool:
    """True for the current TOTP code or an unused recovery code (then used up); attempts are counted."""
    key = f"mfa:{person.id}"
    if not throttle.reserve(session=session, key=key, limit=MFA_LIMIT):
        raise LockedOut(throttle.blocked_until(session=session, key=key, limit=MFA_LIMIT) or utcnow())
    ok = bool(person.totp_secret) and _use_totp(session, person, code or "")
    if not ok:
        ok = _use_recovery_code(session, person.id, code or "")
    audit.record(session, action="mfa_checked" if ok else "mfa_failed", actor_id=person.id,
                 entity="person", entity_id=person.id)
    session.commit()
    if ok:
        throttle.release(session=session, key=key)
    return ok


def _use_recovery_code(session: Session, person_id: int, code: str) -> bool:
    typed = "".join(ch for ch in code.lower() if ch.isalnum())
    if len(typed) != 10:
        return False
    unused = session.exec(select(RecoveryCode).where(RecoveryCode.person_id == person_id,
                                                     RecoveryCode.used_at.is_(None)))
    for row in unused:
        if verify_secret(row.code_hash, typed):
            row.used_at = utcnow()
            session.add(row)
            return True
    return False


def recovery_codes_left(*, session: Session, person_id: int) -> int:
    """How many recovery codes are still unused."""
    rows = session.exec(select(RecoveryCode.id).where(RecoveryCode.person_id == person_id,
                                                      RecoveryCode.used_at.is_(None)))
    return len(list(rows))


def required_for(*, session: Session, person: Person, env_required: bool = False) -> bool:
    """True when this person must have a second factor (admins, when the installation says so)."""
    if person.role != Role.ADMIN:
        return False
    row = session.get(Setting, REQUIRED_SETTING)
    return env_required or (row is not None and row.value == "1")
