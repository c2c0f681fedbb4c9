"""Group comparisons with small-cell suppression and multiple-testing correction.

For each group column (and each requested intersection) and each measure:

- every group with at least k analysed comments gets its rate (Wilson 95% CI) or mean
  score (95% CI); smaller groups are suppressed, plus the next smallest (see
  :func:`feedbackai.audit.privacy.suppress`);
- the *reference* is the most favourably treated shown group (lowest rate of vague /
  personality / other-bias flags, highest rate of actionable / specific comments, highest
  mean score; ties go to the larger group);
- each other shown group is compared with the reference: impact ratio of favourable rates
  (four-fifths flag below 0.8), risk difference with Newcombe's interval and Fisher's exact
  or chi-square test for rates; ratio of means, Cliff's delta with its interval and the
  Mann-Whitney U test for scores;
- an omnibus test across all shown groups (chi-square / Kruskal-Wallis);
- Benjamini-Hochberg q-values across every pairwise comparison of the run (one family),
  and separately across the omnibus tests.
"""

from __future__ import annotations

import math
from typing import Any, Sequence

import numpy as np

from .aggregates import RATE_MEASURES, SCORE_MEASURES, Indicators, _r, rate_cell, score_cell
from .privacy import suppress
from .stats import (benjamini_hochberg, impact_ratio, kruskal, mann_whitney, newcombe_diff_ci, omnibus_rate_test,
                    rate_test)

FOUR_FIFTHS = 0.8


