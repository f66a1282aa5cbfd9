"""Helpers every prompt rule shares: facts, the confidence note, and assembling a Prompt from texts."""

from collections.abc import Iterable

from reports.i18n import Lang
from reports.model import Fact, Prompt, Stat, WeeklyReport

# Sample sizes behind the wording of the confidence note.
CONFIDENCE_FAIR_N = 10
CONFIDENCE_SOLID_N = 30


def fact(lang: Lang, code: str, value: str, n: int | None = None) -> Fact:
    """A Fact with its label in the report language."""
    return Fact(lang.t(f"fact.{code}"), value, n, code)


def mean_fact(lang: Lang, code: str, stat: Stat) -> Fact:
    """A mean reaction as a Fact, with its n."""
    return fact(lang, code, lang.num(stat.mean), stat.n)


def confidence(lang: Lang, n: int, stat: Stat | None = None) -> str:
    """How sure a prompt is: the sample size in words, plus the mean's interval when there is one."""
    level = "solid" if n >= CONFIDENCE_SOLID_N else "fair" if n >= CONFIDENCE_FAIR_N else "thin"
    note = lang.t(f"confidence.{level}", n=n)
    if stat is not None and stat.low is not None and stat.high is not None and stat.high - stat.low >= 0.05:
        note += " " + lang.t("confidence.interval", low=lang.num(max(stat.low, 1.0)),
                             high=lang.num(min(stat.high, 5.0)))
    return note


def build(lang: Lang, report: WeeklyReport, *, kind: str, subject: str, params: dict, facts: Iterable[Fact],
          evidence: Iterable[str], setting: str, score: float, n: int, stat: Stat | None = None,
          variant: str = "", person_ids: Iterable[int] = (), confidence_note: str | None = None) -> Prompt:
    """A Prompt whose texts come from `<kind>[.<variant>].question|why|suggestion` in the language tables."""
    base = f"{kind}.{variant}" if variant else kind
    return Prompt(
        key=f"{kind}:{report.week}:{subject}", kind=kind,
        question=lang.t(f"{base}.question", **params), why=lang.t(f"{base}.why", **params),
        facts=tuple(facts), evidence=tuple(dict.fromkeys(evidence)), setting=setting,
        confidence=confidence_note or confidence(lang, n, stat),
        suggestion=lang.t(f"{base}.suggestion", **params),
        score=round(float(score), 3), person_ids=tuple(person_ids))
