"""Load runs, with and without faults: the tablets for `seconds` against the run's gunicorn (plus, for the
full disk and the two-server run, servers started and stopped here), then the ledger checked.
Shared by tests/load (short forms) and `make bench` (long forms)."""

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from bench.load import faults
from bench.load.check import Verdict, gesture_ids, integrity, line, stored_rows, verify
from bench.load.install import Stage
from bench.load.servers import Server, gunicorn, haproxy
from bench.load.tablets import Run, Tally, Target

Fault = Callable[[Run, Server, list[str]], None]


@dataclass
class Outcome:
    name: str
    kind: str
    tally: Tally
    verdict: Verdict
    notes: list[str] = field(default_factory=list)
    extra: dict = field(default_factory=dict)

    def line(self) -> str:
        return line(self.name, self.kind, self.tally, self.verdict)

    def report(self) -> str:
        return "\n".join([self.line(), *(f"    {note}" for note in self.notes),
                          *(f"    sample answer: {s}" for s in self.tally.samples[:3])])


def _run(stage: Stage, server: Server, name: str, seconds: float, fault: Fault | None = None) -> Outcome:
    """The tablets for `seconds` against `server`, with `fault(run, server, notes)` during the run."""
    before = gesture_ids(stage.db_url)
    notes: list[str] = []
    with Run(stage.tablets, Target(server.url), seconds=seconds) as run:
        if fault is not None:
            fault(run, server, notes)
        tally = run.finish()
    return Outcome(name, stage.kind, tally, verify(stage.db_url, tally, before), notes)


def steady(stage: Stage, server: Server, seconds: float) -> Outcome:
    return _run(stage, server, "steady load", seconds)


def worker_kills(stage: Stage, server: Server, seconds: float, kills: int = 2) -> Outcome:
    def fault(run: Run, server: Server, notes: list[str]) -> None:
        for i in range(kills):
            run.wait_until(seconds * (i + 1) / (kills + 1))
            pid = faults.kill_worker(server)
            notes.append(f"kill -9 of worker {pid} at {time.monotonic() - run.started:.2f} s")
    return _run(stage, server, f"kill -9 of a worker ×{kills}", seconds, fault)


def postgres_restart(stage: Stage, server: Server, seconds: float) -> Outcome:
    def fault(run: Run, _server: Server, notes: list[str]) -> None:
        run.wait_until(seconds / 3)
        notes.append(f"PostgreSQL restarted in {faults.restart_postgres(stage.db_url):.1f} s")
    return _run(stage, server, "PostgreSQL restart", seconds, fault)


def sqlite_lock(stage: Stage, server: Server, seconds: float, hold: float = 7.0) -> Outcome:
    def fault(run: Run, _server: Server, notes: list[str]) -> None:
        run.wait_until(seconds / 4)
        waited = faults.hold_sqlite_lock(stage.sqlite_path, hold)
        notes.append(f"BEGIN EXCLUSIVE held {hold:.0f} s by another process (got it after {waited:.2f} s)")
    return _run(stage, server, f"SQLite locked {hold:.0f} s", seconds, fault)


def full_disk(stage: Stage, server: Server, seconds: float, spare_pages: int = 20,
              full_seconds: float = 3.0) -> Outcome:
    """A server whose database fills up a few pages into the run; `full_seconds` after the first refusal
    space comes back (the tablets are pointed at `server`, which has no limit) and the kept gestures go in."""
    before = gesture_ids(stage.db_url)
    limit = faults.page_count(stage.sqlite_path) + spare_pages
    notes = [f"max_page_count {limit} ({spare_pages} pages free at the start)"]
    limited_env = stage.app_env() | {"LOAD_SQLITE_MAX_PAGES": str(limit)}
    with gunicorn(env=limited_env, workdir=stage.workdir, name="load-full", config=faults.FULL_DISK_CONFIG) \
            as full, Run(stage.tablets, target := Target(full.url), seconds=seconds) as run:
        first = _wait_for_refusal(run, until=seconds * 0.7)
        run.wait_until(first + full_seconds)
        notes.append(f"full from {first:.1f} s to {time.monotonic() - run.started:.1f} s: {_statuses(run)}; "
                     f"{faults.page_count(stage.sqlite_path)} pages; integrity {integrity(stage.db_url)}")
        target.url = server.url  # the tablets' next attempts go to a server with room again
        tally = run.finish()
    verdict = verify(stage.db_url, tally, before)
    return Outcome("full disk (max_page_count)", stage.kind, tally, verdict, notes)


