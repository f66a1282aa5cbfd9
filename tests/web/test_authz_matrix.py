"""Who may reach which route: every role against every route, including other teams' ids (DESIGN §8).

The world: teams A and B, each with a staff member, a manager and a registered tablet, plus an admin
in no team. Every actor but "manager_b" belongs to team A; `{..._b}` placeholders are team B's ids.
The rules themselves are ledger/permissions.py (walked function by function in
tests/ledger/test_permissions.py); this matrix proves every route asks them.

To add your routes, append `Case`s to CASES (and your blueprint to COVERED_BLUEPRINTS, which then checks
that each of its routes has a row). Each case names the outcome per actor; actors left out get `default`.
Outcomes: OK (allowed: any answer that is not a refusal or a sign-in redirect), LOGIN (redirect to
the sign-in page), TILES (redirect to the tablet's name tiles), FORBIDDEN (403), NOT_FOUND (404).
"""

from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest

from tests.factories import make_person, make_team
from tests.web.signin import enrol, sign_in_with_password, sign_in_with_pin

OK, LOGIN, TILES, FORBIDDEN, NOT_FOUND = "ok", "login", "tiles", "403", "404"

ACTORS = (
    "anonymous",      # no cookies at all
    "tablet",         # team A's tablet, nobody signed in
    "staff",          # staff member of A, PIN session on A's tablet
    "manager",        # manager of A, password session
    "manager_pin",    # the same manager, but signed in with a PIN on A's tablet: staff rights only
    "admin",          # admin (in no team), password session
    "manager_b",      # the manager of team B, password session: team A's things are not there for them
)


@dataclass(frozen=True)
class Case:
    method: str
    path: str  # with {team_a} {team_b} {staff_a} {staff_b} {manager_a} {manager_b} {tablet_a} {tablet_b}
    expect: dict[str, str] = field(default_factory=dict)
    default: str = OK
    data: dict = field(default_factory=dict)

    def outcome_for(self, actor: str) -> str:
        return self.expect.get(actor, self.default)


MANAGERS_ONLY = {"anonymous": LOGIN, "tablet": TILES, "staff": FORBIDDEN, "manager_pin": FORBIDDEN}
NO_TABLET_HERE = {"anonymous": TILES, "manager": TILES, "admin": TILES, "manager_b": TILES}

