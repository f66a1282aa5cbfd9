"""Steady load, and the same load through two app servers behind haproxy: every acknowledged gesture is
stored exactly once, nothing else is, and no request fails."""

import os

import pytest

from bench.load import scenarios
from tests.load.conftest import HAPROXY, SECONDS, needs
from tests.load.expect import assert_no_loss


def test_fifty_tablets_store_every_acknowledged_gesture_exactly_once(stage, server, record):
    outcome = record(scenarios.steady(stage, server, SECONDS))
    assert_no_loss(outcome, answers={201})
    assert not outcome.tally.failures, outcome.report()


@needs("postgresql")
@pytest.mark.skipif(HAPROXY is None and not os.environ.get("CI"),
                    reason="needs haproxy (apt-get install haproxy)")
def test_two_app_servers_behind_haproxy_share_the_load_without_state_of_their_own(stage, server, record):
    outcome = record(scenarios.two_servers(stage, server, SECONDS))
    assert_no_loss(outcome, answers={201})
    served = outcome.tally.served_by
    assert set(served) == {"app1", "app2"}, outcome.report()
    assert min(served.values()) >= 0.3 * sum(served.values()), outcome.report()  # round robin, per request
    # One tablet's gestures and resends land on either server (interleaving decides which: most, not all).
    assert outcome.extra["tablets_on_both"] >= outcome.extra["tablets"] // 2, outcome.report()
    assert outcome.extra["chain_intact"] is not False, outcome.report()  # None: no verify command yet
