"""The shared tablet: registering it, the name tiles and the PIN pad."""

from web.tablet.views import bp

__all__ = ["bp"]
