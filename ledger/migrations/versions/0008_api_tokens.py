"""API v1: tokens and their rate-limit windows

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30 04:30:00
"""

from collections.abc import Sequence

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Placeholder so that parallel work can chain its migrations; filled in by the issue that owns it.
    pass


def downgrade() -> None:
    pass
