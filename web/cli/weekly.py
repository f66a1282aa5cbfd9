"""Reading the week: `gesture-ledger report` (a team's report on the terminal as text, JSON or CSV) and
`gesture-ledger digest` (the weekly e-mail to every manager, for a scheduler such as cron).

Without --send the digest e-mails are printed as people read them (headers and the plain-text part, no
quoted-printable), and --html FILE writes the HTML part for a browser: a dry run before the schedule is on.
"""

import smtplib
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext
from sqlalchemy import func
from sqlmodel import select

from ledger.db import session_scope
from ledger.models import Team
from ledger.services.settings import DIGEST_DAYS, get_settings
from ledger.types import utcnow
from ledger.weeks import IsoWeek, last_complete_week
from reports.digest import SmtpSettings, build_digests, send_digests
from reports.export import to_csv, to_json, to_text
from reports.weekly import build_weekly_report
from web.cli.common import engine, require_current_schema
from web.cli.verify import broken_message, check_ledger, head_lines, summary

RENDERERS = {"text": to_text, "json": to_json, "csv": to_csv}


def _find_team(session, name: str) -> Team:
    team = session.exec(select(Team).where(Team.name == name)).first()
    team = team or session.exec(select(Team).where(func.lower(Team.name) == name.strip().lower())).first()
    if team is None:
        known = ", ".join(session.exec(select(Team.name).order_by(Team.name))) or "none yet"
        raise click.ClickException(f"unknown team {name!r} (teams: {known})")
    return team


def _parse_week(text: str | None, example: str) -> IsoWeek | None:
    """The ISO week typed, None when nothing was typed; one line when it is not a week."""
    if not text:
        return None
    try:
        return IsoWeek.parse(text)
    except ValueError:
        raise click.ClickException(f"not an ISO week: {text!r} (write it like {example})") from None


@click.command("report")
@click.option("--team", "team_name", required=True, help="The team's name, as shown in the app.")
@click.option("--week", help="ISO week like 2026-W07 (default: the last complete week in the team's "
                             "time zone).")
@click.option("--format", "fmt", type=click.Choice(sorted(RENDERERS)), default="text", show_default=True,
              help="text for reading, json or csv for other tools.")
@click.option("--lang", type=click.Choice(["nl", "en"]), default="en", show_default=True,
              help="Language of the questions and labels.")
@with_appcontext
def report_command(team_name: str, week: str | None, fmt: str, lang: str) -> None:
    """Print a team's weekly report with its conversation prompts."""
    require_current_schema(engine())
    with session_scope(engine()) as session:
        team = _find_team(session, team_name)
        iso_week = _parse_week(week, "2026-W07") or last_complete_week(utcnow(), team.timezone)
        report = build_weekly_report(session=session, team_id=team.id, week=iso_week, lang=lang,
                                     currency=get_settings(session=session).currency)
    click.echo(RENDERERS[fmt](report), nl=False)


def _digest_day() -> bool:
    """True on the settings' digest day (the UTC date); otherwise say so (one line) and False."""
    with session_scope(engine()) as session:
        day = get_settings(session=session).digest_day
    today = DIGEST_DAYS[utcnow().weekday()]
    if today != day:
        click.echo(f"Today is {today.capitalize()}; the digest goes out on {day.capitalize()} (settings). "
                   "Nothing sent; --any-day sends anyway.")
    return today == day


def _print_dry_run(digests, sender: str, html: Path | None) -> None:
    """Each e-mail as a person reads it; the HTML parts into `html` (numbered when there are several)."""
    for digest in digests:
        click.echo(f"From: {sender}\nTo: {digest.email}\nSubject: {digest.subject}\n"
                   f"Content-Language: {digest.lang}\n\n{digest.text}")
    if html is not None:
        for i, digest in enumerate(digests, 1):
            path = html if len(digests) == 1 else html.with_name(f"{html.stem}-{i}{html.suffix}")
            path.write_text(digest.html, encoding="utf-8")
            click.echo(f"HTML part for {digest.email} written to {path}")


@click.command("digest")
@click.option("--week", help="ISO week like 2026-W45 (default: each team's last complete week).")
@click.option("--send", is_flag=True, help="Send through SMTP_HOST/SMTP_PORT; without it, print the e-mails.")
@click.option("--html", "html", type=click.Path(dir_okay=False, writable=True, path_type=Path),
              help="Without --send: also write the HTML part here (several managers: FILE-1, FILE-2...).")
@click.option("--any-day", is_flag=True, help="Send today even if it is not the digest day of the settings.")
@with_appcontext
def digest_command(week: str | None, send: bool, html: Path | None, any_day: bool) -> None:
    """E-mail each manager their teams' headline numbers and top conversation prompts.

    Run it every day (cron): with --send it sends on the digest day chosen in the settings only.
    """
    chosen = _parse_week(week, "2026-W45")
    if send and not any_day and not _digest_day():
        return
    config = current_app.config
    verdict = check_ledger()  # the weekly job also checks the ledger: a broken link fails it (exit 1)
    click.echo(summary(verdict) if verdict.intact else broken_message(verdict), err=not verdict.intact)
    if verdict.intact and verdict.heads:  # the output (cron mails it) keeps the heads outside the database
        click.echo(head_lines(verdict))
    with session_scope(engine()) as session:
        digests = build_digests(session=session, public_url=config.get("PUBLIC_URL", "http://127.0.0.1:5000"),
                                week=chosen, currency=get_settings(session=session).currency)
    settings = SmtpSettings.from_config(config)
    if not send:
        _print_dry_run(digests, settings.sender, html)
        click.echo(f"{len(digests)} digest(s) not sent (dry run). Add --send to send them.")
        _fail_when_broken(verdict)
        return
    try:
        sent = send_digests(digests, settings)
    except (smtplib.SMTPException, OSError) as exc:
        raise click.ClickException(f"could not send through {settings.host}:{settings.port}: {exc}") from None
    click.echo(f"Sent {sent} digest(s) through {settings.host}:{settings.port}.")
    _fail_when_broken(verdict)


def _fail_when_broken(verdict) -> None:
    if not verdict.intact:
        raise click.ClickException("the digests went out, but the ledger check failed (see above)")
