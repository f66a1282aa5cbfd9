import uuid
from datetime import UTC, datetime

import pytest
from sqlmodel import select

from ledger.models import Appreciation, Gesture, Person, Team
from seed_data.csvfiles import ImportFailed
from seed_data.importer import import_folder
from tests.seed_data.helpers import TEAMS, basic_folder, gestures, row_counts, write_folder

UMBRELLA_ID = "3f2c8a54-1b7e-4c0e-9a51-0c6f4d2e7b10"
APPRECIATION_HEADER = "gesture_id,from_person,note,created_at\n"


def problems_of(excinfo) -> list[str]:
    return [str(p) for p in excinfo.value.problems]


def test_a_valid_folder_is_imported_with_every_row_counted(engine, session, tmp_path):
    folder = basic_folder(tmp_path, gestures_csv=gestures(
        f"{UMBRELLA_ID},2025-03-04 08:40,Front desk,Anouk,gift,Paraplu meegegeven in de stortregen,8,10,"
        "in_need,Stortregen,5,Kwam terug om te bedanken,returned",
        ",2025-03-04 14:05,Front desk,Bram,treat,Koffie en appeltaart,\"4,50\",5,waiting,,4,,",
        ",2025-03-05 21:15,Front desk,Anouk,recovery,Andere kamer en een diner,18.00,25,complaint,,3,,"),
        appreciations_csv=f"{APPRECIATION_HEADER}{UMBRELLA_ID},Bram,Zo doen we het hier.,\n")

    counts = import_folder(engine=engine, folder=folder)

    assert counts.added == {"teams": 1, "people": 3, "mandates": 1, "gestures": 3, "appreciations": 1}
    assert counts.summary() == "Added 1 team, 3 people, 1 mandate, 3 gestures, 1 appreciation."
    rows = {g.description: g for g in session.exec(select(Gesture))}
    assert rows["Koffie en appeltaart"].cost_cents == 450
    assert rows["Paraplu meegegeven in de stortregen"].id == uuid.UUID(UMBRELLA_ID)
    assert rows["Andere kamer en een diner"].mandate_check == "over_cap"  # recorded, not refused
    assert session.exec(select(Appreciation)).one().note == "Zo doen we het hier."


def test_a_folder_with_bad_rows_in_two_files_is_refused_whole_with_every_problem_listed(engine, tmp_path):
    folder = basic_folder(
        tmp_path,
        people_csv="name,role,teams,email,pin,password\nAnouk,staff,Front desk,,1101,\n"
                   "Bram,boss,Front desk,,12,\nMarieke,manager,Front desk,not-an-address,,samen-leren-demo\n",
        gestures_csv=gestures(",2025-03-04 14:05,Front desk,Anouk,giftcard,Koffie,4.0.0,5,waiting,,4,,",
                              ",2025-03-04 15:00,Front desk,Anouk,treat,Koffie,2,5,waiting,,7,,",
                              ",2025-03-04 16:00,Front desk,Anouk,treat,Thee,2,5,waiting,,4,,"))
    before = row_counts(engine)

    with pytest.raises(ImportFailed) as excinfo:
        import_folder(engine=engine, folder=folder)

    assert problems_of(excinfo) == [
        "people.csv:3: role: unknown role 'boss' (use staff, manager, admin)",
        "people.csv:3: pin: must be 4 to 6 digits "
        "(spreadsheets drop leading zeros: format the column as text)",
        "people.csv:4: email: is not an e-mail address",
        "gestures.csv:2: cost_eur: '4.0.0' is not an amount in euros like 4,50",
        "gestures.csv:3: reaction: must be a whole number from 1 to 5",
    ]
    assert row_counts(engine) == before  # not even the valid team, people and gesture were kept


def test_what_dutch_excel_writes_is_accepted(engine, session, tmp_path):
    # BOM, CRLF, ";" as separator, "," as decimal mark, a quoted note over two lines, Excel's own date format.
    text = ("\ufeffid;occurred_at;team;person;kind;description;cost_eur;effort_minutes;trigger;trigger_note;"
            "reaction;reaction_note;follow_up\r\n"
            ";4-3-2025 14:30;Front desk;Anouk;treat;\"Koffie gebracht;\r\nmet een stroopwafel\";4,50;5;"
            "waiting;;4;;\r\n"
            ";;;;;;;;;;;;\r\n")
    folder = basic_folder(tmp_path, gestures_csv=text.encode("utf-8"),
                          teams_csv="\ufeffname;timezone;why\r\nFront desk;Europe/Amsterdam;Blij maken\r\n")

    counts = import_folder(engine=engine, folder=folder)

    assert counts.added["gestures"] == 1
    gesture = session.exec(select(Gesture)).one()
    assert gesture.cost_cents == 450
    assert gesture.description == "Koffie gebracht;\nmet een stroopwafel"
    assert gesture.occurred_at == datetime(2025, 3, 4, 13, 30, tzinfo=UTC)  # 14:30 in Amsterdam (CET)


