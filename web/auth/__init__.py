"""Signing in and out with a password, set-up codes and setting a PIN; the second factor (mfa.py)."""

from web.auth import mfa, views  # noqa: F401  (importing them adds their routes to bp)
from web.auth.blueprint import bp

__all__ = ["bp"]
