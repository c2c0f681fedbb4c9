"""Fit the relevance model on the train split of the goal corpus, by cross-validation.

    python -m feedbackai.goals.calibrate [--corpus corpora/goals/goals.jsonl] [--out PATH]

Only the train split is read (``split_of(id) == "train"``: sha1 of the goal id mod 5 != 0;
see corpora/goals/DATA_CARD.md); the test split is never used for any choice. Goals without
objectives are skipped (relevance is not judged for them).

The model is a logistic regression over the pair features of :mod:`.relevant`. A goal is
relevant when its best objective reaches the threshold, so training alternates: choose each
goal's best pair with the current weights, refit on those pairs (three rounds, starting from
the pair with the highest cosine). The regularisation C and the threshold are chosen by
5-fold stratified cross-validation repeated with 5 seeds (the figure reported is the mean
cross-validated accuracy at the chosen C and threshold, so it is slightly optimistic); the
final weights are refit on the whole train split. Output: ``relevance_model.py`` (one dict,
``MODEL``) with the weights, the threshold, the cross-validated figures and the corpus hash.
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

DEFAULT_CORPUS = Path(__file__).resolve().parents[3] / "corpora" / "goals" / "goals.jsonl"
C_GRID = (0.1, 0.3, 1.0, 3.0, 10.0)
T_GRID = tuple(round(float(x), 2) for x in np.arange(0.30, 0.71, 0.05))
SEEDS = (0, 1, 2, 3, 4)


def split_of(goal_id: str) -> str:
    """The fixed split: sha1(id) mod 5 == 0 is test (about 20%), everything else train."""
    return "test" if int(hashlib.sha1(goal_id.encode("utf-8")).hexdigest(), 16) % 5 == 0 else "train"


def load_train(path: Path) -> list[dict]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if split_of(r["id"]) == "train" and r["objectives"] and r["labels"]["relevant"] is not None]


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


def calibrate(analyzer, corpus: Path = DEFAULT_CORPUS) -> dict:
    from sklearn.model_selection import StratifiedKFold

    rows = load_train(corpus)
    y = np.array([int(r["labels"]["relevant"]) for r in rows])
    pairs = pair_matrix(analyzer, rows)
    results: dict[tuple[float, float], list[float]] = {}
    for C in C_GRID:
        for seed in SEEDS:
            probs = np.zeros(len(rows))
            for tr, te in StratifiedKFold(5, shuffle=True, random_state=seed).split(np.zeros(len(y)), y):
                m = _fit([pairs[i] for i in tr], y[tr], C)
                for i in te:
                    probs[i] = _prob(m, pairs[i])
            for t in T_GRID:
                results.setdefault((C, t), []).append(float(np.mean((probs >= t) == y)))
    (C, t), accs = max(results.items(), key=lambda kv: (np.mean(kv[1]), -abs(kv[0][1] - 0.5)))
    final = _fit(pairs, y, C)
    majority = max(y.mean(), 1 - y.mean())
    at_half = results[(C, 0.5)] if (C, 0.5) in results else None
    return {
        "features": list(FEATURES),
        "coef": [round(float(v), 6) for v in final.coef_[0]],
        "intercept": round(float(final.intercept_[0]), 6),
        "threshold": float(t),
        "C": float(C),
        "cv": {"folds": 5, "seeds": list(SEEDS), "accuracy_mean": round(float(np.mean(accs)), 4),
               "accuracy_sd": round(float(np.std(accs)), 4),
               "accuracy_at_threshold_0.5": round(float(np.mean(at_half)), 4) if at_half else None,
               "majority_baseline": round(float(majority), 4)},
        "train_goals": len(rows),
        "corpus": {"path": "corpora/goals/goals.jsonl", "split": "train (sha1(id) mod 5 != 0)",
                   "sha256": hashlib.sha256(corpus.read_bytes()).hexdigest()},
        "themes_sha256": hashlib.sha256(json.dumps(THEMES, sort_keys=True).encode()).hexdigest()[:16],
        "created": dt.date.today().isoformat(),
        "encoder": "all-MiniLM-L6-v2 (int8, feedbackai.encoder)",
    }


def render(res: dict) -> str:
    """The model as a Python module: one literal dict, no code."""
    import pprint

    return ('"""Relevance model: written by ``python -m feedbackai.goals.calibrate`` (do not edit by hand)."""\n\n'
            "MODEL = " + pprint.pformat(res, indent=1, width=110, sort_dicts=False) + "\n")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="Fit the relevance model on the train split (cross-validated).")
    ap.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--out", type=Path, default=MODEL_PATH)
    args = ap.parse_args(argv)
    from .. import default_analyzer

    res = calibrate(default_analyzer(), args.corpus)
    args.out.write_text(render(res), encoding="utf-8")
    cv = res["cv"]
    print(f"relevance model: C={res['C']} threshold={res['threshold']} cv accuracy {cv['accuracy_mean']:.3f} "
          f"+/- {cv['accuracy_sd']:.3f} (majority {cv['majority_baseline']:.3f}) on {res['train_goals']} train goals"
          f" -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
