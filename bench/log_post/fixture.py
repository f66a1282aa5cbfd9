"""The logging benchmark's installation: a fresh database (a SQLite file, or an empty PostgreSQL database)
with one team, its 32 tablets, and the people on them signed in once each over HTTP (argon2 costs ~100 ms
a check: never inside the timed run).
"""

import re
import secrets
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from http.cookiejar import CookieJar
from pathlib import Path
from urllib.parse import urlencode
from urllib.request import HTTPCookieProcessor, OpenerDirector, build_opener

from sqlalchemy.engine import make_url
from sqlmodel import Session

from ledger import migrate
from ledger.credentials import hash_secret
from ledger.db import make_engine
from ledger.models import Person
from ledger.services.mandates import create_mandate_version
from ledger.services.people import create_person, create_team
from ledger.services.tablets import register_tablet
from web.security import TABLET_COOKIE

TABLETS = 32
OUTBOX = "/api/v1/outbox/gestures"  # where the log page's outbox posts (log.js, outbox.js)
PIN = "2580"
PASSWORD = "bench-password-" + "x" * 8  # noqa: S105 - a throwaway database's manager sign-in
_INPUT = r'name="{}"[^>]*?value="([^"]*)"'


@dataclass(frozen=True)
class Installation:
    team_id: int
    staff: list[tuple[int, str]]  # (person id, device token of that person's own tablet)
    managers: list[str]  # e-mail addresses


@dataclass(frozen=True)
class Credentials:
    """What one simulated tablet sends: its cookie header, a send token, and the form's CSRF token."""

    cookie: str
    token: str
    csrf: str = ""


def build(url: str) -> Installation:
    """Create the database from scratch: migrations, a team with a mandate, 32 staff and tablets, managers.

    A SQLite file is removed first; a PostgreSQL database must be new and empty (bench/pg.py scratch)."""
    if url.startswith("sqlite"):
        path = make_url(url).database
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    engine = make_engine(url)
    migrate.upgrade(engine)
    with Session(engine, expire_on_commit=False) as session:
        team = create_team(session=session, name="Bench desk")
        create_mandate_version(session=session, team_id=team.id, valid_from=date(2020, 1, 1),
                               per_gesture_cap_cents=2500, allowance_cents=6000, why="Bench frame")
        staff, managers = [], []
        pin_hash, password_hash = hash_secret(PIN), hash_secret(PASSWORD)  # once: hashing is slow on purpose
        for i in range(TABLETS):
            person = create_person(session=session, display_name=f"Staff {i + 1:02d}", team_ids=[team.id])
            _, token = register_tablet(session=session, team_id=team.id, name=f"Bench tablet {i + 1:02d}")
            email = f"manager{i + 1:02d}@bench.example"
            manager = create_person(session=session, display_name=f"Manager {i + 1:02d}", role="manager",
                                    email=email, team_ids=[team.id])
            _set_hashes(session, person, pin_hash=pin_hash)
            _set_hashes(session, manager, password_hash=password_hash)
            staff.append((person.id, token))
            managers.append(email)
        session.commit()
    engine.dispose()
    return Installation(team_id=team.id, staff=staff, managers=managers)


def _set_hashes(session: Session, person: Person, **hashes: str) -> None:
    # One shared hash instead of 64 slow ones: the sign-ins still check it the ordinary way.
    for name, value in hashes.items():
        setattr(person, name, value)
    session.add(person)


def opener() -> tuple[OpenerDirector, CookieJar]:
    """An HTTP client with its own cookie jar, like one browser."""
    jar = CookieJar()
    return build_opener(HTTPCookieProcessor(jar)), jar


def field(html: str, name: str) -> str:
    """The value of the hidden input `name` in a page (empty when absent)."""
    match = re.search(_INPUT.format(re.escape(name)), html)
    return match[1] if match else ""


def _get(client: OpenerDirector, url: str) -> str:
    with client.open(url, timeout=60) as response:
        return response.read().decode()


def _post(client: OpenerDirector, url: str, form: dict) -> str:
    with client.open(url, data=urlencode(form).encode(), timeout=60) as response:
        return response.read().decode()


def _cookies(jar: CookieJar, *names: str) -> str:
    values = {c.name: c.value for c in jar}
    return "; ".join(f"{n}={values[n]}" for n in names if n in values)


def staff_on_tablet(base: str, person_id: int, token: str) -> tuple[Credentials, OpenerDirector]:
    """Open the tablet's enrolment link, tap the name, type the PIN; the log page gives the send token.

    The JSON outbox is authorised by the tablet's device cookie plus that token, not by the PIN session
    (which ends after one saved gesture), so the credentials carry only the device cookie."""
    client, jar = opener()
    _get(client, f"{base}/t/{token}")
    pin_page = _get(client, f"{base}/tablet/pin/{person_id}")
    log_page = _post(client, f"{base}/tablet/pin/{person_id}",
                     {"csrf_token": field(pin_page, "csrf_token"), "pin": PIN})
    send_token = field(log_page, "send_token")
    if not send_token:
        raise RuntimeError(f"no log page after the PIN of person {person_id}: {log_page[:300]!r}")
    return Credentials(cookie=_cookies(jar, TABLET_COOKIE), token=send_token), client


def manager_session(base: str, email: str) -> Credentials:
    """Sign a manager in with e-mail + password: a session that may post the log form again and again."""
    client, jar = opener()
    login = _get(client, f"{base}/auth/login")
    _post(client, f"{base}/auth/login", {"csrf_token": field(login, "csrf_token"), "email": email,
                                         "password": PASSWORD, "next": ""})
    log_page = _get(client, f"{base}/log")
    csrf, send_token = field(log_page, "csrf_token"), field(log_page, "send_token")
    if not csrf:
        raise RuntimeError(f"no log form for {email}: {log_page[:300]!r}")
    return Credentials(cookie=_cookies(jar, "session"), token=send_token, csrf=csrf)


def sign_in_all(base: str, installation: Installation) -> tuple[list[Credentials], list[Credentials],
                                                                 OpenerDirector]:
    """Every tablet's staff member and every manager signed in once (four at a time, like the workers);
    also returns the first tablet's client, still on its log page, for the page-weight measurement."""
    with ThreadPoolExecutor(max_workers=4) as pool:
        tablets = list(pool.map(lambda s: staff_on_tablet(base, *s), installation.staff))
        managers = list(pool.map(lambda e: manager_session(base, e), installation.managers))
    return [c for c, _ in tablets], managers, tablets[0][1]


def lua_table(credentials: list[Credentials]) -> str:
    """The credentials as a Lua chunk that post.lua loads with dofile()."""
    def quote(text: str) -> str:
        if not re.fullmatch(r"[\w.=;\- ]*", text):
            raise ValueError(f"unexpected characters in a credential: {text!r}")
        return f'"{text}"'
    rows = ",\n".join(f"  {{cookie = {quote(c.cookie)}, token = {quote(c.token)}, csrf = {quote(c.csrf)}}}"
                      for c in credentials)
    return f"return {{\n{rows}\n}}\n"


def secret_key() -> str:
    """A fresh SECRET_KEY for the benchmark's server."""
    return secrets.token_urlsafe(48)


def app_for(db: Path):
    """The app in-process on a bench installation's SQLite file (plain HTTP on loopback: no secure cookie)."""
    from web import create_app  # the app factory only for the in-process runs

    return create_app({"SECRET_KEY": secret_key(), "DATABASE_URL": f"sqlite:///{Path(db).resolve()}",
                       "SESSION_COOKIE_SECURE": False})
