"""The WeeklyReport: totals, week boundaries in the team's zone, the current ledger, who may be compared."""

import uuid
from datetime import UTC, date, datetime

import pytest
from sqlmodel import select

from ledger.errors import NotFound
from ledger.models import Mandate, MandateOverride
from ledger.services.corrections import correct_gesture, void_gesture
from ledger.weeks import IsoWeek
from reports import build_weekly_report
from reports.export import to_text
from tests.factories import gesture_input, make_gesture, make_mandate, make_person, make_team
from tests.reports.builders import LONG_AGO, NOW, WEEK, add, add_many, appreciate, at, crew, ids, report


def test_totals_count_the_weeks_gestures_spend_and_reactions(session):
    team, (anouk, bram, cem) = crew(session)
    a = add(session, team, anouk, at(WEEK, 0), cost=450, reaction=5)
    add(session, team, bram, at(WEEK, 2), cost=0, reaction=3, check="over_allowance")
    add(session, team, bram, at(WEEK, 6, 20), cost=1200, reaction=4)
    add(session, team, cem, at(WEEK.shift(-1), 3), cost=9999, reaction=1)  # the week before
    appreciate(session, a, cem)
    appreciate(session, a, bram)
    totals = report(session, team).totals
    assert (totals.gestures, totals.people_active, totals.spent_cents) == (3, 2, 1650)
    assert (totals.reaction.n, totals.reaction.mean, totals.reaction.delighted) == (3, 4.0, 2)
    assert (totals.over_frame, totals.over_allowance) == (1, 1)
    assert (totals.appreciated, totals.appreciations) == (1, 2)
    assert totals.allowance_cents == 3 * 6000  # three members, €60 each


def test_a_gesture_at_half_past_eleven_on_sunday_evening_belongs_to_that_week(session):
    team, (anouk, *_) = crew(session)
    sunday_late = add(session, team, anouk, at(WEEK, 6, 23, 30))  # 22:30 UTC on Sunday
    add(session, team, anouk, at(WEEK.shift(1), 0, 0, 30))  # 00:30 on the next Monday (Sunday 23:30 UTC)
    rep = report(session, team)
    assert rep.totals.gestures == 1
    assert rep.stories == () or rep.stories[0].id == str(sunday_late.origin_id)
    assert report(session, team, WEEK.shift(1)).totals.gestures == 1


def test_week_buckets_follow_the_team_zone_across_the_change_to_summer_time(session):
    team, (anouk, *_) = crew(session)
    w13 = IsoWeek(2026, 13)  # clocks go forward on Sunday 29 March 2026
    add(session, team, anouk, at(w13, 6, 23, 30))  # 21:30 UTC: still week 13 locally
    add(session, team, anouk, at(w13.shift(1), 0, 0, 15))  # 22:15 UTC on Sunday: week 14 locally
    rep = build_weekly_report(session=session, team_id=team.id, week=w13.shift(1), now=NOW)
    series = {str(p.week): p.gestures for p in rep.trend}
    assert (series["2026-W13"], series["2026-W14"]) == (1, 1)


def test_a_team_in_another_zone_gets_its_own_week_boundaries(session):
    team, (anouk, *_) = crew(session, timezone="America/New_York")
    add(session, team, anouk, at(WEEK, 6, 23, 30, tz="America/New_York"))  # Monday 04:30 UTC
    assert report(session, team).totals.gestures == 1


def test_corrections_count_once_and_voided_gestures_not_at_all(session):
    team, (anouk, bram, _cem) = crew(session)
    when = datetime(2026, 2, 10, 11, tzinfo=UTC)
    first = make_gesture(session, team, anouk, occurred_at=when, cost_cents=500, now=NOW)
    correct_gesture(session=session, gesture_id=first.id, actor_id=anouk.id, reason="typo",
                    data=gesture_input(occurred_at=when, cost_cents=700), now=NOW)
    gone = make_gesture(session, team, bram, occurred_at=when, cost_cents=900, now=NOW)
    void_gesture(session=session, gesture_id=gone.id, actor_id=bram.id, reason="logged twice", now=NOW)
    rep = report(session, team)
    assert (rep.totals.gestures, rep.totals.spent_cents) == (1, 700)
    assert [p.gesture_ids for p in rep.people if p.name == "Anouk"] == [(str(first.origin_id),)]


