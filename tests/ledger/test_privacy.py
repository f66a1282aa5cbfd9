"""Privacy requests: a person's export, their erasure (numbers kept, name and texts gone), retention."""

import json
from datetime import UTC, datetime, timedelta

import pytest
from sqlmodel import select

from ledger.errors import NotAllowed, ValidationFailed
from ledger.models import Appreciation, AuditEvent, Gesture, Person, PromptReview
from ledger.permissions import Actor
from ledger.services import admin_people, privacy
from ledger.services.corrections import correct_gesture
from ledger.weeks import IsoWeek
from reports.weekly import build_weekly_report
from tests.factories import gesture_input, make_gesture, make_mandate, make_person, make_team

STORY = "Umbrella walk to the taxi in the rain"


@pytest.fixture
def world(session):
    team = make_team(session)
    make_mandate(session, team)
    anouk, bram, chen = (make_person(session, team, name=n) for n in ("Anouk", "Bram", "Chen"))
    maria = make_person(session, team, name="Maria", role="manager", email="maria@example.test")
    admin = make_person(session, None, name="Ada", role="admin", email="ada@example.test")
    anouk.email = "anouk@example.test"
    session.add(anouk)
    session.commit()
    given = make_gesture(session, team, anouk, description=STORY, trigger_note="Storm", cost_cents=500)
    correct_gesture(session=session, gesture_id=given.id, actor_id=anouk.id, reason="Wrong cost, Anouk here",
                    data=gesture_input(description=STORY, cost_cents=700))
    make_gesture(session, team, bram, logged_by=anouk, description="Bram's cake for the anniversary")
    make_gesture(session, team, chen, cost_cents=1200, description="Chen fixed the booking")
    session.add(Appreciation(gesture_id=given.origin_id, person_id=bram.id, note="Lovely, Anouk!"))
    session.add(Appreciation(gesture_id=given.origin_id, person_id=chen.id, note=""))
    session.add(PromptReview(team_id=team.id, prompt_key=f"quiet_mandate:2026-W45:person:{anouk.id}",
                             week="2026-W45", status="discussed", note="Talked with Anouk about it",
                             reviewer_id=maria.id))
    session.commit()
    return {"team": team, "anouk": anouk, "bram": bram, "maria": maria, "admin": Actor.of(admin)}


def week_now(team) -> IsoWeek:
    return IsoWeek.of(datetime.now(UTC).date())


def test_the_export_holds_everything_about_the_person(session, world):
    data = privacy.export_person(session=session, actor=world["admin"], person_id=world["anouk"].id)
    assert data["person"]["display_name"] == "Anouk" and "password_hash" not in data["person"]
    assert [m["team"] for m in data["memberships"]] == ["Front desk"]
    assert len(data["gestures_given"]) == 2 and len(data["gestures_logged_for_others"]) == 1
    assert [g["entry_type"] for g in data["corrections_and_voids"]] == ["correction"]
    assert [a["note"] for a in data["appreciations_received"]] == ["Lovely, Anouk!", ""]
    assert [r["note"] for r in data["prompt_reviews_about"]] == ["Talked with Anouk about it"]
    json.dumps(data)  # serialisable as it is
    assert session.exec(select(AuditEvent).where(AuditEvent.action == "person.export")).one()


def test_only_an_admin_exports_or_erases(session, world):
    manager = Actor.of(world["maria"])
    with pytest.raises(NotAllowed):
        privacy.export_person(session=session, actor=manager, person_id=world["anouk"].id)
    with pytest.raises(NotAllowed):
        privacy.erase_person(session=session, actor=manager, person_id=world["anouk"].id)


def test_erasing_a_leaver_keeps_the_team_report_exactly(session, world):
    team = world["team"]
    # A leaver is deactivated first (which alone takes them out of the active members and their allowance).
    admin_people.deactivate(session=session, actor=world["admin"], person_id=world["anouk"].id)
    before = build_weekly_report(session=session, team_id=team.id, week=week_now(team))
    privacy.erase_person(session=session, actor=world["admin"], person_id=world["anouk"].id)
    after = build_weekly_report(session=session, team_id=team.id, week=week_now(team))
    assert after.totals == before.totals
    for part in ("by_kind", "by_trigger", "by_band"):
        assert getattr(after, part) == getattr(before, part)


