"""The bad-input corpus through the log form and the outbox's JSON: refused on the right field, and
nothing stored (issue 11)."""

import json
import uuid

import pytest
from sqlmodel import select

from ledger.models import Gesture
from tests.corpus.bad_gestures import CASES, WRONG_TYPES
from tests.factories import make_mandate, make_team
from tests.web.signin import enrol, make_staff, sign_in_with_pin
from tests.web.test_api_gestures import form_token

VALID = {"kind": "treat", "trigger": "waiting", "reaction": "4", "cost_pick": "200", "cost": "",
         "when": "now", "description": "Coffee for a guest who waited"}
EN = {"Accept-Language": "en"}


@pytest.fixture
def desk(session, client):
    team = make_team(session, "Front desk")
    make_mandate(session, team, cap=2500)
    anouk = make_staff(session, team, "Anouk")
    sign_in_with_pin(client, anouk, enrol(client, session, team))


def nothing_stored(session) -> bool:
    session.expire_all()
    return session.exec(select(Gesture)).first() is None


@pytest.mark.parametrize(("name", "overrides", "field"), CASES, ids=[case[0] for case in CASES])
def test_the_outbox_refuses_bad_input_on_its_field_and_stores_nothing(client, session, desk, name, overrides,
                                                                      field):
    body = {**VALID, **overrides, "gesture_id": str(uuid.uuid4()), "send_token": form_token(client)}
    answer = client.post("/api/gestures", json=body, headers=EN)
    assert answer.status_code == 422, answer.get_data(as_text=True)
    assert field in answer.get_json()["codes"] and nothing_stored(session)


@pytest.mark.parametrize(("name", "overrides", "field"), CASES, ids=[case[0] for case in CASES])
def test_the_log_form_refuses_bad_input_next_to_its_field_and_stores_nothing(client, session, desk, name,
                                                                             overrides, field):
    form = {**VALID, **overrides, "gesture_id": str(uuid.uuid4())}
    answer = client.post("/log", data=form, headers=EN)
    assert answer.status_code == 422 and nothing_stored(session)
    page = answer.get_data(as_text=True)
    assert f'id="{field}-error"' in page or (field in ("day", "time") and 'id="when-error"' in page)


@pytest.mark.parametrize(("name", "overrides", "field"), WRONG_TYPES, ids=[case[0] for case in WRONG_TYPES])
def test_wrong_json_types_are_refused_on_their_field(client, session, desk, name, overrides, field):
    body = {**VALID, **overrides, "gesture_id": str(uuid.uuid4()), "send_token": form_token(client)}
    answer = client.post("/api/gestures", json=body, headers=EN)
    assert answer.status_code == 422 and field in answer.get_json()["codes"] and nothing_stored(session)


def test_the_same_id_with_other_content_is_a_conflict_and_the_first_stays(client, session, desk):
    body = {**VALID, "gesture_id": str(uuid.uuid4()), "send_token": form_token(client)}
    assert client.post("/api/gestures", json=body).status_code == 201
    assert client.post("/api/gestures", json={**body, "reaction": "5"}).status_code == 409
    session.expire_all()
    assert [row.reaction for row in session.exec(select(Gesture))] == [4]


@pytest.mark.parametrize(("content_type", "status"), [
    ("text/plain", 415), ("application/x-www-form-urlencoded", 415),
    ("application/json; charset=latin-1", 400), ("application/json; charset=utf-16", 400)])
def test_wrong_content_types_and_charsets_are_refused(client, session, desk, content_type, status):
    body = {**VALID, "gesture_id": str(uuid.uuid4()), "send_token": form_token(client)}
    answer = client.post("/api/gestures", data=json.dumps(body).encode(), content_type=content_type)
    assert answer.status_code == status and nothing_stored(session)
