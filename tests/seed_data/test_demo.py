import time
from collections import defaultdict
from datetime import UTC, datetime
from statistics import mean

import pytest
from sqlmodel import select

from ledger.models import Appreciation, Gesture, Person, Team
from ledger.pii import scan as find_personal_data
from ledger.types import utcnow
from ledger.weeks import last_complete_week, week_of
from seed_data.cells import moment
from seed_data.csvfiles import read_folder
from seed_data.demo import load_demo, write_demo
from seed_data.demo.cast import HOTEL, TZ

# A Wednesday: the current week is half over, so it has some gestures and not all.
NOW = datetime(2026, 11, 18, 11, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def demo_rows(tmp_path_factory):
    """The demo folder for NOW, as {file: [cells, …]} with occurred_at parsed into `at`."""
    folder = write_demo(tmp_path_factory.mktemp("demo"), now=NOW)
    files = read_folder(folder).files
    out = {name: [dict(row.cells) for row in rows] for name, rows in files.items()}
    for cells in out["gestures.csv"]:
        cells["at"] = moment(cells["occurred_at"], TZ)
        cells["cost"] = int(cells["cost_eur"].replace(",", ""))
        cells["reaction"] = int(cells["reaction"])
    return out


def hotel(demo_rows, weeks_ago=None):
    current = week_of(NOW, TZ)
    return [g for g in demo_rows["gestures.csv"] if g["team"] == HOTEL
            and (weeks_ago is None or week_of(g["at"], TZ) == current.shift(-weeks_ago))]


def test_the_same_day_gives_the_same_demo(tmp_path):
    first, second = write_demo(tmp_path / "a", now=NOW), write_demo(tmp_path / "b", now=NOW)
    for name in ("teams.csv", "people.csv", "mandates.csv", "gestures.csv", "appreciations.csv"):
        assert (first / name).read_bytes() == (second / name).read_bytes()


def test_the_demo_has_three_teams_about_25_people_and_twelve_weeks_ending_now(demo_rows):
    weeks = {week_of(g["at"], TZ) for g in demo_rows["gestures.csv"]}
    assert len(demo_rows["teams.csv"]) == 3
    assert len(demo_rows["people.csv"]) == 25
    assert sorted(weeks) == [week_of(NOW, TZ).shift(-i) for i in range(11, -1, -1)]
    assert max(g["at"] for g in demo_rows["gestures.csv"]) < NOW
    roles = [p["role"] for p in demo_rows["people.csv"]]
    assert roles.count("manager") == 2 and roles.count("admin") == 1


def test_in_the_hotels_last_complete_week_anouk_gave_20_euro_and_bram_4(demo_rows):
    spent = defaultdict(int)
    for g in hotel(demo_rows, weeks_ago=1):
        spent[g["person"].split()[0]] += g["cost"]
    assert spent["Anouk"] == 2000
    assert spent["Bram"] == 400
    assert max(spent.values()) == 2000 and min(spent.values()) == 400  # the week's widest contrast


def test_a_quiet_colleague_logged_at_first_and_then_nothing_for_six_weeks(demo_rows):
    sanne = [g for g in hotel(demo_rows) if g["person"] == "Sanne de Vries"]
    current = week_of(NOW, TZ)
    assert sanne
    assert all(week_of(g["at"], TZ) <= current.shift(-7) for g in sanne)


def test_vouchers_for_waiting_fall_flat_while_cheap_gestures_land_well(demo_rows):
    window = [g for ago in range(1, 9) for g in hotel(demo_rows, weeks_ago=ago)]
    vouchers = [g["reaction"] for g in window if (g["kind"], g["trigger"]) == ("discount", "waiting")]
    cheap = [g["reaction"] for g in window if g["cost"] <= 200]
    pricey = [g["reaction"] for g in window if g["cost"] >= 1000]
    assert len(vouchers) >= 5 and vouchers.count(2) > len(vouchers) / 2
    assert len(cheap) >= 30 and len(pricey) >= 8
    assert mean(cheap) >= 4.2 and mean(pricey) <= 3.6


def test_waiting_and_complaints_drive_more_of_the_hotels_gestures_lately(demo_rows):
    def basic_share(weeks):
        rows = [g for ago in weeks for g in hotel(demo_rows, weeks_ago=ago)]
        return sum(g["trigger"] in ("waiting", "complaint") for g in rows) / len(rows)

    assert basic_share((1, 2)) >= basic_share(range(3, 9)) + 0.2


def test_the_story_of_the_week_and_appreciations_are_in_the_data(demo_rows):
    last_week = hotel(demo_rows, weeks_ago=1)
    umbrella = next(g for g in last_week if "paraplu" in g["description"])
    appreciated = {a["gesture_id"] for a in demo_rows["appreciations.csv"]}
    assert umbrella["reaction"] == 5 and len(umbrella["description"]) > 200
    assert umbrella["id"] in appreciated
    assert any(g["id"] not in appreciated for g in last_week)
    assert not any(g["id"] in appreciated for g in hotel(demo_rows) if g["person"] == "Dewi Santoso")


def test_the_demo_holds_no_customer_personal_data(demo_rows):
    columns = ("description", "trigger_note", "reaction_note")
    texts = [g[c] for g in demo_rows["gestures.csv"] for c in columns]
    texts += [a["note"] for a in demo_rows["appreciations.csv"]]
    assert [t for t in texts if find_personal_data(t)] == []


def test_the_demo_imports_cleanly_and_its_busiest_week_gives_the_report_plenty_to_ask(engine, session):
    from reports.weekly import build_weekly_report

    started = time.perf_counter()
    counts = load_demo(engine=engine)
    took = time.perf_counter() - started

    assert counts.added["people"] == 25
    assert counts.added["gestures"] > 300 and counts.added["appreciations"] > 50
    team = session.exec(select(Team).where(Team.name == HOTEL)).one()
    week = last_complete_week(utcnow(), TZ)
    over_cap = session.exec(select(Gesture).join(Person, Person.id == Gesture.person_id).where(
        Gesture.team_id == team.id, Gesture.mandate_check == "over_cap")).all()
    assert any(week_of(g.occurred_at, TZ) == week for g in over_cap)
    assert session.exec(select(Appreciation)).first() is not None
    report = build_weekly_report(session=session, team_id=team.id, week=week)
    kinds = {p.kind for p in report.prompts}
    assert "spend_contrast" in kinds and len(kinds) >= 6, kinds
    assert took < 20  # a few seconds here; generous for a busy two-core machine
