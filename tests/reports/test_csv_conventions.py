"""The CSV download opens in the reader's spreadsheet: Dutch Excel (";" and a decimal comma, UTF-8 with a
BOM) and English Excel ("," and "."), read back here with Python's csv module as Excel would — sniffing the
dialect — and no cell can run as a formula."""

import csv
import io

from reports.export import CSV_HEADER, to_csv
from tests.reports.builders import WEEK, add, add_many, at, crew, report


def excel_reads(data: bytes) -> list[dict]:
    """Decode as Excel does (a BOM means UTF-8), sniff the separator, and read rows by header."""
    text = data.decode("utf-8-sig")
    dialect = csv.Sniffer().sniff(text[:2048], delimiters=";,")
    return list(csv.DictReader(io.StringIO(text), dialect=dialect))


def euros(text: str, decimal: str) -> float:
    return float(text.replace(decimal, "."))


def busy(session, names=("Anouk", "Bram", "Cem")):
    team, (anouk, bram, cem) = crew(session, names=names)
    add_many(session, team, anouk, at(WEEK, 1), 2, cost=1250, reaction=5)
    add(session, team, bram, at(WEEK, 2), cost=475, reaction=3)
    return team


def test_dutch_csv_has_a_bom_semicolons_decimal_commas_and_euros_with_their_cents(session):
    data = to_csv(report(session, busy(session), lang="nl")).encode("utf-8")
    assert data.startswith(b"\xef\xbb\xbf")
    rows = excel_reads(data)
    assert tuple(rows[0]) == CSV_HEADER  # the header came through as seven columns, not one
    spent = next(r for r in rows if r["section"] == "totals" and r["measure"] == "spent")
    assert (spent["value"], spent["cents"]) == ("29,75", "2975")
    assert euros(spent["value"], ",") * 100 == int(spent["cents"])
    mean = next(r for r in rows if r["section"] == "totals" and r["measure"] == "mean_reaction")
    assert mean["value"] == "4,333" and mean["n"] == "3"
    prompts = [r for r in rows if r["section"] == "prompt" and r["measure"] == "rank"]
    assert [int(r["value"]) for r in prompts] == list(range(1, len(prompts) + 1))  # every prompt, ranked


def test_english_csv_uses_commas_and_points_without_a_bom(session):
    data = to_csv(report(session, busy(session), lang="en")).encode("utf-8")
    assert not data.startswith(b"\xef\xbb\xbf")
    rows = excel_reads(data)
    assert tuple(rows[0]) == CSV_HEADER
    person = next(r for r in rows if r["section"] == "person" and r["label"] == "Anouk"
                  and r["measure"] == "spent")
    assert (person["value"], person["cents"], person["n"]) == ("25.00", "2500", "2")


def test_a_cell_that_starts_like_a_formula_is_neutralised(session):
    team = busy(session, names=("=HYPERLINK(\"http://x\")", "+Bram", "@Cem"))
    for lang in ("nl", "en"):
        rows = excel_reads(to_csv(report(session, team, lang=lang)).encode("utf-8"))
        labels = {r["label"] for r in rows if r["section"] == "person"}
        assert labels == {"'=HYPERLINK(\"http://x\")", "'+Bram", "'@Cem"}
        cells = [v for r in rows for v in r.values() if isinstance(v, str)]
        assert not [c for c in cells if c[:1] in ("=", "+", "@", "\t", "\r")]
