"""The tablet's outbox through API v1 (POST /api/v1/outbox/gestures): the send token and the tablet, no API
token; the old endpoint's answers and idempotency; refused fields named as the log form names them."""

import re

import pytest
from sqlmodel import select

from ledger.models import Gesture
from tests.factories import make_team
from tests.web.api_v1 import auth, form_token, make_ledger, outbox_body, token_for
from tests.web.signin import enrol, make_manager, sign_in_with_password
from web.api.v1.schemas import OutboxGesture
from web.security import TABLET_COOKIE

URL = "/api/v1/outbox/gestures"


def rows(session):
    session.expire_all()
    return list(session.exec(select(Gesture)))


def refused(response, status: int) -> dict:
    assert response.status_code == status, response.get_json()
    assert response.headers["Content-Type"] == "application/problem+json"
    return response.get_json()


def test_the_log_page_sends_its_outbox_to_api_v1(client, desk):
    html = client.get("/log").get_data(as_text=True)
    assert re.search(r'id="outbox"[^>]*data-api="/api/v1/outbox/gestures"', html)


def test_the_body_schema_has_exactly_the_fields_the_log_form_sends(client, desk):
    # log.js sends every named field of the form except these two, and adds queued_at.
    html = client.get("/log").get_data(as_text=True)
    start = html.index('id="gesture-form"')
    form = html[start:html.index("</form>", start)]
    sent = (set(re.findall(r'name="([a-z_]+)"', form)) - {"csrf_token", "person_name"}) | {"queued_at"}
    assert sent == set(OutboxGesture.model_fields)


def test_a_gesture_from_the_tablet_is_stored_and_answered_with_where_to_say_thanks(client, session, desk):
    body = outbox_body(form_token(client))
    response = client.post(URL, json=body)
    assert response.status_code == 201
    data = response.get_json()
    assert data == {"id": body["gesture_id"], "created": True, "mandate_check": "within", "redacted": [],
                    "thanks_url": f"/log/saved/{body['gesture_id']}"}
    [row] = rows(session)
    assert (row.cost_cents, row.effort_minutes, row.person_id) == (200, 5, desk[1].id)
    assert "Anouk" in client.get(data["thanks_url"]).get_data(as_text=True)


def test_the_same_gesture_sent_again_is_stored_once_and_answered_200(client, session, desk):
    body = outbox_body(form_token(client))
    assert client.post(URL, json=body).status_code == 201
    again = client.post(URL, json=body)
    assert again.status_code == 200 and again.get_json()["created"] is False
    assert len(rows(session)) == 1


def test_the_same_id_with_other_content_is_a_conflict(client, session, desk):
    body = outbox_body(form_token(client))
    client.post(URL, json=body)
    problem = refused(client.post(URL, json={**body, "kind": "gift"}), 409)
    assert problem["codes"] == {"form": "conflict"}
    assert [r.kind for r in rows(session)] == ["treat"]


def test_a_queued_gesture_arrives_after_the_pin_session_ended(client, session, desk):
    token = form_token(client)
    client.get("/tablet")  # the names end the PIN session; the tablet's cookie and the token remain
    assert client.post(URL, json=outbox_body(token)).status_code == 201


def test_without_the_tablets_cookie_the_token_is_refused(app, client, session, desk):
    token = form_token(client)
    problem = refused(app.test_client().post(URL, json=outbox_body(token)), 403)
    assert problem["error"] == "send_refused"
    assert rows(session) == []


def test_another_tablets_cookie_is_refused_of_the_same_team_or_another(app, client, session, desk):
    token = form_token(client)
    for team in (desk[0], make_team(session, "Supermarket floor")):
        other = app.test_client()
        enrol(other, session, team)
        refused(other.post(URL, json=outbox_body(token)), 403)
    assert rows(session) == []


def test_a_signed_out_persons_token_is_refused(client, session, desk):
    token = form_token(client)
    client.post("/tablet/leave")
    refused(client.post(URL, json=outbox_body(token)), 403)
    assert rows(session) == []


