"""The shared tablet: registering it, the name tiles and the PIN pad; the tablets page (manage.py)."""

from web.tablet import manage  # noqa: F401  (the tablets page adds its routes to bp)
from web.tablet.views import bp

__all__ = ["bp"]
