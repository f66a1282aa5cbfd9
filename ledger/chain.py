"""The hash chain of the ledger (DESIGN §8, issue 12): every gesture row — original, correction or void —
carries the hash of the previous row of its team, so an edit, a deletion or an insertion outside the
services breaks the chain where it happened and `gesture-ledger verify` finds it.

The entry hash covers a canonical encoding of the row's numbers, codes, ids and times, and the hashes
of its free texts (stored separately in `text_hashes`). So erasure and retention may blank a text — or
replace a name by a pseudonym, recording the new text's hash in `rewrite_hashes` — and the chain stays
verifiable. The hashes are public functions of the rows: tampering by someone who can drop the triggers
and recompute every later hash is caught only against a head noted elsewhere (verify prints the heads).
"""

import hashlib
import json
import uuid
from collections.abc import Mapping
from datetime import UTC, datetime
from enum import StrEnum

from sqlalchemy import bindparam, event, select, text
from sqlalchemy.engine import Connection
from sqlmodel import Session

from ledger.models import Gesture

VERSION = 1
GENESIS = "0" * 64
# The free texts of a gesture row, in the order of their hashes in `text_hashes`.
TEXTS = ("description", "trigger_note", "reaction_note", "change_reason")
# Every other column the hash covers (the chain columns themselves aside).
FIELDS = ("id", "origin_id", "entry_type", "supersedes_id", "team_id", "person_id", "logged_by_id",
          "logged_at", "occurred_at", "kind", "cost_cents", "effort_minutes", "trigger", "reaction",
          "follow_up", "mandate_id", "mandate_check", "redacted")

_HEAD = (select(Gesture.chain_seq, Gesture.entry_hash)
         .where(Gesture.team_id == bindparam("team_id"), Gesture.chain_seq.is_not(None))
         .order_by(Gesture.chain_seq.desc()).limit(1))
_LOCK_TEAM = text("SELECT id FROM team WHERE id = :team_id FOR NO KEY UPDATE")


def text_hash(value: str | None) -> str:
    """The hash of one free text (domain-separated, so it is no plain sha256 of the words)."""
    return hashlib.sha256(b"gesture-ledger:text:" + (value or "").encode()).hexdigest()


def _plain(value: object) -> object:
    if isinstance(value, datetime):  # naive means UTC here (SQLite hands back naive UTC)
        value = value if value.tzinfo else value.replace(tzinfo=UTC)
        return value.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, uuid.UUID):
        return value.hex
    return value


def canonical(row: Mapping, *, team_seq: int, prev_hash: str, text_hashes: str) -> bytes:
    """The bytes the entry hash is taken over: sorted JSON of the covered values, no free text."""
    body = {name: _plain(row[name]) for name in FIELDS}
    body.update(v=VERSION, seq=team_seq, prev=prev_hash, texts=text_hashes)
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=True).encode()


def hashes_of_texts(row: Mapping) -> str:
    """The `text_hashes` column: the hashes of the free texts in TEXTS order, ';'-separated."""
    return ";".join(text_hash(row[name]) for name in TEXTS)


def entry_hash(row: Mapping, *, team_seq: int, prev_hash: str, text_hashes: str) -> str:
    """The hash one row carries, given its place in its team's chain."""
    return hashlib.sha256(canonical(row, team_seq=team_seq, prev_hash=prev_hash,
                                    text_hashes=text_hashes)).hexdigest()


def seal(values: dict, *, team_seq: int, prev_hash: str) -> dict:
    """The chain columns of a new row (its values as a column -> value mapping)."""
    texts = hashes_of_texts(values)
    return {"chain_seq": team_seq, "prev_hash": prev_hash, "text_hashes": texts, "rewrite_hashes": "",
            "entry_hash": entry_hash(values, team_seq=team_seq, prev_hash=prev_hash, text_hashes=texts)}


def values_of(row: object) -> dict:
    """The covered values of an ORM row (or any object with the gesture's attributes)."""
    return {name: getattr(row, name) for name in (*FIELDS, *TEXTS)}


def lock_team(conn: Connection, team_id: int) -> None:
    """Serialise appends to one team's chain on PostgreSQL (SQLite serialises every writer)."""
    if conn.dialect.name == "postgresql":
        conn.execute(_LOCK_TEAM, {"team_id": team_id})


def head(conn: Connection, team_id: int) -> tuple[int, str]:
    """The next sequence number of a team's chain and the hash to chain it to.

    Call it after the transaction holds the write lock (SQLite: after its first write; PostgreSQL:
    after lock_team or a FOR NO KEY UPDATE read of the team), so no other append slips in between."""
    row = conn.execute(_HEAD, {"team_id": team_id}).first()
    return (1, GENESIS) if row is None else (row.chain_seq + 1, row.entry_hash)


def seal_row(row: Gesture, *, team_seq: int, prev_hash: str) -> None:
    """Set the chain columns of a new ORM gesture row for its place in its team's chain."""
    for name, value in seal(values_of(row), team_seq=team_seq, prev_hash=prev_hash).items():
        setattr(row, name, value)


@event.listens_for(Session, "before_flush")
def _seal_new_gestures(session: Session, _context, _instances) -> None:
    """Chain every gesture row added through the ORM without a place yet (fixtures, tools).

    The services seal their rows themselves, after their first write (SQLite's write lock); a row sealed
    here chains to the head as read now, and the unique (team, place) index refuses a forked chain."""
    new = [obj for obj in session.new if isinstance(obj, Gesture) and obj.chain_seq is None]
    if not new:
        return
    conn, heads = session.connection(), {}
    for row in sorted(new, key=lambda r: (r.logged_at, str(r.id))):
        if row.team_id not in heads:
            lock_team(conn, row.team_id)
            heads[row.team_id] = head(conn, row.team_id)
        seq, prev = heads[row.team_id]
        seal_row(row, team_seq=seq, prev_hash=prev)
        heads[row.team_id] = (seq + 1, row.entry_hash)
