"""Who may reach which administration route: anonymous, staff, the team's manager, another team's
manager and an admin, against every route of the admin blueprints (other teams' ids included)."""

from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlsplit

import pytest

from tests.factories import make_mandate, make_person, make_team
from tests.web.signin import enrol, sign_in_with_password, sign_in_with_pin

OK, LOGIN, FORBIDDEN, NOT_FOUND = "ok", "login", "403", "404"
ACTORS = ("anonymous", "staff", "manager", "manager_b", "admin")


@dataclass(frozen=True)
class Case:
    method: str
    path: str
    expect: dict[str, str] = field(default_factory=dict)
    data: dict = field(default_factory=dict)

    def outcome_for(self, actor: str) -> str:
        return self.expect.get(actor, OK)


SIGNED_OUT = {"anonymous": LOGIN, "staff": FORBIDDEN}
MANAGERS = SIGNED_OUT
ADMINS = {**SIGNED_OUT, "manager": FORBIDDEN, "manager_b": FORBIDDEN}
TEAM_A = {**SIGNED_OUT, "manager_b": NOT_FOUND}  # the team's manager and admins; another team's: 404
MANDATE = {"valid_from": "2030-01-01", "cap": "25", "allowance": "60", "period": "week", "why": "x"}

CASES = [
    Case("GET", "/admin/", MANAGERS),
    Case("GET", "/admin/teams", ADMINS),
    Case("POST", "/admin/teams", ADMINS, {"name": "Spa", "timezone": "Europe/Amsterdam"}),
    Case("GET", "/admin/teams/{team_a}", ADMINS),
    Case("POST", "/admin/teams/{team_a}", ADMINS,
         {"name": "Lobby", "timezone": "UTC", "min_group_size": "3"}),
    Case("POST", "/admin/teams/{team_a}/archive", ADMINS, {"archived": "1"}),
    Case("GET", "/admin/teams/{team_a}/mandate", TEAM_A),
    Case("GET", "/admin/teams/{team_b}/mandate", {**SIGNED_OUT, "manager": NOT_FOUND}),
    Case("POST", "/admin/teams/{team_a}/mandate", TEAM_A, MANDATE),
    Case("POST", "/admin/teams/{team_b}/mandate", {**SIGNED_OUT, "manager": NOT_FOUND}, MANDATE),
    Case("POST", "/admin/teams/{team_a}/mandate/overrides", TEAM_A,
         {"override-person": "{staff_a}", "override-cap": "30"}),
    Case("GET", "/admin/people", MANAGERS),
    Case("GET", "/admin/people/new", MANAGERS),
    Case("POST", "/admin/people/new", MANAGERS,
         {"display_name": "Dewi", "role": "staff", "team": "{team_a}"}),
    Case("GET", "/admin/people/{staff_a}", TEAM_A),
    Case("GET", "/admin/people/{staff_b}", {**SIGNED_OUT, "manager": NOT_FOUND}),
    Case("GET", "/admin/people/{manager_a}", {**SIGNED_OUT, "manager": NOT_FOUND, "manager_b": NOT_FOUND}),
    # A 20-digit id never reaches the database driver: no route matches it, for anyone.
    Case("GET", "/admin/people/99999999999999999999", {a: NOT_FOUND for a in ACTORS}),
    Case("POST", "/admin/people/{staff_a}/memberships", TEAM_A, {"team": "{team_a}", "since": "2025-01-01"}),
    Case("POST", "/admin/people/{staff_b}/memberships", {**SIGNED_OUT, "manager": NOT_FOUND},
         {"team": "{team_b}"}),
    Case("POST", "/admin/people/{staff_a}/memberships/{team_a}/remove", TEAM_A),
    Case("POST", "/admin/people/{staff_a}/deactivate", TEAM_A),
    Case("POST", "/admin/people/{staff_b}/deactivate", {**SIGNED_OUT, "manager": NOT_FOUND}),
    Case("POST", "/admin/people/{staff_a}/reactivate", TEAM_A),
    Case("GET", "/admin/people/{staff_a}/role", ADMINS),
    Case("POST", "/admin/people/{staff_a}/role", ADMINS, {"role": "manager"}),
    Case("GET", "/admin/confirm", ADMINS),
    Case("POST", "/admin/confirm", ADMINS, {"password": "wrong"}),
    Case("POST", "/admin/people/{staff_a}/password-link", ADMINS),
    Case("GET", "/admin/audit", MANAGERS),
    Case("GET", "/admin/audit?team={team_b}", {**SIGNED_OUT, "manager": NOT_FOUND}),
    Case("GET", "/admin/audit.csv", MANAGERS),
    Case("GET", "/admin/audit.csv?team={team_a}", TEAM_A),
    Case("GET", "/admin/settings", ADMINS),
    Case("POST", "/admin/settings", ADMINS, {"installation_name": "Harbour", "currency": "EUR",
                                             "default_language": "nl", "digest_day": "monday",
                                             "retention_months": "0"}),
    Case("POST", "/admin/retention", ADMINS),
    Case("GET", "/admin/privacy", ADMINS),
    Case("GET", "/admin/tokens", ADMINS),
    Case("POST", "/admin/tokens", ADMINS, {"name": "Till", "teams": "{team_a}", "scope": "read"}),
    Case("POST", "/admin/tokens/1/revoke", ADMINS),
    Case("GET", "/admin/people/{staff_a}/export.json", ADMINS),
    Case("GET", "/admin/people/{staff_a}/erase", ADMINS),
    Case("POST", "/admin/people/{staff_a}/erase", ADMINS, {"confirm_name": "Anouk"}),
    Case("GET", "/privacy"),
    Case("GET", "/password/not-a-real-token-at-all", {a: NOT_FOUND for a in ACTORS}),
    Case("POST", "/password/not-a-real-token-at-all", {a: NOT_FOUND for a in ACTORS},
         {"password": "long enough password", "password_again": "long enough password"}),
]


