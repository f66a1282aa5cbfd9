"""Administration: teams, people, frames, audit log, settings, privacy requests (issue 9).

Admins see everything; a team's managers manage the staff, frame and audit log of their own teams.
The public privacy page and the password-reset link live on `public_bp` (no sign-in needed).
"""

from web.admin import access, audit, mandates, people, privacy, public, settings, teams, tokens  # noqa: F401
from web.admin.blueprint import bp, public_bp

__all__ = ["bp", "public_bp"]
