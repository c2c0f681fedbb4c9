"""Audit statistics against scipy and published worked examples."""

import math

import numpy as np
import pytest
from scipy import stats as st

from feedbackai.audit import stats as S


@pytest.mark.parametrize("x,n", [(0, 10), (1, 10), (81, 263), (15, 148), (50, 50), (7, 9)])
def test_wilson_matches_scipy(x, n):
    ci = st.binomtest(x, n).proportion_ci(confidence_level=0.95, method="wilson")
    lo, hi = S.wilson_ci(x, n)
    assert lo == pytest.approx(ci.low, abs=1e-9)
    assert hi == pytest.approx(ci.high, abs=1e-9)


def test_wilson_published_example():
    # Newcombe (1998a), 81/263: Wilson 0.2553 to 0.3662
    lo, hi = S.wilson_ci(81, 263)
    assert (round(lo, 4), round(hi, 4)) == (0.2553, 0.3662)


@pytest.mark.parametrize("x1,n1,x2,n2,lo,hi", [
    # Newcombe (1998b) Statistics in Medicine 17:873, Table II, method 10
    (56, 70, 48, 80, 0.0524, 0.3339),
    (9, 10, 3, 10, 0.1705, 0.8090),
    (6, 7, 2, 7, 0.0582, 0.8062),
    (5, 56, 0, 29, -0.0381, 0.1926),
    (0, 10, 0, 20, -0.1611, 0.2775),
    (10, 10, 0, 20, 0.6791, 1.0),
])
def test_newcombe_difference_published_examples(x1, n1, x2, n2, lo, hi):
    d, a, b = S.newcombe_diff_ci(x1, n1, x2, n2)
    assert d == pytest.approx(x1 / n1 - x2 / n2)
    assert (round(a, 4), round(b, 4)) == (lo, hi)


def test_rate_test_fisher_for_small_tables():
    # Fisher's tea-tasting table: two-sided p = 0.4857
    t = S.rate_test(3, 4, 1, 4)
    assert t.test == "fisher_exact"
    assert t.p == pytest.approx(0.4857, abs=1e-4)
    assert t.p == pytest.approx(st.fisher_exact([[3, 1], [1, 3]])[1])


def test_rate_test_chi_square_for_large_tables():
    t = S.rate_test(120, 400, 90, 410)
    assert t.test == "chi_square"
    chi2, p, _, _ = st.chi2_contingency([[120, 280], [90, 320]], correction=False)
    assert t.statistic == pytest.approx(chi2)
    assert t.p == pytest.approx(p)


def test_rate_test_degenerate():
    assert S.rate_test(0, 10, 0, 12).p == 1.0


def test_omnibus_matches_scipy():
    x, n = [10, 20, 35], [100, 110, 120]
    t = S.omnibus_rate_test(x, n)
    chi2, p, _, _ = st.chi2_contingency(np.array([x, np.subtract(n, x)]).T, correction=False)
    assert t.p == pytest.approx(p) and t.statistic == pytest.approx(chi2)


def _brute_delta(x, y):
    gt = sum((a > b) for a in x for b in y)
    lt = sum((a < b) for a in x for b in y)
    return (gt - lt) / (len(x) * len(y))


def test_mann_whitney_and_cliffs_delta():
    rng = np.random.default_rng(0)
    x = rng.integers(0, 100, 40).astype(float)
    y = rng.integers(10, 110, 35).astype(float)
    r = S.mann_whitney(x, y)
    ref = st.mannwhitneyu(x, y, alternative="two-sided", method="asymptotic")
    assert r.u == pytest.approx(ref.statistic)
    assert r.p == pytest.approx(ref.pvalue)
    assert r.cliffs_delta == pytest.approx(_brute_delta(x, y))
    assert r.cliffs_delta == pytest.approx(2 * r.u / (len(x) * len(y)) - 1)  # rank-biserial
    assert -1 <= r.ci_low < r.cliffs_delta < r.ci_high <= 1


def test_delong_variance_matches_brute_force():
    x = np.array([1, 2, 2, 5, 7, 9.0])
    y = np.array([0, 2, 3, 3, 4.0])
    auc, var = S._delong_auc_var(x, y)
    psi = np.array([[1.0 if a > b else 0.5 if a == b else 0.0 for b in y] for a in x])
    v10, v01 = psi.mean(1), psi.mean(0)
    assert auc == pytest.approx(psi.mean())
    assert var == pytest.approx(v10.var(ddof=1) / len(x) + v01.var(ddof=1) / len(y))


def test_cliffs_delta_interval_covers_truth_in_simulation():
    rng = np.random.default_rng(1)
    true = 2 * st.norm.cdf(0.5 / math.sqrt(2)) - 1  # delta for N(0.5,1) vs N(0,1)
    hits = 0
    for _ in range(200):
        r = S.mann_whitney(rng.normal(0.5, 1, 60), rng.normal(0, 1, 60))
        hits += r.ci_low <= true <= r.ci_high
    assert 0.90 <= hits / 200 <= 0.99


def test_mann_whitney_identical_values():
    r = S.mann_whitney(np.ones(5), np.ones(6))
    assert r.p == 1.0 and r.cliffs_delta == 0.0


def test_benjamini_hochberg_matches_scipy():
    p = [0.01, 0.04, 0.03, 0.005, 0.2, 0.9, 0.049, 0.5]
    assert S.benjamini_hochberg(p) == pytest.approx(st.false_discovery_control(p, method="bh").tolist())
    assert S.benjamini_hochberg([]) == []


def test_kruskal_matches_scipy():
    g = [np.array([1, 2, 3, 4.0]), np.array([2, 5, 6, 7.0]), np.array([8, 9, 3, 1.0])]
    assert S.kruskal(g).p == pytest.approx(st.kruskal(*g).pvalue)


def test_impact_ratio_four_fifths():
    # EEOC Q&A example: 30% vs 50% selected -> 0.6, below four-fifths
    assert S.impact_ratio(0.30, 0.50) == pytest.approx(0.6)
    assert math.isnan(S.impact_ratio(0.3, 0.0))


def test_mean_ci_t_interval():
    v = np.array([10, 12, 9, 14, 11.0])
    m, lo, hi = S.mean_ci(v)
    ref = st.t.interval(0.95, len(v) - 1, loc=v.mean(), scale=st.sem(v))
    assert (lo, hi) == pytest.approx(ref)
