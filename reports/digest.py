"""The weekly digest e-mail: each manager gets their teams' headline numbers and top prompts, with links.

No Flask here: a scheduler (cron) runs `gesture-ledger digest --send`, which passes the settings in.
Each manager's mail is in the language they last read their report in (Person.lang), else Dutch.
"""

import smtplib
import ssl
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from email.message import EmailMessage
from html import escape

from sqlmodel import Session, select

from ledger.i18n import LANGUAGES
from ledger.models import Membership, Person, Team
from ledger.types import utcnow
from ledger.vocab import Role
from ledger.weeks import IsoWeek, last_complete_week
from reports.export import follow_up_line, frame_line
from reports.i18n import Lang, lang_for
from reports.model import Prompt, WeeklyReport
from reports.settings import PROMPTS_SHOWN
from reports.weekly import build_weekly_report

TOP_PROMPTS = PROMPTS_SHOWN  # prompts per team in the mail, as on the page; the rest wait on the report page
DEFAULT_LANG = "nl"

@dataclass(frozen=True)
class Section:
    """One team in a manager's digest."""

    report: WeeklyReport
    url: str


@dataclass(frozen=True)
class Digest:
    """One manager's e-mail: address, language and both bodies."""

    person_id: int
    name: str
    email: str
    lang: str
    subject: str
    text: str
    html: str


@dataclass(frozen=True)
class SmtpSettings:
    """Where and how to send: host, port, optional login and STARTTLS, and the sender address."""

    host: str = "localhost"
    port: int = 25
    user: str = ""
    password: str = ""
    starttls: bool = False
    sender: str = "gesture-ledger@localhost"
    timeout: float = 30.0

    @classmethod
    def from_config(cls, config: Mapping) -> "SmtpSettings":
        """The settings from the app's configuration (SMTP_HOST, SMTP_PORT, SMTP_USER, SMTP_PASSWORD,
        SMTP_STARTTLS, MAIL_FROM): one reading for the digest command and the session summary mail."""
        return cls(host=config.get("SMTP_HOST", cls.host), port=int(config.get("SMTP_PORT", cls.port)),
                   user=config.get("SMTP_USER", ""), password=config.get("SMTP_PASSWORD", ""),
                   starttls=bool(config.get("SMTP_STARTTLS", False)),
                   sender=config.get("MAIL_FROM", cls.sender))


def anchor_for(prompt_key: str) -> str:
    """The id of a prompt's card on the report page (the digest links straight to it)."""
    slug = "".join(ch if ch.isalnum() else "-" for ch in prompt_key.lower()).strip("-")[:60] or "x"
    return f"p-{slug}"


def report_url(public_url: str, team_id: int, week: IsoWeek, prompt_key: str | None = None) -> str:
    """The absolute link to a team's report for a week (and to one prompt on it)."""
    url = f"{public_url.rstrip('/')}/reports/{team_id}?week={week}"
    return url + (f"#{anchor_for(prompt_key)}" if prompt_key else "")


def _managers(session: Session) -> list[Person]:
    stmt = (select(Person).where(Person.role == Role.MANAGER, Person.active, Person.email.is_not(None))
            .order_by(Person.display_name, Person.id))
    return list(session.exec(stmt))


def _teams_of(session: Session, person_id: int) -> list[Team]:
    stmt = (select(Team).join(Membership, Membership.team_id == Team.id)
            .where(Membership.person_id == person_id).order_by(Team.name))
    return list(session.exec(stmt))


def build_digests(*, session: Session, public_url: str, week: IsoWeek | None = None,
                  now: datetime | None = None, currency: str = "EUR", top: int = TOP_PROMPTS) -> list[Digest]:
    """One digest per active manager with an e-mail address and at least one team."""
    now = now or utcnow()
    cache: dict[tuple, WeeklyReport] = {}
    digests = []
    for person in _managers(session):
        lang = person.lang if person.lang in LANGUAGES else DEFAULT_LANG
        sections = []
        for team in _teams_of(session, person.id):
            team_week = week or last_complete_week(now, team.timezone)
            key = (team.id, team_week, lang)
            if key not in cache:
                cache[key] = build_weekly_report(session=session, team_id=team.id, week=team_week, now=now,
                                                 lang=lang, currency=currency)
            sections.append(Section(cache[key], report_url(public_url, team.id, team_week)))
        if sections:
            digests.append(compose(person, sections, lang=lang, public_url=public_url, top=top,
                                   currency=currency))
    return digests


