"""API v1 for the tablet's outbox: a gesture from the log form, sent at once or when the network is back.

One delivery path: web/api/views.deliver checks the send token and who sends it (that token's tablet by its
device cookie, or that sign-in's own browser), reads the form's fields in the team's time zone and logs
through the ledger, for this operation and for the old `POST /api/gestures` alike (which stays for tablets
whose cached page still posts there). This module reads the body with its schema (OutboxGesture, which the
OpenAPI document is generated from) and answers in API v1's shapes; refused fields keep the form's names,
so log.js marks them next to the form's fields.

CSRF-exempt, as the old endpoint is: a queued gesture may be sent long after the cookie session's CSRF token
expired or was cleared (a save ends the PIN session). The send token in the body is this operation's
anti-forgery token (another site can neither read nor guess it), and the body must be application/json,
which a cross-site form cannot send without a CORS preflight (this app answers none).
"""

from flask import jsonify, request, url_for
from flask_babel import gettext as _

from web.api.v1.blueprint import SEND_TOKEN, operation
from web.api.v1.inputs import read_body
from web.api.v1.schemas import OutboxAnswer, OutboxGesture
from web.api.views import Refused, answer, deliver
from web.cookies import TABLET_COOKIE
from web.errors import name_fields_as_the_form, problem


def _refused(refused: Refused):
    """The problem document of a send the delivery refused; `reason` keeps its short English reason."""
    if refused.status == 403:
        detail = _("This gesture cannot be sent from here: its send token is missing, expired or ended with "
                   "its sign-in, or this is not the tablet it was saved on.")
        return problem(403, "send_refused", detail=detail, reason=refused.error)
    return problem(refused.status, "bad_request", detail=refused.error, reason=refused.error)


@operation("POST", "/outbox/gestures", summary="Send a gesture from the tablet's outbox", tag="outbox",
           body=OutboxGesture, responses={201: OutboxAnswer, 200: OutboxAnswer}, errors=(409,),
           auth=SEND_TOKEN)
def send_outbox_gesture():
    """For the tablet's own log page, not for other systems: stores one gesture the log form's outbox
    sends, now or when the network is back. The body is the form's fields as text, with the send token
    the form was issued with; the request must come from that token's tablet (its device cookie) or from
    its sign-in's own browser (the session cookie). No API token. The gesture id is the idempotency key:
    the same id and content again answers 200, other content 409. Refused fields are named as the form
    names them (`cost`, `when`, `day`, …)."""
    name_fields_as_the_form()
    data = read_body(OutboxGesture)
    try:
        logged = deliver(data.model_dump(mode="json"), device=request.cookies.get(TABLET_COOKIE, ""))
    except Refused as refused:
        return _refused(refused)
    thanks = url_for("gestures.saved", gesture_id=logged.gesture.id)
    return jsonify(answer(logged, thanks)), 201 if logged.created else 200
