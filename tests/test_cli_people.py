"""Privacy requests and membership dates from the command line: person export/erase, retention, --since."""

import json
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlmodel import select

from ledger.models import AuditEvent, Gesture, Membership, Person
from ledger.permissions import Actor
from ledger.services.settings import update_settings
from tests.factories import make_gesture, make_mandate, make_person, make_team
from tests.seed_data.helpers import use_cheap_hashing
from web.cli import main

STORY = "Walked a lost guest to the tram in the rain"


@pytest.fixture(autouse=True)
def _cheap_hashing(monkeypatch):
    use_cheap_hashing(monkeypatch)


@pytest.fixture
def world(session):
    team = make_team(session)
    make_mandate(session, team)
    anouk = make_person(session, team, name="Anouk Jansen", email="anouk@example.test")
    bram = make_person(session, team, name="Bram Peters")
    make_gesture(session, team, anouk, description=STORY, cost_cents=450)
    make_gesture(session, team, bram, description="Coffee while waiting", cost_cents=300)
    return {"team": team, "anouk": anouk, "bram": bram}


def invoke(runner, *args: str, **kw):
    return runner.invoke(main, list(args), **kw)


def refused(result, message: str) -> bool:
    """One line on stderr, exit 1, no traceback."""
    return (result.exit_code == 1 and message in result.stderr and "Traceback" not in result.output
            and len(result.stderr.strip().splitlines()) == 1)


def spent(session, team) -> int:
    session.expire_all()
    return sum(g.cost_cents for g in session.exec(select(Gesture).where(Gesture.team_id == team.id)))


def test_person_export_prints_everything_about_the_person_found_by_email(runner, session, world):
    result = invoke(runner, "person", "export", "anouk@example.test")

    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["person"]["display_name"] == "Anouk Jansen"
    assert [g["description"] for g in data["gestures_given"]] == [STORY]
    assert "password_hash" not in data["person"]
    row = session.exec(select(AuditEvent).where(AuditEvent.action == "person.export")).one()
    assert row.actor_id is None and row.entity_id == str(world["anouk"].id)


def test_person_export_by_name_or_id_writes_a_file_when_asked(runner, world, tmp_path):
    by_name = invoke(runner, "person", "export", "Bram Peters", "--output", str(tmp_path / "bram.json"))
    by_id = invoke(runner, "person", "export", str(world["anouk"].id), "-o", str(tmp_path / "a.json"))
    assert by_id.exit_code == 0, by_id.output

    assert by_name.exit_code == 0 and "to " + str(tmp_path / "bram.json") in by_name.output
    assert json.loads((tmp_path / "bram.json").read_text("utf-8"))["person"]["display_name"] == "Bram Peters"
    assert json.loads((tmp_path / "a.json").read_text("utf-8"))["person"]["email"] == "anouk@example.test"


def test_person_mistakes_are_one_line(runner, session, world, tmp_path):
    make_person(session, world["team"], name="Bram Peters")  # a second Bram Peters

    assert refused(invoke(runner, "person", "export", "Nobody"), "nobody is called")
    assert refused(invoke(runner, "person", "export", "Bram Peters"), "give their e-mail or id")
    assert refused(invoke(runner, "person", "erase", "--yes", "99999999999999999999"), "nobody is called")
    assert refused(invoke(runner, "person", "export", "Anouk Jansen", "-o", str(tmp_path / "no/x.json")),
                   "does not exist")


def test_person_erase_refuses_without_yes_when_no_terminal_can_ask(runner, session, world):
    result = invoke(runner, "person", "erase", "Anouk Jansen")

    assert refused(result, "not erasing Anouk Jansen without --yes")
    session.expire_all()
    assert session.get(Person, world["anouk"].id).display_name == "Anouk Jansen"


