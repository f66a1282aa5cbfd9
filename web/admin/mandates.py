"""A team's frame: the version in force and its history, a new version from a date (the form shows what
changes against the version in force before it is saved), and per-person overrides."""

import hashlib

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from wtforms import SelectChoice

from ledger.errors import FieldError, ValidationFailed
from ledger.money import MoneyError, parse_cents
from ledger.permissions import may_apply_mandate
from ledger.services import admin_mandates, admin_teams, mandates
from ledger.services.mandate_versions import version_history
from ledger.services.people import team_members
from ledger.types import utcnow
from ledger.vocab import Kind, Period
from ledger.weeks import local_date
from web.admin.blueprint import actor, bp, managers_area, message, show_errors
from web.admin.forms import MandateForm, OverrideForm
from web.db import get_session
from web.labels import KINDS, PERIODS

MANDATE_FIELDS = {"per_gesture_cap_cents": "cap", "allowance_cents": "allowance",
                  "allowance_period": "period"}


def _team(team_id: int):
    team = admin_teams.get_team(session=get_session(), team_id=team_id)  # NotFound: 404 by web/errors.py
    if not may_apply_mandate(session=get_session(), actor=actor(), team_id=team.id):
        abort(404)  # another team's frame is not visible
    return team


def _in_force(team):
    today = local_date(utcnow(), team.timezone)
    return mandates.mandate_in_force(session=get_session(), team_id=team.id, on=today)


def _mandate_form(team, in_force) -> MandateForm:
    form = MandateForm()
    form.period.choices = [SelectChoice(p.value, str(PERIODS.get(p.value, p.value))) for p in Period]
    form.kinds.choices = [SelectChoice(k.value, str(KINDS.get(k.value, k.value))) for k in Kind]
    if request.method == "GET":
        form.valid_from.data = local_date(utcnow(), team.timezone)
        if in_force is not None:
            form.cap.data = f"{in_force.per_gesture_cap_cents / 100:.2f}"
            form.allowance.data = f"{in_force.allowance_cents / 100:.2f}"
            form.period.data, form.kinds.data, form.why.data = (in_force.allowance_period, in_force.kind_list,
                                                                 in_force.why)
    return form


def _override_form(team) -> OverrideForm:
    form = OverrideForm(prefix="override")
    form.person.choices = [SelectChoice(p.id, p.display_name) for p in team_members(
        session=get_session(), team_id=team.id)]
    return form


def _page(team, form, override_form=None, changes=None, status=200):
    in_force = _in_force(team)
    overrides = admin_mandates.overrides_of(session=get_session(), mandate_id=in_force.id) if in_force else []
    members = team_members(session=get_session(), team_id=team.id, active_only=False)
    names = {p.id: p.display_name for p in members}
    return render_template("admin/mandate.html", team=team, in_force=in_force, form=form,
                           history=version_history(session=get_session(), team_id=team.id),
                           override_form=override_form or _override_form(team), overrides=overrides,
                           names=names, changes=changes, kinds=KINDS, periods=PERIODS), status


@bp.get("/teams/<id:team_id>/mandate")
@managers_area
def mandate(team_id: int):
    team = _team(team_id)
    return _page(team, _mandate_form(team, _in_force(team)))


def _amount(form, name: str, errors: list[FieldError], *, optional: bool = False) -> int | None:
    raw = (getattr(form, name).data or "").strip()
    if optional and not raw:
        return None
    try:
        return parse_cents(raw)
    except MoneyError as exc:
        errors.append(FieldError(name, exc.code))
        return None


def _fingerprint(values: dict) -> str:
    return hashlib.sha256(repr(sorted(values.items())).encode()).hexdigest()[:16]


@bp.post("/teams/<id:team_id>/mandate")
@managers_area
def new_mandate(team_id: int):
    team = _team(team_id)
    in_force = _in_force(team)
    form = _mandate_form(team, in_force)
    if not form.validate_on_submit():
        return _page(team, form, status=422)
    errors: list[FieldError] = []
    values = {"valid_from": form.valid_from.data, "per_gesture_cap_cents": _amount(form, "cap", errors),
              "allowance_cents": _amount(form, "allowance", errors), "allowance_period": form.period.data,
              "kinds": sorted(form.kinds.data or []), "why": form.why.data or ""}
    if errors:
        show_errors(form, ValidationFailed(errors))
        return _page(team, form, status=422)
    if form.confirmed.data != _fingerprint(values):  # first show what changes, then save
        form.confirmed.data = _fingerprint(values)
        return _page(team, form, changes=admin_mandates.changes_against(in_force, values))
    try:
        admin_mandates.new_version(session=get_session(), actor=actor(), team_id=team.id, **values)
    except ValidationFailed as exc:
        show_errors(form, exc, MANDATE_FIELDS)
        form.confirmed.data = ""
        return _page(team, form, status=422)
    flash(_("The new frame is saved. It applies from %(date)s.", date=values["valid_from"].isoformat()),
          "success")
    return redirect(url_for("admin.mandate", team_id=team.id))


@bp.post("/teams/<id:team_id>/mandate/overrides")
@managers_area
def set_override(team_id: int):
    team = _team(team_id)
    in_force = _in_force(team)
    form = _override_form(team)
    if in_force is None:
        abort(404)
    if not form.validate_on_submit():
        return _page(team, _mandate_form(team, in_force), form, status=422)
    errors: list[FieldError] = []
    cap = _amount(form, "cap", errors, optional=True)
    allowance = _amount(form, "allowance", errors, optional=True)
    if errors:
        for error in errors:
            getattr(form, error.field).errors = [message(error)]
        return _page(team, _mandate_form(team, in_force), form, status=422)
    admin_mandates.set_override(session=get_session(), actor=actor(), mandate_id=in_force.id,
                                person_id=form.person.data, per_gesture_cap_cents=cap,
                                allowance_cents=allowance)
    flash(_("The personal frame is saved."), "success")
    return redirect(url_for("admin.mandate", team_id=team.id))
