"""When imported people joined their teams (people.csv's optional `member_since` column).

A roster imported together with months of history would otherwise make everyone "new" on the import
date — and the report never asks about a new colleague's quiet mandate. So a membership made by the
import starts on the row's `member_since` date; without one, a person who joined a team in this run
counts as a member since the start of that team's imported history (its first gesture in gestures.csv).
A membership whose start date is already known is never changed.
"""

from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlmodel import Session

from ledger.models import Team
from ledger.services import people


class MemberSince:
    """Collects the import's undated memberships and each team's first imported day, then dates them."""

    def __init__(self) -> None:
        self.undated: set[tuple[int, int]] = set()  # (team id, person id)
        self.history_start: dict[int, date] = {}

    def joined(self, *, team_id: int, person_id: int) -> None:
        """A membership the import made (or found undated) without a member_since date."""
        self.undated.add((team_id, person_id))

    def saw_gesture(self, team: Team, occurred_at: datetime) -> None:
        """A gesture of `team` in this run: its local day may be the start of the imported history."""
        day = occurred_at.astimezone(ZoneInfo(team.timezone)).date()
        if day < self.history_start.get(team.id, date.max):
            self.history_start[team.id] = day

    def apply(self, session: Session) -> int:
        """Date every undated membership of a team with imported history; how many were dated."""
        dated = 0
        for team_id, person_id in sorted(self.undated):
            start = self.history_start.get(team_id)
            if start is not None and people.date_membership(session=session, team_id=team_id,
                                                            person_id=person_id, since=start,
                                                            only_undated=True):
                dated += 1
        return dated