def test_person_erase_with_yes_keeps_the_numbers_and_drops_the_name_and_texts(runner, session, world):
    before = spent(session, world["team"])

    result = invoke(runner, "person", "erase", "anouk@example.test", "--yes")

    assert result.exit_code == 0, result.output
    person = session.get(Person, world["anouk"].id)
    assert person.display_name.startswith("P-") and person.display_name in result.output
    assert person.email is None and person.erased_at is not None
    assert spent(session, world["team"]) == before
    assert STORY not in {g.description for g in session.exec(select(Gesture))}
    exported = invoke(runner, "person", "export", str(person.id)).stdout
    assert "Anouk" not in exported and STORY not in exported
    again = invoke(runner, "person", "erase", str(person.id))
    assert again.exit_code == 0 and "erased before" in again.output


@pytest.mark.parametrize(("answer", "erased"), [("y\n", True), ("n\n", False)])
def test_person_erase_asks_on_a_terminal(runner, session, world, monkeypatch, answer, erased):
    monkeypatch.setattr("web.cli.common.is_tty", lambda: True)

    result = invoke(runner, "person", "erase", "Anouk Jansen", input=answer)

    assert "This cannot be undone" in result.output and "Front desk" in result.output
    session.expire_all()
    assert (session.get(Person, world["anouk"].id).erased_at is not None) is erased
    assert result.exit_code == (0 if erased else 1)


def old_world(session, world):
    """Anouk's story is 14 months old; Bram's coffee is from last week."""
    long_ago = datetime.now(UTC) - timedelta(days=430)
    make_gesture(session, world["team"], world["anouk"], description="Umbrella for a guest",
                 occurred_at=long_ago, now=long_ago + timedelta(minutes=5))


def test_retention_apply_dry_run_counts_and_apply_blanks_only_old_texts(runner, session, world):
    old_world(session, world)
    before = spent(session, world["team"])

    dry = invoke(runner, "retention", "apply", "--dry-run", "--months", "12")
    assert dry.exit_code == 0 and "in 1 gesture," in dry.output and "nothing was changed" in dry.output
    assert "Umbrella for a guest" in {g.description for g in session.exec(select(Gesture))}

    done = invoke(runner, "retention", "apply", "--months", "12")
    assert done.exit_code == 0, done.output
    session.expire_all()
    texts = {g.description for g in session.exec(select(Gesture))}
    assert "Umbrella for a guest" not in texts and STORY in texts
    assert spent(session, world["team"]) == before


def test_retention_apply_uses_the_setting_and_says_when_retention_is_off(runner, session, world):
    old_world(session, world)
    assert refused(invoke(runner, "retention", "apply"), "retention is off")

    admin = make_person(session, None, name="Ada", role="admin", email="ada@example.test")
    update_settings(session=session, actor=Actor.of(admin), retention_months=12)
    result = invoke(runner, "retention", "apply")

    assert result.exit_code == 0 and "older than 12 months" in result.output
    assert refused(invoke(runner, "retention", "apply", "--months", "0"), "retention is off")
    assert refused(invoke(runner, "retention", "apply", "--months", "500"), "between 1 and 120")


def test_create_user_since_dates_the_membership(runner, session, world):
    result = invoke(runner, "create-user", "Chen Li", "--team", "Front desk", "--pin", "4821",
                    "--since", "2025-09-01")

    assert result.exit_code == 0, result.output
    assert "since 2025-09-01" in result.output
    chen = session.exec(select(Person).where(Person.display_name == "Chen Li")).one()
    assert session.get(Membership, (world["team"].id, chen.id)).since == date(2025, 9, 1)


def test_create_user_since_mistakes_are_one_line_and_store_nobody(runner, session, world):
    assert refused(invoke(runner, "create-user", "Dewi", "--role", "admin", "--email", "d@example.test",
                          "--password", "lang-genoeg-1", "--since", "2025-09-01"), "give --team too")
    assert refused(invoke(runner, "create-user", "Dewi", "--team", "Front desk", "--since", "1999-12-31"),
                   "member_since: must be a date from the year 2000")
    assert refused(invoke(runner, "create-user", "Dewi", "--team", "Front desk", "--since", "1-9-2025"),
                   "Invalid value for '--since'")
    assert session.exec(select(Person).where(Person.display_name == "Dewi")).first() is None
