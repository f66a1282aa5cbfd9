"""One line for every mistake: the CLI's counterpart of web/errors.py.

The group wraps every command in `one_line_errors`, which turns the ledger's errors, a refused import,
a missing setting, an unreachable database and a mistyped command line into click.ClickException: one
line on stderr and exit code 1, never a traceback.
"""

from collections.abc import Iterator
from contextlib import contextmanager

import click
from flask.cli import ScriptInfo
from sqlalchemy.exc import OperationalError

from ledger.errors import LedgerError, ValidationFailed
from seed_data import reasons
from seed_data.csvfiles import ImportFailed
from web.config import ConfigError


def _database_url() -> str:
    # Called after the command's app context has ended: the group's ScriptInfo holds the app it built.
    ctx = click.get_current_context(silent=True)
    info = ctx.find_object(ScriptInfo) if ctx is not None else None
    try:
        engine = info.load_app().extensions["engine"] if info is not None else None
    except (click.ClickException, KeyError):
        engine = None
    return engine.url.render_as_string(hide_password=True) if engine is not None else "(not configured)"


def _database(exc: OperationalError) -> str:
    url = _database_url()
    detail = str(exc.orig).strip().splitlines()[0] if exc.orig else "unknown error"
    return f"cannot use the database {url}: {detail}"


def _import_refused(exc: ImportFailed) -> str:
    if len(exc.problems) == 1:
        return f"import refused: {exc.problems[0]}; nothing was stored"
    for problem in exc.problems:  # every problem on its own line first, then the one-line verdict
        click.echo(str(problem), err=True)
    return f"import refused: {len(exc.problems)} problem(s) listed above; nothing was stored"


def _usage(exc: click.UsageError) -> str:
    where = exc.ctx.command_path if exc.ctx is not None else "gesture-ledger"
    return f"{exc.format_message()} (see `{where} --help`)"


def message_for(exc: Exception) -> str | None:
    """The one line for a mistake a person made, or None for anything else (a bug keeps its traceback)."""
    if isinstance(exc, ImportFailed):
        return _import_refused(exc)
    if isinstance(exc, ValidationFailed):
        return "; ".join(f"{reasons.column(e.field)}: {reasons.reason(e)}" for e in exc.errors)
    if isinstance(exc, LedgerError | ConfigError):
        return str(exc)
    if isinstance(exc, OperationalError):
        return _database(exc)
    if isinstance(exc, click.UsageError):
        return _usage(exc)
    return None


@contextmanager
def one_line_errors() -> Iterator[None]:
    """Turn user-caused errors raised inside into one clear line on stderr and exit code 1."""
    try:
        yield
    except (LedgerError, ImportFailed, ConfigError, OperationalError, click.UsageError) as exc:
        raise click.ClickException(message_for(exc) or str(exc)) from None
