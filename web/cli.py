"""The `gesture-ledger` command: Flask's CLI group with the app's own commands added.

User mistakes end with one clear line on stderr and a non-zero exit, never a traceback: every command
is wrapped in `friendly_errors`, which turns the ledger's errors, refused imports and an unreachable
database into click.ClickException.
"""

import functools
import sys
import tempfile
from pathlib import Path

import click
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from flask import current_app
from flask.cli import FlaskGroup
from sqlalchemy import func
from sqlalchemy.exc import OperationalError
from sqlmodel import select

from ledger import backup as backups
from ledger import migrate
from ledger.db import session_scope
from ledger.errors import LedgerError, ValidationFailed
from ledger.models import Gesture
from ledger.services import people
from ledger.services.teams import list_teams
from ledger.types import utcnow
from seed_data import reasons
from seed_data.csvfiles import ImportFailed, read_folder
from seed_data.demo import demo_sign_ins, is_demo, write_demo
from seed_data.demo.load import format_sign_ins
from seed_data.importer import import_rows

PROGRESS_FROM_ROWS = 300  # smaller imports finish before a progress bar would help


def _create_app():
    from web import create_app
    from web.config import ConfigError

    try:
        return create_app()
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from None


@click.group(cls=FlaskGroup, create_app=_create_app, add_default_commands=True)
def main() -> None:
    """Gesture Ledger: staff log the extra things they do for customers, managers learn what moves them.

    \b
    First steps:
      gesture-ledger init     create the database, or bring it to the newest schema
      gesture-ledger demo     fill it with a demo installation and print the sign-ins
      gesture-ledger run      serve the app (http://127.0.0.1:5000)

    Settings come from environment variables: SECRET_KEY (required outside FLASK_DEBUG=1),
    DATABASE_URL (default: an SQLite file in ./instance), PUBLIC_URL. See README.md.
    """


def friendly_errors(func):
    """Turn user-caused errors into one clear line on stderr and exit code 1."""

    @functools.wraps(func)
    def wrapper(*args, **kwargs):
        try:
            return func(*args, **kwargs)
        except ImportFailed as exc:
            for problem in exc.problems:
                click.echo(str(problem), err=True)
            raise click.ClickException(f"import refused: {len(exc.problems)} problem(s) listed above; "
                                       "nothing was stored") from None
        except ValidationFailed as exc:
            raise click.ClickException("; ".join(
                f"{reasons.column(e.field)}: {reasons.reason(e)}" for e in exc.errors)) from None
        except LedgerError as exc:
            raise click.ClickException(str(exc)) from None
        except OperationalError as exc:
            url = _engine().url.render_as_string(hide_password=True)
            detail = str(exc.orig).strip().splitlines()[0] if exc.orig else "unknown error"
            raise click.ClickException(f"cannot use the database {url}: {detail}") from None

    return wrapper


def _engine():
    return current_app.extensions["engine"]


def _require_current_schema(engine) -> None:
    """Refuse to write into a database that `init` has not brought to the newest schema."""
    with engine.connect() as conn:
        current = MigrationContext.configure(conn).get_current_revision()
    head = ScriptDirectory.from_config(migrate.alembic_config(str(engine.url))).get_current_head()
    if current != head:
        state = "has no tables yet" if current is None else "is not at the newest schema"
        raise click.ClickException(f"the database {state}: run `gesture-ledger init` first")


def _is_tty() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def _confirm_or_refuse(question: str, refusal: str, yes: bool) -> None:
    """Go on with --yes; ask on a terminal; refuse (without reading stdin) anywhere else."""
    if yes:
        return
    if not _is_tty():
        raise click.ClickException(refusal)
    click.confirm(question, abort=True)


@main.command("init")
@friendly_errors
def init_command() -> None:
    """Create the database or migrate it to the newest schema."""
    migrate.upgrade(_engine())
    click.echo("Database is up to date.")


@main.command("import")
@click.argument("folder", type=click.Path(path_type=Path))
@friendly_errors
def import_command(folder: Path) -> None:
    """Import a folder of CSV files (teams.csv, people.csv, mandates.csv, gestures.csv, appreciations.csv).

    All or nothing: if any row is wrong, every problem is listed as `file:line: column: reason` and
    nothing is stored. Importing the same folder again adds nothing. The format is in README.md.
    """
    engine = _engine()
    _require_current_schema(engine)
    click.echo(_import(engine, folder, "Importing").summary())


def _import(engine, folder: Path, label: str):
    """Import a folder, with a progress bar on a terminal when it is large."""
    rows = read_folder(folder)
    if rows.row_count < PROGRESS_FROM_ROWS or not sys.stdout.isatty():
        return import_rows(engine=engine, folder=rows)
    with click.progressbar(length=rows.row_count, label=label) as bar:
        return import_rows(engine=engine, folder=rows, progress=bar.update)


@main.command("demo")
@click.option("--if-empty", is_flag=True, help="Load the demo only into an empty database; otherwise just "
                                               "print the demo sign-ins again.")
