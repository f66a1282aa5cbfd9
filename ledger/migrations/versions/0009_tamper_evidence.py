"""tamper evidence: hash chain columns and triggers refusing UPDATE/DELETE of ledger rows

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30 04:30:00
"""

from collections.abc import Sequence

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Placeholder so that parallel work can chain its migrations; filled in by the issue that owns it.
    pass


def downgrade() -> None:
    pass