def test_a_windows_1252_file_is_refused_with_advice_on_how_to_save_it(engine, tmp_path):
    people = "name,role,teams,email,pin,password\nZoë,staff,Front desk,,1101,\n".encode("cp1252")
    folder = basic_folder(tmp_path, people_csv=people)
    before = row_counts(engine)

    with pytest.raises(ImportFailed) as excinfo:
        import_folder(engine=engine, folder=folder)

    assert problems_of(excinfo) == [
        "people.csv is not UTF-8 (looks like Windows-1252): save it as 'CSV UTF-8'"]
    assert row_counts(engine) == before


def test_importing_the_same_folder_again_adds_nothing(engine, tmp_path):
    folder = basic_folder(tmp_path, gestures_csv=gestures(
        ",2025-03-04 14:05,Front desk,Bram,treat,Koffie,4,5,waiting,,4,,",
        ",2025-03-04 14:05,Front desk,Anouk,time,Naar de taxi gebracht,0,10,in_need,,5,,"))
    first = import_folder(engine=engine, folder=folder)
    after_first = row_counts(engine)

    again = import_folder(engine=engine, folder=folder)

    assert sum(first.added.values()) == 7
    assert sum(again.added.values()) == 0
    assert sum(again.existing.values()) == 7
    after_first["auditevent"] += 1  # the second import is audited, and that is all it adds
    assert row_counts(engine) == after_first


def test_a_reused_gesture_id_with_other_content_is_reported(engine, tmp_path):
    import_folder(engine=engine, folder=basic_folder(tmp_path / "a", gestures_csv=gestures(
        f"{UMBRELLA_ID},2025-03-04 08:40,Front desk,Anouk,gift,Paraplu,8,10,in_need,,5,,")))

    with pytest.raises(ImportFailed) as excinfo:
        import_folder(engine=engine, folder=basic_folder(tmp_path / "b", gestures_csv=gestures(
            f"{UMBRELLA_ID},2025-03-04 08:40,Front desk,Anouk,gift,Twee paraplu's,16,10,in_need,,5,,")))

    assert problems_of(excinfo) == ["gestures.csv:2: id: is already used for a different gesture"]


def test_the_allowance_is_checked_in_the_order_gestures_happened_not_file_order(engine, session, tmp_path):
    # Allowance €50 a week: of three €20 gestures in one week, the one that happened last goes over it.
    folder = basic_folder(tmp_path, gestures_csv=gestures(
        ",2025-03-06 10:00,Front desk,Anouk,gift,Derde,15,5,celebration,,4,,",
        ",2025-03-04 10:00,Front desk,Anouk,gift,Eerste,15,5,celebration,,4,,",
        ",2025-03-05 10:00,Front desk,Anouk,gift,Tweede,15,5,celebration,,4,,",
        ",2025-03-07 10:00,Front desk,Anouk,gift,Vierde,15,5,celebration,,4,,"))

    import_folder(engine=engine, folder=folder)

    checks = {g.description: g.mandate_check for g in session.exec(select(Gesture))}
    assert checks == {"Eerste": "within", "Tweede": "within", "Derde": "within", "Vierde": "over_allowance"}


def test_local_times_are_read_in_the_team_time_zone_and_offsets_are_kept(engine, session, tmp_path):
    folder = basic_folder(
        tmp_path, teams_csv="name,timezone,why\nFront desk,America/New_York,\n",
        gestures_csv=gestures(",2025-07-01 09:00,Front desk,Anouk,time,Lokaal,0,5,in_need,,5,,",
                              ",2025-07-01T09:00:00+02:00,Front desk,Anouk,time,Met offset,0,5,in_need,,5,,"))

    import_folder(engine=engine, folder=folder)

    at = {g.description: g.occurred_at for g in session.exec(select(Gesture))}
    assert at["Lokaal"] == datetime(2025, 7, 1, 13, 0, tzinfo=UTC)
    assert at["Met offset"] == datetime(2025, 7, 1, 7, 0, tzinfo=UTC)


def test_imported_text_goes_through_the_personal_data_scan(engine, session, tmp_path):
    folder = basic_folder(tmp_path, gestures_csv=gestures(
        ",2025-03-04 14:05,Front desk,Bram,treat,Mail gestuurd naar jan@example.com,0,5,waiting,,4,,"))

    import_folder(engine=engine, folder=folder)

    gesture = session.exec(select(Gesture)).one()
    assert "jan@example.com" not in gesture.description
    assert gesture.redacted == "email"


