"""Statistics for group comparisons: small pure functions over counts and score arrays.

Everything here works on counts or numpy arrays (never on text) and is checked against
scipy and published worked examples in ``tests/test_audit_stats.py``.

- :func:`wilson_ci` — Wilson score interval for one proportion.
- :func:`newcombe_diff_ci` — Newcombe's hybrid score interval (method 10) for a risk
  difference p1 - p2.
- :func:`rate_test` — 2x2 test: Fisher's exact when any expected count is below 5, else
  Pearson's chi-square without continuity correction.
- :func:`mann_whitney` — Mann-Whitney U (two-sided), with Cliff's delta (= rank-biserial
  correlation) and its confidence interval from the DeLong variance of the AUC.
- :func:`benjamini_hochberg` — BH-adjusted p-values (q-values).
- :func:`impact_ratio` — the adverse-impact ratio behind the four-fifths rule.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence

import numpy as np
from scipy import stats as _st

Z95 = 1.959963984540054


def wilson_ci(x: int, n: int, z: float = Z95) -> tuple[float, float]:
    """Wilson score interval for x successes out of n (NaN, NaN when n == 0)."""
    if n <= 0:
        return (math.nan, math.nan)
    p = x / n
    denom = 1.0 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return (max(0.0, centre - half), min(1.0, centre + half))


def newcombe_diff_ci(x1: int, n1: int, x2: int, n2: int, z: float = Z95) -> tuple[float, float, float]:
    """Risk difference p1 - p2 and Newcombe's hybrid score 95% interval (method 10, 1998)."""
    if n1 <= 0 or n2 <= 0:
        return (math.nan, math.nan, math.nan)
    p1, p2 = x1 / n1, x2 / n2
    l1, u1 = wilson_ci(x1, n1, z)
    l2, u2 = wilson_ci(x2, n2, z)
    d = p1 - p2
    lower = d - math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2)
    upper = d + math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)
    return (d, max(-1.0, lower), min(1.0, upper))


@dataclass(frozen=True)
class TestResult:
    test: str
    statistic: float
    p: float


def rate_test(x1: int, n1: int, x2: int, n2: int) -> TestResult:
    """Two-sided test that two proportions differ.

    Fisher's exact test when any expected cell count is below 5 (or a margin is zero),
    otherwise Pearson's chi-square test with one degree of freedom and no continuity
    correction.
    """
    table = np.array([[x1, n1 - x1], [x2, n2 - x2]], dtype=float)
    rows, cols, total = table.sum(1), table.sum(0), table.sum()
    if total == 0 or (cols == 0).any() or (rows == 0).any():
        return TestResult("none", math.nan, 1.0)
    expected = np.outer(rows, cols) / total
    if (expected < 5).any():
        odds, p = _st.fisher_exact(table.astype(int), alternative="two-sided")
        return TestResult("fisher_exact", float(odds), float(min(1.0, p)))
    chi2, p, _, _ = _st.chi2_contingency(table, correction=False)
    return TestResult("chi_square", float(chi2), float(p))


def omnibus_rate_test(successes: Sequence[int], totals: Sequence[int]) -> TestResult:
    """Chi-square test of homogeneity across k >= 2 groups (r x 2 table)."""
    x = np.asarray(successes, dtype=float)
    n = np.asarray(totals, dtype=float)
    table = np.stack([x, n - x], axis=1)
    if len(x) < 2 or (table.sum(0) == 0).any() or (n == 0).any():
        return TestResult("none", math.nan, 1.0)
    chi2, p, _, _ = _st.chi2_contingency(table, correction=False)
    return TestResult("chi_square", float(chi2), float(p))


@dataclass(frozen=True)
class RankComparison:
    u: float
    p: float
    cliffs_delta: float
    ci_low: float
    ci_high: float


