"""Generate the demo installation as a CSV folder, with dates relative to today.

Twelve weeks of gestures end in the current week. The randomness has a fixed seed, so the same day
always gives the same folder; the scripted parts (seed_data.demo.script) put the patterns of DESIGN §5
into the data on purpose.
"""

import csv
import random
import uuid
from dataclasses import dataclass, replace
from datetime import datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from ledger.types import utcnow
from ledger.weeks import IsoWeek, week_of
from seed_data.demo import cast, script, stories
from seed_data.demo.script import Planned

SEED = 20091104  # any fixed number: the same date gives the same demo
DEMO_NS = uuid.UUID("0d5c1f3e-9a43-4b0e-8f7e-6c2b1a9d4e70")
SCENARIOS = {cast.HOTEL: stories.HOTEL, cast.SUPERMARKET: stories.SUPERMARKET, cast.TRAVEL: stories.TRAVEL}
OPENING = {cast.HOTEL: (7, 23, 7), cast.SUPERMARKET: (8, 20, 6), cast.TRAVEL: (9, 17, 6)}  # from, to, days
BASIC_TRIGGERS = ("waiting", "complaint")


@dataclass(frozen=True)
class DemoGesture:
    id: uuid.UUID
    team: str
    person: str  # full name
    at: datetime  # local, aware
    scenario: stories.Scenario
    plan: Planned


def write_demo(folder: Path | str, *, now: datetime | None = None) -> Path:
    """Write teams.csv … appreciations.csv of the demo for the week containing `now` into `folder`."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    now = now or utcnow()
    gestures = generate_gestures(now)
    _write(folder / "teams.csv", [(t.name, t.timezone, t.why) for t in cast.TEAMS])
    _write(folder / "people.csv", [(p.name, p.role, ";".join(p.teams), p.email, p.pin, p.password)
                                   for p in cast.PEOPLE])
    this_week = week_of(now, cast.TZ)
    _write(folder / "mandates.csv", [
        (m.team, this_week.shift(-m.weeks_ago).monday().isoformat(), m.cap_eur, m.allowance_eur, m.period, "",
         m.why) for m in cast.MANDATES])
    _write(folder / "gestures.csv", [_gesture_row(g) for g in gestures])
    _write(folder / "appreciations.csv", appreciation_rows(gestures, now))
    return folder


def _write(path: Path, rows) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(_header(path.name))
        writer.writerows(rows)


def _header(name: str) -> tuple[str, ...]:
    return {
        "teams.csv": ("name", "timezone", "why"),
        "people.csv": ("name", "role", "teams", "email", "pin", "password"),
        "mandates.csv": ("team", "valid_from", "per_gesture_cap_eur", "allowance_eur", "allowance_period",
                         "kinds", "why"),
        "gestures.csv": ("id", "occurred_at", "team", "person", "kind", "description", "cost_eur",
                         "effort_minutes", "trigger", "trigger_note", "reaction", "reaction_note",
                         "follow_up"),
        "appreciations.csv": ("gesture_id", "from_person", "note", "created_at"),
    }[name]


def _gesture_row(g: DemoGesture) -> tuple:
    s, p = g.scenario, g.plan
    cost = f"{p.cost // 100},{p.cost % 100:02d}"  # a Dutch decimal comma, as spreadsheets here write it
    return (g.id, g.at.strftime("%Y-%m-%d %H:%M"), g.team, g.person, s.kind, p.description, cost,
            p.effort, s.trigger, p.trigger_note, p.reaction, p.reaction_note, p.follow_up)


def generate_gestures(now: datetime) -> list[DemoGesture]:
    """Every demo gesture up to `now`, oldest week first."""
    rng = random.Random(SEED)
    current = week_of(now, cast.TZ)
    out: list[DemoGesture] = []
    for team in (t.name for t in cast.TEAMS):
        for index, count in enumerate(script.WEEKLY_COUNTS[team]):
            weeks_ago = len(script.WEEKLY_COUNTS[team]) - 1 - index
            week = current.shift(-weeks_ago)
            plans = list(script.HOTEL_LAST_WEEK) if count is None else \
                _random_week(rng, team, weeks_ago, count)
            plans += [p for ago, t, p in script.OVER_FRAME if t == team and ago == weeks_ago]
            out += [g for n, plan in enumerate(plans) if (g := _realise(rng, team, week, n, plan)).at < now]
    return out


def _random_week(rng: random.Random, team: str, weeks_ago: int, count: int) -> list[Planned]:
    staff = [p.name.split()[0] for p in cast.staff_of(team)]
    quiet = script.QUIET.get(team)
    if quiet and weeks_ago < quiet[1]:
        staff.remove(quiet[0])
    cap = _cap(team, weeks_ago)
    spent: dict[str, int] = {}
    plans = []
    for _ in range(count):
        person = rng.choice(staff)
        scenario = _pick_scenario(rng, team, weeks_ago)
        cost = min(rng.choice(scenario.costs), cap)
        if spent.get(person, 0) + cost > _allowance(team) * 0.8:
            scenario = rng.choice([s for s in SCENARIOS[team] if s.costs == (0,)])
            cost = 0
        spent[person] = spent.get(person, 0) + cost
        plans.append(Planned(person, rng.randrange(OPENING[team][2]), _clock(rng, team), scenario.key, cost,
                             rng.choice(scenario.reactions)))
    return plans


def _pick_scenario(rng: random.Random, team: str, weeks_ago: int) -> stories.Scenario:
    lift_broken = team == cast.HOTEL and weeks_ago <= script.LIFT_BROKE_WEEKS_AGO
    weights = []
    for s in SCENARIOS[team]:
        if s.key == "lift_luggage" and not lift_broken:
            weights.append(0)
        else:
            weights.append(4 if lift_broken and s.trigger in BASIC_TRIGGERS else 1)
    return rng.choices(SCENARIOS[team], weights)[0]


def _cap(team: str, weeks_ago: int) -> int:
    in_force = [m for m in cast.MANDATES if m.team == team and m.weeks_ago >= weeks_ago]
    return min(in_force, key=lambda m: m.weeks_ago).cap_eur * 100


def _allowance(team: str) -> int:
    latest = min((m for m in cast.MANDATES if m.team == team), key=lambda m: m.weeks_ago)
    return latest.allowance_eur * 100 // (4 if latest.period == "month" else 1)


def _clock(rng: random.Random, team: str) -> str:
    start, end, _days = OPENING[team]
    return f"{rng.randrange(start, end):02d}:{rng.randrange(0, 60, 5):02d}"


def _realise(rng: random.Random, team: str, week: IsoWeek, n: int, plan: Planned) -> DemoGesture:
    scenario = next(s for s in SCENARIOS[team] if s.key == plan.scenario)
    day = week.monday() + timedelta(days=plan.day)
    at = datetime.combine(day, time.fromisoformat(plan.time), tzinfo=ZoneInfo(cast.TZ))
    filled = replace(
        plan, description=plan.description or rng.choice(scenario.descriptions),
        trigger_note=plan.trigger_note or rng.choice(scenario.trigger_notes),
        reaction_note=plan.reaction_note or rng.choice(scenario.reaction_notes),
        effort=plan.effort if plan.effort is not None else rng.choice(scenario.efforts),
        follow_up=plan.follow_up or (rng.choice(scenario.follow_ups) if plan.reaction >= 4 else ""))
    person = next(p.name for p in cast.staff_of(team) if p.name.split()[0] == plan.person)
    return DemoGesture(uuid.uuid5(DEMO_NS, f"{team}/{week}/{n}"), team, person, at, scenario, filled)


def appreciation_rows(gestures: list[DemoGesture], now: datetime) -> list[tuple]:
    """Appreciations: scripted ones, and teammates' taps on well-received gestures (never on Dewi's)."""
    rng = random.Random(SEED + 1)
    rows = []
    for g in gestures:
        givers = list(g.plan.appreciated_by) or _random_appreciators(rng, g)
        for offset, (first_name, note) in enumerate(givers):
            # Later that shift or during the next day's shift, not in the middle of the night.
            at = g.at + timedelta(hours=rng.choice((1, 2, 3, 20, 22, 24)) + offset, minutes=rng.randrange(60))
            if at < now - timedelta(minutes=5):
                rows.append((g.id, _full_name(g.team, first_name), note, at.strftime("%Y-%m-%d %H:%M")))
    return rows


_APPRECIATION_CHANCE = {5: 0.55, 4: 0.3, 3: 0.1, 2: 0.05, 1: 0.0}
UNSEEN = {cast.HOTEL: "Dewi"}  # her gestures land well and nobody ever appreciates them


def _random_appreciators(rng: random.Random, g: DemoGesture) -> list[tuple[str, str]]:
    chance = rng.random()
    if g.plan.person == UNSEEN.get(g.team) or chance >= _APPRECIATION_CHANCE[g.plan.reaction]:
        return []
    pool = [p.name.split()[0] for p in cast.staff_of(g.team) + cast.managers_of(g.team)
            if p.name.split()[0] != g.plan.person]
    how_many = 2 if g.plan.reaction == 5 and chance < 0.2 else 1
    return [(name, rng.choice(stories.APPRECIATION_NOTES)) for name in rng.sample(pool, how_many)]


def _full_name(team: str, first_name: str) -> str:
    members = cast.staff_of(team) + cast.managers_of(team)
    return next(p.name for p in members if p.name.split()[0] == first_name)
