"""Signing in and out with a password, set-up codes and setting a PIN; the second factor (mfa.py)."""

from web.auth import mfa  # noqa: F401  (the second factor's routes are added to bp)
from web.auth.views import bp

__all__ = ["bp"]