@pytest.fixture
def world(session, client):
    a, b = make_team(session, "Front desk"), make_team(session, "Restaurant")
    make_mandate(session, a, valid_from=date(2020, 1, 1))
    people = {
        "staff_a": make_person(session, a, name="Anouk"), "staff_b": make_person(session, b, name="Bram"),
        "manager_a": make_person(session, a, name="Maria", role="manager", email="maria@example.test"),
        "manager_b": make_person(session, b, name="Mo", role="manager", email="mo@example.test"),
        "admin": make_person(session, None, name="Ada", role="admin", email="ada@example.test"),
    }
    ids = {"team_a": a.id, "team_b": b.id, **{key: person.id for key, person in people.items()}}
    return {"ids": ids, "people": people, "team_a": a, "session": session}


def act_as(client, world, actor: str) -> None:
    people = world["people"]
    if actor == "staff":
        sign_in_with_pin(client, people["staff_a"], enrol(client, world["session"], world["team_a"]))
    elif actor in ("manager", "manager_b", "admin"):
        sign_in_with_password(client, people[{"manager": "manager_a"}.get(actor, actor)])


def outcome(response) -> str:
    if response.status_code in (301, 302, 303, 307, 308):
        return LOGIN if urlsplit(response.headers["Location"]).path == "/auth/login" else OK
    return {401: LOGIN, 403: FORBIDDEN, 404: NOT_FOUND}.get(response.status_code, OK)


@pytest.mark.parametrize("actor", ACTORS)
@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.method} {c.path}")
def test_each_role_reaches_only_what_it_may(client, world, case, actor):
    act_as(client, world, actor)
    ids = world["ids"]
    response = client.open(case.path.format(**ids), method=case.method,
                           data={k: v.format(**ids) for k, v in case.data.items()})
    assert response.status_code < 500
    assert outcome(response) == case.outcome_for(actor), f"{actor}: {response.status_code} " \
        f"{response.headers.get('Location', '')}"


def test_every_admin_route_is_in_the_matrix(app):
    adapter = app.url_map.bind("localhost")
    ids = dict.fromkeys(("team_a", "team_b", "staff_a", "staff_b", "manager_a", "manager_b"), 1)
    covered = {(adapter.match(urlsplit(case.path.format(**ids)).path, method=case.method)[0], case.method)
               for case in CASES if "99999999999999999999" not in case.path}
    missing = [f"{method} {rule.rule}" for rule in app.url_map.iter_rules()
               if rule.endpoint.split(".")[0] in ("admin", "admin_public")
               for method in sorted(rule.methods - {"HEAD", "OPTIONS"})
               if (rule.endpoint, method) not in covered]
    assert not missing, "admin routes without a row: " + ", ".join(missing)
