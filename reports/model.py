"""The plain data of a weekly report and its conversation prompts: frozen dataclasses, no Flask, no ORM.

Everything a screen, chart, digest or export needs is here; prompts are pure functions of a WeeklyReport.
Money is int cents; every average carries its n; gesture ids are the chain's ORIGIN id (as a string),
so evidence and appreciations stay attached through corrections. A prompt's own data (Prompt, Fact,
Review) is defined in reports.prompt_model and importable from here as before.
"""

from dataclasses import dataclass, field
from datetime import date, datetime

from ledger.vocab import MandateCheck, Role
from ledger.weeks import IsoWeek
from reports.prompt_model import ONE_TO_ONE, TEAM_SESSION, Fact, Prompt, Review  # noqa: F401 (re-exported)


@dataclass(frozen=True)
class Stat:
    """Reactions of a group: n, raw mean, mean shrunk toward the team mean, its interval, delighted count."""

    n: int
    mean: float | None = None  # raw mean reaction (1..5); None when n == 0
    shrunk: float | None = None  # (n·mean + K·team_mean)/(n + K), see reports.stats.SHRINK_K
    low: float | None = None  # ~95 % interval of the raw mean (normal approximation)
    high: float | None = None
    delighted: int = 0  # entries with reaction >= 4 (delighted or moved)
    flat: int = 0  # entries with reaction <= 2 (no visible reaction, or negative)
    total: float = 0.0  # Σ reaction and Σ reaction²: lets groups be pooled exactly
    total_sq: float = 0.0

    @property
    def delighted_share(self) -> float | None:
        """Share of entries that delighted (reaction >= 4); None without entries."""
        return self.delighted / self.n if self.n else None

    @property
    def flat_share(self) -> float | None:
        """Share of entries with no visible reaction or a negative one; None without entries."""
        return self.flat / self.n if self.n else None


@dataclass(frozen=True)
class Totals:
    """Headline numbers of the reported week for the whole team."""

    gestures: int
    people_active: int  # people who gave at least one gesture this week
    spent_cents: int
    allowance_cents: int | None  # sum of members' weekly allowances; None: no mandate
    over_frame: int  # gestures recorded over the cap or the allowance
    over_cap: int
    over_allowance: int
    reaction: Stat
    appreciated: int  # gestures of the week that got at least one appreciation
    appreciations: int  # appreciations on gestures of the week
    effort_minutes: int = 0  # the minutes given; gestures without minutes are unknown, not 0
    effort_known: int = 0  # how many gestures gave their minutes: an average divides by this, never by n
    members: int = 0  # active members of the team


@dataclass(frozen=True)
class PersonWeek:
    """One person's week (only in person-level reports): spend against allowance, reactions, appreciation."""

    person_id: int
    name: str
    gestures: int
    spent_cents: int
    allowance_cents: int | None  # the weekly allowance in force for this person (override applied)
    over_frame: int
    reaction: Stat  # reactions to this week's gestures
    appreciations: int  # appreciations received on this week's gestures
    appreciated: int  # this week's gestures with at least one appreciation
    window_gestures: int = 0  # over the trailing window
    window_appreciated: int = 0
    window_reaction: Stat = field(default_factory=lambda: Stat(0))  # for the funnel plot
    recent_spent_cents: tuple[int, ...] = ()  # spend per week over the quiet window, oldest first
    recent_gestures: tuple[int, ...] = ()
    member_since: date | None = None
    role: Role = Role.STAFF
    gesture_ids: tuple[str, ...] = ()  # this week's gestures (origin ids), oldest first

    @property
    def use_share(self) -> float | None:
        """Spent as a share of the weekly allowance; None without an allowance."""
        return self.spent_cents / self.allowance_cents if self.allowance_cents else None