@click.option("--yes", is_flag=True, help="Replace a database that already holds data, without asking.")
@friendly_errors
def demo_command(if_empty: bool, yes: bool) -> None:
    """Fill the database with a demo installation (3 teams, 25 people, 12 weeks) and print the sign-ins."""
    engine = _engine()
    migrate.upgrade(engine)
    blank = backups.is_blank(engine)
    if not blank and if_empty:
        if not _demo_present(engine):
            click.echo("The database already holds data (not the demo); the demo was not loaded.")
            return
        click.echo("The demo is already loaded." + _staleness(engine))
    else:
        if not blank:
            _confirm_or_refuse("The database is not empty. Delete everything in it and load the demo?",
                               "the database is not empty: `gesture-ledger demo --yes` replaces everything "
                               "in it with the demo", yes)
            backups.empty_database(engine)
        with tempfile.TemporaryDirectory(prefix="gesture-ledger-demo-") as folder:
            counts = _import(engine, write_demo(folder), "Loading the demo")
        click.echo(f"Demo loaded. {counts.summary()}")
    click.echo()
    click.echo(format_sign_ins(_sign_ins(engine), current_app.config.get("PUBLIC_URL", "http://127.0.0.1:5000")))


def _demo_present(engine) -> bool:
    with session_scope(engine) as session:
        return is_demo(session=session)


def _sign_ins(engine):
    with session_scope(engine) as session:
        return demo_sign_ins(session=session)


def _staleness(engine) -> str:
    with session_scope(engine) as session:
        latest = session.exec(select(func.max(Gesture.occurred_at))).one()
    if latest is None or (utcnow() - latest).days < 7:
        return ""
    return (f" Its newest gesture is from {latest:%Y-%m-%d}; `gesture-ledger demo --yes` reloads it with "
            "dates around today.")


@main.command("create-user")
@click.argument("name")
@click.option("--role", type=click.Choice(["staff", "manager", "admin"]), default="staff", show_default=True,
              help="Staff log gestures on a team tablet with a PIN; managers and admins sign in with "
                   "e-mail and password.")
@click.option("--email", help="Sign-in address (required for managers and admins).")
@click.option("--team", "teams", multiple=True, help="A team the person belongs to; repeat for several.")
@click.option("--password", help="For managers and admins (at least 10 characters). Leave it out to be "
                                 "asked for it, hidden, in a terminal.")
@click.option("--pin", help="4 to 6 digits, for staff signing in on a tablet.")
@friendly_errors
def create_user_command(name: str, role: str, email: str | None, teams: tuple[str, ...],
                        password: str | None, pin: str | None) -> None:
    """Create a person, e.g. the first admin:

    \b
      gesture-ledger create-user "Ilse de Wit" --role admin --email ilse@example.org
    """
    article = "an" if role == "admin" else "a"
    if role != "staff" and not email:
        raise click.ClickException(f"{article} {role} signs in with e-mail: give --email")
    if role == "staff" and not teams:
        raise click.ClickException("staff log gestures on a team's tablet: give --team")
    if role != "staff" and not password:
        if not _is_tty():
            raise click.ClickException(f"{article} {role} needs a password: give --password, or run this "
                                       "in a terminal to be asked for it")
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    _require_current_schema(_engine())
    with session_scope(_engine()) as session:
        found = [_team(session, team) for team in teams]
        person = people.create_person(session=session, display_name=name, role=role, email=email,
                                      team_ids=[t.id for t in found], password=password, pin=pin)
        where = f", member of {', '.join(t.name for t in found)}" if found else ""
        click.echo(f"Created {role} {person.display_name}" + (f" <{person.email}>" if person.email else "")
                   + where + ".")
    if role == "staff" and not pin:
        click.echo("No PIN yet: a manager can issue a set-up code in the app, or run this again with --pin.")


def _team(session, name: str):
    team = people.find_team_by_name(session=session, name=name)
    if team is None:
        known = ", ".join(t.name for t in list_teams(session=session)) or "none yet"
        raise click.ClickException(f"no team called {name!r} (teams: {known})")
    return team


@main.command("backup")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@friendly_errors
def backup_command(path: Path) -> None:
    """Write a backup of the whole database to a new file (SQLite: VACUUM INTO; PostgreSQL: pg_dump)."""
    written = backups.backup(_engine(), path)
    click.echo(f"Backup written to {written} ({written.stat().st_size / 1024:.0f} KB).")


@main.command("restore")
@click.argument("path", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--yes", is_flag=True, help="Replace a database that already holds data, without asking.")
@friendly_errors
def restore_command(path: Path, yes: bool) -> None:
    """Replace the database with a backup made by `gesture-ledger backup` (stop the app first)."""
    engine = _engine()
    if not path.is_file():
        raise click.ClickException(f"{path} is not a file")
    if not backups.is_blank(engine):
        _confirm_or_refuse("The database holds data. Replace all of it with the backup?",
                           "the database holds data: `gesture-ledger restore --yes PATH` replaces all of it "
                           "with the backup", yes)
    revision = backups.restore(engine, path)
    migrate.upgrade(engine)
    click.echo(f"Restored {path} (schema {revision}); the database is up to date.")


# Other areas register their commands on `main` in their own modules: one import line each, below
# (kept out of import sorting, which would merge them into one statement that parallel edits trip over).
# isort: off
from web import cli_reports  # noqa: E402, F401  (registers `gesture-ledger report`)
from web import cli_digest  # noqa: E402, F401  (registers `gesture-ledger digest`)
