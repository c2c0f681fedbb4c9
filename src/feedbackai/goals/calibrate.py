"""Fit the relevance model: a logistic regression over the pair features of :mod:`.relevant`.

Called by ``python -m feedbackai.goals.train_relevance`` (which first computes the cross-encoder's
out-of-fold scores). Only the train split of ``goals.jsonl`` is read (``split_of(id) == "train"``:
sha1 of the goal id mod 5 != 0; see corpora/goals/DATA_CARD.md) besides the other writers' pair
sets (``train_relevance.PAIR_SETS``); the test split and ``relevance_f`` are never used for any
choice. Goals without objectives are skipped (relevance is not judged for them).

A goal is relevant when its best objective reaches the threshold, so fitting alternates: choose
each goal's best pair with the current weights, refit on those pairs (three rounds, starting from
the pair with the highest cosine). The regularisation C and the threshold are chosen by
leave-one-writer-out cross-validation (mean of the per-writer accuracies); the final weights are
refit on all writers. Output: ``relevance_model.py`` (one dict, ``MODEL``): weights, threshold,
the per-writer figures, the cross-encoder it reads (version, sha256) and a features-only fallback.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import sys
from pathlib import Path

import numpy as np

from .relevant import FEATURES, MODEL_PATH, content_lemmas, pair_features
from .themes import THEMES

C_GRID = (0.1, 0.3, 1.0, 3.0, 10.0)
T_GRID = tuple(round(float(x), 2) for x in np.arange(0.30, 0.71, 0.05))


def split_of(goal_id: str) -> str:
    """The fixed split: sha1(id) mod 5 == 0 is test (about 20%), everything else train."""
    return "test" if int(hashlib.sha1(goal_id.encode("utf-8")).hexdigest(), 16) % 5 == 0 else "train"


def pair_matrix(analyzer, rows: list[dict]) -> list[np.ndarray]:
    """For each goal, an (objectives x features) array."""
    from . import clean_objectives
    from .context import parse_goal

    goals = [r["goal"] for r in rows]
    objs = [clean_objectives(r["objectives"]) for r in rows]
    uniq = list(dict.fromkeys(o for os_ in objs for o in os_))
    parsed = parse_goal(analyzer.nlp, goals)
    odocs = dict(zip(uniq, analyzer.nlp.pipe(uniq)))
    vecs = analyzer.encoder.encode(goals + uniq)
    ovec = {o: vecs[len(goals) + i] for i, o in enumerate(uniq)}
    out = []
    for k, ((doc, offset), os_) in enumerate(zip(parsed, objs)):
        gw = content_lemmas(doc, offset)
        X = [pair_features(goals[k], gw, vecs[k], o, content_lemmas(odocs[o]), ovec[o])[0] for o in os_]
        out.append(np.asarray(X, dtype=float))
    return out


def _fit(pairs: list[np.ndarray], y: np.ndarray, C: float):
    from sklearn.linear_model import LogisticRegression

    chosen = [int(np.argmax(P[:, 0])) for P in pairs]
    m = None
    for _ in range(3):
        X = np.stack([P[c] for P, c in zip(pairs, chosen)])
        m = LogisticRegression(C=C, max_iter=2000).fit(X, y)
        chosen = [int(np.argmax(m.decision_function(P))) for P in pairs]
    return m


def _prob(m, P: np.ndarray) -> float:
    return float(m.predict_proba(P)[:, 1].max())


def with_cross_encoder(pairs: list[np.ndarray], rows: list[dict], scores: dict[str, list[float]]) -> list[np.ndarray]:
    """Append each pair's cross-encoder log-odds (clipped, see :func:`.relevant.ce_feature`) as a column."""
    from .relevant import ce_feature

    out = []
    for P, r in zip(pairs, rows):
        z = scores[r["id"]]
        if len(z) != len(P):
            raise ValueError(f"{r['id']}: {len(P)} objectives but {len(z)} cross-encoder scores")
        out.append(np.column_stack([P, [ce_feature(v) for v in z]]))
    return out


