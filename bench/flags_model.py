"""The learned sentence check: grouped cross-validated accuracy and cost (prints figures; not a test).

    python bench/flags_model.py [--skip-cv] [--skip-cost] [--n 300]

1. Nested grouped cross-validation on corpora/flags dev.jsonl + dev2.jsonl (folds by comment id;
   each fold's threshold chosen by inner folds on its own training comments; lexicon examples
   and corpora/comments background always in training), per category, comment level as
   bench/flags.py: lexicon only vs lexicon + model, and the precision of the model's own
   additions (sentence level). heldout.jsonl is not read.
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
    import feedbackai.train_flags as tf
    from feedbackai.engine import Analyzer

    t = time.perf_counter()
    ds = tf.build_dataset(Analyzer(scorer="formula"))
    print(f"dataset: {len(ds.y)} sentences ({int(ds.is_dev.sum())} dev sentences of {len(ds.dev_ids)} comments) "
          f"in {time.perf_counter() - t:.0f} s")
    print(f"\n{'category':<22} {'P lex':>6} {'R lex':>6} {'F1 lex':>6} | {'P +m':>6} {'R +m':>6} {'F1 +m':>6} "
          f"| additions")
    tot = {"lexicon": [0, 0, 0], "lexicon+model": [0, 0, 0]}
    for j, c in enumerate(ds.categories):
        m, _, _ = tf.nested_cv(ds, j, seed)
        a, b, ad = m["lexicon"], m["lexicon+model"], m["additions"]
        for name in tot:
            for k, key in enumerate(("tp", "fp", "fn")):
                tot[name][k] += m[name][key]
        print(f"{c:<22} {a['precision']:>6.3f} {a['recall']:>6.3f} {a['f1']:>6.3f} | {b['precision']:>6.3f} "
              f"{b['recall']:>6.3f} {b['f1']:>6.3f} | {ad['correct']}/{ad['sentences']} correct; fold thresholds "
              f"{m['fold_thresholds']}", flush=True)
    for name, v in tot.items():
        p = tf._prf(*v)
        print(f"  all nine heads on, {name:<14} P {p['precision']:.3f} R {p['recall']:.3f} F1 {p['f1']:.3f}")


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
