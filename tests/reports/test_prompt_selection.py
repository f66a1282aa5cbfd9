"""The few prompts a manager reads first: five at most, varied, merged where findings belong together,
in plain words whose numbers match them, honest about weeks that are not over, and shaped by what the
managers marked before."""

from datetime import UTC, datetime

from ledger.models import PromptReview
from reports.model import Prompt, Review, Stat
from reports.prompts.base import first_names
from reports.prompts.reactions import COST_SAME_WITHIN, cost_variant
from reports.prompts.select import SECOND_OF_KIND_MARGIN, select, set_aside_kinds
from reports.settings import PROMPTS_SHOWN
from tests.factories import make_person
from tests.reports.builders import NOW, WEEK, add, add_many, at, crew, ids, of_kind, report
from tests.reports.test_prompts_window import spread

STATS_WORDS = ("shrunk", "interval", "95%", "confidence", "gekrompen", "zekerheid")


def prompt(kind: str, score: float, subject: str = "x") -> Prompt:
    return Prompt(key=f"{kind}:2026-W07:{subject}", kind=kind, question="q", why="w", facts=(), evidence=(),
                  setting="team_session", confidence="", suggestion="", score=score)


def review(kind: str, week, status: str, helped=None) -> Review:
    return Review(f"{kind}:{week}:x", week, status, helped)


# top five and variety ---------------------------------------------------------------------------------

def test_at_most_five_are_shown_first_one_per_kind_and_every_prompt_keeps_a_rank():
    found = [prompt("what_moves", 70, "a"), prompt("what_moves", 55, "b"), prompt("trend", 50),
             prompt("falls_flat", 60), prompt("over_frame", 58), prompt("quiet_mandate", 52),
             prompt("unseen_work", 45), prompt("story_of_week", 64)]
    ranked = select(found)
    shown = [p for p in ranked if p.shown]
    assert len(shown) == PROMPTS_SHOWN
    assert len({p.kind for p in shown}) == PROMPTS_SHOWN  # the second what_moves waits below
    assert [p.rank for p in ranked] == list(range(1, len(found) + 1))
    assert ranked[-1].key == "unseen_work:2026-W07:x" and not ranked[-1].shown


def test_a_second_prompt_of_a_kind_goes_first_only_when_clearly_stronger():
    close = [prompt("what_moves", 70, "a"), prompt("what_moves", 55 + SECOND_OF_KIND_MARGIN - 1, "b")]
    close += [prompt(k, 55) for k in ("trend", "falls_flat", "over_frame", "quiet_mandate")]
    assert sum(p.kind == "what_moves" for p in select(close) if p.shown) == 1
    strong = [prompt("what_moves", 70, "a"), prompt("what_moves", 69, "b")]
    strong += [prompt(k, 50) for k in ("trend", "falls_flat", "over_frame", "quiet_mandate")]
    assert sum(p.kind == "what_moves" for p in select(strong) if p.shown) == 2


def test_the_busy_week_shows_five_varied_prompts_and_keeps_the_rest_one_tap_away(session):
    team, (anouk, bram, cem) = crew(session)
    add_many(session, team, anouk, at(WEEK, 1), 3, cost=2000, reaction=5, check="over_cap",
             description="Sent flowers to a guest whose mother had just passed away")
    add(session, team, bram, at(WEEK, 2), cost=200, reaction=2)
    spread(session, team, cem, 10, kind="time", trigger="in_need", cost=0, reaction=5)
    spread(session, team, bram, 10, kind="gift", trigger="regular", cost=2000, reaction=2)
    rep = report(session, team)
    assert len(rep.shown_prompts) <= PROMPTS_SHOWN and rep.more_prompts
    assert len({p.kind for p in rep.shown_prompts}) == len(rep.shown_prompts)
    assert [p.rank for p in rep.prompts] == list(range(1, len(rep.prompts) + 1))


# merged findings --------------------------------------------------------------------------------------

def test_the_warmest_pairs_are_one_prompt_that_keeps_every_pairs_numbers_and_evidence(session):
    team, (anouk, bram, cem) = crew(session)
    in_need = spread(session, team, anouk, 6, kind="time", trigger="in_need", cost=0, reaction=5)
    party = spread(session, team, cem, 6, kind="treat", trigger="celebration", cost=300, reaction=5)
    spread(session, team, bram, 12, kind="gift", trigger="regular", cost=300, reaction=3)
    [moves] = [p for p in of_kind(report(session, team), "what_moves") if not p.key.endswith("basics")]
    assert set(moves.evidence) == ids(in_need[1:]) | ids(party[1:])  # five newest of each pair
    pairs = {f.value: f.n for f in moves.facts if f.code == "pair"}
    assert pairs == {"Extra time · Customer in need: 5.0": 6, "Treat · Celebration: 5.0": 6}
    assert "Extra time · Customer in need" in moves.question and "Treat · Celebration" in moves.question
    assert "(n=6)" in moves.why


# plain words ------------------------------------------------------------------------------------------

def test_the_cost_sentence_follows_the_means_it_shows():
    def stat(mean: float, n: int = 20) -> Stat:
        return Stat(n, mean, total=mean * n, total_sq=mean * mean * n + n * 0.5)

    assert cost_variant(stat(4.1), stat(3.4)) == "cheap"
    assert cost_variant(stat(4.0), stat(4.0 + COST_SAME_WITHIN)) == "same"
    assert cost_variant(stat(3.0), stat(4.5)) == "pricey"
    assert cost_variant(stat(3.5), stat(3.9)) is None  # warmer, but not clearly: nothing honest to say


