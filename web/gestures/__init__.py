"""Staff pages: logging a gesture, own history, corrections, the team feed, the frame, appreciation."""

from web.gestures.views import bp

__all__ = ["bp"]
