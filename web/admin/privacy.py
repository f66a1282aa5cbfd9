"""Privacy requests (admins): find a person, download everything about them as JSON, erase them after
a confirmation step (the pseudonym keeps the team's numbers true). The download and the erasure need a
fresh sign-in (web.recent_auth.recent_auth_redirect, the one mechanism), asked after the 403/404 checks."""

import json

from flask import Response, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from ledger.services import admin_people, privacy
from web.admin.blueprint import bp, managers_area, require_admin
from web.admin.forms import EraseForm
from web.admin.people import visible_person
from web.db import get_session
from web.recent_auth import recent_auth_redirect


@bp.get("/privacy")
@managers_area
def privacy_requests():
    who = require_admin()
    query = (request.args.get("q") or "").strip()[:80]
    people = admin_people.people_for(session=get_session(), actor=who, query=query) if query else []
    return render_template("admin/privacy_requests.html", people=people, query=query)


@bp.get("/people/<id:person_id>/export.json")
@managers_area
def export_person(person_id: int):
    who = require_admin()
    person = visible_person(person_id)
    again = recent_auth_redirect()  # back to this same download after confirming
    if again is not None:
        return again
    data = privacy.export_person(session=get_session(), actor=who, person_id=person.id)
    body = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True)
    disposition = f'attachment; filename="person-{person.id}.json"'
    return Response(body, mimetype="application/json",
                    headers={"Content-Disposition": disposition, "Cache-Control": "no-store"})


@bp.route("/people/<id:person_id>/erase", methods=["GET", "POST"])
@managers_area
def erase_person(person_id: int):
    who = require_admin()
    person = visible_person(person_id)
    # After confirming, back to this page (not the POST): the admin types the name and erases again.
    again = recent_auth_redirect(back=url_for("admin.erase_person", person_id=person.id))
    if again is not None:
        return again
    form = EraseForm()
    status = 200
    if form.validate_on_submit():
        if form.confirm_name.data.strip() != person.display_name:
            form.confirm_name.errors = [_("That does not match. Type the name exactly as shown.")]
            status = 422
        else:
            alias = privacy.erase_person(session=get_session(), actor=who, person_id=person.id)
            flash(_("The person is erased. They now appear as %(alias)s; the team's numbers stay.",
                    alias=alias), "success")
            return redirect(url_for("admin.privacy_requests"))
    elif request.method == "POST":
        status = 422
    return render_template("admin/erase.html", person=person, form=form), status
