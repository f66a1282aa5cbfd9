"""Pages without sign-in: the privacy statement, and choosing a new password with a one-time link."""

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _

from ledger.errors import NotFound, ValidationFailed
from ledger.services import password_reset
from ledger.services import settings as settings_service
from web.admin.blueprint import public_bp, show_errors
from web.admin.forms import NewPasswordForm
from web.db import get_session


@public_bp.get("/privacy")
def privacy_statement():
    current = settings_service.get_settings(session=get_session())
    return render_template("admin/privacy_statement.html", settings=current)


@public_bp.after_request
def _private(response):
    # The reset link carries its token in the path: never kept in a cache (Referer stays same-origin).
    response.headers["Cache-Control"] = "no-store"
    return response


@public_bp.route("/password/<token>", methods=["GET", "POST"])
def reset_password(token: str):
    try:
        _reset, person = password_reset.valid_reset(session=get_session(), token=token[:200])
    except NotFound:
        return render_template("admin/password_link_invalid.html"), 404
    form, status = NewPasswordForm(), 200
    if form.validate_on_submit():
        if form.password.data != form.password_again.data:
            form.password_again.errors = [_("The two passwords are not the same.")]
            status = 422
        else:
            try:
                password_reset.use_reset(session=get_session(), token=token, password=form.password.data)
            except ValidationFailed as exc:
                show_errors(form, exc)
                status = 422
            else:
                flash(_("Your new password is set. Sign in with it."), "success")
                return redirect(url_for("auth.login"))
    return render_template("admin/password_reset.html", form=form, person=person), status

