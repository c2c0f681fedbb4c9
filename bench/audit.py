"""End-to-end audit benchmark: prints figures (not a test).

    python bench/audit.py                        # 10,000 and 100,000 rows
    python bench/audit.py --sizes 1000,10000     # quicker
    python bench/audit.py --breakdown 300        # also: where the time goes, per stage
    python bench/audit.py --scorer formula       # the formula scores (no sentence encoder)
    python bench/audit.py --scorer none --sizes 100000,1000000   # the audit's own overhead
    python bench/audit.py --source corpus --sizes 10000   # the team's comments: few repeated sentences

For each size, a CSV of generated comments with group columns (bench/generate.py; or, with
``--source corpus``, the team's labelled comments, whose sentences rarely repeat, so the
sentence encoder's cache helps far less than on the generator's pooled sentences) is written
to bench/.cache/ and audited in a fresh process (so peak RSS is that run's own), with
gender and team groups, their intersection, managers and ratings: rows/s, wall time, peak
RSS, and RSS at 25/50/75/100% of the rows (flat memory shows as flat RSS). With
``--workers`` > 1 (default: one per core, as the CLI) memory is that of all processes
together: RSS summed (counts shared library pages once per process) and PSS (shares them).

The breakdown times the stages of the engine on a sample, through its internals (this is
measurement only; the audit itself uses the public analyze_many): spaCy nlp.pipe, evidence
extraction, checks, the sentence encoder and the scorer heads.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from generate import generate_rows  # noqa: E402


def rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _children(pid: int) -> list[int]:
    out: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as fh:
                out += [int(c) for c in fh.read().split()]
    except OSError:
        pass
    return out + [g for c in out for g in _children(c)]


def _mem(pid: int) -> tuple[float, float]:
    """(RSS, PSS) of one process in MB, from one read of smaps_rollup."""
    rss = pss = 0.0
    try:
        with open(f"/proc/{pid}/smaps_rollup") as fh:
            for line in fh:
                if line.startswith("Rss:"):
                    rss = int(line.split()[1]) / 1024
                elif line.startswith("Pss:"):
                    pss = int(line.split()[1]) / 1024
    except OSError:
        pass
    return rss, pss


def tree_mb() -> tuple[float, float]:
    """(RSS, PSS) in MB of this process and all its worker processes together. One read
    costs ~8 ms of CPU per GB mapped (the kernel walks the page tables), so the benchmark
    samples at most every few seconds: it must not slow down what it measures."""
    pids = [os.getpid()] + _children(os.getpid())
    mems = [_mem(p) for p in pids]
    return sum(m[0] for m in mems), sum(m[1] for m in mems)


def make_csv(n: int) -> Path:
    cache = HERE / ".cache"
    cache.mkdir(exist_ok=True)
    path = cache / f"audit_{n}.csv"
    if not path.exists():
        tmp = path.with_suffix(".tmp")
        with open(tmp, "w", newline="", encoding="utf-8") as fh:
            w = None
            for row in generate_rows(n, seed=11):
                if w is None:
                    w = csv.DictWriter(fh, fieldnames=list(row))
                    w.writeheader()
                w.writerow(row)
        tmp.rename(path)
    return path


CORPUS_ROWS = 950  # distinct rows make_corpus_csv can build (3,800 comments, four to a row)


def make_corpus_csv(n: int) -> Path:
    """Rows of the team's labelled comments (corpora/comments, 3,800 texts written one by
    one), four to a row (~90 words, like the generator's), shuffled with a fixed seed: up to
    950 rows in which no sentence repeats, unlike the generator's pooled sentences, so the
    encoder's sentence cache does not help; beyond 950 rows the rows repeat. Group columns
    as the generator's."""
    import random

    cache = HERE / ".cache"
    cache.mkdir(exist_ok=True)
    path = cache / f"audit_corpus_{n}.csv"
    if not path.exists():
        texts = [json.loads(line)["text"] for f in sorted((HERE.parent / "corpora" / "comments").glob("part_*.jsonl"))
                 for line in f.read_text(encoding="utf-8").splitlines() if line.strip()]
        rng = random.Random(11)
        rng.shuffle(texts)
        joined = [" ".join(texts[i:i + 4]) for i in range(0, len(texts) - 3, 4)]
        tmp = path.with_suffix(".tmp")
        with open(tmp, "w", newline="", encoding="utf-8") as fh:
            w = csv.writer(fh)
            w.writerow(["id", "comment", "gender", "team", "manager", "rating"])
            for i in range(n):
                w.writerow([f"C{i:06d}", joined[i % len(joined)], rng.choice(["female", "male", "nonbinary"]),
                            rng.choice("ABCDEFGH"), f"mgr{rng.randint(1, 40)}", rng.randint(1, 5)])
        tmp.rename(path)
    return path


def words_per_row(path: Path) -> float:
    with open(path, newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    return sum(len(r["comment"].split()) for r in rows) / max(len(rows), 1)


class NullAnalyzer:
    """No NLP: a fixed report per text, to measure the audit's own cost (reading, records,
    writing results.csv, statistics, report) and its memory as the input grows."""

    max_chars = 20_000
    nlp = None

    def analyze_many(self, texts, batch_size=64):
        from feedbackai.types import CommentReport, Flag, Score

        for t in texts:
            s = Score(float(len(t) % 100), "medium")
            f = Flag("vague.generic", 0, 1, t[:1], "low", "e", "s", "x", check="x")
            yield CommentReport(text=t, specificity=s, actionability=s, flags=(f,))


def one(path: str, n: int, batch: int, chunk: int, scorer: str, pseudonymise: bool, workers: int = 1) -> dict:
    import feedbackai
    from feedbackai.parallel import default_workers

    workers = workers or default_workers()
    t_load = time.perf_counter()
    if scorer == "none":
        analyzer = NullAnalyzer()
    elif workers > 1:
        analyzer = None  # the audit starts (and stops) its workers itself, as the CLI does;
        # their model load (~6 s) is inside the wall time, and this process, like the CLI's,
        # imports neither spaCy nor torch until the summary
    else:
        from feedbackai.engine import Analyzer

        analyzer = feedbackai.default_analyzer() if scorer == "auto" else Analyzer(scorer=scorer)
        analyzer.analyze("Warm up: she shipped Atlas on May 3.")
    load_s = time.perf_counter() - t_load
    marks: dict[int, float] = {}
    checkpoints = {int(n * q) for q in (0.25, 0.5, 0.75)}
    peak = [0.0, 0.0]

    last = [0.0]

    def progress(done: int, total):
        due = [c for c in checkpoints if done >= c]
        if not due and time.perf_counter() - last[0] < 5.0:
            return
        last[0] = time.perf_counter()
        r, p = tree_mb()
        peak[0], peak[1] = max(peak[0], r), max(peak[1], p)
        for c in list(checkpoints):
            if done >= c:
                marks[c] = round(r)
                checkpoints.discard(c)

    out = tempfile.mkdtemp(prefix="audit-bench-")
    t = time.perf_counter()
    res = feedbackai.audit(path, text_column="comment", group_columns=["gender", "team"],
                           intersections=[["gender", "team"]], manager_column="manager", rating_column="rating",
                           id_column="id", out_dir=out, analyzer=analyzer, batch_size=batch, chunk_size=chunk,
                           workers=workers if analyzer is None else 1, scorer=scorer if analyzer is None else "auto",
                           progress=progress, pseudonymise=pseudonymise, overwrite=True)
    wall = time.perf_counter() - t
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    r, p = tree_mb()
    marks[n] = round(r)
    assert res.rows_read == n, (res.rows_read, n)
    return {"rows": n, "wall_s": round(wall, 1), "rows_per_s": round(n / wall, 2), "model_load_s": round(load_s, 1),
            "workers": workers if scorer != "none" else 1,
            "peak_rss_mb": round(max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, peak[0], r)),
            "peak_pss_mb": round(max(peak[1], p)),
            "rss_mb_at_rows": dict(sorted(marks.items())), "rows_failed": res.rows_failed,
            # CPU seconds of the main process and of the (joined) worker processes, load included
            "cpu_main_s": round(me.ru_utime + me.ru_stime, 1), "cpu_workers_s": round(kids.ru_utime + kids.ru_stime, 1),
            "results_csv_mb": round(os.path.getsize(res.results_csv) / 2**20, 1), "out_dir": out}


def breakdown(n: int) -> dict:
    """Seconds per stage on n generated comments, through the engine's internals."""
    import feedbackai
    from feedbackai.evidence import extract

    a = feedbackai.default_analyzer()
    a.analyze("Warm up: she shipped Atlas on May 3.")
    texts = [r["comment"] for r in generate_rows(n, seed=5)]
    t = time.perf_counter()
    docs = list(a.nlp.pipe(texts, batch_size=64))
    spacy_s = time.perf_counter() - t
    t = time.perf_counter()
    evs = [extract(d) for d in docs]
    extract_s = time.perf_counter() - t
    t = time.perf_counter()
    flags = [a.checker.run(d, e) for d, e in zip(docs, evs)]
    checks_s = time.perf_counter() - t
    t = time.perf_counter()
    sents = [[s for s in d.sents if s.text.strip()] for d in docs]
    sents_s = time.perf_counter() - t
    enc_s = 0.0
    vecs = [None] * len(docs)
    if getattr(a.scorer, "needs_embeddings", False):
        flat = [s.text.strip() for ss in sents for s in ss]
        t = time.perf_counter()
        allv = a.encoder.encode(flat, batch_size=64)
        enc_s = time.perf_counter() - t
        off = 0
        for i, ss in enumerate(sents):
            vecs[i] = allv[off:off + len(ss)]
            off += len(ss)
    t = time.perf_counter()
    for d, e, f, ss, v in zip(docs, evs, flags, sents, vecs):
        a.scorer.score_doc(d, ss, e, f, v)
    score_s = time.perf_counter() - t
    t = time.perf_counter()
    for _ in a.analyze_many(texts, batch_size=64):
        pass
    total_s = time.perf_counter() - t
    stages = {"spacy_nlp_pipe": spacy_s, "evidence_extract": extract_s, "checks": checks_s,
              "sentence_split": sents_s, "encoder": enc_s, "scorer_heads": score_s}
    return {"n": n, "analyze_many_s": round(total_s, 1), "analyze_many_per_s": round(n / total_s, 2),
            "stages_s": {k: round(v, 2) for k, v in stages.items()},
            "stages_share": {k: round(v / sum(stages.values()), 3) for k, v in stages.items()},
            "scorer": getattr(a.scorer, "method", "")}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="10000,100000")
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--chunk", type=int, default=256)
    ap.add_argument("--scorer", default="auto", choices=["auto", "formula", "trained", "none"],
                    help="none: no NLP at all, to measure the audit's own overhead")
    ap.add_argument("--pseudonymise", action="store_true")
    ap.add_argument("--workers", type=int, default=0, help="analysis processes (0: one per core, as the CLI)")
    ap.add_argument("--breakdown", type=int, default=0, help="also time the engine's stages on N comments")
    ap.add_argument("--source", default="generated", choices=["generated", "corpus"],
                    help="corpus: the team's comments (sentences rarely repeat) instead of the generator's")
    ap.add_argument("--_one", nargs=2, metavar=("PATH", "N"), help=argparse.SUPPRESS)
    ap.add_argument("--_breakdown", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args()
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    if args._one:
        print(json.dumps(one(args._one[0], int(args._one[1]), args.batch, args.chunk, args.scorer, args.pseudonymise,
                             args.workers)))
        return
    if args._breakdown:
        print(json.dumps(breakdown(args._breakdown)))
        return
    results = []
    if args.breakdown:
        out = subprocess.run([sys.executable, __file__, "--_breakdown", str(args.breakdown)],
                             capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1]
        b = json.loads(out)
        print(f"breakdown on {b['n']} comments ({b['scorer']}): analyze_many {b['analyze_many_per_s']} comments/s; "
              + ", ".join(f"{k} {v}s ({100 * b['stages_share'][k]:.0f}%)" for k, v in b["stages_s"].items()), flush=True)
        results.append({"breakdown": b})
    for n in [int(s) for s in args.sizes.split(",") if s.strip()]:
        path = make_csv(n) if args.source == "generated" else make_corpus_csv(n)
        cmd = [sys.executable, __file__, "--_one", str(path), str(n), "--batch", str(args.batch),
               "--chunk", str(args.chunk), "--scorer", args.scorer, "--workers", str(args.workers)] + (["--pseudonymise"] if args.pseudonymise else [])
        out = subprocess.run(cmd, capture_output=True, text=True, check=True).stdout.strip().splitlines()[-1]
        r = json.loads(out)
        results.append(r)
        r["source"], r["words_per_row"] = args.source, round(words_per_row(path), 1)
        print(f"{n:>9,} rows ({args.source}, {r['words_per_row']} words/row): {r['rows_per_s']} rows/s, wall {r['wall_s']} s (+{r['model_load_s']} s model load), "
              f"{r['workers']} worker(s), peak RSS {r['peak_rss_mb']} MB (PSS {r['peak_pss_mb']} MB, all processes), "
              f"RSS at rows {r['rss_mb_at_rows']}; CPU main {r['cpu_main_s']} s, workers {r['cpu_workers_s']} s", flush=True)
        if args.source == "corpus" and n > CORPUS_ROWS:
            print(f"          note: only the first {CORPUS_ROWS} rows are distinct; the rest repeat them, so the "
                  "encoder's cache serves them and rows/s flatters text that never repeats", flush=True)
    print(json.dumps(results))


if __name__ == "__main__":
    main()
