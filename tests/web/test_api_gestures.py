"""The outbox's JSON endpoint: authorised by the tablet plus a signed send token, idempotent on the id."""

import re
import time
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from itsdangerous.timed import TimestampSigner
from sqlalchemy import event
from sqlmodel import select

from ledger.models import Gesture
from ledger.services.signins import end_everywhere
from tests.factories import make_team
from tests.web.signin import enrol, make_manager, sign_in_with_password, sign_in_with_pin
from web.security import TABLET_COOKIE
from web.send_tokens import DEFAULT_TOKEN_MAX_AGE, _serializer


def form_token(client) -> str:
    """The send token the log screen hands out with its form."""
    html = client.get("/log").get_data(as_text=True)
    return re.search(r'name="send_token" value="([^"]+)"', html)[1]


def gesture(token: str, **extra) -> dict:
    return {"send_token": token, "gesture_id": str(uuid.uuid4()), "kind": "treat", "trigger": "waiting",
            "reaction": "4", "cost_pick": "200", "when": "now", **extra}


def rows(session):
    session.expire_all()
    return list(session.exec(select(Gesture)))


def test_a_gesture_sent_as_json_is_stored_and_answered_with_where_to_say_thanks(client, session, desk):
    body = gesture(form_token(client))
    response = client.post("/api/gestures", json=body)
    assert response.status_code == 201
    data = response.get_json()
    assert data["id"] == body["gesture_id"] and data["created"] is True and data["mandate_check"] == "within"
    assert data["thanks_url"].startswith(f"/log/saved/{body['gesture_id']}")
    assert rows(session)[0].cost_cents == 200


def test_sending_the_same_gesture_again_stores_it_once(client, session, desk):
    body = gesture(form_token(client))
    assert client.post("/api/gestures", json=body).status_code == 201
    again = client.post("/api/gestures", json=body)
    assert again.status_code == 200 and again.get_json()["created"] is False
    assert len(rows(session)) == 1


def test_a_queued_gesture_is_accepted_after_its_task_ended_the_pin_session(client, session, desk):
    token = form_token(client)
    client.get("/tablet")  # the names: the PIN session ends, the gesture saved offline is still on its way
    assert client.get("/log").status_code == 302  # nobody is signed in any more
    assert client.post("/api/gestures", json=gesture(token)).status_code == 201
    assert rows(session)[0].logged_by_id == desk[1].id


@pytest.mark.parametrize("ending", ["sign-out", "pin change", "deactivation", "role change"])
def test_a_send_token_dies_with_a_sign_out_or_a_change_of_the_person(client, session, desk, ending):
    _team, anouk, _tablet = desk
    token = form_token(client)
    if ending == "sign-out":
        client.post("/tablet/leave")
    elif ending == "pin change":
        end_everywhere(session=session, person_id=anouk.id, reason="pin_changed")
    elif ending == "deactivation":
        anouk.active = False
    else:
        anouk.session_version += 1  # what ledger/services/admin_people.change_role does
    session.add(anouk)
    session.commit()
    assert client.post("/api/gestures", json=gesture(token)).status_code == 403
    assert rows(session) == []


def test_a_send_token_taken_to_a_fresh_browser_with_the_tablet_cookie_dies_at_sign_out(app, client, session,
                                                                                       desk):
    token = form_token(client)
    fresh = app.test_client()
    fresh.set_cookie(TABLET_COOKIE, client.get_cookie(TABLET_COOKIE).value)
    client.post("/tablet/leave")
    assert fresh.post("/api/gestures", json=gesture(token)).status_code == 403


def test_a_send_token_lives_a_quarter_of_an_hour(app, client, session, desk, monkeypatch):
    token = form_token(client)
    later = time.time() + DEFAULT_TOKEN_MAX_AGE + 5
    monkeypatch.setattr(TimestampSigner, "get_timestamp", lambda self: int(later))
    assert DEFAULT_TOKEN_MAX_AGE <= 15 * 60
    assert client.post("/api/gestures", json=gesture(token)).status_code == 403


def test_a_managers_pin_on_a_tablet_leaves_their_laptop_signed_in(app, client, session, desk):
    team, _anouk, tablet = desk
    maria = make_manager(session, team)
    laptop = app.test_client()
    sign_in_with_password(laptop, maria)
    sign_in_with_pin(client, maria, tablet)
    client.post("/tablet/leave")
    assert laptop.get("/tablet/register").status_code == 200


def test_a_queued_gesture_keeps_the_moment_it_was_saved_on_the_tablet(app, client, session, desk,
                                                                      monkeypatch):
    team, anouk, _tablet = desk
    ten_minutes_ago = int(time.time()) - 600
    claims = form_token(client)
    with monkeypatch.context() as m, app.app_context():
        # The form was opened ten minutes ago (the same token, signed then); queued five minutes ago.
        claims = _serializer().loads(claims)
        m.setattr(TimestampSigner, "get_timestamp", lambda self: ten_minutes_ago)
        token = _serializer().dumps(claims)
    queued = datetime.now(UTC) - timedelta(minutes=5)
    body = gesture(token, queued_at=queued.isoformat().replace("+00:00", "Z"))
    client.post("/api/gestures", json=body)
    assert abs(rows(session)[0].occurred_at - queued) < timedelta(seconds=1)


def test_a_queued_moment_before_the_form_was_issued_is_not_believed(client, session, desk):
    body = gesture(form_token(client), queued_at=(datetime.now(UTC) - timedelta(days=3)).isoformat())
    client.post("/api/gestures", json=body)
    assert datetime.now(UTC) - rows(session)[0].occurred_at < timedelta(minutes=2)


