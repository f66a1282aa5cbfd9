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

from flask import Blueprint, jsonify, url_for
from flask_login import current_user

from ledger.errors import ValidationFailed
from ledger.services.gestures import log_gesture, stored_gesture, team_row
from ledger.types import utcnow
from web.api.body import json_object
from web.db import get_session
from web.errors import problem
from web.extensions import csrf
from web.gestures.forms import parse_gesture
from web.security import current_tablet, signed_in_person
from web.send_tokens import read_send_token, token_still_valid

bp = Blueprint("api", __name__, url_prefix="/api")

def device_allows(claims: dict) -> bool:
    """The request comes from the tablet the token was issued on, or from that very sign-in's browser."""
    tablet = current_tablet()
    if tablet is not None and claims["d"] and tablet.id == claims["d"] and tablet.team_id == claims["t"]:
        return True
    person = signed_in_person()
    return person is not None and person.id == claims["p"] and current_user.signin_id == claims["s"]


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


@bp.post("/gestures")
@csrf.exempt
def post_gesture():
    """Store one gesture from the outbox; the same gesture id twice stores it once."""
    # Limited read (413 also for a chunked body), depth-checked decode (400, never a RecursionError).
    body = json_object()
    read = read_send_token(body.get("send_token"))
    if read is None:
        return _problem(403, "send token missing, invalid or expired")
    claims, issued = read
    try:
        gesture_id = uuid.UUID(str(body.get("gesture_id")))
    except ValueError:
        return _problem(400, "gesture_id must be a UUID")
    if not device_allows(claims):
        return _problem(403, "not allowed from this device")
    session = get_session()
    if not token_still_valid(session=session, claims=claims):
        return _problem(403, "send token missing, invalid or expired")
    team = team_row(session=session, team_id=claims["t"])  # a plain row: cheaper than an ORM load
    if team is None:
        return _problem(403, "unknown team")
    now = utcnow()
    stored = stored_gesture(session=session, gesture_id=gesture_id)
    # A resent "just now" gesture means the moment first stored, not a new one.
    moment = stored.occurred_at if stored is not None else _moment(
        body.get("queued_at"), issued=issued, now=now)
    data, errors = parse_gesture(body, tz=team.timezone, now=moment)
    if errors:
        raise ValidationFailed(errors)  # web/errors.py answers 422, field by field; so do the ledger's errors
    logged = log_gesture(session=session, team_id=team.id, person_id=claims["p"], logged_by_id=claims["p"],
                         data=data, gesture_id=gesture_id, now=now, stored=stored, team=team)
    row = logged.gesture
    return jsonify({
        "id": str(row.id), "created": logged.created, "mandate_check": row.mandate_check,
        "redacted": [c for c in row.redacted.split(";") if c],
        # No token in the URL: the thank-you is for the signed-in giver (web/gestures/views.py saved).
        "thanks_url": url_for("gestures.saved", gesture_id=row.id),
    }), 201 if logged.created else 200