CASES = [
    # --- main ---
    Case("GET", "/", {"tablet": TILES}),
    Case("POST", "/language", data={"lang": "en", "next": "/"}),
    Case("POST", "/team", {"manager": OK, "admin": OK}, default=NOT_FOUND, data={"team": "{team_a}"}),
    Case("POST", "/team", {"admin": OK, "manager_b": OK}, default=NOT_FOUND, data={"team": "{team_b}"}),
    Case("GET", "/sw.js"),  # the service worker: public, nothing personal
    Case("GET", "/offline"),  # the page the service worker keeps for when the network is gone
    # --- auth ---
    Case("GET", "/auth/login"),
    Case("POST", "/auth/login"),  # an empty form: asked again, nobody signed in
    Case("POST", "/auth/logout", default=LOGIN),
    # The second factor (issue 12): the code step needs a right password first; the rest is the
    # managers' own, behind a fresh sign-in (a redirect to /auth/confirm counts as let through).
    Case("GET", "/auth/mfa", default=LOGIN),
    Case("POST", "/auth/mfa", default=LOGIN, data={"code": "123456"}),
    Case("GET", "/auth/mfa/setup", MANAGERS_ONLY),
    Case("POST", "/auth/mfa/setup", MANAGERS_ONLY, data={"code": "123456"}),
    Case("POST", "/auth/mfa/recovery-codes", MANAGERS_ONLY),
    Case("POST", "/auth/mfa/off", MANAGERS_ONLY),
    Case("GET", "/auth/confirm", MANAGERS_ONLY),
    Case("POST", "/auth/confirm", MANAGERS_ONLY, data={"password": "not it"}),
    Case("GET", "/auth/set-pin"),
    Case("POST", "/auth/set-pin", {"tablet": NOT_FOUND, "staff": NOT_FOUND, "manager_pin": NOT_FOUND},
         data={"person": "{staff_b}", "code": "ABCD-EFGH", "pin": "2580", "pin_again": "2580"}),
    Case("GET", "/auth/setup-codes", MANAGERS_ONLY),
    Case("POST", "/auth/setup-codes/{staff_a}", {**MANAGERS_ONLY, "manager_b": NOT_FOUND}),
    Case("POST", "/auth/setup-codes/{staff_b}", {**MANAGERS_ONLY, "manager": NOT_FOUND}),
    Case("POST", "/auth/setup-codes/{manager_b}", {**MANAGERS_ONLY, "manager": NOT_FOUND}),
    # --- tablet ---
    Case("GET", "/t/not-a-real-token", default=NOT_FOUND),
    Case("GET", "/tablet"),
    Case("GET", "/tablet/pin/{staff_a}", NO_TABLET_HERE),
    Case("GET", "/tablet/pin/{staff_b}", NO_TABLET_HERE, default=NOT_FOUND),
    Case("POST", "/tablet/pin/{staff_b}", NO_TABLET_HERE, default=NOT_FOUND, data={"pin": "1234"}),
    Case("POST", "/tablet/leave", {"tablet": TILES, "staff": TILES, "manager_pin": TILES}),
    Case("POST", "/tablet/done"),  # the outbox's queued end of a PIN session: it can only sign out

    Case("GET", "/tablet/register", MANAGERS_ONLY),
    # A registered tablet goes straight to its name tiles.
    Case("POST", "/tablet/register", {**MANAGERS_ONLY, "manager": TILES, "admin": TILES,
                                      "manager_b": NOT_FOUND}, data={"team": "{team_a}"}),
    Case("POST", "/tablet/register", {**MANAGERS_ONLY, "manager": NOT_FOUND, "admin": TILES,
                                      "manager_b": TILES}, data={"team": "{team_b}"}),
    Case("POST", "/tablet/{tablet_a}/revoke", {**MANAGERS_ONLY, "manager_b": NOT_FOUND}),
    Case("POST", "/tablet/{tablet_b}/revoke", {**MANAGERS_ONLY, "manager": NOT_FOUND}),
    Case("POST", "/tablet/forget", MANAGERS_ONLY),
    Case("GET", "/tablets", MANAGERS_ONLY),
    Case("POST", "/tablets/{tablet_a}/rename", {**MANAGERS_ONLY, "manager_b": NOT_FOUND},
         data={"name": "Reception left"}),
    Case("POST", "/tablets/{tablet_b}/rename", {**MANAGERS_ONLY, "manager": NOT_FOUND}, data={"name": "Bar"}),
    # --- reports (managers of the team and admins; another team's id is a 404) ---
    Case("GET", "/reports/", MANAGERS_ONLY),
    Case("GET", "/reports/overview", {**MANAGERS_ONLY, "manager": FORBIDDEN, "manager_b": FORBIDDEN}),
    Case("GET", "/reports/assets/report.js"),  # a public, fingerprinted asset
    *[case for team, managers in (("{team_a}", {"manager": OK, "manager_b": NOT_FOUND}),
                                  ("{team_b}", {"manager": NOT_FOUND, "manager_b": OK})) for case in (
        Case("GET", f"/reports/{team}", {**MANAGERS_ONLY, **managers}),
        Case("GET", f"/reports/{team}/print", {**MANAGERS_ONLY, **managers}),
        Case("GET", f"/reports/{team}/export.json", {**MANAGERS_ONLY, **managers}),
        Case("GET", f"/reports/{team}/export.csv", {**MANAGERS_ONLY, **managers}),
        Case("POST", f"/reports/{team}/reviews", {**MANAGERS_ONLY, **managers},
             data={"prompt_key": "trend:2026-W45:team", "week": "2026-W45", "status": "discussed"}),
        Case("POST", f"/reports/{team}/reviews/helped", {**MANAGERS_ONLY, **managers},
             data={"prompt_key": "trend:2026-W45:team", "week": "2026-W45", "helped": "yes"}),
        Case("POST", f"/reports/{team}/appreciate", {**MANAGERS_ONLY, **managers},
             data={"gesture_id": "6f1c2a34-0000-4000-8000-000000000000", "week": "2026-W45"}),
    )],
]

