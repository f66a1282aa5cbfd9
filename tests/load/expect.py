"""What every load run must show: nothing lost, nothing stored twice, nothing stored that was not sent."""

from bench.load.scenarios import Outcome

MIN_ACKED = 50  # one gesture per tablet at least: the run really ran


def assert_no_loss(outcome: Outcome, *, answers: set[int]) -> None:
    """0 lost, 0 duplicated, no stranger rows, every gesture delivered in the end, only `answers` seen."""
    verdict, report = outcome.verdict, outcome.report()
    assert verdict.lost == 0 and verdict.duplicated == 0, report
    assert verdict.unknown == 0 and verdict.mismatched == 0, report
    assert verdict.unacked == 0, report  # every tablet got its last gesture through before the drain ended
    assert verdict.integrity == "ok", report
    assert verdict.acked >= MIN_ACKED, report
    assert set(outcome.tally.statuses) <= answers, report


def assert_busy_answers_say_when_to_retry(outcome: Outcome) -> None:
    """The database's trouble reached the tablets as 503 + Retry-After (seconds), never as a 500."""
    statuses, report = outcome.tally.statuses, outcome.report()
    assert statuses[503] > 0, report
    assert not [s for s in statuses if s >= 500 and s != 503], report
    assert all(value.isdigit() and int(value) > 0 for value in outcome.tally.retry_after), report
