"""The `gesture-ledger` command: Flask's CLI group with the app's own commands added.

The commands live by family — setting up (users.py), data in and out (data.py), reading the week
(weekly.py) — as plain click commands that this module adds to the group, so none of them imports the
group back. Every mistake ends with one line on stderr and exit code 1, never a traceback: the group
runs each command inside `one_line_errors` (errors.py). `--help` needs no settings at all.
"""

import click
from flask.cli import FlaskGroup, ScriptInfo

from web.cli import data, privacy, tokens, users, verify, weekly
from web.cli.errors import one_line_errors


def _create_app():
    from web import create_app
    from web.config import ConfigError

    try:
        return create_app()
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from None


class LedgerGroup(FlaskGroup):
    """FlaskGroup whose commands end a mistake in one line, and whose help works before any setting."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        # Flask loads the app to list the app's own commands and prints a traceback when that fails
        # (no SECRET_KEY yet, say). Ours are all on the group, so help lists them without the app.
        try:
            ctx.ensure_object(ScriptInfo).load_app()
        except click.ClickException:
            return sorted(click.Group.list_commands(self, ctx))
        return super().list_commands(ctx)

    def make_context(self, info_name, args, parent=None, **extra) -> click.Context:
        with one_line_errors():  # a mistyped option of the group itself
            return super().make_context(info_name, args, parent=parent, **extra)

    def invoke(self, ctx: click.Context):
        with one_line_errors():
            return super().invoke(ctx)


@click.group(cls=LedgerGroup, create_app=_create_app, add_default_commands=True)
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


for _command in (users.init_command, users.create_user_command, data.import_command, data.demo_command,
                 data.backup_command, data.restore_command, weekly.report_command, weekly.digest_command,
                 verify.verify_command, privacy.person_group, privacy.retention_group, tokens.token_group):
    main.add_command(_command)
