"""The weekly report and its prompts as JSON, CSV and plain text (for downloads, the CLI and the digest).

JSON keeps the structure (team, week, totals, people, groups, trend, prompts). CSV is one tidy table,
`section, subject, label, measure, value, n, cents`, so a spreadsheet can filter and pivot every number,
written in the reader's spreadsheet convention (Dutch: ";" and a decimal comma). Both keep every prompt
with its rank; the text keeps the few shown first. Person data appears only in person-level reports.
"""

import csv
import io
import json
from dataclasses import asdict, dataclass

from ledger import csv_cells
from reports.i18n import Lang, lang_for
from reports.model import Group, Prompt, Review, Stat, WeeklyReport


def stat_dict(stat: Stat) -> dict:
    """A Stat as JSON-ready numbers (means rounded to 3 decimals)."""
    def r(x):
        return None if x is None else round(x, 3)
    return {"n": stat.n, "mean": r(stat.mean), "shrunk": r(stat.shrunk), "low": r(stat.low),
            "high": r(stat.high), "delighted": stat.delighted, "flat": stat.flat,
            "delighted_share": r(stat.delighted_share)}


def prompt_dict(prompt: Prompt, lang: Lang | None = None) -> dict:
    """A Prompt as JSON-ready data (with the labels of its kind and setting when a language is given)."""
    labels = {"kind_label": prompt.title or lang.label("prompt_kind", prompt.kind),
              "setting_label": lang.label("setting", prompt.setting)} if lang else {}
    return {"key": prompt.key, "kind": prompt.kind, **labels, "question": prompt.question, "why": prompt.why,
            "facts": [asdict(f) for f in prompt.facts], "evidence": list(prompt.evidence),
            "setting": prompt.setting, "confidence": prompt.confidence, "suggestion": prompt.suggestion,
            "score": prompt.score, "rank": prompt.rank, "shown_first": prompt.shown,
            "person_ids": list(prompt.person_ids)}


def _group_dict(group: Group, label: str) -> dict:
    return {"code": group.code, "label": label, "spent_cents": group.spent_cents, **stat_dict(group.stat)}


def _month_dict(report: WeeklyReport) -> dict | None:
    month = report.month
    if month is None:
        return None
    return {"from": month.first_day.isoformat(), "to": month.last_day.isoformat(),
            "spent_cents": month.spent_cents, "allowance_cents": month.allowance_cents,
            "people": [{"person_id": pid, "spent_cents": spent, "allowance_cents": allowance}
                       for pid, spent, allowance in month.per_person if report.person_level]}


def report_dict(report: WeeklyReport) -> dict:
    """The whole report as JSON-ready data; codes keep their one label beside them (report.lang)."""
    t, lang = report.totals, lang_for(report.lang, report.currency)
    return {
        "team": {"id": report.team_id, "name": report.team_name, "timezone": report.timezone},
        "week": str(report.week), "start": report.start.isoformat(), "end": report.end.isoformat(),
        "complete": report.complete, "started": report.started, "lang": report.lang,
        "person_level": report.person_level,
        "totals": {"gestures": t.gestures, "people_active": t.people_active, "members": t.members,
                   "spent_cents": t.spent_cents, "allowance_cents": t.allowance_cents,
                   "over_frame": t.over_frame, "over_cap": t.over_cap, "over_allowance": t.over_allowance,
                   "appreciated": t.appreciated, "appreciations": t.appreciations,
                   "effort_minutes": t.effort_minutes, "effort_minutes_known": t.effort_known,
                   "reaction": stat_dict(t.reaction)},
        "frame": {"cap_cents": report.cap_cents, "allowance_cents": report.allowance_cents,
                  "period": report.period, "month": _month_dict(report)},
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


CSV_HEADER = ("section", "subject", "label", "measure", "value", "n", "cents")
# The first characters that make a spreadsheet read a cell as a formula (or strip it to one): such a text
# cell gets a leading apostrophe, which Excel and LibreOffice show as plain text.
FORMULA_STARTS = csv_cells.FORMULA_STARTS  # the one list and helper in ledger/ (issue 12)


@dataclass(frozen=True)
class CsvConvention:
    """How a language's spreadsheets read CSV: separator, decimal mark and whether a BOM is wanted."""

    delimiter: str
    decimal: str
    bom: bool


# Dutch Excel splits on ";" and reads "4,25" as a number, and needs the BOM to read UTF-8; English uses ",".
CSV_CONVENTIONS = {"nl": CsvConvention(";", ",", True), "en": CsvConvention(",", ".", False)}


class Money(int):
    """Cents in a CSV row: written as euros with two decimals, the cents kept in their own column."""


def neutralise(text: str) -> str:
    """A text cell a spreadsheet will not run as a formula (formula injection)."""
    return csv_cells.safe_cell(text)


def _cell(value, convention: CsvConvention) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, Money):
        return f"{value / 100:.2f}".replace(".", convention.decimal)
    if isinstance(value, float):
        return f"{value:.3f}".rstrip("0").rstrip(".").replace(".", convention.decimal)
    if isinstance(value, int):
        return str(value)
    return neutralise(str(value))


