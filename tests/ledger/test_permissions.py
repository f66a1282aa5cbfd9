"""Who may do what to which team: every function of ledger.permissions against every kind of actor.

The world: teams A and B. In A: Anouk (staff), Bram (staff), Maria (manager), Ines (a manager of A who
was deactivated). In B: Bo (staff) and Mo (manager). Ada is an admin in no team. "pin_manager" is Maria
signed in with a PIN on A's tablet: staff rights there and nothing more.
"""

from dataclasses import dataclass
from datetime import timedelta

import pytest

from ledger import permissions
from ledger.permissions import CORRECTION_WINDOW, Actor
from tests.factories import make_gesture, make_person, make_team

ACTORS = ("nobody", "staff", "staff_other", "pin_manager", "manager", "manager_other", "admin", "inactive")


@dataclass(frozen=True)
class World:
    ids: dict
    actors: dict
    people: dict
    gestures: dict


@pytest.fixture
def world(session) -> World:
    a, b = make_team(session, "Front desk"), make_team(session, "Restaurant")
    people = {
        "anouk": make_person(session, a, "Anouk"), "bram": make_person(session, a, "Bram"),
        "maria": make_person(session, a, "Maria", role="manager"),
        "ines": make_person(session, a, "Ines", role="manager", active=False),
        "bo": make_person(session, b, "Bo"), "mo": make_person(session, b, "Mo", role="manager"),
        "ada": make_person(session, None, "Ada", role="admin"),
    }
    actors = {
        "nobody": None, "staff": Actor.of(people["anouk"]), "staff_other": Actor.of(people["bo"]),
        "pin_manager": Actor.of(people["maria"], pinned_team_id=a.id), "manager": Actor.of(people["maria"]),
        "manager_other": Actor.of(people["mo"]), "admin": Actor.of(people["ada"]),
        "inactive": Actor.of(people["ines"]),
    }
    gestures = {"anouks": make_gesture(session, a, people["anouk"]),
                "brams": make_gesture(session, a, people["bram"])}
    return World({"a": a.id, "b": b.id}, actors, people, gestures)


def _within_window(w: World):
    return w.gestures["anouks"].logged_at + timedelta(hours=1)


# Each row: a question about team A's things, and the actors who get a yes (everyone else: no).
QUESTIONS = {
    "can_see_team": (lambda s, w, actor: permissions.can_see_team(session=s, actor=actor, team_id=w.ids["a"]),
                     {"staff", "pin_manager", "manager", "admin"}),
    "may_change_gesture": (lambda s, w, actor: permissions.may_change_gesture(
        session=s, actor=actor, origin=w.gestures["anouks"], now=_within_window(w)),
        {"staff", "manager", "admin"}),
    "may_appreciate": (lambda s, w, actor: permissions.may_appreciate(
        session=s, actor=actor, gesture=w.gestures["brams"]), {"staff", "pin_manager", "manager", "admin"}),
    "may_review": (lambda s, w, actor: permissions.may_review(session=s, actor=actor, team_id=w.ids["a"]),
                   {"manager", "admin"}),
    "may_issue_setup_code": (lambda s, w, actor: permissions.may_issue_setup_code(
        session=s, actor=actor, person=w.people["bram"]), {"manager", "admin"}),
    "may_facilitate_session": (lambda s, w, actor: permissions.may_facilitate_session(
        session=s, actor=actor, team_id=w.ids["a"]), {"manager", "admin"}),
    "may_facilitate_session as the named facilitator": (
        lambda s, w, actor: permissions.may_facilitate_session(
            session=s, actor=actor, team_id=w.ids["a"], facilitator_id=w.people["anouk"].id),
        {"staff", "manager", "admin"}),
    "may_apply_mandate": (lambda s, w, actor: permissions.may_apply_mandate(
        session=s, actor=actor, team_id=w.ids["a"]), {"manager", "admin"}),
    "may_administer": (lambda s, w, actor: permissions.may_administer(actor=actor), {"admin"}),
    "may_manage_team_people": (lambda s, w, actor: permissions.may_manage_team_people(
        session=s, actor=actor, team_id=w.ids["a"]), {"manager", "admin"}),
    "may_erase_person": (lambda s, w, actor: permissions.may_erase_person(actor=actor), {"admin"}),
    "may_read_audit of the team": (lambda s, w, actor: permissions.may_read_audit(
        session=s, actor=actor, team_id=w.ids["a"]), {"manager", "admin"}),
    "may_read_audit of everything": (lambda s, w, actor: permissions.may_read_audit(
        session=s, actor=actor), {"admin"}),
    # Added by the administration and learning-session work (issues 8 and 9).
    "may_manage_person": (lambda s, w, actor: permissions.may_manage_person(
        session=s, actor=actor, person=w.people["bram"]), {"manager", "admin"}),
    "may_change_roles": (lambda s, w, actor: permissions.may_change_roles(actor=actor), {"admin"}),
    "may_see_sessions": (lambda s, w, actor: permissions.may_see_sessions(
        session=s, actor=actor, team_id=w.ids["a"]), {"staff", "pin_manager", "manager", "admin"}),
    "may_open_session": (lambda s, w, actor: permissions.may_open_session(
        session=s, actor=actor, team_id=w.ids["a"]), {"manager", "admin"}),
    "may_offer_story": (lambda s, w, actor: permissions.may_offer_story(
        session=s, actor=actor, gesture=w.gestures["anouks"]), {"staff"}),
    "may_set_name_consent": (lambda s, w, actor: permissions.may_set_name_consent(
        actor=actor, person_id=w.people["anouk"].id), {"staff"}),
}


