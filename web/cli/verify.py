"""`gesture-ledger verify`: is the ledger as it was written? (DESIGN §8, issue 12)

Walks every team's hash chain and the audit trail; prints "ledger intact" with the counts and each team's
newest hash (exit 0), or the first broken link (exit 1). `restore` and `digest` run the same check.
"""

import click
from flask.cli import with_appcontext

from ledger.integrity import Verdict, verify
from web.cli.common import engine, require_current_schema


def check_ledger() -> Verdict:
    """Verify the app's database (read-only)."""
    eng = engine()
    require_current_schema(eng)
    with eng.connect() as conn:
        return verify(conn)


def summary(verdict: Verdict) -> str:
    """The one line verify prints when every link holds."""
    teams = len(verdict.heads)
    line = (f"ledger intact: {verdict.entries} entries in {teams} team chain{'s' if teams != 1 else ''}, "
            f"{verdict.audited} audit events checked")
    if verdict.rewritten_texts:
        line += f"; {verdict.rewritten_texts} texts blanked or rewritten by erasure or retention"
    return line


def broken_message(verdict: Verdict) -> str:
    """The line for the first broken link."""
    return f"ledger broken: {verdict.broken.describe()}"


@click.command("verify")
@click.option("--heads/--no-heads", default=True, show_default=True,
              help="Also print each team's newest hash (keep them elsewhere to compare later).")
@with_appcontext
def verify_command(heads: bool) -> None:
    """Check that every ledger entry is as it was written: exit 0 when intact, 1 at the first broken link."""
    verdict = check_ledger()
    if not verdict.intact:
        raise click.ClickException(broken_message(verdict))
    click.echo(summary(verdict))
    if heads:
        click.echo(head_lines(verdict))


def head_lines(verdict: Verdict) -> str:
    """Each team's newest hash, one line each (to keep elsewhere: a rewritten chain shows against them)."""
    return "\n".join(f"  {h.team}: {h.entries} entries, newest hash {h.entry_hash}" for h in verdict.heads)
