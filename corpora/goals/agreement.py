"""Agreement between the first goal labels and a blind relabel of 200 goals.

    python corpora/goals/agreement.py

``relabel_blind.jsonl``: 100 goals drawn at random (seed 7) from the train split of
``goals.jsonl`` and 100 from ``smart_a.jsonl``, relabelled on 2026-11-27 by a helper who read only
this card's labelling criteria and ``design.md`` (not the corpus, not the code) and saw each goal's
text, objectives and ``today`` without labels. Prints raw agreement and Cohen's kappa per criterion,
per source file and overall. No test-split goal and no ``smart_b`` goal is in the sample.
"""

import json
from pathlib import Path

from sklearn.metrics import cohen_kappa_score

HERE = Path(__file__).resolve().parent
CRITERIA = ("specific", "measurable", "achievable", "relevant", "time_bound")


def main() -> None:
    first = {}
    for name in ("goals.jsonl", "smart_a.jsonl"):
        for line in (HERE / name).open(encoding="utf-8"):
            if line.strip():
                d = json.loads(line)
                first[d["id"]] = d["labels"]
    second = [json.loads(line) for line in (HERE / "relabel_blind.jsonl").open(encoding="utf-8") if line.strip()]
    print(f"{'criterion':<11} {'source':<8} {'n':>4} {'agreement':>9} {'kappa':>6}")
    for c in CRITERIA:
        for src, prefix in (("goals", "G-"), ("smart_a", "SA-"), ("all", "")):
            a, b = [], []
            for r in second:
                if not r["id"].startswith(prefix) or first[r["id"]][c] is None or r[c] is None:
                    continue
                a.append(bool(first[r["id"]][c]))
                b.append(bool(r[c]))
            agree = sum(x == y for x, y in zip(a, b)) / len(a)
            print(f"{c:<11} {src:<8} {len(a):>4} {agree:>9.3f} {cohen_kappa_score(a, b):>6.3f}")


if __name__ == "__main__":
    main()
