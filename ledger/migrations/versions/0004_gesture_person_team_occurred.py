"""gesture: a (person_id, team_id, occurred_at) index that also carries what the mandate check sums, so the
used-allowance sum of one person reads only that person's entries of the period, from the index alone

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-23 03:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = ["person_id", "team_id", "occurred_at", "entry_type", "cost_cents", "id"]


def upgrade() -> None:
    # Without it the sum ran on the team's index and read every colleague's entries of the period too.
    op.create_index("ix_gesture_person_team_occurred", "gesture", COLUMNS, unique=False)


def downgrade() -> None:
    op.drop_index("ix_gesture_person_team_occurred", table_name="gesture")
