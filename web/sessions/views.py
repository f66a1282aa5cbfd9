"""Learning-session pages that show: the team's sessions, planning one, the session page, the presentation,
the summary and the playbook. Views parse, call the ledger's services and render; the services decide who
may do what (another team's session answers 404, a change the actor may not make 403).
"""

from flask import abort, redirect, render_template, request, url_for
from flask_babel import gettext as _

from ledger.errors import ValidationFailed
from ledger.models import Team
from ledger.permissions import may_open_session, may_see_sessions
from ledger.services import playbook, prompt_stories, session_actions, session_stories, session_summary
from ledger.services import sessions as sessions_service
from ledger.services.mandates import mandate_in_force
from ledger.types import utcnow
from ledger.vocab import Kind, Period, Trigger
from web import labels
from web.db import get_session
from web.security import tablet_team, team_for_request, to_sign_in
from web.sessions.blueprint import actor, bp, load, member_choices, signed_in
from web.sessions.forms import (
    ActionForm,
    ButtonForm,
    CaptureForm,
    OpenForm,
    StatusForm,
    TakeawayForm,
    errors_by_field,
    parse_day,
    parse_person,
)


def _team(team_id: int) -> Team:
    if not may_see_sessions(session=get_session(), actor=actor(), team_id=team_id):
        abort(404)
    return get_session().get(Team, team_id)


@bp.get("/")
@signed_in
def home():
    """The sessions of the team this request is about."""
    team = team_for_request()
    if team is None:
        abort(404)
    return redirect(url_for("sessions.team_sessions", team_id=team.id))


@bp.get("/team/<id:team_id>")
@signed_in
def team_sessions(team_id: int):
    """The team's sessions, newest first, and (for managers) the way to plan the next one."""
    team = _team(team_id)
    rows = sessions_service.list_sessions(session=get_session(), actor=actor(), team_id=team.id)
    may_open = may_open_session(session=get_session(), actor=actor(), team_id=team.id)
    return render_template("sessions/list.html", team=team, rows=rows, may_open=may_open)


def _open_form(team: Team) -> OpenForm:
    form = OpenForm()
    form.facilitator.choices = member_choices(team.id, blank=_("The manager facilitates"))
    if not form.is_submitted():
        today = sessions_service.local_today(session=get_session(), team_id=team.id)
        start, end = sessions_service.default_period(session=get_session(), team_id=team.id, held_on=today)
        form.held_on.data, form.period_start.data, form.period_end.data = (
            today.isoformat(), start.isoformat(), end.isoformat())
    return form


@bp.route("/team/<id:team_id>/new", methods=["GET", "POST"])
@signed_in
def open_session(team_id: int):
    """Plan a session: date, title, the period it looks back on, the facilitator."""
    team = _team(team_id)
    if not may_open_session(session=get_session(), actor=actor(), team_id=team.id):
        abort(403)
    form, errors = _open_form(team), {}
    if form.is_submitted():
        problems: list = []
        held_on = parse_day(form.held_on.data, "held_on", problems)
        start = parse_day(form.period_start.data, "period_start", problems, optional=True)
        end = parse_day(form.period_end.data, "period_end", problems, optional=True)
        if not problems:
            try:
                row = sessions_service.open_session(
                    session=get_session(), actor=actor(), team_id=team.id, held_on=held_on,
                    title=form.title.data or "", period_start=start, period_end=end,
                    facilitator_id=parse_person(form.facilitator.data))
            except ValidationFailed as err:
                problems = err.errors
            else:
                return redirect(url_for("sessions.page", session_id=row.id))
        errors = errors_by_field(problems)
    return render_template("sessions/open.html", team=team, form=form, errors=errors), 422 if errors else 200


def _action_form(team: Team) -> ActionForm:
    form = ActionForm(formdata=None)
    form.owner.choices = member_choices(team.id, blank=_("Nobody in particular"))
    form.period.choices = [(p.value, labels.label_for(labels.PERIODS, p.value)) for p in Period]
    form.kinds.choices = [(k.value, labels.label_for(labels.KINDS, k.value)) for k in Kind]
    return form


def _takeaway_form() -> TakeawayForm:
    form = TakeawayForm(formdata=None)
    form.kind.choices = [("", _("Any kind"))] + [(k.value, labels.label_for(labels.KINDS, k)) for k in Kind]
    form.trigger.choices = [("", _("Any trigger"))] + [(t.value, labels.label_for(labels.TRIGGERS, t))
                                                       for t in Trigger]
    return form


def _search(row) -> tuple[dict, list | None]:
    query = {k: (request.args.get(k) or "").strip()[:100] for k in ("q", "kind", "trigger")}
    if not any(query.values()):
        return query, None
    return query, session_stories.search(session=get_session(), actor=actor(), session_id=row.id,
                                         words=query["q"], kind=query["kind"] or None,
                                         trigger=query["trigger"] or None)


