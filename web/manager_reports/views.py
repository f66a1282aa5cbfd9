"""What managers see: a team's weekly report (prompts first, then charts), reviews, downloads, print,
and the organisation overview for admins.

Only managers of the team and admins get here; a team id they may not see answers 404, as if it
did not exist. Staff never reach these pages, so prompts naming people and private notes stay with
the managers.
"""

import gzip
import uuid
from datetime import datetime
from zoneinfo import ZoneInfo

from babel.dates import format_datetime
from flask import Blueprint, abort, current_app, flash, g, redirect, render_template, request, url_for
from flask_babel import get_locale
from flask_babel import gettext as _

from ledger.errors import Conflict, NotAllowed, NotFound, ValidationFailed
from ledger.models import Team
from ledger.services import reviews as review_service
from ledger.services.appreciations import appreciate
from ledger.services.preferences import remember_language
from ledger.types import utcnow
from ledger.vocab import Role
from ledger.weeks import IsoWeek, last_complete_week
from reports.charts import overview_chart
from reports.digest import anchor_for
from reports.i18n import lang_for
from reports.overview import org_overview
from reports.prompts import KINDS
from web import labels
from web.converters import bounded_id
from web.db import get_session
from web.headers import relax_csp
from web.labels import field_message
from web.manager_reports import assets as reports_assets
from web.manager_reports.page import chart_text, export_report, page_context
from web.recent_auth import recent_auth_redirect
from web.security import can_see_team, current_person, role_required, visible_teams

bp = Blueprint("reports", __name__, url_prefix="/reports")
bp.add_url_rule("/assets/<path:name>", "asset", reports_assets.serve)
MANAGERS = (Role.MANAGER, Role.ADMIN)
COMPRESS_MIN_BYTES = 2048


@bp.after_request
def _compress(response):
    """Report pages repeat the same markup per story: gzip makes them about a tenth of the size.

    Compression beside a CSRF token invites BREACH only when a cross-site page can make the browser send
    the session cookie with many guessed requests; the session cookie is SameSite=Lax, so it cannot.
    """
    if (response.mimetype != "text/html" or response.direct_passthrough
            or "Content-Encoding" in response.headers
            or "gzip" not in request.headers.get("Accept-Encoding", "")):
        return response
    body = response.get_data()
    if len(body) >= COMPRESS_MIN_BYTES:
        response.set_data(gzip.compress(body, compresslevel=6))
        response.headers["Content-Encoding"] = "gzip"
        response.vary.add("Accept-Encoding")
    return response


@bp.app_template_filter("format_date_local")
def format_date_local(moment: datetime, tz: str) -> str:
    """A stored UTC moment as a short local date and time in the team's zone ("di 3 nov. 14:05")."""
    return format_datetime(moment, "EEE d MMM HH:mm", tzinfo=ZoneInfo(tz), locale=_lang())


@bp.context_processor
def _template_helpers():
    return {"report_asset": reports_assets.asset_url, "inline_css": reports_assets.inline_css,
            "PLOTLY": reports_assets.PLOTLY,
            "prompt_anchor": anchor_for, "L": labels}


def _lang() -> str:
    lang = str(get_locale() or "nl")[:2]
    return lang if lang in ("nl", "en") else "nl"


def _team(team_id: int) -> Team:
    team = get_session().get(Team, team_id)
    if team is None or not can_see_team(current_person(), team_id):
        abort(404)
    return team


def _week(team: Team, raw: str | None) -> tuple[IsoWeek, str | None]:
    """The asked week, or the last complete one with a message when the text is not a week."""
    default = last_complete_week(utcnow(), team.timezone)
    if not raw:
        return default, None
    try:
        return IsoWeek.parse(raw), None
    except ValueError:
        return default, _("That is not a week. Pick one like 2026-W45; showing the last complete week.")


def _allow_chart_styles() -> None:
    # plotly.js adds an (empty) <style> element and sets style attributes on its SVG, which a strict
    # style-src blocks. Scripts stay 'self'-only; inline styles are allowed on chart pages alone.
    relax_csp(style_src="'self' 'unsafe-inline'")


def _render(team: Team, week: IsoWeek, *, status: int = 200, notice: str | None = None,
            problems: dict | None = None, printing: bool = False):
    if not printing:
        _allow_chart_styles()
    # The weekly digest e-mail is written in the language the manager last read their report in.
    remember_language(session=get_session(), person_id=current_person().id, lang=_lang())
    g.request_team = team  # the page header names the team whose report this is, not the first one
    context = page_context(team=team, week=week, person=current_person(), lang=_lang(),
                           teams=visible_teams(current_person()),
                           brought_back=tuple(request.args.getlist("bring_back")[:len(KINDS)]))
    return render_template("reports/report.html", notice=notice, problems=problems or {}, printing=printing,
                           **context), status


