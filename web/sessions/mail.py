"""The closing summary of a learning session, e-mailed to the team's managers.

It takes the digest's mail path (reports/digest.py): one message per manager, in the language they last
read the app in, plain text first and HTML as the alternative, all sent over one SMTP connection.
"""

import smtplib

from flask import render_template
from flask_babel import force_locale
from flask_babel import gettext as _

from ledger.services.session_summary import Summary, managers_to_tell
from reports.digest import DEFAULT_LANG, Digest, SmtpSettings, send_digests
from web.db import get_session

LANGS = ("nl", "en")


class MailError(Exception):
    """The SMTP server could not be reached or refused the mail."""


def compose(summary: Summary, person, *, public_url: str) -> Digest:
    """One manager's e-mail about the session, in their language."""
    lang = person.lang if person.lang in LANGS else DEFAULT_LANG
    link = f"{public_url.rstrip('/')}/sessions/{summary.row.id}/summary"
    with force_locale(lang):
        subject = _("Learning session %(title)s (%(day)s): what we learned and agreed",
                    title=summary.row.title or summary.team.name, day=summary.row.held_on.isoformat())
        context = dict(summary=summary, person=person, link=link, lang=lang)
        text = render_template("sessions/mail.txt", **context)
        html = render_template("sessions/mail.html", **context)
    return Digest(person.id, person.display_name, person.email, lang, subject, text, html)


def send_summary(summary: Summary, *, config) -> int:
    """Send the summary to every active manager of the team with an address; returns how many."""
    recipients = managers_to_tell(session=get_session(), team_id=summary.team.id)
    public_url = config.get("PUBLIC_URL", "http://127.0.0.1:5000")
    messages = [compose(summary, person, public_url=public_url) for person in recipients]
    try:
        return send_digests(messages, SmtpSettings.from_config(config))
    except (smtplib.SMTPException, OSError) as exc:
        raise MailError(str(exc)) from exc
