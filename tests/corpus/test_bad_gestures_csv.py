"""The bad-input corpus as gestures.csv cells: the import is refused naming the line and column, and
nothing of the folder is stored (issue 11)."""

import csv
import io

import pytest

from ledger.models import Gesture
from seed_data.csvfiles import ImportFailed
from seed_data.importer import import_folder
from tests.corpus.bad_gestures import CSV_CASES
from tests.seed_data.helpers import GESTURE_HEADER, basic_folder, row_counts

VALID = {"id": "", "occurred_at": "2026-11-20 10:00", "team": "Front desk", "person": "Anouk",
         "kind": "treat", "description": "Coffee for a guest who waited", "cost_eur": "2",
         "effort_minutes": "5",
         "trigger": "waiting", "trigger_note": "", "reaction": "4", "reaction_note": "", "follow_up": ""}


def gestures_csv(**cells: str) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=GESTURE_HEADER.strip().split(","), lineterminator="\n")
    writer.writeheader()
    writer.writerow({**VALID, **cells})
    return out.getvalue()


def test_the_valid_row_of_the_corpus_is_imported(engine, tmp_path):
    import_folder(engine=engine, folder=basic_folder(tmp_path, gestures_csv=gestures_csv()))
    assert row_counts(engine)[Gesture.__tablename__] == 1


@pytest.mark.parametrize(("name", "column", "value"), CSV_CASES, ids=[case[0] for case in CSV_CASES])
def test_a_bad_cell_refuses_the_import_naming_its_column_and_stores_nothing(engine, tmp_path, name, column,
                                                                            value):
    folder = basic_folder(tmp_path, gestures_csv=gestures_csv(**{column: value}))
    with pytest.raises(ImportFailed) as refused:
        import_folder(engine=engine, folder=folder)
    problems = [str(problem) for problem in refused.value.problems]
    assert any(f"gestures.csv:2: {column}:" in problem for problem in problems), problems
    assert row_counts(engine)[Gesture.__tablename__] == 0 and row_counts(engine)["team"] == 0
