"""One label per code on every surface (STYLE rule 12): the tablet, the report page, print, CSV, JSON, the
digest and the CLI show the same words for a kind, trigger, reaction, follow-up, mandate check, prompt kind
and setting, in Dutch and in English.

Every surface is rendered from one scene (a busy team, plus one gesture per kind, trigger, reaction,
follow-up and over-frame check, and one prompt of every kind) and searched for the label that
ledger/i18n/labels.py gives each code. The code × surface table is written to
test-artifacts/vocabulary-<lang>.md (paste it into a closing note); run just this file to refresh it:
`.venv/bin/python -m pytest tests/test_vocabulary.py -q`.
"""

import html
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from flask.cli import ScriptInfo

from ledger.i18n import labels
from ledger.vocab import FollowUp, Kind, Trigger
from reports.digest import build_digests
from reports.i18n import lang_for
from reports.model import ONE_TO_ONE, TEAM_SESSION, Prompt
from reports.prompts import KINDS as PROMPT_KINDS
from tests.reports.builders import add
from tests.reports.scenes import NOW, WEEK, busy_team, sign_in
from tests.web.signin import enrol, sign_in_with_pin

ROOT = Path(__file__).resolve().parents[1]
SURFACES = ("tablet", "report", "print", "csv", "json", "digest", "cli")
OVER_FRAME = ("over_cap", "over_allowance", "outside_kinds")  # "within" and "no_mandate" are never shown
# Where each vocabulary is shown at all (the tablet is the log page and the giver's own history).
SHOWN = {
    "kind": {"tablet", "report", "print", "csv", "json"},
    "trigger": {"tablet", "report", "print", "csv", "json"},
    "reaction": {"tablet", "report", "print"},
    "follow_up": {"tablet", "report", "print"},
    "mandate_check": {"tablet", "report", "print"},
    "prompt_kind": {"report", "print", "csv", "json", "digest", "cli"},
    "setting": {"report", "print", "json", "cli"},
}
CODES = {
    "kind": [k.value for k in Kind], "trigger": [t.value for t in Trigger], "reaction": [1, 2, 3, 4, 5],
    "follow_up": [f.value for f in FollowUp], "mandate_check": list(OVER_FRAME),
    "prompt_kind": list(PROMPT_KINDS), "setting": [ONE_TO_ONE, TEAM_SESSION],
}


def _extra_gestures(session, scene) -> list[str]:
    """One gesture for every kind, trigger, reaction, follow-up and over-frame check, in the week."""
    start = scene.gestures[0].occurred_at
    rows = [add(session, scene.team, scene.staff[0], start, kind=list(Kind)[i % 7], trigger=list(Trigger)[i],
                reaction=i % 5 + 1, follow_up=list(FollowUp)[i % 4], check=OVER_FRAME[i % 3], cost=700,
                description=f"Extra gesture {i}") for i in range(8)]
    return [str(r.origin_id) for r in rows]


def _prompts(evidence: list[str]):
    def every_kind(report, lang="en", *, currency="EUR"):
        return [Prompt(key=f"{kind}:{report.week}:all", kind=kind, question="?", why="-", facts=(),
                       evidence=tuple(evidence), setting=(ONE_TO_ONE, TEAM_SESSION)[i % 2], confidence="-",
                       suggestion="-", score=100 - i) for i, kind in enumerate(PROMPT_KINDS)]
    return every_kind