@dataclass(frozen=True)
class Group:
    """Reactions of one group over the trailing window: a kind, trigger, cost band or kind×trigger pair."""

    dimension: str  # "kind" | "trigger" | "band" | "kind_trigger"
    code: str  # "treat", "waiting", "up_to_5", or "treat|waiting" for a pair
    stat: Stat
    spent_cents: int = 0
    warm_ids: tuple[str, ...] = ()  # a few best-received gestures of the group (origin ids)
    flat_ids: tuple[str, ...] = ()  # a few gestures with no visible reaction or worse (reaction <= 2)
    recent_ids: tuple[str, ...] = ()  # a few of the most recent gestures of the group

    @property
    def parts(self) -> tuple[str, ...]:
        """The codes of the group: ("treat", "waiting") for a pair, ("treat",) otherwise."""
        return tuple(self.code.split("|"))


@dataclass(frozen=True)
class WeekPoint:
    """One week of the trend series."""

    week: IsoWeek
    gestures: int
    spent_cents: int
    reaction: Stat
    people_active: int = 0


@dataclass(frozen=True)
class Count:
    """A number of gestures for a code (a follow-up signal, a trigger in a week)."""

    code: str
    n: int
    week: IsoWeek | None = None


@dataclass(frozen=True)
class GestureBrief:
    """A gesture as evidence: its story and numbers. `person_*` are empty in team-level reports."""

    id: str  # origin id of the chain
    occurred_at: datetime
    kind: str
    trigger: str
    cost_cents: int
    reaction: int
    description: str
    reaction_note: str = ""
    trigger_note: str = ""
    follow_up: str | None = None
    mandate_check: MandateCheck = MandateCheck.WITHIN
    appreciations: int = 0
    person_id: int | None = None
    person_name: str = ""

    @classmethod
    def from_row(cls, row, person_level: bool) -> "GestureBrief":
        """A brief from a ledger.queries brief row; who gave it only in a person-level report."""
        return cls(
            id=str(row.origin_id), occurred_at=row.occurred_at, kind=row.kind, trigger=row.trigger,
            cost_cents=row.cost_cents, reaction=row.reaction, description=row.description,
            reaction_note=row.reaction_note, trigger_note=row.trigger_note, follow_up=row.follow_up,
            mandate_check=row.mandate_check, appreciations=int(row.appreciations or 0),
            person_id=row.person_id if person_level else None,
            person_name=row.person_name if person_level else "")


@dataclass(frozen=True)
class MandateChange:
    """A mandate version that started inside the trailing window, with the frame before it."""

    valid_from: date
    week: IsoWeek  # the ISO week it started
    cap_before: int | None
    cap_after: int
    allowance_before: int | None
    allowance_after: int
    period_before: str | None
    period_after: str
    before: Stat  # reactions in the window before the change
    after: Stat  # reactions from the change on
    gestures_before: int = 0
    gestures_after: int = 0
    spent_before: int = 0
    spent_after: int = 0
    weeks_before: int = 0  # weeks WITH entries before the change (a rate per week divides by these)
    weeks_after: int = 0  # weeks with entries since


@dataclass(frozen=True)
class AgreedAction:
    """An action a learning session agreed, with its status now (reports follow the loop)."""

    text: str
    status: str  # open | done | dropped
    frame_change: bool = False  # it carried a proposed change of the frame
    applied: bool = False  # that change was put into force


@dataclass(frozen=True)
class PatternMove:
    """A kind × trigger a session discussed (None: any), and its reactions before and since."""

    kind: str | None
    trigger: str | None
    before: Stat
    after: Stat


@dataclass(frozen=True)
class SessionLoop:
    """The team's last closed learning session in the window: what it agreed and what moved since.

    Rates per week are taken over the weeks WITH entries on each side (weeks_before / weeks_after).
    """

    session_id: int
    title: str
    held_on: date
    actions: tuple[AgreedAction, ...]
    frame: MandateChange | None  # the frame version it agreed and put into force, if any
    before: Stat
    after: Stat
    gestures_before: int = 0
    gestures_after: int = 0
    spent_before: int = 0
    spent_after: int = 0
    weeks_before: int = 0
    weeks_after: int = 0
    weeks_since: int = 0  # whole weeks since the session up to the reported week, logged or not
    patterns: tuple[PatternMove, ...] = ()
    story_ids: tuple[str, ...] = ()


