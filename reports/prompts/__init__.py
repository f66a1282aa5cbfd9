"""The prompt engine: a registry of small rules, each a pure function from a WeeklyReport to Prompts.

A rule is registered with `@rule("kind")`; `prompts_for` runs them all and ranks what they found, so a
manager sees the few prompts that matter most first. Thresholds are named constants in each rule's module.
"""

from collections.abc import Callable

from reports.i18n import Lang, lang_for
from reports.model import Prompt, WeeklyReport
from reports.prompts.select import select

Rule = Callable[[WeeklyReport, Lang], list[Prompt]]

KINDS = ("spend_contrast", "cost_vs_reaction", "what_moves", "falls_flat", "quiet_mandate", "over_frame",
         "shifting_triggers", "trend", "story_of_week", "unseen_work", "since_last_session")
RULES: dict[str, Rule] = {}
# Kinds built on absence (nobody used the frame, nobody appreciated): a running week is not over, so what
# has not happened yet is no finding.
ABSENCE_KINDS = ("quiet_mandate", "unseen_work")


def rule(kind: str) -> Callable[[Rule], Rule]:
    """Register a function as the rule of one prompt kind."""
    if kind not in KINDS:
        raise ValueError(f"unknown prompt kind {kind!r}")

    def register(func: Rule) -> Rule:
        RULES[kind] = func
        return func

    return register


def prompts_for(report: WeeklyReport, lang: str = "en", *, currency: str = "EUR") -> list[Prompt]:
    """All prompts the report's data supports, in the language given, ranked (reports.prompts.select)."""
    if not report.started:
        return []  # a week that has not begun has no report yet
    language = lang_for(lang, currency)
    found: list[Prompt] = []
    for kind in KINDS:
        if kind in RULES and (report.complete or kind not in ABSENCE_KINDS):
            found.extend(RULES[kind](report, language))
    if not report.person_level:  # belt and braces: rules already stay silent about people here
        found = [p for p in found if not p.person_ids]
    held_back = tuple(k for k in report.set_aside_kinds if k not in report.brought_back)
    return select(found, reviews=report.reviews, held_back=held_back)


from reports.prompts import frame, people, reactions, patterns, recognition, loop  # noqa: E402, F401, I001
