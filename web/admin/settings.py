"""Installation settings and applying the retention of free texts (dry run first)."""

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from wtforms import SelectChoice

from ledger.errors import ValidationFailed
from ledger.services import privacy
from ledger.services import settings as settings_service
from web.admin.blueprint import bp, managers_area, require_admin, show_errors
from web.admin.forms import SettingsForm
from web.db import get_session
from web.forms import ActionForm


def _day_label(code: str) -> str:
    return {"monday": _("Monday"), "tuesday": _("Tuesday"), "wednesday": _("Wednesday"),
            "thursday": _("Thursday"), "friday": _("Friday"), "saturday": _("Saturday"),
            "sunday": _("Sunday")}[code]


def _form(current) -> SettingsForm:
    form = SettingsForm(obj=current) if request.method == "GET" else SettingsForm()
    form.currency.choices = [SelectChoice(c, c) for c in settings_service.CURRENCIES]
    form.default_language.choices = [SelectChoice("nl", "Nederlands"), SelectChoice("en", "English")]
    form.digest_day.choices = [SelectChoice(d, _day_label(d)) for d in settings_service.DIGEST_DAYS]
    return form


def _page(form, counts=None, status=200):
    return render_template("admin/settings.html", form=form, action_form=ActionForm(), counts=counts,
                           current=settings_service.get_settings(session=get_session())), status


@bp.route("/settings", methods=["GET", "POST"])
@managers_area
def settings():
    who = require_admin()
    form = _form(settings_service.get_settings(session=get_session()))
    if request.method == "GET":
        return _page(form)
    if not form.validate_on_submit():
        return _page(form, status=422)
    names = ("installation_name", "currency", "default_language", "digest_day", "retention_months")
    values = {name: getattr(form, name).data for name in names}
    try:
        settings_service.update_settings(session=get_session(), actor=who, **values)
    except ValidationFailed as exc:
        show_errors(form, exc)
        return _page(form, status=422)
    flash(_("The settings are saved."), "success")
    return redirect(url_for("admin.settings"))


@bp.post("/retention")
@managers_area
def retention():
    who = require_admin()
    current = settings_service.get_settings(session=get_session())
    form = _form(current)
    if not ActionForm().validate_on_submit():
        return redirect(url_for("admin.settings"))
    if current.retention_months == 0:
        flash(_("Retention is off: set a number of months first."), "info")
        return redirect(url_for("admin.settings"))
    apply = request.form.get("apply") == "1"
    counts = privacy.apply_retention(session=get_session(), actor=who, dry_run=not apply)
    if apply:
        flash(_("Free texts older than %(months)d months are removed; every number stays.",
                months=current.retention_months), "success")
        return redirect(url_for("admin.settings"))
    return _page(form, counts=counts)
