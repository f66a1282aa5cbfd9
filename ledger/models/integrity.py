"""The gate of the database guard (migration 0009): triggers refuse UPDATE and DELETE of ledger rows
unless this table holds a row saying which sanctioned path is running (ledger/guard.py)."""

from sqlmodel import Field, SQLModel


class ErasureGate(SQLModel, table=True):
    __tablename__ = "erasure_gate"

    # At most one row (id 1), present only inside a transaction of erasure, retention or maintenance.
    id: int = Field(default=1, primary_key=True)
    mode: str = Field(max_length=16)
