"""The tamper-evident ledger (issue 12, finding 3): the database refuses UPDATE and DELETE of ledger rows
outside erasure and retention, every gesture row is chained to the previous one of its team, and
`gesture-ledger verify` finds the first broken link — also when someone drops a trigger and edits a row.
"""

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from ledger import guard, migrate
from ledger.db import make_engine
from ledger.integrity import verify
from ledger.models import Appreciation, AuditEvent, Gesture
from ledger.permissions import Actor
from ledger.services import privacy
from ledger.services.corrections import correct_gesture, void_gesture
from tests.dbs import fresh_database
from tests.factories import errors_at_once, gesture_input, make_gesture, make_mandate, make_person, make_team

NOW = datetime.now(UTC).replace(microsecond=0)


def _raw(engine, statement: str) -> None:
    with engine.begin() as conn:
        conn.execute(text(statement))


def _refused(engine, statement: str) -> None:
    with pytest.raises(IntegrityError, match="append-only"):
        _raw(engine, statement)


@pytest.fixture
def desk(session):
    """A team with a frame, two people, a gesture, its correction, a void of another and an appreciation."""
    team = make_team(session)
    make_mandate(session, team, cap=2500)
    anouk, bram = make_person(session, team, name="Anouk"), make_person(session, team, name="Bram")
    first = make_gesture(session, team, anouk, description="Umbrella to the taxi", cost_cents=500)
    correct_gesture(session=session, gesture_id=first.id, actor_id=anouk.id, reason="Typo in the cost",
                    data=gesture_input(description="Umbrella to the taxi", cost_cents=700))
    second = make_gesture(session, team, bram, description="Cake for the anniversary")
    void_gesture(session=session, gesture_id=second.id, actor_id=bram.id, reason="Logged twice")
    session.add(Appreciation(gesture_id=first.origin_id, person_id=bram.id, note="Lovely, Anouk!"))
    session.commit()
    return team, anouk, bram


@pytest.mark.parametrize("statement", [
    "UPDATE gesture SET cost_cents = 99999",
    "UPDATE gesture SET description = 'something else'",
    "DELETE FROM gesture",
    "UPDATE auditevent SET action = 'nothing'",
    "DELETE FROM auditevent",
    "UPDATE appreciation SET note = 'edited'",
    "DELETE FROM appreciation",
    "UPDATE mandate SET per_gesture_cap_cents = 1000000",
    "DELETE FROM mandate",
])
def test_the_database_refuses_to_change_or_delete_ledger_rows(engine, desk, statement):
    _refused(engine, statement)


def test_the_erasure_gate_lets_texts_be_blanked_but_no_number_change(engine, desk):
    with engine.begin() as conn, guard.open_gate(conn, guard.ERASURE):
        conn.execute(text("UPDATE gesture SET description = ''"))
        with pytest.raises(IntegrityError, match="append-only"), conn.begin_nested():
            conn.execute(text("UPDATE gesture SET cost_cents = 1"))
        with pytest.raises(IntegrityError, match="append-only"), conn.begin_nested():
            conn.execute(text("DELETE FROM appreciation"))
    _refused(engine, "UPDATE gesture SET description = 'after the gate closed'")


def test_a_ledger_as_written_is_intact_with_its_counts(engine, desk):
    with engine.connect() as conn:
        verdict = verify(conn)
    assert verdict.intact, verdict.broken
    assert (verdict.entries, verdict.audited, len(verdict.heads)) == (4, 4, 1)
    assert verdict.heads[0].entries == 4 and len(verdict.heads[0].entry_hash) == 64


def test_every_team_has_its_own_chain(engine, session, desk):
    floor = make_team(session, "Floor")
    make_gesture(session, floor, make_person(session, floor, name="Chen"))
    rows = session.exec(select(Gesture.team_id, Gesture.chain_seq).order_by(Gesture.logged_at)).all()
    assert sorted(seq for team, seq in rows if team == desk[0].id) == [1, 2, 3, 4]
    assert [seq for team, seq in rows if team == floor.id] == [1]
    with engine.connect() as conn:
        assert [h.entries for h in verify(conn).heads] == [4, 1]


