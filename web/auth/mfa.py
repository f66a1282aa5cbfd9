"""The second factor on the web: the code after the password, enrolment with a QR code, recovery codes,
and "confirm it is you" before sensitive actions (web.recent_auth.require_recent_auth sends people here).

The QR code is drawn by segno in this app (an SVG data URI: no external service sees the secret).
"""

import time

import segno
from flask import current_app, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import HiddenField, PasswordField, StringField
from wtforms.validators import InputRequired, Length

from ledger.errors import LockedOut, ValidationFailed
from ledger.models import Person
from ledger.services import auth as auth_service
from ledger.services import mfa
from web.auth.blueprint import bp, locked_message
from web.db import get_session
from web.forms import ActionForm
from web.recent_auth import mark_recent_auth, require_recent_auth
from web.redirects import safe_next
from web.security import MANAGER_ROLES, current_person, role_required, start_password_session

PENDING_SECONDS = 5 * 60  # between the right password and the code


class CodeForm(ActionForm):
    code = StringField(_l("Code from your authenticator app, or a recovery code"), validators=[
        InputRequired(_l("Fill in the code.")), Length(max=20, message=_l("That is too long."))])


class ConfirmForm(ActionForm):
    password = PasswordField(_l("Your password"), validators=[
        InputRequired(_l("Fill in your password.")), Length(max=200, message=_l("That is too long."))])
    code = StringField(_l("Code from your authenticator app, or a recovery code"),
                       validators=[Length(max=20, message=_l("That is too long."))])
    next = HiddenField()


def mfa_required(person: Person) -> bool:
    """Whether this person must have a second factor (admins, when the installation says so)."""
    return mfa.required_for(session=get_session(), person=person,
                            env_required=bool(current_app.config.get("MFA_REQUIRED_FOR_ADMINS")))


def after_password(person: Person, next_url: str | None):
    """The password was right: ask for the code when the person has a second factor, else sign in."""
    if person.totp_secret:
        session.clear()
        session["mfa_pending"] = {"p": person.id, "v": person.session_version, "at": int(time.time()),
                                  "next": next_url or ""}
        return redirect(url_for("auth.second_factor"))
    start_password_session(person)
    if mfa_required(person):
        session["mfa_enrol"] = True  # every page sends them to the enrolment until it is done
        return redirect(url_for("auth.mfa_setup"))
    return redirect(next_url or url_for("main.index"))


ENROL_ALLOWED = {"auth.mfa_setup", "auth.logout", "static", "main.language"}


@bp.before_app_request
def _enrol_first():
    """An admin who must have a second factor and has none yet sees the enrolment and nothing else."""
    if session.get("mfa_enrol") and request.endpoint not in ENROL_ALLOWED:
        return redirect(url_for("auth.mfa_setup"))
    return None


def _pending_person() -> Person | None:
    pending = session.get("mfa_pending") or {}
    person = get_session().get(Person, pending.get("p", -1))
    fresh = time.time() - pending.get("at", 0) <= PENDING_SECONDS
    if person is None or not person.active or not fresh or person.session_version != pending.get("v"):
        return None
    return person


@bp.route("/mfa", methods=["GET", "POST"])
def second_factor():
    person = _pending_person()
    if person is None:
        session.pop("mfa_pending", None)
        return redirect(url_for("auth.login"))
    form, problem, status = CodeForm(), None, 200
    if form.validate_on_submit():
        try:
            ok = mfa.check_code(session=get_session(), person=person, code=form.code.data)
        except LockedOut as exc:
            ok, problem, status = False, locked_message(exc.until), 429
        if ok:
            next_url = safe_next(session["mfa_pending"].get("next"))
            start_password_session(person)
            return redirect(next_url or url_for("main.index"))
        if status != 429:
            form.code.errors, status = [_("That code is not right. Try the newest code.")], 422
    elif request.method == "POST":
        status = 422
    return render_template("auth/mfa_code.html", form=form, problem=problem), status


@bp.route("/mfa/setup", methods=["GET", "POST"])
@role_required(*MANAGER_ROLES)
@require_recent_auth
def mfa_setup():
    me = current_person()
    form, status = CodeForm(), 200
    if request.method == "GET" or "mfa_secret" not in session:
        session["mfa_secret"] = mfa.new_secret()
    secret = session["mfa_secret"]
    if form.validate_on_submit():
        try:
            codes = mfa.enable(session=get_session(), person_id=me.id, secret=secret, code=form.code.data)
        except ValidationFailed:
            form.code.errors, status = [_("That code is not right. Try the newest code.")], 422
        else:
            session.pop("mfa_secret", None)
            session.pop("mfa_enrol", None)
            return render_template("auth/mfa_recovery.html", codes=codes)
    elif request.method == "POST":
        status = 422
    uri = mfa.provisioning_uri(secret=secret, account=me.email or me.display_name)
    qr = segno.make(uri, error="m").svg_data_uri(scale=5, dark="#111", light="#fff")
    return render_template("auth/mfa_setup.html", form=form, qr=qr, secret=secret,
                           enabled=bool(me.totp_secret), required=mfa_required(me), action_form=ActionForm(),
                           codes_left=mfa.recovery_codes_left(session=get_session(), person_id=me.id)), status


@bp.post("/mfa/recovery-codes")
@role_required(*MANAGER_ROLES)
@require_recent_auth
def mfa_recovery_codes():
    me = current_person()
    if not me.totp_secret:
        return redirect(url_for("auth.mfa_setup"))
    return render_template("auth/mfa_recovery.html",
                           codes=mfa.renew_recovery_codes(session=get_session(), person_id=me.id))


@bp.post("/mfa/off")
@role_required(*MANAGER_ROLES)
@require_recent_auth
def mfa_off():
    me = current_person()
    if mfa_required(me):
        flash(_("Administrators of this installation must keep a second factor."), "info")
    else:
        mfa.disable(session=get_session(), person_id=me.id)
        flash(_("The second factor is off. Sign-ins ask for your password only."), "success")
    return redirect(url_for("auth.mfa_setup"))


@bp.route("/confirm", methods=["GET", "POST"])
@role_required(*MANAGER_ROLES)
def confirm():
    """Type the password (and the code, with a second factor) again before a sensitive action."""
    me = current_person()
    form, status = ConfirmForm(), 200
    if request.method == "GET":
        form.next.data = safe_next(request.args.get("next")) or ""
    if form.validate_on_submit():
        if _confirmed(me, form):
            mark_recent_auth()
            return redirect(safe_next(form.next.data) or url_for("main.index"))
        status = 422
    elif request.method == "POST":
        status = 422
    return render_template("auth/confirm.html", form=form, needs_code=bool(me.totp_secret)), status


def _confirmed(me: Person, form: ConfirmForm) -> bool:
    try:
        auth_service.check_password(session=get_session(), email=me.email or "", password=form.password.data,
                                    ip=request.remote_addr)
    except (auth_service.BadCredentials, LockedOut):
        form.password.errors = [_("That password is not right.")]
        return False
    if me.totp_secret:
        try:
            ok = mfa.check_code(session=get_session(), person=me, code=form.code.data or "")
        except LockedOut as exc:
            ok = False
            form.code.errors = [locked_message(exc.until)]
        if not ok:
            form.code.errors = form.code.errors or [_("That code is not right. Try the newest code.")]
            return False
    return True
