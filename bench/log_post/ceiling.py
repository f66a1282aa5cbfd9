"""How high the logging ratio could go at all: the SQL one logged gesture sends, replayed on the raw sqlite3
driver (no Flask, no SQLAlchemy, no rules in Python), against the bare baseline's whole request.

DESIGN §7 asks the logging POST for 40 % of a bare Flask endpoint that inserts one row. The ledger's own
work is five statements (who may send; the mandate frame with the period's used sum; the audit row; the
chain head; the sealed row) and a commit that writes the row, its indexes and the audit row. Replaying
exactly those statements with their parameters on the driver measures the floor of any implementation
of the same ledger in Python; the ceiling ratio is the bare request against the bare request plus the
difference between the two SQL floors.
"""

import uuid
from collections.abc import Callable
from dataclasses import dataclass

from bench.log_post import baseline

_GESTURE_INSERT = "INSERT INTO gesture"
_CHAIN_HEAD = "chain_seq, gesture.entry_hash"


@dataclass(frozen=True)
class Ceiling:
    """CPU ms per gesture of the ledger's SQL alone and of the baseline's, and the ratio they allow."""

    ledger_sql_ms: float
    bare_sql_ms: float
    bare_request_ms: float

    @property
    def best_ratio(self) -> float:
        """The bare request against a request that adds only the ledger's extra SQL to it."""
        return self.bare_request_ms / (self.bare_request_ms + self.ledger_sql_ms - self.bare_sql_ms)


def _replayer(path: str, sent: list[tuple[str, tuple]]) -> Callable[[], None]:
    """One more gesture from the captured statements: a new id, the next link of the team's chain."""
    conn = baseline.connect(path)
    conn.isolation_level = None  # BEGIN and COMMIT below, as the app's engine sends them
    insert = next(statement for statement, _ in sent if statement.startswith(_GESTURE_INSERT))
    columns = [name.strip().strip('"') for name in insert.split("(", 1)[1].split(")", 1)[0].split(",")]
    slots = {name: columns.index(name) for name in ("id", "origin_id", "chain_seq")}

    def replay() -> None:
        gid, seq = uuid.uuid4().hex, 0
        conn.execute("BEGIN")
        for statement, parameters in sent:
            if statement.startswith(_GESTURE_INSERT):
                values = list(parameters)
                values[slots["id"]] = values[slots["origin_id"]] = gid
                values[slots["chain_seq"]] = seq + 1
                conn.execute(statement, values)
            elif _CHAIN_HEAD in statement:
                seq = conn.execute(statement, parameters).fetchone()[0]
            else:
                conn.execute(statement, parameters).fetchall()
        conn.execute("COMMIT")
    return replay


def _bare_replayer(path: str, note: str) -> Callable[[], None]:
    conn = baseline.connect(path)

    def replay() -> None:
        conn.execute(baseline.INSERT, (str(uuid.uuid4()), note))
        conn.commit()
    return replay


def measure(*, sent: list[tuple[str, tuple]], db_path: str, base_db_path: str, bare_request_ms: float,
            note: str, cpu_ms: Callable[[Callable[[], None], int], float], runs: int = 300) -> Ceiling:
    """Replay one request's statements (bench.statements.sent) `runs` times on each database (CPU)."""
    return Ceiling(ledger_sql_ms=cpu_ms(_replayer(db_path, sent), runs),
                   bare_sql_ms=cpu_ms(_bare_replayer(base_db_path, note), runs),
                   bare_request_ms=bare_request_ms)


def describe(ceiling: Ceiling, log_ms: float) -> list[str]:
    """The lines `make bench` prints under the in-process profile."""
    return [
        f"  the ledger's own SQL for one gesture, replayed on the raw sqlite3 driver (no Flask, no "
        f"SQLAlchemy): {ceiling.ledger_sql_ms:.2f} ms; the baseline's INSERT the same way: "
        f"{ceiling.bare_sql_ms:.2f} ms",
        f"  so a request that added nothing to the bare one but the ledger's SQL would reach "
        f"{ceiling.best_ratio:.0%} of it; the rest of ours ({log_ms - ceiling.ledger_sql_ms:.2f} ms: Flask, "
        f"the lane, the send token, validation, PII scan, the chain's hash, SQLAlchemy) brings it to the "
        f"measured figure",
    ]
