"""Honest, explainable statistics for small groups: shrinkage, intervals, funnel-plot control limits.

Every function works from sufficient statistics that SQL returns (n, sum, sum of squares, a count),
so no rows are loaded into Python.
"""

import math

from reports.model import Stat

# Empirical-Bayes shrinkage strength: a group is pulled toward the team mean as if it had K extra
# entries at the team mean. K = 5 means a group of 5 entries sits halfway between its own mean and the
# team's; a group of 45 keeps 90 % of its own difference. Small enough to let real patterns of a
# busy team show, large enough that two delighted customers never look like a discovery.
SHRINK_K = 5

Z_95 = 1.96  # two-sided 95 % normal quantile
Z_998 = 3.09  # two-sided 99.8 % — the outer funnel limit


def shrink(n: int, mean: float | None, team_mean: float | None, k: float = SHRINK_K) -> float | None:
    """(n·mean + k·team_mean) / (n + k): a group mean pulled toward the team mean by k pseudo-entries."""
    if team_mean is None:
        return mean
    if not n or mean is None:
        return team_mean
    return (n * mean + k * team_mean) / (n + k)


def mean_interval(n: int, total: float, total_sq: float, z: float = Z_95) -> tuple[float, float] | None:
    """Normal-approximation interval of a mean from n, Σx and Σx²; None below two entries."""
    if n < 2:
        return None
    mean = total / n
    var = max((total_sq - n * mean * mean) / (n - 1), 0.0)
    half = z * math.sqrt(var / n)
    return mean - half, mean + half


def wilson(successes: int, n: int, z: float = Z_95) -> tuple[float, float] | None:
    """Wilson score interval of a proportion; None without entries."""
    if n <= 0:
        return None
    p = successes / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return max(0.0, centre - half), min(1.0, centre + half)


def funnel_limits(p0: float, n: int, z: float = Z_95) -> tuple[float, float]:
    """Control limits of a funnel plot at size n around the team's proportion p0 (clipped to [0, 1])."""
    if n <= 0:
        return 0.0, 1.0
    half = z * math.sqrt(p0 * (1 - p0) / n)
    return max(0.0, p0 - half), min(1.0, p0 + half)


def make_stat(n: int, total: float | None, total_sq: float | None, delighted: int | None,
              team_mean: float | None = None, flat: int | None = 0) -> Stat:
    """A Stat from SQL sums: raw mean, shrunk mean (toward team_mean, when given), interval, counts."""
    n = int(n or 0)
    if n == 0:
        return Stat(0, None, team_mean, None, None, 0)
    total, total_sq = float(total or 0), float(total_sq or 0)
    mean = total / n
    interval = mean_interval(n, total, total_sq)
    low, high = interval if interval else (None, None)
    shrunk = shrink(n, mean, team_mean) if team_mean is not None else mean
    return Stat(n, mean, shrunk, low, high, int(delighted or 0), int(flat or 0), total, total_sq)


def pool(stats: list[Stat], team_mean: float | None = None) -> Stat:
    """Several groups as one (exact, from their sums), shrunk toward team_mean when given."""
    return make_stat(sum(s.n for s in stats), sum(s.total for s in stats), sum(s.total_sq for s in stats),
                     sum(s.delighted for s in stats), team_mean, sum(s.flat for s in stats))


def mean_difference_z(a: Stat, b: Stat) -> float:
    """Welch z statistic for the difference of two means (b − a); 0 when it cannot be computed."""
    if a.n < 2 or b.n < 2 or a.mean is None or b.mean is None:
        return 0.0
    var_a = max((a.total_sq - a.n * a.mean ** 2) / (a.n - 1), 0.0)
    var_b = max((b.total_sq - b.n * b.mean ** 2) / (b.n - 1), 0.0)
    se = math.sqrt(var_a / a.n + var_b / b.n)
    if se == 0:
        return 0.0 if a.mean == b.mean else math.copysign(math.inf, b.mean - a.mean)
    return (b.mean - a.mean) / se


def share_change_z(recent: int, recent_n: int, before: int, before_n: int) -> float:
    """Two-proportion z statistic (pooled) for a share that moved between two periods; 0 when undefined."""
    if recent_n <= 0 or before_n <= 0:
        return 0.0
    pooled = (recent + before) / (recent_n + before_n)
    se = math.sqrt(pooled * (1 - pooled) * (1 / recent_n + 1 / before_n))
    if se == 0:
        return 0.0
    return (recent / recent_n - before / before_n) / se


def slope(values: list[float]) -> float | None:
    """Least-squares slope per step of an evenly spaced series; None below three points."""
    n = len(values)
    if n < 3:
        return None
    xbar, ybar = (n - 1) / 2, sum(values) / n
    sxx = sum((i - xbar) ** 2 for i in range(n))
    return sum((i - xbar) * (v - ybar) for i, v in enumerate(values)) / sxx
