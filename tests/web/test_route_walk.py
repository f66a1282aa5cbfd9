"""Walk every route of the app with hostile input: never a server error (issue 11, DESIGN §8).

Every rule in app.url_map, every method it allows, as every kind of visitor (anonymous, staff on a
tablet, manager, admin), with ids beyond 64 bits and real ids, weeks out of the calendar, junk query
strings and junk form or JSON bodies. The test app propagates exceptions, so a 500 shows up here as the
exception itself; both count. A new route is walked without anyone adding it here.
"""

import time
import uuid

import pytest
from werkzeug.routing import AnyConverter, PathConverter, UUIDConverter
from werkzeug.routing.converters import NumberConverter

from ledger.services.tablets import register_tablet
from tests.factories import make_gesture, make_mandate, make_team
from tests.web.signin import make_manager, make_staff, sign_in_with_password, sign_in_with_pin
from web.converters import IdConverter
from web.security import TABLET_COOKIE

HUGE = "99999999999999999999"
JUNK_QUERY = {"week": "9999-W52", "team": HUGE, "person": "٣", "cursor": "%%%", "limit": "-1",
              "from": "0001-01-01", "to": "99999-12-31", "period": "yesterday", "next": "//evil.example",
              "q": "\x00<script>", "bring_back": "x" * 300, "lang": "xx", "t": "junk"}
JUNK_FORM = {"team": HUGE, "person": "-1", "week": "٢٠٢٦-W07", "gesture_id": "not-a-uuid", "kind": "bribe",
             "trigger": "\u202e", "reaction": "3.5", "cost": "1e999", "cost_pick": "0003", "effort": "NaN",
             "when": "then", "day": "2026-02-30", "time": "25:61", "status": "maybe", "prompt_key": "\x00",
             "note": "<script>alert(1)</script>", "pin": "١٢٣٤", "name": "x" * 5000, "email": "a@",
             "password": "", "since": "0001-01-01", "helped": "perhaps", "role": "emperor", "code": HUGE,
             "valid_from": "9999-12-31", "per_gesture_cap": "-5", "allowance": "Infinity", "lang": "xx"}
JUNK_JSON = {"send_token": "x", "gesture_id": "00000000-0000-0000-0000-000000000000", "kind": ["treat"],
             "reaction": {"a": 1}, "cost_cents": 2**70, "team_id": 2**64, "person_id": -1,
             "occurred_at": "0001-01-01T00:00:00+99:00", "note": "\x00"}
TIME_BUDGET_SECONDS = 60


@pytest.fixture
def world(session):
    """One team with a frame, a staff member with a gesture, a manager and an admin."""
    team = make_team(session, "Front desk")
    make_mandate(session, team, cap=2500)
    staff = make_staff(session, team, "Anouk")
    manager = make_manager(session, team, "Maria")
    admin = make_manager(session, None, "Ada", role="admin")
    gesture = make_gesture(session, team, staff)
    return {"team": team, "staff": staff, "manager": manager, "admin": admin, "gesture": gesture}


def _value(converter, name: str, real: dict) -> str:
    if isinstance(converter, IdConverter):
        return real.get(name, HUGE)
    if isinstance(converter, UUIDConverter):
        return real.get("uuid", str(uuid.uuid4()))
    if isinstance(converter, AnyConverter):
        return sorted(converter.items)[0]
    if isinstance(converter, PathConverter):
        return "../../etc/passwd"
    return "9999-W52"  # the one plain segment in our rules is a week


def urls_for(rule, real: dict) -> list[str]:
    """The rule's path with out-of-range ids, and with real ids where the rule takes ids."""
    variants = [{}] if not rule.arguments else [{}, real]
    urls = []
    for ids in variants:
        parts = {name: _value(conv, name, ids) for name, conv in rule._converters.items()}
        path = "".join(parts[data] if is_arg else data for is_arg, data in rule._trace)
        urls.append(path.split("|", 1)[1])
    return list(dict.fromkeys(urls))


def _actors(app, client, session, world):
    tablet, token = register_tablet(session=session, team_id=world["team"].id)

    def anonymous():
        for name in (app.config["SESSION_COOKIE_NAME"], TABLET_COOKIE):
            client.delete_cookie(name)

    def staff():
        client.set_cookie(TABLET_COOKIE, token)
        sign_in_with_pin(client, world["staff"], tablet)

    def with_password(person, team=None):
        client.delete_cookie(TABLET_COOKIE)
        sign_in_with_password(client, person, team)

    return {"anonymous": anonymous, "staff on a tablet": staff,
            "manager": lambda: with_password(world["manager"], world["team"]),
            "admin": lambda: with_password(world["admin"])}


def _request(client, method: str, url: str):
    if method in ("GET", "HEAD", "OPTIONS", "DELETE"):
        return client.open(url, method=method, query_string=JUNK_QUERY)
    if url.startswith("/api/"):
        return client.open(url, method=method, json=JUNK_JSON, query_string=JUNK_QUERY)
    return client.open(url, method=method, data=JUNK_FORM, query_string=JUNK_QUERY)


def test_no_route_answers_a_server_error_to_any_visitor_with_hostile_input(app, client, session, world):
    real = {"team_id": str(world["team"].id), "person_id": str(world["staff"].id),
            "uuid": str(world["gesture"].id), "gesture_id": str(world["gesture"].id)}
    actors = _actors(app, client, session, world)
    # CPU time, not wall time: the shared machine's load is not ours.
    started, failures, answered = time.process_time(), [], []
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static":
            continue
        for url in urls_for(rule, real):
            for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
                for actor, become in actors.items():
                    become()
                    try:
                        status = _request(client, method, url).status_code
                    except Exception as exc:  # noqa: BLE001 - a propagated exception is the server error we look for
                        failures.append(f"{actor} {method} {url}: {type(exc).__name__}: {exc}"[:300])
                        continue
                    answered.append(status)
                    if status >= 500:
                        failures.append(f"{actor} {method} {url}: {status}")
    assert not failures, "\n".join(failures)
    # The walk really went through the app: hundreds of answers, dozens of them real pages.
    assert len(answered) > 300 and sum(200 <= status < 300 for status in answered) > 50
    assert time.process_time() - started < TIME_BUDGET_SECONDS


def test_every_integer_in_a_url_is_a_row_id_bounded_to_what_the_databases_hold(app):
    integers = [(rule.rule, conv) for rule in app.url_map.iter_rules() for conv in rule._converters.values()
                if isinstance(conv, NumberConverter)]
    assert integers and all(isinstance(conv, IdConverter) for _rule, conv in integers)
    assert all(conv.min == 1 and conv.max == 2**63 - 1 for _rule, conv in integers)
