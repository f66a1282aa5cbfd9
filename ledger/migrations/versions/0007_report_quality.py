"""report quality: effort minutes may be unknown (NULL)

A skipped minutes field used to be stored as 0, the same as "no time at all"; from here on it is NULL
(unknown), and reports count only known minutes. Existing zeros stay zeros: which of them were skipped
fields cannot be told any more.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-30 04:30:00
"""

from collections.abc import Sequence
from contextlib import contextmanager

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


@contextmanager
def _foreign_keys_paused():
    """SQLite only: foreign keys off while batch mode copies `gesture`, drops the old table and renames the
    copy (with them on, the drop trips every appreciation and correction that points at a row; deferring
    does not help, SQLite counts the drop as a violation that no later rename clears). The pragma works
    only outside a transaction, so the copy runs in a transaction of its own, checked before it commits;
    the keys are switched on again whatever happens, so the pooled connection never keeps them off."""
    bind = op.get_bind()
    if bind.dialect.name != "sqlite":
        yield
        return
    raw = bind.connection.dbapi_connection
    if raw.in_transaction:
        op.execute("COMMIT")  # only alembic's version row is pending: SQLite runs DDL outside transactions
    op.execute("PRAGMA foreign_keys = OFF")
    try:
        op.execute("BEGIN")
        yield
        problems = bind.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        if problems:
            raise RuntimeError(f"migration 0007 would break foreign keys: {problems[:5]}")
        op.execute("COMMIT")
    finally:
        if raw.in_transaction:
            op.execute("ROLLBACK")
        op.execute("PRAGMA foreign_keys = ON")


def upgrade() -> None:
    with _foreign_keys_paused(), op.batch_alter_table("gesture") as batch:
        batch.alter_column("effort_minutes", existing_type=sa.Integer(), nullable=True)


def downgrade() -> None:
    op.execute("UPDATE gesture SET effort_minutes = 0 WHERE effort_minutes IS NULL")
    with _foreign_keys_paused(), op.batch_alter_table("gesture") as batch:
        batch.alter_column("effort_minutes", existing_type=sa.Integer(), nullable=False)