def test_people_carry_spend_against_their_own_allowance(session):
    team, (anouk, bram, _cem) = crew(session)
    current = session.exec(select(Mandate).where(Mandate.team_id == team.id)).one()
    session.add(MandateOverride(mandate_id=current.id, person_id=anouk.id, allowance_cents=10000))
    session.commit()
    add_many(session, team, anouk, at(WEEK, 1), 2, cost=1000, reaction=5)
    add(session, team, bram, at(WEEK, 1), cost=400, reaction=2)
    rep = report(session, team)
    people = {p.name: p for p in rep.people}
    assert (people["Anouk"].spent_cents, people["Anouk"].allowance_cents, people["Anouk"].use_share) == (
        2000, 10000, 0.2)
    assert (people["Bram"].allowance_cents, people["Bram"].reaction.mean, people["Cem"].gestures) == (
        6000, 2.0, 0)
    assert rep.totals.allowance_cents == 10000 + 6000 + 6000


def test_a_manager_who_gives_nothing_is_neither_in_the_frame_nor_among_the_people(session):
    team, (anouk, _bram, _cem) = crew(session)
    make_person(session, team, name="Marieke", role="manager", created_at=LONG_AGO)
    giving = make_person(session, team, name="Joost", role="manager", created_at=LONG_AGO)
    add(session, team, anouk, at(WEEK, 1), cost=500, reaction=4)
    add(session, team, giving, at(WEEK, 2), cost=200, reaction=4)
    rep = report(session, team)
    assert sorted(p.name for p in rep.people) == ["Anouk", "Bram", "Cem", "Joost"]
    assert rep.totals.allowance_cents == 4 * 6000
    assert rep.totals.members == 5


def test_a_monthly_allowance_is_shown_as_a_month_never_as_a_weekly_share(session):
    team, (anouk, bram, cem) = crew(session, mandate=False)
    make_mandate(session, team, allowance=10000, period="month", valid_from=date(2026, 1, 1))
    add(session, team, anouk, at(WEEK.shift(-1), 2), cost=600)  # 4 Feb: earlier in February
    add(session, team, anouk, at(WEEK, 1), cost=1200)
    add(session, team, bram, at(WEEK.shift(-2), 3), cost=900)  # 29 Jan: January, not this month
    rep = report(session, team)
    assert rep.allowance_cents is None and rep.totals.allowance_cents is None  # no "€ 23,08 a week"
    assert all(p.allowance_cents is None for p in rep.people)
    month = rep.month
    assert (month.first_day, month.last_day) == (date(2026, 2, 1), date(2026, 2, 15))
    assert (month.spent_cents, month.allowance_cents) == (1800, 3 * 10000)
    assert month.person(anouk.id) == (1800, 10000) and month.person(cem.id) == (0, 10000)
    text = to_text(rep)
    assert "February up to" in text and "€18.00 of €300.00 (allowance per month)" in text
    assert "€12.00" in text and "weekly frame" not in text


def test_the_mandate_in_force_at_the_end_of_the_week_sets_the_frame(session):
    team, _people = crew(session)
    make_mandate(session, team, valid_from=date(2026, 2, 12), cap=4000, allowance=9000)  # a Thursday
    rep = report(session, team)
    assert (rep.cap_cents, rep.allowance_cents) == (4000, 9000)


def test_works_council_mode_leaves_out_every_person_and_every_prompt_about_people(session):
    team, (anouk, bram, cem) = crew(session, person_comparisons=False)
    add_many(session, team, anouk, at(WEEK, 1), 2, cost=1000, reaction=5, check="over_cap",
             description="Sent flowers to a guest whose mother had just passed away")
    add(session, team, bram, at(WEEK, 2), cost=400)
    rep = report(session, team)
    assert rep.person_level is False
    assert rep.people == ()
    assert all(not p.names_people for p in rep.prompts)
    assert all(b.person_id is None and b.person_name == "" for b in rep.over_frame + rep.stories)
    assert {p.kind for p in rep.prompts} >= {"over_frame", "story_of_week"}
    assert not any(name in p.question + p.why + p.suggestion for p in rep.prompts
                   for name in ("Anouk", "Bram", "Cem"))


def test_a_team_below_the_minimum_size_gets_no_person_data(session):
    team, (anouk, bram) = crew(session, names=("Anouk", "Bram"))
    add_many(session, team, anouk, at(WEEK, 1), 2, cost=1000, reaction=5, check="over_cap")
    add(session, team, bram, at(WEEK, 1), cost=100)
    rep = report(session, team)
    assert (rep.person_level, rep.people, rep.totals.members) == (False, (), 2)
    assert [p for p in rep.prompts if p.names_people] == []
    assert [p.key for p in rep.prompts if p.kind == "over_frame"] == ["over_frame:2026-W07:team"]


