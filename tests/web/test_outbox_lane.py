"""The outbox's lane (web/api/lane.py): a tablet's gesture is stored without the app's plumbing, and every
other answer still comes from the app, unchanged."""

import json
import time

import pytest
from sqlmodel import select

from ledger.models import Membership
from tests.web.test_api_gestures import form_token, gesture, rows
from tests.web.test_hostile_errors import post_chunked
from web.api.lane import OutboxLane
from web.security import TABLET_COOKIE

# Both outbox endpoints (the old one stays for cached pages) and their views.
OUTBOXES = {"/api/v1/outbox/gestures": "api.v1.send_outbox_gesture", "/api/gestures": "api.post_gesture"}


@pytest.fixture(params=list(OUTBOXES))
def outbox(request) -> str:
    return request.param


@pytest.fixture
def app_view_calls(app, outbox):
    """Count the app's own outbox view: the lane stores a tablet's gesture without it."""
    endpoint = OUTBOXES[outbox]
    calls, view = [], app.view_functions[endpoint]

    def counted(*args, **kwargs):
        calls.append(1)
        return view(*args, **kwargs)

    app.view_functions[endpoint] = counted
    yield calls
    app.view_functions[endpoint] = view


def test_a_tablets_gesture_is_stored_by_the_lane_without_the_apps_view(app, client, session, desk, outbox,
                                                                          app_view_calls):
    assert isinstance(app.wsgi_app, OutboxLane)
    body = gesture(form_token(client))
    response = client.post(outbox, json=body)
    assert response.status_code == 201 and response.get_json()["id"] == body["gesture_id"]
    assert response.get_json()["thanks_url"] == f"/log/saved/{body['gesture_id']}"
    assert app_view_calls == [] and len(rows(session)) == 1
    again = client.post(outbox, json=body)  # resent: the same answer as the app's, 200
    assert again.status_code == 200 and again.get_json()["created"] is False and app_view_calls == []


def test_the_lanes_answer_carries_the_apps_security_headers(app, client, session, desk, outbox):
    token = form_token(client)
    from_lane = client.post(outbox, json=gesture(token))
    from_app = client.post(outbox, json=gesture(token, kind="no-such-kind"))  # 422: the app answers
    assert (from_lane.status_code, from_app.status_code) == (201, 422)
    for name in ("Content-Security-Policy", "X-Content-Type-Options", "X-Frame-Options", "Referrer-Policy",
                 "Cross-Origin-Opener-Policy", "Permissions-Policy", "Cache-Control"):
        assert from_lane.headers[name] == from_app.headers[name], name
    assert from_lane.headers["Cache-Control"] == "no-store" and "Cookie" in from_lane.headers["Vary"]


@pytest.mark.parametrize("case", ["bad token", "field error", "no device cookie", "chunked body"])
def test_anything_but_a_delivered_gesture_is_answered_by_the_app_with_nothing_kept(
        app, client, session, desk, outbox, app_view_calls, case):
    token = form_token(client)
    body = gesture(token)
    if case == "bad token":
        body["send_token"] = token[:-2] + "xx"
    elif case == "field error":
        body["reaction"] = "6"
    elif case == "no device cookie":
        client.delete_cookie(TABLET_COOKIE)
    if case == "chunked body":  # no Content-Length up front: the app's limits read it
        response = post_chunked(client, outbox, "application/json", json.dumps(body).encode())
    else:
        response = client.post(outbox, json=body)
    assert app_view_calls == [1]
    # Without the device cookie the app still takes it from the sign-in's own browser (her PIN session).
    stored = case in ("chunked body", "no device cookie")
    assert response.status_code == {"bad token": 403, "field error": 422}.get(case, 201)
    assert len(rows(session)) == (1 if stored else 0)


def test_a_send_from_the_queue_does_not_keep_a_pin_session_alive(app, client, session, desk, outbox):
    token = form_token(client)  # the person's last request at the tablet
    app.config["PIN_IDLE_SECONDS"] = 2
    time.sleep(2.5)  # they walked away from the tablet
    assert client.post(outbox, json=gesture(token)).status_code == 201
    # Had the send counted as someone at the tablet, the log screen would still be theirs.
    assert client.get("/log").status_code == 302


def test_a_sender_taken_off_the_team_after_the_form_is_refused_field_by_field(app, client, session, desk,
                                                                                outbox):
    # The one delivery read also asks for membership; without it logging must ask again and refuse.
    token = form_token(client)
    membership = session.exec(select(Membership)).one()
    session.delete(membership)
    session.commit()
    response = client.post(outbox, json=gesture(token))
    assert response.status_code == 422
    assert response.get_json()["codes"] == {"form": "not_member"}
    assert rows(session) == []


def test_a_locked_database_is_answered_503_once_not_tried_again_by_the_app(client, session, desk, outbox,
                                                                            app_view_calls, write_lock):
    body = gesture(form_token(client))
    write_lock.execute("BEGIN IMMEDIATE")  # another writer holds the lock past the busy timeout
    busy = client.post(outbox, json=body)
    # The app's own answer (its error handler), without a second wait through its view.
    assert busy.status_code == 503 and busy.mimetype == "application/problem+json"
    assert busy.headers["Retry-After"].isdigit() and busy.headers["X-Frame-Options"] == "DENY"
    assert app_view_calls == []
    write_lock.execute("ROLLBACK")
    assert client.post(outbox, json=body).status_code == 201 and len(rows(session)) == 1
