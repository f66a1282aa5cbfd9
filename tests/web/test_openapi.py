"""The OpenAPI document of API v1: generated from the models the endpoints validate with, covering every
v1 route, and describing the answers real requests get (validated with jsonschema)."""

import re
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from jsonschema import Draft202012Validator

from ledger.services.gesture_rules import MAX_GESTURE_CENTS
from tests.web.api_v1 import auth, form_token, gesture_body, make_ledger, outbox_body, token_for
from tests.web.signin import enrol, sign_in_with_pin
from web.api.v1.schemas import GestureCreate, OutboxGesture
from web.security import TABLET_COOKIE


@pytest.fixture
def document(client):
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200
    return response.get_json()


def _check(document: dict, response, method: str, path: str) -> None:
    """The response's status, content type and body are the ones the document declares for it."""
    declared = document["paths"][path][method]["responses"]
    assert str(response.status_code) in declared, (path, response.status_code)
    content_type = response.headers["Content-Type"].split(";")[0]
    schema = declared[str(response.status_code)]["content"][content_type]["schema"]
    validator = Draft202012Validator({**schema, "components": document["components"]})
    errors = [e.message for e in validator.iter_errors(response.get_json())]
    assert errors == [], (path, errors)


def test_the_document_is_openapi_3_1_and_covers_every_v1_route(app, document):
    assert document["openapi"] == "3.1.0"
    rules = {(re.sub(r"<(?:[^:>]+:)?([^>]+)>", r"{\1}", r.rule), method.lower())
             for r in app.url_map.iter_rules() if r.rule.startswith("/api/v1/") and "openapi" not in r.rule
             for method in r.methods - {"HEAD", "OPTIONS"}}
    documented = {(path, method) for path, ops in document["paths"].items() for method in ops}
    assert rules == documented


def test_the_documents_schemas_are_the_models_the_endpoints_validate_with(document):
    create = document["components"]["schemas"]["GestureCreate"]
    assert create["properties"]["cost_cents"]["maximum"] == MAX_GESTURE_CENTS
    assert set(create["required"]) == {n for n, f in GestureCreate.model_fields.items() if f.is_required()}
    assert create["additionalProperties"] is False


def test_real_answers_match_the_document(client, session, document):
    ledger = make_ledger(session)
    headers = auth(token_for(session, ledger, ledger.desk))
    body = gesture_body(ledger.desk, ledger.anouk, follow_up="returned")
    gid, team = body["id"], ledger.desk.id
    content = {k: v for k, v in body.items() if k not in ("id", "team_id", "person_id")}
    today = datetime.now(UTC).date()
    calls = [
        ("post", "/api/v1/gestures", body),
        ("post", "/api/v1/gestures", body),  # 200: the same again
        ("post", "/api/v1/gestures", {**body, "cost_cents": 1}),  # 409
        ("post", "/api/v1/gestures", {**body, "id": str(uuid.uuid4()), "reaction": 9}),  # 422
        ("get", f"/api/v1/gestures/{gid}", None),
        ("get", f"/api/v1/teams/{team}/gestures?from={today - timedelta(days=1)}&to={today}&limit=1", None),
        ("post", f"/api/v1/gestures/{gid}/corrections", {**content, "reason": "Two coffees"}),
        ("post", f"/api/v1/gestures/{gid}/appreciations", {"person_id": ledger.bram.id, "note": "Kind"}),
        ("post", f"/api/v1/gestures/{gid}/void", {"reason": "Typed twice"}),
        ("get", "/api/v1/teams", None),
        ("get", f"/api/v1/teams/{team}", None),
        ("get", f"/api/v1/teams/{team}/people", None),
        ("get", f"/api/v1/teams/{team}/mandate", None),
        ("get", f"/api/v1/teams/{team}/mandate?on=1999-01-01", None),  # 422
        ("get", f"/api/v1/teams/{team}/reports/2026-W40?lang=nl", None),
        ("get", f"/api/v1/teams/{team}/reports/2026-W99", None),  # 422
        ("get", f"/api/v1/teams/{ledger.bar.id}", None),  # 404: not the token's team
    ]
    for method, url, json in calls:
        response = getattr(client, method)(url, json=json, headers=headers)
        path = re.sub(r"/(\d+|[0-9a-f-]{36}|\d{4}-W\d\d)(?=/|$|\?)", _placeholder(url), url.split("?")[0])
        _check(document, response, method, path)
    unauthorised = client.get("/api/v1/teams")
    _check(document, unauthorised, "get", "/api/v1/teams")


def test_the_outbox_operation_is_documented_with_its_own_authentication(document):
    operation = document["paths"]["/api/v1/outbox/gestures"]["post"]
    assert operation["security"] == [{"tabletDevice": []}, {"signInSession": []}]  # no API token
    schemes = document["components"]["securitySchemes"]
    assert schemes["tabletDevice"] == {**schemes["tabletDevice"], "type": "apiKey", "in": "cookie",
                                       "name": TABLET_COOKIE}
    assert "send_token" in schemes["tabletDevice"]["description"]
    assert {"401", "429"}.isdisjoint(operation["responses"])  # no API token, no token rate
    body = document["components"]["schemas"]["OutboxGesture"]
    assert set(body["properties"]) == set(OutboxGesture.model_fields)
    assert body["required"] == ["gesture_id"]  # a missing send token is a 403, as a wrong one


def test_the_outbox_operations_real_answers_match_the_document(app, client, session, document):
    ledger = make_ledger(session)
    sign_in_with_pin(client, ledger.anouk, enrol(client, session, ledger.desk))
    body, path = outbox_body(form_token(client)), "/api/v1/outbox/gestures"
    stranger = app.test_client()
    calls = [
        (client, body),  # 201
        (client, body),  # 200: the same again
        (client, {**body, "kind": "gift"}),  # 409
        (client, outbox_body(body["send_token"], cost_pick="", cost="snan")),  # 422
        (stranger, outbox_body(body["send_token"])),  # 403: not from the token's tablet
    ]
    statuses = []
    for sender, json in calls:
        response = sender.post(path, json=json)
        statuses.append(response.status_code)
        _check(document, response, "post", path)
    assert statuses == [201, 200, 409, 422, 403]
    _check(document, client.post(path, data="kind=gift"), "post", path)  # 415


def _placeholder(url: str):
    """Turn the concrete ids of a URL back into the document's path template."""
    def name(match: re.Match) -> str:
        before = url[:match.start()]
        if before.endswith("/gestures"):
            return "/{gesture_id}"
        if before.endswith("/reports"):
            return "/{week}"
        return "/{team_id}"
    return name
