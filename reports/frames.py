"""The mandate side of a report: weekly allowances per person and mandate versions that changed lately."""

from dataclasses import dataclass
from datetime import date, timedelta

from sqlmodel import Session, select

from ledger.models import Mandate, MandateOverride
from ledger.services.mandates import mandate_in_force

# A monthly allowance is shown per week as its average weekly share: 12 months over 52 weeks.
MONTHS_PER_YEAR = 12
WEEKS_PER_YEAR = 52


@dataclass(frozen=True)
class WeekFrame:
    """The frame in force at the end of a week: team cap and weekly allowance, per-person overrides."""

    mandate_id: int | None
    cap_cents: int | None
    allowance_cents: int | None  # per person per week
    period: str | None
    person_allowance: dict[int, int]  # weekly allowance of people with an override

    def allowance_for(self, person_id: int) -> int | None:
        """The weekly allowance of one person (override applied)."""
        return self.person_allowance.get(person_id, self.allowance_cents)


def weekly_share(allowance_cents: int, period: str) -> int:
    """An allowance expressed per week (a monthly one as its average weekly share)."""
    if period == "month":
        return round(allowance_cents * MONTHS_PER_YEAR / WEEKS_PER_YEAR)
    return allowance_cents


def frame_of_week(*, session: Session, team_id: int, last_day: date) -> WeekFrame:
    """The mandate in force on the week's last local day, with overrides as weekly allowances."""
    mandate = mandate_in_force(session=session, team_id=team_id, on=last_day)
    if mandate is None:
        return WeekFrame(None, None, None, None, {})
    period = mandate.allowance_period
    overrides = session.exec(select(MandateOverride).where(MandateOverride.mandate_id == mandate.id))
    person_allowance = {o.person_id: weekly_share(o.allowance_cents, period)
                        for o in overrides if o.allowance_cents is not None}
    return WeekFrame(mandate.id, mandate.per_gesture_cap_cents, weekly_share(mandate.allowance_cents, period),
                     period, person_allowance)


def versions_between(*, session: Session, team_id: int, first_day: date, last_day: date
                     ) -> list[tuple[Mandate | None, Mandate]]:
    """Mandate versions starting in [first_day, last_day], each with the version before it."""
    started = list(session.exec(select(Mandate).where(
        Mandate.team_id == team_id, Mandate.valid_from >= first_day, Mandate.valid_from <= last_day)
        .order_by(Mandate.valid_from)))
    return [(mandate_in_force(session=session, team_id=team_id, on=m.valid_from - timedelta(days=1)), m)
            for m in started]
