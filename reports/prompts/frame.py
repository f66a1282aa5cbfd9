"""Prompts about the frame itself: gestures beyond it this week (what changed since it last moved, and
since the last learning session, is reports.prompts.loop)."""

from ledger.i18n.labels import N_
from ledger.queries import OVER_FRAME_CHECKS
from reports.i18n import Lang
from reports.model import ONE_TO_ONE, TEAM_SESSION, Prompt, WeeklyReport
from reports.prompts.base import build, fact
from reports.prompts.registry import rule

OVER_FRAME_MIN = 1  # every gesture beyond the frame is worth a conversation
OVER_FRAME_PERSON_MIN = 2  # a person-level prompt only when one person went beyond it this often
OVER_FRAME_BASE_SCORE = 56  # ranking: one over-frame gesture (60) ranks with a €16 spend contrast (68)
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
