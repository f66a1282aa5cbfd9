"""tamper evidence: hash chain columns and triggers refusing UPDATE/DELETE of ledger rows

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-30 04:30:00

Gesture rows get their place in the team's hash chain (ledger/chain.py); rows already stored are
chained in the order they were logged. Then triggers on gesture, appreciation, auditevent and mandate
refuse UPDATE and DELETE (and TRUNCATE on PostgreSQL) unless the transaction opened the erasure gate
(ledger/guard.py): erasure may rewrite the free-text columns named below, maintenance may delete.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from ledger import chain
from ledger.types import UTCDateTime

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The columns erasure and retention may rewrite, per guarded table ('-': none).
REWRITABLE = {
    "gesture": ("description", "trigger_note", "reaction_note", "change_reason", "rewrite_hashes"),
    "appreciation": ("note",),
    "auditevent": ("detail",),
    "mandate": ("-",),
}
CHAIN_COLUMNS = ("chain_seq", "prev_hash", "entry_hash", "text_hashes", "rewrite_hashes")

PG_FUNCTION = """
CREATE FUNCTION ledger_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    gate text;
BEGIN
    SELECT mode INTO gate FROM erasure_gate WHERE id = 1;
    IF TG_OP IN ('DELETE', 'TRUNCATE') THEN
        IF gate IS DISTINCT FROM 'maintenance' THEN
            RAISE EXCEPTION 'gesture ledger: % rows are append-only (% refused)', TG_TABLE_NAME, TG_OP
                USING ERRCODE = 'restrict_violation';
        END IF;
        RETURN OLD;
    END IF;
    IF gate IS DISTINCT FROM 'erasure'
            OR (to_jsonb(NEW) - TG_ARGV::text[]) IS DISTINCT FROM (to_jsonb(OLD) - TG_ARGV::text[]) THEN
        RAISE EXCEPTION 'gesture ledger: % rows are append-only (UPDATE refused)', TG_TABLE_NAME
            USING ERRCODE = 'restrict_violation';
    END IF;
    RETURN NEW;
END
$$
"""


def _gesture_table() -> sa.Table:
    """The gesture columns the hash covers, typed as at this revision (not as the models are later)."""
    meta = sa.MetaData()
    uid, text = sa.Uuid(), sa.String()
    columns = {"id": uid, "origin_id": uid, "supersedes_id": uid, "logged_at": UTCDateTime(),
               "occurred_at": UTCDateTime(), "team_id": sa.Integer(), "person_id": sa.Integer(),
               "logged_by_id": sa.Integer(), "cost_cents": sa.Integer(), "effort_minutes": sa.Integer(),
               "reaction": sa.Integer(), "mandate_id": sa.Integer(), "chain_seq": sa.Integer()}
    names = {*chain.FIELDS, *chain.TEXTS, *CHAIN_COLUMNS}
    return sa.Table("gesture", meta, *(sa.Column(n, columns.get(n, text)) for n in sorted(names)))


def _chain_existing_rows() -> None:
    """Chain the rows logged before this revision, per team in the order they were logged."""
    conn, gesture = op.get_bind(), _gesture_table()
    rows = conn.execute(sa.select(gesture).order_by(gesture.c.team_id, gesture.c.logged_at,
                                                    gesture.c.id)).mappings().all()
    heads: dict[int, tuple[int, str]] = {}
    sealed = []
    for row in rows:
        seq, prev = heads.get(row["team_id"], (1, chain.GENESIS))
        values = chain.seal(dict(row), team_seq=seq, prev_hash=prev)
        heads[row["team_id"]] = (seq + 1, values["entry_hash"])
        sealed.append({"row_id": row["id"], **values})
    if sealed:
        conn.execute(gesture.update().where(gesture.c.id == sa.bindparam("row_id")), sealed)


def _sqlite_triggers(table: str) -> list[str]:
    conn = op.get_bind()
    fixed = [c["name"] for c in sa.inspect(conn).get_columns(table) if c["name"] not in REWRITABLE[table]]
    changed = " OR ".join(f'NEW."{name}" IS NOT OLD."{name}"' for name in fixed)
    gate = "(SELECT mode FROM erasure_gate WHERE id = 1)"
    refuse = f"SELECT RAISE(ABORT, 'gesture ledger: {table} rows are append-only')"
    return [
        f"CREATE TRIGGER guard_{table}_update BEFORE UPDATE ON {table} "
        f"WHEN {gate} IS NOT 'erasure' OR {changed} BEGIN {refuse}; END",
        f"CREATE TRIGGER guard_{table}_delete BEFORE DELETE ON {table} "
        f"WHEN {gate} IS NOT 'maintenance' BEGIN {refuse}; END",
    ]


def _pg_triggers(table: str) -> list[str]:
    allowed = ", ".join(f"'{name}'" for name in REWRITABLE[table])
    return [
        f"CREATE TRIGGER guard_{table}_update BEFORE UPDATE ON {table} "
        f"FOR EACH ROW EXECUTE FUNCTION ledger_guard({allowed})",
        f"CREATE TRIGGER guard_{table}_delete BEFORE DELETE ON {table} "
        "FOR EACH ROW EXECUTE FUNCTION ledger_guard()",
        f"CREATE TRIGGER guard_{table}_truncate BEFORE TRUNCATE ON {table} "
        "FOR EACH STATEMENT EXECUTE FUNCTION ledger_guard()",
    ]


def upgrade() -> None:
    op.add_column("gesture", sa.Column("chain_seq", sa.Integer(), nullable=True))
    for name, length in (("prev_hash", 64), ("entry_hash", 64), ("text_hashes", 300), ("rewrite_hashes", 300)):
        op.add_column("gesture", sa.Column(name, sa.String(length), nullable=False, server_default=""))
    op.create_index("ix_gesture_team_chain", "gesture", ["team_id", "chain_seq"], unique=True)
    op.create_table("erasure_gate", sa.Column("id", sa.Integer(), nullable=False),
                    sa.Column("mode", sa.String(16), nullable=False),
                    sa.PrimaryKeyConstraint("id", name=op.f("pk_erasure_gate")))
    _chain_existing_rows()
    postgres = op.get_bind().dialect.name == "postgresql"
    if postgres:
        op.execute(PG_FUNCTION)
    for table in REWRITABLE:
        for statement in (_pg_triggers(table) if postgres else _sqlite_triggers(table)):
            op.execute(statement)


def downgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    for table in REWRITABLE:
        for kind in ("update", "delete", *(["truncate"] if postgres else [])):
            op.execute(f"DROP TRIGGER IF EXISTS guard_{table}_{kind}" + (f" ON {table}" if postgres else ""))
    if postgres:
        op.execute("DROP FUNCTION IF EXISTS ledger_guard()")
    op.drop_table("erasure_gate")
    op.drop_index("ix_gesture_team_chain", table_name="gesture")
    for name in CHAIN_COLUMNS:
        op.execute(f"ALTER TABLE gesture DROP COLUMN {name}")
