"""Per-row scalars kept in compact numpy arrays, and the aggregates computed from them.

No text is kept here: each row is a fixed-size record (scores, levels, flag counts per
category, a criticism cue, the rating, and integer codes for the manager and each group
column): about 60 bytes a row, so a million rows fit in ~60 MB.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import Any, Sequence

import numpy as np

from ..types import CATEGORIES, LEVELS
from .privacy import suppress
from .stats import mean_ci, wilson_ci

MISSING = "(missing)"
LEVEL_CODE = {lvl: i for i, lvl in enumerate(LEVELS)}
CAT_INDEX = {c: i for i, c in enumerate(CATEGORIES)}
VAGUE_IDX = [i for i, c in enumerate(CATEGORIES) if c.startswith("vague.")]
BIAS_OTHER_IDX = [i for i, c in enumerate(CATEGORIES) if c.startswith("bias.") and c != "bias.personality"]
PERSONALITY_IDX = CAT_INDEX["bias.personality"]
GENERIC_IDX = CAT_INDEX["vague.generic"]

#: Binary measures compared between groups: (name, description, higher_is_better).
RATE_MEASURES: tuple[tuple[str, str, bool], ...] = (
    ("vague", "comments with at least one vague-language flag (vague.*)", False),
    ("personality", "comments with at least one personality flag (bias.personality)", False),
    ("biased_language", "comments with at least one other bias flag (bias.* except personality)", False),
    ("actionable", "comments whose actionability level is medium or high", True),
    ("specific", "comments whose specificity level is medium or high", True),
)
#: Score measures compared between groups (0-100, higher is better).
SCORE_MEASURES: tuple[tuple[str, str], ...] = (
    ("specificity", "specificity score, 0-100"),
    ("actionability", "actionability score, 0-100"),
)

# Heuristic cues of critical content, for rating-vs-text consistency only.
CRITICAL_CUES = re.compile(
    r"\b(needs? to (?:improve|work on|be more|get better)|must improve|improvement is needed|did(?:n't| not) meet|"
    r"(?:does|do)(?:n't| not) meet|below expectations|missed|misses|late with|struggl\w+|fail(?:s|ed|ing)?|"
    r"poor(?:ly)?|lacks?|lacking|unacceptable|disappoint\w*|not (?:yet )?(?:ready|reliable|consistent)|"
    r"hard to follow|too slow|careless|abrasive|never listens)\b",
    re.IGNORECASE,
)


def has_critical_cue(text: str) -> bool:
    return bool(CRITICAL_CUES.search(text))


def record_dtype(n_groups: int) -> np.dtype:
    return np.dtype([
        ("ok", "u1"), ("spec", "f4"), ("act", "f4"), ("spec_lvl", "i1"), ("act_lvl", "i1"),
        ("crit", "u1"), ("flags", "u2", (len(CATEGORIES),)), ("rating", "f4"), ("manager", "i4"),
        ("groups", "i4", (max(n_groups, 1),)),
    ])


class Codebook:
    """Maps the values of one column to small integer codes (missing and blank -> '(missing)')."""

    def __init__(self, values: Sequence[str] = ()) -> None:
        self.values: list[str] = list(values)
        self._index = {v: i for i, v in enumerate(self.values)}

    def code(self, value: Any) -> int:
        s = MISSING if value is None or (isinstance(value, float) and math.isnan(value)) else str(value).strip()
        if s == "":
            s = MISSING
        i = self._index.get(s)
        if i is None:
            i = len(self.values)
            self.values.append(s)
            self._index[s] = i
        return i


class RowStore:
    """Append-only per-row records, in chunks; ``array()`` concatenates them."""

    def __init__(self, n_groups: int) -> None:
        self.dtype = record_dtype(n_groups)
        self._parts: list[np.ndarray] = []
        self._cache: np.ndarray | None = None

    def new(self, n: int) -> np.ndarray:
        a = np.zeros(n, dtype=self.dtype)
        a["spec"] = np.nan
        a["act"] = np.nan
        a["spec_lvl"] = -1
        a["act_lvl"] = -1
        a["rating"] = np.nan
        a["manager"] = -1
        return a

    def append(self, part: np.ndarray) -> None:
        self._parts.append(part)
        self._cache = None

    def load_bytes(self, data: bytes) -> None:
        self._parts = [np.frombuffer(data, dtype=self.dtype).copy()]
        self._cache = None

    def __len__(self) -> int:
        return sum(len(p) for p in self._parts)

    def array(self) -> np.ndarray:
        if self._cache is None:
            self._cache = np.concatenate(self._parts) if self._parts else np.zeros(0, dtype=self.dtype)
            self._parts = [self._cache]
        return self._cache


@dataclass
class Indicators:
    """Boolean and score vectors over the analysed rows, derived from a record array."""

    ok: np.ndarray
    rates: dict[str, np.ndarray] = field(default_factory=dict)
    scores: dict[str, np.ndarray] = field(default_factory=dict)

    @classmethod
    def from_records(cls, a: np.ndarray) -> "Indicators":
        ok = a["ok"].astype(bool)
        flags = a["flags"]
        rates = {
            "vague": flags[:, VAGUE_IDX].sum(1) > 0,
            "personality": flags[:, PERSONALITY_IDX] > 0,
            "biased_language": flags[:, BIAS_OTHER_IDX].sum(1) > 0,
            "actionable": a["act_lvl"] >= 1,
            "specific": a["spec_lvl"] >= 1,
        }
        scores = {"specificity": a["spec"].astype(float), "actionability": a["act"].astype(float)}
        return cls(ok, rates, scores)


def _r(x: float, nd: int = 4) -> float | None:
    return None if x is None or not math.isfinite(x) else round(float(x), nd)


def rate_cell(x: int, n: int) -> dict:
    lo, hi = wilson_ci(x, n)
    return {"x": int(x), "n": int(n), "rate": _r(x / n if n else math.nan), "ci": [_r(lo), _r(hi)]}


def score_cell(v: np.ndarray) -> dict:
    m, lo, hi = mean_ci(v)
    return {"n": int(len(v)), "mean": _r(m, 2), "ci": [_r(lo, 2), _r(hi, 2)],
            "median": _r(float(np.median(v)) if len(v) else math.nan, 2)}


def distributions(a: np.ndarray) -> dict:
    ok = a["ok"].astype(bool)
    out: dict[str, Any] = {"scores": {}, "levels": {}}
    edges = np.linspace(0, 100, 21)
    for name, col, lcol in (("specificity", "spec", "spec_lvl"), ("actionability", "act", "act_lvl")):
        v = a[col][ok].astype(float)
        if len(v):
            q = np.percentile(v, [10, 25, 50, 75, 90])
            counts, _ = np.histogram(v, bins=edges)
            out["scores"][name] = {
                "n": int(len(v)), "mean": _r(v.mean(), 2), "sd": _r(v.std(ddof=1) if len(v) > 1 else math.nan, 2),
                "quantiles": {k: _r(x, 2) for k, x in zip(("p10", "p25", "p50", "p75", "p90"), q)},
                "histogram": {"edges": edges.tolist(), "counts": counts.tolist()},
            }
        else:
            out["scores"][name] = {"n": 0}
        lv = a[lcol][ok]
        out["levels"][name] = {lvl: int((lv == i).sum()) for i, lvl in enumerate(LEVELS)}
    return out


def flag_rates(a: np.ndarray) -> dict:
    ok = a["ok"].astype(bool)
    f = a["flags"][ok]
    n = int(ok.sum())
    per = {}
    for i, cat in enumerate(CATEGORIES):
        rows = int((f[:, i] > 0).sum())
        per[cat] = {**rate_cell(rows, n), "flags": int(f[:, i].sum())}
    ind = Indicators.from_records(a[ok])
    return {
        "per_category": per,
        "any_flag": rate_cell(int((f.sum(1) > 0).sum()), n),
        "any_bias": rate_cell(int((f[:, [i for i, c in enumerate(CATEGORIES) if c.startswith("bias.")]].sum(1) > 0).sum()), n),
        "overall": {name: rate_cell(int(ind.rates[name].sum()), n) for name, _, _ in RATE_MEASURES},
    }


def _suppressed_table(codes: np.ndarray, labels: Sequence[str], k: int) -> tuple[dict[int, int], dict[str, str]]:
    counts = np.bincount(codes[codes >= 0], minlength=len(labels)) if len(codes) else np.zeros(len(labels), int)
    by_label = {labels[i]: int(c) for i, c in enumerate(counts) if c > 0}
    return {i: int(c) for i, c in enumerate(counts) if c > 0}, suppress(by_label, k)


def managers_table(a: np.ndarray, labels: Sequence[str], k: int, top: int = 20) -> dict:
    """Per-manager rates and mean scores, small managers suppressed, rankings by interval bounds.

    Rankings use the Wilson bound on the side of the claim ("vaguest" = highest lower bound
    of the vague rate), so a manager with two vague comments out of two does not outrank one
    with 40 out of 60.
    """
    ok = a["ok"].astype(bool)
    b = a[ok]
    codes = b["manager"]
    counts, hidden = _suppressed_table(codes, labels, k)
    ind = Indicators.from_records(b)
    rows = []
    for code, n in counts.items():
        label = labels[code]
        if label in hidden:
            continue
        m = codes == code
        row: dict[str, Any] = {"manager": label, "n": n}
        for name, _, _ in RATE_MEASURES:
            row[name] = rate_cell(int(ind.rates[name][m].sum()), n)
        for name, _ in SCORE_MEASURES:
            row[name] = score_cell(ind.scores[name][m])
        rows.append(row)

    def rank(measure: str, bound: int, highest_first: bool) -> list[str]:
        def key(r):
            v = r[measure]["ci"][bound]
            return v if v is not None else (0.0 if highest_first else 1.0)
        return [r["manager"] for r in sorted(rows, key=key, reverse=highest_first)[:top]]

    rankings = {
        "vaguest": rank("vague", 0, True),
        "most_personality_focused": rank("personality", 0, True),
        "least_actionable": rank("actionable", 1, False),
    }
    rows.sort(key=lambda r: -r["n"])
    return {"k": k, "shown": len(rows), "suppressed": len(hidden),
            "suppressed_reason": f"managers with fewer than {k} analysed comments, plus the next smallest "
                                 "(complementary suppression), are not shown",
            "rows": rows, "rankings": rankings}


def rating_consistency(a: np.ndarray, k: int, labels: Sequence[str] | None = None) -> dict:
    """Scores and flag rates by rating value, and mismatches between rating and text.

    ``labels`` names the rating values when ratings were given as an ordered list of labels.
    "Top rating with critical text" counts top-rated comments with a criticism cue (a short
    heuristic list of phrases such as "missed", "needs to improve", "below expectations");
    "low rating with generic praise" counts bottom-rated comments with a vague.generic flag
    and no criticism cue.
    """
    ok = a["ok"].astype(bool) & np.isfinite(a["rating"])
    b = a[ok]
    if len(b) == 0:
        return {"available": False}
    ratings = b["rating"].astype(float)
    values = sorted(set(ratings.tolist()))
    name = (lambda v: labels[int(v)] if labels and 0 <= int(v) < len(labels) else (str(int(v)) if float(v).is_integer() else str(v)))
    counts = {name(v): int((ratings == v).sum()) for v in values}
    hidden = suppress(counts, k)
    ind = Indicators.from_records(b)
    generic = b["flags"][:, GENERIC_IDX] > 0
    crit = b["crit"].astype(bool)
    table = []
    for v in values:
        lab = name(v)
        if lab in hidden:
            table.append({"rating": lab, "suppressed": True, "reason": hidden[lab]})
            continue
        m = ratings == v
        n = int(m.sum())
        table.append({"rating": lab, "n": n, "specificity": score_cell(ind.scores["specificity"][m]),
                      "actionability": score_cell(ind.scores["actionability"][m]),
                      "generic_praise": rate_cell(int(generic[m].sum()), n),
                      "personality": rate_cell(int(ind.rates["personality"][m].sum()), n),
                      "critical_cue": rate_cell(int(crit[m].sum()), n)})
    from scipy.stats import spearmanr

    corr = {}
    for s in ("specificity", "actionability"):
        if len(values) > 1 and len(b) > 2 and np.ptp(ind.scores[s]) > 0:
            r = spearmanr(ratings, ind.scores[s])
            corr[s] = {"spearman_rho": _r(float(r.statistic)), "p": _r(float(r.pvalue), 6)}
    top, low = max(values), min(values)
    top_m, low_m = ratings == top, ratings == low
    mism = {}
    if len(values) > 1:
        x1, n1 = int((top_m & crit).sum()), int(top_m.sum())
        x2, n2 = int((low_m & generic & ~crit).sum()), int(low_m.sum())
        for key, lab, x, n in (("top_rating_with_critical_text", name(top), x1, n1),
                               ("low_rating_with_generic_praise", name(low), x2, n2)):
            mism[key] = ({"rating": lab, **rate_cell(x, n)} if lab not in hidden
                         else {"rating": lab, "suppressed": True, "reason": hidden[lab]})
    return {"available": True, "n": int(len(b)), "table": table, "correlation": corr, "mismatches": mism,
            "critical_cues": "heuristic phrase list (feedbackai.audit.aggregates.CRITICAL_CUES)"}
