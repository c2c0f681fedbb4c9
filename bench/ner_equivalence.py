"""The bulk NER decoder against spaCy's own, entity by entity: prints counts (not a test).

    python bench/ner_equivalence.py [--generated 5000]

Runs the installed pipeline twice over the same texts — once as feedbackai loads it (with
``FastEntityRecognizer``), once with spaCy's stock greedy decoder in the same, otherwise
identical pipeline — and counts the texts whose entities (start, end, label, IOB of every
token) differ, and the time each recogniser takes. Texts: every comment, goal and flags
sentence under corpora/ (held-out files aside), odd inputs (whitespace runs, newlines,
one-word texts, other scripts, markup) and generated review comments.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))


def corpus_texts() -> list[str]:
    texts: list[str] = []
    for path in sorted((ROOT / "corpora").rglob("*.jsonl")):
        if "heldout" in path.name:  # held-out sets are read by their own benchmarks only
            continue
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                try:
                    row = json.loads(line)
                except ValueError:
                    continue
                for key in ("text", "comment", "goal"):
                    if isinstance(row.get(key), str) and row[key].strip():
                        texts.append(row[key])
                        break
    return texts


ODD = [
    "Maria", "   ", "\n\nPriya Sharma\n\n", "Led the  Q3   launch \n with  Acme Corp in  New York .",
    "Great work, John Smith!!! Thanks from the London team", "Sehr gute Arbeit von Herrn Müller in München.",
    "<b>Anna</b> shipped <script>alert(1)</script> the Berlin release on 3 March 2026",
    "東京チームの田中さんは素晴らしい仕事をしました。", "J. R. R. Tolkien met Dr. Martin Luther King Jr. in Washington D.C.",
    "$4.5m in ARR from 12 new logos in EMEA during H2 FY27", "ok", "-", "New York\tLos Angeles\t\tChicago",
    ("Sam Lee worked with Acme Corp in Paris. " * 200).strip(),
]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--generated", type=int, default=5000)
    ap.add_argument("--batch-size", type=int, default=64)
    args = ap.parse_args()
    from generate import generate_rows

    from feedbackai.nlp import load_pipeline

    texts = corpus_texts() + ODD + [r["comment"] for r in generate_rows(args.generated, seed=5)]
    nlp = load_pipeline()
    fast = nlp.get_pipe("ner")
    assert getattr(fast, "_feedbackai_fast", False), "the fast recogniser is not in place"
    stock = fast._ner
    docs = list(nlp.pipe(texts, batch_size=args.batch_size, disable=["ner"]))

    def run(proc):
        copies = [d.copy() for d in docs]
        t0 = time.perf_counter()
        for _ in proc.pipe(copies, batch_size=args.batch_size):
            pass
        return copies, time.perf_counter() - t0

    a, ta = run(stock)
    b, tb = run(fast)
    differ = 0
    for x, y in zip(a, b):
        if [(t.ent_iob, t.ent_type) for t in x] != [(t.ent_iob, t.ent_type) for t in y]:
            differ += 1
    n_ents = sum(len(d.ents) for d in a)
    tokens = sum(len(d) for d in docs)
    print(f"texts {len(texts):,}  tokens {tokens:,}  entities {n_ents:,}")
    print(f"texts whose entities differ: {differ}")
    print(f"stock decoder {ta / len(texts) * 1000:.2f} ms/text; bulk decoder {tb / len(texts) * 1000:.2f} ms/text")


if __name__ == "__main__":
    main()
