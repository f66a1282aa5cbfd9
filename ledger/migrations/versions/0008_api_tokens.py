"""API v1: tokens and their rate-limit windows

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-30 04:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import ledger.types

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "api_token",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sqlmodel.sql.sqltypes.AutoString(length=80), nullable=False),
        sa.Column("prefix", sqlmodel.sql.sqltypes.AutoString(length=12), nullable=False),
        sa.Column("secret_hash", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("scope", sqlmodel.sql.sqltypes.AutoString(length=8), nullable=False),
        sa.Column("rate_per_minute", sa.Integer(), nullable=False),
        sa.Column("created_by_id", sa.Integer(), nullable=False),
        sa.Column("created_at", ledger.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("revoked_by_id", sa.Integer(), nullable=True),
        sa.Column("revoked_at", ledger.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("last_used_at", ledger.types.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["created_by_id"], ["person.id"],
                                name=op.f("fk_api_token_created_by_id_person")),
        sa.ForeignKeyConstraint(["revoked_by_id"], ["person.id"],
                                name=op.f("fk_api_token_revoked_by_id_person")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_api_token")),
        sa.UniqueConstraint("secret_hash", name=op.f("uq_api_token_secret_hash")),
    )
    op.create_table(
        "api_token_team",
        sa.Column("token_id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["team_id"], ["team.id"], name=op.f("fk_api_token_team_team_id_team")),
        sa.ForeignKeyConstraint(["token_id"], ["api_token.id"],
                                name=op.f("fk_api_token_team_token_id_api_token")),
        sa.PrimaryKeyConstraint("token_id", "team_id", name=op.f("pk_api_token_team")),
    )
    op.create_table(
        "api_rate_window",
        sa.Column("token_id", sa.Integer(), nullable=False),
        sa.Column("window", sa.Integer(), nullable=False),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["token_id"], ["api_token.id"],
                                name=op.f("fk_api_rate_window_token_id_api_token")),
        sa.PrimaryKeyConstraint("token_id", "window", name=op.f("pk_api_rate_window")),
    )


def downgrade() -> None:
    op.drop_table("api_rate_window")
    op.drop_table("api_token_team")
    op.drop_table("api_token")