def test_after_erasure_the_name_and_the_texts_appear_in_no_export(session, world):
    anouk = world["anouk"]
    alias = privacy.erase_person(session=session, actor=world["admin"], person_id=anouk.id)
    assert alias == privacy.pseudonym(anouk.id)
    exports = [privacy.export_person(session=session, actor=world["admin"], person_id=p.id)
               for p in session.exec(select(Person))]
    text = json.dumps(exports, ensure_ascii=False)
    for gone in ("Anouk", "anouk@example.test", STORY, "Storm", "Wrong cost", "Bram's cake"):
        assert gone not in text, text[max(0, text.find(gone) - 300):text.find(gone) + 50]
    assert alias in text and "Chen fixed the booking" in text  # colleagues' own stories stay


def test_erasure_removes_credentials_and_sessions_and_the_audit_row_names_the_pseudonym(session, world):
    anouk = world["anouk"]
    anouk.pin_hash, version = "x", anouk.session_version
    session.add(anouk)
    session.commit()
    alias = privacy.erase_person(session=session, actor=world["admin"], person_id=anouk.id)
    session.refresh(anouk)
    assert (anouk.email, anouk.pin_hash, anouk.password_hash, anouk.active) == (None, None, None, False)
    assert anouk.session_version > version and anouk.erased_at is not None
    [row] = session.exec(select(AuditEvent).where(AuditEvent.action == "person.erase")).all()
    assert alias in row.detail and "Anouk" not in row.detail
    assert all(g.cost_cents in (250, 500, 700, 1200) for g in session.exec(select(Gesture)))


def test_retention_blanks_old_texts_keeps_numbers_and_a_dry_run_changes_nothing(session, world):
    team, bram = world["team"], world["bram"]
    old = make_gesture(session, team, bram, description="An old story", cost_cents=300,
                       occurred_at=datetime.now(UTC) - timedelta(days=70),
                       now=datetime.now(UTC) - timedelta(days=70))
    later = datetime.now(UTC) + timedelta(days=30)  # 3 months back from then reaches only the old one
    dry = privacy.apply_retention(session=session, actor=world["admin"], months=3, dry_run=True, now=later)
    assert dry["gestures"] == 1
    assert session.get(Gesture, old.id).description == "An old story"
    privacy.apply_retention(session=session, actor=world["admin"], months=3, now=later)
    session.expire_all()
    kept = session.get(Gesture, old.id)
    assert (kept.description, kept.cost_cents, kept.reaction) == ("", 300, 4)
    assert session.exec(select(Gesture).where(Gesture.description == STORY)).first() is not None
    assert session.exec(select(AuditEvent).where(AuditEvent.action == "retention.apply")).one()


def test_retention_without_a_setting_says_so(session, world):
    with pytest.raises(ValidationFailed) as caught:
        privacy.apply_retention(session=session, actor=world["admin"])
    assert caught.value.by_field()["retention_months"].code == "range"


def test_the_pseudonym_is_stable():
    assert privacy.pseudonym(7) == privacy.pseudonym(7) != privacy.pseudonym(8)


def test_erasure_swaps_the_name_in_the_teams_learning_sessions_and_the_export_lists_them(session, world):
    from ledger.models import LearningSession, SessionAction

    team, anouk = world["team"], world["anouk"]
    day = datetime.now(UTC).date()
    row = LearningSession(team_id=team.id, held_on=day, period_start=day, period_end=day, title="December",
                          participants="Anouk, Bram", notes="Anouk told the umbrella story",
                          facilitator_id=anouk.id)
    session.add(row)
    session.commit()
    session.add(SessionAction(session_id=row.id, text="Anouk tries the welcome card", owner_id=anouk.id))
    session.commit()
    data = privacy.export_person(session=session, actor=world["admin"], person_id=anouk.id)
    assert len(data["learning_sessions_led"]) == 1 and len(data["session_actions_owned"]) == 1
    alias = privacy.erase_person(session=session, actor=world["admin"], person_id=anouk.id)
    session.expire_all()
    kept = session.get(LearningSession, row.id)
    assert (kept.participants, kept.notes) == (f"{alias}, Bram", f"{alias} told the umbrella story")
    assert session.exec(select(SessionAction)).one().text == f"{alias} tries the welcome card"
