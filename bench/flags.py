"""Flag quality and cost (prints figures; not a test).

    python bench/flags.py [--shared ../shared] [--alex]

1. The team's labelled sets (corpora/flags/): per-category and overall precision, recall and F1
   at comment level on the held-out set (never used to write the lexicons) and on each dev set
   (corpora/flags/dev*.jsonl: error analysis and the learned check's training data, so in part
   in-sample); share of hard negatives left unflagged.
2. External (../shared/external/bias/, evaluation only; skipped when absent):
   - recall of published person-describing terms (Catalyst #BiasCorrect triggers; retext-equality
     single-word adjectives about people) placed in the team's own carrier sentences;
   - false positives per 1,000 words on proselint's should-pass examples, alex's ok.txt and the
     write-good fixtures, beside alex itself when `--alex` can install it from npm;
   - Catalyst's own test cases.
3. Flip agreement: flags on a comment and on its gender flip are identical, except on the
   explicitly gendered words themselves.
4. Cost: the share of analyze_many time spent in the checks.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import shutil
import subprocess
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SHARED = ROOT.parent / "shared"
CACHE = ROOT / "bench" / ".cache"


def load_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8") if line.strip()]


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def labelled(analyzer, rows: list[dict], name: str) -> dict:
    from feedbackai.types import CATEGORIES

    reports = list(analyzer.analyze_many([r["text"] for r in rows]))
    counts = defaultdict(lambda: [0, 0, 0])  # tp fp fn
    cats_present = set()
    for r, rep in zip(rows, reports):
        gold = set(r["categories"])
        pred = {f.category for f in rep.flags}
        cats_present |= gold
        for c in CATEGORIES:
            if c in pred and c in gold:
                counts[c][0] += 1
            elif c in pred:
                counts[c][1] += 1
            elif c in gold:
                counts[c][2] += 1
    hard = [(r, rep) for r, rep in zip(rows, reports) if r.get("hard_negative")]
    clean = sum(1 for _, rep in hard if not rep.flags)
    total = [sum(v[k] for c, v in counts.items() if c in cats_present) for k in range(3)]
    out = {"set": name, "n": len(rows), "per_category": {}, "hard_negatives": len(hard),
           "hard_negatives_unflagged": round(clean / len(hard), 3) if hard else None}
    print(f"\n{name}: {len(rows)} comments; per category, comment level")
    print(f"  {'category':<22} {'P':>6} {'R':>6} {'F1':>6}   tp  fp  fn")
    for c in CATEGORIES:
        if c not in cats_present:
            continue
        p, rr, f = prf(*counts[c])
        out["per_category"][c] = {"precision": round(p, 3), "recall": round(rr, 3), "f1": round(f, 3),
                                  "tp": counts[c][0], "fp": counts[c][1], "fn": counts[c][2]}
        print(f"  {c:<22} {p:>6.3f} {rr:>6.3f} {f:>6.3f}  {counts[c][0]:>3} {counts[c][1]:>3} {counts[c][2]:>3}")
    p, rr, f = prf(*total)
    out["overall"] = {"precision": round(p, 3), "recall": round(rr, 3), "f1": round(f, 3)}
    print(f"  {'overall (micro)':<22} {p:>6.3f} {rr:>6.3f} {f:>6.3f}")
    if hard:
        print(f"  hard negatives left unflagged: {clean}/{len(hard)} = {clean / len(hard):.3f}")
    return out


def carriers(nlp, term: str) -> list[str]:
    """The team's carrier sentences about a person, chosen by the term's grammatical form: a verb
    ("mothers", "takes care"), a comparative ("meeker"), a title ("miss."), a noun or an adjective. (Before
    2026-11-27 verbs in -s and comparatives were put after "she is a", which is no English.)"""
    from feedbackai.comparatives import adjective_base, lexical_tables

    words = term.split()
    if len(words) == 1 and term.endswith(".") and term[:-1].isalpha():
        title = term[:1].upper() + term[1:]  # a title ("miss."): before a name, not after "she is"
        return [f"{title} Patel ran the audit.", f"I asked {title} Okafor to lead the review."]
    adjectives, nouns = lexical_tables(nlp)
    as_verb = nlp(f"She {term} the new starters.")
    if len(as_verb) > 1 and as_verb[1].tag_ == "VBZ" and as_verb[1].lower_ == words[0].lower() \
            and words[0].lower() not in adjectives:
        obj = "of the others" if len(words) > 1 else "the others"
        return [f"In team meetings she {term} {obj}.", f"He {term} {obj} whenever the client calls."]
    if len(words) == 1 and term.lower().endswith("er") and term.lower() not in nouns \
            and adjective_base(term.lower(), "er", adjectives):
        return [f"She is {term} than the others with the client team.", f"In reviews he comes across as {term} than his peers."]
    doc = nlp(f"She is {term}.")
    head = [t for t in doc if t.i >= 2 and not t.is_punct]
    pos = head[-1].pos_ if head else "ADJ"
    if len(words) == 1 and term.lower() in nouns and term.lower() not in adjectives:
        pos = "NOUN"  # "spade": tagged an adjective after "she is", a noun in the dictionary
    if pos == "VERB" and head[-1].tag_ in ("VBZ", "VBD"):
        return [f"In team meetings she {term} the others.", f"He {term} whenever the client calls."]
    if pos in ("NOUN", "PROPN") and not term.lower().startswith(("a ", "an ", "the ")):
        art = "an" if term[:1].lower() in "aeiou" else "a"
        return [f"Honestly, she is {art} {term}.", f"He can be {art} {term} with the client team."]
    return [f"She is {term} with the client team.", f"In reviews he comes across as {term}."]


def term_recall(analyzer, ext: Path) -> dict:
    out = {}
    sets: dict[str, list[str]] = {}
    with (ext / "catalyst-bias-correct" / "bias_correction_trigger_words.csv").open(encoding="utf-8") as f:
        sets["catalyst triggers"] = sorted({row[0].strip() for row in csv.reader(f) if row and row[0].strip()})
    ret = []
    with (ext / "retext-equality" / "derived_flat_terms.tsv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f, delimiter="\t"):
            t = row["inconsiderate_term"].strip()
            if row["category_file"] in ("ablist", "gender", "race", "lgbtq") and row["type"] == "basic" and " " not in t:
                ret.append(t)
    nlp = analyzer.nlp
    sets["retext-equality person adjectives"] = sorted({t for t in ret if nlp(f"She is {t}.")[2].pos_ == "ADJ"})
    # the tagger's selection also holds words for things ("bugreport", "dummyvalue", "blacklist",
    # "masterpiece"); an independent reader's judgement of which of them describe a person:
    judged = json.loads((ROOT / "bench" / "data" / "retext_person_terms.json").read_text(encoding="utf-8"))["terms"]
    sets["  of which describe a person (judged)"] = [t for t in sets["retext-equality person adjectives"]
                                                   if judged.get(t, {}).get("label") == "person"]
    for name, terms in sets.items():
        sentences = [(t, s) for t in terms for s in carriers(nlp, t)]
        reports = analyzer.analyze_many([s for _, s in sentences])
        hit: dict[str, bool] = defaultdict(bool)
        for (t, s), rep in zip(sentences, reports):
            k = s.lower().find(t.lower())
            if any(f.start < k + len(t) and k < f.end and f.category.startswith(("bias", "tone")) for f in rep.flags):
                hit[t] = True
        rec = sum(hit[t] for t in terms) / len(terms)
        missed = [t for t in terms if not hit[t]]
        out[name] = {"terms": len(terms), "recall": round(rec, 3), "missed": len(missed)}
        print(f"  {name:<36} {len(terms):>4} terms, recall {rec:.3f}")
    return out


def words(text: str) -> int:
    return len(re.findall(r"[A-Za-z']+", text))


def strip_markdown(text: str) -> str:
    text = re.sub(r"```.*?```", " ", text, flags=re.S)
    return re.sub(r"[#>*_`]", " ", text)


def fp_texts(ext: Path) -> dict[str, list[str]]:
    ex = json.loads((ext / "proselint" / "derived_examples.json").read_text(encoding="utf-8"))
    return {
        "proselint should-pass": [s for c in ex for s in c.get("should_pass", [])],
        "alex ok.txt": [(ext / "alex" / "fixtures" / "ok.txt").read_text(encoding="utf-8")],
        "write-good fixtures": [strip_markdown(p.read_text(encoding="utf-8"))
                                for p in sorted((ext / "write-good" / "fixtures").glob("*.md"))],
    }


def alex_bin(install: bool) -> Path | None:
    b = CACHE / "node_modules" / ".bin" / "alex"
    if b.exists():
        return b
    if not install or shutil.which("npm") is None:
        return None
    CACHE.mkdir(parents=True, exist_ok=True)
    r = subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--prefix", str(CACHE), "alex@11"],
                       capture_output=True, text=True, timeout=600)
    return b if r.returncode == 0 and b.exists() else None


def alex_warnings(binary: Path, text: str) -> int:
    r = subprocess.run([str(binary), "--stdin", "--text", "--quiet"], input=text, capture_output=True, text=True,
                       timeout=300)
    return len(re.findall(r"^\s*\d+:\d+(-\d+:\d+)?\s+warning", r.stderr + r.stdout, flags=re.M))


def false_positives(analyzer, ext: Path, use_alex: bool) -> dict:
    out = {}
    binary = alex_bin(use_alex)
    for name, texts in fp_texts(ext).items():
        chunks = []
        for t in texts:  # the product's 20,000-character limit: split long fixtures by paragraph
            while len(t) > 15000:
                cut = t.rfind("\n", 0, 15000)
                cut = cut if cut > 0 else 15000
                chunks.append(t[:cut])
                t = t[cut:]
            chunks.append(t)
        n_words = sum(words(t) for t in chunks)
        flags = sum(len(r.flags) for r in analyzer.analyze_many(chunks))
        bias = sum(1 for r in analyzer.analyze_many(chunks) for f in r.flags if f.category.startswith(("bias", "tone")))
        row = {"words": n_words, "flags": flags, "flags_per_1000_words": round(1000 * flags / n_words, 2),
               "bias_flags_per_1000_words": round(1000 * bias / n_words, 2)}
        if binary:
            aw = sum(alex_warnings(binary, t) for t in texts)
            row["alex_per_1000_words"] = round(1000 * aw / n_words, 2)
        out[name] = row
        extra = f"; alex {row['alex_per_1000_words']}" if "alex_per_1000_words" in row else ""
        print(f"  {name:<24} {n_words:>6} words: {row['flags_per_1000_words']:.2f} flags / 1,000 words "
              f"(bias and profanity only: {row['bias_flags_per_1000_words']:.2f}){extra}")
    if not binary:
        print("  (alex not available: run with --alex to install it from npm into bench/.cache)")
    return out


def catalyst_cases(analyzer, ext: Path) -> dict:
    rows = list(csv.DictReader((ext / "catalyst-bias-correct" / "derived_test_cases.tsv").open(encoding="utf-8"),
                               delimiter="\t"))
    ok = 0
    for r in rows:
        flagged = any(f.category.startswith("bias") for f in analyzer.analyze(r["input"]).flags)
        ok += flagged == (r["expected"] == "flag")
    print(f"  Catalyst test cases: {ok}/{len(rows)} as expected")
    return {"cases": len(rows), "as_expected": ok}


def flip_agreement(analyzer, texts: list[str]) -> dict:
    from feedbackai.counterfactual import flip_doc

    same = 0
    changed_any = 0
    for text in texts:
        fr = flip_doc(analyzer.parse(text))
        if not fr.changes:
            continue
        changed_any += 1
        a = analyzer.analyze(text)
        b = analyzer.analyze(fr.text)
        keep_a = {(f.category, fr.map_offset(f.start), fr.map_offset(f.end)) for f in a.flags
                  if not fr.changed(f.start, f.end)}
        changed_new = [(c.new_start, c.new_end) for c in fr.changes]
        keep_b = {(f.category, f.start, f.end) for f in b.flags
                  if not any(s < f.end and f.start < e for s, e in changed_new)}
        same += keep_a == keep_b
    rate = same / changed_any if changed_any else 1.0
    print(f"  flip agreement: {same}/{changed_any} comments with gendered words = {rate:.3f}")
    return {"comments": changed_any, "identical": same, "rate": round(rate, 4)}


def cost_split(analyzer, texts: list[str]) -> dict:
    from feedbackai.evidence import extract

    t = time.perf_counter()
    n = sum(1 for _ in analyzer.analyze_many(texts))
    total = time.perf_counter() - t
    docs = list(analyzer.nlp.pipe(texts, batch_size=64))
    evs = [extract(d) for d in docs]
    t = time.perf_counter()
    for d, e in zip(docs, evs):
        analyzer.checker.run(d, e)
    checks = time.perf_counter() - t
    share = checks / total
    print(f"  checks: {checks:.2f} s of {total:.2f} s analyze_many on {n} comments = {100 * share:.1f}%")
    return {"comments": n, "checks_s": round(checks, 2), "analyze_many_s": round(total, 2), "share": round(share, 4)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--shared", type=Path, default=DEFAULT_SHARED)
    ap.add_argument("--alex", action="store_true", help="install alex from npm (into bench/.cache) and compare")
    args = ap.parse_args()
    sys.path.insert(0, str(ROOT / "bench"))
    import feedbackai
    from generate import generate_comments

    analyzer = feedbackai.default_analyzer()
    res: dict = {}
    flags_dir = ROOT / "corpora" / "flags"
    heldout = load_jsonl(flags_dir / "heldout.jsonl")
    res["heldout"] = labelled(analyzer, heldout, "held-out set")
    from feedbackai.train_flags import DEV_SETS, UNREAD_DEV_SETS

    sets = [(n, "development") for n in DEV_SETS] + \
        [(n, "development, never trained on, errors not read") for n in UNREAD_DEV_SETS]
    for name, role in sets:
        path = flags_dir / name
        if path.exists():
            res[path.stem] = labelled(analyzer, load_jsonl(path), f"{path.stem} ({role})")
    ext = args.shared / "external" / "bias"
    if ext.is_dir():
        print("\nExternal (evaluation only):")
        res["term_recall"] = term_recall(analyzer, ext)
        res["false_positives"] = false_positives(analyzer, ext, args.alex)
        res["catalyst"] = catalyst_cases(analyzer, ext)
    else:
        print(f"\nExternal: skipped ({ext} not found)")
    print("\nFlip:")
    from feedbackai.corpus import load_comments

    flip_texts = [r["text"] for r in heldout] + [c.text for c in load_comments(split="test")]
    res["flip"] = flip_agreement(analyzer, flip_texts)
    print("\nCost:")
    res["cost"] = cost_split(analyzer, generate_comments(1000, seed=3))
    print(json.dumps(res))


if __name__ == "__main__":
    main()
