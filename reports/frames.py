"""The mandate side of a report: weekly allowances per person and mandate versions that changed lately."""

from dataclasses import dataclass
from datetime import date, timedelta

from sqlmodel import Session, select

from ledger.models import Mandate, MandateOverride
from ledger.services.mandates import mandate_in_force

# A monthly allowance is never shown per week (nobody agreed on "€ 23,08 a week"); only the quiet-mandate
# rule compares weeks of spending with it, in its logic only, as its average weekly share (12 / 52).
MONTHS_PER_YEAR = 12
WEEKS_PER_YEAR = 52


@dataclass(frozen=True)
class WeekFrame:
    """The frame in force at the end of a week: team cap, allowance per its period, per-person overrides.

    `allowance_cents` and `allowance_for` answer the WEEKLY allowance and are None for a monthly frame;
    a monthly frame's amounts are `period_allowance_cents` and `period_allowance_for`.
    """

    mandate_id: int | None
    cap_cents: int | None
    period_allowance_cents: int | None  # per person per period (week or month)
    period: str | None
    person_allowance: dict[int, int]  # allowance per period of people with an override

    @property
    def monthly(self) -> bool:
        """True when the allowance is agreed per month."""
        return self.period == "month"

    @property
    def allowance_cents(self) -> int | None:
        """The weekly allowance per person; None without a mandate or for a monthly frame."""
        return None if self.monthly else self.period_allowance_cents

    def period_allowance_for(self, person_id: int) -> int | None:
        """One person's allowance per period (override applied)."""
        return self.person_allowance.get(person_id, self.period_allowance_cents)

    def allowance_for(self, person_id: int) -> int | None:
        """One person's weekly allowance (override applied); None for a monthly frame."""
        return None if self.monthly else self.period_allowance_for(person_id)


def weekly_share(allowance_cents: int, period: str) -> int:
    """An allowance's average weekly share (rule logic only: never shown as an amount)."""
    if period == "month":
        return round(allowance_cents * MONTHS_PER_YEAR / WEEKS_PER_YEAR)
    return allowance_cents


def frame_of_week(*, session: Session, team_id: int, last_day: date) -> WeekFrame:
    """The mandate in force on the week's last local day, with its overrides, in the frame's own period."""
    mandate = mandate_in_force(session=session, team_id=team_id, on=last_day)
    if mandate is None:
        return WeekFrame(None, None, None, None, {})
    period = mandate.allowance_period
    overrides = session.exec(select(MandateOverride).where(MandateOverride.mandate_id == mandate.id))
    person_allowance = {o.person_id: o.allowance_cents for o in overrides if o.allowance_cents is not None}
    return WeekFrame(mandate.id, mandate.per_gesture_cap_cents, mandate.allowance_cents, period,
                     person_allowance)


def versions_between(*, session: Session, team_id: int, first_day: date, last_day: date
                     ) -> list[tuple[Mandate | None, Mandate]]:
    """Mandate versions starting in [first_day, last_day], each with the version before it."""
    started = list(session.exec(select(Mandate).where(
        Mandate.team_id == team_id, Mandate.valid_from >= first_day, Mandate.valid_from <= last_day)
        .order_by(Mandate.valid_from)))
    return [(mandate_in_force(session=session, team_id=team_id, on=m.valid_from - timedelta(days=1)), m)
            for m in started]
