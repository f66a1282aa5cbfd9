"""Learning sessions: plan, build from suggestions, present, capture, change the frame, close, playbook."""

from web.sessions import edit, facilitate, from_report, person, views  # noqa: F401  (their routes register on the blueprint)
from web.sessions.blueprint import bp

__all__ = ["bp"]
