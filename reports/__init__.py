"""Read-only reporting: the WeeklyReport of a team's week, its conversation prompts, exports.

Imports ledger only (never web or flask). The public entry points:
`build_weekly_report(*, session, team_id, week, now=None, lang="en")` and `prompts_for(report, lang)`.
"""

from reports.model import Fact, Prompt, Stat, WeeklyReport
from reports.prompts import KINDS, prompts_for
from reports.weekly import build_weekly_report

__all__ = ["KINDS", "Fact", "Prompt", "Stat", "WeeklyReport", "build_weekly_report", "prompts_for"]