def test_no_statistics_words_in_what_a_manager_reads_in_either_language(session):
    team, (anouk, bram, cem) = crew(session)
    spread(session, team, anouk, 10, kind="time", trigger="in_need", cost=0, reaction=5)
    spread(session, team, bram, 10, kind="gift", trigger="regular", cost=2000, reaction=2)
    for lang in ("en", "nl"):
        for p in report(session, team, lang=lang).prompts:
            text = " ".join((p.question, p.why, p.suggestion, p.confidence)).lower()
            assert not [w for w in STATS_WORDS if w in text], (lang, p.kind, text)


def test_a_person_is_named_in_full_once_and_by_first_name_after():
    why, ask, try_ = first_names(["Dewi Santoso: 18 gestures.", "Does Dewi Santoso's work get seen?",
                                  "Tell Dewi Santoso what you noticed."], ["Dewi Santoso"])
    assert (why, ask, try_) == ("Dewi Santoso: 18 gestures.", "Does Dewi's work get seen?",
                                "Tell Dewi what you noticed.")
    assert first_names(["Tell Dewi Santoso … Dewi Santoso"], ["Dewi Santoso"]) == ["Tell Dewi Santoso … Dewi"]


# weeks that are not over ------------------------------------------------------------------------------

def test_a_week_that_has_not_started_has_no_report_yet_and_no_prompt(session):
    team, (anouk, bram, cem) = crew(session)
    spread(session, team, anouk, 10, cost=0, reaction=5)
    future = report(session, team, week=WEEK.shift(3))  # NOW is in the week after WEEK
    assert future.started is False and future.prompts == ()


def test_the_running_week_asks_nothing_built_on_absence(session):
    from reports import build_weekly_report

    team, (anouk, bram, cem) = crew(session)
    add_many(session, team, anouk, at(WEEK.shift(-3), 1), 5, cost=0, reaction=5)  # quiet Bram and Cem
    add_many(session, team, anouk, at(WEEK, 0), 4, cost=0, reaction=5)  # delighted, unappreciated
    over = build_weekly_report(session=session, team_id=team.id, week=WEEK, now=NOW)
    assert {"quiet_mandate", "unseen_work"} <= {p.kind for p in over.prompts}
    running = build_weekly_report(session=session, team_id=team.id, week=WEEK,
                                  now=datetime(2026, 2, 12, 12, tzinfo=UTC))
    assert running.complete is False
    assert not {"quiet_mandate", "unseen_work"} & {p.kind for p in running.prompts}


# who is compared --------------------------------------------------------------------------------------

def test_the_minimum_group_counts_staff_who_give_not_the_managers_who_read(session):
    team, (anouk, bram) = crew(session, names=("Anouk", "Bram"))
    make_person(session, team, name="Marieke", role="manager")
    add(session, team, anouk, at(WEEK, 1), cost=2000)
    assert report(session, team).person_level is False  # two receptionists and their manager
    make_person(session, team, name="Cem")
    assert report(session, team).person_level is True


# the managers' marks ----------------------------------------------------------------------------------

def test_a_kind_set_aside_three_weeks_running_waits_below_until_brought_back():
    reviews = tuple(review("trend", WEEK.shift(-i), "set_aside") for i in (1, 2, 3))
    assert set_aside_kinds(reviews, WEEK) == ("trend",)
    assert set_aside_kinds(reviews[:2], WEEK) == ()  # two weeks are not yet a habit
    with_talk = (*reviews, review("trend", WEEK.shift(-2), "discussed"))
    assert set_aside_kinds(with_talk, WEEK) == ()
    found = [prompt("trend", 90), *(prompt(k, 50) for k in ("falls_flat", "over_frame"))]
    assert [p.shown for p in select(found, held_back=("trend",)) if p.kind == "trend"] == [False]


def test_helped_conversations_lift_their_kind_and_unhelpful_ones_sink(session):
    found = [prompt("falls_flat", 60), prompt("trend", 58)]
    assert select(found)[0].kind == "falls_flat"
    helped = (review("trend", WEEK.shift(-1), "discussed", True),)
    assert select(found, reviews=helped)[0].kind == "trend"
    flop = (review("falls_flat", WEEK.shift(-1), "discussed", False),
            review("falls_flat", WEEK.shift(-2), "set_aside"))
    assert select(found, reviews=flop)[0].kind == "trend"


def test_the_report_reads_the_marks_holds_back_set_aside_kinds_and_follows_up_on_discussed(session):
    team, (anouk, bram, cem) = crew(session)
    add_many(session, team, anouk, at(WEEK, 1), 2, cost=3000, reaction=4, check="over_cap")
    for i in (1, 2, 3):
        session.add(PromptReview(team_id=team.id, prompt_key=f"over_frame:{WEEK.shift(-i)}:team",
                                 week=str(WEEK.shift(-i)), status="set_aside"))
    session.add(PromptReview(team_id=team.id, prompt_key=f"falls_flat:{WEEK.shift(-1)}:gift|regular",
                             week=str(WEEK.shift(-1)), status="discussed", helped=True))
    session.commit()
    rep = report(session, team)
    assert rep.set_aside_kinds == ("over_frame",)
    assert all(not p.shown for p in of_kind(rep, "over_frame"))
    assert [r.kind for r in rep.discussed] == ["falls_flat"]
    from reports import build_weekly_report

    back = build_weekly_report(session=session, team_id=team.id, week=WEEK, now=NOW,
                               brought_back=("over_frame",))
    assert any(p.shown for p in of_kind(back, "over_frame"))
