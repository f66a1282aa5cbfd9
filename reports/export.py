"""The weekly report and its prompts as JSON, CSV and plain text (for downloads, the CLI and the digest).

JSON keeps the structure (team, week, totals, people, groups, trend, prompts). CSV is one tidy table,
`section, subject, label, measure, value, n`, so a spreadsheet can filter and pivot every number; money
stays in cents there, as in the database. Person data appears only in person-level reports.
"""

import csv
import io
import json
from dataclasses import asdict

from reports.i18n import Lang, lang_for
from reports.model import Group, Prompt, Stat, WeeklyReport


def stat_dict(stat: Stat) -> dict:
    """A Stat as JSON-ready numbers (means rounded to 3 decimals)."""
    def r(x):
        return None if x is None else round(x, 3)
    return {"n": stat.n, "mean": r(stat.mean), "shrunk": r(stat.shrunk), "low": r(stat.low),
            "high": r(stat.high), "delighted": stat.delighted, "flat": stat.flat,
            "delighted_share": r(stat.delighted_share)}


def prompt_dict(prompt: Prompt, lang: Lang | None = None) -> dict:
    """A Prompt as JSON-ready data (with the labels of its kind and setting when a language is given)."""
    labels = {"kind_label": lang.label("prompt_kind", prompt.kind),
              "setting_label": lang.label("setting", prompt.setting)} if lang else {}
    return {"key": prompt.key, "kind": prompt.kind, **labels, "question": prompt.question, "why": prompt.why,
            "facts": [asdict(f) for f in prompt.facts], "evidence": list(prompt.evidence),
            "setting": prompt.setting, "confidence": prompt.confidence, "suggestion": prompt.suggestion,
            "score": prompt.score, "person_ids": list(prompt.person_ids)}


def _group_dict(group: Group, label: str) -> dict:
    return {"code": group.code, "label": label, "spent_cents": group.spent_cents, **stat_dict(group.stat)}


def report_dict(report: WeeklyReport) -> dict:
    """The whole report as JSON-ready data; codes keep their one label beside them (report.lang)."""
    t, lang = report.totals, lang_for(report.lang)
    return {
        "team": {"id": report.team_id, "name": report.team_name, "timezone": report.timezone},
        "week": str(report.week), "start": report.start.isoformat(), "end": report.end.isoformat(),
        "complete": report.complete, "lang": report.lang, "person_level": report.person_level,
        "totals": {"gestures": t.gestures, "people_active": t.people_active, "members": t.members,
                   "spent_cents": t.spent_cents, "allowance_cents": t.allowance_cents,
                   "over_frame": t.over_frame, "over_cap": t.over_cap, "over_allowance": t.over_allowance,
                   "appreciated": t.appreciated, "appreciations": t.appreciations,
                   "effort_minutes": t.effort_minutes, "effort_minutes_known": t.effort_known,
                   "reaction": stat_dict(t.reaction)},
        "frame": {"cap_cents": report.cap_cents, "allowance_cents": report.allowance_cents},
        "window_weeks": report.window_weeks, "window_reaction": stat_dict(report.window_totals),
        "people": [{"person_id": p.person_id, "name": p.name, "gestures": p.gestures,
                    "spent_cents": p.spent_cents, "allowance_cents": p.allowance_cents,
                    "over_frame": p.over_frame, "appreciations": p.appreciations,
                    "reaction": stat_dict(p.reaction), "window_reaction": stat_dict(p.window_reaction)}
                   for p in report.people],
        "by_kind": [_group_dict(g, lang.label("kind", g.code)) for g in report.by_kind],
        "by_trigger": [_group_dict(g, lang.label("trigger", g.code)) for g in report.by_trigger],
        "by_cost_band": [_group_dict(g, lang.label("band", g.code)) for g in report.by_band],
        "by_kind_trigger": [_group_dict(g, lang.pair(g.code)) for g in report.by_kind_trigger],
        "follow_ups": {c.code: c.n for c in report.follow_ups},
        "trend": [{"week": str(p.week), "gestures": p.gestures, "spent_cents": p.spent_cents,
                   "people_active": p.people_active, "reaction": stat_dict(p.reaction)}
                  for p in report.trend],
        "prompts": [prompt_dict(p, lang) for p in report.prompts],
    }


def to_json(report: WeeklyReport) -> str:
    """The report as pretty-printed UTF-8 JSON."""
    return json.dumps(report_dict(report), ensure_ascii=False, indent=2)


CSV_HEADER = ("section", "subject", "label", "measure", "value", "n")


def _stat_rows(section: str, subject: str, label: str, stat: Stat, spent: int | None = None):
    rows = [(section, subject, label, "mean_reaction", _round(stat.mean), stat.n),
            (section, subject, label, "shrunk_reaction", _round(stat.shrunk), stat.n),
            (section, subject, label, "delighted_share", _round(stat.delighted_share), stat.n)]
    if spent is not None:
        rows.append((section, subject, label, "spent_cents", spent, stat.n))
    return rows


