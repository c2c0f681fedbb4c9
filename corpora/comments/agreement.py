"""Agreement between the first labels and the blind relabel of a random 10% sample.

    python corpora/comments/agreement.py

Prints Cohen's kappa (unweighted and linear-weighted) and raw agreement, comment level and
sentence level, for specificity and actionability.
"""

import json
from pathlib import Path

from sklearn.metrics import cohen_kappa_score

HERE = Path(__file__).resolve().parent


def main() -> None:
    first = {}
    for p in sorted(HERE.glob("part_*.jsonl")):
        for line in p.open(encoding="utf-8"):
            d = json.loads(line)
            first[d["id"]] = d
    second = [json.loads(line) for line in (HERE / "relabel_output.jsonl").open(encoding="utf-8")]
    for level in ("comment", "sentence"):
        for t in ("specificity", "actionability"):
            a, b = [], []
            for r in second:
                f = first[r["id"]]
                if level == "comment":
                    a.append(f[t]); b.append(r[t])
                else:
                    for fs, rs in zip(f["sentences"], r["sentences"]):
                        a.append(fs[t]); b.append(rs[t])
            k = cohen_kappa_score(a, b)
            kw = cohen_kappa_score(a, b, weights="linear")
            agree = sum(x == y for x, y in zip(a, b)) / len(a)
            print(f"{level:<8} {t:<13} n={len(a):<4} kappa {k:.3f}  weighted kappa {kw:.3f}  agreement {agree:.3f}")


if __name__ == "__main__":
    main()
