"""Test data for report tests: gestures inserted as plain ledger rows (fast, no service per row).

`add` writes one current ledger row with origin_id = id, exactly as the logging service would for a
first entry; corrections and voids are added with `correct` and `void` so the current-ledger rules apply.
"""

import uuid
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlmodel import Session

from ledger.models import Appreciation, Gesture, Person, Team
from ledger.weeks import IsoWeek

WEEK = IsoWeek(2026, 7)  # the reported week of most tests: Mon 9 – Sun 15 February 2026
NOW = datetime(2026, 2, 20, 12, tzinfo=UTC)


def at(week: IsoWeek, day: int = 0, hour: int = 12, minute: int = 0,
       tz: str = "Europe/Amsterdam") -> datetime:
    """An aware UTC instant: local `hour:minute` on day `day` (0 = Monday) of an ISO week in `tz`."""
    local = datetime.combine(week.monday() + timedelta(days=day), time(hour, minute), tzinfo=ZoneInfo(tz))
    return local.astimezone(UTC)


def add(session: Session, team: Team, person: Person, when: datetime, *, kind: str = "treat",
        trigger: str = "waiting", cost: int = 300, reaction: int = 4, description: str = "",
        check: str = "within", follow_up: str | None = None, reaction_note: str = "",
        commit: bool = True) -> Gesture:
    """One current gesture row."""
    gid = uuid.uuid4()
    row = Gesture(id=gid, origin_id=gid, team_id=team.id, person_id=person.id, logged_by_id=person.id,
                  occurred_at=when, kind=kind, trigger=trigger, cost_cents=cost, reaction=reaction,
                  description=description, mandate_check=check, follow_up=follow_up,
                  reaction_note=reaction_note)
    session.add(row)
    if commit:
        session.commit()
    return row


def add_many(session: Session, team: Team, person: Person, when: datetime, count: int, **kw) -> list[Gesture]:
    """`count` identical gestures a minute apart, committed once."""
    rows = [add(session, team, person, when + timedelta(minutes=i), commit=False, **kw) for i in range(count)]
    session.commit()
    return rows


def correct(session: Session, old: Gesture, **changes) -> Gesture:
    """A correction row superseding `old` (same origin)."""
    data = {c: getattr(old, c) for c in ("occurred_at", "kind", "trigger", "cost_cents", "reaction",
                                          "description", "team_id", "person_id", "logged_by_id",
                                          "mandate_check", "follow_up")}
    data.update(changes)
    row = Gesture(id=uuid.uuid4(), origin_id=old.origin_id, supersedes_id=old.id, entry_type="correction",
                  **data)
    session.add(row)
    session.commit()
    return row


def void(session: Session, old: Gesture) -> Gesture:
    """A void row superseding `old`."""
    data = {c: getattr(old, c) for c in ("occurred_at", "kind", "trigger", "cost_cents", "reaction",
                                          "team_id", "person_id", "logged_by_id")}
    row = Gesture(id=uuid.uuid4(), origin_id=old.origin_id, supersedes_id=old.id, entry_type="void",
                  change_reason="logged twice", **data)
    session.add(row)
    session.commit()
    return row


def appreciate(session: Session, gesture: Gesture, person: Person) -> None:
    """One appreciation of the gesture's chain."""
    session.add(Appreciation(gesture_id=gesture.origin_id, person_id=person.id))
    session.commit()


def ids(rows) -> set[str]:
    """The origin ids of rows, as the report writes them."""
    return {str(r.origin_id) for r in rows}


LONG_AGO = datetime(2025, 1, 1, tzinfo=UTC)


def crew(session: Session, names=("Anouk", "Bram", "Cem"), *, team_name: str = "Front desk",
         mandate: bool = True, **team_kw) -> tuple[Team, list[Person]]:
    """A team with a mandate (cap €25, €60 a week) and staff members who joined long ago."""
    from tests.factories import make_mandate, make_person, make_team

    team = make_team(session, team_name, **team_kw)
    if mandate:
        make_mandate(session, team)
    return team, [make_person(session, team, name=n, created_at=LONG_AGO) for n in names]


def report(session: Session, team: Team, week: IsoWeek = WEEK, lang: str = "en"):
    """The weekly report of `team` for `week`, built as of NOW."""
    from reports import build_weekly_report

    return build_weekly_report(session=session, team_id=team.id, week=week, now=NOW, lang=lang)


def of_kind(rep, kind: str) -> list:
    """The report's prompts of one kind."""
    return [p for p in rep.prompts if p.kind == kind]
