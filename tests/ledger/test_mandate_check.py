"""The mandate check at logging time: boundaries, periods in the team's time zone, versions, overrides."""

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from ledger.errors import NotFound, ValidationFailed
from ledger.services.corrections import correct_gesture, void_gesture
from ledger.services.gestures import log_gesture
from ledger.services.mandates import create_mandate_version, frame_for, mandate_in_force, set_override
from tests.factories import gesture_input, make_mandate, make_person, make_team

AMS = ZoneInfo("Europe/Amsterdam")
NOW = datetime(2026, 11, 12, 12, 0, tzinfo=UTC)  # a Thursday
SUNDAY_LATE = datetime(2026, 11, 8, 23, 30, tzinfo=AMS)  # 22:30 UTC on Sunday
MONDAY_EARLY = datetime(2026, 11, 9, 0, 30, tzinfo=AMS)  # 23:30 UTC, still Sunday by the UTC date


@pytest.fixture
def desk(session):
    team = make_team(session)
    return team, make_person(session, team), make_person(session, team, "Bram")


def log(session, team, person, cost, at=NOW - timedelta(hours=1), kind="treat"):
    return log_gesture(session=session, team_id=team.id, person_id=person.id, logged_by_id=person.id,
                       data=gesture_input(occurred_at=at, cost_cents=cost, kind=kind), now=NOW).gesture


def test_a_gesture_exactly_at_the_cap_is_within(session, desk):
    team, anouk, _ = desk
    make_mandate(session, team, cap=2500)
    assert log(session, team, anouk, 2500).mandate_check == "within"


def test_one_cent_over_the_cap_is_over_cap(session, desk):
    team, anouk, _ = desk
    make_mandate(session, team, cap=2500)
    assert log(session, team, anouk, 2501).mandate_check == "over_cap"


def test_reaching_the_allowance_exactly_is_within_and_one_cent_more_is_over(session, desk):
    team, anouk, _ = desk
    make_mandate(session, team, cap=2500, allowance=6000)
    assert [log(session, team, anouk, c).mandate_check for c in (2500, 2500, 1000)] == ["within"] * 3
    assert log(session, team, anouk, 1).mandate_check == "over_allowance"


def test_the_allowance_is_per_person(session, desk):
    team, anouk, bram = desk
    make_mandate(session, team, cap=5000, allowance=6000)
    log(session, team, anouk, 5000)
    assert log(session, team, bram, 5000).mandate_check == "within"


def test_a_free_gesture_is_within_even_when_the_allowance_is_used_up(session, desk):
    team, anouk, _ = desk
    make_mandate(session, team, cap=9000, allowance=6000)
    log(session, team, anouk, 7000)
    assert log(session, team, anouk, 0).mandate_check == "within"


def test_sunday_night_and_monday_early_fall_in_different_amsterdam_weeks(session, desk):
    team, anouk, _ = desk
    make_mandate(session, team, cap=5000, allowance=6000)
    assert SUNDAY_LATE.astimezone(UTC).date() == MONDAY_EARLY.astimezone(UTC).date()
    log(session, team, anouk, 5000, at=SUNDAY_LATE)
    assert log(session, team, anouk, 5000, at=MONDAY_EARLY).mandate_check == "within"
    thursday = MONDAY_EARLY + timedelta(days=3)
    assert log(session, team, anouk, 1001, at=thursday).mandate_check == "over_allowance"


def test_a_monthly_allowance_adds_up_across_weeks_and_restarts_with_the_local_month(session, desk):
    team, anouk, _ = desk
    make_mandate(session, team, cap=5000, allowance=6000, period="month")
    oct_last = datetime(2026, 10, 31, 23, 30, tzinfo=AMS)  # 22:30 UTC
    log(session, team, anouk, 5000, at=datetime(2026, 10, 2, 12, 0, tzinfo=AMS))
    assert log(session, team, anouk, 1001, at=oct_last).mandate_check == "over_allowance"
    nov_first = datetime(2026, 11, 1, 0, 30, tzinfo=AMS)  # 23:30 UTC on 31 October
    assert log(session, team, anouk, 5000, at=nov_first).mandate_check == "within"


def test_the_version_in_force_switches_on_its_local_valid_from_date(session, desk):
    team, anouk, _ = desk
    old = make_mandate(session, team, cap=2500, valid_from=date(2020, 1, 1))
    new = make_mandate(session, team, cap=1000, allowance=50000, valid_from=date(2026, 11, 9))
    before = log(session, team, anouk, 2000, at=SUNDAY_LATE)
    after = log(session, team, anouk, 2000, at=MONDAY_EARLY)
    assert (before.mandate_id, before.mandate_check) == (old.id, "within")
    assert (after.mandate_id, after.mandate_check) == (new.id, "over_cap")


def test_a_personal_override_gives_a_senior_a_larger_frame(session, desk):
    team, anouk, bram = desk
    mandate = make_mandate(session, team, cap=2500, allowance=6000)
    set_override(session=session, mandate_id=mandate.id, person_id=anouk.id, per_gesture_cap_cents=4000)
    assert log(session, team, anouk, 4000).mandate_check == "within"
    assert log(session, team, bram, 4000).mandate_check == "over_cap"
    frame = frame_for(session=session, team_id=team.id, person_id=anouk.id, at=NOW)
    assert (frame.cap_cents, frame.allowance_cents) == (4000, 6000)


def test_a_voided_gesture_no_longer_uses_the_allowance(session, desk):
    team, anouk, _ = desk
    make_mandate(session, team, cap=5000, allowance=6000)
    first = log(session, team, anouk, 5000)
    void_gesture(session=session, gesture_id=first.id, actor_id=anouk.id, reason="Logged twice", now=NOW)
    assert log(session, team, anouk, 5000).mandate_check == "within"


