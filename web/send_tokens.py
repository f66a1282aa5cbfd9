"""Send tokens: a signed, short-lived permission for one sign-in's gestures to be sent later.

The tablet's outbox may send a gesture after the PIN session that logged it has ended (a save ends it,
online or offline); the token, issued with the log form, is what authorises that send (web/api/views.py).
It names the person, the team, the sign-in and the tablet it was issued on, and the person's session
version, so it dies with them: a sign-out, a new PIN or password, a deactivation or a role change ends
it at once (ledger/services/signins.py); a sign-in ended by its task being done (a saved gesture, the name
tiles, the idle timeout) lets it deliver what was queued for the rest of its short life. It never travels
in a URL: the form carries it in a hidden field and the outbox in a JSON body.
"""

from datetime import UTC, datetime

from flask import current_app
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlmodel import Session

from ledger.models import Person
from ledger.services.outbox import Sender
from ledger.services.signins import may_still_send

_SALT = "gesture-send-v2"  # v2: bound to a sign-in; tokens of the old kind are refused
DEFAULT_TOKEN_MAX_AGE = 15 * 60  # renewed with every log page; a leaked one is soon worthless


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=_SALT)


def issue_send_token(*, person: Person, team_id: int, signin_id: int, tablet_id: int | None) -> str:
    """A signed token that lets this sign-in's gestures in this team be sent later."""
    return _serializer().dumps({"p": person.id, "t": team_id, "s": signin_id, "v": person.session_version,
                                "d": tablet_id or 0})


def read_send_token(token) -> tuple[Sender, datetime] | None:
    """Who the token lets send and when it was issued, or None when it is forged, malformed or expired."""
    if not isinstance(token, str) or not token or len(token) > 500:
        return None
    max_age = current_app.config.get("SEND_TOKEN_MAX_AGE", DEFAULT_TOKEN_MAX_AGE)
    try:
        claims, issued = _serializer().loads(token, max_age=max_age, return_timestamp=True)
    except (BadSignature, SignatureExpired):
        return None
    if not isinstance(claims, dict) or not {"p", "t", "s", "v", "d"} <= claims.keys():
        return None
    if not all(type(claims[k]) is int for k in ("p", "t", "s", "v", "d")):  # JSON true is no id
        return None
    sender = Sender(person_id=claims["p"], team_id=claims["t"], signin_id=claims["s"],
                    session_version=claims["v"], tablet_id=claims["d"])
    return sender, issued.astimezone(UTC)


def token_still_valid(*, session: Session, sender: Sender) -> bool:
    """The person is active with the same session version and the sign-in may still send."""
    return may_still_send(session=session, signin_id=sender.signin_id, person_id=sender.person_id,
                          version=sender.session_version)
