"""schemathesis against API v1 (issue 11, "Hostile input, automated"): every operation of the OpenAPI
document gets generated requests, valid and broken; no answer is a server error and every answer is
one the document declares, with the declared content type, headers and body shape.

The tablet's outbox operation is authenticated as the tablet is: a signed-in tablet's device cookie, and
its send token put into each generated body (a random one would only ever hear 403).

Bounded (few examples per operation) so that it runs in `make test` on both databases in well under a
minute; the load tests and the route walk cover the rest.
"""

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from tests.factories import make_gesture
from tests.web.api_v1 import form_token, make_ledger, token_for
from tests.web.signin import enrol, sign_in_with_pin
from web.security import TABLET_COOKIE

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance,
          response_headers_conformance, response_schema_conformance]


@pytest.fixture
def ledger(session):
    ledger = make_ledger(session)
    make_gesture(session, ledger.desk, ledger.anouk)
    return ledger


@pytest.fixture
def api_secret(session, ledger):
    return token_for(session, ledger, ledger.desk, ledger.bar, rate=10_000)


@pytest.fixture
def tablet(app, session, ledger) -> tuple[str, str]:
    """A desk tablet with Anouk signed in by PIN: its device cookie and the send token of her log form."""
    client = app.test_client()
    sign_in_with_pin(client, ledger.anouk, enrol(client, session, ledger.desk))
    return client.get_cookie(TABLET_COOKIE).value, form_token(client)


def _document() -> dict:
    """The document as the app serves it (built without a database: it holds no data)."""
    from web import create_app

    app = create_app({"TESTING": True, "SECRET_KEY": "test-secret", "DATABASE_URL": "sqlite://"})
    try:
        return app.test_client().get("/api/v1/openapi.json").get_json()
    finally:
        app.extensions["engine"].dispose()


# Loaded at collection (schemathesis' fixture-based lazy loading does not run under pytest 9); the requests
# go to the test's own app, on the test database.
schema = schemathesis.openapi.from_dict(_document())


@schema.parametrize()
@settings(max_examples=5, deadline=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
def test_no_operation_answers_a_server_error_or_off_the_document(case, app, api_secret, tablet):
    cookies = {}
    if case.path == "/api/v1/outbox/gestures":
        device, send_token = tablet
        cookies[TABLET_COOKIE] = device
        if isinstance(case.body, dict):
            case.body["send_token"] = send_token
    case.call_and_validate(app=app, headers={"Authorization": f"Bearer {api_secret}"}, cookies=cookies,
                           checks=CHECKS)