def _text(body: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", " ", body))


def _render(app, client, session, scene, lang: str) -> dict[str, str]:
    headers = {"Accept-Language": lang}
    team = scene.team
    sign_in_with_pin(client, scene.staff[0], enrol(client, session, team))
    tablet = client.get("/log", headers=headers).get_data(as_text=True)
    tablet += client.get("/me", headers=headers).get_data(as_text=True)
    client.delete_cookie("session")
    sign_in(client, scene.manager)
    base = f"/reports/{team.id}"
    scene.manager.lang = lang
    session.add(scene.manager)
    session.commit()
    digest = build_digests(session=session, public_url="https://ledger.example", week=WEEK, now=NOW,
                           top=len(PROMPT_KINDS))[0]
    from web.cli import main

    cli = CliRunner().invoke(main, ["report", "--team", team.name, "--week", str(WEEK), "--lang", lang],
                             obj=ScriptInfo(create_app=lambda: app))
    def get(path: str) -> str:
        return client.get(path, query_string={"week": str(WEEK)}, headers=headers).get_data(as_text=True)

    return {
        "tablet": _text(tablet), "report": _text(get(base)), "print": _text(get(f"{base}/print")),
        "csv": get(f"{base}/export.csv"), "json": get(f"{base}/export.json"),
        "digest": digest.text,
        "cli": cli.output,
    }


def _table(lang: str, surfaces: dict[str, str]) -> tuple[list[str], list[str]]:
    """The code × surface table as Markdown rows, and the cells where a shown label is missing."""
    words, rows, missing = lang_for(lang), [], []
    rows.append("| code | label | " + " | ".join(SURFACES) + " |")
    rows.append("|---" * (len(SURFACES) + 2) + "|")
    for vocabulary, codes in CODES.items():
        for code in codes:
            label = words.label(vocabulary, code)
            cells = []
            for surface in SURFACES:
                if surface not in SHOWN[vocabulary]:
                    cells.append("–")
                    continue
                # The report's story line writes the trigger in lower case after "after"/"na".
                found = label.casefold() in surfaces[surface].casefold()
                cells.append("✓" if found else "MISSING")
                if not found:
                    missing.append(f"{vocabulary}.{code} {label!r} on {surface}")
            rows.append(f"| {vocabulary}.{code} | {label} | " + " | ".join(cells) + " |")
    return rows, missing


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_every_code_and_prompt_kind_has_one_label_on_every_surface(app, client, session, monkeypatch, lang):
    import web.manager_reports.page as page
    import web.manager_reports.views as views

    monkeypatch.setattr(views, "utcnow", lambda: NOW)
    monkeypatch.setattr(page, "utcnow", lambda: NOW)
    scene = busy_team(session)
    # reports.weekly holds its own name for the engine (imported at the top): patch it there.
    monkeypatch.setattr("reports.weekly.prompts_for", _prompts(_extra_gestures(session, scene)))
    rows, missing = _table(lang, _render(app, client, session, scene, lang))
    out = ROOT / "test-artifacts"
    out.mkdir(exist_ok=True)
    (out / f"vocabulary-{lang}.md").write_text("\n".join(rows) + "\n", encoding="utf-8")
    assert missing == [], "\n".join(missing)


def test_the_old_second_wordings_are_gone_from_every_catalogue_entry():
    words = {lang: lang_for(lang) for lang in ("nl", "en")}
    assert words["nl"].label("kind", "recovery") == words["nl"].gettext(labels.KINDS[Kind.RECOVERY])
    assert words["nl"].label("prompt_kind", "spend_contrast") == "Verschil in gebruik van het mandaat"
    assert words["en"].label("trigger", "complaint") == "Complaint or problem"


@pytest.mark.parametrize(("lang", "thousand", "five", "thousand_whole"), [
    ("nl", "€\u00a01.000,00", "€\u00a05", "€\u00a01.000"), ("en", "€1,000.00", "€5", "€1,000")])
def test_the_money_filter_and_quick_picks_use_the_one_formatter(app, lang, thousand, five, thousand_whole):
    from web import labels as web_labels

    with app.test_request_context(headers={"Accept-Language": lang}):
        assert app.jinja_env.filters["money"](100000) == thousand
        assert web_labels.short_money(500) == five
        assert web_labels.short_money(100000) == thousand_whole  # cutting ",00" as text once gave "€10"
        assert web_labels.short_money(250) == ("€\u00a02,50" if lang == "nl" else "€2.50")


def test_the_log_page_offers_quick_picks_in_whole_euros(client, session):
    from tests.factories import make_team
    from tests.web.signin import make_staff

    team = make_team(session)
    sign_in_with_pin(client, make_staff(session, team), enrol(client, session, team))
    page = html.unescape(client.get("/log", headers={"Accept-Language": "nl"}).get_data(as_text=True))
    assert "€\u00a05<" in page and "€\u00a010<" in page and "€\u00a05,00" not in page
