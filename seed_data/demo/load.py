"""Loading the demo into a database and handing out its sign-ins: tablet links, PINs, passwords."""

import tempfile
import textwrap
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from ledger.models import Tablet
from ledger.services.people import find_person_by_email, find_team_by_name
from ledger.services.tablets import register_tablet, revoke_tablet
from ledger.vocab import Role
from seed_data.demo import cast
from seed_data.demo.generate import write_demo
from seed_data.demo.sessions import add_demo_sessions
from seed_data.importer import Counts, import_folder


@dataclass(frozen=True)
class DemoSignIns:
    """What a newcomer needs to try the demo."""

    tablets: tuple[tuple[str, str], ...]  # (team name, raw device token for /t/<token>)
    staff: tuple[tuple[str, str, str], ...]  # (team name, person, PIN)
    accounts: tuple[tuple[str, str, str], ...]  # (person, role, e-mail)
    password: str


def load_demo(*, engine: Engine, now: datetime | None = None,
              progress: Callable[[int], None] | None = None) -> Counts:
    """Generate the demo for the week of `now` and import it (all or nothing) through the importer."""
    with tempfile.TemporaryDirectory(prefix="gesture-ledger-demo-") as folder:
        write_demo(folder, now=now)
        counts = import_folder(engine=engine, folder=folder, now=now, progress=progress)
    add_demo_sessions(engine=engine, now=now)
    return counts


def is_demo(*, session: Session) -> bool:
    """True when the database holds the demo's teams (so printing the demo sign-ins makes sense)."""
    return all(find_team_by_name(session=session, name=t.name) is not None for t in cast.TEAMS)


def demo_sign_ins(*, session: Session) -> DemoSignIns:
    """Register a fresh demo tablet per demo team (revoking earlier ones) and list the demo credentials."""
    admin = find_person_by_email(session=session, email=cast.ADMIN.email)
    tablets = []
    for demo_team in cast.TEAMS:
        team = find_team_by_name(session=session, name=demo_team.name)
        if team is None:
            continue
        old = session.exec(select(Tablet).where(Tablet.team_id == team.id, Tablet.revoked_at.is_(None),
                                                Tablet.name == cast.DEMO_TABLET_NAME))
        for tablet in list(old):
            revoke_tablet(session=session, tablet_id=tablet.id)
        _tablet, token = register_tablet(session=session, team_id=team.id, name=cast.DEMO_TABLET_NAME,
                                         created_by_id=admin.id if admin else None)
        tablets.append((team.name, token))
    staff = tuple((p.teams[0], p.name, p.pin) for p in cast.PEOPLE if p.role == Role.STAFF)
    accounts = tuple((p.name, p.role, p.email) for p in cast.PEOPLE if p.role != Role.STAFF)
    return DemoSignIns(tuple(tablets), staff, accounts, cast.DEMO_PASSWORD)


def format_sign_ins(sign_ins: DemoSignIns, public_url: str) -> str:
    """The sign-ins as plain text for the terminal: tablet links, staff PINs, manager and admin accounts."""
    base = public_url.rstrip("/")
    width = max((len(team) for team, _token in sign_ins.tablets), default=0)
    lines = ["Open a demo tablet (the link registers this browser as the team's shared tablet):"]
    lines += [f"  {team:<{width}}  {base}/t/{token}" for team, token in sign_ins.tablets]
    lines += ["", "Staff PINs (tap your name on the tablet, then type the PIN):"]
    for team, _token in sign_ins.tablets or [(t.name, "") for t in cast.TEAMS]:
        people = ", ".join(f"{name} {pin}" for t, name, pin in sign_ins.staff if t == team)
        lines.append(textwrap.fill(f"{team}: {people}", width=100, initial_indent="  ",
                                   subsequent_indent="    ", break_on_hyphens=False))
    lines += ["", f"Managers and admin sign in at {base}/auth/login with password {sign_ins.password}:"]
    lines += [f"  {name} ({role}): {email}" for name, role, email in sign_ins.accounts]
    return "\n".join(lines)
