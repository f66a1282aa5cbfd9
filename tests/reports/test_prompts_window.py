"""Prompts about what moves customers, over the trailing window of eight weeks. Each must fire on a
dataset built for it, with the exact evidence and key facts, and stay silent without a real difference."""

from datetime import date

import pytest

from tests.factories import make_mandate
from tests.reports.builders import WEEK, add, add_many, at, crew, ids, of_kind, report


def spread(session, team, person, count, *, weeks=8, **kw):
    """`count` gestures spread evenly over the window's weeks (oldest first)."""
    rows = []
    for i in range(count):
        back = weeks - 1 - (i * weeks // count)
        rows.append(add(session, team, person, at(WEEK.shift(-back), i % 5, 9 + i % 8), commit=False, **kw))
    session.commit()
    return rows


# cost_vs_reaction -------------------------------------------------------------------------------------

def test_small_gestures_landing_as_well_as_pricey_ones_tests_the_givers_bias(session):
    team, (anouk, bram, _cem) = crew(session)
    free = spread(session, team, anouk, 10, kind="time", trigger="regular", cost=0, reaction=5)
    spread(session, team, bram, 10, kind="gift", trigger="regular", cost=2000, reaction=4)
    [prompt] = of_kind(report(session, team), "cost_vs_reaction")
    assert prompt.key == "cost_vs_reaction:2026-W07:bands"
    assert set(prompt.evidence) == ids(free[-5:])  # the five most recent warm free gestures
    # the means shown are the plain ones, each with its n: free 5.0, over €15 4.0
    assert (prompt.fact("cheap_reaction").value, prompt.fact("cheap_reaction").n) == ("5.0", 10)
    assert (prompt.fact("pricey_reaction").value, prompt.fact("pricey_reaction").n) == ("4.0", 10)
    assert "landed better than the pricier" in prompt.question
    assert "5.0 (n=10)" in prompt.why and "4.0 (n=10)" in prompt.why and "Flynn & Adams" in prompt.why


def test_when_pricier_gestures_clearly_move_more_the_question_turns_to_what_comes_with_them(session):
    team, (anouk, bram, _cem) = crew(session)
    spread(session, team, anouk, 10, kind="treat", cost=300, reaction=2)
    pricey = spread(session, team, bram, 10, kind="upgrade", cost=1200, reaction=5)
    [prompt] = of_kind(report(session, team), "cost_vs_reaction")
    assert set(prompt.evidence) == ids(pricey[-5:])
    assert "money" in prompt.question


def test_cost_and_reaction_stay_quiet_with_too_few_pricey_gestures(session):
    team, (anouk, bram, _cem) = crew(session)
    spread(session, team, anouk, 20, cost=0, reaction=5)
    spread(session, team, bram, 7, cost=2000, reaction=2)
    assert of_kind(report(session, team), "cost_vs_reaction") == []


def test_cost_and_reaction_stay_quiet_when_the_difference_is_neither_clear_nor_absent(session):
    team, (anouk, bram, _cem) = crew(session)
    spread(session, team, anouk, 10, cost=0, reaction=3)
    spread(session, team, anouk, 10, cost=0, reaction=4)  # free: 3.5 (n=20)
    spread(session, team, bram, 18, cost=2000, reaction=4)
    spread(session, team, bram, 2, cost=2000, reaction=3)  # over €15: 3.9 (n=20)
    rep = report(session, team)
    # pricier ones 0.4 warmer: more than "about the same" (0.25), less than clearly better (0.5)
    gain = rep.group("band", "over_15").stat.mean - rep.group("band", "free").stat.mean
    assert gain == pytest.approx(0.4)
    assert of_kind(rep, "cost_vs_reaction") == []


# what_moves -------------------------------------------------------------------------------------------

def test_the_warmest_kind_and_trigger_pair_is_offered_for_others_to_try(session):
    team, (anouk, bram, _cem) = crew(session)
    warm = spread(session, team, anouk, 6, kind="time", trigger="in_need", cost=0, reaction=5)
    spread(session, team, bram, 10, kind="treat", trigger="regular", cost=300, reaction=3)
    [prompt] = of_kind(report(session, team), "what_moves")
    assert prompt.key == "what_moves:2026-W07:warmest"
    assert set(prompt.evidence) == ids(warm[1:])  # five newest of the six
    # chosen because its mean shrunk toward the team's (3.75) is still 4.43; shown as the plain mean with n
    assert (prompt.fact("pair").value, prompt.fact("pair").n) == ("Extra time · Customer in need: 5.0", 6)
    assert prompt.fact("team_reaction").value == "3.8"
    assert "Extra time · Customer in need" in prompt.question


def test_a_warm_pair_with_too_few_entries_is_not_yet_a_pattern(session):
    team, (anouk, bram, _cem) = crew(session)
    spread(session, team, anouk, 4, kind="time", trigger="in_need", cost=0, reaction=5)
    spread(session, team, bram, 10, kind="treat", trigger="regular", cost=300, reaction=3)
    assert of_kind(report(session, team), "what_moves") == []


def test_when_complaints_and_waiting_drive_the_gestures_the_team_is_asked_which_basic_to_fix(session):
    team, (anouk, bram, _cem) = crew(session)
    waits = spread(session, team, anouk, 12, kind="treat", trigger="waiting", cost=300, reaction=3)
    spread(session, team, bram, 12, kind="gift", trigger="celebration", cost=1000, reaction=3)
    [prompt] = [p for p in of_kind(report(session, team), "what_moves") if p.key.endswith(":basics")]
    assert set(prompt.evidence) == ids(waits[-3:])  # the waiting gestures of the last two weeks
    assert "Dixon" in prompt.why and prompt.fact("basic_share").value == "50%"


# falls_flat -------------------------------------------------------------------------------------------

def test_a_pair_that_keeps_getting_no_visible_reaction_is_brought_to_the_session(session):
    team, (anouk, bram, _cem) = crew(session)
    flat = spread(session, team, bram, 5, kind="gift", trigger="regular", cost=1000, reaction=2)
    spread(session, team, anouk, 10, kind="time", trigger="waiting", cost=0, reaction=5)
    [prompt] = of_kind(report(session, team), "falls_flat")
    assert prompt.key == "falls_flat:2026-W07:gift|regular"
    assert set(prompt.evidence) == ids(flat)
    # chosen on its shrunk mean (5·2 + 5·4)/10 = 3.0; shown as the plain mean 2.0 with its n
    assert (prompt.fact("flat_share").value, prompt.fact("mean_reaction").value) == ("100%", "2.0")
    assert "mean reaction 2.0 (n=5)" in prompt.why


def test_a_few_flat_reactions_are_not_yet_a_pattern(session):
    team, (anouk, bram, _cem) = crew(session)
    spread(session, team, bram, 3, kind="gift", trigger="regular", cost=1000, reaction=2)
    spread(session, team, anouk, 10, kind="time", trigger="waiting", cost=0, reaction=5)
    assert of_kind(report(session, team), "falls_flat") == []


# shifting_triggers ------------------------------------------------------------------------------------

def test_a_trigger_that_suddenly_prompts_most_gestures_is_noticed(session):
    team, (anouk, bram, _cem) = crew(session)
    for back in range(2, 8):
        add_many(session, team, anouk, at(WEEK.shift(-back), 1), 4, trigger="regular")
    waits = []
    for back in range(2):
        waits += add_many(session, team, bram, at(WEEK.shift(-back), 2), 6, trigger="waiting")
        add_many(session, team, anouk, at(WEEK.shift(-back), 3), 2, trigger="regular")
    prompts = {p.key: p for p in of_kind(report(session, team), "shifting_triggers")}
    prompt = prompts["shifting_triggers:2026-W07:waiting"]
    newest = sorted(waits, key=lambda g: g.occurred_at)[-5:]
    assert set(prompt.evidence) == ids(newest)  # the most recent waiting gestures
    assert (prompt.fact("recent_share").value, prompt.fact("before_share").value) == ("75%", "0%")
    assert "basic" in prompt.question and "Dixon" in prompt.why
    assert prompts["shifting_triggers:2026-W07:regular"].evidence == ()  # a falling share: nothing to show


def test_a_steady_mix_of_triggers_is_not_a_shift(session):
    team, (anouk, bram, _cem) = crew(session)
    for back in range(8):
        add_many(session, team, anouk, at(WEEK.shift(-back), 1), 3, trigger="regular")
        add_many(session, team, bram, at(WEEK.shift(-back), 2), 2, trigger="waiting")
    assert of_kind(report(session, team), "shifting_triggers") == []


# trend ------------------------------------------------------------------------------------------------

def test_cooling_reactions_over_the_window_are_a_trend(session):
    team, (anouk, *_) = crew(session)
    for back in range(8):
        reaction = 5 if back >= 4 else 3
        add_many(session, team, anouk, at(WEEK.shift(-back), 1), 5, reaction=reaction)
        add(session, team, anouk, at(WEEK.shift(-back), 2), reaction=reaction - 1)
    prompts = {p.key: p for p in of_kind(report(session, team), "trend")}
    assert set(prompts) == {"trend:2026-W07:reaction"}
    prompt = prompts["trend:2026-W07:reaction"]
    assert (prompt.fact("reaction_first_half").value, prompt.fact("reaction_first_half").n) == ("4.8", 24)
    assert (prompt.fact("reaction_second_half").value, prompt.fact("reaction_second_half").n) == ("2.8", 24)
    assert "cooled" in prompt.question and prompt.evidence == ()


def test_growing_use_of_the_mandate_is_a_trend(session):
    team, (anouk, *_) = crew(session)
    for back in range(8):
        add_many(session, team, anouk, at(WEEK.shift(-back), 1), 2 if back >= 4 else 8, reaction=4)
    [prompt] = of_kind(report(session, team), "trend")
    assert prompt.key == "trend:2026-W07:usage"
    assert (prompt.fact("per_week_first_half").value, prompt.fact("per_week_second_half").value) == (
        "2.0", "8.0")


def test_steady_weeks_have_no_trend(session):
    team, (anouk, *_) = crew(session)
    for back in range(8):
        add_many(session, team, anouk, at(WEEK.shift(-back), 1), 5, reaction=4 if back % 2 else 3)
    assert of_kind(report(session, team), "trend") == []


# since_last_session -----------------------------------------------------------------------------------

def test_a_frame_changed_within_the_window_is_compared_before_and_after(session):
    team, (anouk, *_) = crew(session)
    make_mandate(session, team, valid_from=date(2026, 1, 26), cap=4000, allowance=9000)  # 2026-W05
    for back in range(3, 8):
        add(session, team, anouk, at(WEEK.shift(-back), 1), reaction=3)
        add(session, team, anouk, at(WEEK.shift(-back), 2), reaction=3)
    for back in range(3):
        add_many(session, team, anouk, at(WEEK.shift(-back), 1), 4, reaction=5)
    [prompt] = of_kind(report(session, team), "since_last_session")
    assert prompt.key == "since_last_session:2026-W07:mandate:2026-01-26"
    assert (prompt.fact("reaction_before").value, prompt.fact("reaction_before").n) == ("3.0", 10)
    assert (prompt.fact("reaction_after").value, prompt.fact("reaction_after").n) == ("5.0", 12)
    assert prompt.fact("per_week_after").value == "4.0"
    assert "€25.00 → €40.00" in prompt.question


def test_without_a_change_of_frame_in_the_window_there_is_nothing_since(session):
    team, (anouk, *_) = crew(session)
    make_mandate(session, team, valid_from=date(2025, 11, 3), cap=4000)  # long before the window
    for back in range(8):
        add_many(session, team, anouk, at(WEEK.shift(-back), 1), 3)
    assert of_kind(report(session, team), "since_last_session") == []


def test_a_change_with_too_few_gestures_after_it_stays_silent(session):
    team, (anouk, *_) = crew(session)
    make_mandate(session, team, valid_from=date(2026, 2, 9), cap=4000)
    for back in range(1, 8):
        add_many(session, team, anouk, at(WEEK.shift(-back), 1), 2)
    add_many(session, team, anouk, at(WEEK, 1), 3)
    assert of_kind(report(session, team), "since_last_session") == []
