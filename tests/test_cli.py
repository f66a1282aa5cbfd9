import re

import pytest
from sqlalchemy import MetaData
from sqlalchemy import select as select_rows
from sqlmodel import Session, select

from ledger.credentials import verify_secret
from ledger.models import Gesture, Person, Team
from ledger.services.tablets import tablet_for_token
from tests.factories import make_team
from tests.seed_data.helpers import basic_folder, gestures, use_cheap_hashing
from web.cli import main


@pytest.fixture(autouse=True)
def _cheap_hashing(monkeypatch):
    use_cheap_hashing(monkeypatch)


def invoke(runner, *args: str):
    return runner.invoke(main, list(args))


def assert_refused(result, message: str) -> None:
    """One clear line on stderr, exit code 1, no traceback."""
    assert result.exit_code == 1, result.output
    assert message in result.stderr
    assert "Traceback" not in result.output
    assert isinstance(result.exception, SystemExit)


def snapshot(engine) -> dict[str, list[tuple]]:
    """Every row of every table, sorted, so two databases can be compared exactly."""
    meta = MetaData()
    meta.reflect(engine)
    with engine.connect() as conn:
        return {t.name: sorted(tuple(map(str, row)) for row in conn.execute(select_rows(t)))
                for t in meta.sorted_tables}


def count(engine, model) -> int:
    with Session(engine) as session:
        return len(session.exec(select(model)).all())


def test_help_tells_a_newcomer_where_to_start(runner):
    result = invoke(runner, "--help")

    assert result.exit_code == 0
    for text in ("gesture-ledger init", "gesture-ledger demo", "gesture-ledger run", "import", "create-user",
                 "backup", "restore"):
        assert text in result.output


def test_import_loads_a_folder_and_says_what_it_added(runner, engine, tmp_path):
    folder = basic_folder(tmp_path, gestures_csv=gestures(
        ",2025-03-04 14:05,Front desk,Bram,treat,Koffie,4,5,waiting,,4,,"))

    result = invoke(runner, "import", str(folder))

    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "Added 1 team, 3 people, 1 mandate, 1 gesture, 0 appreciations."
    assert count(engine, Gesture) == 1


def test_import_of_a_bad_folder_lists_every_problem_and_stores_nothing(runner, engine, tmp_path):
    folder = basic_folder(tmp_path, gestures_csv=gestures(
        ",2025-03-04 14:05,Front desk,Bram,giftcard,Koffie,4,5,waiting,,4,,",
        ",2025-03-04 14:05,Front desk,Nobody,treat,Koffie,4,5,waiting,,4,,"))

    result = invoke(runner, "import", str(folder))

    assert_refused(result, "import refused: 2 problem(s) listed above; nothing was stored")
    assert "gestures.csv:2: kind: unknown kind 'giftcard'" in result.stderr
    assert "gestures.csv:3: person: 'Nobody' is not a member of 'Front desk'" in result.stderr
    assert count(engine, Team) == 0
    assert_refused(invoke(runner, "import", str(tmp_path / "missing")), "missing is not a folder")


def test_demo_refuses_to_wipe_data_then_loads_with_yes_and_reprints_fresh_sign_ins(runner, client, engine,
                                                                                   session):
    make_team(session, "Old team")
    session.close()

    assert_refused(invoke(runner, "demo"), "the database is not empty: `gesture-ledger demo --yes`")
    assert count(engine, Team) == 1

    loaded = invoke(runner, "demo", "--yes")
    assert loaded.exit_code == 0, loaded.output
    links = re.findall(r"http://127\.0\.0\.1:5000/t/(\S+)", loaded.stdout)
    assert len(links) == 3
    assert "Anouk Jansen 1101" in loaded.stdout
    assert "marieke@harbour-hotel.example" in loaded.stdout and "samen-leren-demo" in loaded.stdout
    assert [t.name for t in session.exec(select(Team).where(Team.name == "Old team"))] == []
    gestures_loaded = count(engine, Gesture)
    assert client.get(f"/t/{links[0]}").status_code == 302  # the printed link opens the demo tablet

    again = invoke(runner, "demo", "--if-empty")
    assert again.exit_code == 0, again.output
    assert again.stdout.startswith("The demo is already loaded.")
    fresh = re.findall(r"http://127\.0\.0\.1:5000/t/(\S+)", again.stdout)
    assert len(fresh) == 3 and not set(fresh) & set(links)
    assert count(engine, Gesture) == gestures_loaded
    session.expire_all()
    assert tablet_for_token(session=session, token=links[0]) is None  # the old demo tablets are revoked
    assert tablet_for_token(session=session, token=fresh[0]) is not None


