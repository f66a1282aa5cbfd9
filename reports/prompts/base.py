"""Helpers every prompt rule shares: facts, the confidence note, and assembling a Prompt from texts."""

from collections.abc import Iterable

from reports.i18n import Lang
from reports.model import Fact, Prompt, Stat, WeeklyReport
from reports.prompts.texts import FACTS, PROMPTS, Message

# Sample sizes behind the wording of the confidence note.
CONFIDENCE_FAIR_N = 10
CONFIDENCE_SOLID_N = 30
# Facts about a band or a trigger are labelled with that code's one label ("fact:band_free").
_CODE_FACTS = {"band_": "band", "trigger_": "trigger"}


def fact(lang: Lang, code: str, value: str, n: int | None = None) -> Fact:
    """A Fact with its label in the report language."""
    for prefix, vocabulary in _CODE_FACTS.items():
        if code.startswith(prefix):
            return Fact(lang.label(vocabulary, code.removeprefix(prefix)), value, n, code)
    return Fact(lang.gettext(FACTS[code]), value, n, code)


def mean_fact(lang: Lang, code: str, stat: Stat) -> Fact:
    """A mean reaction as a Fact, with its n."""
    return fact(lang, code, lang.num(stat.mean), stat.n)


def confidence(lang: Lang, n: int, stat: Stat | None = None) -> str:
    """How sure a prompt is: the sample size in words, plus the mean's interval when there is one."""
    if n >= CONFIDENCE_SOLID_N:
        note = lang.gettext("Based on %(n)s entries: a clear pattern for this team.", n=n)
    elif n >= CONFIDENCE_FAIR_N:
        note = lang.gettext("Based on %(n)s entries: a fair sign, worth a question.", n=n)
    else:
        note = lang.ngettext("Based on a single entry: a first hint, not yet a pattern.",
                             "Based on %(n)s entries: a first hint, not yet a pattern.", n, n=n)
    if stat is not None and stat.low is not None and stat.high is not None and stat.high - stat.low >= 0.05:
        note += " " + lang.gettext("The raw mean lies between %(low)s and %(high)s with 95%% confidence.",
                                   low=lang.num(max(stat.low, 1.0)), high=lang.num(min(stat.high, 5.0)))
    return note


def say(lang: Lang, message: Message, params: dict) -> str:
    """One prompt text: a plural pair is chosen by the prompt's `n` (CLDR rule of the language)."""
    if isinstance(message, tuple):
        return lang.ngettext(*message, params["n"], **params)
    return lang.gettext(message, **params)


def build(lang: Lang, report: WeeklyReport, *, kind: str, subject: str, params: dict, facts: Iterable[Fact],
          evidence: Iterable[str], setting: str, score: float, n: int, stat: Stat | None = None,
          variant: str = "", person_ids: Iterable[int] = (), confidence_note: str | None = None) -> Prompt:
    """A Prompt whose texts are `PROMPTS["<kind>[.<variant>]"]`, translated and filled with params."""
    texts = PROMPTS[f"{kind}.{variant}" if variant else kind]
    return Prompt(
        key=f"{kind}:{report.week}:{subject}", kind=kind,
        question=say(lang, texts.question, params), why=say(lang, texts.why, params),
        facts=tuple(facts), evidence=tuple(dict.fromkeys(evidence)), setting=setting,
        confidence=confidence_note or confidence(lang, n, stat),
        suggestion=say(lang, texts.suggestion, params),
        score=round(float(score), 3), person_ids=tuple(person_ids))
