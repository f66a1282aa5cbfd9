"""API v1 gestures: logging is idempotent on the id, reading follows corrections and voids, lists page."""

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import select

from ledger.models import Appreciation, Gesture
from tests.web.api_v1 import auth, gesture_body, make_ledger, token_for


@pytest.fixture
def ledger(session):
    return make_ledger(session)


@pytest.fixture
def headers(session, ledger):
    return auth(token_for(session, ledger, ledger.desk))


def rows(session):
    session.expire_all()
    return list(session.exec(select(Gesture)))


def test_a_gesture_posted_to_the_api_is_stored_and_answered_with_its_mandate_check(client, session, ledger,
                                                                                 headers):
    body = gesture_body(ledger.desk, ledger.anouk)
    response = client.post("/api/v1/gestures", json=body, headers=headers)
    assert response.status_code == 201, response.get_json()
    data = response.get_json()
    assert data["id"] == body["id"] and data["status"] == "active" and data["mandate_check"] == "within"
    assert data["cost_cents"] == 250 and data["logged_by_id"] == ledger.admin.id
    assert [r.cost_cents for r in rows(session)] == [250]


def test_the_same_id_and_content_again_stores_nothing_new(client, session, ledger, headers):
    body = gesture_body(ledger.desk, ledger.anouk)
    assert client.post("/api/v1/gestures", json=body, headers=headers).status_code == 201
    again = client.post("/api/v1/gestures", json=body, headers=headers)
    assert again.status_code == 200 and again.get_json()["id"] == body["id"]
    assert len(rows(session)) == 1


def test_the_same_id_with_other_content_is_a_conflict(client, session, ledger, headers):
    body = gesture_body(ledger.desk, ledger.anouk)
    client.post("/api/v1/gestures", json=body, headers=headers)
    response = client.post("/api/v1/gestures", json={**body, "cost_cents": 900}, headers=headers)
    assert response.status_code == 409
    assert response.headers["Content-Type"] == "application/problem+json"
    assert [r.cost_cents for r in rows(session)] == [250]


def test_refused_fields_are_named_with_the_ledgers_codes_and_nothing_is_stored(client, session, ledger,
                                                                              headers):
    body = gesture_body(ledger.desk, ledger.anouk, cost_cents=-5, kind="bribe", reaction="4",
                        description="x" * 501)
    del body["trigger"]
    response = client.post("/api/v1/gestures", json=body, headers=headers)
    problem = response.get_json()
    assert response.status_code == 422 and problem["status"] == 422
    assert problem["codes"] == {"cost_cents": "negative", "kind": "unknown", "reaction": "type",
                                "description": "too_long", "trigger": "required"}
    assert set(problem["errors"]) == set(problem["codes"])
    assert rows(session) == []


def test_the_ledgers_own_rules_answer_in_the_same_shape(client, session, ledger, headers):
    future = (datetime.now(UTC) + timedelta(days=2)).isoformat()
    response = client.post("/api/v1/gestures", headers=headers,
                           json=gesture_body(ledger.desk, ledger.anouk, occurred_at=future))
    assert response.status_code == 422 and response.get_json()["codes"] == {"occurred_at": "future"}
    naive = client.post("/api/v1/gestures", headers=headers,
                        json=gesture_body(ledger.desk, ledger.anouk, occurred_at="2026-11-30T10:00:00"))
    assert naive.get_json()["codes"] == {"occurred_at": "naive"}


def test_a_gesture_is_read_as_it_stands_after_a_correction_and_a_void(client, session, ledger, headers):
    body = gesture_body(ledger.desk, ledger.anouk)
    client.post("/api/v1/gestures", json=body, headers=headers)
    fixed = {k: v for k, v in body.items() if k not in ("id", "team_id", "person_id")}
    corrected = client.post(f"/api/v1/gestures/{body['id']}/corrections", headers=headers,
                            json={**fixed, "cost_cents": 300, "reason": "Two coffees"})
    assert corrected.status_code == 201, corrected.get_json()
    read = client.get(f"/api/v1/gestures/{body['id']}", headers=headers).get_json()
    assert read["cost_cents"] == 300 and read["corrections"] == 1 and read["id"] == body["id"]
    voided = client.post(f"/api/v1/gestures/{body['id']}/void", json={"reason": "Typed twice"},
                         headers=headers)
    assert voided.status_code == 201 and voided.get_json()["status"] == "voided"
    again = client.post(f"/api/v1/gestures/{body['id']}/void", json={"reason": "Again"}, headers=headers)
    assert again.status_code == 409
    assert len(rows(session)) == 3  # append-only: original, correction, void


def test_a_correction_sent_twice_with_its_id_is_stored_once(client, session, ledger, headers):
    body = gesture_body(ledger.desk, ledger.anouk)
    client.post("/api/v1/gestures", json=body, headers=headers)
    fixed = {k: v for k, v in body.items() if k not in ("id", "team_id", "person_id")}
    correction = {**fixed, "cost_cents": 300, "reason": "Two coffees", "id": str(uuid.uuid4())}
    url = f"/api/v1/gestures/{body['id']}/corrections"
    assert client.post(url, json=correction, headers=headers).status_code == 201
    assert client.post(url, json=correction, headers=headers).status_code == 200
    assert len(rows(session)) == 2


def test_a_colleague_appreciates_a_gesture_once(client, session, ledger, headers):
    body = gesture_body(ledger.desk, ledger.anouk)
    client.post("/api/v1/gestures", json=body, headers=headers)
    url = f"/api/v1/gestures/{body['id']}/appreciations"
    first = client.post(url, json={"person_id": ledger.bram.id, "note": "Lovely"}, headers=headers)
    assert first.status_code == 201 and first.get_json()["note"] == "Lovely"
    assert client.post(url, json={"person_id": ledger.bram.id}, headers=headers).status_code == 200
    own = client.post(url, json={"person_id": ledger.anouk.id}, headers=headers)
    assert own.status_code == 403
    session.expire_all()
    assert len(list(session.exec(select(Appreciation)))) == 1


def test_a_teams_period_is_read_page_by_page_without_gaps_or_repeats(client, session, ledger, headers):
    now = datetime.now(UTC)
    sent = []
    for hours in range(1, 8):
        body = gesture_body(ledger.desk, ledger.anouk, occurred_at=(now - timedelta(hours=hours)).isoformat())
        client.post("/api/v1/gestures", json=body, headers=headers)
        sent.append(body["id"])
    today = now.date()
    params = {"from": (today - timedelta(days=1)).isoformat(), "to": (today + timedelta(days=1)).isoformat(),
              "limit": 3}
    seen, pages, cursor = [], 0, None
    while True:
        page = client.get(f"/api/v1/teams/{ledger.desk.id}/gestures", headers=headers,
                          query_string={**params, **({"cursor": cursor} if cursor else {})}).get_json()
        seen += [g["id"] for g in page["gestures"]]
        pages += 1
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert pages == 3 and sorted(seen) == sorted(sent) and len(seen) == len(set(seen))
    assert seen == list(reversed(sent))  # oldest first


def test_a_broken_cursor_is_refused_by_name(client, session, ledger, headers):
    response = client.get(f"/api/v1/teams/{ledger.desk.id}/gestures", headers=headers,
                          query_string={"from": "2026-01-01", "to": "2026-01-31", "cursor": "bm90IGpzb24"})
    assert response.status_code == 422 and response.get_json()["codes"] == {"cursor": "format"}