def test_erasure_and_retention_keep_the_ledger_verifiable(engine, session, desk):
    _team, anouk, _bram = desk
    admin = make_person(session, None, name="Ada", role="admin", email="ada@example.test")
    privacy.erase_person(session=session, actor=Actor.of(admin), person_id=anouk.id)
    privacy.apply_retention(session=session, actor=None, months=1, now=NOW + timedelta(days=400))
    stored = session.exec(select(Gesture.description)).all()
    assert stored and all(d == "" for d in stored)
    with engine.connect() as conn:
        verdict = verify(conn)
    assert verdict.intact, verdict.broken
    assert verdict.rewritten_texts > 0


def test_a_name_replaced_by_erasure_in_a_colleagues_story_keeps_the_chain(engine, session, desk):
    team, anouk, bram = desk
    make_gesture(session, team, bram, description="Helped Anouk with the luggage")
    admin = make_person(session, None, name="Ada", role="admin", email="ada@example.test")
    alias = privacy.erase_person(session=session, actor=Actor.of(admin), person_id=anouk.id)
    assert f"Helped {alias} with the luggage" in session.exec(select(Gesture.description)).all()
    with engine.connect() as conn:
        assert verify(conn).intact


def test_two_gestures_of_one_team_logged_at_once_do_not_fork_the_chain(engine, session):
    team = make_team(session)
    people = [make_person(session, team, name=f"Person {i}") for i in range(6)]

    def log_three(person):
        with Session(engine, expire_on_commit=False) as own:
            for _ in range(3):
                make_gesture(own, team, person)

    assert errors_at_once(log_three, [(p,) for p in people]) == []
    with engine.connect() as conn:
        verdict = verify(conn)
    assert verdict.intact, verdict.broken
    assert verdict.entries == 18


# Tampering: each test gets its own database, since it drops a trigger as an intruder would.

@pytest.fixture
def own(tmp_path):
    with fresh_database(tmp_path) as url:
        eng = make_engine(url)
        migrate.upgrade(eng)
        with Session(eng, expire_on_commit=False) as s:
            team = make_team(s)
            anouk = make_person(s, team)
            rows = [make_gesture(s, team, anouk, cost_cents=100 * i, description=f"Story {i}")
                    for i in range(1, 5)]
        yield eng, url, rows
        eng.dispose()


def _drop_guard(engine, table: str, kind: str) -> None:
    suffix = f" ON {table}" if engine.dialect.name == "postgresql" else ""
    _raw(engine, f"DROP TRIGGER guard_{table}_{kind}{suffix}")


def _first_break(engine):
    with engine.connect() as conn:
        return verify(conn).broken


def test_a_cost_edited_behind_the_guards_back_is_found(own):
    engine, _url, rows = own
    _drop_guard(engine, "gesture", "update")
    _raw(engine, "UPDATE gesture SET cost_cents = 99999 WHERE chain_seq = 3")
    broken = _first_break(engine)
    assert (broken.seq, broken.row_id) == (3, str(rows[2].id))
    assert "no longer match its hash" in broken.problem


def test_an_edited_story_is_found(own):
    engine, _url, rows = own
    _drop_guard(engine, "gesture", "update")
    _raw(engine, "UPDATE gesture SET description = 'A bottle of wine' WHERE chain_seq = 2")
    broken = _first_break(engine)
    assert broken.seq == 2 and "description was changed" in broken.problem


def test_a_deleted_entry_is_found_in_the_middle_and_at_the_end(own):
    engine, _url, rows = own
    _drop_guard(engine, "gesture", "delete")
    _raw(engine, "DELETE FROM gesture WHERE chain_seq = 4")  # the newest: only its audit row remembers it
    broken = _first_break(engine)
    assert broken.row_id == str(rows[3].id) and "missing" in broken.problem
    _raw(engine, "DELETE FROM gesture WHERE chain_seq = 2")
    broken = _first_break(engine)
    assert broken.seq == 3 and "entry 2 is missing" in broken.problem


