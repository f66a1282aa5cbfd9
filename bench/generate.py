"""Fast, deterministic benchmark data: plain dicts inserted with executemany (never the service per row).

Two databases, cached in instance/bench/ between runs:
- team.db: two 50-person teams with 1,000 gestures a week, one with 3 months and one with 2 years of
  history, both ending with the reported week (so their report times can be compared);
- org.db: an organisation of 50 teams with 1,000,000 gestures over the 52 weeks ending with that week.
Rows look like real use: kinds, triggers and reactions that depend on each other, a few gestures over
the frame, 1 % corrections and 0.5 % voids (so the current-ledger filter has work to do), appreciations.
"""

import json
import random
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from sqlalchemy import Table, insert, select
from sqlalchemy.engine import Connection, Engine

from ledger import migrate
from ledger.db import make_engine
from ledger.models import Appreciation, Gesture, Mandate, Membership, Person, Team
from ledger.weeks import IsoWeek, week_bounds

GENERATOR_VERSION = 3  # bump when the data changes: cached files of another version are rebuilt
REPORT_WEEK = IsoWeek(2026, 44)
BENCH_DIR = Path("instance") / "bench"
BATCH = 20_000
Writer = Callable[[Connection, Table, list[dict]], None]

KINDS = {  # kind: (cost range in cents, trigger weights, base reaction)
    "treat": ((150, 600), {"waiting": 5, "regular": 2, "celebration": 1}, 3.9),
    "time": ((0, 0), {"in_need": 4, "first_visit": 2, "complaint": 2}, 4.2),
    "gift": ((500, 2500), {"celebration": 4, "regular": 3}, 3.6),
    "upgrade": ((0, 0), {"regular": 3, "celebration": 2, "complaint": 1}, 4.0),
    "discount": ((300, 2000), {"complaint": 5, "waiting": 2}, 2.9),
    "recovery": ((0, 1500), {"complaint": 6, "waiting": 3}, 3.4),
}
KIND_WEIGHTS = {"treat": 30, "time": 25, "gift": 12, "upgrade": 8, "discount": 10, "recovery": 15}
STORIES = ["Brought coffee to a family waiting for their room", "Walked a guest to the tram in the rain",
           "Flowers for a couple on their anniversary", "Fixed a booking mistake and added breakfast",
           "Called a taxi and waited with an elderly customer", ""]


@dataclass(frozen=True)
class TeamPlan:
    name: str
    people: int
    weeks: int  # weeks of history ending with REPORT_WEEK
    per_week: int  # gestures per week
    timezone: str = "Europe/Amsterdam"


TEAM_PLANS = (TeamPlan("Bench 3 months", 50, 13, 1000), TeamPlan("Bench 2 years", 50, 104, 1000))
ORG_PLANS = tuple(TeamPlan(f"Org team {i:02d}", 20, 52, 385,
                           "Europe/London" if i % 5 == 0 else "Europe/Amsterdam") for i in range(50))


def describe(plans: tuple[TeamPlan, ...]) -> dict:
    """What a cached benchmark database must have been generated from to be reused (rows aside)."""
    return {"version": GENERATOR_VERSION, "week": str(REPORT_WEEK), "plans": [p.__dict__ for p in plans]}


def _created(path: Path, plans: tuple[TeamPlan, ...]) -> bool:
    meta = path.with_suffix(".json")
    if not path.exists() or not meta.exists():
        return False
    return {k: v for k, v in json.loads(meta.read_text()).items() if k != "rows"} == describe(plans)


def ensure_database(name: str, plans: tuple[TeamPlan, ...], *, log=print) -> tuple[str, int]:
    """The URL of a cached benchmark database with these teams (generated when missing or stale)."""
    path = BENCH_DIR / f"{name}.db"
    url = f"sqlite:///{path.resolve()}"
    if _created(path, plans):
        return url, json.loads(path.with_suffix(".json").read_text())["rows"]
    for stale in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), path.with_suffix(".json")):
        stale.unlink(missing_ok=True)
    engine = make_engine(url)
    migrate.upgrade(engine)
    started = datetime.now(UTC)
    rows = fill(engine, plans, log=log)
    engine.dispose()
    seconds = (datetime.now(UTC) - started).total_seconds()
    log(f"  generated {path} with {rows:,} gesture rows in {seconds:.0f} s")
    meta = {**describe(plans), "rows": rows}
    path.with_suffix(".json").write_text(json.dumps(meta))
    return url, rows


def insert_rows(conn: Connection, table: Table, rows: list[dict]) -> None:
    """Write rows with one executemany INSERT (how the SQLite files are filled)."""
    conn.execute(insert(table), rows)


