"""Minutes left empty are unknown in the report: summed over the known ones, never counted as 0."""

from reports.export import report_dict
from tests.reports.builders import WEEK, add, at, crew, report


def test_the_week_sums_known_minutes_and_says_how_many_gestures_gave_them(session):
    team, (anouk, bram, _cem) = crew(session)
    # Minutes set before the insert (ledger rows are append-only): 20, 0 and skipped (unknown).
    add(session, team, anouk, at(WEEK, 0), commit=False).effort_minutes = 20
    add(session, team, bram, at(WEEK, 1), commit=False).effort_minutes = 0
    add(session, team, bram, at(WEEK, 2), commit=False)
    session.commit()
    built = report(session, team)
    totals = built.totals
    assert (totals.gestures, totals.effort_minutes, totals.effort_known) == (3, 20, 2)
    # An average of minutes divides by the known ones: 10 minutes, not 6.7.
    assert totals.effort_minutes / totals.effort_known == 10
    exported = report_dict(built)["totals"]
    assert (exported["effort_minutes"], exported["effort_minutes_known"]) == (20, 2)
