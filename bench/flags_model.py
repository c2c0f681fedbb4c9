"""The learned span check: grouped cross-validated accuracy and cost (prints figures; not a test).

    python bench/flags_model.py [--skip-cv] [--skip-cost] [--n 300]

1. Nested grouped cross-validation of the span check's recipe (feedbackai.train_span_flags) on
   the development sets it trains on (folds by comment; each outer fold's thresholds chosen by
   inner folds on its own training comments), per category, comment level as bench/flags.py:
   lexicon only vs lexicon + model. heldout.jsonl is not read. About 10 minutes.
2. Cost: ms per comment of analyze_many, learned check off vs on, with the formula scorer
   (where turning it on means loading and running the encoder) and with the trained scorer
   (where the vectors are already computed).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def cv_table(seed: int) -> None:
    import numpy as np

    import feedbackai.train_span_flags as ts
    from feedbackai.checks import CheckConfig
    from feedbackai.engine import Analyzer

    t = time.perf_counter()
    d = ts.collect(Analyzer(CheckConfig(learned=False), scorer="formula"), ts.DEV_SETS, log=lambda *_: None)
    print(f"dataset: {len(d.Y)} word pieces of {len(d.gold)} comments in {time.perf_counter() - t:.0f} s")
    m = ts.nested(d, np.arange(len(d.gold)), seed)["score"]
    print(f"\n{'category':<22} {'P lex':>6} {'R lex':>6} {'F1 lex':>6} | {'P +m':>6} {'R +m':>6} {'F1 +m':>6}")
    for c in list(ts.CATS) + ["all"]:
        a, b = m["lexicon"][c], m["lexicon+model"][c]
        print(f"{c:<22} {a['precision']:>6.3f} {a['recall']:>6.3f} {a['f1']:>6.3f} | {b['precision']:>6.3f} "
              f"{b['recall']:>6.3f} {b['f1']:>6.3f}", flush=True)


def cost(n: int) -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    from generate import generate_comments

    from feedbackai.checks import CheckConfig
    from feedbackai.engine import Analyzer

    texts = generate_comments(n, seed=3)
    for scorer in ("formula", "auto"):
        for learned in (False, True):
            a = Analyzer(CheckConfig(learned=learned), scorer=scorer)
            list(a.analyze_many(texts[:20]))  # warm up (loads the encoder when needed)
            t = time.perf_counter()
            reports = list(a.analyze_many(texts))
            dt = time.perf_counter() - t
            model_flags = sum(1 for r in reports for f in r.flags if f.check.startswith("learned."))
            print(f"  scorer={scorer:<8} learned={str(learned):<5} {1000 * dt / n:7.2f} ms per comment "
                  f"({n} comments; {model_flags} model flags)", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--skip-cv", action="store_true")
    ap.add_argument("--skip-cost", action="store_true")
    ap.add_argument("--n", type=int, default=300, help="comments for the cost figures")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    if not args.skip_cv:
        cv_table(args.seed)
    if not args.skip_cost:
        print("\nCost:")
        cost(args.n)


if __name__ == "__main__":
    main()