def test_a_tablet_clock_ahead_of_the_server_cannot_push_a_gesture_into_the_future(client, session, desk):
    body = gesture(form_token(client), queued_at=(datetime.now(UTC) + timedelta(hours=3)).isoformat())
    assert client.post("/api/gestures", json=body).status_code == 201
    assert rows(session)[0].occurred_at <= datetime.now(UTC)


def test_a_gesture_over_the_cap_is_stored_and_marked(client, session, desk):
    response = client.post("/api/gestures", json=gesture(form_token(client), cost_pick="", cost="40"))
    assert response.status_code == 201 and response.get_json()["mandate_check"] == "over_cap"


def test_invalid_content_is_refused_field_by_field_in_the_users_language(client, session, desk):
    body = gesture(form_token(client), cost_pick="", cost="snan", kind="")
    response = client.post("/api/gestures", json=body, headers={"Accept-Language": "nl"})
    assert response.status_code == 422
    errors = response.get_json()["errors"]
    assert errors["cost"] == "Typ een bedrag zoals 4,50 of 4.50." and "kind" in errors
    assert rows(session) == []


def test_json_of_the_wrong_shape_is_refused_without_a_traceback(client, session, desk):
    token = form_token(client)
    for body in ([1, 2], "text", {"send_token": token, "gesture_id": "nope"},
                 gesture(token, description=["a", "list"]), gesture(token, reaction={"x": 1})):
        response = client.post("/api/gestures", json=body)
        assert response.status_code in (400, 422), body
    assert client.post("/api/gestures", data="kind=gift").status_code == 415  # not JSON at all
    assert rows(session) == []


def test_the_same_id_with_other_content_is_a_conflict(client, session, desk):
    body = gesture(form_token(client))
    client.post("/api/gestures", json=body)
    response = client.post("/api/gestures", json={**body, "kind": "gift"})
    assert response.status_code == 409
    assert len(rows(session)) == 1


def test_a_forged_or_missing_token_is_refused(client, session, desk):
    token = form_token(client)
    for bad in ("", "forged.token.value", token[:-2] + "xx"):
        assert client.post("/api/gestures", json=gesture(bad)).status_code == 403
    assert rows(session) == []


def test_an_expired_token_is_refused(app, client, session, desk):
    token = form_token(client)
    app.config["SEND_TOKEN_MAX_AGE"] = -1
    assert client.post("/api/gestures", json=gesture(token)).status_code == 403
    assert rows(session) == []


def test_a_token_does_not_work_from_another_teams_tablet(app, client, session, desk):
    token = form_token(client)
    other = make_team(session, "Supermarket floor")
    stranger = app.test_client()
    enrol(stranger, session, other)
    assert stranger.post("/api/gestures", json=gesture(token)).status_code == 403
    assert rows(session) == []


def test_a_token_does_not_work_from_a_browser_that_is_no_tablet(app, client, session, desk):
    token = form_token(client)
    assert app.test_client().post("/api/gestures", json=gesture(token)).status_code == 403


def test_a_revoked_tablet_can_no_longer_send(client, session, desk):
    from ledger.services.tablets import revoke_tablet

    token = form_token(client)
    client.post("/tablet/leave")
    revoke_tablet(session=session, tablet_id=desk[2].id)
    assert client.post("/api/gestures", json=gesture(token)).status_code == 403


def test_the_thank_you_after_an_api_save_is_for_the_signed_in_giver_only(app, client, session, desk):
    response = client.post("/api/gestures", json=gesture(form_token(client)))
    thanks_url = response.get_json()["thanks_url"]
    assert "?" not in thanks_url and "t=" not in thanks_url  # no token in URLs, logs or history
    assert "Anouk" in client.get(thanks_url, headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert client.get("/log").status_code == 302  # the thank-you ended the PIN session
    assert client.get(thanks_url).status_code == 404  # and is not shown again to the next person
    stranger = app.test_client()
    enrol(stranger, session, make_team(session, "Supermarket floor"))
    assert stranger.get(thanks_url).status_code == 404


def test_the_api_needs_no_session_csrf_token_but_the_html_form_does(app, client, session, desk):
    app.config["WTF_CSRF_ENABLED"] = True
    token = form_token(client)
    assert client.post("/api/gestures", json=gesture(token)).status_code == 201
    assert client.post("/log", data={"kind": "gift"}).status_code == 400


def test_the_tablet_cookie_is_what_binds_the_token_to_the_device(client, session, desk):
    token = form_token(client)
    client.delete_cookie(TABLET_COOKIE)
    client.post("/tablet/leave")
    assert client.post("/api/gestures", json=gesture(token)).status_code == 403


def test_a_gesture_from_the_outbox_looks_each_fact_up_once_then_appends(app, client, session, desk):
    # One read for who may send (the tablet, the sign-in the token names with its person and membership,
    # the team, the id probe: ledger/services/outbox.py), the mandate frame, the insert: no look-up twice.
    token, sent = form_token(client), []
    client.get("/tablet")  # as a queued gesture arrives: the tablet's cookie and the token only

    def record(_conn, _cursor, statement, *_rest):
        sent.append(statement.split()[0])

    event.listen(app.extensions["engine"], "before_cursor_execute", record)
    try:
        assert client.post("/api/gestures", json=gesture(token)).status_code == 201
    finally:
        event.remove(app.extensions["engine"], "before_cursor_execute", record)
    # Then the ledger's own (issue 12): on PostgreSQL the team's chain lock, then the audit row, the head
    # of the team's hash chain, the row.
    lock = ["SELECT"] if app.extensions["engine"].dialect.name == "postgresql" else []
    assert sent == ["SELECT"] * 2 + lock + ["INSERT", "SELECT", "INSERT"]