def _stat_rows(section: str, subject: str, label: str, stat: Stat, spent: int | None = None):
    rows = [(section, subject, label, "mean_reaction", stat.mean, stat.n),
            (section, subject, label, "shrunk_reaction", stat.shrunk, stat.n),
            (section, subject, label, "delighted_share", stat.delighted_share, stat.n)]
    if spent is not None:
        rows.append((section, subject, label, "spent", Money(spent), stat.n))
    return rows


def _money(cents: int | None):
    return "" if cents is None else Money(cents)


def csv_rows(report: WeeklyReport, lang: Lang | None = None) -> list[tuple]:
    """Every figure and prompt of the report as tidy rows (see CSV_HEADER, without the cents column)."""
    lang = lang or lang_for(report.lang, report.currency)
    t, week = report.totals, str(report.week)
    rows = [("totals", week, report.team_name, name, value, "") for name, value in (
        ("gestures", t.gestures), ("people_active", t.people_active), ("spent", Money(t.spent_cents)),
        ("allowance", _money(t.allowance_cents)), ("over_frame", t.over_frame),
        ("appreciated", t.appreciated))]
    if report.month is not None:
        month = f"{report.month.first_day.isoformat()}/{report.month.last_day.isoformat()}"
        rows += [("month", month, report.team_name, "spent", Money(report.month.spent_cents), ""),
                 ("month", month, report.team_name, "allowance", Money(report.month.allowance_cents), "")]
    rows += _stat_rows("totals", week, report.team_name, t.reaction)
    for p in report.people:
        subject = str(p.person_id)
        rows += [("person", subject, p.name, "gestures", p.gestures, ""),
                 ("person", subject, p.name, "spent", Money(p.spent_cents), p.gestures),
                 ("person", subject, p.name, "allowance", _money(p.allowance_cents), ""),
                 ("person", subject, p.name, "mean_reaction", p.reaction.mean, p.reaction.n)]
    for section, groups, label in (("kind", report.by_kind, lambda c: lang.label("kind", c)),
                                   ("trigger", report.by_trigger, lambda c: lang.label("trigger", c)),
                                   ("cost_band", report.by_band, lambda c: lang.label("band", c)),
                                   ("kind_trigger", report.by_kind_trigger, lang.pair)):
        for g in groups:
            rows += _stat_rows(section, g.code, label(g.code), g.stat, g.spent_cents)
    for p in report.trend:
        rows += [("week", str(p.week), str(p.week), "gestures", p.gestures, ""),
                 ("week", str(p.week), str(p.week), "spent", Money(p.spent_cents), p.gestures),
                 ("week", str(p.week), str(p.week), "mean_reaction", p.reaction.mean, p.reaction.n)]
    for p in report.prompts:
        rows += _prompt_rows(p, lang)
    return rows


def _prompt_rows(p: Prompt, lang: Lang) -> list[tuple]:
    label = p.title or lang.label("prompt_kind", p.kind)
    rows = [("prompt", p.key, label, measure, value, "") for measure, value in (
        ("rank", p.rank), ("shown_first", int(p.shown)), ("question", p.question), ("why", p.why),
        ("suggestion", p.suggestion), ("setting", p.setting), ("confidence", p.confidence),
        ("evidence", " ".join(p.evidence)), ("score", float(p.score)))]
    return rows + [("prompt", p.key, label, f"fact:{f.code}", f.value, "" if f.n is None else f.n)
                   for f in p.facts]


def to_csv(report: WeeklyReport, *, lang: str | None = None) -> str:
    """The report as one tidy CSV table in the language's spreadsheet convention (see CSV_CONVENTIONS).

    Dutch: ";" between cells, decimal comma, a BOM so Excel reads UTF-8; English: "," and ".". Money is
    in euros with two decimals, its cents in the last column for tools; text cells never start a formula.
    """
    convention = CSV_CONVENTIONS.get(lang or report.lang, CSV_CONVENTIONS["en"])
    out = io.StringIO()
    writer = csv.writer(out, delimiter=convention.delimiter)
    writer.writerow(CSV_HEADER)
    for row in csv_rows(report):
        cents = row[4] if isinstance(row[4], Money) else ""
        writer.writerow([_cell(v, convention) for v in row] + [_cell(int(cents), convention) if cents != ""
                                                                else ""])
    return ("\ufeff" if convention.bom else "") + out.getvalue()


