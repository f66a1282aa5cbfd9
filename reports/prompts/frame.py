"""Prompts about the frame itself: gestures beyond it this week, and what changed since it last moved."""

from ledger.i18n.labels import N_
from ledger.queries import OVER_FRAME_CHECKS
from reports.i18n import Lang
from reports.model import ONE_TO_ONE, TEAM_SESSION, MandateChange, Prompt, WeeklyReport
from reports.prompts import rule
from reports.prompts.base import build, fact, mean_fact

OVER_FRAME_MIN = 1  # every gesture beyond the frame is worth a conversation
OVER_FRAME_PERSON_MIN = 2  # a person-level prompt only when one person went beyond it this often
OVER_FRAME_BASE_SCORE = 56  # ranking: one over-frame gesture (60) ranks with a €16 spend contrast (68)
SINCE_MIN_N = 5  # gestures needed on each side of a mandate change
# How the team prompt names each way of going beyond the frame.
OVER_FRAME_PARTS = {
    "over_cap": N_("%(n)s over the cap of %(cap)s"),
    "over_allowance": N_("%(n)s over the allowance"),
    "outside_kinds": N_("%(n)s of a kind outside the frame"),
}


@rule("over_frame")
def over_frame(report: WeeklyReport, lang: Lang) -> list[Prompt]:
    """Gestures over the cap or allowance this week: what did the situation ask for; should the frame move?"""
    briefs = report.over_frame
    if len(briefs) < OVER_FRAME_MIN:
        return []
    checks = [b.mandate_check for b in briefs]
    spent = sum(b.cost_cents for b in briefs)
    mean = sum(b.reaction for b in briefs) / len(briefs)
    counts = {code: checks.count(code) for code in OVER_FRAME_CHECKS}
    parts = ", ".join(lang.gettext(OVER_FRAME_PARTS[code], n=n, cap=lang.money(report.cap_cents))
                      for code, n in counts.items() if n)
    params = {"n": len(briefs), "parts": parts, "spent": lang.money(spent), "mean": lang.num(mean)}
    facts = [fact(lang, "over_frame", str(len(briefs))), fact(lang, "over_cap", str(counts["over_cap"])),
             fact(lang, "over_allowance", str(counts["over_allowance"])),
             fact(lang, "spent_over_frame", lang.money(spent), len(briefs)),
             fact(lang, "mean_reaction", lang.num(mean), len(briefs))]
    # One gesture over the frame is a first hint; several in a week say more about the frame itself.
    score = OVER_FRAME_BASE_SCORE + 4 * min(len(briefs), 6)
    prompts = [build(lang, report, kind="over_frame", subject="team", params=params, facts=facts,
                     evidence=[b.id for b in briefs], setting=TEAM_SESSION, score=score,
                     n=len(briefs))]
    if report.person_level:
        prompts += _per_person(report, lang)
    return prompts


def _per_person(report: WeeklyReport, lang: Lang) -> list[Prompt]:
    prompts = []
    for person in report.people:
        briefs = [b for b in report.over_frame if b.person_id == person.person_id]
        if len(briefs) < OVER_FRAME_PERSON_MIN:
            continue
        spent = sum(b.cost_cents for b in briefs)
        params = {"name": person.name, "n": len(briefs), "spent": lang.money(spent)}
        facts = [fact(lang, "over_frame", str(len(briefs))),
                 fact(lang, "spent_over_frame", lang.money(spent))]
        prompts.append(build(lang, report, kind="over_frame", subject=f"person:{person.person_id}",
                             variant="person", params=params, facts=facts, evidence=[b.id for b in briefs],
                             names=(person.name,),
                             setting=ONE_TO_ONE, score=62 + len(briefs), n=len(briefs),
                             person_ids=(person.person_id,)))
    return prompts


def _change_text(lang: Lang, change: MandateChange) -> str:
    parts = []
    if change.cap_before != change.cap_after:
        parts.append(lang.gettext("cap per gesture %(before)s → %(after)s",
                                  before=lang.money(change.cap_before), after=lang.money(change.cap_after)))
    if change.allowance_before != change.allowance_after or change.period_before != change.period_after:
        parts.append(lang.gettext("allowance %(before)s → %(after)s per %(period)s",
                                  before=lang.money(change.allowance_before),
                                  after=lang.money(change.allowance_after),
                                  period=lang.label("period", change.period_after)))
    return ", ".join(parts) or lang.gettext("new agreements")


@rule("since_last_session")
def since_last_session(report: WeeklyReport, lang: Lang) -> list[Prompt]:
    """What changed after the latest mandate change inside the window (until learning sessions exist)."""
    changes = [c for c in report.mandate_changes if c.before.n >= SINCE_MIN_N and c.after.n >= SINCE_MIN_N]
    if not changes:
        return []
    change = changes[-1]
    before_week = change.gestures_before / change.weeks_before
    after_week = change.gestures_after / change.weeks_after
    params = {"date": lang.day(change.valid_from), "change": _change_text(lang, change),
              "before_per_week": lang.num(before_week), "after_per_week": lang.num(after_week),
              "before_mean": lang.num(change.before.mean), "after_mean": lang.num(change.after.mean),
              "before_n": change.before.n, "after_n": change.after.n, "weeks_before": change.weeks_before,
              "weeks_after": change.weeks_after}
    facts = [fact(lang, "per_week_before", lang.num(before_week), change.gestures_before),
             fact(lang, "per_week_after", lang.num(after_week), change.gestures_after),
             mean_fact(lang, "reaction_before", change.before),
             mean_fact(lang, "reaction_after", change.after),
             fact(lang, "spent_before", lang.money(change.spent_before)),
             fact(lang, "spent_after", lang.money(change.spent_after))]
    return [build(lang, report, kind="since_last_session", subject=f"mandate:{change.valid_from.isoformat()}",
                  params=params, facts=facts, evidence=(), setting=TEAM_SESSION, score=58,
                  n=change.before.n + change.after.n)]
