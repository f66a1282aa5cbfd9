"""The servers of a load run: gunicorn (several sync workers) and haproxy in front of two of them.

Loopback only; every process is started with a pid file and stopped by that PID in a `finally`, so a
failing test never leaves a server behind.
"""

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.error import HTTPError, URLError
from urllib.request import urlopen

from bench.log_post.server import free_port

ROOT = Path(__file__).resolve().parents[2]
GUNICORN = Path(sys.executable).parent / "gunicorn"
HAPROXY = "haproxy"
WORKERS = 4  # ≈ 2 × cores, as the README's deployment section advises
START_SECONDS = 60


@dataclass(frozen=True)
class Server:
    url: str
    pid: int
    log: Path

    def worker_pids(self) -> list[int]:
        """The PIDs of the master's live children (gunicorn's workers), from /proc."""
        children = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
            except (OSError, IndexError):
                continue  # a process that just ended
            if int(fields[1]) == self.pid:
                children.append(int(stat.parent.name))
        return sorted(children)


@contextmanager
def gunicorn(*, env: dict[str, str], workdir: Path, name: str, workers: int = WORKERS,
             config: Path | None = None) -> Iterator[Server]:
    """Serve `web:create_app()` on a free 127.0.0.1 port; `config` is an extra gunicorn config file."""
    port, pid_file, log_file = free_port(), workdir / f"{name}.pid", workdir / f"{name}.log"
    pid_file.unlink(missing_ok=True)
    environ = {k: v for k, v in os.environ.items() if k != "FLASK_DEBUG"} | env
    command = [str(GUNICORN), "--workers", str(workers), "--worker-class", "sync", "--log-level", "warning",
               "--bind", f"127.0.0.1:{port}", "--pid", str(pid_file)]
    if config is not None:
        command += ["--config", str(config)]
    with log_file.open("w") as log:
        process = subprocess.Popen([*command, "web:create_app()"], cwd=ROOT, env=environ,  # noqa: S603
                                   stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_serving(base, process, pid_file, log_file)
        yield Server(base, int(pid_file.read_text().strip()), log_file)
    finally:
        _stop(process, pid_file)


@contextmanager
def haproxy(backends: list[str], *, workdir: Path) -> Iterator[Server]:
    """haproxy on a free 127.0.0.1 port, round-robin over `backends` per request; each answer says which
    backend served it in an `X-Served-By` header."""
    port, pid_file, log_file = free_port(), workdir / "haproxy.pid", workdir / "haproxy.log"
    config = workdir / "haproxy.cfg"
    servers = "\n".join(f"  server app{i + 1} {url.removeprefix('http://')}"
                        for i, url in enumerate(backends))
    config.write_text(f"""global
  maxconn 1024
defaults
  mode http
  timeout connect 5s
  timeout client 60s
  timeout server 60s
frontend tablets
  bind 127.0.0.1:{port}
  default_backend apps
backend apps
  balance roundrobin
  http-response set-header X-Served-By %s
{servers}
""")
    pid_file.unlink(missing_ok=True)
    with log_file.open("w") as log:
        process = subprocess.Popen([HAPROXY, "-db", "-f", str(config), "-p", str(pid_file)],  # noqa: S603
                                   stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_serving(base, process, None, log_file)
        yield Server(base, process.pid, log_file)
    finally:
        _stop(process, pid_file)


def _wait_until_serving(base: str, process: subprocess.Popen, pid_file: Path | None, log_file: Path) -> None:
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{base}: exited ({process.returncode}):\n{log_file.read_text()[-2000:]}")
        if pid_file is None or pid_file.exists():
            try:
                urlopen(f"{base}/", timeout=10).close()  # noqa: S310 - our own loopback server
                return
            except HTTPError:
                return  # any HTTP answer means a worker is serving
            except (URLError, ConnectionError, TimeoutError):
                pass
        time.sleep(0.2)
    raise RuntimeError(f"{base} did not start serving within {START_SECONDS} s")


def _stop(process: subprocess.Popen, pid_file: Path) -> None:
    """SIGINT the PID from the pid file (or the one we started), SIGKILL if it lingers."""
    try:
        pid = int(pid_file.read_text().strip()) if pid_file.exists() else process.pid
    except ValueError:
        pid = process.pid
    if process.poll() is None:
        try:
            os.kill(pid, signal.SIGINT)  # quick stop (a run is drained before): gunicorn, haproxy alike
            process.wait(timeout=30)
        except ProcessLookupError:
            pass
        except subprocess.TimeoutExpired:
            os.kill(pid, signal.SIGKILL)
            process.wait(timeout=10)
    pid_file.unlink(missing_ok=True)