def frame_line(report: WeeklyReport, lang: Lang) -> str:
    """The spend against the frame as agreed: per week, or for a monthly frame month to date."""
    t, month = report.totals, report.month
    if month is not None:
        return lang.gettext("Spent this week: %(spent)s. %(month)s up to %(day)s: %(month_spent)s of "
                            "%(allowance)s (allowance per month)", spent=lang.money(t.spent_cents),
                            month=lang.month(month.first_day), day=lang.day(month.last_day),
                            month_spent=lang.money(month.spent_cents),
                            allowance=lang.money(month.allowance_cents))
    if t.allowance_cents is None:
        return lang.gettext("Spent: %(spent)s", spent=lang.money(t.spent_cents))
    return lang.gettext("Spent: %(spent)s of a weekly frame of %(allowance)s",
                        spent=lang.money(t.spent_cents), allowance=lang.money(t.allowance_cents))


def follow_up_line(review: Review, lang: Lang) -> str:
    """One earlier prompt marked discussed, as the report follows up on it."""
    kind = lang.label("prompt_kind", review.kind)
    if review.helped is True:
        return lang.gettext("Week %(week)s: you discussed “%(kind)s”, and it helped. What has changed since?",
                            week=review.week.week, kind=kind)
    if review.helped is False:
        return lang.gettext("Week %(week)s: you discussed “%(kind)s”; it did not help much. Is there "
                            "another way in?", week=review.week.week, kind=kind)
    return lang.gettext("Week %(week)s: you discussed “%(kind)s”. What came of it — did it help?",
                        week=review.week.week, kind=kind)


def _text_totals(report: WeeklyReport, lang: Lang) -> list[str]:
    t, _ = report.totals, lang.gettext
    return [_("Gestures: %(n)s (people giving: %(people)s)", n=t.gestures, people=t.people_active),
            frame_line(report, lang),
            _("Mean reaction: %(mean)s (n=%(n)s)", mean=lang.num(t.reaction.mean), n=t.reaction.n),
            _("Beyond the frame: %(n)s", n=t.over_frame),
            _("Appreciated: %(n)s of %(total)s", n=t.appreciated, total=t.gestures), ""]


def _text_prompt(i: int, p: Prompt, lang: Lang) -> list[str]:
    _ = lang.gettext
    lines = [f"{i}. [{p.title or lang.label('prompt_kind', p.kind)} · {lang.label('setting', p.setting)}]",
             f"   {_('Why')}: {p.why}", f"   {_('Ask')}: {p.question}",
             f"   {_('Try this week')}: {p.suggestion}", f"   {p.confidence}"]
    if p.evidence:
        lines.append("   " + lang.ngettext("Evidence: 1 gesture", "Evidence: %(n)s gestures", len(p.evidence),
                                           n=len(p.evidence)))
    return [*lines, ""]


def _text_more(report: WeeklyReport, lang: Lang) -> list[str]:
    more = report.more_prompts
    if not more:
        return []
    lines = [lang.ngettext("%(num)s more conversation (on the report page, or with --format json):",
                           "%(num)s more conversations (on the report page, or with --format json):",
                           len(more))]
    lines += [f"   {p.rank}. {p.title or lang.label('prompt_kind', p.kind)}: {p.question}" for p in more]
    return [*lines, ""]


def to_text(report: WeeklyReport) -> str:
    """A plain-text summary for the terminal: headline numbers, the prompts shown first, then the rest."""
    lang = lang_for(report.lang, report.currency)
    title = lang.gettext("Weekly report — %(team)s, %(week)s", team=report.team_name, week=str(report.week))
    lines = [title, ""]
    if not report.started:
        return "\n".join([*lines, lang.gettext("No report yet: this week has not started.")]) + "\n"
    if not report.complete:
        lines += [lang.gettext("This week is not over yet: the numbers will still change."), ""]
    lines += _text_totals(report, lang)
    if report.discussed:
        lines += [lang.gettext("Following up"), *(f"   {follow_up_line(r, lang)}" for r in report.discussed),
                  ""]
    if not report.prompts:
        lines.append(lang.gettext("No conversation prompts this week: the data is too thin for an honest "
                                  "question."))
    for p in report.shown_prompts:
        lines += _text_prompt(p.rank, p, lang)
    lines += _text_more(report, lang)
    return "\n".join(lines).rstrip() + "\n"