def group_table(name: str, codes: np.ndarray, labels: Sequence[str], ind: Indicators, k: int) -> dict[str, Any]:
    """Per-group cells, comparisons and omnibus tests for one grouping of the analysed rows."""
    codes = np.asarray(codes)
    counts = np.bincount(codes[codes >= 0], minlength=len(labels)) if len(codes) else np.zeros(len(labels), int)
    present = {labels[i]: int(c) for i, c in enumerate(counts) if c > 0}
    hidden = suppress(present, k)
    shown = [(i, labels[i]) for i, c in enumerate(counts) if c > 0 and labels[i] not in hidden]
    groups_out: list[dict[str, Any]] = []
    masks = {lab: codes == i for i, lab in shown}
    for i, c in enumerate(counts):
        if c == 0:
            continue
        lab = labels[i]
        if lab in hidden:
            groups_out.append({"group": lab, "suppressed": True, "reason": hidden[lab]})
            continue
        m = masks[lab]
        cell: dict[str, Any] = {"group": lab, "suppressed": False, "n": int(c), "measures": {}}
        for mname, _, _ in RATE_MEASURES:
            cell["measures"][mname] = rate_cell(int(ind.rates[mname][m].sum()), int(c))
        for mname, _ in SCORE_MEASURES:
            cell["measures"][mname] = score_cell(ind.scores[mname][m])
        groups_out.append(cell)
    groups_out.sort(key=lambda g: (g["suppressed"], -g.get("n", 0), g["group"]))

    comparisons: list[dict[str, Any]] = []
    omnibus: list[dict[str, Any]] = []
    if len(shown) >= 2:
        for mname, _, higher_better in RATE_MEASURES:
            stats = {lab: (int(ind.rates[mname][masks[lab]].sum()), int(masks[lab].sum())) for _, lab in shown}
            fav = {lab: (x / n if higher_better else 1 - x / n) for lab, (x, n) in stats.items()}
            ref = max(fav, key=lambda lab: (fav[lab], stats[lab][1], lab))
            xr, nr = stats[ref]
            for _, lab in shown:
                if lab == ref:
                    continue
                x, n = stats[lab]
                d, lo, hi = newcombe_diff_ci(x, n, xr, nr)
                t = rate_test(x, n, xr, nr)
                ir = impact_ratio(fav[lab], fav[ref])
                comparisons.append({
                    "grouping": name, "measure": mname, "kind": "rate", "group": lab, "reference": ref,
                    "n": n, "n_reference": nr, "rate": _r(x / n), "rate_reference": _r(xr / nr),
                    "favourable_rate": _r(fav[lab]), "favourable_rate_reference": _r(fav[ref]),
                    "impact_ratio": _r(ir), "four_fifths_flag": bool(math.isfinite(ir) and ir < FOUR_FIFTHS),
                    "effect": "risk_difference", "effect_size": _r(d), "effect_ci": [_r(lo), _r(hi)],
                    "test": t.test, "statistic": _r(t.statistic, 6), "p": t.p,
                })
            ot = omnibus_rate_test([stats[lab][0] for _, lab in shown], [stats[lab][1] for _, lab in shown])
            omnibus.append({"grouping": name, "measure": mname, "test": ot.test, "statistic": _r(ot.statistic, 6),
                            "df": len(shown) - 1, "p": ot.p})
        for mname, _ in SCORE_MEASURES:
            vals = {lab: ind.scores[mname][masks[lab]] for _, lab in shown}
            means = {lab: float(v.mean()) for lab, v in vals.items()}
            ref = max(means, key=lambda lab: (means[lab], len(vals[lab]), lab))
            for _, lab in shown:
                if lab == ref:
                    continue
                mw = mann_whitney(vals[lab], vals[ref])
                ir = impact_ratio(means[lab], means[ref])
                comparisons.append({
                    "grouping": name, "measure": mname, "kind": "score", "group": lab, "reference": ref,
                    "n": int(len(vals[lab])), "n_reference": int(len(vals[ref])),
                    "mean": _r(means[lab], 2), "mean_reference": _r(means[ref], 2),
                    "impact_ratio": _r(ir), "four_fifths_flag": bool(math.isfinite(ir) and ir < FOUR_FIFTHS),
                    "effect": "cliffs_delta", "effect_size": _r(mw.cliffs_delta), "effect_ci": [_r(mw.ci_low), _r(mw.ci_high)],
                    "test": "mann_whitney_u", "statistic": _r(mw.u, 3), "p": mw.p,
                })
            kt = kruskal(list(vals.values()))
            omnibus.append({"grouping": name, "measure": mname, "test": kt.test, "statistic": _r(kt.statistic, 6),
                            "df": len(shown) - 1, "p": kt.p})
    return {"grouping": name, "k": k, "groups": groups_out, "shown": len(shown), "suppressed": len(hidden),
            "comparisons": comparisons, "omnibus": omnibus}


def adjust_all(tables: Sequence[dict[str, Any]], alpha: float = 0.05) -> dict[str, Any]:
    """Benjamini-Hochberg across all pairwise comparisons (one family) and across omnibus tests."""
    pairs = [c for t in tables for c in t["comparisons"]]
    omni = [o for t in tables for o in t["omnibus"]]
    for family in (pairs, omni):
        q = benjamini_hochberg([c["p"] for c in family])
        for c, qv in zip(family, q):
            c["q"] = _r(qv, 6)
            c["significant"] = bool(qv < alpha)
            c["p"] = _r(c["p"], 6)
    return {"method": "benjamini-hochberg", "alpha": alpha, "pairwise_tests": len(pairs), "omnibus_tests": len(omni)}


def combine_codes(columns: Sequence[np.ndarray], labels: Sequence[Sequence[str]], sep: str = " × ") -> tuple[np.ndarray, list[str]]:
    """Codes and labels of the intersection of several groupings (only combinations that occur)."""
    n = len(columns[0]) if columns else 0
    if n == 0:
        return np.zeros(0, dtype=np.int64), []
    stacked = np.stack([np.asarray(c, dtype=np.int64) for c in columns], axis=1)
    uniq, inv = np.unique(stacked, axis=0, return_inverse=True)
    names = [sep.join(labels[j][int(v)] for j, v in enumerate(row)) for row in uniq]
    return inv.reshape(-1).astype(np.int64), names
