"""SMART goal checker: accuracy on the held-out split, zero-shot external check, speed.

    python bench/goals.py                       # test split + SMARTSpan + speed
    python bench/goals.py --split train --errors measurable   # development only

Prints, per criterion, on the chosen split of corpora/goals/goals.jsonl: accuracy beside the
majority-class baseline (majority taken on the train split), and precision, recall and F1 of
"not met" (the class a reviewer acts on). Relevance is scored only on goals that have
objectives. `--errors` lists the misses and is refused on the test split: the test split is
for the final figure only (see corpora/goals/DATA_CARD.md).

External, zero-shot (evaluation only, never tuned on): ../shared/external/smart/
SMARTSpan_goals_all.json, health-coaching goals with Specific / Measurable / Attainable
labels; accuracy beside the majority class. The "(Confidence level: 9/10)" notes the coaches
appended are removed before checking (they are not part of the goal). Skipped when the
folder is absent.

Speed: goals per second through `GoalChecker.check_items` (batches of 64: one nlp.pipe and
one encoder call per batch), all 650 corpus goals with their own objectives, after a warm-up.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import time
from pathlib import Path

from feedbackai.goals.train_relevance import PAIR_SETS

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpora" / "goals" / "goals.jsonl"
SHARED = ROOT.parent / "shared"
CRITERIA = ("specific", "measurable", "achievable", "relevant", "time_bound")
SMARTSPAN = {"Specific": "specific", "Measurable": "measurable", "Attainable": "achievable"}


def split_of(goal_id: str) -> str:
    """The fixed split: sha1(id) mod 5 == 0 is test (about 20%), everything else train."""
    return "test" if int(hashlib.sha1(goal_id.encode("utf-8")).hexdigest(), 16) % 5 == 0 else "train"


def load(split: str = "test", path: Path = CORPUS) -> list[dict]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return rows if split == "all" else [r for r in rows if split_of(r["id"]) == split]


def predict(analyzer, rows: list[dict], batch_size: int = 64) -> list:
    from feedbackai.goals import GoalChecker, GoalItem

    checker = GoalChecker(analyzer)
    return list(checker.check_items((GoalItem(r["goal"], r["objectives"], r["today"]) for r in rows),
                                    batch_size=batch_size))


def metrics(pairs: list[tuple[bool, bool]], majority: bool | None = None) -> dict:
    """pairs of (gold met, predicted met); figures for the 'not met' class."""
    n = len(pairs)
    tp = sum(1 for y, p in pairs if not y and not p)
    fp = sum(1 for y, p in pairs if y and not p)
    fn = sum(1 for y, p in pairs if not y and p)
    acc = sum(1 for y, p in pairs if y == p) / n if n else 0.0
    prec = tp / (tp + fp) if tp + fp else 0.0
    rec = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    if majority is None:
        majority = sum(1 for y, _ in pairs if y) >= n / 2
    base = sum(1 for y, _ in pairs if y == majority) / n if n else 0.0
    return {"n": n, "not_met": sum(1 for y, _ in pairs if not y), "accuracy": round(acc, 3),
            "majority": round(base, 3), "precision_not_met": round(prec, 3), "recall_not_met": round(rec, 3),
            "f1_not_met": round(f1, 3)}


def evaluate(analyzer, rows: list[dict], train_rows: list[dict] | None = None):
    reports = predict(analyzer, rows)
    out = {}
    for c in CRITERIA:
        pairs = [(r["labels"][c], rep.criteria[c].met) for r, rep in zip(rows, reports) if r["labels"][c] is not None]
        majority = None
        if train_rows is not None:
            gold = [r["labels"][c] for r in train_rows if r["labels"][c] is not None]
            majority = sum(gold) >= len(gold) / 2
        out[c] = metrics(pairs, majority)
    return out, reports


OTHER_WRITERS = (  # (file, criterion, role): sets by other writers, corpora/goals/DATA_CARD.md
    ("achievable_a.jsonl", "achievable", "dev: used for error analysis"),
    ("achievable_b.jsonl", "achievable", "dev: used for error analysis"),
    ("achievable_c.jsonl", "achievable", "unseen: written after the rules, errors never read"),
    ("achievable_d.jsonl", "achievable", "dev: used for error analysis (2026-11-26, fourth session)"),
    *((f"relevance_{w}.jsonl", "relevant", "train (cross-encoder + relevance model): in-sample")
      for w in PAIR_SETS),
    ("relevance_g.jsonl", "relevant", "never trained on by the shipped model (trained the unshipped 1.1.0); errors not read"),
    ("relevance_h.jsonl", "relevant", "never trained on by the shipped model (trained the unshipped 1.1.0); errors not read"),
    ("relevance_f.jsonl", "relevant", "unseen: never trained on, errors never read"),
)


FULL_SETS = (  # (file, role): goals with all five labels by writers other than the main corpus's
    ("smart_a.jsonl", "dev: error analysis (2026-11-27); its relevance labels train the cross-encoder since 1.2.0 (in-sample)"),
    ("smart_b.jsonl", "unseen: written beside smart_a, errors never read"),
    ("smart_c.jsonl", "dev: error analysis (2026-11-27, second round); its relevance labels train cross-encoder 1.3.0 (in-sample)"),
    ("smart_d.jsonl", "dev: error analysis (2026-11-27, third session; first score 0.890 / 0.890 / 0.820 / 0.765 / 0.930); never trains the cross-encoder"),
    ("smart_e.jsonl", "dev: error analysis (2026-11-27, ninth session; first score 0.877 / 0.900 / 0.827 / 0.730 / 0.903); never trains the cross-encoder"),
    ("smart_f.jsonl", "unseen: written beside smart_e, errors never read (first score 0.880 / 0.887 / 0.837 / 0.733 / 0.967)"),
    ("smart_g.jsonl", "dev: error analysis (2026-11-27, tenth session; first score 0.917 / 0.923 / 0.853 / 0.730 / 0.857); never trains the cross-encoder"),
    ("smart_h.jsonl", "dev: error analysis (2026-11-27, tenth session; first score 0.913 / 0.910 / 0.797 / 0.758 / 0.893); never trains the cross-encoder"),
    ("smart_i.jsonl", "dev: error analysis (2026-11-27, tenth session, eighth round; first score 0.893 / 0.910 / 0.827 / 0.779 / 0.863); never trains the cross-encoder"),
    ("smart_j.jsonl", "dev: error analysis (2026-11-27, tenth session, eighth round; first score 0.890 / 0.893 / 0.800 / 0.726 / 0.893); never trains the cross-encoder"),
)


def full_sets(analyzer) -> dict:
    """Every criterion on the full-SMART sets by other writers."""
    out = {}
    for name, role in FULL_SETS:
        path = CORPUS.parent / name
        if path.exists():
            rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
            res, _ = evaluate(analyzer, rows)
            out[name] = {"role": role, "n": len(rows), "criteria": res}
    return out


def other_writers(analyzer) -> dict:
    """The one criterion each set labels, on goals by writers other than the main corpus's."""
    from feedbackai.goals import GoalChecker, GoalItem

    checker = GoalChecker(analyzer)
    out = {}
    for name, crit, role in OTHER_WRITERS:
        path = CORPUS.parent / name
        if not path.exists():
            continue
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        items = [GoalItem(r["goal"], r.get("objectives", []), r.get("today")) for r in rows]
        reports = list(checker.check_items(items))
        pairs = [(bool(r[crit]), rep.criteria[crit].met) for r, rep in zip(rows, reports) if r.get(crit) is not None]
        out[name] = {"criterion": crit, "role": role, **metrics(pairs)}
    return out


