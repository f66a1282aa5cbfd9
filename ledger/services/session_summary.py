"""Everything a learning session produced, in one read: for its page, the printed summary and the e-mail."""

from dataclasses import dataclass

from sqlmodel import Session, select

from ledger.models import LearningSession, Mandate, Membership, Person, SessionAction, Team
from ledger.permissions import Actor
from ledger.services import playbook, session_actions, session_stories
from ledger.services import sessions as sessions_service
from ledger.vocab import Role


@dataclass(frozen=True)
class Summary:
    """A session with its stories, takeaways, actions and the mandate versions it agreed."""

    row: LearningSession
    team: Team
    facilitator_name: str | None
    stories: list[session_stories.Story]
    takeaways: list[playbook.Entry]
    actions: list[SessionAction]
    owners: dict[int, str]
    mandates: list[Mandate]


def summary(*, session: Session, actor: Actor | None, session_id: int) -> Summary:
    """The whole record of a session (NotFound for a session the actor may not see)."""
    row = sessions_service.find(session=session, actor=actor, session_id=session_id)
    actions = session_actions.actions_of(session=session, session_id=row.id)
    facilitator = session.get(Person, row.facilitator_id) if row.facilitator_id else None
    agreed = list(session.exec(select(Mandate).where(Mandate.learning_session_id == row.id)
                               .order_by(Mandate.valid_from)))
    return Summary(row, session.get(Team, row.team_id), facilitator.display_name if facilitator else None,
                   session_stories.stories(session=session, actor=actor, session_id=row.id),
                   playbook.of_session(session=session, session_id=row.id), actions,
                   session_actions.owner_names(session=session, actions=actions), agreed)


def managers_to_tell(*, session: Session, team_id: int) -> list[Person]:
    """The team's active managers with an e-mail address: who receives the session's summary."""
    query = (select(Person).join(Membership, Membership.person_id == Person.id)
             .where(Membership.team_id == team_id, Person.role == Role.MANAGER, Person.active,
                    Person.email.is_not(None)).order_by(Person.display_name, Person.id))
    return list(session.exec(query))


def agreeing_sessions(*, session: Session, mandate_ids: list[int]) -> dict[int, LearningSession]:
    """For the mandate history: the learning session that agreed each of these versions, by mandate id.

    A version names its session (Mandate.learning_session_id); a version inserted whole, as an import or
    the demo does, is found through the session's action that was applied as it (applied_mandate_id).
    """
    if not mandate_ids:
        return {}
    agreed = LearningSession.id == Mandate.learning_session_id
    query = (select(Mandate.id, LearningSession).join(LearningSession, agreed)
             .where(Mandate.id.in_(mandate_ids)))
    found = {mandate_id: row for mandate_id, row in session.exec(query)}
    applied = (select(SessionAction.applied_mandate_id, LearningSession)
               .join(LearningSession, LearningSession.id == SessionAction.session_id)
               .where(SessionAction.applied_mandate_id.in_(mandate_ids)))
    for mandate_id, row in session.exec(applied):
        found.setdefault(mandate_id, row)
    return found