def test_demo_if_empty_leaves_a_real_installation_alone(runner, engine, session):
    make_team(session, "Front desk")
    session.close()

    result = invoke(runner, "demo", "--if-empty")

    assert result.exit_code == 0
    assert "The database already holds data (not the demo); the demo was not loaded." in result.stdout
    assert "/t/" not in result.stdout
    assert count(engine, Team) == 1


def test_create_user_makes_an_admin_who_can_sign_in(runner, session):
    result = invoke(runner, "create-user", "Ilse de Wit", "--role", "admin", "--email", "Ilse@Example.org",
                    "--password", "een-lang-wachtwoord")

    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "Created admin Ilse de Wit <ilse@example.org>."
    person = session.exec(select(Person)).one()
    assert verify_secret(person.password_hash, "een-lang-wachtwoord")


def test_create_user_puts_staff_in_their_team_with_a_pin(runner, session):
    make_team(session, "Front desk")

    result = invoke(runner, "create-user", "Anouk", "--team", "front desk", "--pin", "2580")

    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "Created staff Anouk, member of Front desk."
    assert verify_secret(session.exec(select(Person)).one().pin_hash, "2580")


def test_create_user_mistakes_get_one_clear_line(runner, session):
    make_team(session, "Front desk")
    invoke(runner, "create-user", "Ilse", "--role", "admin", "--email", "ilse@example.org",
           "--password", "een-lang-wachtwoord")

    assert_refused(invoke(runner, "create-user", "Marieke", "--role", "manager", "--email", "m@example.org"),
                   "a manager needs a password: give --password, or run this in a terminal")
    assert_refused(invoke(runner, "create-user", "Ilse 2", "--role", "admin", "--email", "ILSE@example.org",
                          "--password", "een-lang-wachtwoord"), "email: is already used by someone else")
    assert_refused(invoke(runner, "create-user", "Bram", "--team", "Back office", "--pin", "1234"),
                   "no team called 'Back office' (teams: Front desk)")
    assert_refused(invoke(runner, "create-user", "Bram", "--pin", "1234"), "give --team")
    assert_refused(invoke(runner, "create-user", "Bram", "--team", "Front desk", "--pin", "12"),
                   "pin: must be 4 to 6 digits")


def test_backup_then_restore_gives_back_identical_ledger_contents(runner, engine, tmp_path):
    umbrella = "3f2c8a54-1b7e-4c0e-9a51-0c6f4d2e7b10"
    folder = basic_folder(tmp_path / "csv", gestures_csv=gestures(
        f"{umbrella},2025-03-04 08:40,Front desk,Anouk,gift,Paraplu,8,10,in_need,,5,,",
        ",2025-03-04 14:05,Front desk,Bram,treat,Koffie,\"4,50\",5,waiting,,4,,"),
        appreciations_csv="gesture_id,from_person,note,created_at\n"
                          f"{umbrella},Bram,Mooi!,2025-03-05 09:00\n")
    assert invoke(runner, "import", str(folder)).exit_code == 0
    before = snapshot(engine)
    target = tmp_path / "ledger.backup"

    made = invoke(runner, "backup", str(target))
    assert made.exit_code == 0, made.output
    assert invoke(runner, "import", str(basic_folder(tmp_path / "more", gestures_csv=gestures(
        ",2025-03-05 14:05,Front desk,Anouk,time,Later,0,5,in_need,,5,,")))).exit_code == 0
    assert snapshot(engine) != before

    assert_refused(invoke(runner, "restore", str(target)), "`gesture-ledger restore --yes PATH`")
    restored = invoke(runner, "restore", "--yes", str(target))

    assert restored.exit_code == 0, restored.output
    assert snapshot(engine) == before