@pytest.mark.parametrize("actor", ACTORS)
@pytest.mark.parametrize("question", QUESTIONS)
def test_each_actor_gets_a_yes_only_where_the_rules_say(session, world, question, actor):
    ask, allowed = QUESTIONS[question]
    assert ask(session, world, world.actors[actor]) is (actor in allowed)


SEES = {"nobody": "", "staff": "a", "staff_other": "b", "pin_manager": "a", "manager": "a",
        "manager_other": "b", "admin": "ab", "inactive": ""}


@pytest.mark.parametrize("actor", ACTORS)
def test_each_actor_sees_exactly_their_teams_by_name(session, world, actor):
    expected = [world.ids[key] for key in SEES[actor]]
    who = world.actors[actor]
    assert permissions.visible_team_ids(session=session, actor=who) == expected
    assert [team.id for team in permissions.visible_teams(session=session, actor=who)] == expected
    assert [team.id for team in session.exec(permissions.visible_teams_query(actor=who))] == expected


def test_every_permission_function_is_in_the_matrix():
    public = {name for name in dir(permissions) if name.startswith(("may_", "can_"))}
    asked = {question.split(" ")[0] for question in QUESTIONS}
    assert public <= asked, f"add rows for: {sorted(public - asked)}"


def test_staff_may_change_their_own_entry_only_within_the_window(session, world):
    anouks, staff = world.gestures["anouks"], world.actors["staff"]
    at_limit = anouks.logged_at + CORRECTION_WINDOW
    assert permissions.may_change_gesture(session=session, actor=staff, origin=anouks, now=at_limit)
    assert not permissions.may_change_gesture(session=session, actor=staff, origin=anouks,
                                              now=at_limit + timedelta(seconds=1))
    # A manager's and an admin's rights do not run out.
    for name in ("manager", "admin"):
        assert permissions.may_change_gesture(session=session, actor=world.actors[name], origin=anouks,
                                              now=at_limit + timedelta(days=30))


def test_a_pin_session_sees_only_its_tablets_team_even_when_the_person_belongs_to_more(session, world):
    from ledger.models import Membership

    session.add(Membership(team_id=world.ids["b"], person_id=world.people["anouk"].id))
    session.commit()
    on_tablet_a = Actor.of(world.people["anouk"], pinned_team_id=world.ids["a"])
    assert permissions.visible_team_ids(session=session, actor=on_tablet_a) == [world.ids["a"]]
    assert not permissions.can_see_team(session=session, actor=on_tablet_a, team_id=world.ids["b"])
    assert permissions.can_see_team(session=session, actor=Actor.of(world.people["anouk"]),
                                    team_id=world.ids["b"])


def test_a_pin_session_always_counts_as_staff(world):
    assert world.actors["pin_manager"].role == "staff"
    assert Actor.of(world.people["ada"], pinned_team_id=world.ids["a"]).role == "staff"


def test_a_manager_issues_codes_for_themselves_but_not_for_another_manager(session, world):
    maria = world.actors["manager"]
    assert permissions.may_issue_setup_code(session=session, actor=maria, person=world.people["maria"])
    assert not permissions.may_issue_setup_code(session=session, actor=maria, person=world.people["ines"])
    assert not permissions.may_issue_setup_code(session=session, actor=maria, person=world.people["bo"])


def test_an_erased_person_acts_as_nobody(session, world):
    from ledger.types import utcnow

    anouk = world.people["anouk"]
    anouk.erased_at = utcnow()
    erased = Actor.of(anouk)
    assert not erased.active
    assert not permissions.can_see_team(session=session, actor=erased, team_id=world.ids["a"])
