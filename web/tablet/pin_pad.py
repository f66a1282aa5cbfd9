"""The PIN pad's answer, shared by the name tiles' PIN page and a facilitator's session entry.

Both check one PIN on one tablet (counted against the person and the tablet), send someone without a PIN
to set one, show the lock, and only differ in what happens after the right PIN.
"""

from collections.abc import Callable

from flask import redirect, render_template, request, url_for
from flask_babel import gettext as _
from werkzeug.wrappers import Response

from ledger.errors import LockedOut
from ledger.models import Person, Tablet
from ledger.services import auth as auth_service
from web.auth.blueprint import locked_message, tries_left_message
from web.db import get_session
from web.security import start_pin_session
from web.tablet.forms import PinForm


def answer_pin_pad(person: Person, tablet: Tablet, *, then: Callable[[], Response],
                   **page) -> tuple | Response:
    """Check a posted PIN; on success start the PIN session and answer `then()`, else the pad again."""
    form, status = PinForm(), 200
    locked = auth_service.locked_until(person)
    if form.validate_on_submit():
        try:
            auth_service.check_pin(session=get_session(), person_id=person.id, team_id=tablet.team_id,
                                   pin=form.pin.data, tablet_id=tablet.id)
        except auth_service.NoPinYet:
            return redirect(url_for("auth.set_pin", person=person.id))
        except LockedOut as exc:
            locked, status = exc.until, 429
        except auth_service.BadCredentials as exc:
            form.pin.errors = [" ".join(filter(None, [_("That PIN is not right."),
                                                      tries_left_message(exc.attempts_left)]))]
            status = 422
        else:
            start_pin_session(person, tablet)
            return then()
    elif request.method == "POST":
        status = 422
    problem = locked_message(locked) if locked is not None else None
    return render_template("tablet/pin.html", person=person, form=form, problem=problem,
                           locked=locked is not None, **page), status
