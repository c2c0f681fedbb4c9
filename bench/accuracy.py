"""Accuracy of the scorers on the corpus test split, beside two baselines (prints figures).

    python bench/accuracy.py

For specificity and actionability: Spearman of value vs labelled level, ROC-AUC of high vs
rest and of low vs rest, and level accuracy — for the trained model, the first formula
scores, and comment length alone (number of words). Then the same for the comments of the
independent writers no scorer was trained on (``corpora/comments/indep_b.jsonl``, ``indep_e.jsonl``).
"""

from __future__ import annotations

import json

import numpy as np
from scipy.stats import spearmanr
from sklearn.metrics import roc_auc_score

from feedbackai.corpus import DEFAULT_ROOT, load_comment_file, load_comments
from feedbackai.engine import Analyzer
from feedbackai.evaluate import score_comments


def row(name, values, y):
    return {"model": name, "spearman": round(float(spearmanr(values, y).statistic), 3),
            "auc_high": round(float(roc_auc_score(y == 3, values)), 3),
            "auc_low": round(float(roc_auc_score(y == 1, -values)), 3)}


# comments by writers who never saw the corpus (corpora/DATA_CARD.md); never trained on
# writers the scorers never saw (indep_a and indep_c train the scorers since 1.1.0: corpus.TRAIN_ONLY_FILES)
INDEPENDENT = (("indep_b.jsonl", "independent writer B (2026-11-27), never trained on"),
               ("indep_e.jsonl", "independent writer E (2026-11-27, ninth session), never trained on"))


def evaluate(trained, formula, comments, title: str) -> dict:
    v_t = score_comments(trained, comments)
    v_f = score_comments(formula, comments)
    length = np.asarray([len(c.text.split()) for c in comments], dtype=float)
    out = {}
    for j, t in enumerate(("specificity", "actionability")):
        y = np.asarray([getattr(c, t) for c in comments])
        rows = [row(trained.scorer.method, v_t[:, j], y), row("formula-v1", v_f[:, j], y), row("length (words)", length, y)]
        cuts = trained.scorer.heads[f"comment.{t}"].cuts
        lv = np.where(v_t[:, j] < cuts[0], 1, np.where(v_t[:, j] < cuts[1], 2, 3))
        rows[0]["level_accuracy"] = round(float((lv == y).mean()), 3)
        out[t] = rows
        print(f"\n{t} ({title}, n={len(comments)})")
        print(f"  {'model':<28} {'spearman':>8} {'AUC high':>9} {'AUC low':>8}")
        for r in rows:
            print(f"  {r['model']:<28} {r['spearman']:>8.3f} {r['auc_high']:>9.3f} {r['auc_low']:>8.3f}")
        print(f"  level accuracy of the trained model: {rows[0]['level_accuracy']:.3f}")
    return out


def main() -> None:
    test = load_comments(split="test")
    trained = Analyzer(scorer="trained")
    formula = Analyzer(scorer="formula", nlp=trained.nlp)
    out = {"test": evaluate(trained, formula, test, "test split")}
    for name, title in INDEPENDENT:
        path = DEFAULT_ROOT / "comments" / name
        if path.exists():
            out[name] = evaluate(trained, formula, load_comment_file(path), title)
    print(json.dumps(out))


if __name__ == "__main__":
    main()
