"""A lively team for report, page and digest tests: four staff, a manager, eight weeks of gestures."""

import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from ledger.models import Appreciation, Gesture, Person, Team
from ledger.weeks import IsoWeek, week_bounds
from tests.factories import make_mandate, make_person, make_team
from tests.web.signin import user_id

WEEK = IsoWeek(2026, 45)  # Monday 2 November 2026
NOW = datetime(2026, 11, 12, 9, tzinfo=UTC)  # a Thursday: week 45 is complete

STORIES = [
    ("treat", "waiting", 450, 5, "Brought coffee and a biscuit to a family waiting for their late room"),
    ("time", "in_need", 0, 5, "Walked an elderly guest to the tram stop in the rain with our umbrella"),
    ("gift", "celebration", 1800, 3, "Flowers for a couple celebrating their fortieth anniversary"),
    ("recovery", "complaint", 1200, 2, "Refunded the minibar after a noisy night next to the lift"),
    ("upgrade", "regular", 0, 4, "Gave our regular guest from Ghent the corner room with the canal view"),
    ("treat", "first_visit", 300, 4, "A welcome drink for a first-time guest who looked lost"),
    ("gift", "waiting", 2800, 2, "A city guide book for guests whose room was not ready"),
    ("time", "complaint", 0, 4, "Helped a guest call the airline about lost luggage for half an hour"),
]


@dataclass
class Scene:
    team: Team
    manager: Person
    staff: list[Person]
    gestures: list[Gesture]


def add_gesture(session, team, person, at, kind, trigger, cost, reaction, description="", check=None):
    gid = uuid.uuid4()
    g = Gesture(id=gid, origin_id=gid, team_id=team.id, person_id=person.id, logged_by_id=person.id,
                occurred_at=at, kind=kind, trigger=trigger, cost_cents=cost, reaction=reaction,
                description=description, mandate_check=check or ("over_cap" if cost > 2500 else "within"))
    session.add(g)
    return g


def busy_team(session, name="Front desk", *, weeks=8, manager_email="marieke@example.org",
              **team_kw) -> Scene:
    """A team whose week 45 has stories, over-frame spending, contrasts and appreciations."""
    team = make_team(session, name, **team_kw)
    make_mandate(session, team, cap=2500, allowance=2000)
    manager = make_person(session, team, "Marieke", role="manager", email=manager_email)
    staff = [make_person(session, team, n) for n in ("Anouk", "Bram", "Chris", "Daan")]
    gestures = []
    for back in range(weeks):
        start, _end = week_bounds(WEEK.shift(-back), team.timezone)
        for i, (kind, trigger, cost, reaction, text) in enumerate(STORIES):
            giver = staff[0] if i % 3 == 0 else staff[(i + back) % 3 + 1]
            at = start + timedelta(days=i % 7, hours=9 + i)
            gestures.append(add_gesture(session, team, giver, at, kind, trigger, cost, reaction, text))
    session.commit()
    session.add(Appreciation(gesture_id=gestures[0].origin_id, person_id=staff[1].id, note="Lovely idea!"))
    session.commit()
    return Scene(team, manager, staff, gestures)


def sign_in(client, person: Person) -> None:
    """Sign a manager or admin in on the test client, as the password sign-in would."""
    with client.session_transaction() as s:
        s["_user_id"] = user_id(person, method="password")  # a real sign-in row (web/users.py)
        s["_fresh"] = True
        s["auth"] = "password"
        s["auth_at"] = int(time.time())  # the real sign-in counts as recent too: downloads go on
