"""Learning-session changes: stories in and out and in order, takeaways, notes, actions, the frame change,
start, close and the summary e-mail (a person's own choices live in web/sessions/person.py). Each is a
CSRF-protected POST that calls one service and goes back to the page (a field's problem is shown next to it).
"""

import uuid

from flask import abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _

from ledger.errors import FieldError, ValidationFailed
from ledger.models import Mandate, SessionAction, SessionStory
from ledger.services import playbook, session_actions, session_stories, session_summary
from ledger.services import sessions as sessions_service
from ledger.services.mandates import mandate_in_force
from web.db import get_session
from web.sessions import mail
from web.sessions.blueprint import actor, bp, load, signed_in, tell_redacted
from web.sessions.forms import (
    ActionForm,
    ApplyForm,
    ButtonForm,
    CaptureForm,
    StatusForm,
    TakeawayForm,
    errors_by_field,
    parse_day,
    parse_person,
    parse_proposal,
)
from web.sessions.views import _action_form, page_context


def _back(session_id: int, anchor: str = ""):
    return redirect(url_for("sessions.page", session_id=session_id) + (f"#{anchor}" if anchor else ""))


def _invalid(session_id: int, form: str, problems: list[FieldError], **ctx):
    """The session page again, with the problems next to the fields of the form that was sent."""
    context = page_context(session_id, errors={form: errors_by_field(problems)}, **ctx)
    return render_template("sessions/session.html", **context), 422


def _gesture_id(text) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(text or ""))
    except ValueError:
        return None


@bp.post("/<id:session_id>/stories")
@signed_in
def add_story(session_id: int):
    """Add a suggested or found gesture to the session."""
    form = ButtonForm()
    gesture_id = _gesture_id(form.gesture_id.data)
    if gesture_id is None:
        abort(404)
    session_stories.add_story(session=get_session(), actor=actor(), session_id=session_id,
                              gesture_id=gesture_id)
    return _back(session_id, "stories")


def _story_of(session_id: int, story_id: int) -> None:
    """404 unless the story belongs to this session (the ids in the URL must agree)."""
    story = get_session().get(SessionStory, story_id)
    if story is None or story.session_id != session_id:
        abort(404)


@bp.post("/<id:session_id>/stories/<id:story_id>/remove")
@signed_in
def remove_story(session_id: int, story_id: int):
    """Take a story out of the session."""
    load(session_id)
    _story_of(session_id, story_id)
    session_stories.remove_story(session=get_session(), actor=actor(), story_id=story_id)
    return _back(session_id, "stories")


@bp.post("/<id:session_id>/stories/<id:story_id>/move")
@signed_in
def move_story(session_id: int, story_id: int):
    """One place up or down: the buttons that work without drag and drop."""
    load(session_id)
    _story_of(session_id, story_id)
    step = -1 if ButtonForm().direction.data == "up" else 1
    session_stories.move(session=get_session(), actor=actor(), story_id=story_id, step=step)
    return _back(session_id, f"story-{story_id}")


@bp.post("/<id:session_id>/stories/order")
@signed_in
def order_stories(session_id: int):
    """The whole order at once, as drag and drop sends it ("3,1,2")."""
    text = request.form.get("order", "")
    ids = [int(part) for part in text.split(",") if part.isdigit() and len(part) < 12]
    session_stories.reorder(session=get_session(), actor=actor(), session_id=session_id, story_ids=ids)
    if request.accept_mimetypes.best == "application/json":
        return {"ok": True}
    return _back(session_id, "stories")


@bp.post("/<id:session_id>/stories/<id:story_id>/takeaway")
@signed_in
def story_takeaway(session_id: int, story_id: int):
    """The takeaway of one story (into the playbook, linked to the story)."""
    load(session_id)
    _story_of(session_id, story_id)
    try:
        saved = session_stories.set_takeaway(session=get_session(), actor=actor(), story_id=story_id,
                                             text=request.form.get("text", ""))
    except ValidationFailed as err:
        return _invalid(session_id, f"story-{story_id}", err.errors)
    tell_redacted(saved.redacted)
    return _back(session_id, f"story-{story_id}")


@bp.post("/<id:session_id>/takeaways")
@signed_in
def add_takeaway(session_id: int):
    """A takeaway of the session as a whole, optionally tagged with a kind and a trigger."""
    form = TakeawayForm()
    try:
        saved = playbook.add_takeaway(session=get_session(), actor=actor(), session_id=session_id,
                                      text=form.text.data or "", kind=form.kind.data or None,
                                      trigger=form.trigger.data or None)
    except ValidationFailed as err:
        return _invalid(session_id, "takeaway", err.errors)
    tell_redacted(saved.redacted)
    return _back(session_id, "takeaways")


@bp.post("/<id:session_id>/takeaways/<id:takeaway_id>/retire")
@signed_in
def retire_takeaway(session_id: int, takeaway_id: int):
    """This session says an earlier takeaway no longer holds (it stays in the history)."""
    playbook.retire_takeaway(session=get_session(), actor=actor(), takeaway_id=takeaway_id,
                             in_session_id=session_id)
    flash(_("The takeaway is marked as no longer holding. It stays in the playbook's history."), "success")
    return _back(session_id, "playbook")


