"""Admin home and teams: create, rename, time zone, why, works-council mode, minimum group size, archive."""

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from ledger.errors import ValidationFailed
from ledger.permissions import may_administer, visible_teams
from ledger.services import admin_teams
from ledger.services.people import team_members
from web.admin.blueprint import actor, bp, managers_area, require_admin, show_errors
from web.admin.forms import NewTeamForm, TeamForm
from web.db import get_session
from web.forms import ActionForm

TEAM_FIELDS = {"works_council": "works_council", "person_comparisons": "works_council"}


@bp.get("/")
@managers_area
def home():
    who = actor()
    teams = visible_teams(session=get_session(), actor=who)
    return render_template("admin/home.html", teams=teams, is_admin=may_administer(actor=who))


@bp.get("/teams")
@managers_area
def teams():
    require_admin()
    return _teams_page(NewTeamForm())


def _teams_page(form, status: int = 200):
    rows = [(team, len(team_members(session=get_session(), team_id=team.id)))
            for team in admin_teams.list_teams(session=get_session())]
    return render_template("admin/teams.html", rows=rows, form=form), status


@bp.post("/teams")
@managers_area
def create_team():
    who = require_admin()
    form = NewTeamForm()
    if not form.validate_on_submit():
        return _teams_page(form, 422)
    try:
        team = admin_teams.create_team(session=get_session(), actor=who, name=form.name.data,
                                       timezone=form.timezone.data.strip(), why=form.why.data or "")
    except ValidationFailed as exc:
        show_errors(form, exc)
        return _teams_page(form, 422)
    flash(_("Team “%(name)s” is created. Add its people and its frame next.", name=team.name), "success")
    return redirect(url_for("admin.team", team_id=team.id))


@bp.route("/teams/<id:team_id>", methods=["GET", "POST"])
@managers_area
def team(team_id: int):
    who = require_admin()
    current = admin_teams.get_team(session=get_session(), team_id=team_id)
    form = TeamForm(obj=current) if request.method == "GET" else TeamForm()
    if request.method == "GET":
        form.works_council.data = not current.person_comparisons
    status = 200
    if form.validate_on_submit():
        try:
            admin_teams.update_team(session=get_session(), actor=who, team_id=team_id, name=form.name.data,
                                    timezone=form.timezone.data.strip(), why=form.why.data or "",
                                    works_council=bool(form.works_council.data),
                                    min_group_size=form.min_group_size.data)
        except ValidationFailed as exc:
            show_errors(form, exc, TEAM_FIELDS)
            status = 422
        else:
            flash(_("The team's settings are saved."), "success")
            return redirect(url_for("admin.team", team_id=team_id))
    elif request.method == "POST":
        status = 422
    return render_template("admin/team.html", team=current, form=form, action_form=ActionForm(),
                           members=team_members(session=get_session(), team_id=team_id,
                                                active_only=False)), status


@bp.post("/teams/<id:team_id>/archive")
@managers_area
def archive_team(team_id: int):
    who = require_admin()
    form = ActionForm()
    if not form.validate_on_submit():
        return redirect(url_for("admin.team", team_id=team_id))
    archived = request.form.get("archived") == "1"
    admin_teams.set_archived(session=get_session(), actor=who, team_id=team_id, archived=archived)
    flash(_("The team is archived: its history stays, nobody can log for it.") if archived
          else _("The team is active again."), "success")
    return redirect(url_for("admin.team", team_id=team_id))
