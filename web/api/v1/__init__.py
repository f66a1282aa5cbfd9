"""API v1 under /api/v1: gestures, teams, frames and weekly reports for other systems, with API tokens,
per-token rate limits, problem+json errors and an OpenAPI 3.1 document at /api/v1/openapi.json; and the
tablet's outbox (outbox.py), authenticated by its send token and device instead of an API token."""

from web.api.v1 import gestures, openapi, outbox, reads  # noqa: F401  (their operations register on bp)
from web.api.v1.blueprint import bp

__all__ = ["bp"]
