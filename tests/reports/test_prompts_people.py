"""Prompts about the reported week: spending, the frame, stories and appreciation. Each must fire on a
dataset built for it, with the exact evidence, and stay silent when the data is too thin or shows nothing."""

from datetime import UTC, datetime

from tests.factories import make_person
from tests.reports.builders import WEEK, add, add_many, appreciate, at, crew, ids, of_kind, report

UMBRELLA = "Lent our umbrella to a guest walking to the station in the pouring rain"


# spend_contrast ---------------------------------------------------------------------------------------

def test_twenty_against_four_euro_in_one_week_starts_a_conversation_with_both(session):
    team, (anouk, bram, cem) = crew(session)
    high = add_many(session, team, anouk, at(WEEK, 1), 2, cost=1000, reaction=5)
    low = [add(session, team, bram, at(WEEK, 3), cost=400, reaction=4)]
    add(session, team, cem, at(WEEK, 4), cost=900)
    [prompt] = of_kind(report(session, team), "spend_contrast")
    assert prompt.key == f"spend_contrast:2026-W07:{anouk.id}-{bram.id}"
    assert set(prompt.evidence) == ids(high + low)
    assert (prompt.fact("high_spent").value, prompt.fact("high_spent").n) == ("Anouk: €20.00", 2)
    assert (prompt.fact("low_spent").value, prompt.fact("low_spent").n) == ("Bram: €4.00", 1)
    assert prompt.setting == "one_to_one" and prompt.person_ids == (anouk.id, bram.id)
    assert prompt.question.endswith("?") and "Anouk" in prompt.question and "Bram" in prompt.question


def test_a_clear_spend_contrast_ranks_above_a_single_gesture_over_the_frame(session):
    team, (anouk, bram, cem) = crew(session)
    add_many(session, team, anouk, at(WEEK, 1), 2, cost=1000, reaction=5)
    add(session, team, bram, at(WEEK, 3), cost=400, reaction=4)
    add(session, team, bram, at(WEEK, 4), cost=0, reaction=4)
    add(session, team, cem, at(WEEK, 5), cost=1200, reaction=3, check="over_cap")  # a lower cap then
    kinds = [p.kind for p in report(session, team).prompts]
    assert kinds.index("spend_contrast") < kinds.index("over_frame")


def test_spend_that_differs_by_less_than_ten_euro_is_no_contrast(session):
    team, (anouk, bram, _cem) = crew(session)
    add_many(session, team, anouk, at(WEEK, 1), 2, cost=400)
    add(session, team, bram, at(WEEK, 3), cost=100)
    assert of_kind(report(session, team), "spend_contrast") == []


def test_one_giver_alone_is_no_contrast(session):
    team, (anouk, *_) = crew(session)
    add_many(session, team, anouk, at(WEEK, 1), 3, cost=2000)
    assert of_kind(report(session, team), "spend_contrast") == []


# quiet_mandate ----------------------------------------------------------------------------------------

def test_a_colleague_who_has_not_used_the_mandate_for_four_weeks_is_asked_about_the_frame(session):
    team, (anouk, bram, cem) = crew(session)
    for back in range(4):
        add_many(session, team, anouk, at(WEEK.shift(-back), 1), 2, cost=800)
        add_many(session, team, bram, at(WEEK.shift(-back), 2), 2, cost=0)
    add(session, team, cem, at(WEEK.shift(-2), 2), cost=300)  # one small gesture in four weeks
    make_person(session, team, name="Newcomer", created_at=datetime(2026, 2, 2, tzinfo=UTC))
    make_person(session, team, name="Mia", role="manager", created_at=datetime(2025, 1, 1, tzinfo=UTC))
    [prompt] = of_kind(report(session, team), "quiet_mandate")
    assert prompt.key == f"quiet_mandate:2026-W07:person:{cem.id}"
    assert (prompt.fact("spent_weeks").value, prompt.fact("spent_weeks").n) == ("€3.00", 1)
    assert prompt.fact("allowance_weeks").value == "€240.00"
    assert prompt.evidence == () and prompt.setting == "one_to_one"
    assert "safe" in prompt.question and "Cem" in prompt.question


def test_someone_giving_free_gestures_every_week_is_not_quiet(session):
    team, (anouk, bram, cem) = crew(session)
    for back in range(4):
        add(session, team, anouk, at(WEEK.shift(-back), 1), cost=0)
        add(session, team, bram, at(WEEK.shift(-back), 1), cost=0)
        add(session, team, cem, at(WEEK.shift(-back), 1), cost=0)
    assert of_kind(report(session, team), "quiet_mandate") == []


def test_quiet_colleagues_are_not_named_in_works_council_mode(session):
    team, _people = crew(session, person_comparisons=False)
    assert of_kind(report(session, team), "quiet_mandate") == []


# over_frame -------------------------------------------------------------------------------------------

def test_gestures_beyond_the_frame_are_brought_to_the_team_and_to_the_giver(session):
    team, (anouk, bram, _cem) = crew(session)
    over = [add(session, team, anouk, at(WEEK, 1), cost=3000, check="over_cap", reaction=5),
            add(session, team, anouk, at(WEEK, 4), cost=1500, check="over_allowance", reaction=4)]
    add(session, team, bram, at(WEEK, 2), cost=500)
    add(session, team, bram, at(WEEK.shift(-1), 2), cost=3000, check="over_cap")  # another week
    prompts = {p.key: p for p in of_kind(report(session, team), "over_frame")}
    team_prompt = prompts["over_frame:2026-W07:team"]
    assert set(team_prompt.evidence) == ids(over)
    counts = [team_prompt.fact(c).value for c in ("over_frame", "over_cap", "over_allowance")]
    assert counts == ["2", "1", "1"]
    assert team_prompt.fact("spent_over_frame").value == "€45.00"
    assert team_prompt.person_ids == () and team_prompt.setting == "team_session"
    person_prompt = prompts[f"over_frame:2026-W07:person:{anouk.id}"]
    assert set(person_prompt.evidence) == ids(over) and person_prompt.person_ids == (anouk.id,)
    assert len(prompts) == 2
    assert "violation" not in (team_prompt.question + team_prompt.why).lower()


