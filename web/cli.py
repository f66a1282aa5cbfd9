"""The `gesture-ledger` command: Flask's CLI group with the app's own commands added.

User mistakes end with one clear line on stderr and a non-zero exit, never a traceback.
"""

import click
from flask import current_app
from flask.cli import FlaskGroup

from ledger import migrate


def _create_app():
    from web import create_app
    from web.config import ConfigError

    try:
        return create_app()
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from None


@click.group(cls=FlaskGroup, create_app=_create_app, add_default_commands=True,
             help="Gesture Ledger: log the extra things staff do for customers and learn what moves them.\n\n"
                  "Start with `gesture-ledger init` (create or update the database), then "
                  "`gesture-ledger demo` for a demo installation, and `gesture-ledger run` to serve it.")
def main() -> None:
    """Entry point of the console script."""


@main.command("init")
def init_command() -> None:
    """Create the database or migrate it to the newest schema."""
    migrate.upgrade(current_app.extensions["engine"])
    click.echo("Database is up to date.")

from web import cli_reports  # noqa: E402, F401  (registers `gesture-ledger report`)