def smartspan(analyzer, path: Path) -> dict | None:
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    goals, labels = [], []
    for note in data:
        for text, lab in zip(note.get("goals", []), note.get("goal_details", [])):
            text = re.sub(r"\s*\((?:confidence|confident)[^)]*\)\s*$", "", text.strip(), flags=re.I).strip()
            if text:
                goals.append(text)
                labels.append(lab)
    reports = list(analyzer.check_goals(goals, (), "2025-01-01"))
    out = {"goals": len(goals)}
    for key, crit in SMARTSPAN.items():
        pairs = [(bool(lab[key]), rep.criteria[crit].met) for lab, rep in zip(labels, reports) if key in lab]
        m = metrics(pairs)
        out[crit] = {"n": m["n"], "accuracy": m["accuracy"], "majority": m["majority"],
                     "share_met": round(sum(1 for y, _ in pairs if y) / len(pairs), 3),
                     "f1_not_met": m["f1_not_met"]}
    return out


def speed(analyzer, rows: list[dict], repeat: int = 2) -> dict:
    """Best of ``repeat`` runs over all rows, with their objectives and without any (the encoder then only embeds
    the parts of texts that hold several goals, to judge whether they serve one aim).

    The encoder's sentence cache is emptied before every run, so a repeat does not find the
    vectors of the run before it: objectives repeated *within* the corpus still hit it, as
    they would in a real batch.
    """
    import os

    def clear_cache() -> None:
        enc = getattr(analyzer, "_encoder", None)
        if enc is not None and hasattr(enc, "_cache"):
            enc._cache.clear()

    predict(analyzer, rows[:64])          # warm-up
    out = {"goals": len(rows)}
    for key, data in (("with_objectives", rows), ("without_objectives", [dict(r, objectives=[]) for r in rows])):
        best = None
        for _ in range(repeat):
            clear_cache()
            t = time.perf_counter()
            predict(analyzer, data)
            dt = time.perf_counter() - t
            best = dt if best is None else min(best, dt)
        out[key] = {"seconds": round(best, 2), "goals_per_second": round(len(rows) / best, 1)}
    out["goals_per_second"] = out["with_objectives"]["goals_per_second"]
    out["seconds"] = out["with_objectives"]["seconds"]
    out["cpus"] = os.cpu_count()
    out["load_average_1min"] = round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None
    return out