def test_a_week_inside_the_frame_has_nothing_to_say_about_it(session):
    team, (anouk, *_) = crew(session)
    add_many(session, team, anouk, at(WEEK, 1), 3, cost=2500)  # exactly at the cap is within
    assert of_kind(report(session, team), "over_frame") == []


# story_of_week ----------------------------------------------------------------------------------------

def test_the_best_received_gesture_with_a_real_story_is_the_story_of_the_week(session):
    team, (anouk, bram, _cem) = crew(session)
    add(session, team, bram, at(WEEK, 1), reaction=5, description="Coffee")  # too short to tell
    add(session, team, bram, at(WEEK, 2), reaction=4, description="Helped a guest with a long story " * 2)
    story = add(session, team, anouk, at(WEEK, 3), kind="time", trigger="in_need", cost=0, reaction=5,
                description=UMBRELLA, reaction_note="She hugged our receptionist")
    [prompt] = of_kind(report(session, team), "story_of_week")
    assert prompt.key == f"story_of_week:2026-W07:{story.origin_id}"
    assert prompt.evidence == (str(story.origin_id),)
    assert "Anouk" in prompt.question and UMBRELLA in prompt.question
    assert "She hugged our receptionist" in prompt.why and prompt.fact("reaction").value == "5/5"
    assert prompt.person_ids == (anouk.id,)
    assert "Anouk" in prompt.suggestion


def test_a_week_without_a_told_story_has_no_story_of_the_week(session):
    team, (anouk, *_) = crew(session)
    add_many(session, team, anouk, at(WEEK, 1), 3, reaction=5, description="Coffee, nice")
    add(session, team, anouk, at(WEEK, 2), reaction=3, description=UMBRELLA)  # only pleased
    assert of_kind(report(session, team), "story_of_week") == []


def test_the_story_is_told_without_the_givers_name_in_works_council_mode(session):
    team, (anouk, *_) = crew(session, person_comparisons=False)
    add(session, team, anouk, at(WEEK, 3), reaction=5, description=UMBRELLA)
    [prompt] = of_kind(report(session, team), "story_of_week")
    assert "Anouk" not in prompt.question + prompt.why + prompt.suggestion
    assert prompt.person_ids == ()


# unseen_work ------------------------------------------------------------------------------------------

def test_delighting_gestures_nobody_appreciated_are_pointed_out(session):
    team, (anouk, bram, cem) = crew(session)
    seen = add(session, team, anouk, at(WEEK, 1), reaction=5)
    appreciate(session, seen, cem)
    unseen = add_many(session, team, bram, at(WEEK, 2), 3, reaction=4)
    add(session, team, bram, at(WEEK, 3), reaction=2)  # no visible reaction: not listed
    prompts = {p.key: p for p in of_kind(report(session, team), "unseen_work")}
    team_prompt = prompts["unseen_work:2026-W07:team"]
    assert set(team_prompt.evidence) == ids(unseen)
    assert (team_prompt.fact("unappreciated").value, team_prompt.fact("unappreciated").n) == ("3", 4)
    assert f"unseen_work:2026-W07:person:{bram.id}" not in prompts  # four gestures: too few to say


def test_a_colleague_whose_gestures_are_never_appreciated_is_named_to_the_manager(session):
    team, (anouk, bram, cem) = crew(session)
    for back in range(5):
        seen = add(session, team, anouk, at(WEEK.shift(-back), 1), reaction=3)
        appreciate(session, seen, cem)
    bram_rows = [add(session, team, bram, at(WEEK.shift(-back), 2), reaction=3) for back in range(5)]
    prompts = {p.key: p for p in of_kind(report(session, team), "unseen_work")}
    prompt = prompts[f"unseen_work:2026-W07:person:{bram.id}"]
    assert prompt.evidence == (str(bram_rows[0].origin_id),)  # this week's gesture
    assert prompt.fact("window_gestures").value == "5" and prompt.person_ids == (bram.id,)
    assert set(prompts) == {f"unseen_work:2026-W07:person:{bram.id}"}


def test_when_good_work_is_appreciated_there_is_nothing_unseen(session):
    team, (anouk, bram, cem) = crew(session)
    for row in add_many(session, team, anouk, at(WEEK, 1), 3, reaction=5):
        appreciate(session, row, bram)
    add_many(session, team, cem, at(WEEK, 1), 2, reaction=5)  # two unseen: below the minimum of three
    assert of_kind(report(session, team), "unseen_work") == []


def test_an_imported_colleague_who_logged_long_ago_counts_as_there_all_along(session):
    team, (anouk, bram) = crew(session, names=("Anouk", "Bram"))
    sanne = make_person(session, team, name="Sanne", created_at=datetime(2026, 2, 16, tzinfo=UTC))  # imported
    add(session, team, sanne, at(WEEK.shift(-7), 2), cost=500)  # her first gesture, weeks before the import
    for back in range(4):
        add_many(session, team, anouk, at(WEEK.shift(-back), 1), 3, cost=800)
        add_many(session, team, bram, at(WEEK.shift(-back), 2), 3, cost=300)
    [prompt] = of_kind(report(session, team), "quiet_mandate")
    assert prompt.key == f"quiet_mandate:2026-W07:person:{sanne.id}"
