"""Named settings of the weekly report (the windows it looks at and who may be compared)."""

# Person-level comparisons only with at least this many people the comparison is about: staff of the team
# who can give (the managers who read the report do not count). Each team sets its own (Team.min_group_size,
# by an admin); this is the default for a team without one.
MIN_ACTIVE_MEMBERS = 3
WINDOW_WEEKS = 8  # prompts about what moves customers look at this many weeks, ending with the reported one
RECENT_WEEKS = 2  # the "recent" end of the window, compared with the weeks before it (shifting triggers)
TREND_WEEKS = 12  # length of the trend series
QUIET_WEEKS = 4  # weeks of spending kept per person for the quiet-mandate rule
PROMPTS_SHOWN = 5  # prompts shown first on the page, in the digest and in `report --format text`
SET_ASIDE_WEEKS = 3  # a kind set aside this many weeks running waits below the fold
FEEDBACK_WEEKS = 8  # the managers' marks of this many weeks before the reported one feed the ranking