def page_context(session_id: int, *, errors: dict | None = None,
                 action_form: ActionForm | None = None) -> dict:
    """Everything the session page shows; `errors` by form ({"action": {field: message}})."""
    db = get_session()
    row, team = load(session_id)
    may_run = sessions_service.may_run(session=db, actor=actor(), row=row)
    summary = session_summary.summary(session=db, actor=actor(), session_id=row.id)
    earlier = session_actions.open_actions(session=db, team_id=team.id, before=row)
    query, found = _search(row) if may_run else ({}, None)
    capture = CaptureForm(formdata=None, obj=row)
    return dict(
        row=row, team=team, summary=summary, may_run=may_run,
        may_apply=session_actions.may_apply(session=db, actor=actor(), row=row),
        suggestions=session_stories.suggest_stories(
            session=db, actor=actor(), session_id=row.id,
            prompt_evidence=prompt_stories.prompt_evidence(session=db, session_id=row.id)) if may_run else [],
        query=query, found=found, earlier=earlier,
        earlier_owners=session_actions.owner_names(session=db, actions=earlier),
        playbook_entries=playbook.playbook(session=db, actor=actor(), team_id=team.id) if may_run else [],
        frame=mandate_in_force(session=db, team_id=team.id,
                               on=sessions_service.local_today(session=db, team_id=team.id)),
        capture=capture, action_form=action_form or _action_form(team), takeaway_form=_takeaway_form(),
        button=ButtonForm(formdata=None), status_form=StatusForm(formdata=None), errors=errors or {},
        kind_options=[(k.value, labels.label_for(labels.KINDS, k)) for k in Kind],
        trigger_options=[(t.value, labels.label_for(labels.TRIGGERS, t)) for t in Trigger],
    )


@bp.get("/<id:session_id>")
@signed_in
def page(session_id: int):
    """The session: its stories (with suggestions and search while it runs), capture, actions."""
    return render_template("sessions/session.html", **page_context(session_id))


@bp.get("/<id:session_id>/present")
@signed_in
def present(session_id: int):
    """One story per screen for a tablet or a big screen: a title slide, the stories, a closing slide."""
    row, team = load(session_id)
    stories = session_stories.stories(session=get_session(), actor=actor(), session_id=row.id)
    slide = request.args.get("slide", "0")
    slide = min(int(slide), len(stories) + 1) if slide.isdigit() and len(slide) < 6 else 0
    story = stories[slide - 1] if 1 <= slide <= len(stories) else None
    return render_template("sessions/present.html", row=row, team=team, stories=stories, slide=slide,
                           story=story, last=len(stories) + 1)


@bp.get("/<id:session_id>/summary")
@signed_in
def summary(session_id: int):
    """The one-page summary: stories, takeaways, actions and the frame change (print it on A4)."""
    row, team = load(session_id)
    result = session_summary.summary(session=get_session(), actor=actor(), session_id=row.id)
    recipients = session_summary.managers_to_tell(session=get_session(), team_id=team.id)
    may_send = session_actions.may_apply(session=get_session(), actor=actor(), row=row)
    return render_template("sessions/summary.html", row=row, team=team, summary=result, button=ButtonForm(),
                           recipients=recipients, may_send=may_send and row.status == "closed")


def _playbook_reader(team_id: int) -> tuple[Team, int | None]:
    """The team whose playbook is read, and the tablet's team when an unsigned tablet reads its own."""
    tablet = tablet_team()
    if actor() is None and tablet is not None and tablet.id == team_id:
        return tablet, tablet.id
    if actor() is None:
        abort(404)
    return _team(team_id), None


@bp.get("/team/<id:team_id>/playbook")
def team_playbook(team_id: int):
    """What works here: the team's takeaways, searchable, with retired ones on request.
    The team's tablet reads it without a sign-in, like the team feed."""
    if actor() is None and tablet_team() is None:
        return to_sign_in()
    team, tablet_team_id = _playbook_reader(team_id)
    words = (request.args.get("q") or "").strip()[:100]
    kind = request.args.get("kind") if request.args.get("kind") in set(Kind) else None
    trigger = request.args.get("trigger") if request.args.get("trigger") in set(Trigger) else None
    retired = request.args.get("retired") == "1"
    found = playbook.playbook(session=get_session(), actor=actor(), team_id=team.id, words=words, kind=kind,
                              trigger=trigger, include_retired=retired, tablet_team_id=tablet_team_id)
    return render_template("sessions/playbook.html", team=team, entries=found, words=words, kind=kind,
                           trigger=trigger, retired=retired, now=utcnow(),
                           kind_options=[(k.value, labels.label_for(labels.KINDS, k)) for k in Kind],
                           trigger_options=[(t.value, labels.label_for(labels.TRIGGERS, t)) for t in Trigger])
