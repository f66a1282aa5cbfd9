"""API v1 reads: the token's teams, a team's people, the frame in force, a weekly report with its prompts.

The report is the same JSON as `gesture-ledger report --format json` (reports/export.py builds both),
and reading it is audited like a download.
"""

from datetime import date

from sqlmodel import select

from ledger.errors import FieldError, NotFound, ValidationFailed
from ledger.models import Team
from ledger.services.mandates import mandate_in_force
from ledger.services.people import team_members
from ledger.services.report_exports import record_report_export
from ledger.types import utcnow
from ledger.weeks import IsoWeek, local_date
from reports.export import report_dict
from reports.weekly import build_weekly_report
from web.api.v1.auth import current_token, require_team, token_team_ids
from web.api.v1.blueprint import ID, operation
from web.api.v1.inputs import read_query
from web.api.v1.schemas import (
    MandateInForce,
    MandateOut,
    MandateQuery,
    PeopleList,
    PersonOut,
    ReportOut,
    ReportQuery,
    TeamList,
    TeamOut,
)
from web.db import get_session
from web.installation import currency

FIRST_YEAR, LAST_YEAR = 2000, 2999  # weeks and days far from the calendar's edges (year 1, 9999)


def _team(team_id: int) -> Team:
    team = get_session().get(Team, require_team(team_id))
    if team is None:
        raise NotFound("team")
    return team


def _team_out(team: Team) -> dict:
    return TeamOut(id=team.id, name=team.name, timezone=team.timezone, why=team.why,
                   archived=team.archived_at is not None).model_dump(mode="json")


@operation("GET", "/teams", summary="List the token's teams", tag="teams", responses={200: TeamList})
def list_teams():
    """The teams this token may read, by name."""
    query = select(Team).where(Team.id.in_(token_team_ids())).order_by(Team.name)
    return {"teams": [_team_out(t) for t in get_session().exec(query)]}


@operation("GET", f"/teams/<{ID}:team_id>", summary="Read a team", tag="teams", responses={200: TeamOut},
           errors=(404,))
def read_team(team_id: int):
    """One team: its name, time zone and purpose."""
    return _team_out(_team(team_id))


@operation("GET", f"/teams/<{ID}:team_id>/people", summary="List a team's people", tag="teams",
           responses={200: PeopleList}, errors=(404,))
def list_people(team_id: int):
    """The team's members, active ones and leavers, by name."""
    people = team_members(session=get_session(), team_id=_team(team_id).id, active_only=False)
    return {"people": [PersonOut(id=p.id, display_name=p.display_name, role=p.role, active=p.active)
                       .model_dump(mode="json") for p in people]}


def _day(day: date | None, team: Team, field: str) -> date:
    day = day or local_date(utcnow(), team.timezone)
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise ValidationFailed([FieldError(field, "out_of_range")])
    return day


@operation("GET", f"/teams/<{ID}:team_id>/mandate", summary="Read the frame in force", tag="teams",
           query=MandateQuery, responses={200: MandateInForce}, errors=(404, 422))
def read_mandate(team_id: int):
    """The team's agreed frame (mandate) in force on a local day, or null when it has none."""
    query = read_query(MandateQuery)
    team = _team(team_id)
    on = _day(query.on, team, "on")
    found = mandate_in_force(session=get_session(), team_id=team.id, on=on)
    mandate = None if found is None else MandateOut(
        id=found.id, valid_from=found.valid_from, per_gesture_cap_cents=found.per_gesture_cap_cents,
        allowance_cents=found.allowance_cents, allowance_period=found.allowance_period,
        kinds=found.kind_list, why=found.why, agreed_at=found.agreed_at)
    return MandateInForce(team_id=team.id, on=on, mandate=mandate).model_dump(mode="json")


def _week(text: str) -> IsoWeek:
    try:
        week = IsoWeek.parse(text)
    except (ValueError, OverflowError):
        week = None
    if week is None or not FIRST_YEAR <= week.year <= LAST_YEAR or not text.isascii():
        raise ValidationFailed([FieldError("week", "format")])
    return week


@operation("GET", f"/teams/<{ID}:team_id>/reports/<week>", summary="Read a weekly report with its prompts",
           tag="reports", query=ReportQuery, responses={200: ReportOut}, errors=(404, 422))
def read_report(team_id: int, week: str):
    """A week's report (ISO week like 2026-W07, in the team's time zone) with its ranked prompts: the JSON
    of `gesture-ledger report --format json`."""
    query = read_query(ReportQuery)
    team = _team(team_id)
    iso_week = _week(week)
    session = get_session()
    report = build_weekly_report(session=session, team_id=team.id, week=iso_week, lang=query.lang,
                                 now=utcnow(), currency=currency())
    record_report_export(session=session, actor_id=current_token().created_by_id, team_id=team.id,
                         week=str(iso_week), fmt="json")
    return report_dict(report)
