"""The `sessions` blueprint and what its views share: who acts, loading a session, choices for the forms."""

from functools import wraps

from flask import Blueprint, flash
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from ledger.models import LearningSession, Team
from ledger.permissions import Actor
from ledger.services import sessions as sessions_service
from ledger.services.people import team_members
from web import labels
from web.db import get_session
from web.security import current_actor, to_sign_in

bp = Blueprint("sessions", __name__, url_prefix="/sessions")

# Why a story is suggested (ledger.services.session_stories.Suggestion.reason).
REASONS = {
    "offered": _l("Offered by the giver"),
    "prompt": _l("Behind a conversation prompt"),
    "best_received": _l("Best received"),
    "cheap_landed": _l("Little cost, and it landed"),
    "fell_flat": _l("It fell flat: what can we learn?"),
    "story_of_week": _l("Story of the week"),
}
SESSION_STATUSES = {"planned": _l("Planned"), "running": _l("Under way"), "closed": _l("Closed")}
ACTION_STATUSES = {"open": _l("Open"), "done": _l("Done"), "dropped": _l("Dropped")}


@bp.record_once
def _template_helpers(state) -> None:
    state.app.jinja_env.globals.update(labels.template_helpers())
    state.app.jinja_env.globals.update(
        reason_label=lambda code: labels.label_for(REASONS, code),
        session_status_label=lambda code: labels.label_for(SESSION_STATUSES, code),
        action_status_label=lambda code: labels.label_for(ACTION_STATUSES, code))
    state.app.jinja_env.filters.update(date_short=labels.date_short)


def signed_in(view):
    """Anonymous visitors go to the sign-in (or the tablet's name tiles); the services decide the rest."""
    @wraps(view)
    def wrapped(*args, **kwargs):
        if current_actor() is None:
            return to_sign_in()
        return view(*args, **kwargs)
    return wrapped


def actor() -> Actor:
    """The actor of this request (views behind @signed_in only)."""
    return current_actor()


def load(session_id: int) -> tuple[LearningSession, Team]:
    """The session and its team; NotFound (404) when the actor may not see it."""
    row = sessions_service.find(session=get_session(), actor=actor(), session_id=session_id)
    return row, get_session().get(Team, row.team_id)


def member_choices(team_id: int, *, blank: str) -> list[tuple[str, str]]:
    """(id, name) of the team's active members for a select, after a "nobody" choice."""
    people = team_members(session=get_session(), team_id=team_id)
    return [("", blank)] + [(str(p.id), p.display_name) for p in people]


def tell_redacted(categories) -> None:
    """Say what the personal-data scan took out of a text before it was stored."""
    if categories:
        what = ", ".join(labels.label_for(labels.PII_CATEGORIES, c) for c in categories)
        flash(_("We left out %(what)s: customer details stay out of the ledger.", what=what), "info")
