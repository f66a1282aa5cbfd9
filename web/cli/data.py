"""Data in and out: `demo`, `import`, `backup` and `restore`."""

import tempfile
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy import func
from sqlmodel import select

from ledger import backup as backups
from ledger import migrate
from ledger.db import session_scope
from ledger.models import Gesture
from ledger.types import utcnow
from seed_data.demo import demo_sign_ins, is_demo, write_demo
from seed_data.demo.load import format_sign_ins
from seed_data.demo.sessions import add_demo_sessions
from web.cli.common import confirm_or_refuse, engine, import_folder, require_current_schema
from web.cli.verify import broken_message, check_ledger, summary


@click.command("import")
@click.argument("folder", type=click.Path(path_type=Path))
@with_appcontext
def import_command(folder: Path) -> None:
    """Import a folder of CSV files (teams.csv, people.csv, mandates.csv, gestures.csv, appreciations.csv).

    All or nothing: if any row is wrong, every problem is listed as `file:line: column: reason` and
    nothing is stored. Importing the same folder again adds nothing. The format is in README.md.
    """
    eng = engine()
    require_current_schema(eng)
    click.echo(import_folder(eng, folder, "Importing").summary())


@click.command("demo")
@click.option("--if-empty", is_flag=True, help="Load the demo only into an empty database; otherwise just "
                                               "print the demo sign-ins again.")
@click.option("--yes", is_flag=True, help="Replace a database that already holds data, without asking.")
@with_appcontext
def demo_command(if_empty: bool, yes: bool) -> None:
    """Fill the database with a demo installation (3 teams, 25 people, 12 weeks) and print the sign-ins."""
    eng = engine()
    migrate.upgrade(eng)
    blank = backups.is_blank(eng)
    if not blank and if_empty:
        if not _demo_present(eng):
            click.echo("The database already holds data (not the demo); the demo was not loaded.")
            return
        click.echo("The demo is already loaded." + _staleness(eng))
    else:
        _load_demo(eng, blank=blank, yes=yes)
    click.echo()
    click.echo(format_sign_ins(_sign_ins(eng), current_app.config.get("PUBLIC_URL", "http://127.0.0.1:5000")))


def _load_demo(eng, *, blank: bool, yes: bool) -> None:
    if not blank:
        confirm_or_refuse("The database is not empty. Delete everything in it and load the demo?",
                          "the database is not empty: `gesture-ledger demo --yes` replaces everything "
                          "in it with the demo", yes)
        backups.empty_database(eng)
    with tempfile.TemporaryDirectory(prefix="gesture-ledger-demo-") as folder:
        counts = import_folder(eng, write_demo(folder), "Loading the demo")
    add_demo_sessions(engine=eng)  # the hotel's learning sessions and playbook (not part of the CSV format)
    click.echo(f"Demo loaded. {counts.summary()}")


def _demo_present(eng) -> bool:
    with session_scope(eng) as session:
        return is_demo(session=session)


def _sign_ins(eng):
    with session_scope(eng) as session:
        return demo_sign_ins(session=session)


def _staleness(eng) -> str:
    with session_scope(eng) as session:
        latest = session.exec(select(func.max(Gesture.occurred_at))).one()
    if latest is None or (utcnow() - latest).days < 7:
        return ""
    return (f" Its newest gesture is from {latest:%Y-%m-%d}; `gesture-ledger demo --yes` reloads it with "
            "dates around today.")


@click.command("backup")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@with_appcontext
def backup_command(path: Path) -> None:
    """Write a backup of the whole database to a new file (SQLite: VACUUM INTO; PostgreSQL: pg_dump)."""
    written = backups.backup(engine(), path)
    click.echo(f"Backup written to {written} ({written.stat().st_size / 1024:.0f} KB).")


@click.command("restore")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--yes", is_flag=True, help="Replace a database that already holds data, without asking.")
@with_appcontext
def restore_command(path: Path, yes: bool) -> None:
    """Replace the database with a backup made by `gesture-ledger backup` (stop the app first)."""
    eng = engine()
    if not path.is_file():
        raise click.ClickException(f"{path} is not a file")
    if not backups.is_blank(eng):
        confirm_or_refuse("The database holds data. Replace all of it with the backup?",
                          "the database holds data: `gesture-ledger restore --yes PATH` replaces all of it "
                          "with the backup", yes)
    revision = backups.restore(eng, path)
    migrate.upgrade(eng)
    click.echo(f"Restored {path} (schema {revision}); the database is up to date.")
    verdict = check_ledger()  # a restored ledger must be the one that was backed up
    if not verdict.intact:
        raise click.ClickException(broken_message(verdict))
    click.echo(summary(verdict))
