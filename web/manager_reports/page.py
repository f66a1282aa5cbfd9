"""Everything the report page shows, gathered in one place so the views stay thin.

The report, its prompts and charts come from reports/; this module only adds what a screen needs:
the evidence gestures with their appreciations, the manager's reviews, labels in the page's language.
"""

from datetime import timedelta

from flask_babel import get_locale
from flask_babel import lazy_gettext as _l

from ledger.i18n import formats
from ledger.models import Person, Team
from ledger.services.report_exports import record_report_export
from ledger.services.reviews import reviews_for_team
from ledger.types import utcnow
from ledger.weeks import IsoWeek, last_complete_week, week_of
from reports import export
from reports.charts import charts_for
from reports.evidence import evidence_for
from reports.i18n import Lang, lang_for
from reports.settings import SET_ASIDE_WEEKS
from reports.weekly import build_weekly_report
from web import labels
from web.db import get_session
from web.installation import currency

EVIDENCE_SHOWN = 10  # gestures listed under one prompt; all of them are in the downloads
EVIDENCE_SHOWN_MORE = 3  # under a prompt behind "more conversations": the page stays light and quick

PROMPT_KINDS, SETTINGS = labels.PROMPT_KINDS, labels.SETTINGS  # the one label per code (ledger/i18n)
STATUSES = {"discussed": _l("Discussed"), "set_aside": _l("Set aside")}


def chart_text(lang: str) -> Lang:
    """How charts speak on this request: the catalogue, the code labels and the money formatter of reports."""
    return lang_for(lang, currency())


def week_span(week: IsoWeek) -> str:
    """The week's days as people say them: "2 Nov – 8 Nov"."""
    monday = week.monday()
    lang = str(get_locale())
    return f"{formats.day(monday, lang, 'd MMM')} – {formats.day(monday + timedelta(days=6), lang, 'd MMM')}"


def page_context(*, team: Team, week: IsoWeek, person: Person, lang: str, teams: list[Team],
                 brought_back: tuple[str, ...] = ()) -> dict:
    """The data of a team's report page for a week, as the viewing manager or admin may see it.

    `brought_back`: prompt kinds set aside weeks running that the manager asked to see first again.
    """
    session = get_session()
    report = build_weekly_report(session=session, team_id=team.id, week=week, lang=lang, now=utcnow(),
                                 currency=currency(),
                                 brought_back=brought_back)
    ids = [gid for p in report.prompts
           for gid in p.evidence[:EVIDENCE_SHOWN if p.shown else EVIDENCE_SHOWN_MORE]]
    ids += [s.id for s in report.stories]
    evidence = evidence_for(session=session, team_id=team.id, origin_ids=ids,
                            person_level=report.person_level, viewer_id=person.id)
    reviews = reviews_for_team(session=session, actor=person, team_id=team.id,
                               keys=[p.key for p in report.prompts])
    this_week = week_of(utcnow(), team.timezone)
    return {
        "team": team, "report": report, "week": week, "teams": teams, "week_span": week_span(week),
        "prev_week": week.shift(-1), "next_week": week.shift(1) if week.shift(1) <= this_week else None,
        "latest_week": last_complete_week(utcnow(), team.timezone),
        "prompts": report.shown_prompts, "more_prompts": report.more_prompts,
        "held_back": [k for k in report.set_aside_kinds if k not in report.brought_back],
        "set_aside_weeks": SET_ASIDE_WEEKS,
        "follow_ups": [(r, export.follow_up_line(r, lang_for(lang, currency()))) for r in report.discussed],
        "frame_line": export.frame_line(report, chart_text(lang)) if report.month else None,
        "evidence": evidence, "reviews": reviews, "charts": charts_for(report, chart_text(lang)),
        "evidence_shown": EVIDENCE_SHOWN, "evidence_shown_more": EVIDENCE_SHOWN_MORE,
        "words": lang_for(lang, currency()), "prompt_kinds": PROMPT_KINDS,
        "settings": SETTINGS, "statuses": STATUSES,
    }


def export_report(*, team: Team, week: IsoWeek, fmt: str, person: Person, lang: str) -> tuple[str, str]:
    """The report as a JSON or CSV download (body, mimetype); the download is audited."""
    session = get_session()
    report = build_weekly_report(session=session, team_id=team.id, week=week, lang=lang, now=utcnow(),
                                 currency=currency())
    body = export.to_json(report) if fmt == "json" else export.to_csv(report, lang=lang)
    record_report_export(session=session, actor_id=person.id, team_id=team.id, week=str(week), fmt=fmt)
    return body, "application/json" if fmt == "json" else "text/csv"
