"""Faults during the load: a killed worker, a locked or full SQLite database, a backup taken while the
tablets write, a PostgreSQL restart (opt-in). The tablets retry the same gesture id, so after each
fault every acknowledged gesture is stored exactly once and nothing else is."""

import os

import pytest

from bench.load import scenarios
from tests.load.conftest import SECONDS, needs
from tests.load.expect import assert_busy_answers_say_when_to_retry, assert_no_loss


def test_a_worker_killed_mid_request_loses_and_duplicates_nothing(stage, server, record):
    outcome = record(scenarios.worker_kills(stage, server, SECONDS))
    assert_no_loss(outcome, answers={201, 200})  # 200: a resent gesture the dead worker had stored
    assert sum(outcome.tally.failures.values()) >= 1, outcome.report()  # a kill struck a request in flight


@needs("sqlite")
def test_a_database_locked_past_the_busy_timeout_answers_503_and_the_tablets_retry(stage, server, record):
    outcome = record(scenarios.sqlite_lock(stage, server, max(SECONDS, 12)))
    assert_busy_answers_say_when_to_retry(outcome)
    assert_no_loss(outcome, answers={200, 201, 503})


@needs("sqlite")
def test_a_full_disk_answers_503_and_stores_no_half_written_row(stage, server, record):
    outcome = record(scenarios.full_disk(stage, server, SECONDS))
    assert_busy_answers_say_when_to_retry(outcome)
    assert_no_loss(outcome, answers={200, 201, 503})  # integrity_check, and every row exactly as sent


def test_a_backup_taken_during_writes_restores_a_consistent_ledger(stage, server, restore_url, record):
    outcome = record(scenarios.backup_during_writes(stage, server, SECONDS, restore_url))
    assert_no_loss(outcome, answers={201})
    restored = outcome.extra
    assert restored["acked_before"] > 0 and restored["missing"] == 0, outcome.report()
    assert restored["different"] == 0 and restored["integrity"] == "ok", outcome.report()
    assert restored["chain_intact"] is not False, outcome.report()  # None: no verify command yet


@needs("postgresql")
@pytest.mark.skipif(os.environ.get("LOAD_PG_RESTART") != "1",
                    reason="restarts the machine's PostgreSQL, breaking all its sessions: LOAD_PG_RESTART=1")
def test_a_postgresql_restart_loses_and_duplicates_nothing(stage, server, record):
    outcome = record(scenarios.postgres_restart(stage, server, max(SECONDS, 15)))
    assert_no_loss(outcome, answers={200, 201, 503})
    assert not [s for s in outcome.tally.statuses if s >= 500 and s != 503], outcome.report()