def fill(engine: Engine, plans: tuple[TeamPlan, ...], *, seed: int = 7, log=print,
         write: Writer = insert_rows) -> int:
    """Insert the teams, people, mandates, gestures and appreciations of the plans; returns gesture rows.

    `write` stores each batch of gestures and of appreciations (bench/pg.py passes a COPY)."""
    rng = random.Random(seed)
    total = 0
    with engine.begin() as conn:
        for plan in plans:
            team_id, person_ids = _team(conn, plan)
            gestures, appreciations = [], []
            for row in _gestures(rng, plan, team_id, person_ids):
                gestures.append(row)
                if row["entry_type"] == "original" and rng.random() < 0.1:
                    appreciations.append({"gesture_id": row["origin_id"], "person_id": rng.choice(person_ids),
                                          "note": "", "created_at": row["occurred_at"] + timedelta(hours=2)})
                if len(gestures) >= BATCH:
                    total += _flush(conn, gestures, appreciations, write)
                    gestures, appreciations = [], []
            total += _flush(conn, gestures, appreciations, write)
            log(f"  {plan.name}: {plan.weeks} weeks × {plan.per_week} gestures")
    return total


def _flush(conn, gestures: list[dict], appreciations: list[dict], write: Writer) -> int:
    if gestures:
        write(conn, Gesture.__table__, gestures)
    unique = list({(a["gesture_id"], a["person_id"]): a for a in appreciations}.values())
    if unique:
        write(conn, Appreciation.__table__, unique)
    return len(gestures)


def _team(conn, plan: TeamPlan) -> tuple[int, list[int]]:
    now = datetime.now(UTC)
    team_id = conn.execute(insert(Team.__table__).values(
        name=plan.name, timezone=plan.timezone, why="Make a guest's day", person_comparisons=True,
        created_at=now)).inserted_primary_key[0]
    conn.execute(insert(Mandate.__table__).values(
        team_id=team_id, valid_from=date(2020, 1, 1), per_gesture_cap_cents=2500, allowance_cents=6000,
        allowance_period="week", kinds="", why="", agreed_at=now))
    people = [{"display_name": f"{plan.name} person {i}", "role": "staff", "active": True,
               "created_at": datetime(2020, 1, 1, tzinfo=UTC), "session_version": 1, "failed_attempts": 0}
              for i in range(plan.people)]
    conn.execute(insert(Person.__table__), people)
    ids = list(conn.scalars(select(Person.id).where(Person.display_name.like(f"{plan.name} person %"))
                            .order_by(Person.id)))
    conn.execute(insert(Membership.__table__), [{"team_id": team_id, "person_id": pid} for pid in ids])
    return team_id, ids


def _gestures(rng: random.Random, plan: TeamPlan, team_id: int, people: list[int]) -> Iterator[dict]:
    kinds, weights = list(KIND_WEIGHTS), list(KIND_WEIGHTS.values())
    for back in range(plan.weeks - 1, -1, -1):
        start, end = week_bounds(REPORT_WEEK.shift(-back), plan.timezone)
        span = (end - start).total_seconds()
        for _ in range(plan.per_week):
            row = _gesture(rng, rng.choices(kinds, weights)[0], team_id, rng.choice(people),
                           start + timedelta(seconds=rng.random() * span))
            yield row
            roll = rng.random()
            if roll < 0.01:
                yield _follow(row, "correction", cost_cents=row["cost_cents"] + 100)
            elif roll < 0.015:
                yield _follow(row, "void")


def _gesture(rng: random.Random, kind: str, team_id: int, person_id: int, when: datetime) -> dict:
    (low, high), triggers, base = KINDS[kind]
    cost = rng.randint(low, high) if high else 0
    reaction = max(1, min(5, round(rng.gauss(base, 0.9))))
    check = "over_cap" if cost > 2500 or rng.random() < 0.01 else "within"
    gid = uuid.UUID(int=rng.getrandbits(128), version=4)
    return {"id": gid, "origin_id": gid, "entry_type": "original", "supersedes_id": None,
            "team_id": team_id, "person_id": person_id, "logged_by_id": person_id, "occurred_at": when,
            "logged_at": when + timedelta(minutes=3), "kind": kind,
            "trigger": rng.choices(list(triggers), list(triggers.values()))[0], "cost_cents": cost,
            "effort_minutes": rng.choice((0, 5, 10, 15, 30)), "reaction": reaction,
            "description": rng.choice(STORIES), "trigger_note": "", "reaction_note": "",
            "follow_up": "returned" if rng.random() < 0.05 else None, "mandate_id": None,
            "mandate_check": check, "redacted": "", "change_reason": ""}


def _follow(row: dict, entry_type: str, **changes) -> dict:
    new_id = uuid.uuid5(row["id"], entry_type)
    return {**row, "id": new_id, "entry_type": entry_type, "supersedes_id": row["id"],
            "logged_at": row["logged_at"] + timedelta(hours=1), "change_reason": "bench", **changes}
