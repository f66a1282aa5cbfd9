"""The start page (a useful next step for whoever opens the app), the language switch, team choice."""

from flask import Blueprint, abort, current_app, redirect, render_template, request, url_for

from web.converters import bounded_id
from web.cookies import remember_language
from web.forms import ActionForm
from web.main.forms import LanguageForm
from web.redirects import local_referrer, safe_next
from web.security import (
    MANAGER_ROLES,
    choose_team,
    current_tablet,
    effective_role,
    signed_in_person,
    signed_in_with_pin,
    visible_teams,
)
from web.service_worker import NoCacheResponse, serve_worker

bp = Blueprint("main", __name__)


@bp.get("/")
def index():
    person = signed_in_person()
    if person is not None and signed_in_with_pin() and "gestures.new" in current_app.view_functions:
        return redirect(url_for("gestures.new"))
    if person is None and current_tablet() is not None:
        return redirect(url_for("tablet.tiles"))
    # Before sign-in (or a registered tablet) the page tells nothing about the organisation (issue 12).
    teams = visible_teams(person) if person is not None else []
    return render_template("index.html", person=person, teams=teams,
                           is_manager=effective_role() in MANAGER_ROLES, form=ActionForm())


@bp.post("/language")
def set_language():
    form = LanguageForm()
    if not form.validate_on_submit():
        abort(400)
    response = redirect(safe_next(form.next.data) or local_referrer() or url_for("main.index"))
    remember_language(response, form.lang.data)
    return response


@bp.post("/team")
def choose():
    if "team" in request.form and bounded_id(request.form["team"]) is None:
        abort(400)  # not a row id (20 digits, "٣", "1e3"): never sent to the database
    team_id = bounded_id(request.form.get("team"))
    if team_id is None or signed_in_person() is None:
        abort(404)
    choose_team(team_id)
    return redirect(safe_next(request.form.get("next")) or url_for("main.index"))


@bp.get("/sw.js")
def service_worker():
    # At the root, so the worker may look after every page of the tablet.
    return serve_worker()


@bp.get("/offline")
def offline():
    # Kept by the service worker and shown when a page cannot load; holds nothing personal.
    return NoCacheResponse(render_template("offline.html"), mimetype="text/html")
