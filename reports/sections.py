"""Parts of the report built from a few SQL aggregate result sets (already grouped in the database).

`weekly_sums` rows (week × person × trigger over the trend weeks) give the trend, the trigger mix, the
recent triggers and each person's weeks; `reaction_sums` rows (kind × trigger × cost band over the
window) give every breakdown; `example_ids` rows give the evidence of each group.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from ledger.queries import COST_BANDS
from ledger.vocab import Role
from ledger.weeks import IsoWeek
from reports.model import Count, Group, PersonWeek, WeekPoint
from reports.stats import make_stat

EXAMPLES_PER_GROUP = 5  # warm / flat / recent examples kept per group


@dataclass
class Sums:
    """Sufficient statistics of reactions, added up from SQL group rows."""

    n: int = 0
    total: int = 0
    total_sq: int = 0
    delighted: int = 0
    flat: int = 0
    spent: int = 0
    effort: int = 0
    effort_known: int = 0  # gestures whose minutes were given (a skipped field is unknown, not 0)

    def add(self, row) -> "Sums":
        """Add one aggregate row (anything with n, total, total_sq, delighted, flat, spent, effort)."""
        self.n += row.n
        self.total += row.total
        self.total_sq += row.total_sq
        self.delighted += row.delighted
        self.flat += row.flat
        self.spent += row.spent
        self.effort += row.effort
        self.effort_known += getattr(row, "effort_known", 0)
        return self

    def stat(self, team_mean: float | None = None):
        """The Stat of these sums, shrunk toward team_mean when given."""
        return make_stat(self.n, self.total, self.total_sq, self.delighted, team_mean, self.flat)


def summed(rows: Iterable, key) -> dict:
    """Rows added up per key(row)."""
    out: dict = {}
    for row in rows:
        out.setdefault(key(row), Sums()).add(row)
    return out


@dataclass
class Examples:
    """Evidence ids per group, best first: warm and flat per pair, warm per band, newest per trigger."""

    warm_pair: dict = field(default_factory=dict)
    flat_pair: dict = field(default_factory=dict)
    warm_band: dict = field(default_factory=dict)
    recent_trigger: dict = field(default_factory=dict)

    @classmethod
    def from_rows(cls, rows, newest, per_group: int = EXAMPLES_PER_GROUP) -> "Examples":
        """Merge the cells of ledger.queries.example_ids into pairs and bands; keep the newest per trigger."""
        warm_pair: dict[str, list] = {}
        flat_pair: dict[str, list] = {}
        warm_band: dict[str, list] = {}
        for r in rows:
            # Best first: the strongest reaction (highest when warm, lowest when flat), then the newest.
            item = (-r.cls * r.reaction, -r.occurred_at.timestamp(), str(r.origin_id))
            pair = f"{r.kind}|{r.trigger}"
            if r.cls == 1:
                warm_pair.setdefault(pair, []).append(item)
                warm_band.setdefault(r.band, []).append(item)
            elif r.cls == -1:
                flat_pair.setdefault(pair, []).append(item)
        recent: dict[str, list] = {}
        for r in newest:
            recent.setdefault(r.code, []).append(str(r.origin_id))

        def best(groups):
            return {k: tuple(i[2] for i in sorted(v)[:per_group]) for k, v in groups.items()}

        return cls(best(warm_pair), best(flat_pair), best(warm_band),
                   {k: tuple(v) for k, v in recent.items()})


def breakdowns(rows, team_mean: float | None, examples: Examples) -> dict[str, tuple[Group, ...]]:
    """by_kind, by_trigger, by_band (every band, empty ones too) and by_kind_trigger from kind×trigger×band
    rows."""
    def groups(dimension, sums, codes=None, warm=None, flat=None):
        codes = codes or sorted(sums)
        return tuple(Group(dimension, code, (sums.get(code) or Sums()).stat(team_mean),
                           (sums.get(code) or Sums()).spent, (warm or {}).get(code, ()),
                           (flat or {}).get(code, ())) for code in codes)

    return {
        "by_kind": groups("kind", summed(rows, lambda r: r.kind)),
        "by_trigger": groups("trigger", summed(rows, lambda r: r.trigger)),
        "by_band": groups("band", summed(rows, lambda r: r.band), COST_BANDS, examples.warm_band),
        "by_kind_trigger": groups("kind_trigger", summed(rows, lambda r: f"{r.kind}|{r.trigger}"),
                                  warm=examples.warm_pair, flat=examples.flat_pair),
    }


@dataclass
class Weekly:
    """week × person × trigger sums folded once into the three views the report needs."""

    by_week: dict = field(default_factory=dict)  # wk → Sums
    givers: dict = field(default_factory=dict)  # wk → {person_id}
    by_week_trigger: dict = field(default_factory=dict)  # (wk, trigger) → Sums
    by_person_week: dict = field(default_factory=dict)  # (person_id, wk) → Sums

    @classmethod
    def fold(cls, rows) -> "Weekly":
        """One pass over the rows of ledger.queries.weekly_sums(by_person=True, by_trigger=True)."""
        folded = cls()
        for r in rows:
            folded.by_week.setdefault(r.wk, Sums()).add(r)
            folded.givers.setdefault(r.wk, set()).add(r.person_id)
            folded.by_week_trigger.setdefault((r.wk, r.trigger), Sums()).add(r)
            folded.by_person_week.setdefault((r.person_id, r.wk), Sums()).add(r)
        return folded


def trend(weekly: Weekly, weeks: list[IsoWeek]) -> tuple[WeekPoint, ...]:
    """One point per week (empty weeks included), with the number of people who gave."""
    points = []
    for week in weeks:
        s = weekly.by_week.get(str(week)) or Sums()
        points.append(WeekPoint(week, s.n, s.spent, s.stat(), len(weekly.givers.get(str(week), ()))))
    return tuple(points)


def trigger_weeks(weekly: Weekly, weeks: list[IsoWeek]) -> tuple[Count, ...]:
    """Gestures per trigger per week over the given weeks."""
    labels = {str(w): w for w in weeks}
    counts = (Count(trigger, s.n, labels[wk]) for (wk, trigger), s in weekly.by_week_trigger.items()
              if wk in labels)
    return tuple(sorted(counts, key=lambda c: (c.week, c.code)))


def recent_triggers(weekly: Weekly, weeks: list[IsoWeek], examples: Examples) -> tuple[Group, ...]:
    """Reactions per trigger over the recent weeks, each with its newest gestures."""
    labels = {str(w) for w in weeks}
    sums: dict[str, Sums] = {}
    for (wk, trigger), s in weekly.by_week_trigger.items():
        if wk in labels:
            sums.setdefault(trigger, Sums()).add(s)
    return tuple(Group("trigger", code, s.stat(), s.spent, recent_ids=examples.recent_trigger.get(code, ()))
                 for code, s in sorted(sums.items()))


@dataclass(frozen=True)
class PersonFacts:
    """What the week-level queries know about the people (besides the weekly sums)."""

    names: dict
    roles: dict
    since: dict
    over_frame: dict
    week_appreciation: dict
    window_appreciated: dict
    gesture_ids: dict
    allowance_for: object  # callable person_id -> weekly allowance


def people(weekly: Weekly, window: list[IsoWeek], quiet_weeks: int, facts: PersonFacts
           ) -> tuple[PersonWeek, ...]:
    """Each member (and each other giver of the week), in name order — never ranked."""
    labels = [str(w) for w in window]
    per_week = weekly.by_person_week
    out = []
    for pid, name in sorted(facts.names.items(), key=lambda item: (item[1], item[0])):
        weeks = {wk: per_week[(pid, wk)] for wk in labels if (pid, wk) in per_week}
        this_week = weeks.get(labels[-1]) or Sums()
        whole = Sums()
        for s in weeks.values():
            whole.add(s)
        app = facts.week_appreciation.get(pid)
        quiet = labels[-quiet_weeks:]
        out.append(PersonWeek(
            person_id=pid, name=name, gestures=this_week.n, spent_cents=this_week.spent,
            allowance_cents=facts.allowance_for(pid), over_frame=facts.over_frame.get(pid, 0),
            reaction=this_week.stat(), appreciations=app.appreciations if app else 0,
            appreciated=app.appreciated if app else 0, window_gestures=whole.n,
            window_appreciated=facts.window_appreciated.get(pid, 0), window_reaction=whole.stat(),
            recent_spent_cents=tuple((weeks.get(w) or Sums()).spent for w in quiet),
            recent_gestures=tuple((weeks.get(w) or Sums()).n for w in quiet),
            member_since=facts.since.get(pid), role=facts.roles.get(pid, Role.STAFF),
            gesture_ids=tuple(facts.gesture_ids.get(pid, ()))))
    return tuple(out)
