"""`gesture-ledger report`: a team's weekly report and prompts on the terminal, as text, JSON or CSV."""

import click
from flask import current_app
from sqlalchemy import func
from sqlmodel import select

from ledger.db import session_scope
from ledger.models import Team
from ledger.types import utcnow
from ledger.weeks import IsoWeek, last_complete_week
from reports.export import to_csv, to_json, to_text
from reports.weekly import build_weekly_report
from web.cli import main

RENDERERS = {"text": to_text, "json": to_json, "csv": to_csv}


def _find_team(session, name: str) -> Team:
    team = session.exec(select(Team).where(Team.name == name)).first()
    team = team or session.exec(select(Team).where(func.lower(Team.name) == name.strip().lower())).first()
    if team is None:
        known = ", ".join(session.exec(select(Team.name).order_by(Team.name))) or "none yet"
        raise click.ClickException(f"unknown team {name!r} (teams: {known})")
    return team


def _parse_week(text: str | None, team: Team) -> IsoWeek:
    if not text:
        return last_complete_week(utcnow(), team.timezone)
    try:
        return IsoWeek.parse(text)
    except ValueError:
        raise click.ClickException(f"not an ISO week: {text!r} (write it like 2026-W07)") from None


@main.command("report")
@click.option("--team", "team_name", required=True, help="The team's name, as shown in the app.")
@click.option("--week", help="ISO week like 2026-W07 (default: the last complete week in the team's "
                             "time zone).")
@click.option("--format", "fmt", type=click.Choice(sorted(RENDERERS)), default="text", show_default=True,
              help="text for reading, json or csv for other tools.")
@click.option("--lang", type=click.Choice(["nl", "en"]), default="en", show_default=True,
              help="Language of the questions and labels.")
def report_command(team_name: str, week: str | None, fmt: str, lang: str) -> None:
    """Print a team's weekly report with its conversation prompts."""
    with session_scope(current_app.extensions["engine"]) as session:
        team = _find_team(session, team_name)
        iso_week = _parse_week(week, team)
        report = build_weekly_report(session=session, team_id=team.id, week=iso_week, lang=lang,
                                     currency=current_app.config.get("CURRENCY", "EUR"))
    click.echo(RENDERERS[fmt](report), nl=False)