def calibrate_pooled(analyzer, items: list[dict], ce_scores: dict[str, list[float]],
                     cross_encoder: dict | None = None) -> dict:
    """Fit the relevance model on several writers' data pooled, choosing C and the threshold by
    leave-one-writer-out cross-validation (the main corpus's train split counts as one writer).

    ``items`` are :func:`.train_relevance.load_items` rows; ``ce_scores`` the out-of-fold
    cross-encoder log-odds of each item's objectives; ``cross_encoder`` names the model they stand
    for (version and adapter sha256), which the relevance check will load. The criterion is the mean
    of the per-writer accuracies, so that each writer's way of phrasing goals weighs the same. C
    and the threshold are chosen on the same figures that are reported, so these are slightly
    optimistic; and for the main corpus ("goals") only the logistic model is cross-writer (its
    cross-encoder scores come from models that saw other goals by the same writer).

    A features-only model is fitted the same way (``fallback``), for when the cross-encoder is missing."""
    rows = items
    y = np.array([int(r["relevant"]) for r in rows])
    src = np.array([str(r["source"]) for r in rows])
    base = pair_matrix(analyzer, rows)
    pairs = with_cross_encoder(base, rows, ce_scores)
    writers = [str(w) for w in dict.fromkeys(src)]
    fallback = _pooled_fit(base, y, src, writers)
    main = _pooled_fit(pairs, y, src, writers)
    majority = {w: round(float(max(y[src == w].mean(), 1 - y[src == w].mean())), 4) for w in writers}
    return {
        "features": list(FEATURES) + ["cross_encoder"], **main,
        "cv": {"scheme": "leave one writer out (out-of-fold cross-encoder scores)", **main.pop("cv"),
               "majority_by_writer": majority},
        "cross_encoder": cross_encoder or {},
        "fallback": {"features": list(FEATURES), **fallback,
                     "cv": {"scheme": "leave one writer out", **fallback.pop("cv")}},
        "train_goals": int(len(rows)),
        "by_writer_goals": {w: int((src == w).sum()) for w in writers},
        "corpus": {"path": "corpora/goals/", "files": ["goals.jsonl (train split: sha1(id) mod 5 != 0)"]
                   + sorted({f"relevance_{w}.jsonl" if len(w) == 1 else f"{w}.jsonl" for w in writers if w != "goals"})},
        "themes_sha256": hashlib.sha256(json.dumps(THEMES, sort_keys=True).encode()).hexdigest()[:16],
        "created": dt.date.today().isoformat(),
        "encoder": "all-MiniLM-L6-v2 (int8, feedbackai.encoder) + relevance cross-encoder (models/relevance)",
    }


def _pooled_fit(pairs: list[np.ndarray], y: np.ndarray, src: np.ndarray, writers: list[str]) -> dict:
    """C and threshold by leave-one-writer-out (mean of per-writer accuracy), then a fit on all."""
    results: dict[tuple[float, float], dict[str, float]] = {}
    for C in C_GRID:
        probs = np.zeros(len(y))
        for w in writers:
            tr, te = np.where(src != w)[0], np.where(src == w)[0]
            m = _fit([pairs[i] for i in tr], y[tr], C)
            for i in te:
                probs[i] = _prob(m, pairs[i])
        for t in T_GRID:
            results[(C, t)] = {w: float(np.mean((probs[src == w] >= t) == y[src == w])) for w in writers}
    (C, t), by = max(results.items(), key=lambda kv: (np.mean(list(kv[1].values())), -abs(kv[0][1] - 0.5)))
    final = _fit(pairs, y, C)
    return {"coef": [round(float(v), 6) for v in final.coef_[0]], "intercept": round(float(final.intercept_[0]), 6),
            "threshold": float(t), "C": float(C),
            "cv": {"accuracy_mean": round(float(np.mean(list(by.values()))), 4),
                   "by_writer": {w: round(v, 4) for w, v in by.items()}}}


def render(res: dict) -> str:
    """The model as a Python module: one literal dict, no code."""
    import pprint

    return ('"""Relevance model: written by ``python -m feedbackai.goals.train_relevance`` (do not edit by hand)."""\n\n'
            "MODEL = " + pprint.pformat(res, indent=1, width=110, sort_dicts=False) + "\n")


def main(argv=None) -> int:
    print("The relevance model now reads the relevance cross-encoder and is fitted together with it:\n"
          "    python -m feedbackai.goals.train_relevance            (everything, ~35 min on 2 cores)\n"
          "    python -m feedbackai.goals.train_relevance --refit-only  (the logistic model only, from saved scores)",
          file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main())
