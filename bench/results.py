"""One table of every DESIGN §7 budget: each benchmark adds its figures here, `python -m bench` prints the
table at the end and writes it to instance/bench/results.md, to compare one version with the next."""

import os
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

RESULTS_FILE = Path("instance/bench/results.md")


@dataclass(frozen=True)
class Budget:
    """One measured figure against its budget."""

    what: str
    database: str  # "SQLite", "PostgreSQL" or "" where no database is involved
    figure: str
    budget: str
    ok: bool


ROWS: list[Budget] = []


def add(what: str, figure: str, budget: str, ok: bool, database: str = "SQLite") -> None:
    """Note a figure for the closing table."""
    ROWS.append(Budget(what, database, figure, budget, ok))


def _version() -> str:
    try:
        found = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,  # noqa: S603,S607
                               check=False, timeout=5)
        return found.stdout.strip() or "unknown"
    except OSError:
        return "unknown"


def table() -> str:
    """The budgets as a Markdown table."""
    lines = ["| budget (DESIGN §7) | database | figure | budget | verdict |",
             "| --- | --- | --- | --- | --- |"]
    lines += [f"| {row.what} | {row.database or '-'} | {row.figure} | {row.budget} | "
              f"{'pass' if row.ok else 'MISS'} |" for row in ROWS]
    return "\n".join(lines)


def write(log=print) -> None:
    """Print the table and write it, with when, which version and how busy the machine was."""
    if not ROWS:
        return
    head = (f"Benchmarks of {_version()} on {datetime.now(UTC):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cores, "
            f"load average {os.getloadavg()[0]:.1f}")
    log(f"\n{head}\n{table()}")
    RESULTS_FILE.parent.mkdir(parents=True, exist_ok=True)
    RESULTS_FILE.write_text(f"# {head}\n\n{table()}\n", encoding="utf-8")
    log(f"(written to {RESULTS_FILE})")
