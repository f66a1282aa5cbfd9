"""Entry point of `python -m bench`: generate (or reuse) the benchmark databases and print the timings."""

import argparse
import sys

from bench import pg, report_page, run
from bench import results as budget_table
from bench.generate import BENCH_DIR
from bench.load import run as load_run
from bench.log_post.run import logging_throughput


def main(argv: list[str] | None = None) -> int:
    """Run the report page, report, overview and logging benchmarks; exit 1 when a budget is missed."""
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--skip-org", action="store_true", help="skip the 1,000,000-gesture organisation")
    parser.add_argument("--only", choices=["reports", "page", "logging", "load"],
                        help="run only this part of the benchmarks (load and faults run only this way)")
    parser.add_argument("--load-seconds", type=float, default=load_run.SECONDS,
                        help="length of each load and fault run")
    parser.add_argument("--no-pg-restart", action="store_true",
                        help="leave out the PostgreSQL restart (it breaks every session on that server)")
    parser.add_argument("--sqlite-only", action="store_true",
                        help="leave out the PostgreSQL columns (report, overview and logging benchmarks)")
    args = parser.parse_args(argv)
    print(f"Benchmark databases are cached in {BENCH_DIR}/ and as PostgreSQL databases {pg.PREFIX}team and "
          f"{pg.PREFIX}org (delete or drop them to regenerate).")
    ok = True
    postgres = None  # the server of the PostgreSQL columns; None prints one line saying why they are skipped
    if not args.sqlite_only and args.only in (None, "reports", "logging"):
        postgres = pg.server()
    servers = [None, postgres] if postgres else [None]  # None: the SQLite files
    if args.only in (None, "page"):  # the report page in Chromium: first paint, charts drawn (issue 10)
        ok = report_page.report_page() and ok
    if args.only not in ("logging", "load", "page"):
        for server in servers:
            results = run.team_report(postgres=server)
            ok = all(ms < run.REPORT_BUDGET_MS for ms in results.values()) and ok
        for server in servers if not args.skip_org else ():
            ok = run.org_overview(postgres=server) < run.OVERVIEW_BUDGET_MS and ok
    if args.only in (None, "logging"):
        ok = logging_throughput(postgres=postgres) and ok
    if args.only == "load":  # ~12 minutes on its own: not part of the default run (kept under ~10 minutes)
        ok = load_run.load_and_faults(seconds=args.load_seconds, pg_restart=not args.no_pg_restart) and ok
    budget_table.write()  # every budget of DESIGN §7 in one table, also in instance/bench/results.md
    print("\nAll budgets met." if ok else "\nA budget was missed (see above).")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
