"""`gesture-ledger digest`: the weekly digest e-mail to every manager, for a scheduler (cron).

Without --send the e-mails are printed (a dry run to read before switching the schedule on).
"""

import smtplib

import click
from flask import current_app

from ledger.db import session_scope
from ledger.weeks import IsoWeek
from reports.digest import SmtpSettings, build_digests, send_digests, to_message
from web.cli import main


def _smtp_settings(config) -> SmtpSettings:
    defaults = SmtpSettings()
    return SmtpSettings(host=config.get("SMTP_HOST", defaults.host),
                        port=int(config.get("SMTP_PORT", defaults.port)),
                        user=config.get("SMTP_USER", ""), password=config.get("SMTP_PASSWORD", ""),
                        starttls=bool(config.get("SMTP_STARTTLS", False)),
                        sender=config.get("MAIL_FROM", defaults.sender))


@main.command("digest")
@click.option("--week", help="ISO week like 2026-W45 (default: each team's last complete week).")
@click.option("--send", is_flag=True, help="Send through SMTP_HOST/SMTP_PORT; without it, print the e-mails.")
def digest_command(week: str | None, send: bool) -> None:
    """E-mail each manager their teams' headline numbers and top conversation prompts."""
    try:
        chosen = IsoWeek.parse(week) if week else None
    except ValueError:
        raise click.ClickException(f"not an ISO week: {week!r} (write it like 2026-W45)") from None
    config = current_app.config
    with session_scope(current_app.extensions["engine"]) as session:
        digests = build_digests(session=session, public_url=config.get("PUBLIC_URL", "http://127.0.0.1:5000"),
                                week=chosen,
                                currency=config.get("CURRENCY", "EUR"))
    settings = _smtp_settings(config)
    if not send:
        for digest in digests:
            click.echo(to_message(digest, sender=settings.sender).as_string())
        click.echo(f"{len(digests)} digest(s) not sent (dry run). Add --send to send them.")
        return
    try:
        sent = send_digests(digests, settings)
    except (smtplib.SMTPException, OSError) as exc:
        raise click.ClickException(f"could not send through {settings.host}:{settings.port}: {exc}") from None
    click.echo(f"Sent {sent} digest(s) through {settings.host}:{settings.port}.")
