"""API tokens from the command line: `gesture-ledger token create | list | revoke`.

The same service as the admin page (ledger/services/api_tokens.py): only an admin's name goes on a token,
the secret is printed once and stored only as its hash, a revoked token stops working at once.
"""

import click
from flask.cli import with_appcontext
from sqlmodel import Session, select

from ledger.db import session_scope
from ledger.models import Person, Team
from ledger.models.api_tokens import DEFAULT_RATE_PER_MINUTE, SCOPES
from ledger.permissions import Actor
from ledger.services import api_tokens, people
from ledger.vocab import Role
from web.cli.common import engine, require_current_schema


def _admin(session: Session, email: str | None) -> Actor:
    """The admin the command acts as: --admin, or the only active admin when there is just one."""
    if email:
        person = people.find_person_by_email(session=session, email=email)
        if person is None or person.role != Role.ADMIN or not person.active:
            raise click.ClickException(f"no active admin with the e-mail {email!r}")
        return Actor.of(person)
    admins = list(session.exec(select(Person).where(Person.role == Role.ADMIN, Person.active)))
    if len(admins) != 1:
        raise click.ClickException("name the admin who answers for this token: --admin EMAIL")
    return Actor.of(admins[0])


def _team_ids(session: Session, names: tuple[str, ...]) -> list[int]:
    ids = []
    for name in names:
        team = people.find_team_by_name(session=session, name=name)
        if team is None:
            known = ", ".join(session.exec(select(Team.name).order_by(Team.name))) or "none yet"
            raise click.ClickException(f"no team called {name!r} (teams: {known})")
        ids.append(team.id)
    return ids


@click.group("token")
def token_group() -> None:
    """API tokens for other systems (a till, a hotel system, a BI tool): create, list, revoke."""


@token_group.command("create")
@click.option("--name", required=True, help="What the token is for, e.g. \"Till front desk\".")
@click.option("--team", "teams", multiple=True, required=True, help="A team it may use; repeat for several.")
@click.option("--scope", type=click.Choice(SCOPES), default="read", show_default=True,
              help="read: read only; write: also log, correct, void and appreciate gestures.")
@click.option("--rate", type=int, default=DEFAULT_RATE_PER_MINUTE, show_default=True,
              help="Requests per minute before it gets 429.")
@click.option("--admin", "admin_email", help="The admin who answers for it (needed when there are several).")
@with_appcontext
def create_command(name: str, teams: tuple[str, ...], scope: str, rate: int, admin_email: str | None) -> None:
    """Create a token and print its secret, once."""
    require_current_schema(engine())
    with session_scope(engine()) as session:
        actor = _admin(session, admin_email)
        token, secret = api_tokens.create_token(session=session, actor=actor, name=name,
                                                team_ids=_team_ids(session, teams), scope=scope,
                                                rate_per_minute=rate)
        click.echo(f"Created API token {token.id} \"{token.name}\" ({scope}, {', '.join(teams)}).")
    click.echo(f"Secret (shown only now; keep it in the other system's settings):\n{secret}")


@token_group.command("list")
@with_appcontext
def list_command() -> None:
    """List every token (never their secrets), revoked ones too."""
    require_current_schema(engine())
    with session_scope(engine()) as session:
        names = dict(session.exec(select(Team.id, Team.name)).all())
        views = api_tokens.list_tokens(session=session)
        for view in views:
            t = view.token
            used = t.last_used_at.strftime("%Y-%m-%d %H:%M UTC") if t.last_used_at else "never used"
            state = f"revoked {t.revoked_at:%Y-%m-%d}" if t.revoked_at else "active"
            teams = ", ".join(names.get(i, str(i)) for i in view.team_ids)
            click.echo(f"{t.id}\t{t.name}\t{t.prefix}…\t{t.scope}\t{teams}\t{used}\t{state}")
        if not views:
            click.echo("No API tokens yet. Create one with `gesture-ledger token create`.")


@token_group.command("revoke")
@click.argument("token_id", type=click.IntRange(1, 2**63 - 1))
@click.option("--admin", "admin_email", help="The admin who revokes it (needed when there are several).")
@with_appcontext
def revoke_command(token_id: int, admin_email: str | None) -> None:
    """Revoke a token: it stops working at once."""
    require_current_schema(engine())
    with session_scope(engine()) as session:
        actor = _admin(session, admin_email)
        token = api_tokens.revoke_token(session=session, actor=actor, token_id=token_id)
        click.echo(f"Revoked API token {token.id} \"{token.name}\".")
