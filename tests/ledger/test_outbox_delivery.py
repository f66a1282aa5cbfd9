"""Delivering from a tablet's outbox (ledger/services/outbox.py): one read says who may send, and logging
after it keeps the team's hash chain whole when many tablets send at once."""

import uuid

import pytest
from sqlmodel import Session

from ledger.integrity import verify
from ledger.models import Person
from ledger.services.gestures import log_gesture
from ledger.services.outbox import Sender, open_delivery
from ledger.services.signins import end_everywhere, end_signin, start_signin
from ledger.services.tablets import register_tablet, revoke_tablet
from ledger.types import utcnow
from tests.factories import errors_at_once, gesture_input, make_mandate, make_person, make_team


def _signed_in(session: Session, team, person: Person) -> tuple[Sender, str]:
    """A person signed in with their PIN on a new tablet of the team: what their send token claims."""
    tablet, device = register_tablet(session=session, team_id=team.id, name=f"Tablet {person.id}")
    signin = start_signin(session=session, person_id=person.id, method="pin", tablet_id=tablet.id)
    return Sender(person_id=person.id, team_id=team.id, signin_id=signin.id,
                  session_version=person.session_version, tablet_id=tablet.id), device


def _deliver(engine, sender: Sender, device: str) -> None:
    with Session(engine, expire_on_commit=False) as own:
        now, gesture_id = utcnow(), uuid.uuid4()
        delivery = open_delivery(session=own, sender=sender, device_token=device, gesture_id=gesture_id,
                                 now=now)
        assert delivery is not None and delivery.member and not delivery.stored
        log_gesture(session=own, team_id=sender.team_id, person_id=sender.person_id,
                    logged_by_id=sender.person_id, data=gesture_input(), gesture_id=gesture_id, now=now,
                    stored=None, team=delivery.team, known_member=True)


def test_many_tablets_sending_at_once_do_not_fork_the_teams_chain(engine, session):
    # Logging after the one read still takes the team's chain lock before it reads the head.
    team = make_team(session)
    make_mandate(session, team)
    senders = [_signed_in(session, team, make_person(session, team, name=f"Person {i}")) for i in range(6)]

    def send_three(sender, device):
        for _ in range(3):
            _deliver(engine, sender, device)

    assert errors_at_once(send_three, senders) == []
    with engine.connect() as conn:
        verdict = verify(conn)
    assert verdict.intact, verdict.broken
    assert verdict.entries == 18


@pytest.mark.parametrize("change", ["revoked tablet", "another team's tablet", "signed out everywhere",
                                    "sign-in ended by sign-out", "inactive", "wrong device token"])
def test_the_one_read_refuses_every_sender_the_token_no_longer_speaks_for(session, change):
    team = make_team(session)
    anouk = make_person(session, team)
    sender, device = _signed_in(session, team, anouk)
    if change == "revoked tablet":
        revoke_tablet(session=session, tablet_id=sender.tablet_id)
    elif change == "another team's tablet":
        other = make_team(session, "Restaurant")
        sender = Sender(**{**sender.__dict__, "team_id": other.id})
    elif change == "signed out everywhere":
        end_everywhere(session=session, person_id=anouk.id)
    elif change == "sign-in ended by sign-out":
        end_signin(session=session, signin_id=sender.signin_id, reason="signout")
    elif change == "inactive":
        anouk.active = False
        session.add(anouk)
        session.commit()
    elif change == "wrong device token":
        device = device[:-2] + "xx"
    assert open_delivery(session=session, sender=sender, device_token=device, gesture_id=uuid.uuid4(),
                         now=utcnow()) is None


def test_a_sign_in_ended_by_its_task_may_still_deliver_what_it_queued(session):
    team = make_team(session)
    sender, device = _signed_in(session, team, make_person(session, team))
    end_signin(session=session, signin_id=sender.signin_id, reason="saved")
    delivery = open_delivery(session=session, sender=sender, device_token=device, gesture_id=uuid.uuid4(),
                             now=utcnow())
    assert delivery is not None and delivery.member