def _delong_auc_var(x: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """AUC = P(X > Y) + 0.5 P(X = Y) and its DeLong variance, via midranks (ties allowed)."""
    n1, n2 = len(x), len(y)
    combined = np.concatenate([x, y])
    r_all = _st.rankdata(combined)
    r_x = _st.rankdata(x)
    r_y = _st.rankdata(y)
    v10 = (r_all[:n1] - r_x) / n2            # for each x: share of y below it (ties 1/2)
    v01 = 1.0 - (r_all[n1:] - r_y) / n1      # for each y: share of x above it (ties 1/2)
    auc = float(v10.mean())
    var = (v10.var(ddof=1) / n1 if n1 > 1 else 0.0) + (v01.var(ddof=1) / n2 if n2 > 1 else 0.0)
    return auc, float(var)


def cliffs_delta_ci(delta: float, se: float, z: float = Z95) -> tuple[float, float]:
    """Cliff's (1993) asymmetric interval for delta given its standard error."""
    if not math.isfinite(se) or se <= 0:
        return (delta, delta)
    d2 = delta * delta
    zs = z * se
    root = zs * math.sqrt((1 - d2) ** 2 + zs * zs)
    denom = 1 - d2 + zs * zs
    lo = (delta - delta ** 3 - root) / denom
    hi = (delta - delta ** 3 + root) / denom
    return (max(-1.0, lo), min(1.0, hi))


def mann_whitney(x: np.ndarray, y: np.ndarray, z: float = Z95) -> RankComparison:
    """Two-sided Mann-Whitney U of x vs y, with Cliff's delta = P(X>Y) - P(X<Y) and its CI.

    ``u`` is scipy's U statistic for ``x``; Cliff's delta equals the rank-biserial
    correlation 2U/(n1 n2) - 1. The CI uses the DeLong variance of the AUC (delta = 2 AUC - 1)
    in Cliff's asymmetric formula.
    """
    x = np.asarray(x, dtype=float)
    y = np.asarray(y, dtype=float)
    if len(x) == 0 or len(y) == 0:
        return RankComparison(math.nan, 1.0, math.nan, math.nan, math.nan)
    if np.all(x == x[0]) and np.all(y == x[0]):
        return RankComparison(len(x) * len(y) / 2.0, 1.0, 0.0, 0.0, 0.0)
    res = _st.mannwhitneyu(x, y, alternative="two-sided", method="asymptotic" if len(x) + len(y) > 60 else "auto")
    auc, var = _delong_auc_var(x, y)
    delta = 2 * auc - 1
    lo, hi = cliffs_delta_ci(delta, 2 * math.sqrt(max(var, 0.0)), z)
    return RankComparison(float(res.statistic), float(res.pvalue), float(delta), lo, hi)


def kruskal(groups: Sequence[np.ndarray]) -> TestResult:
    """Kruskal-Wallis H test across k >= 2 groups of scores."""
    groups = [np.asarray(g, dtype=float) for g in groups if len(g)]
    if len(groups) < 2:
        return TestResult("none", math.nan, 1.0)
    allv = np.concatenate(groups)
    if np.all(allv == allv[0]):
        return TestResult("kruskal_wallis", 0.0, 1.0)
    h, p = _st.kruskal(*groups)
    return TestResult("kruskal_wallis", float(h), float(p))


def mean_ci(values: np.ndarray, z: float = Z95) -> tuple[float, float, float]:
    """Mean and normal-approximation 95% interval (t quantile for small n)."""
    v = np.asarray(values, dtype=float)
    n = len(v)
    if n == 0:
        return (math.nan, math.nan, math.nan)
    m = float(v.mean())
    if n < 2:
        return (m, math.nan, math.nan)
    q = float(_st.t.ppf(0.975, n - 1)) if n < 200 else z
    half = q * float(v.std(ddof=1)) / math.sqrt(n)
    return (m, m - half, m + half)


def benjamini_hochberg(pvalues: Sequence[float]) -> list[float]:
    """Benjamini-Hochberg adjusted p-values (step-up, monotone, capped at 1)."""
    p = np.asarray(pvalues, dtype=float)
    m = len(p)
    if m == 0:
        return []
    order = np.argsort(p, kind="mergesort")
    ranked = p[order] * m / np.arange(1, m + 1)
    q = np.minimum.accumulate(ranked[::-1])[::-1]
    out = np.empty(m)
    out[order] = np.minimum(q, 1.0)
    return out.tolist()


def impact_ratio(favourable_rate: float, reference_rate: float) -> float:
    """Selection-rate ratio of a group to the most favourably treated group.

    Below 0.8 is the EEOC "four-fifths rule" flag: a prompt to look closer, not a finding.
    """
    if not reference_rate or not math.isfinite(reference_rate):
        return math.nan
    return favourable_rate / reference_rate
