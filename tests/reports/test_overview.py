"""The organisation overview: every team side by side, weeks counted in each team's own zone."""

import uuid
from datetime import UTC, datetime

import pytest

from ledger.models import Gesture
from ledger.weeks import IsoWeek
from reports.overview import org_overview
from tests.factories import make_person, make_team

W45 = IsoWeek(2026, 45)  # Monday 2 November 2026


def add_gesture(session, team, person, at, *, cost=0, reaction=3, check="within", **kw):
    gid = uuid.uuid4()
    g = Gesture(id=gid, origin_id=kw.pop("origin_id", gid), team_id=team.id, person_id=person.id,
                logged_by_id=person.id, occurred_at=at, kind="treat", trigger="waiting", cost_cents=cost,
                reaction=reaction, mandate_check=check, **kw)
    session.add(g)
    session.commit()
    return g


def test_two_teams_appear_side_by_side_with_their_own_weeks(session):
    desk = make_team(session, "Front desk")
    shop = make_team(session, "Shop floor")
    anouk = make_person(session, desk, "Anouk")
    bram = make_person(session, shop, "Bram")
    add_gesture(session, desk, anouk, datetime(2026, 11, 3, 10, tzinfo=UTC), cost=450, reaction=5)
    add_gesture(session, desk, anouk, datetime(2026, 11, 4, 10, tzinfo=UTC), cost=150, reaction=2,
                check="over_cap")
    add_gesture(session, shop, bram, datetime(2026, 10, 28, 10, tzinfo=UTC), cost=1000, reaction=4)

    view = org_overview(session=session, weeks=12, end_week=W45)

    assert view.weeks[0] == IsoWeek(2026, 34) and view.weeks[-1] == W45 and len(view.weeks) == 12
    assert [t.name for t in view.teams] == ["Front desk", "Shop floor"]
    desk_week = view.teams[0].cells[-1]
    assert (desk_week.gestures, desk_week.spend_cents, desk_week.givers) == (2, 600, 1)
    assert desk_week.reaction_mean == pytest.approx(3.5)
    assert (desk_week.delighted, desk_week.over_frame) == (1, 1)
    assert view.teams[1].cells[-2].spend_cents == 1000
    assert view.teams[1].cells[-1].gestures == 0 and view.teams[1].cells[-1].reaction_mean is None
    assert view.teams[1].delighted_share == 1.0


def test_a_sunday_evening_gesture_counts_in_the_week_of_the_teams_own_zone(session):
    amsterdam = make_team(session, "Amsterdam", timezone="Europe/Amsterdam")
    new_york = make_team(session, "New York", timezone="America/New_York")
    a = make_person(session, amsterdam, "Anouk")
    b = make_person(session, new_york, "Bram")
    # Sunday 8 Nov 23:30 in Amsterdam is 22:30 UTC; Sunday 8 Nov 23:30 in New York is Monday 04:30 UTC.
    add_gesture(session, amsterdam, a, datetime(2026, 11, 8, 22, 30, tzinfo=UTC))
    add_gesture(session, new_york, b, datetime(2026, 11, 9, 4, 30, tzinfo=UTC))

    view = org_overview(session=session, weeks=2, end_week=IsoWeek(2026, 46))

    by_name = {t.name: [c.gestures for c in t.cells] for t in view.teams}
    assert by_name == {"Amsterdam": [1, 0], "New York": [1, 0]}


def test_corrected_and_voided_gestures_count_once_or_not_at_all(session):
    desk = make_team(session)
    anouk = make_person(session, desk)
    at = datetime(2026, 11, 3, 10, tzinfo=UTC)
    first = add_gesture(session, desk, anouk, at, cost=500)
    add_gesture(session, desk, anouk, at, cost=300, origin_id=first.id, supersedes_id=first.id,
                entry_type="correction")
    gone = add_gesture(session, desk, anouk, at, cost=900)
    add_gesture(session, desk, anouk, at, cost=900, origin_id=gone.id, supersedes_id=gone.id,
                entry_type="void")

    cell = org_overview(session=session, weeks=1, end_week=W45).teams[0].cells[0]

    assert (cell.gestures, cell.spend_cents) == (1, 300)


def test_an_installation_without_teams_gives_an_empty_overview(session):
    view = org_overview(session=session, weeks=4, end_week=W45)
    assert view.teams == () and len(view.weeks) == 4
