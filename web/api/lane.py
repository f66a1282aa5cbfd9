"""The outbox's lane: a tablet's new gesture stored without the rest of the web app's plumbing.

Logging is the busiest path of the product, and DESIGN §7 holds it to 40 % of a bare Flask insert. A
request through the whole app also pays for what a tablet's outbox send never needs: the cookie session
and sign-in checks, the language, the CSRF and MFA hooks, a Flask response. So this WSGI middleware in
front of the app takes one kind of request — a POST of a JSON gesture to the outbox endpoint with a
declared length within the limit and the tablet's device cookie — and runs the one delivery path
(web/api/views.deliver: send token, device, the ledger's rules and transaction) in an app context.

It answers only a delivered gesture (201 stored now, 200 already stored with the same content). Anything
else — a refusal, a field error, a body it does not read — is rolled back and handed, body intact, to the
full app, which answers it exactly as it always did. A database that is locked or down is not tried a
second time (that would double the wait): the app's own error handler answers it (503, Retry-After). An
outbox send is not someone at the tablet: it may come minutes later from the queue, so it does not keep
a PIN session alive (web/security.py leaves the idle clock alone for it on the full path too).
"""

import io
import json
import logging

from flask import Flask
from pydantic import ValidationError
from sqlalchemy.exc import DataError, IntegrityError, OperationalError
from werkzeug.http import parse_cookie, parse_options_header

from ledger.errors import LedgerError
from web.api.body import BodyError, decode_json, max_body_bytes
from web.api.v1.schemas import OutboxGesture
from web.api.views import Refused, answer, deliver
from web.cookies import TABLET_COOKIE
from web.db import get_session
from web.headers import security_headers

LOG = logging.getLogger(__name__)


def _as_sent(raw: bytes, body: dict) -> dict:
    return body  # the old endpoint reads the body as it came


def _as_v1_outbox(raw: bytes, body: dict) -> dict:
    # As the v1 view reads it (web/api/v1/outbox.py): through its schema, which also documents it.
    return OutboxGesture.model_validate_json(raw).model_dump(mode="json")


# The outbox endpoints: how each one's view reads its body before it calls deliver.
PATHS = {"/api/gestures": _as_sent, "/api/v1/outbox/gestures": _as_v1_outbox}
# What the lane leaves to the full app: every answer other than "delivered".
HANDED_ON = (Refused, LedgerError, BodyError, ValidationError, IntegrityError, DataError)


class OutboxLane:
    """WSGI middleware: a tablet's new gesture in the lane, every other request to the app."""

    def __init__(self, app: Flask):
        self.app, self.next = app, app.wsgi_app

    def __call__(self, environ, start_response):
        raw = self._taken(environ)
        if raw is None:
            return self.next(environ, start_response)
        environ["wsgi.input"] = io.BytesIO(raw)  # the full app reads the same body if it must answer
        delivered = self._deliver(environ, raw)
        if isinstance(delivered, OperationalError):
            return self._fault(environ, start_response, delivered)
        if delivered is None:
            return self.next(environ, start_response)
        body = json.dumps(delivered).encode()
        headers = [("Content-Type", "application/json"), ("Content-Length", str(len(body))),
                   *security_headers(secure=environ.get("wsgi.url_scheme") == "https", private=True)]
        start_response("201 CREATED" if delivered["created"] else "200 OK", headers)
        return [body]

    def _taken(self, environ) -> bytes | None:
        """The body, when this request is the lane's kind; None sends it on to the app unread."""
        if environ.get("REQUEST_METHOD") != "POST" or environ.get("PATH_INFO") not in PATHS:
            return None
        mimetype, options = parse_options_header(environ.get("CONTENT_TYPE", ""))
        if mimetype != "application/json" or options.get("charset", "utf-8").lower() not in ("utf-8", "utf8"):
            return None
        try:
            length = int(environ.get("CONTENT_LENGTH") or "")
        except ValueError:
            return None  # chunked or undeclared: the app's limits read it
        if not 0 < length <= max_body_bytes(self.app.config):
            return None
        if TABLET_COOKIE not in environ.get("HTTP_COOKIE", ""):
            return None  # only a tablet's send; a signed-in browser's goes the full way
        raw = environ["wsgi.input"].read(length)
        return raw if len(raw) == length else None

    def _fault(self, environ, start_response, fault: OperationalError):
        """The app's own answer to a database fault, from its error handler, without running the view."""
        with self.app.request_context(environ):
            response = self.app.make_response(self.app.handle_user_exception(fault))
            return self.app.process_response(response)(environ, start_response)

    def _deliver(self, environ, raw: bytes) -> dict | OperationalError | None:
        """The answer to a delivered gesture; None (nothing kept) for the app to answer; a database fault."""
        with self.app.app_context():
            try:
                body = decode_json(raw)
                if not isinstance(body, dict):
                    return None
                body = PATHS[environ["PATH_INFO"]](raw, body)
                device = parse_cookie(environ).get(TABLET_COOKIE, "")
                logged = deliver(body, device=device, tablet_only=True)
            except HANDED_ON:
                get_session().rollback()
                return None
            except OperationalError as fault:  # locked past the busy timeout, or the server is gone
                get_session().rollback()
                return fault
            except Exception:  # a fault of ours: logged, and the app answers as it would without the lane
                LOG.exception("the outbox lane handed a request on after an unexpected error")
                get_session().rollback()
                return None
            thanks = self.app.url_map.bind_to_environ(environ).build("gestures.saved",
                                                                     {"gesture_id": logged.id})
            return answer(logged, thanks)


def init_app(app: Flask) -> None:
    """Put the lane in front of the app (after every other WSGI middleware is in place)."""
    app.wsgi_app = OutboxLane(app)
