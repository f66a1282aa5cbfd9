"""The organisation overview: every team side by side, weeks counted in each team's own zone."""

import random
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import select

from ledger.models import Gesture
from ledger.weeks import IsoWeek, week_of
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


def _reference(session, teams, weeks):
    """The overview computed the plain way: every row into Python, the current ledger by its definition."""
    rows = session.exec(select(Gesture)).all()
    superseded = {r.supersedes_id for r in rows if r.supersedes_id is not None}
    cells = {}
    for r in rows:
        team = teams[r.team_id]
        week = week_of(r.occurred_at, team.timezone)
        if r.entry_type == "void" or r.id in superseded or week not in weeks:
            continue
        cell = cells.setdefault((r.team_id, week), {"n": 0, "givers": set(), "spend": 0, "rsum": 0,
                                                    "delighted": 0, "over": 0})
        cell["n"] += 1
        cell["givers"].add(r.person_id)
        cell["spend"] += r.cost_cents
        cell["rsum"] += r.reaction
        cell["delighted"] += r.reaction >= 4
        cell["over"] += r.mandate_check in ("over_cap", "over_allowance")
    return {key: (c["n"], len(c["givers"]), c["spend"], c["rsum"], c["delighted"], c["over"])
            for key, c in cells.items()}


def test_the_overview_matches_a_plain_count_of_the_current_ledger_across_a_dst_change(session):
    # Europe leaves summer time on 25 Oct 2026, New York on 1 Nov: weeks 43–45 straddle both changes.
    rng = random.Random(45)
    teams = {t.id: t for t in (make_team(session, "Amsterdam", timezone="Europe/Amsterdam"),
                               make_team(session, "London", timezone="Europe/London"),
                               make_team(session, "New York", timezone="America/New_York"))}
    people = {tid: [make_person(session, t, f"{t.name} {i}") for i in range(3)] for tid, t in teams.items()}
    weeks = tuple(IsoWeek(2026, w) for w in range(42, 47))
    current = []
    for _ in range(240):
        tid = rng.choice(list(teams))
        week = rng.choice(weeks + (IsoWeek(2026, 47),))
        monday = datetime.combine(week.monday(), datetime.min.time(), UTC)
        # Most within ten hours of a Monday midnight UTC: the week edges are where the zones differ.
        minutes = rng.randrange(-600, 600) if rng.random() < 0.7 else rng.randrange(10080)
        g = add_gesture(session, teams[tid], rng.choice(people[tid]), monday + timedelta(minutes=minutes),
                        cost=rng.choice((0, 250, 900, 3000)), reaction=rng.randint(1, 5),
                        check=rng.choice(("within", "within", "over_cap", "over_allowance", "outside_kinds")))
        current.append(g)
    # Corrections (some of corrections, some moving the gesture to another week) and voids.
    for _ in range(60):
        target = current.pop(rng.randrange(len(current)))
        team = teams[target.team_id]
        moved = target.occurred_at + timedelta(hours=rng.choice((0, 0, -30, 30, 170)))
        kind = "void" if rng.random() < 0.3 else "correction"
        follow = add_gesture(session, team, rng.choice(people[team.id]), moved,
                             cost=rng.choice((0, 100, 2600)), reaction=rng.randint(1, 5),
                             origin_id=target.origin_id, supersedes_id=target.id, entry_type=kind)
        if kind == "correction":
            current.append(follow)

    view = org_overview(session=session, weeks=len(weeks), end_week=weeks[-1])

    found = {(row.team_id, c.week): (c.gestures, c.givers, c.spend_cents, c.reaction_sum, c.delighted,
                                     c.over_frame)
             for row in view.teams for c in row.cells if c.gestures}
    assert found == _reference(session, teams, set(weeks))
    assert len(found) >= 12  # every team has gestures in most weeks: the comparison is not vacuous