def test_a_corrected_gesture_counts_once_with_its_new_amount(session, desk):
    team, anouk, _ = desk
    make_mandate(session, team, cap=5000, allowance=6000)
    first = log(session, team, anouk, 5000)
    correct_gesture(session=session, gesture_id=first.id, actor_id=anouk.id, reason="It was €10",
                    data=gesture_input(occurred_at=first.occurred_at, cost_cents=1000), now=NOW)
    assert log(session, team, anouk, 5000).mandate_check == "within"


def test_a_correction_is_checked_without_its_own_earlier_amount(session, desk):
    team, anouk, _ = desk
    make_mandate(session, team, cap=6000, allowance=6000)
    first = log(session, team, anouk, 5000)
    fixed = correct_gesture(session=session, gesture_id=first.id, actor_id=anouk.id, reason="Typo",
                            data=gesture_input(occurred_at=first.occurred_at, cost_cents=6000), now=NOW)
    assert fixed.gesture.mandate_check == "within"


def test_a_kind_outside_the_frame_is_recorded(session, desk):
    team, anouk, _ = desk
    make_mandate(session, team, kinds="treat;time")
    assert log(session, team, anouk, 100, kind="upgrade").mandate_check == "outside_kinds"
    assert log(session, team, anouk, 100, kind="time").mandate_check == "within"


def test_gestures_in_another_team_do_not_use_this_teams_allowance(session, desk):
    team, anouk, _ = desk
    floor = make_team(session, "Floor")
    from ledger.services.people import add_member

    add_member(session=session, team_id=floor.id, person_id=anouk.id)
    make_mandate(session, team, cap=5000, allowance=6000)
    log(session, floor, anouk, 5000)
    assert log(session, team, anouk, 5000).mandate_check == "within"


def test_the_frame_shows_what_is_used_of_the_local_week(session, desk):
    team, anouk, _ = desk
    make_mandate(session, team, cap=2500, allowance=6000, why="Make their day")
    log(session, team, anouk, 1200, at=MONDAY_EARLY)
    log(session, team, anouk, 700, at=SUNDAY_LATE)
    frame = frame_for(session=session, team_id=team.id, person_id=anouk.id, at=NOW)
    assert (frame.used_cents, frame.period, frame.why) == (1200, "week", "Make their day")
    assert frame.period_start == MONDAY_EARLY.replace(hour=0, minute=0).astimezone(UTC)
    assert frame.period_end - frame.period_start == timedelta(days=7)


def test_without_a_mandate_the_frame_is_empty_but_still_counts_use(session, desk):
    team, anouk, _ = desk
    log(session, team, anouk, 300)
    frame = frame_for(session=session, team_id=team.id, person_id=anouk.id, at=NOW)
    assert (frame.mandate_id, frame.cap_cents, frame.used_cents) == (None, None, 300)


class TestMandateVersions:
    def test_a_new_version_applies_from_its_date_and_the_old_one_before(self, session, desk):
        team = desk[0]
        v1 = create_mandate_version(session=session, team_id=team.id, valid_from=date(2026, 1, 1),
                                    per_gesture_cap_cents=2500, allowance_cents=6000)
        v2 = create_mandate_version(session=session, team_id=team.id, valid_from=date(2026, 6, 1),
                                    per_gesture_cap_cents=3000, allowance_cents=8000, kinds=("treat", "gift"))
        assert mandate_in_force(session=session, team_id=team.id, on=date(2026, 5, 31)).id == v1.id
        assert mandate_in_force(session=session, team_id=team.id, on=date(2026, 6, 1)).id == v2.id
        assert mandate_in_force(session=session, team_id=team.id, on=date(2025, 12, 31)) is None
        assert v2.kind_list == ["treat", "gift"]

    def test_two_versions_on_the_same_day_are_refused(self, session, desk):
        team = desk[0]
        kw = dict(session=session, team_id=team.id, valid_from=date(2026, 1, 1), per_gesture_cap_cents=1,
                  allowance_cents=1)
        create_mandate_version(**kw)
        with pytest.raises(ValidationFailed) as exc:
            create_mandate_version(**kw)
        assert exc.value.errors[0].code == "taken"

    @pytest.mark.parametrize(("overrides", "field", "code"), [
        ({"per_gesture_cap_cents": -1}, "per_gesture_cap_cents", "negative"),
        ({"allowance_cents": "60"}, "allowance_cents", "type"),
        ({"allowance_period": "year"}, "allowance_period", "unknown"),
        ({"kinds": ("treat", "bribe")}, "kinds", "unknown"),
        ({"why": "x" * 501}, "why", "too_long"),
    ])
    def test_a_bad_version_is_refused_per_field(self, session, desk, overrides, field, code):
        kw = dict(valid_from=date(2026, 1, 1), per_gesture_cap_cents=100, allowance_cents=100) | overrides
        with pytest.raises(ValidationFailed) as exc:
            create_mandate_version(session=session, team_id=desk[0].id, **kw)
        assert [(e.field, e.code) for e in exc.value.errors] == [(field, code)]
        assert mandate_in_force(session=session, team_id=desk[0].id, on=date(2026, 2, 1)) is None

    def test_a_version_for_an_unknown_team_is_not_found(self, session):
        with pytest.raises(NotFound):
            create_mandate_version(session=session, team_id=424242, valid_from=date(2026, 1, 1),
                                   per_gesture_cap_cents=1, allowance_cents=1)
