"""Output safety (issue 12): spreadsheet cells never run as formulas, templates never mark user data as
safe HTML, and chart labels show a name's pseudo-HTML as text."""

import csv
import io
import json
import re
from pathlib import Path

import pytest

from ledger.csv_cells import safe_cell
from reports.charts import charts_for
from reports.export import to_csv
from tests.reports.test_charts import person, sample_report

ROOT = Path(__file__).resolve().parent.parent
EVIL = '=HYPERLINK("http://evil.test","klik")'

# Every module that writes CSV, and the module whose cells it writes (which must use ledger.csv_cells).
CSV_WRITERS = {
    "reports/export.py": "reports/export.py",
    "web/admin/audit.py": "ledger/services/audit_log.py",
    # Input files for our own importer, written from the fixed demo cast: no user data, never a report.
    "seed_data/demo/generate.py": None,
}
# Reviewed places that mark HTML as safe: icons are our own SVG files; their class and label are escaped.
# icons.py: our own SVG files; manager_reports/assets.py: our own stylesheets inlined in the report page's
# <style> (fixed names, "</" escaped), never data.
REVIEWED_MARKUP = {"web/icons.py", "web/manager_reports/assets.py"}


def _sources(*folders: str, suffix: str = ".py"):
    for folder in folders:
        yield from (p for p in (ROOT / folder).rglob(f"*{suffix}") if "__pycache__" not in p.parts)


@pytest.mark.parametrize(("typed", "stored"), [
    (EVIL, "'" + EVIL), ("+31 6 1234 5678", "'+31 6 1234 5678"), ("-2+3", "'-2+3"), ("@SUM(A1)", "'@SUM(A1)"),
    ("\t=1+1", "'\t=1+1"), ("\r=1", "'\r=1"), ("Anouk", "Anouk"), ("a=b", "a=b"), ("", ""), (None, ""),
])
def test_a_cell_that_would_start_a_formula_gets_an_apostrophe(typed, stored):
    assert safe_cell(typed) == stored


def test_every_module_writing_csv_routes_its_cells_through_the_one_helper():
    writers = {str(p.relative_to(ROOT)) for p in _sources("ledger", "reports", "web", "seed_data", "bench")
               if re.search(r"csv\.(writer|DictWriter)\(", p.read_text(encoding="utf-8"))}
    assert writers == set(CSV_WRITERS), "a new CSV writer: route its text cells through ledger.csv_cells"
    for maker in filter(None, CSV_WRITERS.values()):
        assert "csv_cells" in (ROOT / maker).read_text(encoding="utf-8"), maker


def test_every_csv_download_is_made_by_a_checked_writer():
    # A response served as text/csv must come from one of the writers above (not a hand-joined string).
    served = {str(p.relative_to(ROOT)) for p in _sources("web")
              if "text/csv" in p.read_text(encoding="utf-8")}
    makers = {"web/admin/audit.py": "audit_log.csv_rows", "web/manager_reports/page.py": "export.to_csv"}
    assert served == set(makers)
    for path, call in makers.items():
        assert call in (ROOT / path).read_text(encoding="utf-8"), path


@pytest.mark.parametrize("lang", ["en", "nl"])
def test_a_person_and_a_team_named_like_a_formula_reach_the_report_csv_as_text(lang):
    report = sample_report(team_name=EVIL, people=(person(2, EVIL, 400, 1, 6, 1),
                                                   person(3, "@Bram", 0, 0, 1, 0)))
    body = to_csv(report, lang=lang).lstrip("\ufeff")
    cells = [cell for row in csv.reader(io.StringIO(body), delimiter=";" if lang == "nl" else ",")
             for cell in row]
    assert "'" + EVIL in cells and "'@Bram" in cells
    assert not [cell for cell in cells if cell[:1] in ("=", "+", "@", "\t", "\r")]


def test_no_template_marks_data_as_safe_html():
    marks = re.compile(r"\|\s*safe\b|autoescape\s+false|\|\s*markdown")
    found = [f"{p.relative_to(ROOT)}: {m.group(0)}" for p in _sources("web/templates", suffix=".html")
             for m in marks.finditer(p.read_text(encoding="utf-8"))]
    assert found == []


def test_python_marks_html_safe_only_in_reviewed_places():
    found = {str(p.relative_to(ROOT)) for p in _sources("web", "reports", "ledger")
             if re.search(r"\bMarkup\(|render_template_string\(", p.read_text(encoding="utf-8"))}
    assert found <= REVIEWED_MARKUP


def test_every_template_is_autoescaped_by_its_name():
    names = {p.suffix for p in _sources("web/templates", suffix="")} - {""}
    assert names <= {".html", ".txt"}  # .html autoescapes; .txt only feeds text/plain e-mail


def test_a_name_with_markup_is_plain_text_in_the_charts():
    name = '<b>Bold</b> <a href="https://evil.test">klik</a>'
    report = sample_report(people=(person(2, name, 400, 1, 6, 1),))
    figure = json.dumps([chart.figure for chart in charts_for(report)])
    assert "<b>Bold" not in figure and "<a href" not in figure
    assert "&lt;b&gt;Bold&lt;/b&gt; &lt;a href=" in figure
    table = next(chart.table for chart in charts_for(report) if chart.id == "mandate-use")
    assert table.rows[0][0] == name  # the table is escaped once, by the template
