"""The demo's learning loop for the hotel: one closed session a little over four weeks back that agreed the
cap raise (the demo's mandate of four weeks ago), a playbook of six takeaways, and a planned session with
two stories its givers offered. Added after the CSV import (sessions are not part of the import format),
insert-only: the mandate stays as imported and names its session through the applied action.
"""

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from ledger.current import is_current
from ledger.models import (
    Gesture,
    LearningSession,
    Mandate,
    Person,
    SessionAction,
    SessionStory,
    StoryOffer,
    Takeaway,
    TakeawayStory,
)
from ledger.services import audit
from ledger.services.people import find_team_by_name
from ledger.types import utcnow
from ledger.weeks import week_of
from seed_data.demo import cast

# (text, kind, trigger, which story taught it: index into the session's stories or None)
TAKEAWAYS = (
    ("Een bar-voucher bij wachten valt plat: breng zelf koffie en blijf even staan.", "treat", "waiting", 4),
    ("Een slechte avond goedmaken mag meer kosten dan €10, als het meteen gebeurt.", "recovery", "complaint",
     0),
    ("Tijd geven werkt vaak beter dan iets geven: loop mee naar de taxi.", "time", None, 2),
    ("Vraag naar de aanleiding: een trouwdag of een sollicitatie maakt een klein gebaar groot.", None,
     "celebration", 3),
    ("Vertel het verhaal bij de overdracht, dan doet de volgende dienst het ook.", None, None, None),
    ("Bij een klacht over de kamer eerst een andere kamer aanbieden, daarna pas iets extra's.", "recovery",
     "complaint", 1),
)


def _local(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=ZoneInfo(cast.TZ)).astimezone(UTC)


def _person(session: Session, name: str) -> Person:
    return session.exec(select(Person).where(Person.display_name == name)).one()


def _gestures(session: Session, team_id: int, start: datetime, end: datetime):
    return select(Gesture).where(Gesture.team_id == team_id, Gesture.occurred_at >= start,
                                 Gesture.occurred_at < end, is_current())


def _stories(session: Session, team_id: int, start: datetime, end: datetime) -> list[Gesture]:
    """Five different stories: the two over the cap, the best-received extra time, the best-received
    celebration, and one that fell flat (their order matches TAKEAWAYS)."""
    query = _gestures(session, team_id, start, end)
    best = (func.length(Gesture.description).desc(), Gesture.occurred_at)
    candidates = [
        *session.exec(query.where(Gesture.mandate_check != "within").order_by(Gesture.occurred_at)),
        *session.exec(query.where(Gesture.kind == "time", Gesture.reaction == 5).order_by(*best)),
        *session.exec(query.where(Gesture.trigger == "celebration", Gesture.reaction >= 4).order_by(*best)),
        *session.exec(query.where(Gesture.reaction <= 2).order_by(Gesture.occurred_at.desc())),
    ]
    wanted = (2, 1, 1, 1)  # how many of each group above
    picked: list[Gesture] = []
    groups = [[g for g in candidates if _group(g) == i] for i in range(4)]
    for group, count in zip(groups, wanted, strict=True):
        for row in group:
            if count and all(row.description != p.description for p in picked):
                picked.append(row)
                count -= 1
    return picked


def _group(row: Gesture) -> int:
    if row.mandate_check != "within":
        return 0
    if row.reaction <= 2:
        return 3
    return 1 if row.kind == "time" and row.reaction == 5 else 2 if row.trigger == "celebration" else -1


def add_demo_sessions(*, engine: Engine, now: datetime | None = None) -> None:
    """The hotel's closed and planned learning sessions and its playbook (no-op without the hotel)."""
    with Session(engine) as session:
        team = find_team_by_name(session=session, name=cast.HOTEL)
        if team is None:
            return
        raise_day = week_of(now or utcnow(), cast.TZ).shift(-4).monday()
        raised = session.exec(select(Mandate).where(Mandate.team_id == team.id,
                                                    Mandate.valid_from == raise_day)).first()
        closed = _closed_session(session, team.id, raise_day - timedelta(days=3), raised)
        _planned_session(session, team.id, closed, now or utcnow())
        session.commit()