def test_header_mistakes_are_named_by_column(engine, tmp_path):
    folder = basic_folder(tmp_path, gestures_csv="id,occurred_at,team,person,kind,colour,trigger\n")

    with pytest.raises(ImportFailed) as excinfo:
        import_folder(engine=engine, folder=folder)

    assert problems_of(excinfo) == [
        "gestures.csv:1: colour: unknown column (known columns: occurred_at, team, person, kind, trigger, "
        "reaction, id, description, cost_eur, effort_minutes, trigger_note, reaction_note, follow_up)",
        "gestures.csv:1: reaction: column is missing from the header",
    ]


def test_a_row_with_a_stray_separator_is_reported_with_its_line(engine, tmp_path):
    folder = basic_folder(tmp_path, teams_csv=TEAMS + "Back office,Europe/Amsterdam,Achter,de schermen\n")

    with pytest.raises(ImportFailed) as excinfo:
        import_folder(engine=engine, folder=folder)

    assert problems_of(excinfo) == [
        "teams.csv:3: has 4 values but the header has 3 columns (a stray separator?)"]


def test_rows_naming_a_team_that_failed_point_back_to_teams_csv(engine, tmp_path):
    folder = basic_folder(tmp_path, teams_csv="name,timezone,why\nFront desk,Mars/Olympus,\n")

    with pytest.raises(ImportFailed) as excinfo:
        import_folder(engine=engine, folder=folder)

    problems = problems_of(excinfo)
    assert problems[0] == ("teams.csv:2: timezone: unknown time zone 'Mars/Olympus' "
                           "(use a name like Europe/Amsterdam)")
    assert "people.csv:2: teams: team 'Front desk' has a problem in teams.csv" in problems


def test_an_appreciation_keeps_the_moment_it_was_given(engine, session, tmp_path):
    folder = basic_folder(
        tmp_path, gestures_csv=gestures(f"{UMBRELLA_ID},2025-03-04 08:40,Front desk,Anouk,gift,Paraplu,8,10,"
                                        "in_need,,5,,"),
        appreciations_csv=f"{APPRECIATION_HEADER}{UMBRELLA_ID},Marieke,,2025-03-05 09:15\n")

    import_folder(engine=engine, folder=folder)

    appreciation = session.exec(select(Appreciation)).one()
    assert appreciation.created_at == datetime(2025, 3, 5, 8, 15, tzinfo=UTC)
    marieke = session.exec(select(Person).where(Person.display_name == "Marieke")).one()
    assert appreciation.person_id == marieke.id


def test_a_missing_folder_and_a_folder_without_csv_files_are_refused(engine, tmp_path):
    with pytest.raises(ImportFailed, match="is not a folder"):
        import_folder(engine=engine, folder=tmp_path / "nope")
    with pytest.raises(ImportFailed, match="holds none of the files teams.csv, people.csv"):
        import_folder(engine=engine, folder=write_folder(tmp_path / "empty", {"notes.txt": "hallo"}))


def test_people_are_matched_by_email_or_name_so_a_second_folder_can_add_to_a_team(engine, session, tmp_path):
    import_folder(engine=engine, folder=basic_folder(tmp_path / "a"))
    second = write_folder(tmp_path / "b", {
        "teams.csv": TEAMS + "Back office,Europe/Amsterdam,\n",
        "people.csv": "name,role,teams,email,pin,password\n"
                      "Marieke,manager,Front desk;Back office,MARIEKE@example.org,,\n"})

    counts = import_folder(engine=engine, folder=second)

    assert counts.added["teams"] == 1 and counts.existing["people"] == 1
    assert len(session.exec(select(Team)).all()) == 2
    assert len(session.exec(select(Person)).all()) == 3


def test_an_admin_outside_the_team_can_appreciate_but_an_unknown_name_cannot(engine, session, tmp_path):
    people = ("name,role,teams,email,pin,password\nAnouk,staff,Front desk,,1101,\n"
              "Ilse,admin,,ilse@example.org,,een-lang-wachtwoord\n")
    gesture = f"{UMBRELLA_ID},2025-03-04 08:40,Front desk,Anouk,gift,Paraplu,8,10,in_need,,5,,"
    good = basic_folder(tmp_path / "good", people_csv=people, gestures_csv=gestures(gesture),
                        appreciations_csv=f"{APPRECIATION_HEADER}{UMBRELLA_ID},Ilse,Mooi!,\n")
    bad = basic_folder(tmp_path / "bad", people_csv=people, gestures_csv=gestures(gesture),
                       appreciations_csv=f"{APPRECIATION_HEADER}{UMBRELLA_ID},Ilze,Mooi!,\n")

    with pytest.raises(ImportFailed) as excinfo:
        import_folder(engine=engine, folder=bad)
    counts = import_folder(engine=engine, folder=good)

    assert problems_of(excinfo) == ["appreciations.csv:2: from_person: nobody is called 'Ilze'"]
    assert counts.added["appreciations"] == 1
