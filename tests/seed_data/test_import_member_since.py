"""people.csv's member_since: an imported roster with months of history is not "new" on the import date."""

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlmodel import select

from ledger.models import Membership, Person, Team
from ledger.weeks import last_complete_week
from reports.weekly import build_weekly_report
from seed_data.csvfiles import ImportFailed
from seed_data.importer import import_folder
from tests.seed_data.helpers import MANDATES, TEAMS, gestures, write_folder

PEOPLE_HEADER = "name,role,teams,email,pin,password,member_since\n"
ROSTER = ("Anouk,staff,Front desk,,,,{anouk}\n"
          "Bram,staff,Front desk,,,,\n"
          "Chen,staff,Front desk,,,,\n"
          "Dewi,staff,Front desk,,,,\n")


def since_of(session, name: str) -> date | None:
    person = session.exec(select(Person).where(Person.display_name == name)).one()
    team = session.exec(select(Team)).one()
    return session.get(Membership, (team.id, person.id)).since


def history(days_ago: list[int], people=("Bram", "Chen")) -> str:
    """gestures.csv: €1 treats by Bram and Chen (alternating) on the days given, counted back from today."""
    today = datetime.now(UTC).date()
    rows = [f",{today - timedelta(days=d)} 12:00,Front desk,{people[i % len(people)]},treat,"
            f"Koffie {i},1,,waiting,,4,," for i, d in enumerate(days_ago)]
    return gestures(*rows)


def folder(tmp_path, *, anouk_since: str = "", with_history: bool = True, header: str = PEOPLE_HEADER):
    files = {"teams.csv": TEAMS, "people.csv": header + ROSTER.format(anouk=anouk_since),
             "mandates.csv": MANDATES}
    if with_history:
        files["gestures.csv"] = history([90, 60, 30, 20, 10, 3])
    return write_folder(tmp_path, files)


def test_member_since_dates_the_membership_as_written(engine, session, tmp_path):
    import_folder(engine=engine, folder=folder(tmp_path, anouk_since="1-9-2025"))

    assert since_of(session, "Anouk") == date(2025, 9, 1)


def test_without_member_since_people_count_from_the_start_of_the_imported_history(engine, session, tmp_path):
    import_folder(engine=engine, folder=folder(tmp_path))

    first_day = datetime.now(UTC).date() - timedelta(days=90)
    assert {since_of(session, n) for n in ("Bram", "Chen", "Dewi")} == {first_day}  # Dewi never logged


def test_without_history_in_the_run_the_start_stays_unknown(engine, session, tmp_path):
    import_folder(engine=engine, folder=folder(tmp_path, with_history=False,
                                               header="name,role,teams,email,pin,password\n"))

    assert since_of(session, "Bram") is None


def test_a_known_start_date_is_never_moved_by_a_later_import(engine, session, tmp_path):
    import_folder(engine=engine, folder=folder(tmp_path / "a", anouk_since="2025-09-01"))
    import_folder(engine=engine, folder=folder(tmp_path / "b", anouk_since="2025-10-01"))

    assert since_of(session, "Anouk") == date(2025, 9, 1)


@pytest.mark.parametrize(("cell", "reason"), [
    ("31-31-2025", "people.csv:2: member_since: '31-31-2025' is not a date like 2026-03-02"),
    ("1999-01-01", "people.csv:2: member_since: must be a date from the year 2000 up to a year from now"),
])
def test_a_bad_member_since_is_named_and_nothing_is_stored(engine, session, tmp_path, cell, reason):
    with pytest.raises(ImportFailed) as failed:
        import_folder(engine=engine, folder=folder(tmp_path, anouk_since=cell))

    assert reason in [str(p) for p in failed.value.problems]
    assert session.exec(select(Person)).first() is None


def quiet_names(session) -> list[str]:
    team = session.exec(select(Team)).one()
    week = last_complete_week(datetime.now(UTC), team.timezone)
    report = build_weekly_report(session=session, team_id=team.id, week=week)
    ids = {pid for p in report.prompts if p.kind == "quiet_mandate" for pid in p.person_ids}
    return [session.get(Person, pid).display_name for pid in ids]


def test_a_colleague_imported_with_the_history_who_never_logs_is_asked_about(engine, session, tmp_path):
    import_folder(engine=engine, folder=folder(tmp_path))

    assert "Dewi" in quiet_names(session)


def test_a_colleague_who_joined_recently_gets_time_first(engine, session, tmp_path):
    recent = (datetime.now(UTC).date() - timedelta(days=10)).isoformat()
    files = folder(tmp_path)
    people = (tmp_path / "people.csv").read_text("utf-8").replace("Dewi,staff,Front desk,,,,",
                                                                  f"Dewi,staff,Front desk,,,,{recent}")
    (tmp_path / "people.csv").write_text(people, encoding="utf-8")

    import_folder(engine=engine, folder=files)

    assert "Dewi" not in quiet_names(session)
