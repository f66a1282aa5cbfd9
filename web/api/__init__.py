"""The JSON API: the tablet outbox endpoint (POST /api/gestures) and API v1 (/api/v1, web/api/v1/)."""

from web.api import v1
from web.api.views import bp

bp.register_blueprint(v1.bp)

__all__ = ["bp"]
