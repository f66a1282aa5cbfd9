"""administration: team archive and works-council settings, person deactivation, installation settings, membership start

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30 04:30:00
"""

from collections.abc import Sequence

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Placeholder so that parallel work can chain its migrations; filled in by the issue that owns it.
    pass


def downgrade() -> None:
    pass