def test_a_row_inserted_outside_the_services_is_found(own):
    engine, _url, rows = own
    columns = ("origin_id", "entry_type", "team_id", "person_id", "logged_by_id", "logged_at", "occurred_at",
               "kind", "description", "cost_cents", "trigger", "trigger_note", "reaction", "reaction_note",
               "mandate_check", "redacted", "change_reason", "prev_hash", "entry_hash", "text_hashes",
               "rewrite_hashes")
    names = ", ".join(f'"{c}"' for c in columns)
    with engine.begin() as conn:  # INSERT is allowed: a copy of a real row under a new id, outside the chain
        conn.execute(text(f"INSERT INTO gesture (id, {names}) SELECT :new, {names} FROM gesture "  # noqa: S608
                          "WHERE chain_seq = 1"), {"new": uuid.uuid4().hex})
    broken = _first_break(engine)
    assert broken.seq is None and "no place in the chain" in broken.problem


def test_a_dropped_trigger_alone_is_reported(own):
    engine, _url, _rows = own
    _drop_guard(engine, "auditevent", "delete")
    broken = _first_break(engine)
    assert "guard is missing: guard_auditevent_delete" in broken.problem


def test_verify_on_the_command_line_says_intact_or_names_the_broken_link(own):
    from web import create_app
    from web.cli import main

    engine, url, rows = own
    app = create_app({"TESTING": True, "SECRET_KEY": "test-secret", "DATABASE_URL": url})
    runner = app.test_cli_runner()
    result = runner.invoke(main, ["verify"])
    assert result.exit_code == 0, result.output
    assert "ledger intact: 4 entries in 1 team chain, 4 audit events checked" in result.output
    _drop_guard(engine, "gesture", "update")
    _raw(engine, "UPDATE gesture SET mandate_check = 'within', cost_cents = 123456 WHERE chain_seq = 1")
    result = runner.invoke(main, ["verify"])
    assert result.exit_code == 1
    assert f"ledger broken: team 'Front desk', entry 1 (gesture {rows[0].id})" in result.output
    app.extensions["engine"].dispose()


def test_the_audit_trail_has_a_row_for_every_logging(session, desk):
    actions = session.exec(select(AuditEvent.action).order_by(AuditEvent.id)).all()
    assert actions == ["gesture.log", "gesture.correct", "gesture.log", "gesture.void"]


def _cli(url):
    from web import create_app

    return create_app({"TESTING": True, "SECRET_KEY": "test-secret", "DATABASE_URL": url})


def test_the_weekly_digest_job_checks_the_ledger_and_fails_when_it_is_broken(own):
    from web.cli import main

    engine, url, _rows = own
    app = _cli(url)
    result = app.test_cli_runner().invoke(main, ["digest"])
    assert result.exit_code == 0 and "ledger intact: 4 entries" in result.output
    _drop_guard(engine, "gesture", "delete")
    _raw(engine, "DELETE FROM gesture WHERE chain_seq = 2")
    result = app.test_cli_runner().invoke(main, ["digest"])
    assert result.exit_code == 1 and "ledger broken: team 'Front desk', entry 3" in result.stderr
    app.extensions["engine"].dispose()


def test_a_restore_ends_by_verifying_the_restored_ledger(own, tmp_path):
    from web.cli import main

    _engine, url, _rows = own
    app = _cli(url)
    runner = app.test_cli_runner()
    assert runner.invoke(main, ["backup", str(tmp_path / "ledger.backup")]).exit_code == 0
    result = runner.invoke(main, ["restore", "--yes", str(tmp_path / "ledger.backup")])
    assert result.exit_code == 0, result.output
    assert "ledger intact: 4 entries in 1 team chain" in result.output
    app.extensions["engine"].dispose()


def test_gesture_rows_added_through_the_orm_are_chained_too(engine, session):
    from tests.reports.builders import add_many

    team = make_team(session)
    anouk = make_person(session, team)
    add_many(session, team, anouk, NOW - timedelta(days=1), 3)
    make_gesture(session, team, anouk)
    assert session.exec(select(Gesture.chain_seq).order_by(Gesture.chain_seq)).all() == [1, 2, 3, 4]
    with engine.connect() as conn:
        assert verify(conn).intact
