"""gesture: the (team_id, occurred_at) index also carries the columns the org overview reads, so its scan
never touches the table

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23 02:40:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COVERING = ["team_id", "occurred_at", "entry_type", "cost_cents", "reaction", "person_id", "mandate_check", "id"]


def upgrade() -> None:
    # Same name, same leading columns: every range query on (team_id, occurred_at) keeps using it.
    op.drop_index("ix_gesture_team_occurred", table_name="gesture")
    op.create_index("ix_gesture_team_occurred", "gesture", COVERING, unique=False)


def downgrade() -> None:
    op.drop_index("ix_gesture_team_occurred", table_name="gesture")
    op.create_index("ix_gesture_team_occurred", "gesture", ["team_id", "occurred_at"], unique=False)
