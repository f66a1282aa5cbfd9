"""Named settings of the weekly report (the windows it looks at and who may be compared)."""

MIN_ACTIVE_MEMBERS = 3  # person-level comparisons only in teams with at least this many active members
WINDOW_WEEKS = 8  # prompts about what moves customers look at this many weeks, ending with the reported one
RECENT_WEEKS = 2  # the "recent" end of the window, compared with the weeks before it (shifting triggers)
TREND_WEEKS = 12  # length of the trend series
QUIET_WEEKS = 4  # weeks of spending kept per person for the quiet-mandate rule
