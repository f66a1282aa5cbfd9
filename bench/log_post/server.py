"""Start and stop gunicorn for the benchmark: loopback only, stopped by the PID in its --pid file."""

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.error import HTTPError, URLError
from urllib.request import urlopen

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = Path(sys.executable).parent / "gunicorn"
WORKERS = 4  # ≈ 2 × cores, as the README's deployment section advises
SETTINGS = ["--workers", str(WORKERS), "--worker-class", "sync", "--log-level", "warning"]


def free_port() -> int:
    """A port on 127.0.0.1 that nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass(frozen=True)
class Server:
    url: str
    pid: int

    def cpu_seconds(self) -> float:
        """CPU time used so far by the gunicorn master and its live workers (from /proc)."""
        ticks = 0
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except (OSError, IndexError):
                continue  # a process that just ended
            if int(stat.parent.name) == self.pid or int(fields[1]) == self.pid:  # the pid, or its child
                ticks += int(fields[11]) + int(fields[12])  # utime + stime
        return ticks / os.sysconf("SC_CLK_TCK")


@contextmanager
def gunicorn(app: str, *, env: dict[str, str], workdir: Path, name: str) -> Iterator[Server]:
    """Serve `app` (e.g. "web:create_app()") with the bench's gunicorn settings on 127.0.0.1."""
    port, pid_file, log_file = free_port(), workdir / f"{name}.pid", workdir / f"{name}.log"
    pid_file.unlink(missing_ok=True)
    environ = {k: v for k, v in os.environ.items() if k != "FLASK_DEBUG"} | env
    command = [str(GUNICORN), *SETTINGS, "--bind", f"127.0.0.1:{port}", "--pid", str(pid_file), app]
    with log_file.open("w") as log:
        process = subprocess.Popen(command, cwd=ROOT, env=environ, stdout=log, stderr=subprocess.STDOUT)  # noqa: S603
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_serving(base, process, pid_file, log_file)
        yield Server(base, int(pid_file.read_text().strip()))
    finally:
        _stop(process, pid_file)


def _wait_until_serving(base: str, process: subprocess.Popen, pid_file: Path, log_file: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn exited ({process.returncode}):\n{log_file.read_text()[-2000:]}")
        if pid_file.exists():
            try:
                urlopen(f"{base}/", timeout=10).close()  # noqa: S310 - our own loopback server
                return
            except HTTPError:
                return  # any HTTP answer means a worker is serving
            except (URLError, ConnectionError, TimeoutError):
                pass
        time.sleep(0.2)
    raise RuntimeError(f"gunicorn did not start serving {base} within 60 s")


def _stop(process: subprocess.Popen, pid_file: Path) -> None:
    try:
        pid = int(pid_file.read_text().strip()) if pid_file.exists() else process.pid
    except ValueError:
        pid = process.pid
    if process.poll() is None:
        os.kill(pid, signal.SIGTERM)  # gunicorn's graceful shutdown of the master and its workers
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.kill(pid, signal.SIGKILL)
            process.wait(timeout=10)
    pid_file.unlink(missing_ok=True)
