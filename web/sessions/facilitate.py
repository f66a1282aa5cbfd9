"""The facilitator's PIN sign-in on the team tablet.

A staff PIN session normally lasts one task and ends after two idle minutes. A facilitator runs a whole
meeting from the tablet, so their sign-in (started here, marked `session["facilitating"] = <session id>`)
lasts while the learning session is open, shows only that session's screens, and ends when the session
closes or the facilitator goes anywhere else (that is leaving it). web/security.py skips the idle timeout
for such a sign-in; everything else about it is decided in this module.
"""

from flask import abort, flash, g, redirect, request, session, url_for
from flask_babel import gettext as _
from sqlmodel import select
from werkzeug.wrappers import Response

from ledger.models import LearningSession
from ledger.services import auth as auth_service
from ledger.vocab import SessionStatus
from web.db import get_session
from web.security import current_tablet, sign_out
from web.sessions.blueprint import bp
from web.tablet.pin_pad import answer_pin_pad

FACILITATING = "facilitating"
# Endpoints a facilitator may reach besides the session's own screens: leaving, the language, files, and
# what the tablet's service worker fetches by itself (its update check and the offline page it keeps).
ALWAYS_ALLOWED = frozenset({"static", "tablet.leave", "main.set_language", "main.service_worker",
                            "main.offline"})


def facilitating_id() -> int | None:
    """The learning session this tablet sign-in facilitates, else None."""
    return session.get(FACILITATING) if session.get("auth") == "pin" else None


def _is_session_screen(row: LearningSession) -> bool:
    if request.blueprint != "sessions":
        return False
    args = request.view_args or {}
    if request.endpoint == "sessions.team_playbook":
        return args.get("team_id") == row.team_id
    return args.get("session_id") == row.id


@bp.before_app_request
def keep_to_the_session():
    """End a facilitator's tablet sign-in when the session closed or they went elsewhere."""
    session_id = facilitating_id()
    if session_id is None or request.endpoint in ALWAYS_ALLOWED:
        return None
    row = get_session().get(LearningSession, session_id)
    if row is not None and row.status != SessionStatus.CLOSED and row.team_id == session.get("team_id"):
        if _is_session_screen(row):
            return None
        sign_out()  # leaving the session's screens leaves the session
        g.pin_session_expired = True
        return None
    sign_out()
    g.pin_session_expired = True
    flash(_("The learning session is closed. You are signed out of the tablet."), "info")
    return redirect(url_for("tablet.tiles"))


def open_on_tablet(team_id: int) -> list[LearningSession]:
    """The team's sessions that are not closed and have a facilitator: the tablet offers to run them."""
    query = (select(LearningSession)
             .where(LearningSession.team_id == team_id, LearningSession.status != SessionStatus.CLOSED,
                    LearningSession.facilitator_id.is_not(None))
             .order_by(LearningSession.held_on, LearningSession.id))
    return list(get_session().exec(query))


@bp.record_once
def _tablet_helpers(state) -> None:
    state.app.jinja_env.globals.update(tablet_sessions=open_on_tablet)


@bp.route("/<id:session_id>/tablet", methods=["GET", "POST"])
def facilitate(session_id: int):
    """The facilitator enters their PIN on the team tablet to run this session."""
    tablet = current_tablet()
    row = get_session().get(LearningSession, session_id)
    if tablet is None:
        return redirect(url_for("tablet.tiles"))
    if (row is None or row.team_id != tablet.team_id or row.status == SessionStatus.CLOSED
            or row.facilitator_id is None):
        abort(404)
    person = auth_service.team_member(session=get_session(), person_id=row.facilitator_id,
                                      team_id=tablet.team_id)

    def enter() -> Response:
        session[FACILITATING] = row.id
        return redirect(url_for("sessions.page", session_id=row.id))

    # The PIN is counted per tablet too, like the name tiles' PIN pad.
    return answer_pin_pad(person, tablet, then=enter, facilitating=row,
                          pin_action=url_for("sessions.facilitate", session_id=row.id))