def _closed_session(session: Session, team_id: int, held_on: date, raised: Mandate | None) -> LearningSession:
    manager, dewi = _person(session, cast.MANAGERS[0].name), _person(session, "Dewi Santoso")
    start = held_on - timedelta(days=27)
    row = LearningSession(
        team_id=team_id, held_on=held_on, title="Teamsessie: klachten goedmaken", period_start=start,
        period_end=held_on, status="closed", participant_count=7, created_by_id=manager.id,
        notes="Vijf verhalen verteld. Twee keer ging iemand over het plafond om een slechte avond goed te "
              "maken, en beide keren was dat de moeite waard. Bar-vouchers bij wachten landen niet.",
        created_at=_local(held_on - timedelta(days=7), 9), closed_at=_local(held_on, 16))
    session.add(row)
    session.flush()
    stories = _stories(session, team_id, _local(start, 0), _local(held_on + timedelta(days=1), 0))
    links = [SessionStory(session_id=row.id, gesture_id=g.origin_id, position=i + 1, added_by_id=manager.id)
             for i, g in enumerate(stories)]
    session.add_all(links)
    session.flush()
    for text, kind, trigger, story in TAKEAWAYS:
        lesson = Takeaway(team_id=team_id, session_id=row.id, text=text, kind=kind, trigger=trigger,
                          created_by_id=manager.id, created_at=row.closed_at)
        session.add(lesson)
        session.flush()
        if story is not None and story < len(links):
            session.add(TakeawayStory(takeaway_id=lesson.id, gesture_id=links[story].gesture_id))
            links[story].takeaway_id = links[story].takeaway_id or lesson.id
    session.add(SessionAction(
        session_id=row.id, text="Koffie en appeltaart klaarzetten voor wachtende gasten, in plaats van een "
                                "bar-voucher", owner_id=dewi.id, due_on=held_on + timedelta(days=14),
        created_by_id=manager.id, created_at=row.closed_at))
    if raised is not None:
        session.add(SessionAction(
            session_id=row.id,
            text="Plafond per gebaar van €10 naar €15: herstel na een klacht vraagt soms meer",
            status="done", proposed_cap_cents=raised.per_gesture_cap_cents,
            proposed_allowance_cents=raised.allowance_cents, proposed_period=raised.allowance_period,
            proposed_why=raised.why[:500], applied_mandate_id=raised.id, applied_by_id=manager.id,
            applied_at=row.closed_at + timedelta(hours=1), created_by_id=manager.id,
            created_at=row.closed_at))
    audit.record(session, action="session.close", actor_id=manager.id, entity="learning_session",
                 entity_id=row.id, team_id=team_id, detail={"demo": True})
    return row


def _planned_session(session: Session, team_id: int, closed: LearningSession, now: datetime) -> None:
    """Next session in three days, Anouk facilitating; two recent stories offered by their givers."""
    today = now.astimezone(ZoneInfo(cast.TZ)).date()
    manager, anouk = _person(session, cast.MANAGERS[0].name), _person(session, "Anouk Jansen")
    held_on = today + timedelta(days=3)
    row = LearningSession(team_id=team_id, held_on=held_on, title="Teamsessie: wachten sinds de lift stuk is",
                          period_start=closed.held_on + timedelta(days=1), period_end=held_on,
                          facilitator_id=anouk.id, created_by_id=manager.id)
    session.add(row)
    recent = session.exec(_gestures(session, team_id, _local(today - timedelta(days=14), 0), now)
                          .where(Gesture.reaction >= 4)
                          .order_by(func.length(Gesture.description).desc(), Gesture.occurred_at)).all()
    givers: set[int] = set()
    for gesture in recent:
        if gesture.person_id not in givers and len(givers) < 2:
            givers.add(gesture.person_id)
            session.add(StoryOffer(team_id=team_id, gesture_id=gesture.origin_id,
                                   person_id=gesture.person_id))
    jeroen = _person(session, "Jeroen Visser")
    jeroen.show_name_in_sessions = False  # his stories are told as a colleague's
    session.add(jeroen)
