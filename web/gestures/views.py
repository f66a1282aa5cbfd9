"""Staff screens: log a gesture, the thank-you, own history, corrections and voids, appreciation,
the team feed and the team's mandate.

Views stay thin: parse the form, call one ledger service, render or redirect. The JSON endpoint the
tablet's outbox uses lives in web/api.py.
"""

import uuid
from datetime import timedelta
from zoneinfo import ZoneInfo

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask import session as cookie_session
from flask_babel import get_locale
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy.exc import OperationalError

from ledger.current import current_row
from ledger.errors import Conflict, FieldError, NotFound, ValidationFailed
from ledger.models import Gesture, Person, Team
from ledger.permissions import CORRECTION_WINDOW, may_change_gesture
from ledger.services import feed as reads
from ledger.services.appreciations import appreciate as appreciate_service
from ledger.services.corrections import correct_gesture, void_gesture
from ledger.services.gesture_rules import MAX_GESTURE_CENTS
from ledger.services.gestures import log_gesture, stored_gesture
from ledger.services.mandate_versions import version_history
from ledger.services.mandates import frame_for, mandate_history
from ledger.services.session_actions import open_actions, owner_names
from ledger.services.story_offers import offers_of
from ledger.types import utcnow
from web import labels
from web.db import get_session
from web.gestures.forms import (
    COST_PICKS,
    EFFORT_PICKS,
    AppreciateForm,
    CorrectionForm,
    GestureForm,
    VoidForm,
    form_errors,
    gesture_uuid,
    parse_gesture,
    prefill,
)
from web.security import (
    can_see_team,
    current_actor,
    current_person,
    end_task_session,
    signed_in_person,
    signed_in_with_pin,
    staff_required,
    tablet_team,
    team_for_request,
)
from web.send_tokens import issue_send_token

bp = Blueprint("gestures", __name__)

FEED_DAYS = 14
THANKS_SECONDS = 6  # the thank-you returns to the name tiles after this long


@bp.record_once
def _template_helpers(state) -> None:
    state.app.jinja_env.globals.update(labels.template_helpers())
    state.app.jinja_env.filters.update(local_when=labels.local_when, short_money=labels.short_money,
                                       date_short=labels.date_short)


def _choices(team: Team) -> dict:
    """Options, icons and the local "now" the gesture fields need."""
    local_now = utcnow().astimezone(ZoneInfo(team.timezone))
    return {
        "kind_options": labels.choices(labels.KINDS), "trigger_options": labels.choices(labels.TRIGGERS),
        "reaction_options": labels.choices(labels.REACTIONS),
        "cost_options": [(c, labels.short_money(c)) for c in COST_PICKS],
        "effort_options": [(m, str(m)) for m in EFFORT_PICKS],
        "follow_up_options": [("", _("Nothing yet"))] + labels.choices(labels.FOLLOW_UPS),
        "icons": {"kind": labels.KIND_ICONS, "trigger": labels.TRIGGER_ICONS,
                  "reaction": {str(k): v for k, v in labels.REACTION_ICONS.items()}},
        "today": local_now.date().isoformat(), "now_time": local_now.strftime("%H:%M"),
    }


def _team_or_404() -> Team:
    team = team_for_request()
    if team is None:
        abort(404)
    return team


def _form_page(template: str, *, form, team: Team, person: Person, errors: dict, status: int = 200, **ctx):
    frame = frame_for(session=get_session(), team_id=team.id, person_id=person.id, at=utcnow())
    form.gesture_id.data = str(gesture_uuid(form.gesture_id.data))
    token = issue_send_token(person=person, team_id=team.id, signin_id=current_user.signin_id,
                             tablet_id=cookie_session.get("tablet_id") if signed_in_with_pin() else None)
    return render_template(template, form=form, team=team, person=person, errors=errors, frame=frame,
                           frame_text=labels.frame_text(frame), send_token=token, choices=_choices(team),
                           pii_words={k.replace("_", "-"): v for k, v in labels.PII_CATEGORIES.items()},
                           max_cents=MAX_GESTURE_CENTS, **ctx), status


