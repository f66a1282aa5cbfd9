"""The JSON API: the tablet outbox endpoint (and, next, API v1)."""

from web.api.views import bp

__all__ = ["bp"]