def compose(person: Person, sections: list[Section], *, lang: str, public_url: str, top: int = TOP_PROMPTS,
            currency: str = "EUR") -> Digest:
    """The subject, plain text and HTML of one manager's digest."""
    words = lang_for(lang, currency)
    _ = words.gettext
    week = "/".join(str(w) for w in sorted({s.report.week.week for s in sections}))
    subject = _("Your week %(week)s in Gesture Ledger: %(teams)s", week=week,
                teams=", ".join(s.report.team_name for s in sections))
    hello = _("Hello %(name)s,", name=person.display_name)
    intro = _("Here is what your team did extra for customers in week %(week)s, and a few questions worth "
              "asking.", week=week)
    footer = _("You get this mail because you manage these teams in Gesture Ledger. Notes you add stay "
               "private to the team's managers.")
    text = [hello, "", intro, ""]
    html = [f"<p>{escape(hello)}</p>", f"<p>{escape(intro)}</p>"]
    for section in sections:
        _section(section, words, top, public_url, text, html)
    text += ["-- ", footer]
    html.append(f'<p style="color:#5b6770;font-size:13px">{escape(footer)}</p>')
    body = "".join(html)
    page = (f'<!doctype html><html lang="{lang}"><body style="font-family:system-ui,sans-serif;color:#1f2a33;'
            f'max-width:40rem">{body}</body></html>')
    return Digest(person.id, person.display_name, person.email, lang, subject, "\n".join(text) + "\n", page)


def _headline(report: WeeklyReport, words: Lang) -> str:
    tot = report.totals
    frame = ""
    if tot.allowance_cents:
        frame = words.gettext(" of %(frame)s frame", frame=words.money(tot.allowance_cents))
    line = words.gettext("%(gestures)s gestures · %(spent)s%(frame)s · reaction %(reaction)s (n=%(n)s) · "
                         "%(appreciated)s appreciated", gestures=tot.gestures, frame=frame,
                         spent=words.money(tot.spent_cents), reaction=words.num(tot.reaction.mean),
                         n=tot.reaction.n, appreciated=tot.appreciated)
    return line + (f" · {frame_line(report, words)}" if report.month is not None else "")


def _follow_ups(report: WeeklyReport, words: Lang, text: list, html: list) -> None:
    """The prompts of earlier weeks marked discussed: the digest asks what came of them."""
    if not report.discussed:
        return
    title = words.gettext("Following up")
    lines = [follow_up_line(r, words) for r in report.discussed]
    text += [title, *(f"  - {line}" for line in lines), ""]
    html.append(f"<p><strong>{escape(title)}</strong></p><ul>"
                + "".join(f"<li>{escape(line)}</li>" for line in lines) + "</ul>")


def _section(section: Section, words: Lang, top: int, public_url: str, text: list, html: list):
    report = section.report
    title = f"{report.team_name} · {report.week}"
    headline = _headline(report, words)
    text += [title, "=" * len(title), headline, ""]
    html += [f'<h2 style="font-size:18px;margin:24px 0 4px">{escape(title)}</h2>',
             f"<p><strong>{escape(headline)}</strong></p>"]
    _follow_ups(report, words, text, html)
    shown = report.shown_prompts[:top]
    for prompt in shown:
        link = report_url(public_url, report.team_id, report.week, prompt.key)
        _prompt(prompt, words, link, text, html)
    more = len(report.prompts) - len(shown)
    closing = None
    if not report.prompts:
        closing = words.gettext("No conversation prompts this week: too little to go on yet.")
    elif more > 0:
        closing = words.ngettext("One more on the report page.", "%(num)d more on the report page.", more)
    if closing:
        text += [closing, ""]
        html.append(f"<p>{escape(closing)}</p>")
    opener = words.gettext("Open the report")
    text += [f"{opener}: {section.url}", ""]
    html.append(f'<p><a href="{escape(section.url)}" style="color:#1d6b5f">{escape(opener)}</a></p>')


def _prompt(prompt: Prompt, words: Lang, link: str, text: list, html: list) -> None:
    kind, _ = prompt.title or words.label("prompt_kind", prompt.kind), words.gettext
    rows = [(_("Why"), prompt.why), (_("Ask"), prompt.question)]
    rows += [(_("Try"), prompt.suggestion)] if prompt.suggestion else []
    text += [f"* {kind}", *(f"  {k}: {v}" for k, v in rows), f"  {link}", ""]
    lines = "".join(f"<br><span style=\"color:#5b6770\">{escape(k)}:</span> {escape(v)}" for k, v in rows)
    html.append(f'<p style="border-left:4px solid #1d6b5f;padding-left:10px"><a href="{escape(link)}" '
                f'style="color:#1d6b5f;font-weight:bold">{escape(kind)}</a>{lines}</p>')


def to_message(digest: Digest, *, sender: str) -> EmailMessage:
    """The digest as a multipart e-mail: plain text first, HTML as the alternative."""
    msg = EmailMessage()
    msg["Subject"], msg["From"], msg["To"] = digest.subject, sender, digest.email
    msg.set_content(digest.text)
    msg.add_alternative(digest.html, subtype="html")
    msg["Content-Language"] = digest.lang  # after the body: set_content clears Content-* headers
    return msg


def send_digests(digests: list[Digest], settings: SmtpSettings) -> int:
    """Send every digest over one SMTP connection; returns how many were accepted."""
    if not digests:
        return 0
    with smtplib.SMTP(settings.host, settings.port, timeout=settings.timeout) as smtp:
        if settings.starttls:
            smtp.starttls(context=ssl.create_default_context())
        if settings.user:
            smtp.login(settings.user, settings.password)
        for digest in digests:
            smtp.send_message(to_message(digest, sender=settings.sender))
    return len(digests)