@dataclass(frozen=True)
class MonthFrame:
    """A monthly allowance shown as a month: use from the 1st up to the end of the reported week."""

    first_day: date  # the 1st of the month of the reported week's Sunday
    last_day: date  # the reported week's Sunday (month to date)
    allowance_cents: int  # the team's monthly allowance for all who hold the frame
    spent_cents: int  # the team's spend from first_day to last_day
    per_person: tuple[tuple[int, int, int], ...] = ()  # (person_id, spent, monthly allowance)

    def person(self, person_id: int) -> tuple[int, int] | None:
        """(spent, allowance) of one person this month, None when they do not hold the frame."""
        return next(((s, a) for pid, s, a in self.per_person if pid == person_id), None)


@dataclass(frozen=True)
class WeeklyReport:
    """Everything about one team's ISO week (team time zone), plus the trailing window and trend series."""

    team_id: int
    team_name: str
    timezone: str
    week: IsoWeek
    start: datetime  # UTC bounds of the week, half open
    end: datetime
    complete: bool  # False while the week is still running
    lang: str
    person_level: bool  # False in works-council mode or below the minimum team size: no person data at all
    totals: Totals
    window_weeks: int
    window_totals: Stat  # all reactions over the trailing window (the team mean)
    people: tuple[PersonWeek, ...] = ()
    by_kind: tuple[Group, ...] = ()
    by_trigger: tuple[Group, ...] = ()
    by_band: tuple[Group, ...] = ()
    by_kind_trigger: tuple[Group, ...] = ()
    follow_ups: tuple[Count, ...] = ()  # this week
    trigger_weeks: tuple[Count, ...] = ()  # trigger counts per week over the window
    recent_triggers: tuple[Group, ...] = ()  # by trigger over the last weeks of the window, with recent_ids
    trend: tuple[WeekPoint, ...] = ()  # oldest first, ending with the reported week
    over_frame: tuple[GestureBrief, ...] = ()
    stories: tuple[GestureBrief, ...] = ()  # best-received gestures of the week with a story
    unappreciated: tuple[GestureBrief, ...] = ()  # well-received gestures of the week nobody appreciated
    mandate_changes: tuple[MandateChange, ...] = ()
    last_session: SessionLoop | None = None  # the last closed learning session in the window
    allowance_cents: int | None = None  # the team's weekly allowance per person (no override)
    cap_cents: int | None = None
    prompts: tuple[Prompt, ...] = ()
    started: bool = True  # False: the week has not begun — no report yet, no prompts
    period: str | None = None  # the frame's allowance period: "week" | "month" (None: no mandate)
    month: MonthFrame | None = None  # a monthly frame, month to date (never prorated to a week)
    reviews: tuple[Review, ...] = ()  # the managers' marks on this team's prompts of the weeks before
    set_aside_kinds: tuple[str, ...] = ()  # kinds set aside SET_ASIDE_WEEKS running: below the fold
    brought_back: tuple[str, ...] = ()  # of those, the kinds the manager asked to see first again
    currency: str = "EUR"  # the installation's display currency (amounts stay in cents)

    @property
    def shown_prompts(self) -> tuple[Prompt, ...]:
        """The few prompts shown first (page, digest, text), in rank order."""
        return tuple(p for p in self.prompts if p.shown)

    @property
    def more_prompts(self) -> tuple[Prompt, ...]:
        """The rest, one tap away ("more conversations"), in rank order."""
        return tuple(p for p in self.prompts if not p.shown)

    @property
    def discussed(self) -> tuple[Review, ...]:
        """Prompts of earlier weeks marked discussed: the report follows up on them, newest first."""
        return tuple(sorted((r for r in self.reviews if r.status == "discussed" and r.week < self.week),
                            key=lambda r: (r.week, r.key), reverse=True))

    def group(self, dimension: str, code: str) -> Group | None:
        """One group of the window breakdowns by its dimension and code."""
        groups = {"kind": self.by_kind, "trigger": self.by_trigger, "band": self.by_band,
                  "kind_trigger": self.by_kind_trigger}[dimension]
        return next((g for g in groups if g.code == code), None)
