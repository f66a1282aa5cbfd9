"""Who is asking and what they may see: the registered tablet, the signed-in person, their team.

Two ways in: a manager/admin signs in with email + password (session["auth"] == "password"); a staff
member taps their name on a registered team tablet and enters a PIN (session["auth"] == "pin"). Each
sign-in is a row (ledger/services/signins.py) that the cookie names, so ending it ends it for real. A PIN
session lasts one task: it ends after a saved gesture (`end_task_session`), when the name tiles are
shown, after PIN_IDLE_TIMEOUT without a request, or when the tablet's cookie no longer matches; a PIN
never grants manager rights. A password session ends after PASSWORD_IDLE_TIMEOUT idle; every sign-in
after signins.ABSOLUTE_LIFETIME. Sensitive actions ask for a fresh sign-in (web/recent_auth.py).
"""

import time
from datetime import timedelta
from functools import wraps

from flask import Flask, abort, current_app, g, redirect, request, session, url_for
from flask_login import current_user, login_user, logout_user

from ledger import permissions
from ledger.models import Person, Tablet, Team
from ledger.permissions import Actor
from ledger.services import auth as auth_service
from ledger.services import signins
from ledger.services.tablets import tablet_for_token
from web.cookies import TABLET_COOKIE
from web.db import get_session
from web.extensions import login_manager
from web.redirects import url_or
from web.users import User

PIN_IDLE_TIMEOUT = timedelta(minutes=2)  # app.config["PIN_IDLE_SECONDS"] overrides it (tests)
PASSWORD_IDLE_TIMEOUT = timedelta(minutes=30)  # app.config["IDLE_SECONDS"]
MANAGER_ROLES = tuple(sorted(permissions.MANAGER_ROLES))  # for @role_required(*MANAGER_ROLES)


# --- who is asking -------------------------------------------------------------------------------

def current_tablet() -> Tablet | None:
    """The registered, unrevoked tablet whose cookie this browser carries, else None."""
    if "tablet" not in g:
        token = request.cookies.get(TABLET_COOKIE, "")
        g.tablet = tablet_for_token(session=get_session(), token=token) if token else None
    return g.tablet


def tablet_team() -> Team | None:
    """The team of the registered device cookie, else None."""
    tablet = current_tablet()
    return get_session().get(Team, tablet.team_id) if tablet is not None else None


def signed_in_person() -> Person | None:
    """The signed-in person, or None for an anonymous visitor."""
    return current_user.person if current_user.is_authenticated else None


def current_person() -> Person:
    """The signed-in person (use behind @staff_required / @role_required); 401 when nobody is."""
    person = signed_in_person()
    if person is None:
        abort(401)
    return person


def signed_in_with_pin() -> bool:
    """True when the current sign-in is a staff PIN session on a tablet."""
    return current_user.is_authenticated and session.get("auth") != "password"


def current_actor() -> Actor | None:
    """Who acts in this request, for ledger.permissions (a PIN session: staff, pinned to its team)."""
    if "actor" not in g:
        person = signed_in_person()
        pinned = session.get("team_id", -1) if signed_in_with_pin() else None
        g.actor = Actor.of(person, pinned_team_id=pinned) if person is not None else None
    return g.actor


def _actor_for(person: Person | None) -> Actor | None:
    """The request's actor when `person` is the one signed in, else that person with their full role."""
    if person is None:
        return None
    actor = current_actor()
    return actor if actor is not None and actor.person_id == person.id else Actor.of(person)


def effective_role() -> str | None:
    """The role that counts for this request: a PIN session is always "staff"; None when anonymous."""
    actor = current_actor()
    return actor.role if actor is not None else None


def can_see_team(person: Person | None, team_id: int) -> bool:
    """ledger.permissions.can_see_team for this person as they act in this request."""
    return permissions.can_see_team(session=get_session(), actor=_actor_for(person), team_id=team_id)


def visible_teams(person: Person | None) -> list[Team]:
    """The teams this person may see in this request, by name (ledger.permissions decides)."""
    return permissions.visible_teams(session=get_session(), actor=_actor_for(person))


def team_for_request() -> Team | None:
    """The team this request is about: the tablet's for a PIN session, else the one the manager chose."""
    if "request_team" not in g:
        g.request_team = _find_request_team()
    return g.request_team


def _find_request_team() -> Team | None:
    person = signed_in_person()
    if person is None:
        return None
    if signed_in_with_pin():
        return get_session().get(Team, session.get("team_id", -1))
    for team_id in (session.get("team_id"), getattr(current_tablet(), "team_id", None)):
        if team_id is not None and can_see_team(person, team_id):
            return get_session().get(Team, team_id)
    teams = visible_teams(person)
    return teams[0] if teams else None


def choose_team(team_id: int) -> None:
    """Remember the team a manager/admin works on (404 when they may not see it)."""
    if signed_in_with_pin() or not can_see_team(signed_in_person(), team_id):
        abort(404)
    session["team_id"] = team_id
    g.pop("request_team", None)


# --- decorators ----------------------------------------------------------------------------------

def staff_required(view):
    """A signed-in member of the team in question (PIN on its tablet, or a manager/admin), else sign-in."""
    @wraps(view)
    def wrapped(*args, **kwargs):
        person = signed_in_person()
        if person is None:
            return to_sign_in()
        team = team_for_request()
        if team is None or not can_see_team(person, team.id):
            abort(403)
        return view(*args, **kwargs)
    return wrapped