def test_deactivated_members_do_not_count_toward_the_minimum(session):
    team, (anouk, bram) = crew(session, names=("Anouk", "Bram"))
    make_person(session, team, name="Former", active=False)
    assert report(session, team).person_level is False
    make_person(session, team, name="Cem", created_at=LONG_AGO)
    assert report(session, team).person_level is True


def test_prompt_keys_are_stable_across_builds_and_languages(session):
    team, (anouk, bram, cem) = crew(session)
    for week_back in range(8):
        add_many(session, team, anouk, at(WEEK.shift(-week_back), 1), 3, kind="time", cost=0, reaction=5)
        add_many(session, team, bram, at(WEEK.shift(-week_back), 2), 2, kind="gift", trigger="regular",
                 cost=2000, reaction=2)
    add(session, team, cem, at(WEEK, 3), cost=3000, check="over_cap", reaction=5,
        description="Drove a guest's forgotten passport to the airport")
    keys = [p.key for p in report(session, team).prompts]
    assert len(keys) >= 5
    assert [p.key for p in report(session, team).prompts] == keys
    assert [p.key for p in report(session, team, lang="nl").prompts] == keys


def test_the_trend_has_twelve_weeks_ending_with_the_reported_week(session):
    team, (anouk, *_) = crew(session)
    add(session, team, anouk, at(WEEK.shift(-11), 2), cost=100)
    add(session, team, anouk, at(WEEK.shift(-12), 2), cost=100)  # just outside
    trend = report(session, team).trend
    assert [str(p.week) for p in (trend[0], trend[-1])] == ["2025-W48", "2026-W07"]
    assert (len(trend), trend[0].gestures, sum(p.gestures for p in trend)) == (12, 1, 1)


def test_cost_bands_are_shrunk_toward_the_window_mean(session):
    team, (anouk, *_) = crew(session)
    add_many(session, team, anouk, at(WEEK, 1), 3, cost=0, reaction=5)  # free: 5, 5, 5
    add(session, team, anouk, at(WEEK.shift(-2), 1), cost=2000, reaction=1)  # over €15: 1
    rep = report(session, team)
    team_mean = 16 / 4
    free, over = rep.group("band", "free"), rep.group("band", "over_15")
    assert rep.window_totals.mean == team_mean
    assert free.stat.shrunk == pytest.approx((3 * 5 + 5 * team_mean) / 8)  # 4.375
    assert over.stat.shrunk == pytest.approx((1 * 1 + 5 * team_mean) / 6)  # 3.5
    assert (over.spent_cents, rep.group("band", "up_to_5").stat.n) == (2000, 0)


def test_groups_keep_their_warm_and_flat_examples(session):
    team, (anouk, *_) = crew(session)
    warm = add_many(session, team, anouk, at(WEEK, 1), 2, kind="time", trigger="in_need", cost=0, reaction=5)
    flat = add(session, team, anouk, at(WEEK, 2), kind="time", trigger="in_need", cost=0, reaction=2)
    group = report(session, team).group("kind_trigger", "time|in_need")
    assert (set(group.warm_ids), group.flat_ids) == (ids(warm), (str(flat.origin_id),))


def test_an_unknown_team_is_not_found(session):
    with pytest.raises(NotFound):
        build_weekly_report(session=session, team_id=987654, week=WEEK)


def test_a_running_week_is_marked_incomplete(session):
    team = make_team(session)
    running = build_weekly_report(session=session, team_id=team.id, week=WEEK,
                                  now=datetime(2026, 2, 12, tzinfo=UTC))
    assert running.complete is False
    assert report(session, team).complete is True


def test_other_teams_gestures_never_leak_in(session):
    team, (anouk, *_) = crew(session)
    other, (zoe, *_) = crew(session, names=("Zoe", "Yara", "Xavi"), team_name="Floor")
    add(session, team, anouk, at(WEEK, 1))
    add_many(session, other, zoe, at(WEEK, 1), 4)
    rep = report(session, team)
    assert rep.totals.gestures == 1
    assert {p.name for p in rep.people} == {"Anouk", "Bram", "Cem"}
    assert uuid.UUID(rep.people[0].gesture_ids[0])


def test_someone_who_gave_this_week_and_has_left_since_is_still_named_among_the_people(session):
    team, (anouk, *_) = crew(session)
    former = make_person(session, team, name="Femke", active=False, created_at=LONG_AGO)
    add(session, team, former, at(WEEK, 1), cost=700)
    add(session, team, anouk, at(WEEK, 2))
    people = {p.name: p for p in report(session, team).people}
    assert (people["Femke"].gestures, people["Femke"].spent_cents) == (1, 700)
