"""ISO weeks and mandate periods in a team's time zone, as UTC intervals for SQL range queries.

Timestamps are stored in UTC; a week belongs to the team's local calendar. Turning a local week into a
half-open UTC interval [start, end) keeps queries index-friendly and correct across DST changes.
"""

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

# [0-9], not \d: \d also matches other scripts' digits ("٢٠٢٦"); \Z refuses a trailing newline.
_WEEK_RE = re.compile(r"([0-9]{4})-W([0-9]{2})\Z")
# The ledger's calendar: no team logged before 2000, and a week near year 9999 cannot be shifted
# (date overflow), so weeks outside these years are refused like any other bad week.
YEAR_MIN, YEAR_MAX = 2000, 2199


@dataclass(frozen=True, order=True)
class IsoWeek:
    year: int
    week: int

    def __str__(self) -> str:
        return f"{self.year}-W{self.week:02d}"

    @classmethod
    def parse(cls, text: str) -> "IsoWeek":
        """Parse "2026-W07"; raises ValueError for anything else or a week the year lacks."""
        m = _WEEK_RE.match(text.strip()) if isinstance(text, str) else None
        if not m:
            raise ValueError(f"not an ISO week like 2026-W07: {text!r}")
        year, week = int(m[1]), int(m[2])
        if not YEAR_MIN <= year <= YEAR_MAX:
            raise ValueError(f"a week from {YEAR_MIN} to {YEAR_MAX}, not {text!r}")
        date.fromisocalendar(year, week, 1)  # raises ValueError for week 0, or 53 in a 52-week year
        return cls(year, week)

    @classmethod
    def of(cls, day: date) -> "IsoWeek":
        """The ISO week a local date falls in."""
        y, w, _ = day.isocalendar()
        return cls(y, w)

    def monday(self) -> date:
        """The local date of this week's Monday."""
        return date.fromisocalendar(self.year, self.week, 1)

    def shift(self, weeks: int) -> "IsoWeek":
        """The week `weeks` later (negative: earlier)."""
        return IsoWeek.of(self.monday() + timedelta(weeks=weeks))


def local_midnight_utc(day: date, tz: str) -> datetime:
    """The UTC instant at which a local date begins in a time zone."""
    return datetime.combine(day, time(0), tzinfo=ZoneInfo(tz)).astimezone(UTC)


def week_bounds(week: IsoWeek, tz: str) -> tuple[datetime, datetime]:
    """Half-open UTC interval [start, end) of an ISO week in a time zone."""
    monday = week.monday()
    return local_midnight_utc(monday, tz), local_midnight_utc(monday + timedelta(days=7), tz)


def week_of(moment: datetime, tz: str) -> IsoWeek:
    """The ISO week, in the team's zone, of an aware timestamp."""
    return IsoWeek.of(moment.astimezone(ZoneInfo(tz)).date())


def month_bounds(moment: datetime, tz: str) -> tuple[datetime, datetime]:
    """Half-open UTC interval of the local calendar month containing `moment`."""
    local = moment.astimezone(ZoneInfo(tz)).date()
    first = local.replace(day=1)
    nxt = (first + timedelta(days=32)).replace(day=1)
    return local_midnight_utc(first, tz), local_midnight_utc(nxt, tz)


def period_bounds(moment: datetime, tz: str, period: str) -> tuple[datetime, datetime]:
    """The allowance period ("week" or "month") containing `moment`, as a UTC interval."""
    if period == "month":
        return month_bounds(moment, tz)
    return week_bounds(week_of(moment, tz), tz)


def local_date(moment: datetime, tz: str) -> date:
    """The local calendar date of an aware timestamp in a time zone."""
    return moment.astimezone(ZoneInfo(tz)).date()


def last_complete_week(now: datetime, tz: str) -> IsoWeek:
    """The most recent ISO week that has fully ended in the team's zone."""
    return week_of(now, tz).shift(-1)
