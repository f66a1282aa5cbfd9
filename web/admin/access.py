"""Role changes (after a fresh sign-in: web.recent_auth.require_recent_auth), password-reset links."""

import smtplib
from email.message import EmailMessage

from flask import current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from ledger.errors import Conflict, NotFound, ValidationFailed
from ledger.models import Person
from ledger.services import admin_people, password_reset
from web.admin.blueprint import bp, managers_area, require_admin, show_errors
from web.admin.forms import RoleForm
from web.admin.people import role_choices, visible_person
from web.db import get_session
from web.recent_auth import recent_auth_redirect
from web.redirects import safe_next


@bp.route("/confirm", methods=["GET", "POST"])
@managers_area
def confirm():
    """The old address of "confirm it is you": the one place for it is auth.confirm (web.security)."""
    require_admin()
    return redirect(url_for("auth.confirm", next=safe_next(request.values.get("next"))))


@bp.route("/people/<id:person_id>/role", methods=["GET", "POST"])
@managers_area
def role(person_id: int):
    who = require_admin()
    person = visible_person(person_id)
    # A fresh sign-in first (the one mechanism: web.recent_auth), after the 403/404 checks.
    again = recent_auth_redirect(back=url_for("admin.role", person_id=person_id))
    if again is not None:
        return again
    form = RoleForm(role=person.role)
    form.role.choices = role_choices(admin=True)
    status = 200
    if form.validate_on_submit():
        try:
            admin_people.change_role(session=get_session(), actor=who, person_id=person.id,
                                     role=form.role.data)
        except ValidationFailed as exc:
            show_errors(form, exc)
            status = 422
        except Conflict:
            form.role.errors = [_("The last administrator keeps their role. Make someone else admin first.")]
            status = 422
        else:
            flash(_("The role is changed. %(name)s signs in again to continue.", name=person.display_name),
                  "success")
            return redirect(url_for("admin.person", person_id=person.id))
    elif request.method == "POST":
        status = 422
    return render_template("admin/role.html", form=form, person=person), status


def _mail_configured() -> bool:
    config = current_app.config
    host = config.get("SMTP_HOST", "localhost")
    return bool(config.get("SMTP_CONFIGURED") or host not in ("", "localhost"))


def _send_link(person: Person, link: str) -> bool:
    """E-mail the link when SMTP is set up and the person has an address; True when it was sent."""
    if not person.email or not _mail_configured():
        return False
    config = current_app.config
    message = EmailMessage()
    message["Subject"] = _("Choose a new password for Gesture Ledger")
    message["From"], message["To"] = config.get("MAIL_FROM", "gesture-ledger@localhost"), person.email
    message.set_content(_("Open this link within 24 hours to choose a new password:") + f"\n\n{link}\n")
    try:
        with smtplib.SMTP(config["SMTP_HOST"], int(config.get("SMTP_PORT", 25)), timeout=10) as smtp:
            if config.get("SMTP_STARTTLS"):
                smtp.starttls()
            if config.get("SMTP_USER"):
                smtp.login(config["SMTP_USER"], config.get("SMTP_PASSWORD", ""))
            smtp.send_message(message)
    except (smtplib.SMTPException, OSError):
        return False
    return True


@bp.post("/people/<id:person_id>/password-link")
@managers_area
def password_link(person_id: int):
    who = require_admin()
    person = visible_person(person_id)
    try:
        token = password_reset.issue_reset(session=get_session(), actor=who, person_id=person.id)
    except NotFound:
        flash(_("Only an active person gets a password link."), "info")
        return redirect(url_for("admin.person", person_id=person.id))
    link = url_for("admin_public.reset_password", token=token, _external=True)
    sent = _send_link(person, link)
    return render_template("admin/password_link.html", person=person, link=None if sent else link,
                           hours=int(password_reset.RESET_LIFETIME.total_seconds() // 3600))
