"""Zero-shot evaluation on public data no one here wrote (prints figures).

    python bench/external.py [--shared ../shared]

Reads ../shared/external/ (evaluation only: never trained or tuned on); skips cleanly when
it is absent.
- Specificity vs crowd ratings, Ko et al. 2019 (Twitter, Yelp, movie reviews): Spearman per
  domain (row 0 left out, as in the paper), beside sentence length (words).
- Actionability on SemEval-2019 Task 9 suggestion mining: F1 of the suggestion class with
  "actionability level >= medium" as the prediction; subtask A (forum) and B (hotels), on the
  official test sets (and the trial sets).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
from pathlib import Path

import numpy as np
from scipy.stats import spearmanr
from sklearn.metrics import f1_score, precision_score, recall_score

DEFAULT = Path(__file__).resolve().parents[2] / "shared"
PUBLISHED_KO = {"twitter": 0.676, "yelp": 0.750, "movie": 0.702}
WINNERS = {"A": 0.781, "B": 0.858}


def ko(analyzer, root: Path) -> dict:
    out = {}
    for d in ("twitter", "yelp", "movie"):
        sents = (root / f"{d}s.txt").read_text(encoding="utf-8", errors="replace").splitlines()
        vals = [float(x) for x in (root / f"{d}v.txt").read_text().split()]
        n = min(len(sents), len(vals))
        sents, vals = sents[1:n], np.asarray(vals[1:n])
        ours = np.asarray([r.specificity.value for r in analyzer.analyze_many(s[:20000] for s in sents)])
        length = np.asarray([len(s.split()) for s in sents], dtype=float)
        out[d] = {"n": len(sents), "ours": round(float(spearmanr(ours, vals).statistic), 3),
                  "length": round(float(spearmanr(length, vals).statistic), 3), "published": PUBLISHED_KO[d]}
    out["macro"] = {k: round(float(np.mean([out[d][k] for d in ("twitter", "yelp", "movie")])), 3)
                    for k in ("ours", "length", "published")}
    return out


def _read_semeval(path: Path, header: bool):
    rows = []
    with path.open(encoding="utf-8", errors="replace", newline="") as f:
        reader = csv.reader(f)
        if header:
            next(reader)
        for r in reader:
            if len(r) < 3:
                continue
            text = r[1].strip()
            if len(text) >= 2 and text[0] == text[-1] == '"':
                text = text[1:-1]
            rows.append((text, int(r[2])))
    return rows


def semeval(analyzer, root: Path) -> dict:
    out = {}
    for task in ("A", "B"):
        for split, fname, header in (("test", f"Subtask{task}_EvaluationData_labeled.csv", False),
                                     ("trial", f"Subtask{task}_Trial_Test_Labeled.csv", True)):
            rows = _read_semeval(root / f"subtask{task}" / fname, header)
            y = np.asarray([lab for _, lab in rows])
            reports = analyzer.analyze_many(t[:20000] for t, _ in rows)
            pred = np.asarray([r.actionability.level != "low" for r in reports], dtype=int)
            out[f"{task}/{split}"] = {"n": len(rows), "positive_rate": round(float(y.mean()), 3),
                                      "f1": round(float(f1_score(y, pred)), 3),
                                      "precision": round(float(precision_score(y, pred)), 3),
                                      "recall": round(float(recall_score(y, pred)), 3),
                                      "winner_f1": WINNERS[task]}
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=DEFAULT)
    args = ap.parse_args()
    ext = args.shared / "external"
    if not ext.is_dir():
        print(f"skipped: {ext} not found (external data lives beside the repository, not in it)")
        return
    from feedbackai.engine import Analyzer

    a = Analyzer(scorer="trained", max_chars=20000)
    res = {}
    if (ext / "specificity" / "ko2019").is_dir():
        res["ko2019"] = k = ko(a, ext / "specificity" / "ko2019")
        print("Specificity vs crowd ratings (Ko et al. 2019), Spearman:")
        print(f"  {'domain':<8} {'n':>5} {'ours':>6} {'length':>7} {'published':>9}")
        for d in ("twitter", "yelp", "movie"):
            print(f"  {d:<8} {k[d]['n']:>5} {k[d]['ours']:>6.3f} {k[d]['length']:>7.3f} {k[d]['published']:>9.3f}")
        print(f"  {'macro':<8} {'':>5} {k['macro']['ours']:>6.3f} {k['macro']['length']:>7.3f} {k['macro']['published']:>9.3f}")
    if (ext / "actionability" / "semeval2019_task9").is_dir():
        res["semeval2019"] = s = semeval(a, ext / "actionability" / "semeval2019_task9")
        print("Suggestion mining (SemEval-2019 Task 9), suggestion = actionability >= medium, zero-shot:")
        for key, m in s.items():
            print(f"  {key:<8} n={m['n']:<4} F1 {m['f1']:.3f} (P {m['precision']:.3f}, R {m['recall']:.3f}); "
                  f"winner trained in-task {m['winner_f1']}")
    print(json.dumps(res))


if __name__ == "__main__":
    sys.exit(main())
