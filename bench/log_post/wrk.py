"""Run wrk with post.lua and read back what it measured."""

import resource
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

WRK = "/usr/bin/wrk"
SCRIPT = Path(__file__).parent / "post.lua"
THREADS, CONNECTIONS = 2, 32


@dataclass
class Result:
    """One wrk run: throughput, latency percentiles (ms), statuses counted by post.lua."""

    requests: int = 0
    seconds: float = 0.0
    p50_ms: float = 0.0
    p90_ms: float = 0.0
    p99_ms: float = 0.0
    socket_errors: int = 0
    wrk_cpu_seconds: float = 0.0
    server_cpu_seconds: float = 0.0
    statuses: dict[int, int] = field(default_factory=dict)
    samples: list[str] = field(default_factory=list)
    output: str = ""

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    @property
    def wrk_share(self) -> float:
        """How much of one core wrk itself used: far below 1 means it was not the bottleneck."""
        return self.wrk_cpu_seconds / self.seconds if self.seconds else 0.0

    @property
    def ok(self) -> int:
        return sum(n for status, n in self.statuses.items() if 200 <= status < 300)

    @property
    def failed(self) -> int:
        """Non-2xx answers plus socket errors (wrk's own cut-off of requests in flight is not counted)."""
        return sum(n for status, n in self.statuses.items() if not 200 <= status < 300) + self.socket_errors


def run(url: str, *, mode: str, credentials: Path, nonce: int, seconds: int, threads: int = THREADS,
        connections: int = CONNECTIONS) -> Result:
    """`wrk -t2 -c32 -dNs --latency` against `url` with post.lua in the given mode."""
    command = [WRK, f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", "--timeout", "10s",
               "-s", str(SCRIPT), url, "--", mode, str(credentials), str(nonce), str(threads)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(command, capture_output=True, text=True, check=False, timeout=seconds + 60)  # noqa: S603
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise RuntimeError(f"wrk failed ({done.returncode}): {done.stderr or done.stdout}")
    result = parse(done.stdout)
    result.wrk_cpu_seconds = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    return result


def parse(output: str) -> Result:
    """Read the `BENCH …` lines post.lua's done() prints."""
    result = Result(output=output)
    for line in output.splitlines():
        parts = line.split(" ", 2)
        if parts[0] != "BENCH" or len(parts) < 3:
            continue
        key, value = parts[1], parts[2]
        if key == "status":
            status, count = value.split()
            result.statuses[int(status)] = result.statuses.get(int(status), 0) + int(count)
        elif key == "sample":
            result.samples.append(value)
        elif key == "requests":
            result.requests = int(value)
        elif key == "duration_us":
            result.seconds = int(value) / 1e6
        elif key == "socket_errors":
            result.socket_errors = int(value)
        elif key in ("p50_us", "p90_us", "p99_us"):
            setattr(result, f"{key[:3]}_ms", int(value) / 1000)
    return result