def role_required(*roles: str):
    """Only for people whose effective role is one of `roles` (a PIN session counts as "staff")."""
    def decorator(view):
        @wraps(view)
        def wrapped(*args, **kwargs):
            if signed_in_person() is None:
                return to_sign_in()
            if effective_role() not in roles:
                abort(403)
            return view(*args, **kwargs)
        return wrapped
    return decorator


def to_sign_in():
    """Where an anonymous visitor goes: the name tiles on a registered tablet, else the sign-in page."""
    if request.accept_mimetypes.best == "application/json":
        abort(401)
    if current_tablet() is not None:
        return redirect(url_for("tablet.tiles"))
    target = request.full_path.rstrip("?") if request.method == "GET" else None
    return redirect(url_for("auth.login", next=target))


# --- starting and ending sessions ----------------------------------------------------------------

def _fresh_session() -> None:
    # Clearing at every sign-in and sign-out defeats session fixation; the language choice survives.
    lang = session.get("lang")
    session.clear()
    if lang:
        session["lang"] = lang
    g.pop("request_team", None)
    g.pop("actor", None)


def start_password_session(person: Person) -> None:
    """Sign a manager/admin in after their password (and second factor) was checked."""
    _fresh_session()
    signin = signins.start_signin(session=get_session(), person_id=person.id, method="password")
    login_user(User(person, signin.id), remember=False)
    now = int(time.time())
    session.update(auth="password", seen_at=now, auth_at=now)  # a fresh sign-in counts as recent


def start_pin_session(person: Person, tablet: Tablet) -> None:
    """Sign a staff member in on this tablet, for one task (never remembered); ends the tablet's others."""
    _fresh_session()
    signin = signins.start_signin(session=get_session(), person_id=person.id, method="pin",
                                  tablet_id=tablet.id)
    login_user(User(person, signin.id), remember=False)
    session.update(auth="pin", tablet_id=tablet.id, team_id=tablet.team_id, seen_at=int(time.time()))


def sign_out(reason: str = "signout") -> None:
    """End the current sign-in for real (its cookie and send tokens stop working) and clear the cookie.

    A manager's own sign-out ends every session of theirs; a PIN session, a timeout or a saved gesture
    ends this device's sign-in only (a manager's PIN on a tablet leaves their laptop signed in)."""
    person = signed_in_person()
    if person is not None:
        if reason == "signout" and not signed_in_with_pin():
            auth_service.sign_out(session=get_session(), person_id=person.id)
        else:
            signins.end_signin(session=get_session(), signin_id=current_user.signin_id, reason=reason)
    logout_user()
    _fresh_session()


def end_task_session() -> None:
    """After a saved gesture: a PIN session ends (the tablet returns to the tiles); a manager stays in."""
    if signed_in_with_pin():
        sign_out("saved")


def end_tablet_sessions(tablet: Tablet) -> None:
    """The name tiles are shown: no PIN session of this tablet survives, wherever its cookie went."""
    signins.end_tablet_signins(session=get_session(), tablet_id=tablet.id, reason="tiles")
    if session.get("auth") == "pin":
        logout_user()
        _fresh_session()


def pin_idle_seconds() -> int:
    """How long a PIN session may sit idle before it ends."""
    return int(current_app.config.get("PIN_IDLE_SECONDS", PIN_IDLE_TIMEOUT.total_seconds()))


def _idle_seconds() -> int:
    if session.get("auth") == "pin":
        return pin_idle_seconds()
    return int(current_app.config.get("IDLE_SECONDS", PASSWORD_IDLE_TIMEOUT.total_seconds()))


# Static files, and sends from the tablet's outbox queue: not someone at the tablet, so they neither keep
# a sign-in alive nor end it (web/api/lane.py answers most sends without this check at all).
UNCHECKED_ENDPOINTS = frozenset({"static", "api.post_gesture", "api.v1.send_outbox_gesture"})


def _check_session() -> None:
    """Every request: a sign-in idle too long, or a PIN session away from its tablet, ends here."""
    if request.endpoint in UNCHECKED_ENDPOINTS or not current_user.is_authenticated:
        return
    idle = time.time() - session.get("seen_at", time.time())
    # A facilitator's sign-in lasts while their learning session is open (web/sessions/facilitate.py).
    idle_ends = idle > _idle_seconds() and not session.get("facilitating")
    on_tablet = getattr(current_tablet(), "id", None) == session.get("tablet_id")
    tablet_gone = session.get("auth") == "pin" and not on_tablet
    if idle_ends or tablet_gone:
        sign_out("idle")
        g.pin_session_expired = True
    else:
        session["seen_at"] = int(time.time())


def init_app(app: Flask) -> None:
    """Hook the session checks and flask-login's redirect into the app."""
    app.before_request(_check_session)
    login_manager.unauthorized_handler(to_sign_in)
    app.jinja_env.globals.update(
        signed_in_person=signed_in_person, tablet_team=tablet_team, signed_in_with_pin=signed_in_with_pin,
        effective_role=effective_role, team_for_request=team_for_request, url_or=url_or,
        current_actor=current_actor,
        pin_idle_seconds=pin_idle_seconds,
        has_endpoint=lambda endpoint: endpoint in current_app.view_functions,
    )