def backup_during_writes(stage: Stage, server: Server, seconds: float, restore_url: str) -> Outcome:
    """`gesture-ledger backup` halfway through the run; the file restored into `restore_url` (an empty
    database) must hold every gesture acknowledged before the backup began, each row identical to the
    live one, and nothing the tablets never sent."""
    path = stage.workdir / f"backup-{time.time_ns()}.{'db' if stage.kind == 'sqlite' else 'dump'}"
    seen: dict = {}

    def fault(run: Run, _server: Server, notes: list[str]) -> None:
        run.wait_until(seconds / 2)
        seen["acked"] = run.acked()
        started = time.monotonic()
        faults.cli(stage, "backup", str(path))
        notes.append(f"backup written in {time.monotonic() - started:.1f} s while the tablets wrote")

    before = gesture_ids(stage.db_url)
    outcome = _run(stage, server, "backup during writes", seconds, fault)
    faults.cli(stage, "restore", "--yes", str(path), db_url=restore_url)
    live = {row[0]: row for row in stored_rows(stage.db_url, before)}
    restored = {row[0]: row for row in stored_rows(restore_url, before)}
    missing = set(seen["acked"]) - set(restored)
    different = [gid for gid, row in restored.items() if live.get(gid) != row]
    outcome.notes.append(
        f"restored: {len(restored)} of the run's {len(live)} rows; acknowledged before the backup and "
        f"missing: {len(missing)}; rows unlike the live ones: {len(different)}; integrity "
        f"{integrity(restore_url)}")
    outcome.extra = {"missing": len(missing), "different": len(different), "rows": len(restored),
                       "acked_before": len(seen["acked"]), "integrity": integrity(restore_url)}
    # The team's hash chain after every run so far (tamper evidence, DESIGN §8), where the app checks it.
    outcome.extra["chain_intact"], text = faults.ledger_verify(stage)
    outcome.notes.append(f"gesture-ledger verify on the live ledger: {text.splitlines()[0] if text else ''}")
    return outcome


def two_servers(stage: Stage, server: Server, seconds: float) -> Outcome:
    """`server` and a second gunicorn on the same database behind haproxy, round robin per request."""
    before = gesture_ids(stage.db_url)
    with gunicorn(env=stage.app_env(), workdir=stage.workdir, name="load-second") as second, \
            haproxy([server.url, second.url], workdir=stage.workdir) as balancer, \
            Run(stage.tablets, Target(balancer.url), seconds=seconds) as run:
        tally = run.finish()
    split = ", ".join(f"{name} {n}" for name, n in sorted(tally.served_by.items()))
    both = sum(1 for t in run.tallies if len(t.served_by) == 2)  # one tablet's requests on both servers
    chain_intact, text = faults.ledger_verify(stage)  # two servers appending to one team's hash chain
    return Outcome("two servers behind haproxy", stage.kind, tally, verify(stage.db_url, tally, before),
                   [f"answers per server: {split}; tablets served by both: {both} of {len(run.tallies)}",
                    f"gesture-ledger verify: {text.splitlines()[0] if text else ''}"],
                   extra={"tablets_on_both": both, "tablets": len(run.tallies), "chain_intact": chain_intact})


def _wait_for_refusal(run: Run, *, until: float) -> float:
    """Seconds into the run of the first 5xx (polled), or `until` when none came by then."""
    while time.monotonic() - run.started < until:
        if any(status >= 500 for tally in run.tallies for status in tally.statuses.copy()):
            break
        time.sleep(0.1)
    return time.monotonic() - run.started


def _statuses(run: Run) -> str:
    merged: dict = {}
    for tally in run.tallies:
        for status, n in tally.statuses.copy().items():
            merged[status] = merged.get(status, 0) + n
    return " ".join(f"{s}×{n}" for s, n in sorted(merged.items()))
