"""Prompts about how people use the mandate in the reported week (person-level reports only)."""

from ledger.vocab import Role
from reports.frames import weekly_share
from reports.i18n import Lang
from reports.model import ONE_TO_ONE, PersonWeek, Prompt, WeeklyReport
from reports.prompts.base import build, fact
from reports.prompts.registry import rule

# spend_contrast: two givers of the same week whose spend differs a lot (the seed's 20 vs 4 euro).
SPEND_CONTRAST_MIN_DIFF_CENTS = 1000  # at least €10 apart
SPEND_CONTRAST_RATIO = 3  # and the higher spends at least three times the lower
SPEND_CONTRAST_MIN_GESTURES = 1  # both gave at least this many gestures this week

# quiet_mandate: little or no use of the allowance for several weeks, by staff who could have used it.
QUIET_MAX_SHARE = 0.10  # spent at most 10 % of the allowance over the quiet window
QUIET_MAX_GESTURES = 2  # and logged at most this many gestures in it (free ones count as use)
QUIET_MAX_PROMPTS = 3


@rule("spend_contrast")
def spend_contrast(report: WeeklyReport, lang: Lang) -> list[Prompt]:
    """Two people whose mandate use differs a lot in the same week: ask both what they noticed."""
    givers = [p for p in report.people if p.gestures >= SPEND_CONTRAST_MIN_GESTURES]
    if not report.person_level or len(givers) < 2:
        return []
    high = max(givers, key=lambda p: (p.spent_cents, -p.person_id))
    low = min(givers, key=lambda p: (p.spent_cents, p.person_id))
    diff = high.spent_cents - low.spent_cents
    if diff < SPEND_CONTRAST_MIN_DIFF_CENTS or high.spent_cents < SPEND_CONTRAST_RATIO * low.spent_cents:
        return []
    monthly = report.month is not None
    allowance = report.month.person(high.person_id) if monthly else None
    allowance_cents = allowance[1] if allowance else high.allowance_cents
    params = {"high": high.name, "low": low.name, "high_spent": lang.money(high.spent_cents),
              "low_spent": lang.money(low.spent_cents), "high_n": high.gestures, "low_n": low.gestures,
              "allowance": lang.money(allowance_cents)}
    facts = [fact(lang, "high_spent", f"{high.name}: {lang.money(high.spent_cents)}", high.gestures),
             fact(lang, "low_spent", f"{low.name}: {lang.money(low.spent_cents)}", low.gestures),
             fact(lang, "high_reaction", f"{high.name}: {lang.num(high.reaction.mean)}", high.reaction.n),
             fact(lang, "low_reaction", f"{low.name}: {lang.num(low.reaction.mean)}", low.reaction.n),
             fact(lang, "allowance_month" if monthly else "allowance", lang.money(allowance_cents))]
    return [build(lang, report, kind="spend_contrast", subject=f"{high.person_id}-{low.person_id}",
                  variant="month" if monthly else "", params=params, names=(high.name, low.name),
                  facts=facts, evidence=high.gesture_ids + low.gesture_ids,
                  setting=ONE_TO_ONE, score=60 + min(diff / 200, 20), n=high.gestures + low.gestures,
                  person_ids=(high.person_id, low.person_id))]


def _weekly_allowance(person: PersonWeek, report: WeeklyReport) -> int | None:
    """The weekly allowance the quiet rule uses (a monthly one as its weekly share: in logic only)."""
    if report.month is None:
        return person.allowance_cents
    found = report.month.person(person.person_id)
    return weekly_share(found[1], "month") if found else None


def _is_quiet(person: PersonWeek, weeks: int, report: WeeklyReport) -> bool:
    allowance = _weekly_allowance(person, report)
    if person.role != Role.STAFF or not allowance or len(person.recent_spent_cents) < weeks:
        return False
    window_start = report.week.shift(-(weeks - 1)).monday()
    if person.member_since is not None and person.member_since > window_start:
        return False  # new colleagues get time to find their way first
    return (sum(person.recent_spent_cents) <= QUIET_MAX_SHARE * allowance * weeks
            and sum(person.recent_gestures) <= QUIET_MAX_GESTURES)


@rule("quiet_mandate")
def quiet_mandate(report: WeeklyReport, lang: Lang) -> list[Prompt]:
    """People who used none or little of their allowance for several weeks: is the frame clear and safe?"""
    if not report.person_level:
        return []
    weeks = max((len(p.recent_spent_cents) for p in report.people), default=0)
    quiet = [p for p in report.people if weeks and _is_quiet(p, weeks, report)]
    quiet.sort(key=lambda p: (sum(p.recent_gestures), sum(p.recent_spent_cents), p.name, p.person_id))
    prompts = []
    for person in quiet[:QUIET_MAX_PROMPTS]:
        spent, gestures = sum(person.recent_spent_cents), sum(person.recent_gestures)
        monthly = report.month is not None
        # A monthly frame is named per month; a weekly one as the allowance of the weeks looked at.
        allowance = report.month.person(person.person_id)[1] if monthly else person.allowance_cents * weeks
        params = {"name": person.name, "spent": lang.money(spent), "allowance": lang.money(allowance),
                  "weeks": weeks, "gestures": gestures}
        facts = [fact(lang, "spent_weeks", lang.money(spent), gestures),
                 fact(lang, "allowance_month" if monthly else "allowance_weeks", lang.money(allowance)),
                 fact(lang, "weeks", str(weeks))]
        prompts.append(build(lang, report, kind="quiet_mandate", subject=f"person:{person.person_id}",
                             variant="month" if monthly else "", params=params, names=(person.name,),
                             facts=facts, evidence=(), setting=ONE_TO_ONE,
                             score=52 - gestures, n=gestures, person_ids=(person.person_id,),
                             confidence_note=lang.gettext("Based on %(weeks)s whole weeks of the ledger.",
                                                          weeks=weeks)))
    return prompts