@bp.post("/<id:session_id>/capture")
@signed_in
def capture(session_id: int):
    """Notes and who took part."""
    form = CaptureForm()
    count_text = (form.participant_count.data or "").strip()
    count = int(count_text) if count_text.isdigit() and len(count_text) < 6 else None
    if count_text and count is None:
        return _invalid(session_id, "capture", [FieldError("participant_count", "out_of_range")])
    try:
        saved = sessions_service.record_capture(session=get_session(), actor=actor(), session_id=session_id,
                                                notes=form.notes.data or "",
                                                participants=form.participants.data or "",
                                                participant_count=count)
    except ValidationFailed as err:
        return _invalid(session_id, "capture", err.errors)
    tell_redacted(saved.redacted)
    flash(_("Saved."), "success")
    return _back(session_id, "capture")


@bp.post("/<id:session_id>/actions")
@signed_in
def add_action(session_id: int):
    """An agreed action, optionally with a proposed frame change."""
    row, team = load(session_id)
    form = ActionForm()
    shown = _action_form(team)
    shown.process(formdata=request.form)
    problems: list[FieldError] = []
    due_on = parse_day(form.due_on.data, "due_on", problems, optional=True)
    proposal = parse_proposal(form, problems)
    if not problems:
        try:
            saved = session_actions.add_action(session=get_session(), actor=actor(), session_id=row.id,
                                               text=form.text.data or "",
                                               owner_id=parse_person(form.owner.data),
                                               due_on=due_on, proposal=proposal)
        except ValidationFailed as err:
            problems = err.errors
        else:
            tell_redacted(saved.redacted)
            return _back(session_id, "actions")
    return _invalid(session_id, "action", problems, action_form=shown)


@bp.post("/<id:session_id>/actions/<id:action_id>/status")
@signed_in
def action_status(session_id: int, action_id: int):
    """Mark an action (of this or an earlier session of the team) done, dropped or open again."""
    form = StatusForm()
    session_actions.set_status(session=get_session(), actor=actor(), action_id=action_id,
                               status=form.status.data or "", via_session_id=session_id)
    return _back(session_id, "actions")


def _proposal(session_id: int, action_id: int):
    """The session, team and action carrying a proposal: 404 when they do not belong together, 403 for
    anyone but the team's managers and admins."""
    row, team = load(session_id)
    action = get_session().get(SessionAction, action_id)
    if action is None or action.session_id != row.id or not action.has_proposal:
        abort(404)
    if not session_actions.may_apply(session=get_session(), actor=actor(), row=row):
        abort(403)
    return row, team, action


def _apply_page(session_id: int, action_id: int, form: ApplyForm, errors: dict | None = None,
                status: int = 200):
    """The proposal beside the frame in force, and the day it should apply from."""
    row, team, action = _proposal(session_id, action_id)
    today = sessions_service.local_today(session=get_session(), team_id=team.id)
    if not form.valid_from.data:
        form.valid_from.data = today.isoformat()
    applied = get_session().get(Mandate, action.applied_mandate_id) if action.applied_mandate_id else None
    return render_template("sessions/apply.html", row=row, team=team, action=action, form=form,
                           errors=errors or {}, applied=applied,
                           frame=mandate_in_force(session=get_session(), team_id=team.id, on=today)), status


@bp.route("/<id:session_id>/actions/<id:action_id>/apply", methods=["GET", "POST"])
@signed_in
def apply(session_id: int, action_id: int):
    """Put the proposed frame into force as a new mandate version (managers and admins only)."""
    form = ApplyForm()
    if not form.is_submitted():
        return _apply_page(session_id, action_id, form)
    _proposal(session_id, action_id)  # 404/403 before anything changes
    problems: list[FieldError] = []
    valid_from = parse_day(form.valid_from.data, "valid_from", problems)
    if not problems:
        try:
            session_actions.apply_mandate_change(session=get_session(), actor=actor(), action_id=action_id,
                                                 valid_from=valid_from)
        except ValidationFailed as err:
            problems = err.errors
        else:
            flash(_("The new frame is agreed. It applies from %(day)s; earlier gestures keep the frame they "
                    "were logged in.", day=valid_from.isoformat()), "success")
            return _back(session_id, "actions")
    return _apply_page(session_id, action_id, form, errors_by_field(problems), 422)


@bp.post("/<id:session_id>/start")
@signed_in
def start(session_id: int):
    """Start presenting: the session is now being held."""
    sessions_service.start_session(session=get_session(), actor=actor(), session_id=session_id)
    return redirect(url_for("sessions.present", session_id=session_id))


@bp.post("/<id:session_id>/close")
@signed_in
def close(session_id: int):
    """Close the session; its summary is ready to print and to send."""
    sessions_service.close_session(session=get_session(), actor=actor(), session_id=session_id)
    flash(_("The session is closed. Here is its summary."), "success")
    return redirect(url_for("sessions.summary", session_id=session_id))


@bp.post("/<id:session_id>/send")
@signed_in
def send(session_id: int):
    """E-mail the summary of a closed session to the team's managers."""
    row, _team = load(session_id)
    if row.status != "closed" or not session_actions.may_apply(session=get_session(), actor=actor(), row=row):
        abort(403)
    result = session_summary.summary(session=get_session(), actor=actor(), session_id=row.id)
    try:
        sent = mail.send_summary(result, config=current_app.config)
    except mail.MailError:
        flash(_("The e-mail could not be sent right now. Nothing was lost: try again later."), "info")
    else:
        flash(_("The summary was sent to %(n)s manager(s).", n=sent), "success")
    return redirect(url_for("sessions.summary", session_id=row.id))
