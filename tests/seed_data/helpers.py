"""Helpers for the import and demo tests: CSV folders on disk, fast hashing, row counts."""

from pathlib import Path

from argon2 import PasswordHasher
from sqlalchemy import MetaData, func, select

TEAMS = "name,timezone,why\nFront desk,Europe/Amsterdam,Every guest leaves with a story worth telling.\n"
PEOPLE = ("name,role,teams,email,pin,password\n"
          "Anouk,staff,Front desk,,1101,\n"
          "Bram,staff,Front desk,,1102,\n"
          "Marieke,manager,Front desk,marieke@example.org,,samen-leren-demo\n")
MANDATES = ("team,valid_from,per_gesture_cap_eur,allowance_eur,allowance_period,kinds,why\n"
            "Front desk,2020-01-06,15,50,week,,Make a guest's day.\n")
GESTURE_HEADER = ("id,occurred_at,team,person,kind,description,cost_eur,effort_minutes,trigger,trigger_note,"
                  "reaction,reaction_note,follow_up\n")


def gestures(*rows: str) -> str:
    """gestures.csv text with the documented header and the given rows."""
    return GESTURE_HEADER + "".join(row + "\n" for row in rows)


def write_folder(folder: Path, files: dict[str, str | bytes]) -> Path:
    """Write CSV files (text as UTF-8, bytes as given) into a folder and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        path = folder / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8", newline="")
    return folder


def basic_folder(folder: Path, **overrides: str | bytes) -> Path:
    """A small valid folder: one team, two staff and a manager, a mandate, plus any files given."""
    files = {"teams.csv": TEAMS, "people.csv": PEOPLE, "mandates.csv": MANDATES}
    files.update({name.replace("_csv", ".csv"): text for name, text in overrides.items()})
    return write_folder(folder, files)


def use_cheap_hashing(monkeypatch) -> None:
    """Hash PINs and passwords with minimal argon2 cost: the demo's 25 people otherwise take seconds."""
    cheap = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    monkeypatch.setattr("ledger.credentials._hasher", cheap)


def row_counts(engine) -> dict[str, int]:
    """Rows per table, every table of the database."""
    meta = MetaData()
    meta.reflect(engine)
    with engine.connect() as conn:
        return {t.name: conn.execute(select(func.count()).select_from(t)).scalar_one()
                for t in meta.sorted_tables}
