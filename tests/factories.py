"""Plain factory functions with defaults (CTFd style) for building test data quickly."""

from datetime import date

from sqlmodel import Session

from ledger.models import Mandate, Membership, Person, Team


def make_team(session: Session, name: str = "Front desk", **kw) -> Team:
    team = Team(name=name, **kw)
    session.add(team)
    session.commit()
    return team


def make_person(session: Session, team: Team | None = None, name: str = "Anouk", role: str = "staff",
                **kw) -> Person:
    person = Person(display_name=name, role=role, **kw)
    session.add(person)
    session.commit()
    if team is not None:
        session.add(Membership(team_id=team.id, person_id=person.id))
        session.commit()
    return person


def make_mandate(session: Session, team: Team, *, cap: int = 2500, allowance: int = 6000,
                 period: str = "week", valid_from: date = date(2020, 1, 1), kinds: str = "",
                 why: str = "Make a guest's day when you see the chance.") -> Mandate:
    mandate = Mandate(team_id=team.id, valid_from=valid_from, per_gesture_cap_cents=cap,
                      allowance_cents=allowance, allowance_period=period, kinds=kinds, why=why)
    session.add(mandate)
    session.commit()
    return mandate


def gesture_input(**overrides):
    """A valid GestureInput: a €2.50 treat for a waiting customer an hour ago, who was delighted."""
    from datetime import UTC, datetime, timedelta

    from ledger.services.gestures import GestureInput

    values = dict(occurred_at=datetime.now(UTC) - timedelta(hours=1), kind="treat", trigger="waiting",
                  reaction=4, cost_cents=250, effort_minutes=5, description="Coffee while they waited")
    values.update(overrides)
    return GestureInput(**values)


def make_gesture(session: Session, team: Team, person: Person, *, logged_by: Person | None = None,
                 gesture_id=None, now=None, **overrides):
    """Log a gesture through the real service (validation, PII scan, mandate check); returns the row."""
    from ledger.services.gestures import log_gesture

    logged = log_gesture(session=session, team_id=team.id, person_id=person.id,
                         logged_by_id=(logged_by or person).id, data=gesture_input(**overrides),
                         gesture_id=gesture_id, now=now)
    return logged.gesture


def errors_at_once(work, arguments: list[tuple]) -> list[Exception]:
    """Run `work(*args)` for every args in its own thread, all at once; the exceptions they raised."""
    import threading

    errors: list[Exception] = []

    def guarded(*args):
        try:
            work(*args)
        except Exception as exc:  # noqa: BLE001 - the caller's assertion shows it
            errors.append(exc)

    threads = [threading.Thread(target=guarded, args=args) for args in arguments]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors
