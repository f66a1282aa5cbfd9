"""The faults a load run survives: a killed worker, a restarted PostgreSQL, a locked or full SQLite
database, a backup taken while tablets write. Each is bounded in time and undoes itself."""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy.engine import make_url

from bench.load.install import Stage
from bench.load.servers import ROOT, Server

CLI = Path(sys.executable).parent / "gesture-ledger"
FULL_DISK_CONFIG = Path(__file__).with_name("full_disk_conf.py")


def kill_worker(server: Server, within: float = 3.0) -> int:
    """`kill -9` a gunicorn worker that is serving a request, so the kill strikes a request in flight; the
    master forks a new one. A sync worker between requests holds only the listening socket it shares with
    the master (and its database connections, which outlive requests); one serving a request also holds the
    connection it accepted, a socket it did not hold a moment ago. Killing an idle worker would prove
    nothing, so this waits up to `within` seconds for a busy one, then takes the oldest. Returns the PID."""
    shared = _socket_inodes(server.pid)  # the listening socket
    before = {pid: _socket_inodes(pid) for pid in server.worker_pids()}  # + database connections
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        for pid, held in before.items():
            if _socket_inodes(pid) - held - shared:
                os.kill(pid, signal.SIGKILL)
                return pid
    workers = server.worker_pids()
    if not workers:
        raise RuntimeError(f"gunicorn {server.pid} has no workers to kill")
    oldest = min(workers, key=_start_ticks)
    os.kill(oldest, signal.SIGKILL)
    return oldest


def _socket_inodes(pid: int) -> set[str]:
    inodes = set()
    try:
        for fd in Path(f"/proc/{pid}/fd").iterdir():
            if (target := os.readlink(fd)).startswith("socket:["):
                inodes.add(target[8:-1])
    except OSError:
        pass  # ended, or a descriptor closed while we looked
    return inodes


def _start_ticks(pid: int) -> int:
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[19])  # starttime
    except (OSError, IndexError, ValueError):
        return 1 << 62


def postgres_cluster(db_url: str) -> tuple[str, str]:
    """The local cluster (version, name) that listens on the database URL's port (pg_lsclusters)."""
    port = str(make_url(db_url).port or 5432)
    listing = subprocess.run(["pg_lsclusters", "--no-header"], check=True, capture_output=True,  # noqa: S607
                             text=True, timeout=30).stdout
    for row in listing.splitlines():
        version, name, cluster_port, *_ = row.split()
        if cluster_port == port:
            return version, name
    raise RuntimeError(f"no local PostgreSQL cluster listens on port {port} (pg_lsclusters)")


def restart_postgres(db_url: str) -> float:
    """Restart the local PostgreSQL cluster serving `db_url` (every connection to it breaks, everyone's);
    returns the seconds it took."""
    version, name = postgres_cluster(db_url)
    started = time.monotonic()
    subprocess.run(["pg_ctlcluster", "--skip-systemctl-redirect", version, name, "restart"],  # noqa: S603,S607
                   check=True, timeout=120, capture_output=True)
    return time.monotonic() - started


def hold_sqlite_lock(path: Path, seconds: float) -> float:
    """Another process's writer: `BEGIN EXCLUSIVE` held for `seconds` (past the app's 5 s busy timeout),
    then rolled back. Returns how long it waited to get the lock."""
    conn = sqlite3.connect(path, timeout=30, isolation_level=None)
    try:
        started = time.monotonic()
        conn.execute("BEGIN EXCLUSIVE")
        waited = time.monotonic() - started
        time.sleep(seconds)
        conn.execute("ROLLBACK")
        return waited
    finally:
        conn.close()


def page_count(path: Path) -> int:
    conn = sqlite3.connect(path, timeout=30)
    try:
        return conn.execute("PRAGMA page_count").fetchone()[0]
    finally:
        conn.close()


def ledger_verify(stage: Stage) -> tuple[bool | None, str]:
    """`gesture-ledger verify` on the run's database: (True, "ledger intact: …"), (False, the first broken
    link), or (None, why) when this version of the app has no such command yet."""
    try:
        return True, cli(stage, "verify", "--no-heads")
    except RuntimeError as err:
        text = str(err)
        return (None, "no verify command") if "No such command" in text else (False, text)


def cli(stage: Stage, *args: str, db_url: str | None = None, timeout: float = 120) -> str:
    """Run `gesture-ledger ARGS` against the stage's database (or `db_url`) as an operator would."""
    env = {k: v for k, v in os.environ.items() if k != "FLASK_DEBUG"} | stage.app_env()
    if db_url:
        env["DATABASE_URL"] = db_url
    done = subprocess.run([str(CLI), *args], cwd=ROOT, env=env, capture_output=True, text=True,  # noqa: S603
                          timeout=timeout)
    if done.returncode != 0:
        raise RuntimeError(f"gesture-ledger {' '.join(args)} failed ({done.returncode}): "
                           f"{(done.stderr or done.stdout)[-1500:]}")
    return done.stdout.strip()
