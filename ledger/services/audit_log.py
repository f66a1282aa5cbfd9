"""Reading the audit trail: filters (who, what, which team, from–to), pages, and CSV rows.

Admins read every event; managers only the events of their own teams. Cells of the CSV that a
spreadsheet would run as a formula are made inert.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import String, cast, func, or_
from sqlalchemy.orm import aliased
from sqlmodel import Session, select

from ledger.csv_cells import safe_cell
from ledger.errors import NotAllowed
from ledger.models import AuditEvent, Membership, Person, Team
from ledger.permissions import Actor, may_administer, may_read_audit, visible_team_ids

PER_PAGE = 50
EXPORT_LIMIT = 100_000
CSV_HEADER = ("at", "actor", "action", "entity", "entity_id", "team", "detail")


@dataclass(frozen=True)
class AuditFilter:
    """What to show; None or "" means any. `start`/`end` are UTC dates, both inclusive."""

    actor_id: int | None = None
    action: str = ""
    team_id: int | None = None
    start: date | None = None
    end: date | None = None


@dataclass(frozen=True)
class AuditRow:
    """One event with the names an admin reads (the actor's current, possibly pseudonymised, name)."""

    id: int
    at: datetime
    actor: str
    action: str
    entity: str
    entity_id: str
    team: str
    detail: str


@dataclass(frozen=True)
class AuditPage:
    rows: tuple[AuditRow, ...]
    page: int
    pages: int
    total: int


def _scope(session: Session, actor: Actor, team_id: int | None) -> list[int] | None:
    """The team ids the actor may read (None: all); NotAllowed for a team that is not theirs."""
    if team_id is not None and not may_read_audit(session=session, actor=actor, team_id=team_id):
        raise NotAllowed("not your team")
    if may_administer(actor=actor):
        return None
    if not actor.is_manager_or_admin:
        raise NotAllowed("managers and administrators only")
    return visible_team_ids(session=session, actor=actor)


def _statement(session: Session, actor: Actor, flt: AuditFilter):
    scope = _scope(session, actor, flt.team_id)
    who = aliased(Person)
    query = (select(AuditEvent, who.display_name, Team.name)
             .outerjoin(who, who.id == AuditEvent.actor_id).outerjoin(Team, Team.id == AuditEvent.team_id))
    if scope is not None:
        # A manager's teams' events, and those about their teams' people (added, deactivated, …).
        members = select(cast(Membership.person_id, String)).where(Membership.team_id.in_(scope))
        about_member = (AuditEvent.entity == "person") & AuditEvent.entity_id.in_(members)
        query = query.where(or_(AuditEvent.team_id.in_(scope), about_member))
    if flt.team_id is not None:
        query = query.where(AuditEvent.team_id == flt.team_id)
    if flt.actor_id is not None:
        query = query.where(AuditEvent.actor_id == flt.actor_id)
    if flt.action:
        query = query.where(AuditEvent.action.startswith(flt.action[:40], autoescape=True))
    if flt.start is not None:
        query = query.where(AuditEvent.at >= datetime.combine(flt.start, time(), tzinfo=UTC))
    if flt.end is not None:
        until = datetime.combine(flt.end + timedelta(days=1), time(), tzinfo=UTC)
        query = query.where(AuditEvent.at < until)
    return query


def _row(event: AuditEvent, actor_name: str | None, team_name: str | None) -> AuditRow:
    return AuditRow(event.id, event.at, actor_name or "", event.action, event.entity, event.entity_id,
                    team_name or "", event.detail)


def search(*, session: Session, actor: Actor, flt: AuditFilter, page: int = 1,
           per_page: int = PER_PAGE) -> AuditPage:
    """One page of matching events, newest first."""
    query = _statement(session, actor, flt)
    total = int(session.exec(select(func.count()).select_from(query.subquery())).one())
    pages = max(1, -(-total // per_page))
    page = min(max(1, page), pages)
    rows = session.exec(query.order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
                        .offset((page - 1) * per_page).limit(per_page))
    return AuditPage(tuple(_row(*r) for r in rows), page, pages, total)


def csv_rows(*, session: Session, actor: Actor, flt: AuditFilter) -> Iterator[list[str]]:
    """The header and every matching event (oldest first) as safe CSV cells."""
    query = _statement(session, actor, flt).order_by(AuditEvent.at, AuditEvent.id).limit(EXPORT_LIMIT)
    yield list(CSV_HEADER)
    for event, actor_name, team_name in session.exec(query):
        row = _row(event, actor_name, team_name)
        yield [safe_cell(v) for v in (row.at.isoformat(timespec="seconds"), row.actor, row.action,
                                      row.entity, row.entity_id, row.team, row.detail)]


def actions(*, session: Session) -> list[str]:
    """The distinct actions stored, for the filter's choices."""
    return sorted(a for a in session.exec(select(AuditEvent.action).distinct()) if a)