@bp.route("/log", methods=["GET", "POST"])
@staff_required
def new():
    """The log screen; without JavaScript the form posts here, with it log.js posts to the API."""
    team, person = _team_or_404(), current_person()
    form = GestureForm()
    if not form.is_submitted():
        return _form_page("gestures/new.html", form=form, team=team, person=person, errors={})
    gesture_id = gesture_uuid(form.gesture_id.data)
    stored = stored_gesture(session=get_session(), gesture_id=gesture_id)
    moment = stored.occurred_at if stored is not None else utcnow()  # a resent "now" keeps its moment
    data, errors = parse_gesture(request.form, tz=team.timezone, now=moment)
    if not errors:
        try:
            logged = log_gesture(session=get_session(), team_id=team.id, person_id=person.id,
                                 logged_by_id=person.id, data=data, gesture_id=gesture_id, stored=stored,
                                 team=team)
        except ValidationFailed as err:
            errors = err.errors
        except Conflict:
            errors = [FieldError("form", "conflict")]
            form.gesture_id.data = str(uuid.uuid4())
        except OperationalError:  # locked or unreachable: keep what was typed (same id) and say so
            from web.errors import RETRY_AFTER_SECONDS  # here: web.errors imports this area's forms

            get_session().rollback()
            page, status = _form_page("gestures/new.html", form=form, team=team, person=person, status=503,
                                      errors=form_errors([FieldError("form", "busy")]))
            return page, status, {"Retry-After": str(RETRY_AFTER_SECONDS)}
        else:
            return _thanks(logged.gesture, person, team, created=logged.created)
    return _form_page("gestures/new.html", form=form, team=team, person=person,
                      errors=form_errors(errors), status=422)


def _thanks(row: Gesture, person: Person, team: Team, *, created: bool):
    on_tablet = tablet_team() is not None and (signed_in_with_pin() or signed_in_person() is None)
    back_url = url_for("tablet.tiles") if on_tablet else url_for("gestures.new")
    end_task_session()  # a shared tablet: the next person starts from the name tiles
    removed = [labels.label_for(labels.PII_CATEGORIES, c) for c in row.redacted.split(";") if c]
    seconds = current_app.config.get("THANKS_SECONDS", THANKS_SECONDS) if on_tablet else 0
    return render_template("gestures/thanks.html", g_row=row, person=person, team=team, created=created,
                           redacted=removed, seconds=seconds, back_url=back_url)


@bp.get("/log/saved/<uuid:gesture_id>")
def saved(gesture_id: uuid.UUID):
    """The thank-you after log.js saved through the API: for the signed-in giver only (no token in URLs)."""
    db = get_session()
    row = db.get(Gesture, gesture_id)
    person = signed_in_person()
    if row is None or person is None or person.id != row.person_id:
        abort(404)
    return _thanks(row, person, db.get(Team, row.team_id), created=True)


