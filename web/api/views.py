"""JSON endpoint for the tablet's outbox: a gesture sent now, or later when the network is back.

A queued gesture may be sent after the staff member's PIN session has ended (the save ends it), so it is
not authorised by that session. It carries a short-lived *send token*, issued with the form and signed
with the app's secret, that binds the gesture to one sign-in of one person in one team and dies with it
(web/send_tokens.py); the request must also come from the tablet the token was issued on (its device
cookie) or from that sign-in's own browser.
(Not bound to one gesture id: while offline, the same person may log a second gesture.) The token is
unguessable by another site, so it is this endpoint's anti-forgery token; the endpoint accepts only
`application/json` (a cross-site form cannot send that without a CORS preflight), and is therefore
exempt from the cookie-session CSRF check, whose token would have expired or been cleared by the time
a queued gesture is sent. Resending is harmless: the gesture id is the ledger's idempotency key.
"""

import uuid
from datetime import datetime, timedelta

from flask import Blueprint, jsonify, request, url_for
from flask_login import current_user

from ledger.errors import ValidationFailed
from ledger.services.gestures import Logged, log_gesture, stored_gesture, team_row
from ledger.services.outbox import Delivery, Sender, open_delivery
from ledger.types import utcnow
from web.api.body import json_object
from web.cookies import TABLET_COOKIE
from web.db import get_session
from web.errors import problem
from web.extensions import csrf
from web.gestures.forms import parse_gesture
from web.security import signed_in_person
from web.send_tokens import read_send_token, token_still_valid

bp = Blueprint("api", __name__, url_prefix="/api")

def _moment(queued_at, *, issued: datetime, now: datetime) -> datetime:
    """When "now" happened for a queued gesture: the tablet's clock, kept between issue and arrival."""
    if not isinstance(queued_at, str):
        return now
    try:
        moment = datetime.fromisoformat(queued_at.replace("Z", "+00:00"))
    except ValueError:
        return now
    if moment.tzinfo is None:
        return now
    return min(max(moment, issued - timedelta(minutes=1)), now)


def _problem(status: int, error: str):
    return problem(status, error, detail=error)


class Refused(Exception):
    """A send the outbox endpoint answers with a problem document (status and short error code)."""

    def __init__(self, status: int, error: str):
        super().__init__(error)
        self.status, self.error = status, error


def _sender(body: dict) -> tuple[Sender, datetime, uuid.UUID]:
    """The send token's claims and the gesture id, or Refused (403 for the token, 400 for the id)."""
    read = read_send_token(body.get("send_token"))
    if read is None:
        raise Refused(403, "send token missing, invalid or expired")
    sender, issued = read
    try:
        gesture_id = uuid.UUID(str(body.get("gesture_id")))
    except ValueError:
        raise Refused(400, "gesture_id must be a UUID") from None
    return sender, issued, gesture_id


def _from_browser(session, sender: Sender, gesture_id: uuid.UUID) -> Delivery:
    """The send of a signed-in browser that is not the token's tablet: that very sign-in's own browser."""
    person = signed_in_person()
    if person is None or person.id != sender.person_id or current_user.signin_id != sender.signin_id:
        raise Refused(403, "not allowed from this device")
    if not token_still_valid(session=session, sender=sender):
        raise Refused(403, "send token missing, invalid or expired")
    team = team_row(session=session, team_id=sender.team_id)  # a plain row: cheaper than an ORM load
    if team is None:
        raise Refused(403, "unknown team")
    return Delivery(team=team, stored=stored_gesture(session=session, gesture_id=gesture_id) is not None)


def deliver(body: dict, *, device: str, tablet_only: bool = False) -> Logged:
    """Store one gesture from an outbox body; Refused or ValidationFailed (or a ledger error) when not.

    From its tablet (the device cookie of the tablet the token names) one statement answers who may
    send (ledger/services/outbox.py); from anywhere else, the sign-in's own browser, step by step."""
    sender, issued, gesture_id = _sender(body)
    session, now = get_session(), utcnow()
    delivery = open_delivery(session=session, sender=sender, device_token=device, gesture_id=gesture_id,
                             now=now) if device and sender.tablet_id else None
    if delivery is None:
        if tablet_only:
            raise Refused(403, "not allowed from this device")
        delivery = _from_browser(session, sender, gesture_id)
    stored = stored_gesture(session=session, gesture_id=gesture_id) if delivery.stored else None
    # A resent "just now" gesture means the moment first stored, not a new one.
    moment = stored.occurred_at if stored is not None else _moment(
        body.get("queued_at"), issued=issued, now=now)
    data, errors = parse_gesture(body, tz=delivery.team.timezone, now=moment)
    if errors:
        raise ValidationFailed(errors)  # web/errors.py answers 422, field by field; so do the ledger's errors
    return log_gesture(session=session, team_id=delivery.team.id, person_id=sender.person_id,
                       logged_by_id=sender.person_id, data=data, gesture_id=gesture_id, now=now,
                       stored=stored, team=delivery.team, known_member=delivery.member)


def answer(logged: Logged, thanks_url: str) -> dict:
    """The outbox's answer to a stored gesture (the same for a resent one, with created false)."""
    return {"id": str(logged.id), "created": logged.created, "mandate_check": logged.mandate_check,
            "redacted": list(logged.redacted),
            # No token in the URL: the thank-you is for the signed-in giver (web/gestures/views.py saved).
            "thanks_url": thanks_url}


@bp.post("/gestures")
@csrf.exempt
def post_gesture():
    """Store one gesture from the outbox; the same gesture id twice stores it once."""
    # Limited read (413 also for a chunked body), depth-checked decode (400, never a RecursionError).
    body = json_object()
    try:
        logged = deliver(body, device=request.cookies.get(TABLET_COOKIE, ""))
    except Refused as refused:
        return _problem(refused.status, refused.error)
    thanks = url_for("gestures.saved", gesture_id=logged.id)
    return jsonify(answer(logged, thanks)), 201 if logged.created else 200
