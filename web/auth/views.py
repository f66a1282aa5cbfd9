"""Signing in and out with email + password (managers, admins); PINs set with a one-time set-up code."""

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from wtforms import SelectChoice

from ledger.errors import LockedOut, ValidationFailed
from ledger.models import Person
from ledger.permissions import may_issue_setup_code
from ledger.services import auth as auth_service
from ledger.services.people import pin_people, signs_in_with_pin, team_members
from web.auth.blueprint import bp, locked_message, tries_left_message
from web.auth.forms import LoginForm, SetPinForm
from web.auth.mfa import after_password
from web.db import get_session
from web.forms import ActionForm
from web.redirects import safe_next
from web.security import (
    MANAGER_ROLES,
    current_actor,
    current_person,
    current_tablet,
    effective_role,
    role_required,
    sign_out,
    visible_teams,
)


@bp.route("/login", methods=["GET", "POST"])
def login():
    form = LoginForm()
    if request.method == "GET":
        if effective_role() in MANAGER_ROLES:
            return redirect(url_for("main.index"))
        form.next.data = safe_next(request.args.get("next")) or ""
    problem, status = None, 200
    if form.validate_on_submit():
        try:
            person = auth_service.check_password(session=get_session(), email=form.email.data,
                                                 password=form.password.data, ip=request.remote_addr)
        except LockedOut as exc:
            problem, status = locked_message(exc.until), 429
        except auth_service.BadCredentials:
            # The same words for a known and an unknown address: no "tries left" (issue 12, finding 5).
            problem, status = _("That email address and password do not match."), 401
        else:
            return after_password(person, safe_next(form.next.data))
    elif request.method == "POST":
        status = 422
    return render_template("auth/login.html", form=form, problem=problem), status


@bp.post("/logout")
def logout():
    sign_out()
    flash(_("You are signed out."), "success")
    return redirect(url_for("auth.login"))


@bp.route("/set-pin", methods=["GET", "POST"])
def set_pin():
    tablet = current_tablet()
    if tablet is None:
        return render_template("auth/set_pin_needs_tablet.html"), 200
    people = pin_people(session=get_session(), team_id=tablet.team_id)  # managers sign in with a password
    form = SetPinForm()
    form.person.choices = [SelectChoice(p.id, p.display_name) for p in people]
    posted = request.form.get("person", type=int)
    if posted is not None and posted not in {p.id for p in people}:
        abort(404)  # someone of another team: not visible from this tablet
    if request.method == "GET" and request.args.get("person", type=int) in {p.id for p in people}:
        form.person.data = request.args.get("person", type=int)
    problem, status = None, 200
    if form.validate_on_submit():
        try:
            auth_service.set_pin_with_code(session=get_session(), person_id=form.person.data,
                                           team_id=tablet.team_id, code=form.code.data, pin=form.pin.data,
                                           tablet_id=tablet.id)
        except ValidationFailed as exc:
            form.pin.errors = [_("A PIN has 4 to 6 digits.") if exc.by_field()["pin"].code == "format" else
                               _("Pick a PIN that is harder to guess than a row or a repeated digit.")]
            status = 422
        except LockedOut as exc:
            problem, status = locked_message(exc.until), 429
        except auth_service.BadCredentials as exc:
            form.code.errors = [" ".join(filter(None, [
                _("This set-up code is not right or has expired. Ask your manager for a new one."),
                tries_left_message(exc.attempts_left)]))]
            status = 422
        else:
            flash(_("Your PIN is set. Tap your name to sign in."), "success")
            return redirect(url_for("tablet.tiles"))
    elif request.method == "POST":
        status = 422
    return render_template("auth/set_pin.html", form=form, problem=problem), status


@bp.get("/setup-codes")
@role_required(*MANAGER_ROLES)
def setup_codes():
    me = current_person()
    # Those who sign in with a PIN, and the viewer (a manager may get a code for a PIN of their own).
    teams = [(team, [p for p in team_members(session=get_session(), team_id=team.id)
                     if signs_in_with_pin(p) or p.id == me.id]) for team in visible_teams(me)]
    allowed = {p.id for _team, people in teams for p in people
               if may_issue_setup_code(session=get_session(), actor=current_actor(), person=p)}
    return render_template("auth/setup_codes.html", teams=teams, allowed=allowed, form=ActionForm(),
                           hours=_code_hours())


@bp.post("/setup-codes/<int:person_id>")
@role_required(*MANAGER_ROLES)
def issue_setup_code(person_id: int):
    code = auth_service.issue_setup_code(session=get_session(), person_id=person_id, issuer=current_actor())
    person = get_session().get(Person, person_id)
    return render_template("auth/setup_code_issued.html", code=code, person=person, hours=_code_hours())


def _code_hours() -> int:
    return int(auth_service.SETUP_CODE_LIFETIME.total_seconds() // 3600)