def _round(x):
    return "" if x is None else round(x, 3)


def csv_rows(report: WeeklyReport, lang: Lang | None = None) -> list[tuple]:
    """Every figure and prompt of the report as tidy rows (see CSV_HEADER)."""
    lang = lang or lang_for(report.lang)
    t, week = report.totals, str(report.week)
    rows = [("totals", week, report.team_name, name, value, "") for name, value in (
        ("gestures", t.gestures), ("people_active", t.people_active), ("spent_cents", t.spent_cents),
        ("allowance_cents", "" if t.allowance_cents is None else t.allowance_cents),
        ("over_frame", t.over_frame), ("appreciated", t.appreciated))]
    rows += _stat_rows("totals", week, report.team_name, t.reaction)
    for p in report.people:
        subject = str(p.person_id)
        rows += [("person", subject, p.name, "gestures", p.gestures, ""),
                 ("person", subject, p.name, "spent_cents", p.spent_cents, p.gestures),
                 ("person", subject, p.name, "allowance_cents", "" if p.allowance_cents is None
                  else p.allowance_cents, ""),
                 ("person", subject, p.name, "mean_reaction", _round(p.reaction.mean), p.reaction.n)]
    for section, groups, label in (("kind", report.by_kind, lambda c: lang.label("kind", c)),
                                   ("trigger", report.by_trigger, lambda c: lang.label("trigger", c)),
                                   ("cost_band", report.by_band, lambda c: lang.label("band", c)),
                                   ("kind_trigger", report.by_kind_trigger, lang.pair)):
        for g in groups:
            rows += _stat_rows(section, g.code, label(g.code), g.stat, g.spent_cents)
    for p in report.trend:
        rows += [("week", str(p.week), str(p.week), "gestures", p.gestures, ""),
                 ("week", str(p.week), str(p.week), "spent_cents", p.spent_cents, p.gestures),
                 ("week", str(p.week), str(p.week), "mean_reaction", _round(p.reaction.mean), p.reaction.n)]
    for p in report.prompts:
        label = lang.label("prompt_kind", p.kind)
        rows += [("prompt", p.key, label, measure, value, "") for measure, value in (
            ("question", p.question), ("why", p.why), ("suggestion", p.suggestion), ("setting", p.setting),
            ("confidence", p.confidence), ("evidence", " ".join(p.evidence)), ("score", p.score))]
        rows += [("prompt", p.key, label, f"fact:{f.code}", f.value, "" if f.n is None else f.n)
                 for f in p.facts]
    return rows


def to_csv(report: WeeklyReport, *, delimiter: str = ",") -> str:
    """The report as one tidy CSV table with a header row (CRLF line ends, as spreadsheets write)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(CSV_HEADER)
    writer.writerows(csv_rows(report))
    return out.getvalue()


def _text_totals(report: WeeklyReport, lang: Lang) -> list[str]:
    t, _ = report.totals, lang.gettext
    return [_("Gestures: %(n)s (people giving: %(people)s)", n=t.gestures, people=t.people_active),
            _("Spent: %(spent)s of a weekly frame of %(allowance)s", spent=lang.money(t.spent_cents),
              allowance=lang.money(t.allowance_cents)),
            _("Mean reaction: %(mean)s (n=%(n)s)", mean=lang.num(t.reaction.mean), n=t.reaction.n),
            _("Beyond the frame: %(n)s", n=t.over_frame),
            _("Appreciated: %(n)s of %(total)s", n=t.appreciated, total=t.gestures), ""]


def _text_prompt(i: int, p: Prompt, lang: Lang) -> list[str]:
    _ = lang.gettext
    lines = [f"{i}. [{lang.label('prompt_kind', p.kind)} · {lang.label('setting', p.setting)}]",
             f"   {p.question}", f"   {_('Why')}: {p.why}", f"   {_('Try this week')}: {p.suggestion}",
             f"   {p.confidence}"]
    if p.evidence:
        lines.append("   " + lang.ngettext("Evidence: 1 gesture", "Evidence: %(n)s gestures", len(p.evidence),
                                           n=len(p.evidence)))
    return [*lines, ""]


def to_text(report: WeeklyReport) -> str:
    """A plain-text summary for the terminal: headline numbers, then the prompts in rank order."""
    lang = lang_for(report.lang)
    title = lang.gettext("Weekly report — %(team)s, %(week)s", team=report.team_name, week=str(report.week))
    lines = [title, ""]
    if not report.complete:
        lines += [lang.gettext("This week is not over yet: the numbers will still change."), ""]
    lines += _text_totals(report, lang)
    if not report.prompts:
        lines.append(lang.gettext("No conversation prompts this week: the data is too thin for an honest "
                                  "question."))
    for i, p in enumerate(report.prompts, 1):
        lines += _text_prompt(i, p, lang)
    return "\n".join(lines).rstrip() + "\n"
