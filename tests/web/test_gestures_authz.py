"""Who may reach the staff screens and the outbox API: every actor against every route of the
"gestures" and "api" blueprints, including the other team's gesture ids (DESIGN §8).

Reuses the world and actors of test_authz_matrix.py and adds one gesture in each team.
"""

import pytest

from ledger.services.gestures import GestureInput, log_gesture
from ledger.types import utcnow
from tests.web import test_authz_matrix as matrix
from tests.web.test_authz_matrix import ACTORS, FORBIDDEN, LOGIN, NOT_FOUND, OK, TILES, Case, act_as, outcome

world = matrix.world  # the same fixture: two teams, their people and tablets

SIGNED_IN_ONLY = {"anonymous": LOGIN, "tablet": TILES}
NOT_B = {**SIGNED_IN_ONLY, "manager_b": NOT_FOUND}  # team A's things: team B's manager does not find them
B_TOO = {"admin": OK, "manager_b": OK}  # team B's things: its manager and admins
VALID = {"kind": "gift", "trigger": "waiting", "reaction": "4", "cost_pick": "0"}

CASES = [
    Case("GET", "/log", SIGNED_IN_ONLY),
    Case("POST", "/log", SIGNED_IN_ONLY, data={"kind": ""}),  # an invalid form: shown again
    Case("GET", "/log/saved/{gesture_a}", {"staff": OK}, default=NOT_FOUND),
    Case("GET", "/log/saved/{gesture_b}", default=NOT_FOUND),
    Case("GET", "/me", SIGNED_IN_ONLY),
    # Anouk's own entry: she and her manager may change it; a manager on the PIN pad has staff rights only.
    Case("GET", "/gestures/{gesture_a}/correct", {**NOT_B, "manager_pin": FORBIDDEN}),
    Case("POST", "/gestures/{gesture_a}/correct", {**NOT_B, "manager_pin": FORBIDDEN},
         data={**VALID, "reason": "typo"}),
    Case("GET", "/gestures/{gesture_a}/void", {**NOT_B, "manager_pin": FORBIDDEN}),
    Case("POST", "/gestures/{gesture_a}/void", {**NOT_B, "manager_pin": FORBIDDEN},
         data={"reason": "logged twice"}),
    # Team B's entry: not found for everyone but an admin and team B's manager.
    Case("GET", "/gestures/{gesture_b}/correct", {**SIGNED_IN_ONLY, **B_TOO}, default=NOT_FOUND),
    Case("POST", "/gestures/{gesture_b}/correct", {**SIGNED_IN_ONLY, **B_TOO}, default=NOT_FOUND,
         data={**VALID, "reason": "typo"}),
    Case("GET", "/gestures/{gesture_b}/void", {**SIGNED_IN_ONLY, **B_TOO}, default=NOT_FOUND),
    Case("POST", "/gestures/{gesture_b}/void", {**SIGNED_IN_ONLY, **B_TOO}, default=NOT_FOUND,
         data={"reason": "logged twice"}),
    # Appreciating: not your own gesture, not another team's.
    Case("POST", "/gestures/{gesture_a}/appreciate", {**NOT_B, "staff": FORBIDDEN}),
    Case("POST", "/gestures/{gesture_b}/appreciate", {**SIGNED_IN_ONLY, **B_TOO}, default=NOT_FOUND),
    # The team's shared pages: the tablet may show them without a sign-in.
    Case("GET", "/team/feed", {"anonymous": NOT_FOUND}),
    Case("GET", "/team/mandate", {"anonymous": NOT_FOUND}),
    # The outbox API without a send token: refused for everyone.
    Case("POST", "/api/gestures", default=FORBIDDEN, data={"json": True}),
    # Its API v1 operation: no send token, no API token either; a signed-in cookie alone is no pass.
    Case("POST", "/api/v1/outbox/gestures", default=FORBIDDEN, data={"json": True}),
    # API v1 answers bearer tokens only (its token matrix: test_api_v1_auth.py): a signed-in cookie is
    # no token, so every actor here gets 401; only the OpenAPI description is public.
    Case("GET", "/api/v1/openapi.json", default=OK),
    Case("GET", "/api/v1/teams", default=LOGIN),
    Case("GET", "/api/v1/teams/1", default=LOGIN),
    Case("GET", "/api/v1/teams/1/people", default=LOGIN),
    Case("GET", "/api/v1/teams/1/mandate", default=LOGIN),
    Case("GET", "/api/v1/teams/1/gestures", default=LOGIN),
    Case("GET", "/api/v1/teams/1/reports/2026-W07", default=LOGIN),
    Case("POST", "/api/v1/gestures", default=LOGIN, data={"json": True}),
    Case("GET", "/api/v1/gestures/{gesture_a}", default=LOGIN),
    Case("POST", "/api/v1/gestures/{gesture_a}/corrections", default=LOGIN, data={"json": True}),
    Case("POST", "/api/v1/gestures/{gesture_a}/void", default=LOGIN, data={"json": True}),
    Case("POST", "/api/v1/gestures/{gesture_b}/appreciations", default=LOGIN, data={"json": True}),
]


@pytest.fixture
def gestures(session, world):
    """One gesture by the staff member of each team."""
    ids = {}
    for key, giver in (("gesture_a", "staff_a"), ("gesture_b", "staff_b")):
        person = world["people"][giver]
        team_id = world["ids"]["team_a" if key == "gesture_a" else "team_b"]
        data = GestureInput(occurred_at=utcnow(), kind="treat", trigger="waiting", reaction=4)
        ids[key] = log_gesture(session=session, team_id=team_id, person_id=person.id,
                               logged_by_id=person.id, data=data).gesture.id
    return ids


@pytest.mark.parametrize("actor", ACTORS)
@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.method} {c.path}")
def test_each_role_reaches_only_the_staff_screens_it_may(client, world, gestures, case, actor):
    act_as(client, world, actor)
    path = case.path.format(**gestures)
    if case.data.get("json"):
        response = client.post(path, json={"gesture_id": str(gestures["gesture_a"]), **VALID})
    else:
        response = client.open(path, method=case.method, data=case.data)
    assert response.status_code < 500
    where = response.headers.get("Location", "")
    assert outcome(response) == case.outcome_for(actor), f"{actor}: got {response.status_code} {where}"


def test_every_route_of_the_staff_screens_is_in_this_matrix(app):
    adapter = app.url_map.bind("localhost")
    fake = dict.fromkeys(("gesture_a", "gesture_b"), "6f1c2a34-0000-4000-8000-000000000000")
    covered = {(adapter.match(case.path.format(**fake), method=case.method)[0], case.method)
               for case in CASES}
    missing = [f"{method} {rule.rule}" for rule in app.url_map.iter_rules()
               if rule.endpoint.split(".")[0] in {"gestures", "api"}
               for method in sorted(rule.methods - {"HEAD", "OPTIONS"})
               if (rule.endpoint, method) not in covered]
    assert not missing, "routes without a row in the staff authz matrix: " + ", ".join(missing)
