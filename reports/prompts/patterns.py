"""Prompts about movement over the trailing window: shifting triggers and trends."""

from reports.i18n import Lang
from reports.model import TEAM_SESSION, Prompt, WeeklyReport
from reports.prompts.base import build, fact, mean_fact
from reports.prompts.reactions import BASIC_TRIGGERS
from reports.prompts.registry import rule
from reports.settings import RECENT_WEEKS
from reports.stats import mean_difference_z, pool, share_change_z

# shifting_triggers: the last RECENT weeks of the window against the weeks before them.
SHIFT_MIN_RECENT_N = 10
SHIFT_MIN_BEFORE_N = 20
SHIFT_MIN_CHANGE = 0.15  # share moved by at least 15 percentage points
SHIFT_MIN_Z = 2.0
SHIFT_MAX_PROMPTS = 2

# trend: the first half of the window against the second half.
TREND_MIN_HALF_N = 15  # entries per half before a reaction trend is claimed
TREND_MIN_REACTION_CHANGE = 0.4  # points on the 1–5 scale
TREND_MIN_Z = 2.0
TREND_MIN_USAGE_CHANGE = 0.4  # 40 % more or fewer gestures per week
TREND_MIN_USAGE_PER_WEEK = 5  # ignore teams that log only a handful per week


@rule("shifting_triggers")
def shifting_triggers(report: WeeklyReport, lang: Lang) -> list[Prompt]:
    """A trigger whose share of gestures changed sharply in the last weeks: what changed for customers?"""
    recent_from = report.week.shift(-(RECENT_WEEKS - 1))
    recent, before = {}, {}
    for count in report.trigger_weeks:
        side = recent if count.week >= recent_from else before
        side[count.code] = side.get(count.code, 0) + count.n
    recent_n, before_n = sum(recent.values()), sum(before.values())
    if recent_n < SHIFT_MIN_RECENT_N or before_n < SHIFT_MIN_BEFORE_N:
        return []
    found = []
    for code in sorted(set(recent) | set(before)):
        r, b = recent.get(code, 0), before.get(code, 0)
        z = share_change_z(r, recent_n, b, before_n)
        if abs(r / recent_n - b / before_n) >= SHIFT_MIN_CHANGE and abs(z) >= SHIFT_MIN_Z:
            found.append((abs(z), code, r, b, z))
    found.sort(key=lambda item: (-item[0], item[1]))
    recent_ids = {g.code: g.recent_ids for g in report.recent_triggers}
    before_weeks = report.window_weeks - RECENT_WEEKS
    prompts = []
    for strength, code, r, b, z in found[:SHIFT_MAX_PROMPTS]:
        up = z > 0
        variant = ("basic" if code in BASIC_TRIGGERS else "up") if up else "down"
        params = {"trigger": lang.label("trigger", code), "recent_share": lang.pct(r / recent_n),
                  "before_share": lang.pct(b / before_n), "count": r, "before_count": b, "recent_n": recent_n,
                  "before_n": before_n, "recent_weeks": RECENT_WEEKS, "before_weeks": before_weeks}
        facts = [fact(lang, "recent_share", params["recent_share"], recent_n),
                 fact(lang, "before_share", params["before_share"], before_n)]
        prompts.append(build(lang, report, kind="shifting_triggers", subject=code, variant=variant,
                             params=params, facts=facts, evidence=recent_ids.get(code, ()) if up else (),
                             setting=TEAM_SESSION, score=44 + min(strength, 10), n=recent_n + before_n))
    return prompts


@rule("trend")
def trend(report: WeeklyReport, lang: Lang) -> list[Prompt]:
    """Reactions or usage rising or falling over the window: first half against second half."""
    points = report.trend[-report.window_weeks:]
    half = len(points) // 2
    if half < 2:
        return []
    first, second = points[:half], points[-half:]
    return _reaction_trend(report, lang, first, second) + _usage_trend(report, lang, first, second)


def _reaction_trend(report, lang, first, second) -> list[Prompt]:
    a, b = pool([p.reaction for p in first]), pool([p.reaction for p in second])
    if a.n < TREND_MIN_HALF_N or b.n < TREND_MIN_HALF_N:
        return []
    change, z = b.mean - a.mean, mean_difference_z(a, b)
    if abs(change) < TREND_MIN_REACTION_CHANGE or abs(z) < TREND_MIN_Z:
        return []
    params = {"weeks": len(first) + len(second), "half": len(first), "first_mean": lang.num(a.mean),
              "second_mean": lang.num(b.mean), "first_n": a.n, "second_n": b.n}
    facts = [mean_fact(lang, "reaction_first_half", a), mean_fact(lang, "reaction_second_half", b)]
    return [build(lang, report, kind="trend", subject="reaction", variant="reaction_up" if change > 0 else
                  "reaction_down", params=params, facts=facts, evidence=(), setting=TEAM_SESSION,
                  score=46 + min(abs(z), 10), n=a.n + b.n)]


def _usage_trend(report, lang, first, second) -> list[Prompt]:
    per_a = sum(p.gestures for p in first) / len(first)
    per_b = sum(p.gestures for p in second) / len(second)
    if max(per_a, per_b) < TREND_MIN_USAGE_PER_WEEK or min(per_a, per_b) == 0 and max(per_a, per_b) == 0:
        return []
    change = (per_b - per_a) / per_a if per_a else 1.0
    if abs(change) < TREND_MIN_USAGE_CHANGE:
        return []
    spent_a, spent_b = sum(p.spent_cents for p in first), sum(p.spent_cents for p in second)
    params = {"weeks": len(first) + len(second), "half": len(first), "first_per_week": lang.num(per_a),
              "second_per_week": lang.num(per_b), "first_spent": lang.money(spent_a),
              "second_spent": lang.money(spent_b)}
    n = sum(p.gestures for p in first) + sum(p.gestures for p in second)
    facts = [fact(lang, "per_week_first_half", params["first_per_week"], sum(p.gestures for p in first)),
             fact(lang, "per_week_second_half", params["second_per_week"], sum(p.gestures for p in second)),
             fact(lang, "spent_first_half", params["first_spent"]),
             fact(lang, "spent_second_half", params["second_spent"])]
    variant = "usage_up" if change > 0 else "usage_down"
    return [build(lang, report, kind="trend", subject="usage", variant=variant, params=params, facts=facts,
                  evidence=(), setting=TEAM_SESSION, score=45 + min(abs(change) * 10, 8), n=n)]
