"""Hashing of passwords, PINs, set-up codes and device tokens.

Passwords, PINs, set-up and recovery codes use argon2id with explicit parameters (ARGON2 below: 64 MiB,
3 passes, 4 lanes — RFC 9106's second recommendation, above OWASP's minimum of 19 MiB and 2 passes);
a hash made with other parameters is re-hashed at the next successful sign-in (`needs_rehash`).
Device tokens are long random strings, so a fast SHA-256 of them is enough and lets us look a tablet up.
"""

import hashlib
import re
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

ARGON2 = {"time_cost": 3, "memory_cost": 64 * 1024, "parallelism": 4, "hash_len": 32, "salt_len": 16}
_hasher = PasswordHasher(**ARGON2)  # argon2id (the library's default type)
PIN_PATTERN = re.compile(r"[0-9]{4,6}")  # ASCII digits only: [0-9], not \d (which matches "١٢٣٤")


def hash_secret(secret: str) -> str:
    """Hash a password, PIN or set-up code for storage."""
    return _hasher.hash(secret)


def verify_secret(stored_hash: str | None, secret: str) -> bool:
    """True when `secret` matches the stored hash; False for no hash or any mismatch."""
    if not stored_hash:
        return False
    try:
        return _hasher.verify(stored_hash, secret)
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored_hash: str) -> bool:
    """True when a stored hash was made with other parameters than today's (re-hash it after a match)."""
    try:
        return _hasher.check_needs_rehash(stored_hash)
    except (InvalidHashError, ValueError):
        return True


def new_token() -> str:
    """A long random URL-safe token (device registration)."""
    return secrets.token_urlsafe(32)


def token_hash(token: str) -> str:
    """The SHA-256 hex digest under which a device token is stored."""
    return hashlib.sha256(token.encode()).hexdigest()


def pin_problem(pin: object) -> str | None:
    """Why a PIN is refused ("format", "too_simple"), or None when it is fine: the one PIN rule.

    4 to 6 ASCII digits, not one digit repeated (0000) and not a straight run up or down (1234, 9876).
    """
    if not isinstance(pin, str) or not PIN_PATTERN.fullmatch(pin):
        return "format"
    steps = {int(b) - int(a) for a, b in zip(pin, pin[1:], strict=False)}
    if len(set(pin)) == 1 or steps in ({1}, {-1}):
        return "too_simple"
    return None
