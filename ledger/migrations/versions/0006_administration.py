"""administration: team archive and works-council settings, person deactivation, installation settings, membership start

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-30 04:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import ledger.types

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("team", schema=None) as batch_op:
        batch_op.add_column(sa.Column("archived_at", ledger.types.UTCDateTime(timezone=True), nullable=True))
        # Existing teams get the report's long-standing minimum of three.
        batch_op.add_column(sa.Column("min_group_size", sa.Integer(), server_default="3", nullable=False))
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.add_column(sa.Column("deactivated_at", ledger.types.UTCDateTime(timezone=True),
                                      nullable=True))
    with op.batch_alter_table("membership", schema=None) as batch_op:
        # Unknown for existing memberships: the report then falls back to what it did before.
        batch_op.add_column(sa.Column("since", sa.Date(), nullable=True))
    op.create_table(
        "setting",
        sa.Column("key", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("value", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.Column("updated_at", ledger.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_by_id", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["updated_by_id"], ["person.id"],
                                name=op.f("fk_setting_updated_by_id_person")),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_setting")),
    )
    op.create_table(
        "passwordreset",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("token_hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=True),
        sa.Column("created_at", ledger.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("expires_at", ledger.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("used_at", ledger.types.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["created_by_id"], ["person.id"],
                                name=op.f("fk_passwordreset_created_by_id_person")),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name=op.f("fk_passwordreset_person_id_person")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_passwordreset")),
        sa.UniqueConstraint("token_hash", name=op.f("uq_passwordreset_token_hash")),
    )
    with op.batch_alter_table("passwordreset", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_passwordreset_person_id"), ["person_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("passwordreset", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_passwordreset_person_id"))
    op.drop_table("passwordreset")
    op.drop_table("setting")
    with op.batch_alter_table("membership", schema=None) as batch_op:
        batch_op.drop_column("since")
    with op.batch_alter_table("person", schema=None) as batch_op:
        batch_op.drop_column("deactivated_at")
    with op.batch_alter_table("team", schema=None) as batch_op:
        batch_op.drop_column("min_group_size")
        batch_op.drop_column("archived_at")
