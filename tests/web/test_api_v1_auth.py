"""API v1 tokens: only a valid token gets in, it reaches its own teams only, reads or writes as scoped, and
is rate-limited in the database (the count holds across server processes)."""

from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import select

from ledger.models import ApiRateWindow, ApiToken, Gesture
from ledger.permissions import Actor
from ledger.services import api_tokens
from tests.factories import make_gesture
from tests.web.api_v1 import auth, gesture_body, make_ledger, token_for


@pytest.fixture
def ledger(session):
    return make_ledger(session)


def test_no_token_a_wrong_one_or_another_scheme_is_401_with_a_problem_document(client, session, ledger):
    for headers in ({}, auth("gl_not-a-token"), {"Authorization": "Basic YTpi"}):
        response = client.get("/api/v1/teams", headers=headers)
        assert response.status_code == 401
        assert response.headers["Content-Type"] == "application/problem+json"
        assert response.headers["WWW-Authenticate"].startswith("Bearer")
        problem = response.get_json()
        assert {"type", "title", "status", "detail"} <= problem.keys() and problem["status"] == 401


def test_a_revoked_token_stops_working_at_once(client, session, ledger):
    secret = token_for(session, ledger, ledger.desk)
    assert client.get("/api/v1/teams", headers=auth(secret)).status_code == 200
    token = session.exec(select(ApiToken)).one()
    api_tokens.revoke_token(session=session, actor=Actor.of(ledger.admin), token_id=token.id)
    assert client.get("/api/v1/teams", headers=auth(secret)).status_code == 401


def test_a_token_for_team_a_cannot_see_team_b(client, session, ledger):
    headers = auth(token_for(session, ledger, ledger.desk))
    theirs = make_gesture(session, ledger.bar, ledger.pieter)
    teams = client.get("/api/v1/teams", headers=headers).get_json()["teams"]
    assert [t["name"] for t in teams] == ["Front desk"]
    for url in (f"/api/v1/teams/{ledger.bar.id}", f"/api/v1/teams/{ledger.bar.id}/people",
                f"/api/v1/teams/{ledger.bar.id}/mandate", f"/api/v1/teams/{ledger.bar.id}/reports/2026-W40",
                f"/api/v1/gestures/{theirs.id}",
                f"/api/v1/teams/{ledger.bar.id}/gestures?from=2026-01-01&to=2026-12-31"):
        assert client.get(url, headers=headers).status_code == 404, url
    write = client.post("/api/v1/gestures", json=gesture_body(ledger.bar, ledger.pieter), headers=headers)
    assert write.status_code == 404
    void = client.post(f"/api/v1/gestures/{theirs.id}/void", json={"reason": "x"}, headers=headers)
    assert void.status_code == 404
    session.expire_all()
    assert len(list(session.exec(select(Gesture)))) == 1


def test_a_read_only_token_reads_but_cannot_write(client, session, ledger):
    headers = auth(token_for(session, ledger, ledger.desk, scope="read"))
    assert client.get(f"/api/v1/teams/{ledger.desk.id}/people", headers=headers).status_code == 200
    response = client.post("/api/v1/gestures", json=gesture_body(ledger.desk, ledger.anouk), headers=headers)
    assert response.status_code == 403 and response.get_json()["error"] == "read_only"
    assert list(session.exec(select(Gesture))) == []


def test_over_the_rate_limit_is_429_with_retry_after(client, session, ledger):
    headers = auth(token_for(session, ledger, ledger.desk, rate=3))
    answers = [client.get("/api/v1/teams", headers=headers) for _ in range(4)]
    assert [a.status_code for a in answers] == [200, 200, 200, 429]
    assert [a.headers["RateLimit-Remaining"] for a in answers] == ["2", "1", "0", "0"]
    retry = int(answers[-1].headers["Retry-After"])
    assert 1 <= retry <= 60 and answers[-1].get_json()["status"] == 429


def test_the_rate_count_lives_in_the_database_and_a_new_window_starts_afresh(session, ledger):
    token_for(session, ledger, ledger.desk, rate=2)
    token = session.exec(select(ApiToken)).one()
    minute = datetime(2026, 11, 30, 10, 0, 30, tzinfo=UTC)
    verdicts = [api_tokens.count_request(session=session, token=token, now=minute) for _ in range(3)]
    assert [v.allowed for v in verdicts] == [True, True, False] and verdicts[-1].retry_after == 30
    later = api_tokens.count_request(session=session, token=token, now=minute + timedelta(minutes=1))
    assert later.allowed
    session.expire_all()
    assert [w.count for w in session.exec(select(ApiRateWindow))] == [1]  # the old window is gone
    assert session.get(ApiToken, token.id).last_used_at == minute + timedelta(minutes=1)


def test_only_an_admin_creates_tokens_and_the_secret_is_stored_hashed(session, ledger):
    from ledger.errors import NotAllowed, ValidationFailed

    with pytest.raises(NotAllowed):
        api_tokens.create_token(session=session, actor=Actor.of(ledger.anouk), name="x",
                                team_ids=[ledger.desk.id])
    with pytest.raises(ValidationFailed) as refused:
        api_tokens.create_token(session=session, actor=Actor.of(ledger.admin), name=" ", team_ids=[],
                                scope="admin")
    assert {e.field: e.code for e in refused.value.errors} == {"name": "required", "teams": "required",
                                                                "scope": "unknown"}
    token, secret = api_tokens.create_token(session=session, actor=Actor.of(ledger.admin), name="BI",
                                            team_ids=[ledger.desk.id])
    assert secret not in (token.secret_hash, token.prefix) and len(secret) > 40


def test_bodies_too_deep_too_large_or_not_json_are_refused_cleanly(app, client, session, ledger):
    headers = auth(token_for(session, ledger, ledger.desk))
    deep = client.post("/api/v1/gestures", data="[" * 5000 + "]" * 5000, headers=headers,
                       content_type="application/json")
    assert deep.status_code == 400 and deep.get_json()["error"] == "too_deep"
    huge = client.post("/api/v1/gestures", data=b'{"a": "' + b"x" * 200_000 + b'"}', headers=headers,
                       content_type="application/json")
    assert huge.status_code == 413
    not_json = client.post("/api/v1/gestures", data="{'a': NaN}", headers=headers,
                           content_type="application/json")
    assert not_json.status_code == 400
    form = client.post("/api/v1/gestures", data={"kind": "treat"}, headers=headers)
    assert form.status_code == 415
    nan = client.post("/api/v1/gestures", data='{"cost_cents": NaN}', headers=headers,
                      content_type="application/json")
    assert nan.status_code == 400
    assert list(session.exec(select(Gesture))) == []


def test_simultaneous_requests_are_counted_exactly_once_each(engine, session, ledger):
    from concurrent.futures import ThreadPoolExecutor

    from sqlmodel import Session

    token_for(session, ledger, ledger.desk, rate=5)
    token_id = session.exec(select(ApiToken)).one().id
    minute = datetime(2026, 11, 30, 10, 0, 5, tzinfo=UTC)

    def one_request(_):
        with Session(engine) as own:  # each its own connection, as separate server processes would have
            token = own.get(ApiToken, token_id)
            return api_tokens.count_request(session=own, token=token, now=minute).allowed

    with ThreadPoolExecutor(max_workers=8) as pool:
        allowed = list(pool.map(one_request, range(20)))
    assert allowed.count(True) == 5
    session.expire_all()
    assert session.exec(select(ApiRateWindow)).one().count == 20
