"""Send tokens: a signed, short-lived permission for one person's gestures in one team to be sent later.

The tablet's outbox may send a gesture long after the PIN session that logged it has ended; the token,
issued with the log form, is what authorises that send (see web/api/views.py).
"""

from datetime import UTC, datetime

from flask import current_app
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

_SALT = "gesture-send"
DEFAULT_TOKEN_MAX_AGE = 12 * 3600  # a shift: long enough to outlast a wifi outage, short if leaked


def _serializer() -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.config["SECRET_KEY"], salt=_SALT)


def issue_send_token(*, person_id: int, team_id: int) -> str:
    """A signed token that lets this person's gestures in this team be sent later, from the team's tablet."""
    return _serializer().dumps({"p": person_id, "t": team_id})


def read_send_token(token) -> tuple[dict, datetime] | None:
    """The token's claims and when it was issued, or None when it is forged, malformed or expired."""
    if not isinstance(token, str) or not token or len(token) > 500:
        return None
    max_age = current_app.config.get("SEND_TOKEN_MAX_AGE", DEFAULT_TOKEN_MAX_AGE)
    try:
        claims, issued = _serializer().loads(token, max_age=max_age, return_timestamp=True)
    except (BadSignature, SignatureExpired):
        return None
    if not isinstance(claims, dict) or not {"p", "t"} <= claims.keys():
        return None
    return claims, issued.astimezone(UTC)
