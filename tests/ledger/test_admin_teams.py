"""Administration of teams: each change is checked, stored whole, and leaves one audit row."""

import pytest
from sqlmodel import select

from ledger.errors import NotAllowed, TeamArchived, ValidationFailed
from ledger.models import AuditEvent
from ledger.permissions import Actor
from ledger.services import admin_teams
from tests.factories import make_gesture, make_person, make_team


def audit_rows(session, action):
    return list(session.exec(select(AuditEvent).where(AuditEvent.action == action)))


@pytest.fixture
def admin(session):
    return Actor.of(make_person(session, None, name="Ada", role="admin", email="ada@example.test"))


def test_an_admin_creates_a_team_and_one_audit_row_says_so(session, admin):
    team = admin_teams.create_team(session=session, actor=admin, name="Harbour", timezone="Europe/London")
    assert team.timezone == "Europe/London"
    assert [row.entity_id for row in audit_rows(session, "team.create")] == [str(team.id)]


def test_a_manager_may_not_create_or_change_teams(session):
    team = make_team(session)
    manager = Actor.of(make_person(session, team, name="Maria", role="manager"))
    with pytest.raises(NotAllowed):
        admin_teams.create_team(session=session, actor=manager, name="Other")
    with pytest.raises(NotAllowed):
        admin_teams.update_team(session=session, actor=manager, team_id=team.id, name="Mine now")


def test_renaming_with_a_bad_time_zone_stores_nothing(session, admin):
    team = make_team(session)
    with pytest.raises(ValidationFailed) as caught:
        admin_teams.update_team(session=session, actor=admin, team_id=team.id, name="Lobby",
                                timezone="Mars/Olympus")
    assert set(caught.value.by_field()) == {"timezone"}
    session.refresh(team)
    assert team.name == "Front desk" and not audit_rows(session, "team.update")


def test_a_name_another_team_has_is_refused_whatever_its_case(session, admin):
    make_team(session, "Restaurant")
    team = make_team(session)
    with pytest.raises(ValidationFailed) as caught:
        admin_teams.update_team(session=session, actor=admin, team_id=team.id, name="restaurant")
    assert caught.value.by_field()["name"].code == "taken"


def test_works_council_mode_turns_person_comparisons_off_with_the_old_and_new_values_audited(session, admin):
    team = make_team(session)
    admin_teams.update_team(session=session, actor=admin, team_id=team.id, works_council=True,
                            min_group_size=5, why="Every guest leaves with a story.")
    session.refresh(team)
    assert team.person_comparisons is False and team.min_group_size == 5
    [row] = audit_rows(session, "team.update")
    assert '"person_comparisons": [true, false]' in row.detail and '"min_group_size": [3, 5]' in row.detail


def test_a_minimum_group_size_outside_the_range_names_its_field(session, admin):
    team = make_team(session)
    with pytest.raises(ValidationFailed) as caught:
        admin_teams.update_team(session=session, actor=admin, team_id=team.id, min_group_size=1)
    assert caught.value.by_field()["min_group_size"].code == "range"


def test_an_archived_team_keeps_its_history_but_takes_no_new_gestures(session, admin):
    team = make_team(session)
    anouk = make_person(session, team)
    make_gesture(session, team, anouk)
    admin_teams.set_archived(session=session, actor=admin, team_id=team.id, archived=True)
    with pytest.raises(TeamArchived):
        make_gesture(session, team, anouk)
    assert len(audit_rows(session, "team.archive")) == 1
    admin_teams.set_archived(session=session, actor=admin, team_id=team.id, archived=False)
    make_gesture(session, team, anouk)
    assert len(audit_rows(session, "team.unarchive")) == 1
