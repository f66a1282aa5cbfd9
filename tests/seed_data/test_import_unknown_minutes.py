"""The CSV import keeps an empty minutes cell empty: unknown, not "no time at all"."""

from dataclasses import replace
from datetime import UTC, datetime

from sqlmodel import select

from ledger.models import Gesture
from ledger.services.gestures import GestureInput
from seed_data.gesture_ids import derived_id
from seed_data.importer import import_folder
from tests.seed_data.helpers import basic_folder, gestures


def test_an_empty_minutes_cell_is_stored_as_unknown_and_a_zero_as_zero(engine, session, tmp_path):
    folder = basic_folder(tmp_path, gestures_csv=gestures(
        ",2025-03-04 14:05,Front desk,Bram,treat,Koffie zonder tijd,\"4,50\",,waiting,,4,,",
        ",2025-03-04 15:05,Front desk,Bram,treat,Koffie in nul minuten,\"4,50\",0,waiting,,4,,"))

    import_folder(engine=engine, folder=folder)

    minutes = {g.description: g.effort_minutes for g in session.exec(select(Gesture))}
    assert minutes == {"Koffie zonder tijd": None, "Koffie in nul minuten": 0}


def test_a_row_without_minutes_keeps_the_id_it_got_when_empty_cells_were_stored_as_zero():
    # Re-importing a spreadsheet imported before minutes could be unknown must find the same rows.
    data = GestureInput(occurred_at=datetime(2025, 3, 4, 13, 5, tzinfo=UTC), kind="treat", trigger="waiting",
                        reaction=4, cost_cents=450, description="Koffie")
    assert data.effort_minutes is None
    assert derived_id("Front desk", "Bram", data) == derived_id("Front desk", "Bram",
                                                                replace(data, effort_minutes=0))
