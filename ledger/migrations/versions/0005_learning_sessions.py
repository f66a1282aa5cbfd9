"""learning sessions, stories, actions, takeaways (the playbook), story offers, name consent

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30 04:30:00
"""

from collections.abc import Sequence

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Placeholder so that parallel work can chain its migrations; filled in by the issue that owns it.
    pass


def downgrade() -> None:
    pass
