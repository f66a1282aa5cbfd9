"""Setting up: `gesture-ledger init` (the schema) and `gesture-ledger create-user` (the first admin, …)."""

from datetime import datetime

import click
from flask.cli import with_appcontext

from ledger import migrate
from ledger.db import session_scope
from ledger.services import people
from ledger.services.teams import list_teams
from ledger.vocab import Role
from web.cli.common import engine, is_tty, require_current_schema


@click.command("init")
@with_appcontext
def init_command() -> None:
    """Create the database or migrate it to the newest schema."""
    migrate.upgrade(engine())
    click.echo("Database is up to date.")


@click.command("create-user")
@click.argument("name")
@click.option("--role", type=click.Choice([role.value for role in Role]), default=Role.STAFF.value,
              show_default=True,
              help="Staff log gestures on a team tablet with a PIN; managers and admins sign in with "
                   "e-mail and password.")
@click.option("--email", help="Sign-in address (required for managers and admins).")
@click.option("--team", "teams", multiple=True, help="A team the person belongs to; repeat for several.")
@click.option("--password", help="For managers and admins (at least 10 characters). Leave it out to be "
                                 "asked for it, hidden, in a terminal.")
@click.option("--pin", help="4 to 6 digits, for staff signing in on a tablet.")
@click.option("--since", type=click.DateTime(formats=["%Y-%m-%d"]),
              help="The date (YYYY-MM-DD) the person joined the teams given; the report treats a "
                   "colleague as new for their first weeks.")
@with_appcontext
def create_user_command(name: str, role: str, email: str | None, teams: tuple[str, ...],
                        password: str | None, pin: str | None, since: datetime | None) -> None:
    """Create a person, e.g. the first admin:

    \b
      gesture-ledger create-user "Ilse de Wit" --role admin --email ilse@example.org
    """
    password = _checked_sign_in(role, email, teams, password)
    if since is not None and not teams:
        raise click.ClickException("--since is the date the person joined a team: give --team too")
    require_current_schema(engine())
    with session_scope(engine()) as session:
        found = [_team(session, team) for team in teams]
        person = people.create_person(session=session, display_name=name, role=role, email=email,
                                      team_ids=[t.id for t in found], password=password, pin=pin,
                                      since=since.date() if since else None)
        where = f", member of {', '.join(t.name for t in found)}" if found else ""
        where += f" since {since.date().isoformat()}" if found and since else ""
        click.echo(f"Created {role} {person.display_name}" + (f" <{person.email}>" if person.email else "")
                   + where + ".")
    if role == Role.STAFF and not pin:
        click.echo("No PIN yet: a manager can issue a set-up code in the app, or run this again with --pin.")


def _checked_sign_in(role: str, email: str | None, teams: tuple[str, ...],
                     password: str | None) -> str | None:
    """Refuse a person who could not sign in; ask a manager's or admin's password on a terminal."""
    article = "an" if role == Role.ADMIN else "a"
    if role != Role.STAFF and not email:
        raise click.ClickException(f"{article} {role} signs in with e-mail: give --email")
    if role == Role.STAFF and not teams:
        raise click.ClickException("staff log gestures on a team's tablet: give --team")
    if role != Role.STAFF and not password:
        if not is_tty():
            raise click.ClickException(f"{article} {role} needs a password: give --password, or run this "
                                       "in a terminal to be asked for it")
        password = click.prompt("Password", hide_input=True, confirmation_prompt=True)
    return password


def _team(session, name: str):
    team = people.find_team_by_name(session=session, name=name)
    if team is None:
        known = ", ".join(t.name for t in list_teams(session=session)) or "none yet"
        raise click.ClickException(f"no team called {name!r} (teams: {known})")
    return team