def test_backup_and_restore_mistakes_get_one_clear_line(runner, engine, tmp_path):
    existing = tmp_path / "taken.backup"
    existing.write_text("not a backup")

    assert_refused(invoke(runner, "backup", str(existing)), "already exists; choose a new file name")
    assert_refused(invoke(runner, "backup", str(tmp_path / "no" / "such.backup")), "does not exist")
    assert_refused(invoke(runner, "restore", "--yes", str(existing)), "is not a Gesture Ledger backup")
    assert_refused(invoke(runner, "restore", "--yes", str(tmp_path / "missing")), "is not a file")


def test_an_unreachable_database_gives_one_line_not_a_traceback(engine):
    from web import create_app

    app = create_app({"TESTING": True, "SECRET_KEY": "x",
                      "DATABASE_URL": "postgresql+psycopg://postgres@127.0.0.1:1/nowhere"})

    result = app.test_cli_runner().invoke(main, ["init"])

    assert_refused(result, "cannot use the database postgresql+psycopg://postgres@127.0.0.1:1/nowhere")


def test_import_into_a_database_that_was_never_initialised_says_to_run_init(tmp_path):
    from web import create_app

    app = create_app({"TESTING": True, "SECRET_KEY": "x", "DATABASE_URL": f"sqlite:///{tmp_path}/fresh.db"})

    result = app.test_cli_runner().invoke(main, ["import", str(basic_folder(tmp_path / "csv"))])

    assert_refused(result, "the database has no tables yet: run `gesture-ledger init` first")
    app.extensions["engine"].dispose()


ONE_MISTAKE_PER_COMMAND = {
    "init": (["init", "extra"], "unexpected extra argument"),
    "import": (["import", "no-such-folder"], "is not a folder"),
    "demo": (["demo", "--bogus"], "No such option '--bogus'"),
    "create-user": (["create-user", "Bram", "--pin", "2580"], "give --team"),
    "backup": (["backup", "no/such/folder/x.backup"], "does not exist"),
    "restore": (["restore", "--yes", "no-such-file"], "is not a file"),
    "report": (["report", "--team", "Nobody"], "unknown team 'Nobody'"),
    "digest": (["digest", "--week", "2026-W99"], "not an ISO week"),
    "run": (["run", "--port", "not-a-port"], "is not a valid integer"),
    "verify": (["verify", "--bogus"], "No such option '--bogus'"),
    "person": (["person", "export", "Nobody"], "nobody is called or has the e-mail or id 'Nobody'"),
    "retention": (["retention", "apply"], "retention is off"),
    "token": (["token", "revoke", "0"], "is not in the range"),
}


def test_every_command_has_a_mistake_checked_here():
    assert set(main.commands) - {"routes", "shell"} <= set(ONE_MISTAKE_PER_COMMAND)


@pytest.mark.parametrize("command", sorted(ONE_MISTAKE_PER_COMMAND))
def test_a_mistake_in_any_command_is_one_line_on_stderr_and_exit_1(runner, engine, command):
    if command not in main.commands:
        pytest.skip(f"`gesture-ledger {command}` is not registered in this checkout")
    args, message = ONE_MISTAKE_PER_COMMAND[command]
    result = invoke(runner, *args)
    assert_refused(result, message)
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_help_needs_no_settings_and_a_command_without_them_says_which_one_is_missing(monkeypatch):
    from click.testing import CliRunner

    for name in ("SECRET_KEY", "FLASK_DEBUG", "FLASK_APP"):
        monkeypatch.delenv(name, raising=False)
    runner = CliRunner()
    helped = runner.invoke(main, ["--help"])
    assert helped.exit_code == 0 and "gesture-ledger init" in helped.output and "create-user" in helped.output
    assert helped.stderr == "" and "Traceback" not in helped.output
    assert_refused(runner.invoke(main, ["init"]), "SECRET_KEY is not set")


def test_the_installed_command_prints_help_without_any_environment(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    script = Path(sys.executable).with_name("gesture-ledger")
    if not script.exists():
        pytest.skip("the console script is not installed (pip install -e .)")
    done = subprocess.run([str(script), "--help"], capture_output=True, text=True, cwd=tmp_path, timeout=60,
                          env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    assert done.returncode == 0 and "First steps" in done.stdout
    assert done.stderr == ""
