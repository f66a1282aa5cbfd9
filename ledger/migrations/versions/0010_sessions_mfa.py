"""sessions that end per device, sign-in throttles, MFA

Revision ID: 0010
Revises: 0009
Create Date: 2026-11-30 05:20:00

`signin` names one sign-in on one device (ended on its own, or all at once through
person.session_version); `signin_throttle` counts failed sign-ins per tablet, IP address and e-mail;
person gets its TOTP secret and `recovery_code` holds the hashes of single-use recovery codes.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import ledger.types

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "signin",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("tablet_id", sa.Integer(), nullable=True),
        sa.Column("method", sa.String(length=10), nullable=False),
        sa.Column("started_at", ledger.types.UTCDateTime(timezone=True), nullable=False),
        sa.Column("ended_at", ledger.types.UTCDateTime(timezone=True), nullable=True),
        sa.Column("end_reason", sa.String(length=12), nullable=True),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name=op.f("fk_signin_person_id_person")),
        sa.ForeignKeyConstraint(["tablet_id"], ["tablet.id"], name=op.f("fk_signin_tablet_id_tablet")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_signin")),
    )
    op.create_index(op.f("ix_signin_person_id"), "signin", ["person_id"], unique=False)
    op.create_table(
        "signin_throttle",
        sa.Column("key", sa.String(length=80), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("window_started_at", ledger.types.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_signin_throttle")),
    )
    op.create_table(
        "recovery_code",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("code_hash", sa.String(length=255), nullable=False),
        sa.Column("used_at", ledger.types.UTCDateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["person_id"], ["person.id"], name=op.f("fk_recovery_code_person_id_person")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_recovery_code")),
    )
    op.create_index(op.f("ix_recovery_code_person_id"), "recovery_code", ["person_id"], unique=False)
    with op.batch_alter_table("person") as batch_op:
        batch_op.add_column(sa.Column("totp_secret", sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column("mfa_enabled_at", ledger.types.UTCDateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("totp_last_step", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("person") as batch_op:
        batch_op.drop_column("totp_last_step")
        batch_op.drop_column("mfa_enabled_at")
        batch_op.drop_column("totp_secret")
    op.drop_index(op.f("ix_recovery_code_person_id"), table_name="recovery_code")
    op.drop_table("recovery_code")
    op.drop_table("signin_throttle")
    op.drop_index(op.f("ix_signin_person_id"), table_name="signin")
    op.drop_table("signin")