def test_a_forged_or_expired_token_is_refused_in_the_users_language(app, client, session, desk):
    token = form_token(client)
    for bad in ("", "forged.token.value", token[:-2] + "xx"):
        refused(client.post(URL, json=outbox_body(bad)), 403)
    app.config["SEND_TOKEN_MAX_AGE"] = -1
    problem = refused(client.post(URL, json=outbox_body(token), headers={"Accept-Language": "nl"}), 403)
    assert problem["detail"].startswith("Dit gebaar kan niet vanaf hier")
    assert rows(session) == []


def test_an_api_token_is_no_send_token(app, session):
    ledger = make_ledger(session)
    headers = auth(token_for(session, ledger, ledger.desk))
    refused(app.test_client().post(URL, json=outbox_body("no-send-token"), headers=headers), 403)
    body = outbox_body("")
    del body["send_token"]
    refused(app.test_client().post(URL, json=body, headers=headers), 403)  # missing: as a wrong one
    assert rows(session) == []


def test_a_signed_in_browser_that_is_no_tablet_sends_its_own_gestures(app, session):
    team = make_team(session, "Front desk")
    maria = make_manager(session, team)
    laptop = app.test_client()
    sign_in_with_password(laptop, maria, team)
    token = form_token(laptop)
    refused(app.test_client().post(URL, json=outbox_body(token)), 403)  # not from another browser
    assert laptop.post(URL, json=outbox_body(token)).status_code == 201
    assert [r.logged_by_id for r in rows(session)] == [maria.id]


def test_refused_fields_are_named_as_the_form_names_them_with_the_ledgers_codes(client, session, desk):
    token = form_token(client)
    cases = [
        ({"cost_pick": "", "cost": "snan", "kind": ""}, {"cost": "format", "kind": "required"}),
        ({"effort": "700"}, {"effort": "too_large"}),  # the ledger's rule on effort_minutes, named "effort"
        ({"when": "earlier", "day": "gisteren", "time": "25:00"},
         {"day": "date_format", "time": "time_format"}),
        ({"reaction": 4}, {"reaction": "type"}),  # the form sends text
        ({"gesture_id": "nope"}, {"gesture_id": "type"}),
    ]
    dutch = {"Accept-Language": "nl"}
    for extra, codes in cases:
        problem = refused(client.post(URL, json=outbox_body(token, **extra), headers=dutch), 422)
        assert problem["codes"] == codes, extra
        assert set(problem["errors"]) == set(codes)
    problem = client.post(URL, json=outbox_body(token, cost_pick="", cost="snan"), headers=dutch).get_json()
    assert problem["errors"] == {"cost": "Typ een bedrag zoals 4,50 of 4.50."}
    assert rows(session) == []


def test_a_field_an_older_page_sent_is_ignored_so_its_queued_gesture_still_arrives(client, session, desk):
    assert client.post(URL, json=outbox_body(form_token(client), person_name="Anouk")).status_code == 201


@pytest.mark.parametrize(("send", "status"), [
    ({"data": "kind=gift"}, 415),
    ({"data": "{not json", "content_type": "application/json"}, 400),
    ({"data": "[1, 2]", "content_type": "application/json"}, 400),
    ({"data": '{"a": "' + "x" * 70_000 + '"}', "content_type": "application/json"}, 413),
])
def test_a_body_that_is_not_a_json_object_is_refused_as_elsewhere(client, session, desk, send, status):
    refused(client.post(URL, **send), status)
    assert rows(session) == []


def test_it_needs_no_session_csrf_token(app, client, session, desk):
    app.config["WTF_CSRF_ENABLED"] = True
    assert client.post(URL, json=outbox_body(form_token(client))).status_code == 201


def test_the_old_endpoint_and_v1_store_the_same_gesture_once(client, session, desk):
    body = outbox_body(form_token(client))
    assert client.post("/api/gestures", json=body).status_code == 201  # a page cached before v1
    assert client.post(URL, json=body).status_code == 200
    assert len(rows(session)) == 1


def test_a_tablet_cookie_without_a_signed_in_token_is_no_pass(app, session, desk):
    # The device cookie alone (a tablet showing the names) sends nothing: the token is what authorises.
    tablet = app.test_client()
    enrol(tablet, session, desk[0])
    refused(tablet.post(URL, json=outbox_body("")), 403)
    assert tablet.get_cookie(TABLET_COOKIE) is not None and rows(session) == []
