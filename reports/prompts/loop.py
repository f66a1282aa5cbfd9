"""The report follows the learning loop: `since_last_session`.

After a team's learning session the prompt speaks of that session: what it agreed (its actions with their
status, the frame it put into force) and how gestures, spend, reactions and the patterns it discussed moved
since. Until the team's first session it speaks of the last change of the frame, titled as such ("Since the
frame changed"), never as a session. Rates per week divide by the weeks WITH entries on each side.
"""

from dataclasses import replace

from ledger.i18n.labels import N_
from reports.i18n import Lang
from reports.model import TEAM_SESSION, Fact, MandateChange, Prompt, SessionLoop, WeeklyReport
from reports.prompts.base import build, fact, mean_fact
from reports.prompts.registry import rule

SINCE_MIN_N = 5  # gestures needed on each side before the numbers are compared
# Right after a session its follow-up is among the first things to raise; it fades a point a week.
SESSION_SCORE = 66
SESSION_SCORE_MIN = 56
FRAME_SCORE = 58
# The status words inside "2 actions (1 done, 1 open)".
STATUS_COUNTS = {"done": N_("%(n)s done"), "open": N_("%(n)s open"), "dropped": N_("%(n)s dropped")}
ACTION_STATUS = {"done": N_("done"), "open": N_("open"), "dropped": N_("dropped")}


def change_text(lang: Lang, change: MandateChange) -> str:
    """What a new version of the frame changed, in words ("cap per gesture €25.00 → €40.00")."""
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


def agreed_text(lang: Lang, loop: SessionLoop) -> str:
    """What the session agreed, in one phrase: its actions by status and the frame it changed."""
    parts = []
    if loop.actions:
        counts = {code: sum(1 for a in loop.actions if a.status == code) for code in STATUS_COUNTS}
        statuses = ", ".join(lang.gettext(STATUS_COUNTS[code], n=n) for code, n in counts.items() if n)
        parts.append(lang.ngettext("one action (%(statuses)s)", "%(num)s actions (%(statuses)s)",
                                   len(loop.actions), statuses=statuses))
    if loop.frame is not None:
        parts.append(lang.gettext("a new frame from %(date)s: %(change)s",
                                  date=lang.day(loop.frame.valid_from), change=change_text(lang, loop.frame)))
    elif any(a.frame_change and not a.applied for a in loop.actions):
        parts.append(lang.gettext("a change of the frame that is not applied yet"))
    return "; ".join(parts) or lang.gettext("no actions")


def _per_week(total: int, weeks: int) -> float:
    return total / weeks if weeks else 0.0


def _session_facts(lang: Lang, loop: SessionLoop, compared: bool) -> list[Fact]:
    """What was agreed; when there is enough on both sides, the numbers before and since too."""
    facts = [Fact(a.text, lang.gettext(ACTION_STATUS.get(a.status, a.status)), None, "action")
             for a in loop.actions]
    if loop.frame is not None:
        facts.append(Fact(lang.gettext("New frame"), change_text(lang, loop.frame), None, "frame"))
    if not compared:
        return facts
    facts += [
        fact(lang, "per_week_before", lang.num(_per_week(loop.gestures_before, loop.weeks_before)),
             loop.gestures_before),
        fact(lang, "per_week_after", lang.num(_per_week(loop.gestures_after, loop.weeks_after)),
             loop.gestures_after),
        fact(lang, "weeks_logged_before", str(loop.weeks_before)),
        fact(lang, "weeks_logged_after", str(loop.weeks_after)),
        mean_fact(lang, "reaction_before", loop.before), mean_fact(lang, "reaction_after", loop.after),
        fact(lang, "spent_week_before", lang.money(round(_per_week(loop.spent_before, loop.weeks_before)))),
        fact(lang, "spent_week_after", lang.money(round(_per_week(loop.spent_after, loop.weeks_after)))),
    ]
    for move in loop.patterns:
        words = (lang.label("kind", move.kind), lang.label("trigger", move.trigger))
        label = " · ".join(x for x in words if x)
        value = lang.gettext("%(before)s (n=%(before_n)s) → %(after)s (n=%(after_n)s)",
                             before=lang.num(move.before.mean), before_n=move.before.n,
                             after=lang.num(move.after.mean), after_n=move.after.n)
        facts.append(Fact(label, value, None, "pattern"))  # the value carries both n
    return facts


