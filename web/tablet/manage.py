"""The tablets page: every registered tablet of the teams one manages — team, name, who registered it,
when it was last seen — with rename (audited, through the personal-data scan) and sign-off.

Registering this browser as a tablet stays on the register page (views.py); signing off is its revoke.
"""

from flask import flash, redirect, render_template, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import StringField
from wtforms.validators import DataRequired, Length

from ledger.errors import ValidationFailed
from ledger.services.tablets import NAME_MAX, list_tablets, rename_tablet
from web import labels
from web.db import get_session
from web.forms import ActionForm
from web.security import (
    MANAGER_ROLES,
    current_actor,
    current_person,
    current_tablet,
    role_required,
    visible_teams,
)
from web.tablet.views import bp


class RenameTabletForm(ActionForm):
    name = StringField(_l("New name"), filters=[lambda text: text.strip() if isinstance(text, str) else text],
                       validators=[DataRequired(_l("Give the tablet a name, e.g. “Reception left”.")),
        Length(max=NAME_MAX, message=_l("Use at most 80 characters."))])


def _page(form: RenameTabletForm | None = None, renaming: int | None = None, status: int = 200):
    teams = visible_teams(current_person())
    rows = list_tablets(session=get_session(), team_ids=[t.id for t in teams])
    return render_template("tablet/manage.html", rows=rows, form=form or RenameTabletForm(),
                           renaming=renaming, this_tablet=current_tablet(), action_form=ActionForm(),
                           has_teams=bool(teams)), status


@bp.get("/tablets")
@role_required(*MANAGER_ROLES)
def manage():
    return _page()


@bp.post("/tablets/<int(min=1, max=9223372036854775807):tablet_id>/rename")  # a row id: at most 2^63-1
@role_required(*MANAGER_ROLES)
def rename(tablet_id: int):
    form = RenameTabletForm()
    if not form.validate_on_submit():
        return _page(form, tablet_id, 422)
    try:
        tablet, removed = rename_tablet(session=get_session(), actor=current_actor(), tablet_id=tablet_id,
                                        name=form.name.data)
    except ValidationFailed as exc:
        form.name.errors = [labels.field_message(e) for e in exc.errors]
        return _page(form, tablet_id, 422)
    flash(_("The tablet is now called “%(name)s”.", name=tablet.name), "success")
    if removed:
        words = ", ".join(labels.label_for(labels.PII_CATEGORIES, c) for c in removed)
        flash(_("Personal data was taken out of the name: %(what)s.", what=words), "info")
    return redirect(url_for("tablet.manage", _anchor=f"tablet-{tablet.id}"))
