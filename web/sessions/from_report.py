"""From the weekly report into the next learning session: a prompt the managers marked "discussed" has its
stories put among the next session's suggestions in one tap (ledger.services.prompt_stories)."""

import uuid

from flask import abort, flash, redirect, request, url_for
from flask_babel import gettext as _

from ledger.errors import NotFound
from ledger.permissions import may_open_session, may_see_sessions
from ledger.services import prompt_stories
from web import labels
from web.db import get_session
from web.sessions.blueprint import actor, bp, signed_in


@bp.record_once
def _report_helpers(state) -> None:
    state.app.jinja_env.globals.update(
        prompt_kind_label=lambda key: labels.label_for(labels.PROMPT_KINDS, str(key).split(":")[0]))


def _uuids(values: list[str]) -> list[uuid.UUID]:
    out = []
    for value in values[:prompt_stories.EVIDENCE_MAX]:
        try:
            out.append(uuid.UUID(value))
        except (ValueError, AttributeError, TypeError):
            continue
    return out


@bp.post("/team/<id:team_id>/from-prompt")
@signed_in
def take_prompt(team_id: int):
    """Take a report prompt's stories into the team's next session, then show that session's suggestions."""
    if not may_see_sessions(session=get_session(), actor=actor(), team_id=team_id):
        abort(404)
    key = (request.form.get("prompt_key") or "")[:200]
    try:
        row = prompt_stories.take_prompt(session=get_session(), actor=actor(), team_id=team_id,
                                         prompt_key=key, gesture_ids=_uuids(request.form.getlist("gesture")))
    except NotFound:
        flash(_("Plan the next learning session first; then take the prompt into it."), "info")
        if may_open_session(session=get_session(), actor=actor(), team_id=team_id):
            return redirect(url_for("sessions.open_session", team_id=team_id))
        return redirect(url_for("sessions.team_sessions", team_id=team_id))
    flash(_("The prompt's stories are among the suggestions for this session."), "success")
    return redirect(url_for("sessions.page", session_id=row.id, _anchor="suggestions"))
