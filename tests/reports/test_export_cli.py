"""Exports and the `gesture-ledger report` command: JSON shape, CSV, text, and clear errors."""

import csv
import io
import json

import pytest
from click.testing import CliRunner
from flask.cli import ScriptInfo

from reports.export import CSV_HEADER, to_csv, to_json, to_text
from tests.reports.builders import WEEK, add, add_many, at, crew, report
from web.cli import main

STORY = "Walked an elderly guest to the tram stop in the rain with our umbrella"


@pytest.fixture
def cli(app):
    runner = CliRunner()

    def invoke(*args):
        return runner.invoke(main, list(args), obj=ScriptInfo(create_app=lambda: app))

    return invoke


def lively_week(session):
    team, (anouk, bram, _cem) = crew(session)
    add_many(session, team, anouk, at(WEEK, 1), 2, cost=1000, reaction=5)
    add(session, team, bram, at(WEEK, 2), cost=3000, check="over_cap", reaction=5, description=STORY)
    return team


def test_the_report_command_prints_json_with_team_week_totals_and_prompts(session, cli):
    lively_week(session)
    result = cli("report", "--team", "Front desk", "--week", "2026-W07", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["team"]["name"] == "Front desk" and data["week"] == "2026-W07"
    assert (data["totals"]["gestures"], data["totals"]["spent_cents"]) == (3, 5000)
    assert {"over_frame", "story_of_week"} <= {p["kind"] for p in data["prompts"]}
    for prompt in data["prompts"]:
        assert {"key", "kind", "question", "facts", "evidence", "setting", "suggestion"} <= set(prompt)
        assert all({"label", "value", "n"} <= set(fact) for fact in prompt["facts"])


def test_the_report_command_speaks_dutch_when_asked(session, cli):
    lively_week(session)
    result = cli("report", "--team", "front desk", "--week", "2026-W07", "--lang", "nl")
    assert result.exit_code == 0, result.output
    assert "Weekrapport — Front desk, 2026-W07" in result.output
    assert "Uitgegeven: €\u00a050,00" in result.output


def test_an_unknown_team_is_one_clear_line_and_a_failing_exit(session, cli):
    lively_week(session)
    result = cli("report", "--team", "Nowhere", "--week", "2026-W07")
    assert result.exit_code != 0
    assert result.output.strip() == "Error: unknown team 'Nowhere' (teams: Front desk)"


def test_a_malformed_week_is_one_clear_line_and_a_failing_exit(session, cli):
    lively_week(session)
    result = cli("report", "--team", "Front desk", "--week", "2026-7")
    assert result.exit_code != 0
    assert result.output.strip() == "Error: not an ISO week: '2026-7' (write it like 2026-W07)"
    assert "Traceback" not in result.output


def test_without_a_week_the_command_reports_the_last_complete_week(session, cli):
    lively_week(session)
    result = cli("report", "--team", "Front desk", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["complete"] is True


def test_the_csv_is_one_tidy_table_with_every_prompt_and_its_evidence(session):
    rep = report(session, lively_week(session))
    rows = list(csv.reader(io.StringIO(to_csv(rep))))
    assert tuple(rows[0]) == CSV_HEADER
    assert ["totals", "2026-W07", "Front desk", "spent", "50.00", "", "5000"] in rows
    over = next(p for p in rep.prompts if p.kind == "over_frame")
    assert ["prompt", over.key, "Beyond the frame", "evidence", " ".join(over.evidence), "", ""] in rows
    assert {r[0] for r in rows[1:]} >= {"totals", "person", "kind", "cost_band", "week", "prompt"}


def test_a_works_council_export_contains_no_person_rows(session):
    team, (anouk, bram, _cem) = crew(session, person_comparisons=False)
    add(session, team, anouk, at(WEEK, 1), description=STORY, reaction=5)
    rep = report(session, team)
    assert "person" not in {r[0] for r in csv.reader(io.StringIO(to_csv(rep)))}
    assert json.loads(to_json(rep))["people"] == []
    assert "Anouk" not in to_csv(rep) + to_json(rep)


def test_the_text_report_lists_the_prompts_in_rank_order(session):
    rep = report(session, lively_week(session))
    text = to_text(rep)
    positions = [text.index(p.why) for p in rep.shown_prompts]
    assert positions == sorted(positions) and "Mean reaction: 5.0 (n=3)" in text
