import pytest
from sqlalchemy import text

from ledger import backup
from ledger.backup import BackupError
from seed_data.importer import import_folder
from tests.seed_data.helpers import basic_folder, gestures, row_counts


def test_a_backup_made_by_a_newer_version_is_refused_and_the_database_is_left_alone(engine, tmp_path):
    import_folder(engine=engine, folder=basic_folder(tmp_path / "csv"))
    with engine.begin() as conn:
        current = conn.execute(text("SELECT version_num FROM alembic_version")).scalar_one()
        conn.execute(text("UPDATE alembic_version SET version_num = 'from_the_future'"))
    try:
        made = backup.backup(engine, tmp_path / "newer.backup")
    finally:
        with engine.begin() as conn:
            conn.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": current})
    before = row_counts(engine)

    with pytest.raises(BackupError, match="schema version 'from_the_future', which this version"):
        backup.restore(engine, made)

    assert row_counts(engine) == before


def test_emptying_the_database_keeps_its_schema_and_counts_as_blank(engine, tmp_path):
    import_folder(engine=engine, folder=basic_folder(tmp_path / "csv", gestures_csv=gestures(
        ",2025-03-04 14:05,Front desk,Bram,treat,Koffie,4,5,waiting,,4,,")))
    assert not backup.is_blank(engine)

    backup.empty_database(engine)

    counts = row_counts(engine)
    assert backup.is_blank(engine)
    assert counts.pop("alembic_version") == 1 and set(counts.values()) == {0}
