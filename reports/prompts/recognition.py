"""Prompts that make good work visible: the story of the week and work nobody has appreciated yet."""

from reports.i18n import Lang
from reports.model import ONE_TO_ONE, TEAM_SESSION, Prompt, WeeklyReport
from reports.prompts.base import build, fact
from reports.prompts.registry import rule

STORY_QUOTE_CHARS = 120  # the story is quoted up to this length in the question
UNSEEN_MIN = 3  # well-received gestures without any appreciation before the team prompt speaks
UNSEEN_EVIDENCE = 10
UNSEEN_PERSON_MIN_GESTURES = 5  # a person's gestures over the window, none appreciated


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= STORY_QUOTE_CHARS else text[:STORY_QUOTE_CHARS - 1].rstrip() + "…"


@rule("story_of_week")
def story_of_week(report: WeeklyReport, lang: Lang) -> list[Prompt]:
    """A well-received gesture with a good description, to be told in the session."""
    if not report.stories:
        return []
    story = report.stories[0]  # best reaction, then the fullest story (ordered in SQL)
    named = report.person_level and bool(story.person_name)
    note = ""
    if story.reaction_note:
        note = lang.gettext(" The customer: “%(note)s”", note=_quote(story.reaction_note))
    params = {"name": story.person_name, "story": _quote(story.description),
              "pair": lang.pair(f"{story.kind}|{story.trigger}"), "reaction": story.reaction,
              "reaction_label": lang.label("reaction", str(story.reaction)),
              "cost": lang.money(story.cost_cents),
              "note": note}
    facts = [fact(lang, "reaction", f"{story.reaction}/5"), fact(lang, "cost", params["cost"]),
             fact(lang, "pair", params["pair"])]
    if story.follow_up:
        facts.append(fact(lang, "follow_up", lang.label("follow_up", story.follow_up)))
    return [build(lang, report, kind="story_of_week", subject=story.id, variant="named" if named else "team",
                  params=params, facts=facts, evidence=(story.id,), setting=TEAM_SESSION,
                  names=(story.person_name,) if named else (),
                  score=60 + story.reaction, n=1, person_ids=(story.person_id,) if named else (),
                  confidence_note=lang.gettext(
                      "One gesture, told as a story: an example to learn from, not a pattern."))]


@rule("unseen_work")
def unseen_work(report: WeeklyReport, lang: Lang) -> list[Prompt]:
    """Well-received gestures nobody appreciated; people whose gestures are never appreciated."""
    prompts = []
    unseen = report.unappreciated
    delighted = report.totals.reaction.delighted
    if len(unseen) >= UNSEEN_MIN:
        params = {"n": len(unseen), "delighted_n": delighted}
        facts = [fact(lang, "unappreciated", str(len(unseen)), delighted),
                 fact(lang, "appreciated", str(report.totals.appreciated), report.totals.gestures)]
        prompts.append(build(lang, report, kind="unseen_work", subject="team", params=params, facts=facts,
                             evidence=[b.id for b in unseen[:UNSEEN_EVIDENCE]], setting=TEAM_SESSION,
                             score=40 + min(len(unseen), 10), n=delighted))
    if report.person_level:
        for person in report.people:
            if person.window_gestures < UNSEEN_PERSON_MIN_GESTURES or person.window_appreciated:
                continue
            params = {"name": person.name, "n": person.window_gestures, "weeks": report.window_weeks}
            prompts.append(build(lang, report, kind="unseen_work", subject=f"person:{person.person_id}",
                                 variant="person", params=params, names=(person.name,),
                                 facts=[fact(lang, "window_gestures", str(person.window_gestures)),
                                        fact(lang, "appreciated", "0", person.window_gestures)],
                                 evidence=person.gesture_ids, setting=ONE_TO_ONE,
                                 score=42 + min(person.window_gestures, 10), n=person.window_gestures,
                                 person_ids=(person.person_id,)))
    return prompts
