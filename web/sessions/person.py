"""A person's own choices about learning sessions: offering their story for the next session (and taking
the offer back), and whether their name may be shown with their stories. The tablet's history and
settings pages post here (the buttons come with the tablet's session screens).
"""

import uuid

from flask import flash, redirect, request, url_for
from flask_babel import gettext as _

from ledger.services import sessions as sessions_service
from ledger.services import story_offers
from web.db import get_session
from web.redirects import safe_next
from web.sessions.blueprint import actor, bp, signed_in


@bp.post("/offer/<uuid:gesture_id>")
@signed_in
def offer(gesture_id: uuid.UUID):
    """The giver: "I'd like to tell this one" at the next session."""
    story_offers.offer_story(session=get_session(), actor=actor(), gesture_id=gesture_id)
    flash(_("Thank you. Your story is offered for the next learning session."), "success")
    return _next_or_home()


@bp.post("/offer/<uuid:gesture_id>/withdraw")
@signed_in
def withdraw_offer(gesture_id: uuid.UUID):
    """The giver takes an offer back before it is told."""
    story_offers.withdraw_offer(session=get_session(), actor=actor(), gesture_id=gesture_id)
    flash(_("Your offer is withdrawn."), "success")
    return _next_or_home()


@bp.post("/my-name")
@signed_in
def name_consent():
    """The person's own choice: may their name be shown in learning sessions."""
    show = request.form.get("show") == "1"
    sessions_service.set_name_consent(session=get_session(), actor=actor(), person_id=actor().person_id,
                                      show=show)
    flash(_("Your name will be shown with your stories in learning sessions.") if show else
          _("Your stories will be told as a colleague's, without your name."), "success")
    return _next_or_home()


def _next_or_home():
    target = safe_next(request.form.get("next"))
    return redirect(target or url_for("main.index"))
