"""`since_last_session` follows the learning loop (issue 8): after a session it speaks of what the session
agreed and what moved since; before a team's first session, of the last frame change, titled as such.
Rates per week divide by the weeks that have entries, not by empty weeks."""

from datetime import UTC, date, datetime

from ledger.models import LearningSession, Mandate, SessionAction, SessionStory, Takeaway
from tests.factories import make_mandate
from tests.reports.builders import WEEK, add, add_many, at, crew, of_kind, report

SESSION_DAY = date(2026, 1, 25)  # Sunday of 2026-W04: weeks W05-W07 are "since", W49-W04 "before"


def closed_session(session, team, *, held_on=SESSION_DAY, frame_from: date | None = None) -> LearningSession:
    """A closed session with two actions (one done, one a frame change applied from `frame_from`)."""
    row = LearningSession(team_id=team.id, held_on=held_on, title="January line-up",
                          period_start=date(2025, 12, 1), period_end=held_on, status="closed",
                          closed_at=datetime(2026, 1, 25, 18, tzinfo=UTC))
    session.add(row)
    session.flush()
    mandate = None
    if frame_from is not None:
        mandate = Mandate(team_id=team.id, valid_from=frame_from, per_gesture_cap_cents=4000,
                          allowance_cents=9000, allowance_period="week", why="Room to make it right",
                          learning_session_id=row.id)
        session.add(mandate)
        session.flush()
    session.add(SessionAction(session_id=row.id, text="Greet regulars by name", status="done"))
    session.add(SessionAction(session_id=row.id, text="Raise the cap", status="open", proposed_cap_cents=4000,
                              proposed_allowance_cents=9000, proposed_period="week",
                              applied_mandate_id=mandate.id if mandate else None))
    session.add(Takeaway(team_id=team.id, session_id=row.id, text="Time beats treats", kind="time"))
    session.commit()
    return row


def test_after_a_session_the_prompt_speaks_of_what_it_agreed_and_what_moved(session):
    team, (anouk, *_) = crew(session)
    told = add(session, team, anouk, at(WEEK.shift(-4), 2), kind="time", reaction=5)
    row = closed_session(session, team, frame_from=date(2026, 1, 26))
    session.add(SessionStory(session_id=row.id, gesture_id=told.id, position=1))
    session.commit()
    for back in (4, 5, 6, 8, 9, 10):  # six weeks with entries before the session, two empty
        add_many(session, team, anouk, at(WEEK.shift(-back), 1), 2, kind="time", reaction=3, cost=200)
    for back in range(3):
        add_many(session, team, anouk, at(WEEK.shift(-back), 1), 4, kind="time", reaction=5, cost=500)
    [prompt] = of_kind(report(session, team), "since_last_session")
    assert prompt.key == f"since_last_session:2026-W07:session:{row.id}"
    assert prompt.title == "Since the last learning session"
    assert "2 actions (1 done, 1 open)" in prompt.question
    assert "a new frame from Jan 26, 2026: cap per gesture €25.00 → €40.00" in prompt.question
    # 13 gestures before (12 + the told story) in the 6 weeks that have entries: 2.2 a week, not 13/8
    assert (prompt.fact("per_week_before").value, prompt.fact("weeks_logged_before").value) == ("2.2", "6")
    assert (prompt.fact("per_week_after").value, prompt.fact("weeks_logged_after").value) == ("4.0", "3")
    assert (prompt.fact("reaction_after").value, prompt.fact("reaction_after").n) == ("5.0", 12)
    assert prompt.fact("spent_week_after").value == "€20.00"
    actions = [(f.label, f.value) for f in prompt.facts if f.code == "action"]
    assert actions == [("Greet regulars by name", "done"), ("Raise the cap", "open")]
    assert prompt.fact("pattern").label == "Extra time" and "(n=12)" in prompt.fact("pattern").value
    assert prompt.fact("pattern").n is None  # both n are in the value
    assert prompt.evidence == (str(told.id),)


def test_right_after_a_session_it_says_what_was_agreed_without_comparing(session):
    team, (anouk, *_) = crew(session)
    closed_session(session, team, held_on=date(2026, 2, 8))  # Sunday of W06: one week since
    for back in range(1, 8):
        add_many(session, team, anouk, at(WEEK.shift(-back), 1), 2)
    add_many(session, team, anouk, at(WEEK, 1), 2)
    [prompt] = of_kind(report(session, team), "since_last_session")
    assert prompt.title == "Since the last learning session"
    assert "How is it going?" in prompt.question
    assert "a change of the frame that is not applied yet" in prompt.question
    assert "Too few gestures since the session" in prompt.why
    assert prompt.fact("per_week_after") is None  # no numbers to compare yet, only what was agreed
    assert [f.code for f in prompt.facts] == ["action", "action"]


def test_before_the_first_session_it_speaks_of_the_frame_change_over_weeks_with_entries(session):
    team, (anouk, *_) = crew(session)
    make_mandate(session, team, valid_from=date(2026, 1, 26), cap=4000, allowance=9000)  # Monday of W05
    for back in (3, 4, 5, 6, 7, 9, 10):  # seven of the eight weeks before have entries
        add_many(session, team, anouk, at(WEEK.shift(-back), 1), 2, reaction=3)
    for back in range(3):
        add_many(session, team, anouk, at(WEEK.shift(-back), 1), 4, reaction=5)
    [prompt] = of_kind(report(session, team), "since_last_session")
    assert prompt.title == "Since the frame changed"
    assert prompt.key == "since_last_session:2026-W07:mandate:2026-01-26"
    assert prompt.fact("per_week_before").value == "2.0"  # 14 in 7 weeks with entries (not 14/8 = 1.8)
    assert prompt.fact("weeks_logged_before").value == "7"
    assert "over the 7 weeks with entries" in prompt.why


def test_the_prompt_is_dutch_in_a_dutch_report(session):
    team, (anouk, *_) = crew(session)
    closed_session(session, team, frame_from=date(2026, 1, 26))
    for back in range(3, 9):
        add_many(session, team, anouk, at(WEEK.shift(-back), 1), 2)
    for back in range(3):
        add_many(session, team, anouk, at(WEEK.shift(-back), 1), 3)
    [prompt] = of_kind(report(session, team, lang="nl"), "since_last_session")
    assert prompt.title == "Sinds de laatste leersessie"
    assert "leersessie" in prompt.question and "acties" in prompt.question
