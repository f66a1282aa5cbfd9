"""Administration of people: adding, memberships with a start date, roles, leavers, password links."""

from datetime import date

import pytest
from sqlmodel import select

from ledger.errors import Conflict, NotAllowed, NotFound, ValidationFailed
from ledger.models import AuditEvent, Membership, PasswordReset, Person
from ledger.permissions import Actor
from ledger.services import admin_people, password_reset
from ledger.services.people import tablet_people
from tests.factories import make_person, make_team


def actions(session):
    return [row.action for row in session.exec(select(AuditEvent).order_by(AuditEvent.id))]


@pytest.fixture
def world(session):
    a, b = make_team(session, "Front desk"), make_team(session, "Restaurant")
    return {
        "a": a, "b": b,
        "admin": Actor.of(make_person(session, None, name="Ada", role="admin", email="ada@example.test")),
        "manager": Actor.of(make_person(session, a, name="Maria", role="manager", email="m@example.test")),
        "anouk": make_person(session, a, name="Anouk"),
        "bram": make_person(session, b, name="Bram"),
    }


def test_an_admin_adds_a_manager_with_a_membership_that_starts_on_a_date(session, world):
    person = admin_people.add_person(session=session, actor=world["admin"], display_name="Chen",
                                     role="manager", email="chen@example.test", team_id=world["a"].id,
                                     since=date(2025, 3, 1))
    assert session.get(Membership, (world["a"].id, person.id)).since == date(2025, 3, 1)
    assert actions(session) == ["person.create"]


def test_a_manager_adds_staff_to_their_own_team_but_not_to_another_nor_a_manager(session, world):
    manager = world["manager"]
    admin_people.add_person(session=session, actor=manager, display_name="Dewi", team_id=world["a"].id)
    with pytest.raises(NotAllowed):
        admin_people.add_person(session=session, actor=manager, display_name="Emre", team_id=world["b"].id)
    with pytest.raises(NotAllowed):
        admin_people.add_person(session=session, actor=manager, display_name="Fleur", role="manager",
                                team_id=world["a"].id)
    assert session.exec(select(Person).where(Person.display_name.in_(["Emre", "Fleur"]))).first() is None


def test_a_bad_start_date_stores_no_person(session, world):
    with pytest.raises(ValidationFailed) as caught:
        admin_people.add_person(session=session, actor=world["admin"], display_name="Gijs",
                                team_id=world["a"].id, since=date(1990, 1, 1))
    assert caught.value.by_field()["since"].code == "range"
    assert session.exec(select(Person).where(Person.display_name == "Gijs")).first() is None


def test_a_manager_adds_and_removes_memberships_of_their_teams_staff_only(session, world):
    manager, anouk, bram = world["manager"], world["anouk"], world["bram"]
    with pytest.raises(NotAllowed):
        admin_people.set_membership(session=session, actor=manager, person_id=bram.id, team_id=world["b"].id,
                                    since=None)
    admin_people.set_membership(session=session, actor=world["admin"], person_id=bram.id,
                                team_id=world["a"].id, since=date(2026, 1, 5))
    admin_people.remove_membership(session=session, actor=manager, person_id=bram.id, team_id=world["a"].id)
    assert session.get(Membership, (world["a"].id, bram.id)) is None
    admin_people.set_membership(session=session, actor=manager, person_id=anouk.id, team_id=world["a"].id,
                                since=date(2024, 6, 1))
    assert actions(session) == ["membership.add", "membership.remove", "membership.update"]


def test_a_role_change_is_for_admins_ends_the_persons_sessions_and_is_audited(session, world):
    anouk = world["anouk"]
    before = anouk.session_version
    with pytest.raises(NotAllowed):
        admin_people.change_role(session=session, actor=world["manager"], person_id=anouk.id, role="manager")
    admin_people.change_role(session=session, actor=world["admin"], person_id=anouk.id, role="manager")
    session.refresh(anouk)
    assert anouk.role == "manager" and anouk.session_version == before + 1
    [row] = session.exec(select(AuditEvent).where(AuditEvent.action == "person.role")).all()
    assert '"from": "staff"' in row.detail and '"to": "manager"' in row.detail


def test_the_last_admin_keeps_their_role(session, world):
    admin = world["admin"]
    with pytest.raises(Conflict):
        admin_people.change_role(session=session, actor=admin, person_id=admin.person_id, role="staff")


def test_deactivating_a_leaver_ends_their_sessions_hides_their_tile_and_reactivation_does_not_revive(
        session, world):
    anouk = world["anouk"]
    old_version = anouk.session_version
    admin_people.deactivate(session=session, actor=world["manager"], person_id=anouk.id)
    session.refresh(anouk)
    assert not anouk.active and anouk.deactivated_at is not None and anouk.session_version > old_version
    assert anouk not in tablet_people(session=session, team_id=world["a"].id)
    admin_people.reactivate(session=session, actor=world["admin"], person_id=anouk.id)
    session.refresh(anouk)
    assert anouk.active and anouk.session_version > old_version + 1
    assert actions(session) == ["person.deactivate", "person.reactivate"]


def test_a_manager_cannot_deactivate_someone_of_another_team(session, world):
    with pytest.raises(NotAllowed):
        admin_people.deactivate(session=session, actor=world["manager"], person_id=world["bram"].id)


def test_a_password_link_works_once_and_ends_older_sessions(session, world):
    maria = session.get(Person, world["manager"].person_id)
    version = maria.session_version
    token = password_reset.issue_reset(session=session, actor=world["admin"], person_id=maria.id)
    assert session.exec(select(PasswordReset)).one().token_hash != token  # only the hash is kept
    with pytest.raises(ValidationFailed):
        password_reset.use_reset(session=session, token=token, password="short")
    password_reset.use_reset(session=session, token=token, password="a long new password")
    session.refresh(maria)
    assert maria.password_hash and maria.session_version == version + 1
    with pytest.raises(NotFound):
        password_reset.use_reset(session=session, token=token, password="another long password")
    assert actions(session) == ["password_reset.issue", "password_reset.use"]


def test_a_new_password_link_replaces_the_older_one(session, world):
    first = password_reset.issue_reset(session=session, actor=world["admin"], person_id=world["anouk"].id)
    password_reset.issue_reset(session=session, actor=world["admin"], person_id=world["anouk"].id)
    with pytest.raises(NotFound):
        password_reset.valid_reset(session=session, token=first)
