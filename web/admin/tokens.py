"""API tokens in the administration: an admin lists, creates (the secret is shown once) and revokes them,
after a fresh sign-in. The CLI does the same through `gesture-ledger token` (web/cli/tokens.py)."""

from functools import wraps

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from sqlmodel import select
from wtforms import IntegerField, RadioField, SelectChoice, SelectMultipleField, StringField
from wtforms.validators import InputRequired, Length, NumberRange
from wtforms.widgets import CheckboxInput, ListWidget

from ledger.errors import ValidationFailed
from ledger.models import Team
from ledger.models.api_tokens import DEFAULT_RATE_PER_MINUTE
from ledger.services import api_tokens
from web.admin.blueprint import bp, managers_area, require_admin, show_errors
from web.db import get_session
from web.forms import ActionForm
from web.recent_auth import recent_auth_redirect


def admin_with_fresh_sign_in(view):
    """Admins only, then a fresh sign-in (web.security's one mechanism), as for role changes."""
    @wraps(view)
    def wrapped(*args, **kwargs):
        require_admin()  # a manager learns nothing more than 403, not that a password would help
        return recent_auth_redirect(back=url_for("admin.tokens")) or view(*args, **kwargs)
    return wrapped


class TokenForm(ActionForm):
    name = StringField(_l("What is it for?"), validators=[
        InputRequired(_l("Give the token a name, e.g. the system that uses it.")),
        Length(max=80, message=_l("Use at most %(max)d characters."))])
    teams = SelectMultipleField(_l("Teams it may use"), coerce=int,
                                widget=ListWidget(prefix_label=False), option_widget=CheckboxInput(),
                                validators=[InputRequired(_l("Choose at least one team."))])
    scope = RadioField(_l("Access"), default="read", choices=[
        SelectChoice("read", _l("Read only (teams, people, frames, gestures, reports)")),
        SelectChoice("write", _l("Read and write (also log, correct, void and appreciate gestures)"))])
    rate = IntegerField(_l("Requests per minute"), default=DEFAULT_RATE_PER_MINUTE, validators=[
        InputRequired(_l("Give a number.")),
        NumberRange(1, api_tokens.RATE_MAX, _l("Please give a value from %(min)s to %(max)s."))])


def _form() -> TokenForm:
    form = TokenForm()
    teams = get_session().exec(select(Team).order_by(Team.name))
    form.teams.choices = [SelectChoice(t.id, t.name) for t in teams]
    return form


def _page(form: TokenForm, *, secret: str | None = None, status: int = 200):
    session = get_session()
    names = dict(session.exec(select(Team.id, Team.name)).all())
    return render_template("admin/tokens.html", form=form, views=api_tokens.list_tokens(session=session),
                           team_names=names, secret=secret, revoke_form=ActionForm()), status


@bp.route("/tokens", methods=["GET", "POST"])
@managers_area
@admin_with_fresh_sign_in
def tokens():
    who = require_admin()
    form = _form()
    if not form.validate_on_submit():
        return _page(form, status=422 if form.is_submitted() else 200)
    try:
        token, secret = api_tokens.create_token(session=get_session(), actor=who, name=form.name.data,
                                                team_ids=form.teams.data, scope=form.scope.data,
                                                rate_per_minute=form.rate.data)
    except ValidationFailed as exc:
        show_errors(form, exc, {"rate_per_minute": "rate"})
        return _page(form, status=422)
    flash(_("API token “%(name)s” is created. Copy its secret now: it is not shown again.", name=token.name),
          "success")
    return _page(_form(), secret=secret, status=201)


@bp.post("/tokens/<id:token_id>/revoke")
@managers_area
@admin_with_fresh_sign_in
def revoke_token(token_id: int):
    who = require_admin()
    if not ActionForm().validate_on_submit():
        return redirect(url_for("admin.tokens"))
    token = api_tokens.revoke_token(session=get_session(), actor=who, token_id=token_id)
    flash(_("API token “%(name)s” is revoked: it stops working at once.", name=token.name), "success")
    return redirect(url_for("admin.tokens"))
