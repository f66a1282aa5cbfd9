"""The shared team tablet: enrolment link, name tiles, PIN pad, and a manager's tablet registration."""

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from sqlmodel import select
from wtforms import SelectChoice

from ledger.models import Tablet
from ledger.services import auth as auth_service
from ledger.services.people import tablet_people
from ledger.services.tablets import register_tablet, revoke_tablet, tablet_for_token
from web.converters import bounded_id
from web.cookies import forget_tablet_cookie, set_tablet_cookie
from web.db import get_session
from web.extensions import csrf
from web.forms import ActionForm
from web.redirects import url_or
from web.security import (
    MANAGER_ROLES,
    can_see_team,
    current_person,
    current_tablet,
    end_tablet_sessions,
    role_required,
    sign_out,
    signed_in_with_pin,
    tablet_team,
    team_for_request,
    visible_teams,
)
from web.tablet.forms import RegisterTabletForm
from web.tablet.pin_pad import answer_pin_pad

bp = Blueprint("tablet", __name__)

# From this many people on, the tiles page shows a search box.
SEARCH_FROM_MEMBERS = 12


@bp.get("/t/<token>")
def enrol(token: str):
    tablet = tablet_for_token(session=get_session(), token=token[:200])
    if tablet is None:
        return render_template("tablet/invalid_link.html"), 404
    response = redirect(url_for("tablet.tiles"))
    set_tablet_cookie(response, token)
    return response


@bp.get("/tablet")
def tiles():
    team = tablet_team()
    if team is None:
        return render_template("tablet/not_registered.html"), 200
    # Whoever reaches the names is done: no PIN session of this tablet survives (issue 12, finding 1).
    end_tablet_sessions(current_tablet())
    people = tablet_people(session=get_session(), team_id=team.id)
    query = (request.args.get("q") or "").strip()[:80]
    shown = [p for p in people if query.casefold() in p.display_name.casefold()] if query else people
    return render_template("tablet/tiles.html", team=team, people=shown, query=query,
                           searchable=len(people) >= SEARCH_FROM_MEMBERS)


@bp.route("/tablet/pin/<id:person_id>", methods=["GET", "POST"])
def pin(person_id: int):
    tablet = current_tablet()
    if tablet is None:
        return redirect(url_for("tablet.tiles"))  # explains what a team tablet is
    # Someone of another team raises NotFound: web/errors.py answers 404, as for nobody at all.
    person = auth_service.team_member(session=get_session(), person_id=person_id, team_id=tablet.team_id)
    return answer_pin_pad(person, tablet, then=lambda: redirect(url_or("gestures.new", "main.index")))


@bp.post("/tablet/leave")
def leave():
    if signed_in_with_pin():
        sign_out()  # signing out: this sign-in's send tokens end with it (a saved gesture's stay usable)
    return redirect(url_for("tablet.tiles") if current_tablet() else url_for("main.index"))


@bp.post("/tablet/done")
@csrf.exempt
def done():
    """The outbox's queued sign-out after an offline save: the PIN session of this browser ends ("saved").

    JSON only (a cross-site form cannot send it without a CORS preflight), so no CSRF token is needed:
    the page's token may be older than the network outage. Ending a session is all it can do."""
    if not request.is_json:
        abort(415)
    if signed_in_with_pin():
        sign_out("saved")
    return "", 204


@bp.route("/tablet/register", methods=["GET", "POST"])
@role_required(*MANAGER_ROLES)
def register():
    me = current_person()
    form = RegisterTabletForm()
    teams = visible_teams(me)
    form.team.choices = [SelectChoice(team.id, team.name) for team in teams]
    posted_team = bounded_id(request.form.get("team")) if "team" in request.form else None
    if "team" in request.form and posted_team is None:
        abort(400)  # not a row id (20 digits, "٣", "1e3"): never sent to the database
    if posted_team is not None and not can_see_team(me, posted_team):
        abort(404)
    if request.method == "GET" and team_for_request() is not None:
        form.team.data = team_for_request().id
    if form.validate_on_submit():
        _tablet, token = register_tablet(session=get_session(), team_id=form.team.data,
                                         name=(form.name.data or "").strip(), created_by_id=me.id)
        flash(_("This browser is now a tablet for the team. Staff tap their name to begin."), "success")
        response = redirect(url_for("tablet.tiles"))
        set_tablet_cookie(response, token)
        return response
    tablets = _active_tablets([team.id for team in teams])
    names = {team.id: team.name for team in teams}
    return render_template("tablet/register.html", form=form, tablets=tablets, team_names=names,
                           this_tablet=current_tablet(), action_form=ActionForm()), \
        422 if request.method == "POST" else 200


@bp.post("/tablet/<id:tablet_id>/revoke")
@role_required(*MANAGER_ROLES)
def revoke(tablet_id: int):
    tablet = get_session().get(Tablet, tablet_id)
    if tablet is None or tablet.revoked_at is not None or not can_see_team(current_person(), tablet.team_id):
        abort(404)
    this_browser = current_tablet() is not None and current_tablet().id == tablet.id
    revoke_tablet(session=get_session(), tablet_id=tablet.id, actor_id=current_person().id)
    flash(_("The tablet is signed off. Its link and cookie no longer work."), "success")
    response = redirect(url_for("tablet.manage"))
    if this_browser:
        forget_tablet_cookie(response)
    return response


@bp.post("/tablet/forget")
@role_required(*MANAGER_ROLES)
def forget():
    flash(_("This browser is no longer used as a team tablet."), "success")
    response = redirect(url_for("tablet.register"))
    forget_tablet_cookie(response)
    return response


def _active_tablets(team_ids: list[int]) -> list[Tablet]:
    query = select(Tablet).where(Tablet.team_id.in_(team_ids), Tablet.revoked_at.is_(None))
    return list(get_session().exec(query.order_by(Tablet.team_id, Tablet.created_at)))