# Blueprints whose every route must appear in CASES (add yours when you add its rows).
COVERED_BLUEPRINTS = {"main", "auth", "tablet", "reports"}


@pytest.fixture
def world(session, client):
    a, b = make_team(session, "Front desk"), make_team(session, "Restaurant")
    ids = {"team_a": a.id, "team_b": b.id}
    people = {
        "staff_a": make_person(session, a, name="Anouk"), "staff_b": make_person(session, b, name="Bram"),
        "manager_a": make_person(session, a, name="Maria", role="manager", email="maria@example.test"),
        "manager_b": make_person(session, b, name="Mo", role="manager", email="mo@example.test"),
        "admin": make_person(session, None, name="Ada", role="admin", email="ada@example.test"),
    }
    ids.update({key: person.id for key, person in people.items()})
    other_tablet = enrol(client, session, b)
    tablet = enrol(client, session, a)  # the client keeps team A's cookie
    ids.update(tablet_a=tablet.id, tablet_b=other_tablet.id)
    return {"ids": ids, "people": people, "tablet": tablet}


def act_as(client, world, actor: str) -> None:
    """Give the test client the cookies of `actor` (see ACTORS)."""
    people, tablet = world["people"], world["tablet"]
    if actor in ("anonymous", "manager", "admin", "manager_b"):
        client.delete_cookie("gl_tablet")
    if actor == "staff":
        sign_in_with_pin(client, people["staff_a"], tablet)
    elif actor == "manager_pin":
        sign_in_with_pin(client, people["manager_a"], tablet)
    elif actor == "manager":
        sign_in_with_password(client, people["manager_a"])
    elif actor == "admin":
        sign_in_with_password(client, people["admin"])
    elif actor == "manager_b":
        sign_in_with_password(client, people["manager_b"])


def outcome(response) -> str:
    """What the answer means for access: refused, sent to sign in, or let through."""
    if response.status_code in (301, 302, 303, 307, 308):
        path = urlsplit(response.headers["Location"]).path
        return {"/auth/login": LOGIN, "/tablet": TILES}.get(path, OK)
    return {401: LOGIN, 403: FORBIDDEN, 404: NOT_FOUND}.get(response.status_code, OK)


def _fill(value, ids):
    return value.format(**ids) if isinstance(value, str) else value


@pytest.mark.parametrize("actor", ACTORS)
@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.method} {c.path} {c.data or ''}".strip())
def test_each_role_reaches_only_what_it_may(client, world, case, actor):
    act_as(client, world, actor)
    ids = world["ids"]
    response = client.open(_fill(case.path, ids), method=case.method,
                           data={k: _fill(v, ids) for k, v in case.data.items()})
    assert response.status_code < 500
    where = response.headers.get("Location", "")
    assert outcome(response) == case.outcome_for(actor), f"{actor}: got {response.status_code} {where}"


def test_every_route_of_the_covered_blueprints_is_in_the_matrix(app):
    adapter = app.url_map.bind("localhost")
    placeholders = dict.fromkeys(("team_a", "team_b", "staff_a", "staff_b", "manager_a", "manager_b",
                                  "tablet_a", "tablet_b"), 1)
    covered = {(adapter.match(case.path.format(**placeholders), method=case.method)[0], case.method)
               for case in CASES}
    missing = [f"{method} {rule.rule}" for rule in app.url_map.iter_rules()
               if rule.endpoint.split(".")[0] in COVERED_BLUEPRINTS
               for method in sorted(rule.methods - {"HEAD", "OPTIONS"})
               if (rule.endpoint, method) not in covered]
    assert not missing, "routes without a row in the authz matrix: " + ", ".join(missing)
