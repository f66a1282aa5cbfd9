"""The statistics behind the report, checked against numbers worked out by hand."""

import math

import pytest

from ledger.queries import cost_band
from reports.stats import (
    SHRINK_K,
    funnel_limits,
    make_stat,
    mean_difference_z,
    mean_interval,
    pool,
    share_change_z,
    shrink,
    wilson,
)


def test_shrinkage_pulls_a_small_group_halfway_when_it_has_k_entries():
    # K = 5: five entries averaging 5.0 in a team averaging 3.0 → (5·5 + 5·3)/10 = 4.0
    assert SHRINK_K == 5
    assert shrink(5, 5.0, 3.0) == pytest.approx(4.0)


def test_shrinkage_barely_moves_a_large_group():
    # (45·4.0 + 5·3.0)/50 = 3.9
    assert shrink(45, 4.0, 3.0) == pytest.approx(3.9)


def test_a_group_without_entries_sits_at_the_team_mean():
    assert shrink(0, None, 3.6) == 3.6


def test_a_stat_from_sql_sums_carries_raw_and_shrunk_means_with_n():
    # reactions 5, 5, 4 → Σ = 14, Σ² = 66; team mean 3.0 → shrunk (14 + 15)/8 = 3.625
    stat = make_stat(3, 14, 66, 3, team_mean=3.0, flat=0)
    assert (stat.n, stat.delighted) == (3, 3)
    assert stat.mean == pytest.approx(14 / 3)
    assert stat.shrunk == pytest.approx(3.625)
    assert stat.delighted_share == 1.0


def test_the_mean_interval_uses_the_sample_variance():
    # 2, 4 → mean 3, s² = 2, half width 1.96·√(2/2) = 1.96
    low, high = mean_interval(2, 6, 20)
    assert (low, high) == pytest.approx((1.04, 4.96))
    assert mean_interval(1, 4, 16) is None


def test_wilson_interval_of_three_out_of_ten():
    low, high = wilson(3, 10)
    assert low == pytest.approx(0.1078, abs=1e-3)
    assert high == pytest.approx(0.6032, abs=1e-3)


def test_funnel_limits_narrow_as_n_grows():
    # p0 = 0.5, n = 25: 0.5 ± 1.96·√(0.25/25) = 0.5 ± 0.196
    assert funnel_limits(0.5, 25) == pytest.approx((0.304, 0.696))
    wide, narrow = funnel_limits(0.5, 4), funnel_limits(0.5, 100)
    assert wide[1] - wide[0] > narrow[1] - narrow[0]


def test_pooling_two_groups_is_exact():
    a, b = make_stat(2, 10, 50, 2), make_stat(2, 4, 8, 0, flat=2)
    both = pool([a, b])
    assert (both.n, both.mean, both.delighted, both.flat) == (4, 3.5, 2, 2)


def test_mean_difference_z_of_clearly_different_groups():
    a = make_stat(4, 8, 18, 0)  # 1, 2, 2, 3: mean 2, s² = 2/3
    b = make_stat(4, 18, 82, 4)  # 4, 4, 5, 5: mean 4.5, s² = 1/3 → z = 2.5/√(1/6 + 1/12) = 5
    assert mean_difference_z(a, b) == pytest.approx(5.0)
    assert mean_difference_z(b, a) == pytest.approx(-5.0)


def test_share_change_z_is_zero_without_change_and_large_with_one():
    assert share_change_z(5, 10, 10, 20) == 0
    # pooled p = 11/30; se = √(p(1−p)·(1/10 + 1/20)) = 0.1866; z = (0.9 − 0.1)/0.1866 = 4.29
    assert share_change_z(9, 10, 2, 20) == pytest.approx(4.29, abs=0.01)
    assert math.isclose(share_change_z(0, 0, 1, 2), 0)


@pytest.mark.parametrize(("cents", "band"), [
    (0, "free"), (1, "up_to_5"), (500, "up_to_5"), (501, "5_to_15"), (1500, "5_to_15"), (1501, "over_15"),
])
def test_cost_bands_at_their_edges(cents, band):
    assert cost_band(cents) == band
