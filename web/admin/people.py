"""People: the list, adding someone with a membership and its start date, memberships, leavers."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from wtforms import SelectChoice

from ledger.errors import Conflict, ValidationFailed
from ledger.models import Person
from ledger.permissions import may_administer, may_manage_person, may_manage_team_people
from ledger.services import admin_people, admin_teams
from web.admin.blueprint import actor, bp, managers_area, show_errors
from web.admin.forms import MembershipForm, PersonForm
from web.db import get_session
from web.forms import ActionForm
from web.labels import ROLES

PERSON_FIELDS = {"teams": "team"}


def role_choices(*, admin: bool) -> list[SelectChoice]:
    """The roles this actor may give (a manager adds staff only)."""
    codes = ("staff", "manager", "admin") if admin else ("staff",)
    return [SelectChoice(code, str(ROLES.get(code, code))) for code in codes]


def team_choices(*, with_none: bool = False) -> list[SelectChoice]:
    """The open teams the acting person may add people to."""
    who = actor()
    teams = [t for t in admin_teams.list_teams(session=get_session(), include_archived=False)
             if may_manage_team_people(session=get_session(), actor=who, team_id=t.id)]
    none = [SelectChoice(0, _("No team yet"))] if with_none else []
    return none + [SelectChoice(t.id, t.name) for t in teams]


def visible_person(person_id: int) -> Person:
    """A person the acting manager/admin may manage; 404 for anyone else (others are not visible)."""
    person = get_session().get(Person, person_id)
    if person is None or person.erased_at is not None or not may_manage_person(
            session=get_session(), actor=actor(), person=person):
        abort(404)
    return person


@bp.get("/people")
@managers_area
def people():
    query = (request.args.get("q") or "").strip()[:80]
    rows = admin_people.people_for(session=get_session(), actor=actor(), query=query)
    return render_template("admin/people.html", people=rows, query=query,
                           is_admin=may_administer(actor=actor()), roles=ROLES)


@bp.route("/people/new", methods=["GET", "POST"])
@managers_area
def new_person():
    is_admin = may_administer(actor=actor())
    form = PersonForm()
    form.role.choices = role_choices(admin=is_admin)
    form.team.choices = team_choices(with_none=is_admin)
    status = 200
    if form.validate_on_submit():
        try:
            person = admin_people.add_person(
                session=get_session(), actor=actor(), display_name=form.display_name.data,
                role=form.role.data, email=(form.email.data or "").strip() or None,
                team_id=form.team.data or None, since=form.since.data)
        except ValidationFailed as exc:
            show_errors(form, exc, PERSON_FIELDS)
            status = 422
        else:
            flash(_("%(name)s is added.", name=person.display_name), "success")
            return redirect(url_for("admin.person", person_id=person.id))
    elif request.method == "POST":
        status = 422
    return render_template("admin/person_new.html", form=form), status


@bp.get("/people/<id:person_id>")
@managers_area
def person(person_id: int):
    return _person_page(visible_person(person_id))


def _person_page(person: Person, membership_form: MembershipForm | None = None, status: int = 200):
    form = membership_form or MembershipForm()
    form.team.choices = team_choices()
    rows = admin_people.memberships(session=get_session(), person_id=person.id)
    return render_template("admin/person.html", person=person, memberships=rows, form=form,
                           action_form=ActionForm(), is_admin=may_administer(actor=actor()), roles=ROLES,
                           may_change=lambda team_id: may_manage_team_people(
                               session=get_session(), actor=actor(), team_id=team_id)), status


@bp.post("/people/<id:person_id>/memberships")
@managers_area
def set_membership(person_id: int):
    person = visible_person(person_id)
    form = MembershipForm()
    form.team.choices = team_choices()
    if not form.validate_on_submit():
        return _person_page(person, form, 422)
    try:
        admin_people.set_membership(session=get_session(), actor=actor(), person_id=person.id,
                                    team_id=form.team.data, since=form.since.data)
    except ValidationFailed as exc:
        show_errors(form, exc)
        return _person_page(person, form, 422)
    flash(_("The membership is saved."), "success")
    return redirect(url_for("admin.person", person_id=person.id))


@bp.post("/people/<id:person_id>/memberships/<id:team_id>/remove")
@managers_area
def remove_membership(person_id: int, team_id: int):
    person = visible_person(person_id)
    if ActionForm().validate_on_submit():
        admin_people.remove_membership(session=get_session(), actor=actor(), person_id=person.id,
                                       team_id=team_id)
        flash(_("The membership has ended. Their gestures stay in the team's history."), "success")
    return redirect(url_for("admin.person", person_id=person.id))


@bp.post("/people/<id:person_id>/deactivate")
@managers_area
def deactivate(person_id: int):
    person = visible_person(person_id)
    if ActionForm().validate_on_submit():
        try:
            admin_people.deactivate(session=get_session(), actor=actor(), person_id=person.id)
        except Conflict:
            flash(_("This person cannot be deactivated: you cannot deactivate yourself or the last "
                    "administrator."), "info")
        else:
            flash(_("%(name)s is deactivated and signed out everywhere. Their history stays.",
                    name=person.display_name), "success")
    return redirect(url_for("admin.person", person_id=person.id))


@bp.post("/people/<id:person_id>/reactivate")
@managers_area
def reactivate(person_id: int):
    person = visible_person(person_id)
    if ActionForm().validate_on_submit():
        admin_people.reactivate(session=get_session(), actor=actor(), person_id=person.id)
        flash(_("%(name)s is active again and signs in anew.", name=person.display_name), "success")
    return redirect(url_for("admin.person", person_id=person.id))

