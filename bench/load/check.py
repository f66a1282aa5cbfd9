"""After a run: is every acknowledged gesture stored exactly once, and nothing else? And the figures.

Each gesture's description carries a mark unique to the run, tablet and gesture, so a gesture stored
twice under two ids would show as a duplicate too, not only one id stored twice (the primary key
forbids that).
"""

import uuid
from collections import Counter
from dataclasses import dataclass

from sqlalchemy import select, text

from bench.load.tablets import Tally
from ledger.db import make_engine
from ledger.models import Gesture


@dataclass(frozen=True)
class Verdict:
    acked: int
    stored: int  # rows added during the run
    lost: int  # acknowledged, not stored
    duplicated: int  # one gesture stored more than once
    unknown: int  # stored, but no tablet of the run sent that id
    mismatched: int  # stored under a sent id with other content than was sent
    unacked: int  # sent, never acknowledged (still in hand when the drain ended, or rejected)
    integrity: str  # the database's own check ("ok")

    @property
    def clean(self) -> bool:
        return not (self.lost or self.duplicated or self.unknown or self.mismatched or self.unacked) and \
            self.integrity == "ok"


def gesture_ids(db_url: str) -> set[uuid.UUID]:
    """Every gesture id in the ledger (taken before a run: its rows are the ones added since)."""
    engine = make_engine(db_url)
    try:
        with engine.connect() as conn:
            return set(conn.execute(select(Gesture.id)).scalars())
    finally:
        engine.dispose()


def stored_rows(db_url: str, before: set[uuid.UUID]) -> list[tuple[uuid.UUID, int, str]]:
    engine = make_engine(db_url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(select(Gesture.id, Gesture.person_id, Gesture.description)).all()
    finally:
        engine.dispose()
    return [(row.id, row.person_id, row.description) for row in rows if row.id not in before]


def integrity(db_url: str) -> str:
    """SQLite's integrity and foreign-key checks ("ok" when both pass); PostgreSQL checks on write."""
    if not db_url.startswith("sqlite"):
        return "ok"
    engine = make_engine(db_url)
    try:
        with engine.connect() as conn:
            pages = conn.execute(text("PRAGMA integrity_check")).scalars().all()
            orphans = conn.execute(text("PRAGMA foreign_key_check")).all()
    finally:
        engine.dispose()
    problems = [p for p in pages if p != "ok"] + [f"foreign key: {tuple(o)}" for o in orphans]
    return "; ".join(problems[:5]) or "ok"


def verify(db_url: str, tally: Tally, before: set[uuid.UUID]) -> Verdict:
    rows = stored_rows(db_url, before)
    ids = Counter(row[0] for row in rows)
    marks = Counter(row[2] for row in rows)
    stored = set(ids)
    return Verdict(
        acked=len(tally.acked), stored=len(rows),
        lost=len(set(tally.acked) - stored),
        duplicated=sum(n - 1 for n in ids.values()) + sum(n - 1 for n in marks.values()),
        unknown=len(stored - set(tally.sent)),
        mismatched=sum(1 for gid, *content in rows if tally.sent.get(gid, tuple(content)) != tuple(content)),
        unacked=len(set(tally.sent) - set(tally.acked)),
        integrity=integrity(db_url))


def percentile(values: list[float], fraction: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(fraction * len(ordered)))]


HEADER = (f"{'run':<34} {'db':<10} {'req/s':>6} {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'acked':>6} "
          f"{'errors':>6} {'lost':>5} {'dup':>4}  answers / failures")


def line(name: str, kind: str, tally: Tally, verdict: Verdict) -> str:
    """One row of the load table: throughput, latency, errors, lost, duplicated, and what answered."""
    seconds = max(tally.finished - tally.started, 1e-9)
    answers = sum(tally.statuses.values())
    acked = sum(n for s, n in tally.statuses.items() if 200 <= s < 300)
    errors = answers - acked + sum(tally.failures.values())
    lat = tally.latencies
    statuses = " ".join(f"{s}×{n}" for s, n in sorted(tally.statuses.items()))
    failures = " ".join(f"{k}×{n}" for k, n in sorted(tally.failures.items()))
    extra = "" if verdict.clean else (f"  [unknown {verdict.unknown}, mismatched {verdict.mismatched}, "
                                      f"unacked {verdict.unacked}, integrity {verdict.integrity}]")
    return (f"{name:<34} {kind:<10} {answers / seconds:6.0f} {percentile(lat, .5) * 1000:7.1f} "
            f"{percentile(lat, .95) * 1000:7.1f} {percentile(lat, .99) * 1000:7.1f} {verdict.acked:6d} "
            f"{errors:6d} {verdict.lost:5d} {verdict.duplicated:4d}  {statuses}"
            f"{' / ' + failures if failures else ''}{extra}")