def _table(res: dict) -> str:
    lines = ["| criterion | n | not met | accuracy | majority | precision (not met) | recall (not met) | F1 (not met) |",
             "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for c, m in res.items():
        lines.append(f"| {c} | {m['n']} | {m['not_met']} | {m['accuracy']:.3f} | {m['majority']:.3f} | "
                     f"{m['precision_not_met']:.3f} | {m['recall_not_met']:.3f} | {m['f1_not_met']:.3f} |")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--split", default="test", choices=["test", "train", "all"])
    ap.add_argument("--errors", default=None, choices=CRITERIA, help="list the misses (train split only)")
    ap.add_argument("--shared", type=Path, default=SHARED)
    ap.add_argument("--no-external", action="store_true")
    ap.add_argument("--no-speed", action="store_true")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    if args.errors and args.split != "train":
        print("--errors is for development on the train split only", file=sys.stderr)
        return 2

    from feedbackai import default_analyzer

    analyzer = default_analyzer()
    rows, train = load(args.split), load("train")
    res, reports = evaluate(analyzer, rows, train)
    result = {"split": args.split, "criteria": res}
    if not args.json:
        print(f"# SMART goal checker on corpora/goals, {args.split} split ({len(rows)} goals)\n")
        print(_table(res))
    if args.errors:
        c = args.errors
        print(f"\n## misses on {c}")
        for r, rep in zip(rows, reports):
            y = r["labels"][c]
            if y is not None and rep.criteria[c].met != y:
                print(f"{r['id']} gold={y} | {r['goal']!r} | {rep.criteria[c].explanation} | {r['notes'].get(c, '')}")
    if args.split == "test":
        ow = other_writers(analyzer)
        result["other_writers"] = ow
        if not args.json and ow:
            print("\n# Other writers (one criterion per set; corpora/goals/DATA_CARD.md)\n")
            print("| set | criterion | role | n | accuracy | majority | precision (not met) | recall (not met) |")
            print("|---|---|---|---:|---:|---:|---:|---:|")
            for name, m in ow.items():
                print(f"| {name} | {m['criterion']} | {m['role']} | {m['n']} | {m['accuracy']:.3f} | {m['majority']:.3f} | "
                      f"{m['precision_not_met']:.3f} | {m['recall_not_met']:.3f} |")
        fs = full_sets(analyzer)
        result["full_sets"] = fs
        if not args.json and fs:
            print("\n# Full-SMART sets by other writers (accuracy per criterion; corpora/goals/DATA_CARD.md)\n")
            print("| set | role | n | " + " | ".join(CRITERIA) + " |")
            print("|---|---|---:|" + "---:|" * len(CRITERIA))
            for name, m in fs.items():
                print(f"| {name} | {m['role']} | {m['n']} | "
                      + " | ".join(f"{m['criteria'][c]['accuracy']:.3f}" for c in CRITERIA) + " |")
        from feedbackai.goals.relevant import model as relevance_model

        cv = relevance_model().get("cv", {})
        result["relevance_leave_one_writer_out"] = cv.get("by_writer")
        if not args.json and cv.get("by_writer"):
            print("\nRelevance, leave one writer out (from the model's training: fit on the other writers, "
                  "cross-encoder scores out of fold):")
            print("; ".join(f"{w} {a:.3f} (majority {cv['majority_by_writer'][w]:.3f})"
                            for w, a in cv["by_writer"].items()))
    if not args.no_external:
        ext = smartspan(analyzer, args.shared / "external" / "smart" / "SMARTSpan_goals_all.json")
        result["smartspan"] = ext
        if not args.json:
            if ext is None:
                print("\nSMARTSpan: skipped (../shared/external/smart absent)")
            else:
                print(f"\n# SMARTSpan zero-shot ({ext['goals']} health-coaching goals, evaluation only)\n")
                print("| criterion | n | share met | accuracy | majority baseline | F1 (not met) |")
                print("|---|---:|---:|---:|---:|---:|")
                for crit in SMARTSPAN.values():
                    m = ext[crit]
                    print(f"| {crit} | {m['n']} | {m['share_met']:.3f} | {m['accuracy']:.3f} | {m['majority']:.3f} | "
                          f"{m['f1_not_met']:.3f} |")
    if not args.no_speed:
        sp = speed(analyzer, load("all"))
        result["speed"] = sp
        if not args.json:
            print(f"\n# Speed (check_items, batches of 64, warm, sentence cache emptied, best of 2; {sp['cpus']} CPUs, "
                  f"load average {sp['load_average_1min']})\n")
            for key in ("with_objectives", "without_objectives"):
                print(f"- {key.replace('_', ' ')}: {sp['goals']} goals in {sp[key]['seconds']} s = "
                      f"{sp[key]['goals_per_second']} goals/s")
    if args.json:
        print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
