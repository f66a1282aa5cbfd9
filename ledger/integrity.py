"""Verifying the ledger (`gesture-ledger verify`): walk every team's hash chain (ledger/chain.py) and
report the first broken link, check that every gesture an audit row names is still there, and that the
database guard (migration 0009) is in place.

A text may be blank (erasure or retention blanked it) or carry the hash recorded when erasure replaced a
name by a pseudonym; any other change to a row, a missing row or a row inserted outside the services
breaks the chain at that row.
"""

import json
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.engine import Connection

from ledger import chain
from ledger.guard import GUARDED_TABLES
from ledger.models import AuditEvent, Gesture, Team

LOGGED_ACTIONS = ("gesture.log", "gesture.correct", "gesture.void")


@dataclass(frozen=True)
class Break:
    """The first broken link: where, and what is wrong there."""

    team: str
    seq: int | None
    row_id: str
    problem: str

    def describe(self) -> str:
        """One line for the operator."""
        if not self.row_id:
            return self.problem
        place = f"entry {self.seq}" if self.seq is not None else "an entry"
        return f"team {self.team!r}, {place} (gesture {self.row_id}): {self.problem}"


@dataclass(frozen=True)
class Head:
    """The newest link of a team's chain: note it elsewhere to catch a rewrite of the whole chain."""

    team: str
    entries: int
    entry_hash: str


@dataclass
class Verdict:
    """What verify found: counts, the heads, and the first break (None when the ledger is intact)."""

    entries: int = 0
    audited: int = 0
    rewritten_texts: int = 0
    heads: list[Head] = field(default_factory=list)
    broken: Break | None = None

    @property
    def intact(self) -> bool:
        """True when no link is broken."""
        return self.broken is None


def _text_problem(row: Mapping) -> tuple[str | None, int]:
    """The first free text that was changed (None if none), and how many were blanked or rewritten."""
    original = row["text_hashes"].split(";")
    rewritten = row["rewrite_hashes"].split(";") if row["rewrite_hashes"] else []
    changed = 0
    for i, name in enumerate(chain.TEXTS):
        value = row[name] or ""
        digest = chain.text_hash(value)
        if i < len(original) and digest == original[i]:
            continue
        if value == "" or (i < len(rewritten) and digest == rewritten[i]):
            changed += 1
            continue
        return f"its {name.replace('_', ' ')} was changed after it was written", changed
    return None, changed


def _row_problem(row: Mapping, expected_seq: int, prev_hash: str) -> str | None:
    if row["chain_seq"] != expected_seq:
        return (f"entry {expected_seq} is missing (deleted?); the next entry found is {row['chain_seq']}"
                if row["chain_seq"] > expected_seq else "it holds a place in the chain twice")
    if row["prev_hash"] != prev_hash:
        return "it does not chain to the entry before it"
    recomputed = chain.entry_hash(row, team_seq=row["chain_seq"], prev_hash=row["prev_hash"],
                                  text_hashes=row["text_hashes"])
    if recomputed != row["entry_hash"]:
        return "its numbers, codes, people or dates no longer match its hash (changed in place?)"
    return None


def _walk_team(rows: Iterable[Mapping], verdict: Verdict, team: str, seen: set[uuid.UUID]) -> None:
    expected, prev = 1, chain.GENESIS
    for row in rows:
        problem = _row_problem(row, expected, prev)
        if problem is None:
            problem, changed = _text_problem(row)
            verdict.rewritten_texts += changed
        if problem is not None:
            verdict.broken = Break(team, row["chain_seq"], str(row["id"]), problem)
            return
        seen.add(row["id"])
        verdict.entries += 1
        expected, prev = expected + 1, row["entry_hash"]
    if expected > 1:
        verdict.heads.append(Head(team, expected - 1, prev))


def _unchained(conn: Connection) -> Break | None:
    row = conn.execute(select(Gesture.id, Team.name).join(Team, Team.id == Gesture.team_id)
                       .where(Gesture.chain_seq.is_(None)).limit(1)).first()
    return None if row is None else Break(row.name, None, str(row.id),
                                          "it has no place in the chain (inserted outside the ledger?)")


def _audit_break(conn: Connection, verdict: Verdict, seen: set[uuid.UUID]) -> Break | None:
    """The first audit row of a logging, correction or void whose gesture row is gone."""
    events = conn.execute(select(AuditEvent.id, AuditEvent.detail, AuditEvent.entity_id, Team.name)
                          .outerjoin(Team, Team.id == AuditEvent.team_id)
                          .where(AuditEvent.action.in_(LOGGED_ACTIONS)).order_by(AuditEvent.id))
    for event in events:
        verdict.audited += 1
        try:
            row_id = uuid.UUID(json.loads(event.detail)["row"])
        except (ValueError, KeyError, TypeError):
            return Break(event.name or "?", None, event.entity_id,
                         f"audit event {event.id} no longer names its row (changed in place?)")
        if row_id not in seen:
            return Break(event.name or "?", None, str(row_id),
                         f"audit event {event.id} names this entry, which is missing (deleted?)")
    return None


def missing_guards(conn: Connection) -> list[str]:
    """The triggers of migration 0009 that are not in the database (dropped by someone)."""
    if conn.dialect.name == "postgresql":
        names = set(conn.exec_driver_sql("SELECT tgname FROM pg_trigger WHERE NOT tgisinternal").scalars())
    else:
        names = set(conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'").scalars())
    wanted = [f"guard_{table}_{kind}" for table in GUARDED_TABLES for kind in ("update", "delete")]
    return [name for name in wanted if name not in names]


def verify(conn: Connection) -> Verdict:
    """Walk every team's chain and the audit trail of the ledger; stop at the first broken link."""
    verdict, seen = Verdict(), set()
    verdict.broken = _unchained(conn)
    if not verdict.intact:
        return verdict
    gesture = Gesture.__table__
    for team in conn.execute(select(Team.id, Team.name).order_by(Team.id)).all():
        rows = conn.execute(select(gesture).where(gesture.c.team_id == team.id)
                            .order_by(gesture.c.chain_seq)).mappings()
        _walk_team(rows, verdict, team.name, seen)
        if not verdict.intact:
            return verdict
    verdict.broken = _audit_break(conn, verdict, seen)
    if verdict.intact and (gone := missing_guards(conn)):
        verdict.broken = Break("", None, "", "the database guard is missing: " + ", ".join(gone))
    return verdict

