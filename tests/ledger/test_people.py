"""Teams and people: unique names and emails, credential rules, memberships, deactivation."""

import pytest
from sqlalchemy import func
from sqlmodel import select

from ledger.credentials import verify_secret
from ledger.errors import Conflict, NotFound, ValidationFailed
from ledger.models import AuditEvent, Person, Team
from ledger.services.people import (
    add_member,
    create_person,
    create_team,
    find_person_by_email,
    find_person_by_name,
    find_team_by_name,
    set_active,
    team_members,
    teams_of,
)
from ledger.services.teams import get_team, list_teams, update_team


def errors_of(exc) -> list[tuple[str, str]]:
    return [(e.field, e.code) for e in exc.value.errors]


def count(session, model) -> int:
    return session.exec(select(func.count()).select_from(model)).one()


def test_a_team_is_created_with_its_time_zone_and_why(session):
    team = create_team(session=session, name=" Front desk ", why="Every guest leaves with a story.")
    assert (team.name, team.timezone, team.person_comparisons) == ("Front desk", "Europe/Amsterdam", True)
    assert find_team_by_name(session=session, name="front DESK").id == team.id
    assert [t.name for t in list_teams(session=session)] == ["Front desk"]


@pytest.mark.parametrize(("kw", "expected"), [
    ({"name": ""}, [("name", "required")]),
    ({"name": "x" * 121}, [("name", "too_long")]),
    ({"name": "Desk", "timezone": "Mars/Olympus"}, [("timezone", "unknown")]),
    ({"name": "Desk", "why": "x" * 301}, [("why", "too_long")]),
])
def test_a_bad_team_is_refused_per_field(session, kw, expected):
    with pytest.raises(ValidationFailed) as exc:
        create_team(session=session, **kw)
    assert errors_of(exc) == expected and count(session, Team) == 0


def test_team_names_are_unique_regardless_of_case(session):
    create_team(session=session, name="Front desk")
    with pytest.raises(ValidationFailed) as exc:
        create_team(session=session, name="FRONT DESK")
    assert errors_of(exc) == [("name", "taken")]


def test_a_team_can_switch_person_comparisons_off(session):
    team = create_team(session=session, name="Floor")
    update_team(session=session, team_id=team.id, person_comparisons=False, why="Help shoppers find joy")
    again = get_team(session=session, team_id=team.id)
    assert (again.person_comparisons, again.why) == (False, "Help shoppers find joy")
    with pytest.raises(NotFound):
        get_team(session=session, team_id=987654)


def test_a_manager_is_created_with_a_lowercased_email_and_a_hashed_password(session):
    team = create_team(session=session, name="Front desk")
    mirjam = create_person(session=session, display_name="Mirjam", role="manager", team_ids=[team.id],
                           email=" Mirjam@Example.NL ", password="long enough secret")
    assert mirjam.email == "mirjam@example.nl"
    assert verify_secret(mirjam.password_hash, "long enough secret")
    assert "long enough secret" not in mirjam.password_hash
    assert find_person_by_email(session=session, email="MIRJAM@example.nl").id == mirjam.id
    assert [t.id for t in teams_of(session=session, person_id=mirjam.id)] == [team.id]
    assert session.exec(select(AuditEvent.action)).all() == ["team.create", "person.create"]


def test_staff_get_a_hashed_pin(session):
    anouk = create_person(session=session, display_name="Anouk", pin="4711")
    assert verify_secret(anouk.pin_hash, "4711") and not verify_secret(anouk.pin_hash, "4712")


def test_an_email_can_only_be_used_once_whatever_its_case(session):
    create_person(session=session, display_name="Mirjam", email="mirjam@example.nl")
    with pytest.raises(ValidationFailed) as exc:
        create_person(session=session, display_name="Other", email="MIRJAM@example.nl")
    assert errors_of(exc) == [("email", "taken")] and count(session, Person) == 1


@pytest.mark.parametrize(("kw", "expected"), [
    ({"display_name": "  "}, [("display_name", "required")]),
    ({"display_name": "x" * 81}, [("display_name", "too_long")]),
    ({"role": "boss"}, [("role", "unknown")]),
    ({"email": "not-an-email"}, [("email", "format")]),
    ({"pin": "123"}, [("pin", "pin_format")]),
    ({"pin": "1234567"}, [("pin", "pin_format")]),
    ({"pin": "12a4"}, [("pin", "pin_format")]),
    ({"pin": "١٢٣٤"}, [("pin", "pin_format")]),
    ({"password": "short"}, [("password", "too_short")]),
    ({"team_ids": [424242]}, [("teams", "unknown")]),
])
def test_a_bad_person_is_refused_per_field_and_nothing_is_stored(session, kw, expected):
    with pytest.raises(ValidationFailed) as exc:
        create_person(session=session, **({"display_name": "Anouk"} | kw))
    assert errors_of(exc) == expected
    assert count(session, Person) == 0 and count(session, AuditEvent) == 0


def test_members_are_listed_by_name_and_inactive_ones_only_on_request(session):
    team = create_team(session=session, name="Front desk")
    for name in ("emre", "Bram", "Anouk"):
        create_person(session=session, display_name=name, team_ids=[team.id])
    bram = find_person_by_name(session=session, name="bram", team_id=team.id)
    set_active(session=session, person_id=bram.id, active=False)
    assert [p.display_name for p in team_members(session=session, team_id=team.id)] == ["Anouk", "emre"]
    everyone = team_members(session=session, team_id=team.id, active_only=False)
    assert [p.display_name for p in everyone] == ["Anouk", "Bram", "emre"]


def test_deactivating_someone_ends_their_sessions_and_is_audited(session):
    anouk = create_person(session=session, display_name="Anouk")
    before = anouk.session_version
    set_active(session=session, person_id=anouk.id, active=False, actor_id=None)
    assert (anouk.active, anouk.session_version) == (False, before + 1)
    assert "person.deactivate" in session.exec(select(AuditEvent.action)).all()


def test_adding_a_member_twice_keeps_one_membership(session):
    team = create_team(session=session, name="Front desk")
    anouk = create_person(session=session, display_name="Anouk")
    add_member(session=session, team_id=team.id, person_id=anouk.id)
    add_member(session=session, team_id=team.id, person_id=anouk.id)
    assert [p.id for p in team_members(session=session, team_id=team.id)] == [anouk.id]


def test_finding_a_name_shared_by_two_people_is_a_conflict(session):
    create_person(session=session, display_name="Sam")
    create_person(session=session, display_name="sam")
    with pytest.raises(Conflict):
        find_person_by_name(session=session, name="Sam")
    assert find_person_by_name(session=session, name="Nobody") is None
