"""Role, entry type and mandate check are enums on the models, stored as the same plain codes as before."""

import pytest
from sqlalchemy import text
from sqlalchemy.exc import StatementError
from sqlmodel import Session

from ledger.models import Gesture, Person
from ledger.vocab import EntryType, MandateCheck, Role
from tests.factories import make_gesture, make_person, make_team


def test_a_role_read_back_from_the_database_is_the_enum_member(engine, session):
    maria_id = make_person(session, None, "Maria", role=Role.MANAGER).id
    with Session(engine) as fresh:
        maria = fresh.get(Person, maria_id)
        assert maria.role is Role.MANAGER
        stored = fresh.exec(text("SELECT role FROM person WHERE id = :id").bindparams(id=maria_id)).one()[0]
    assert stored == "manager" and type(stored) is str


def test_a_gestures_entry_type_and_mandate_check_are_enum_members(engine, session):
    team = make_team(session)
    row_id = make_gesture(session, team, make_person(session, team)).id
    with Session(engine) as fresh:
        row = fresh.get(Gesture, row_id)
        assert row.entry_type is EntryType.ORIGINAL
        assert row.mandate_check is MandateCheck.NO_MANDATE


def test_a_code_outside_the_vocabulary_is_refused_instead_of_stored(session):
    session.add(Person(display_name="Eve", role="boss"))
    with pytest.raises(StatementError):
        session.commit()
    session.rollback()
