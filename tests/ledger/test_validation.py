"""Every validation rule of a gesture: one bad input each, a field-named error, nothing stored."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func
from sqlmodel import select

from ledger.errors import ValidationFailed
from ledger.models import AuditEvent, Gesture, Person
from ledger.services.gestures import log_gesture, validate
from ledger.services.people import set_active
from tests.factories import gesture_input, make_person, make_team

NOW = datetime(2026, 11, 12, 12, 0, tzinfo=UTC)
HOUR_AGO = NOW - timedelta(hours=1)

BAD_INPUTS = [
    ({"kind": "bribe"}, "kind", "unknown"),
    ({"kind": 3}, "kind", "type"),
    ({"trigger": "boredom"}, "trigger", "unknown"),
    ({"follow_up": "married"}, "follow_up", "unknown"),
    ({"reaction": 0}, "reaction", "out_of_range"),
    ({"reaction": 6}, "reaction", "out_of_range"),
    ({"reaction": "5"}, "reaction", "type"),
    ({"reaction": True}, "reaction", "type"),
    ({"cost_cents": -1}, "cost_cents", "negative"),
    ({"cost_cents": 1_000_01}, "cost_cents", "too_large"),
    ({"cost_cents": 2.5}, "cost_cents", "type"),
    ({"effort_minutes": -5}, "effort_minutes", "negative"),
    ({"effort_minutes": 601}, "effort_minutes", "too_large"),
    ({"description": "x" * 501}, "description", "too_long"),
    ({"trigger_note": "x" * 301}, "trigger_note", "too_long"),
    ({"reaction_note": "x" * 301}, "reaction_note", "too_long"),
    ({"description": "nul\x00byte"}, "description", "control_chars"),
    ({"trigger_note": "bell\x07"}, "trigger_note", "control_chars"),
    ({"reaction_note": "lone \ud800 surrogate"}, "reaction_note", "control_chars"),
    ({"description": b"bytes"}, "description", "type"),
    ({"occurred_at": NOW + timedelta(minutes=10)}, "occurred_at", "future"),
    ({"occurred_at": NOW - timedelta(days=91)}, "occurred_at", "too_old"),
    ({"occurred_at": datetime(2026, 11, 12, 11, 0)}, "occurred_at", "naive"),
    ({"occurred_at": "2026-11-12T11:00"}, "occurred_at", "type"),
]


@pytest.mark.parametrize(("overrides", "field", "code"), BAD_INPUTS,
                         ids=[f"{f}-{c}-{i}" for i, (_, f, c) in enumerate(BAD_INPUTS)])
def test_a_bad_field_is_named_with_its_rule_and_nothing_is_stored(session, overrides, field, code):
    from ledger.services.gestures import log_gesture

    team = make_team(session)
    anouk = make_person(session, team)
    with pytest.raises(ValidationFailed) as exc:
        log_gesture(session=session, team_id=team.id, person_id=anouk.id, logged_by_id=anouk.id,
                    data=gesture_input(**{"occurred_at": HOUR_AGO, **overrides}), now=NOW)
    assert [(e.field, e.code) for e in exc.value.errors] == [(field, code)]
    assert session.exec(select(func.count()).select_from(Gesture)).one() == 0
    assert session.exec(select(func.count()).select_from(AuditEvent)).one() == 0


def test_all_problems_are_reported_at_once():
    bad = gesture_input(occurred_at=HOUR_AGO, kind="bribe", reaction=9, cost_cents=-1, description="\x00")
    with pytest.raises(ValidationFailed) as exc:
        validate(bad, now=NOW)
    assert {e.field for e in exc.value.errors} == {"kind", "reaction", "cost_cents", "description"}


def test_too_long_says_the_maximum():
    with pytest.raises(ValidationFailed) as exc:
        validate(gesture_input(occurred_at=HOUR_AGO, description="x" * 501), now=NOW)
    assert exc.value.errors[0].params["max"] == 500


def test_the_limits_themselves_are_accepted():
    edge = gesture_input(occurred_at=NOW + timedelta(minutes=4), cost_cents=1_000_00, effort_minutes=600,
                         reaction=5, description="x" * 500, trigger_note="y" * 300, follow_up="review")
    assert validate(edge, now=NOW) is None
    assert validate(gesture_input(occurred_at=NOW - timedelta(days=89), reaction=1), now=NOW) is None


def test_newlines_tabs_emoji_and_a_local_time_zone_are_fine():
    local = HOUR_AGO.astimezone(ZoneInfo("Europe/Amsterdam"))
    text = "Line one\r\nline two\twith a 👩‍🍳 and é"
    assert validate(gesture_input(occurred_at=local, description=text), now=NOW) is None


def test_an_empty_follow_up_means_none():
    assert validate(gesture_input(occurred_at=HOUR_AGO, follow_up=""), now=NOW) is None


def test_a_script_tag_is_stored_as_plain_text_for_the_templates_to_escape(session):
    from ledger.services.gestures import log_gesture

    team = make_team(session)
    anouk = make_person(session, team)
    text = "<script>alert(1)</script>"
    row = log_gesture(session=session, team_id=team.id, person_id=anouk.id, logged_by_id=anouk.id,
                      data=gesture_input(occurred_at=HOUR_AGO, description=text), now=NOW).gesture
    assert row.description == text


class TestWhoMayBeLogged:
    def _log(self, session, team, person, logged_by):
        from ledger.services.gestures import log_gesture

        with pytest.raises(ValidationFailed) as exc:
            log_gesture(session=session, team_id=team.id, person_id=person.id, logged_by_id=logged_by.id,
                        data=gesture_input(occurred_at=HOUR_AGO), now=NOW)
        assert session.exec(select(func.count()).select_from(Gesture)).one() == 0
        return [(e.field, e.code) for e in exc.value.errors]

    def test_someone_outside_the_team_cannot_be_the_giver(self, session):
        team, other = make_team(session), make_team(session, "Floor")
        outsider = make_person(session, other, "Bram")
        assert self._log(session, team, outsider, outsider) == [("person", "not_member"),
                                                                ("logged_by", "not_member")]

    def test_an_inactive_giver_is_refused(self, session):
        team = make_team(session)
        gone = make_person(session, team, "Chen")
        set_active(session=session, person_id=gone.id, active=False)
        anouk = make_person(session, team)
        assert self._log(session, team, gone, anouk) == [("person", "inactive")]

    def test_unknown_people_are_refused_by_name_of_their_role(self, session):
        team = make_team(session)
        ghost = Person(id=999_999, display_name="Nobody")  # never stored
        assert self._log(session, team, ghost, ghost) == [("person", "unknown"), ("logged_by", "unknown")]

    def test_an_admin_outside_the_team_may_log_for_a_member(self, session):
        team, other = make_team(session), make_team(session, "Floor")
        admin = make_person(session, other, "Ada", role="admin")
        anouk = make_person(session, team)
        row = log_gesture(session=session, team_id=team.id, person_id=anouk.id, logged_by_id=admin.id,
                          data=gesture_input(occurred_at=HOUR_AGO), now=NOW).gesture
        assert (row.person_id, row.logged_by_id) == (anouk.id, admin.id)

    def test_an_admin_outside_the_team_cannot_be_its_giver(self, session):
        team, other = make_team(session), make_team(session, "Floor")
        admin = make_person(session, other, "Ada", role="admin")
        assert self._log(session, team, admin, admin) == [("person", "not_member")]

    def test_an_inactive_logger_is_refused(self, session):
        team = make_team(session)
        anouk = make_person(session, team)
        gone = make_person(session, team, "Chen", active=False)
        assert self._log(session, team, anouk, gone) == [("logged_by", "inactive")]
