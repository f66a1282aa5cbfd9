"""The audit log: filters (who, what, which team, from–to), pages, and a CSV export whose cells a
spreadsheet never runs as formulas. Admins read everything, managers their own teams' events. The
export needs a fresh sign-in (web.recent_auth.recent_auth_redirect), asked after the 404 for another team."""

import csv
import io
from datetime import date

from flask import Response, abort, render_template, request
from flask_babel import gettext as _

from ledger.errors import NotAllowed
from ledger.permissions import visible_teams
from ledger.services import admin_people, audit_log
from web.admin.blueprint import actor, bp, managers_area
from web.db import get_session
from web.recent_auth import recent_auth_redirect


def _int(name: str) -> int | None:
    raw = (request.args.get(name) or "").strip()
    return int(raw) if raw.isdigit() and len(raw) < 10 else None


def _date(name: str, problems: dict) -> date | None:
    raw = (request.args.get(name) or "").strip()
    if not raw:
        return None
    try:
        return date.fromisoformat(raw[:10])
    except ValueError:
        problems[name] = _("Please give a date like 2026-11-23.")
        return None


def _filter() -> tuple[audit_log.AuditFilter, dict]:
    problems: dict[str, str] = {}
    what = (request.args.get("what") or "").strip()[:40]
    flt = audit_log.AuditFilter(actor_id=_int("who"), action=what, team_id=_int("team"),
                                start=_date("start", problems), end=_date("end", problems))
    return flt, problems


def _search(fn, **kw):
    try:
        return fn(session=get_session(), actor=actor(), **kw)
    except NotAllowed:
        abort(404)  # another team's events are not visible


@bp.get("/audit")
@managers_area
def audit():
    flt, problems = _filter()
    page = _search(audit_log.search, flt=flt, page=_int("page") or 1)
    people = admin_people.people_for(session=get_session(), actor=actor())
    return render_template("admin/audit.html", page=page, flt=flt, problems=problems, people=people,
                           teams=visible_teams(session=get_session(), actor=actor()),
                           actions=audit_log.actions(session=get_session()), args=request.args), \
        422 if problems else 200


@bp.get("/audit.csv")
@managers_area
def audit_csv():
    flt, problems = _filter()
    if problems:
        abort(400)
    rows = _search(lambda **kw: list(audit_log.csv_rows(**kw)), flt=flt)  # another team's: 404 first
    again = recent_auth_redirect()  # back to this same download (filters kept) after confirming
    if again is not None:
        return again
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    return Response(buffer.getvalue(), mimetype="text/csv",
                    headers={"Content-Disposition": 'attachment; filename="audit-log.csv"'})
