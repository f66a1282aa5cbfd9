"""Signing in and out with a password, set-up codes and setting a PIN."""

from web.auth.views import bp

__all__ = ["bp"]