@bp.get("/me")
@staff_required
def mine():
    """Own history with corrections and voids shown as such, and the appreciations received."""
    team, person = _team_or_404(), current_person()
    session = get_session()
    chains = reads.own_history(session=session, person_id=person.id, team_id=team.id)
    thanks = reads.appreciations_by_origin(session=session, origin_ids=[c.origin_id for c in chains])
    now = utcnow()
    changeable = {c.origin_id for c in chains
                  if not c.voided and now - c.rows[0].logged_at <= CORRECTION_WINDOW}
    return render_template("gestures/mine.html", team=team, person=person, chains=chains, thanks=thanks,
                           changeable=changeable, window_hours=int(CORRECTION_WINDOW.total_seconds() // 3600),
                           offers=offers_of(session=session, person_id=person.id))


def _own_current(gesture_id: uuid.UUID) -> tuple[Gesture, Person, Team]:
    """The current row of a chain the person may change; 404 for other teams' or unknown ids, else 403."""
    session, person = get_session(), current_person()
    row = session.get(Gesture, gesture_id)
    if row is None or not can_see_team(person, row.team_id):
        abort(404)
    current = current_row(session=session, origin_id=row.origin_id)
    if current is None:
        abort(404)
    # The ledger's rule, with the role this sign-in carries: a PIN never gives a manager's rights.
    origin = session.get(Gesture, row.origin_id)
    if not may_change_gesture(session=session, actor=current_actor(), origin=origin, now=utcnow()):
        abort(403)
    return current, person, session.get(Team, row.team_id)


@bp.route("/gestures/<uuid:gesture_id>/correct", methods=["GET", "POST"])
@staff_required
def correct(gesture_id: uuid.UUID):
    """Correct an entry: a new row that supersedes it, with a reason."""
    current, person, team = _own_current(gesture_id)
    form = CorrectionForm()
    if not form.is_submitted():
        form.process(data=prefill(current, tz=team.timezone, locale=str(get_locale())))
        return _correction_page(form, current, team, person, {})
    data, errors = parse_gesture(request.form, tz=team.timezone, now=utcnow())
    if not errors:
        try:
            correct_gesture(session=get_session(), gesture_id=current.id, actor_id=person.id, data=data,
                            reason=form.reason.data or "", new_id=gesture_uuid(form.gesture_id.data))
        except ValidationFailed as err:
            errors = err.errors
        except Conflict:
            errors = [FieldError("form", "superseded")]
        else:
            flash(_("Your correction is saved. The earlier version stays in the history."), "success")
            return redirect(url_for("gestures.mine"))
    return _correction_page(form, current, team, person, form_errors(errors), status=422)


def _correction_page(form, current: Gesture, team: Team, person: Person, errors: dict, status: int = 200):
    if not form.gesture_id.data:
        form.gesture_id.data = str(uuid.uuid4())
    return render_template("gestures/correct.html", form=form, row=current, team=team, person=person,
                           errors=errors, choices=_choices(team)), status


@bp.route("/gestures/<uuid:gesture_id>/void", methods=["GET", "POST"])
@staff_required
def void(gesture_id: uuid.UUID):
    """Withdraw an entry: a void row that keeps who, when and why."""
    current, person, team = _own_current(gesture_id)
    form, errors = VoidForm(), {}
    if form.is_submitted():
        try:
            void_gesture(session=get_session(), gesture_id=current.id, actor_id=person.id,
                         reason=form.reason.data or "")
        except ValidationFailed as err:
            errors = form_errors(err.errors)
        except Conflict:
            errors = form_errors([FieldError("form", "superseded")])
        else:
            flash(_("The entry is withdrawn. It stays in your history, marked as withdrawn."), "success")
            return redirect(url_for("gestures.mine"))
    return render_template("gestures/void.html", form=form, row=current, team=team, person=person,
                           errors=errors), 422 if errors else 200


@bp.post("/gestures/<uuid:gesture_id>/appreciate")
@staff_required
def appreciate(gesture_id: uuid.UUID):
    """One tap (and an optional short note) on a teammate's gesture."""
    session, person = get_session(), current_person()
    row = session.get(Gesture, gesture_id)
    if row is None or not can_see_team(person, row.team_id):
        abort(404)
    form = AppreciateForm()
    try:
        appreciate_service(session=session, gesture_id=row.id, by_id=person.id, note=form.note.data or "",
                           actor=current_actor())
    except ValidationFailed as err:
        flash(labels.field_message(err.errors[0]), "error")
    except (Conflict, NotFound):
        flash(_("This gesture was withdrawn in the meantime."), "info")
    else:
        flash(_("Thank you for noticing. %(name)s will see your appreciation.",
                name=session.get(Person, row.person_id).display_name), "success")
    return redirect(url_for("gestures.feed") + f"#g-{row.origin_id}")


def _feed_viewer() -> tuple[Team, Person | None]:
    """The team feed is open to the team's tablet (read only) and to people signed in to the team."""
    person = signed_in_person()
    team = team_for_request() if person is not None else tablet_team()
    if team is None:
        abort(404)
    return team, person


@bp.get("/team/feed")
def feed():
    """Recent gestures and appreciations of the team; no amounts, no rankings."""
    team, person = _feed_viewer()
    session = get_session()
    items = reads.team_feed(session=session, team_id=team.id, since=utcnow() - timedelta(days=FEED_DAYS))
    thanks = reads.appreciations_by_origin(session=session, origin_ids=[g.origin_id for g, _n in items])
    agreed = open_actions(session=session, team_id=team.id)
    return render_template("gestures/feed.html", team=team, person=person, items=items, thanks=thanks,
                           form=AppreciateForm(), days=FEED_DAYS, agreed=agreed,
                           agreed_owners=owner_names(session=session, actions=agreed))


@bp.get("/team/mandate")
def mandate():
    """The team's frame in plain words, its why, and how it changed."""
    team, person = _feed_viewer()
    session = get_session()
    frame = frame_for(session=session, team_id=team.id, person_id=person.id, at=utcnow()) if person else None
    versions = mandate_history(session=session, team_id=team.id)
    return render_template("gestures/mandate.html", team=team, person=person, frame=frame,
                           frame_text=labels.frame_text(frame) if frame else "", versions=versions,
                           history=version_history(session=session, team_id=team.id))
