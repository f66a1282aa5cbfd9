"""The prompt engine: a registry of small rules, each a pure function from a WeeklyReport to Prompts.

A rule is registered with `@rule("kind")` (reports.prompts.registry); `prompts_for` runs them all and ranks
what they found, so a manager sees the few prompts that matter most first. Thresholds are named constants
in each rule's module. Importing the rule modules here is what registers them.
"""

from reports.i18n import lang_for
from reports.model import Prompt, WeeklyReport
from reports.prompts import frame, loop, patterns, people, reactions, recognition  # noqa: F401 (registers)
from reports.prompts.registry import ABSENCE_KINDS, KINDS, RULES, Rule, rule
from reports.prompts.select import select

__all__ = ["ABSENCE_KINDS", "KINDS", "RULES", "Rule", "prompts_for", "rule"]


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
