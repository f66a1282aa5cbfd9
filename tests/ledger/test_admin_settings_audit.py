"""Installation settings, the audit-log search and the frame changes an admin makes."""

from datetime import UTC, date, datetime, timedelta

import pytest
from sqlmodel import select

from ledger.errors import NotAllowed, NotFound, ValidationFailed
from ledger.models import AuditEvent
from ledger.permissions import Actor
from ledger.services import admin_mandates, audit_log, settings
from tests.factories import make_mandate, make_person, make_team


@pytest.fixture
def world(session):
    a, b = make_team(session, "Front desk"), make_team(session, "Restaurant")
    admin = make_person(session, None, name="Ada", role="admin", email="ada@example.test")
    manager = make_person(session, a, name="Maria", role="manager", email="m@example.test")
    return {"a": a, "b": b, "admin": Actor.of(admin), "manager": Actor.of(manager),
            "anouk": make_person(session, a, name="Anouk"), "bram": make_person(session, b, name="Bram")}


def test_settings_have_defaults_and_a_change_is_stored_whole_with_one_audit_row(session, world):
    assert settings.get_settings(session=session).retention_months == 0
    settings.update_settings(session=session, actor=world["admin"], installation_name="Harbour Hotel",
                             retention_months=24)
    current = settings.get_settings(session=session)
    assert (current.installation_name, current.retention_months, current.currency) == (
        "Harbour Hotel", 24, "EUR")
    [row] = session.exec(select(AuditEvent).where(AuditEvent.action == "settings.update")).all()
    assert "Harbour Hotel" in row.detail


def test_one_bad_setting_stores_none_of_them(session, world):
    with pytest.raises(ValidationFailed) as caught:
        settings.update_settings(session=session, actor=world["admin"], installation_name="New name",
                                 currency="XYZ")
    assert set(caught.value.by_field()) == {"currency"}
    assert settings.get_settings(session=session).installation_name == "Gesture Ledger"


def test_only_admins_change_settings(session, world):
    with pytest.raises(NotAllowed):
        settings.update_settings(session=session, actor=world["manager"], currency="GBP")


def test_a_manager_reads_only_their_teams_audit_events(session, world):
    now = datetime.now(UTC)
    session.add_all([AuditEvent(action="team.update", team_id=world["a"].id, at=now),
                     AuditEvent(action="team.update", team_id=world["b"].id, at=now),
                     AuditEvent(action="settings.update", at=now)])
    session.commit()
    mine = audit_log.search(session=session, actor=world["manager"], flt=audit_log.AuditFilter())
    assert [row.team for row in mine.rows] == ["Front desk"]
    every = audit_log.search(session=session, actor=world["admin"], flt=audit_log.AuditFilter())
    assert every.total == 3
    with pytest.raises(NotAllowed):
        audit_log.search(session=session, actor=world["manager"],
                         flt=audit_log.AuditFilter(team_id=world["b"].id))


def test_the_audit_search_filters_by_who_what_and_dates_and_pages(session, world):
    old = datetime.now(UTC) - timedelta(days=10)
    session.add_all([AuditEvent(action="person.create", actor_id=world["admin"].person_id, at=old)]
                    + [AuditEvent(action="team.update", at=datetime.now(UTC)) for _ in range(5)])
    session.commit()
    admin = world["admin"]
    by_who = audit_log.search(session=session, actor=admin,
                              flt=audit_log.AuditFilter(actor_id=admin.person_id))
    assert [r.action for r in by_who.rows] == ["person.create"] and by_who.rows[0].actor == "Ada"
    recent = audit_log.search(session=session, actor=admin, flt=audit_log.AuditFilter(
        start=date.today() - timedelta(days=1), action="team."), per_page=2, page=3)
    assert (recent.total, recent.pages, recent.page, len(recent.rows)) == (5, 3, 3, 1)


def test_csv_cells_that_look_like_formulas_are_made_inert():
    assert [audit_log.safe_cell(v) for v in ("=1+1", "+31 6", "-2", "@x", "plain", None)] == [
        "'=1+1", "'+31 6", "'-2", "'@x", "plain", ""]


def test_a_frame_change_shows_only_what_differs_from_the_version_in_force(session, world):
    in_force = make_mandate(session, world["a"], cap=2500, allowance=6000, kinds="gift;treat")
    changes = admin_mandates.changes_against(in_force, {
        "per_gesture_cap_cents": 3000, "allowance_cents": 6000, "allowance_period": "week",
        "kinds": ["treat", "gift"], "why": in_force.why})
    assert [(c.field, c.old, c.new) for c in changes] == [("per_gesture_cap_cents", 2500, 3000)]


def test_a_manager_adds_a_frame_version_and_an_override_for_their_team_only(session, world):
    manager = world["manager"]
    version = admin_mandates.new_version(session=session, actor=manager, team_id=world["a"].id,
                                         valid_from=date(2030, 1, 1), per_gesture_cap_cents=3000,
                                         allowance_cents=8000)
    assert version.agreed_by_id == manager.person_id
    with pytest.raises(NotAllowed):
        admin_mandates.new_version(session=session, actor=manager, team_id=world["b"].id,
                                   valid_from=date(2030, 1, 1), per_gesture_cap_cents=1, allowance_cents=1)
    admin_mandates.set_override(session=session, actor=manager, mandate_id=version.id,
                                person_id=world["anouk"].id, per_gesture_cap_cents=5000, allowance_cents=None)
    with pytest.raises(NotFound):  # not a member of this team
        admin_mandates.set_override(session=session, actor=manager, mandate_id=version.id,
                                    person_id=world["bram"].id, per_gesture_cap_cents=1, allowance_cents=None)
    actions = [r.action for r in session.exec(select(AuditEvent).order_by(AuditEvent.id))]
    assert actions == ["mandate.create", "mandate.override"]


def test_a_manager_also_reads_the_events_about_their_teams_people(session, world):
    from ledger.services import admin_people

    admin_people.deactivate(session=session, actor=world["manager"], person_id=world["anouk"].id)
    admin_people.deactivate(session=session, actor=world["admin"], person_id=world["bram"].id)
    mine = audit_log.search(session=session, actor=world["manager"], flt=audit_log.AuditFilter())
    anouk = str(world["anouk"].id)
    assert [(row.action, row.entity_id) for row in mine.rows] == [("person.deactivate", anouk)]
