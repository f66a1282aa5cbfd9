"""The register of prompt rules: the kinds there are, and which function finds each.

It lives apart from the package's __init__ so a rule module can register itself without importing the
package that imports it (no import circle): the rule modules import this, __init__ imports them.
"""

from collections.abc import Callable

from reports.i18n import Lang
from reports.model import Prompt, WeeklyReport

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
