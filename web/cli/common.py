"""What several commands need: the engine, the schema check, asking before a destructive step, imports."""

import sys
from pathlib import Path

import click
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask import current_app

from ledger import migrate
from seed_data.csvfiles import read_folder
from seed_data.importer import import_rows

PROGRESS_FROM_ROWS = 300  # smaller imports finish before a progress bar would help


def engine():
    """The app's engine (the group has built the app from the environment)."""
    return current_app.extensions["engine"]


def require_current_schema(eng) -> None:
    """Refuse to write into a database that `init` has not brought to the newest schema."""
    with eng.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
    head = ScriptDirectory.from_config(migrate.alembic_config(str(eng.url))).get_current_head()
    if current != head:
        state = "has no tables yet" if current is None else "is not at the newest schema"
        raise click.ClickException(f"the database {state}: run `gesture-ledger init` first")


def is_tty() -> bool:
    """True when a person sits at a terminal (then we may ask; elsewhere we refuse instead)."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def confirm_or_refuse(question: str, refusal: str, yes: bool) -> None:
    """Go on with --yes; ask on a terminal; refuse (without reading stdin) anywhere else."""
    if yes:
        return
    if not is_tty():
        raise click.ClickException(refusal)
    click.confirm(question, abort=True)


def import_folder(eng, folder: Path, label: str):
    """Import a folder, with a progress bar on a terminal when it is large."""
    rows = read_folder(folder)
    if rows.row_count < PROGRESS_FROM_ROWS or not sys.stdout.isatty():
        return import_rows(engine=eng, folder=rows)
    with click.progressbar(length=rows.row_count, label=label) as bar:
        return import_rows(engine=eng, folder=rows, progress=bar.update)
