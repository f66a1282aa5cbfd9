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


def confidence(lang: Lang, n: int) -> str:
    """How sure a prompt is, in everyday words: how many gestures it rests on and what that allows."""
    if n >= CONFIDENCE_SOLID_N:
        return lang.gettext("Based on %(n)s gestures — a clear pattern for this team.", n=n)
    if n >= CONFIDENCE_FAIR_N:
        return lang.gettext("Based on %(n)s gestures — enough to ask about, not to conclude.", n=n)
    return lang.ngettext("Based on one gesture — a first hint, not yet a pattern.",
                         "Based on %(n)s gestures — a first hint, not yet a pattern.", n, n=n)


def first_names(texts: list[str], names: Iterable[str]) -> list[str]:
    """Texts in reading order with each person's full name kept at its first mention, the first name after.

    "Tell Dewi Santoso … Dewi Santoso" reads as a form letter; people say "Dewi Santoso … Dewi".
    """
    seen: set[str] = set()
    out = []
    for text in texts:
        for name in sorted(set(names), key=len, reverse=True):
            first = name.split()[0] if name.split() else name
            if not name or first == name or name not in text:
                continue
            head, sep, tail = text.partition(name)
            if name in seen:
                text = head + first + tail.replace(name, first)
            else:
                text = head + sep + tail.replace(name, first)
            seen.add(name)
        out.append(text)
    return out


def say(lang: Lang, message: Message, params: dict) -> str:
    """One prompt text: a plural pair is chosen by the prompt's `n` (CLDR rule of the language)."""
    if isinstance(message, tuple):
        return lang.ngettext(*message, params["n"], **params)
    return lang.gettext(message, **params)


def build(lang: Lang, report: WeeklyReport, *, kind: str, subject: str, params: dict, facts: Iterable[Fact],
          evidence: Iterable[str], setting: str, score: float, n: int,
          variant: str = "", person_ids: Iterable[int] = (), confidence_note: str | None = None,
          names: Iterable[str] = ()) -> Prompt:
    """A Prompt whose texts are `PROMPTS["<kind>[.<variant>]"]`, translated and filled with params.

    `names` are the full names the texts mention: the first mention keeps it (in the page's reading
    order why → question → suggestion), later ones use the first name.
    """
    texts = PROMPTS[f"{kind}.{variant}" if variant else kind]
    said = [say(lang, message, params) for message in (texts.why, texts.question, texts.suggestion)]
    why, question, suggestion = first_names(said, names)
    return Prompt(
        key=f"{kind}:{report.week}:{subject}", kind=kind, question=question, why=why,
        facts=tuple(facts), evidence=tuple(dict.fromkeys(evidence)), setting=setting,
        confidence=confidence_note or confidence(lang, n), suggestion=suggestion,
        score=round(float(score), 3), person_ids=tuple(person_ids))
