"""One importer pass over the rows of each file, calling the ledger's services row by row.

Every problem is recorded (not raised) so that one run reports all bad rows at once; the caller
rolls the whole transaction back when there is any.
"""

import uuid
from collections.abc import Callable
from datetime import UTC, datetime

from sqlmodel import Session, select

from ledger.errors import Conflict, LedgerError, ValidationFailed
from ledger.models import Appreciation, Gesture, Team
from ledger.services import appreciations, mandates, people
from ledger.services.gestures import GestureInput, log_gesture
from seed_data import cells, reasons
from seed_data.counts import Counts
from seed_data.csvfiles import Problem, Row
from seed_data.gesture_ids import derived_id, logged_at_for
from seed_data.member_since import MemberSince


class RowImporter:
    """Imports rows file by file and collects a Problem for every row that cannot be stored."""

    def __init__(self, *, session: Session, now: datetime, tick: Callable[[int], None]):
        self.session, self.now, self.tick = session, now, tick
        self.problems: list[Problem] = []
        self.counts = Counts()
        self._failed_teams: set[str] = set()
        self._failed_people: set[str] = set()
        self._people: dict[tuple[int, str], int | None] = {}
        self._teams: dict[str, Team] = {}
        self.member_since = MemberSince()

    def import_file(self, name: str, rows: list[Row]) -> None:
        """Import every row of one file (gestures in the order they happened, for the allowance check)."""
        if name == "gestures.csv":
            self._gestures(rows)
            return
        handler = {"teams.csv": self._team_row, "people.csv": self._person_row,
                   "mandates.csv": self._mandate_row, "appreciations.csv": self._appreciation_row}[name]
        for row in rows:
            handler(row)
            self.tick(1)

    # -- recording problems ------------------------------------------------------------------------

    def fail(self, row: Row, column: str | None, reason: str) -> None:
        """Record one problem with one row."""
        self.problems.append(Problem(row.file, row.line, column, reason))

    def fail_service(self, row: Row, exc: LedgerError) -> None:
        """Record the problems a service raised, named by the CSV column they concern."""
        if not isinstance(exc, ValidationFailed):
            self.fail(row, None, str(exc) or type(exc).__name__)
            return
        for err in exc.errors:
            column = reasons.column(err.field)
            text = reasons.reason(err, row.get(column))
            if err.field == "pin" and row.get("pin").isdigit() and len(row.get("pin")) < 4:
                text += " (spreadsheets drop leading zeros: format the column as text)"
            self.fail(row, column, text)

    def parse(self, row: Row, parsers: dict[str, Callable[[str], object]]) -> dict | None:
        """Parse several cells; None (with every bad cell recorded) if any of them is bad."""
        values, ok = {}, True
        for column, parse in parsers.items():
            try:
                values[column] = parse(row.get(column))
            except cells.CellError as exc:
                self.fail(row, column, str(exc))
                ok = False
        return values if ok else None

    # -- look-ups -----------------------------------------------------------------------------------

    def team(self, row: Row, name: str, column: str = "team") -> Team | None:
        """The team called `name`, or None with the reason recorded."""
        if not name:
            self.fail(row, column, "is empty; it is required")
            return None
        team = self._teams.get(name.lower()) or people.find_team_by_name(session=self.session, name=name)
        if team is not None:
            self._teams[name.lower()] = team
        else:
            failed = name.lower() in self._failed_teams
            self.fail(row, column, f"team {name!r} " + ("has a problem in teams.csv" if failed else
                                                        "does not exist (add it to teams.csv)"))
        return team

    def person_in(self, row: Row, team: Team, name: str, column: str = "person") -> int | None:
        """The id of the team member called `name`, or None with the reason recorded."""
        key = (team.id, name.lower())
        if key not in self._people:
            try:
                found = people.find_person_by_name(session=self.session, name=name, team_id=team.id)
            except Conflict:
                self.fail(row, column, f"more than one person in {team.name!r} is called {name!r}")
                return None
            self._people[key] = found.id if found else None
        if self._people[key] is None:
            failed = name.lower() in self._failed_people
            why = "has a problem in people.csv" if failed else f"is not a member of {team.name!r}"
            self.fail(row, column, f"{name!r} {why}" if name else "is empty; it is required")
        return self._people[key]

    # -- teams, people, mandates --------------------------------------------------------------------

    def _team_row(self, row: Row) -> None:
        name = row.get("name")
        if name and people.find_team_by_name(session=self.session, name=name) is not None:
            self.counts.existing["teams"] += 1
            return
        try:
            people.create_team(session=self.session, name=name, why=row.get("why"),
                               timezone=row.get("timezone") or "Europe/Amsterdam")
        except LedgerError as exc:
            self._failed_teams.add(name.lower())
            self.fail_service(row, exc)
            return
        self.counts.added["teams"] += 1

    def _person_row(self, row: Row) -> None:
        name, email = row.get("name"), row.get("email") or None
        teams = [self.team(row, team_name, "teams") for team_name in cells.names(row.get("teams"))]
        since = self.parse(row, {"member_since": lambda t: cells.local_date(t) if t else None})
        if None in teams or since is None:
            self._failed_people.add(name.lower())
            return
        since = since["member_since"]
        try:
            found = people.find_person_by_email(session=self.session, email=email) if email else \
                people.find_person_by_name(session=self.session, name=name,
                                           team_id=teams[0].id if teams else None)
            if found is None:
                found = people.create_person(
                    session=self.session, display_name=name, role=row.get("role").lower(),
                    team_ids=[t.id for t in teams], email=email, since=since,
                    password=row.get("password") or None, pin=row.get("pin") or None)
                self.counts.added["people"] += 1
            else:
                self.counts.existing["people"] += 1
            self._join(found.id, teams, since)
        except LedgerError as exc:
            self._failed_people.add(name.lower())
            self.fail_service(row, exc)

    def _join(self, person_id: int, teams: list[Team], since) -> None:
        """Memberships from `since`; without it they start with the team's imported history (finish)."""
        for team in teams:
            people.add_member(session=self.session, team_id=team.id, person_id=person_id, since=since)
            if since is None:
                self.member_since.joined(team_id=team.id, person_id=person_id)
            else:
                people.date_membership(session=self.session, team_id=team.id, person_id=person_id,
                                       since=since, only_undated=True)

    def finish(self) -> None:
        """After every file: date the memberships that came without a member_since."""
        self.member_since.apply(self.session)

    def _mandate_row(self, row: Row) -> None:
        team = self.team(row, row.get("team"))
        values = self.parse(row, {
            "valid_from": cells.local_date,
            "per_gesture_cap_eur": lambda t: cells.money(t, default=None),
            "allowance_eur": lambda t: cells.money(t, default=None)})
        if team is None or values is None:
            return
        if mandates.mandate_exists(session=self.session, team_id=team.id, valid_from=values["valid_from"]):
            self.counts.existing["mandates"] += 1
            return
        try:
            mandates.create_mandate_version(
                session=self.session, team_id=team.id, valid_from=values["valid_from"],
                per_gesture_cap_cents=values["per_gesture_cap_eur"], allowance_cents=values["allowance_eur"],
                allowance_period=row.get("allowance_period").lower() or "week",
                kinds=cells.codes(row.get("kinds")), why=row.get("why"))
        except LedgerError as exc:
            self.fail_service(row, exc)
            return
        self.counts.added["mandates"] += 1

    # -- gestures and appreciations -----------------------------------------------------------------

    def _gestures(self, rows: list[Row]) -> None:
        parsed = []
        for row in rows:
            item = self._parse_gesture(row)
            if item is None:
                self.tick(1)
            else:
                parsed.append(item)
        # The allowance check sums what was already spent in the period, so log in time order.
        parsed.sort(key=lambda item: (item[3].occurred_at, item[0].line))
        for row, team_id, person_id, data, gid in parsed:
            self._log(row, team_id, person_id, data, gid)
            self.tick(1)

    def _parse_gesture(self, row: Row):
        team = self.team(row, row.get("team"))
        person_id = self.person_in(row, team, row.get("person")) if team is not None else None
        tz = team.timezone if team is not None else "UTC"
        values = self.parse(row, {
            "occurred_at": lambda t: cells.moment(t, tz), "id": cells.gesture_id,
            "cost_eur": cells.money, "effort_minutes": cells.optional_whole_number,
            "reaction": lambda t: cells.whole_number(t, default=None)})
        if team is None or person_id is None or values is None:
            return None
        data = GestureInput(
            occurred_at=values["occurred_at"], kind=row.get("kind").lower(),
            trigger=row.get("trigger").lower(), reaction=values["reaction"], cost_cents=values["cost_eur"],
            effort_minutes=values["effort_minutes"], description=row.get("description"),
            trigger_note=row.get("trigger_note"), reaction_note=row.get("reaction_note"),
            follow_up=row.get("follow_up").lower() or None)
        gid = values["id"] or derived_id(row.get("team"), row.get("person"), data)
        self.member_since.saw_gesture(team, values["occurred_at"])
        return row, team.id, person_id, data, gid

    def _log(self, row: Row, team_id: int, person_id: int, data: GestureInput, gid: uuid.UUID) -> None:
        try:
            logged = log_gesture(session=self.session, team_id=team_id, person_id=person_id,
                                 logged_by_id=person_id, data=data, gesture_id=gid,
                                 now=logged_at_for(data.occurred_at, self.now))
        except Conflict:
            self.fail(row, "id", "is already used for a different gesture")
            return
        except LedgerError as exc:
            self.fail_service(row, exc)
            return
        (self.counts.added if logged.created else self.counts.existing)["gestures"] += 1

    def _appreciation_row(self, row: Row) -> None:
        values = self.parse(row, {"gesture_id": lambda t: cells.gesture_id(t) or _required()})
        if values is None:
            return
        gesture = self.session.get(Gesture, values["gesture_id"])
        if gesture is None:
            self.fail(row, "gesture_id", "no gesture with this id in gestures.csv or the ledger")
            return
        team = self.session.get(Team, gesture.team_id)
        by_id = self._appreciator(row, team)
        when = self.parse(row, {"created_at": lambda t: cells.moment(t, team.timezone) if t else None})
        if by_id is None or when is None:
            return
        if self.session.exec(select(Appreciation.id).where(
                Appreciation.gesture_id == gesture.origin_id, Appreciation.person_id == by_id)).first():
            self.counts.existing["appreciations"] += 1
            return
        self._appreciate(row, gesture, by_id, when["created_at"])

    def _appreciator(self, row: Row, team: Team) -> int | None:
        # Admins may appreciate without belonging to the team; the service decides who may.
        name = row.get("from_person")
        try:
            found = people.find_person_by_name(session=self.session, name=name, team_id=team.id) or \
                people.find_person_by_name(session=self.session, name=name)
        except Conflict:
            self.fail(row, "from_person", f"more than one person is called {name!r}")
            return None
        if found is None:
            reason = f"nobody is called {name!r}" if name else "is empty; it is required"
            self.fail(row, "from_person", reason)
        return found.id if found else None

    def _appreciate(self, row: Row, gesture: Gesture, by_id: int, created_at: datetime | None) -> None:
        if created_at is not None and not gesture.occurred_at <= created_at <= self.now:
            self.fail(row, "created_at", "lies before the gesture" if created_at < gesture.occurred_at
                      else "lies in the future")
            return
        try:
            # An imported appreciation keeps the moment it was really given (the ledger row cannot change).
            appreciations.appreciate(session=self.session, gesture_id=gesture.id, by_id=by_id,
                                     note=row.get("note"),
                                     at=created_at.astimezone(UTC) if created_at is not None else None)
        except LedgerError as exc:
            self.fail_service(row, exc)
            return
        self.counts.added["appreciations"] += 1


def _required():
    raise cells.CellError("is empty; it is required")