@bp.get("/")
@role_required(*MANAGERS)
def index():
    teams = visible_teams(current_person())
    if teams:
        return redirect(url_for("reports.team_report", team_id=teams[0].id))
    if current_person().role == Role.ADMIN:
        return redirect(url_for("reports.overview"))
    return render_template("reports/no_team.html")


@bp.get("/<int:team_id>")
@role_required(*MANAGERS)
def team_report(team_id: int):
    team = _team(team_id)
    picked = bounded_id(request.args.get("team"))  # the team picker; "٣" or 20 digits is no team
    if picked is not None and picked != team_id:
        return redirect(url_for("reports.team_report", team_id=picked, week=request.args.get("week")))
    week, notice = _week(team, request.args.get("week"))
    return _render(team, week, notice=notice, status=400 if notice else 200)


@bp.get("/<int:team_id>/print")
@role_required(*MANAGERS)
def print_report(team_id: int):
    team = _team(team_id)
    week, notice = _week(team, request.args.get("week"))
    return _render(team, week, notice=notice, printing=True, status=400 if notice else 200)


def _back(team: Team, week: str, anchor: str | None = None):
    try:
        week = str(IsoWeek.parse(week))
    except ValueError:
        week = None
    return redirect(url_for("reports.team_report", team_id=team.id, week=week, _anchor=anchor))


@bp.post("/<int:team_id>/reviews")
@role_required(*MANAGERS)
def review(team_id: int):
    team, form = _team(team_id), request.form
    key = form.get("prompt_key", "")
    try:
        review_service.review_prompt(session=get_session(), actor=current_person(), team_id=team.id,
                                     prompt_key=key, week=form.get("week", ""), status=form.get("status", ""),
                                     note=form.get("note", ""))
    except ValidationFailed as exc:
        week, _notice = _week(team, form.get("week"))
        problems = {key: {"errors": [field_message(e) for e in exc.errors], "note": form.get("note", "")}}
        return _render(team, week, status=400, problems=problems)
    flash(_("Saved. Only you and the other managers of this team see the note."), "success")
    return _back(team, form.get("week", ""), anchor=anchor_for(key))


@bp.post("/<int:team_id>/reviews/helped")
@role_required(*MANAGERS)
def helped(team_id: int):
    team, form = _team(team_id), request.form
    answer = {"yes": True, "no": False}.get(form.get("helped", ""))
    key = form.get("prompt_key", "")
    try:
        review_service.record_helped(session=get_session(), actor=current_person(), team_id=team.id,
                                     prompt_key=key, helped=answer)
    except NotFound:
        flash(_("Mark the prompt as discussed first."), "info")
    return _back(team, form.get("week", ""), anchor=anchor_for(key))


@bp.post("/<int:team_id>/appreciate")
@role_required(*MANAGERS)
def appreciate_gesture(team_id: int):
    team, form = _team(team_id), request.form
    try:
        gesture_id = uuid.UUID(form.get("gesture_id", ""))
    except ValueError:
        abort(404)
    try:
        appreciate(session=get_session(), gesture_id=gesture_id, by_id=current_person().id,
                   note=form.get("note", ""))
    except ValidationFailed as exc:
        flash(" ".join(field_message(e) for e in exc.errors), "info")
    except (NotAllowed, Conflict, NotFound):
        flash(_("This gesture cannot be appreciated from here (your own, or withdrawn)."), "info")
    else:
        flash(_("Your appreciation was passed on."), "success")
    anchor = form.get("back", "")
    return _back(team, form.get("week", ""), anchor=anchor if anchor.replace("-", "").isalnum() else None)


@bp.get("/<int:team_id>/export.<any(json, csv):fmt>")
@role_required(*MANAGERS)
def download(team_id: int, fmt: str):
    team = _team(team_id)
    week, notice = _week(team, request.args.get("week"))
    if notice:
        abort(400, notice)
    again = recent_auth_redirect()  # a fresh sign-in (after the 404/400), then back to this download
    if again is not None:
        return again
    body, mimetype = export_report(team=team, week=week, fmt=fmt, person=current_person(), lang=_lang())
    filename = f"report-{_slug(team.name)}-{week}.{fmt}"
    return current_app.response_class(body, mimetype=mimetype, headers={
        "Content-Disposition": f'attachment; filename="{filename}"'})


@bp.get("/overview")
@role_required(Role.ADMIN)
def overview():
    view = org_overview(session=get_session(), now=utcnow())
    _allow_chart_styles()
    return render_template("reports/overview.html", overview=view, printing=False, words=lang_for(_lang()),
                           chart=overview_chart(view, chart_text(_lang())))


def _slug(text: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in text.lower()).strip("-")[:60] or "x"