def _session_prompt(report: WeeklyReport, lang: Lang, loop: SessionLoop) -> Prompt:
    compared = loop.gestures_before >= SINCE_MIN_N and loop.gestures_after >= SINCE_MIN_N
    params = {
        "date": lang.day(loop.held_on), "agreed": agreed_text(lang, loop),
        "before_per_week": lang.num(_per_week(loop.gestures_before, loop.weeks_before)),
        "after_per_week": lang.num(_per_week(loop.gestures_after, loop.weeks_after)),
        "before_spent_week": lang.money(round(_per_week(loop.spent_before, loop.weeks_before))),
        "after_spent_week": lang.money(round(_per_week(loop.spent_after, loop.weeks_after))),
        "before_mean": lang.num(loop.before.mean), "after_mean": lang.num(loop.after.mean),
        "before_n": loop.before.n, "after_n": loop.after.n,
        "weeks_before": loop.weeks_before, "weeks_after": loop.weeks_after,
    }
    prompt = build(lang, report, kind="since_last_session", subject=f"session:{loop.session_id}",
                   variant="session" if compared else "early", params=params,
                   facts=_session_facts(lang, loop, compared), evidence=loop.story_ids, setting=TEAM_SESSION,
                   score=max(SESSION_SCORE_MIN, SESSION_SCORE - loop.weeks_since),
                   n=loop.gestures_before + loop.gestures_after)
    return _titled(prompt, lang.gettext("Since the last learning session"))


def _titled(prompt: Prompt, title: str) -> Prompt:
    return replace(prompt, title=title)


def _frame_prompt(report: WeeklyReport, lang: Lang) -> list[Prompt]:
    changes = [c for c in report.mandate_changes if c.before.n >= SINCE_MIN_N and c.after.n >= SINCE_MIN_N]
    if not changes:
        return []
    change = changes[-1]
    before_week = _per_week(change.gestures_before, change.weeks_before)
    after_week = _per_week(change.gestures_after, change.weeks_after)
    params = {"date": lang.day(change.valid_from), "change": change_text(lang, change),
              "before_per_week": lang.num(before_week), "after_per_week": lang.num(after_week),
              "before_mean": lang.num(change.before.mean), "after_mean": lang.num(change.after.mean),
              "before_n": change.before.n, "after_n": change.after.n, "weeks_before": change.weeks_before,
              "weeks_after": change.weeks_after}
    facts = [fact(lang, "per_week_before", lang.num(before_week), change.gestures_before),
             fact(lang, "per_week_after", lang.num(after_week), change.gestures_after),
             fact(lang, "weeks_logged_before", str(change.weeks_before)),
             fact(lang, "weeks_logged_after", str(change.weeks_after)),
             mean_fact(lang, "reaction_before", change.before),
             mean_fact(lang, "reaction_after", change.after),
             fact(lang, "spent_before", lang.money(change.spent_before)),
             fact(lang, "spent_after", lang.money(change.spent_after))]
    subject = f"mandate:{change.valid_from.isoformat()}"
    prompt = build(lang, report, kind="since_last_session", subject=subject, params=params, facts=facts,
                   evidence=(), setting=TEAM_SESSION, score=FRAME_SCORE, n=change.before.n + change.after.n)
    return [_titled(prompt, lang.gettext("Since the frame changed"))]


@rule("since_last_session")
def since_last_session(report: WeeklyReport, lang: Lang) -> list[Prompt]:
    """Since the last learning session (in the window); before the first one, since the frame changed."""
    if report.last_session is not None:
        return [_session_prompt(report, lang, report.last_session)]
    return _frame_prompt(report, lang)
