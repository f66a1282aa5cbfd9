"""Choosing the few prompts a manager reads first: value and variety, and what the managers told us.

The rules find everything the data supports; this module ranks it. Scores move with the team's own marks
(a kind whose conversations helped rises, one that did not help or was set aside sinks), at most one
prompt per kind is shown first unless a second is clearly stronger, and a kind set aside SET_ASIDE_WEEKS
weeks running waits below the fold until the manager brings it back. Every prompt keeps its rank, so
JSON and CSV still carry all of them.
"""

from dataclasses import replace

from ledger.weeks import IsoWeek
from reports.model import Prompt, Review
from reports.settings import PROMPTS_SHOWN, SET_ASIDE_WEEKS

HELPED_BONUS = 4.0  # per "it helped" on a prompt of the same kind
NOT_HELPED_PENALTY = 3.0  # per "not really"
SET_ASIDE_PENALTY = 2.0  # per prompt of the same kind set aside in the feedback weeks
FEEDBACK_CAP = 10.0  # the managers' marks move a kind's score by at most this much either way
SECOND_OF_KIND_MARGIN = 6.0  # a second prompt of a kind goes first only this far above the one it displaces


def set_aside_kinds(reviews: tuple[Review, ...], week: IsoWeek) -> tuple[str, ...]:
    """Kinds with a prompt set aside in each of the SET_ASIDE_WEEKS weeks before `week`, none discussed."""
    weeks = {week.shift(-i) for i in range(1, SET_ASIDE_WEEKS + 1)}
    kinds = []
    for kind in sorted({r.kind for r in reviews}):
        mine = [r for r in reviews if r.kind == kind and r.week in weeks]
        aside = {r.week for r in mine if r.status == "set_aside"}
        if aside == weeks and not any(r.status == "discussed" for r in mine):
            kinds.append(kind)
    return tuple(kinds)


def feedback_bonus(reviews: tuple[Review, ...], kind: str) -> float:
    """How the managers' marks on earlier prompts of a kind move its score (capped both ways)."""
    bonus = 0.0
    for review in (r for r in reviews if r.kind == kind):
        if review.helped is True:
            bonus += HELPED_BONUS
        elif review.helped is False:
            bonus -= NOT_HELPED_PENALTY
        if review.status == "set_aside":
            bonus -= SET_ASIDE_PENALTY
    return max(-FEEDBACK_CAP, min(FEEDBACK_CAP, bonus))


def select(prompts: list[Prompt], *, reviews: tuple[Review, ...] = (), held_back: tuple[str, ...] = (),
           shown: int = PROMPTS_SHOWN) -> list[Prompt]:
    """All prompts ranked: the `shown` first chosen for value and variety, then the rest; ranks from 1."""
    scored = sorted(prompts, key=lambda p: (-_score(p, reviews), p.key))
    eligible = [p for p in scored if p.kind not in held_back]
    first = _varied(eligible, reviews, shown)
    first.sort(key=lambda p: (-_score(p, reviews), p.key))
    rest = [p for p in scored if p not in first]
    return [replace(p, rank=i, shown=p in first) for i, p in enumerate(first + rest, 1)]


def _score(prompt: Prompt, reviews: tuple[Review, ...]) -> float:
    return prompt.score + feedback_bonus(reviews, prompt.kind)


def _varied(ranked: list[Prompt], reviews: tuple[Review, ...], shown: int) -> list[Prompt]:
    """The best prompt of each kind first; a second of a kind only when clearly stronger than the last."""
    first: list[Prompt] = []
    for prompt in ranked:
        if len(first) < shown and prompt.kind not in {p.kind for p in first}:
            first.append(prompt)
    for prompt in ranked:
        if prompt in first:
            continue
        weakest = min(first, key=lambda p: _score(p, reviews), default=None)
        lead = _score(prompt, reviews) - _score(weakest, reviews) if weakest is not None else 0.0
        if lead >= SECOND_OF_KIND_MARGIN:
            first[first.index(weakest)] = prompt
    return first
