"""Speed benchmark: prints figures (not a test).

    python bench/speed.py [--n 5000] [--batch 64]

- warm analyze() latency on an 80-word comment: p50 / p95 over 200 calls;
- analyze_many throughput on N generated comments of 40-120 words, beside plain nlp.pipe
  with the same spaCy pipeline on the same texts, and their ratio; and beside the stock
  pipeline as spaCy loads it (without feedbackai.nlp_speed);
- cold start (import + first analyze) in a fresh process, and peak RSS.
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from generate import generate_comments  # noqa: E402

COMMENT_80 = (
    "Priya led the March migration of the billing service and cut p95 latency from 900 ms to 350 ms, "
    "which let support close 40 more tickets a week. She is a pleasure to work with and always goes "
    "above and beyond, but her status updates are sometimes hard to follow. Before each sprint review, "
    "send the PM a one-page summary with risks and dates, and pair with Dana on the next two on-call shifts so that handovers get easier."
)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def cold_start() -> dict:
    code = ("import time,resource;t=time.perf_counter();import feedbackai;"
            "feedbackai.analyze('She is abrasive. Send the recap every Friday.');"
            "print(time.perf_counter()-t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss/1024)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    return {"cold_start_s": float(out[0]), "cold_rss_mb": float(out[1])}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=5000)
    ap.add_argument("--batch", type=int, default=64)
    args = ap.parse_args()

    cold = cold_start()
    import feedbackai

    a = feedbackai.default_analyzer()
    a.analyze(COMMENT_80)
    words = len(COMMENT_80.split())
    lat = []
    for _ in range(200):
        t = time.perf_counter()
        a.analyze(COMMENT_80)
        lat.append((time.perf_counter() - t) * 1000)
    lat.sort()
    p50, p95 = statistics.median(lat), lat[int(0.95 * len(lat)) - 1]

    texts = generate_comments(args.n, seed=7)
    mean_words = sum(len(t.split()) for t in texts) / len(texts)
    t = time.perf_counter()
    for _ in a.nlp.pipe(texts, batch_size=args.batch):
        pass
    spacy_s = time.perf_counter() - t
    t = time.perf_counter()
    n = sum(1 for _ in a.analyze_many(texts, batch_size=args.batch))
    ours_s = time.perf_counter() - t
    assert n == len(texts)
    peak = peak_rss_mb()  # before the stock pipeline below is loaded beside ours
    # the stock pipeline as spaCy loads it (thinc's BLIS, the stock attribute ruler): what
    # "plain spaCy" costs a user; a.nlp carries feedbackai.nlp_speed's identical-output speed-ups
    import importlib

    from feedbackai.nlp import pipeline_name

    stock = importlib.import_module(pipeline_name()).load()
    for _ in stock.pipe(texts[:64], batch_size=args.batch):
        pass
    t = time.perf_counter()
    for _ in stock.pipe(texts, batch_size=args.batch):
        pass
    stock_s = time.perf_counter() - t
    res = {
        "latency_words": words, "latency_p50_ms": round(p50, 1), "latency_p95_ms": round(p95, 1),
        "n_comments": len(texts), "mean_words": round(mean_words, 1),
        "analyze_many_per_s": round(len(texts) / ours_s, 1), "nlp_pipe_per_s": round(len(texts) / spacy_s, 1),
        "ratio": round(spacy_s / ours_s, 3),
        "stock_nlp_pipe_per_s": round(len(texts) / stock_s, 1), "ratio_vs_stock": round(stock_s / ours_s, 3),
        "cold_start_s": round(cold["cold_start_s"], 2), "cold_rss_mb": round(cold["cold_rss_mb"]),
        "peak_rss_mb": round(peak),
    }
    print(f"warm analyze() on a {words}-word comment: p50 {res['latency_p50_ms']} ms, p95 {res['latency_p95_ms']} ms")
    print(f"analyze_many: {res['analyze_many_per_s']} comments/s; plain nlp.pipe: {res['nlp_pipe_per_s']} comments/s; "
          f"ratio {res['ratio']} (n={len(texts)}, mean {res['mean_words']} words)")
    print(f"stock spaCy nlp.pipe (as spacy loads it, without feedbackai's speed-ups): {res['stock_nlp_pipe_per_s']} "
          f"comments/s; ratio {res['ratio_vs_stock']}")
    print(f"cold start (import + first analyze): {res['cold_start_s']} s, RSS {res['cold_rss_mb']} MB; "
          f"peak RSS of this run: {res['peak_rss_mb']} MB")
    print(json.dumps(res))


if __name__ == "__main__":
    main()
