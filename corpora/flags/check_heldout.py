"""Validate corpora/flags/heldout.jsonl and print counts.

Standalone: uses only the file itself (no product code, no lexicons).
"""
import json, re, sys, collections, pathlib

CATS = ["bias.gendered", "bias.personality", "bias.age", "bias.race_ethnicity",
        "bias.disability", "bias.family_status", "bias.appearance", "bias.other_protected",
        "vague.generic", "vague.hedge", "vague.quantifier", "vague.absolute"]
GENDERS = {"female", "male", "neutral", "none"}
path = pathlib.Path(__file__).with_name("heldout.jsonl")

def nth_find(text, sub, n):
    pos = -1
    for _ in range(n + 1):
        pos = text.find(sub, pos + 1)
        if pos < 0:
            return -1
    return pos

errors, warnings = [], []
rows = []
for ln, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
    if not line.strip():
        errors.append(f"line {ln}: blank line"); continue
    try:
        rows.append(json.loads(line))
    except json.JSONDecodeError as e:
        errors.append(f"line {ln}: bad JSON: {e}")

texts = collections.Counter()
for i, r in enumerate(rows, 1):
    rid = r.get("id")
    if rid != f"F-{i:04d}":
        errors.append(f"row {i}: id {rid!r} expected F-{i:04d}")
    keys = set(r)
    if keys != {"id", "text", "categories", "spans", "hard_negative", "meta"}:
        errors.append(f"{rid}: keys {sorted(keys)}")
    t = r["text"]
    texts[t.strip().lower()] += 1
    cats = r["categories"]
    if len(set(cats)) != len(cats) or not set(cats) <= set(CATS):
        errors.append(f"{rid}: bad categories {cats}")
    span_cats = set()
    for s in r["spans"]:
        if set(s) != {"category", "text", "occurrence"}:
            errors.append(f"{rid}: span keys {sorted(s)}")
        if s["category"] not in cats:
            errors.append(f"{rid}: span category {s['category']} not in categories")
        span_cats.add(s["category"])
        if nth_find(t, s["text"], s["occurrence"]) < 0:
            errors.append(f"{rid}: span {s['text']!r} occurrence {s['occurrence']} not found")
        if t.count(s["text"]) > 1 or (s["occurrence"] > 0):
            warnings.append(f"{rid}: span {s['text']!r} occ {s['occurrence']} (count {t.count(s['text'])}) :: {t}")
    missing = set(cats) - span_cats
    if missing:
        errors.append(f"{rid}: categories without span {sorted(missing)}")
    m = r["meta"]
    if set(m) != {"industry", "name_gender", "trigger"} or m["name_gender"] not in GENDERS:
        errors.append(f"{rid}: bad meta {m}")
    if r["hard_negative"]:
        if cats or r["spans"]:
            errors.append(f"{rid}: hard negative with labels")
        if not m["trigger"] or m["trigger"] not in t:
            errors.append(f"{rid}: hard negative trigger {m['trigger']!r} not in text")
    elif m["trigger"] is not None:
        errors.append(f"{rid}: trigger set on non-hard-negative")
    n_sent = len([x for x in re.split(r"(?<=[.!?])\s+", t.strip()) if x])
    if n_sent > 4:
        warnings.append(f"{rid}: {n_sent} sentences")

for t, c in texts.items():
    if c > 1:
        errors.append(f"duplicate text x{c}: {t}")

per_cat = collections.Counter(c for r in rows for c in r["categories"])
hn = sum(r["hard_negative"] for r in rows)
clean = sum(1 for r in rows if not r["categories"] and not r["hard_negative"])
pos = sum(1 for r in rows if r["categories"])
ind = collections.Counter(r["meta"]["industry"] for r in rows)
gen = collections.Counter(r["meta"]["name_gender"] for r in rows)
lower = sum(1 for r in rows if r["text"][:1].islower())

if "-v" in sys.argv:
    for w in warnings: print("WARN", w)
for e in errors: print("ERROR", e)
print(f"rows={len(rows)} positives={pos} hard_negatives={hn} clean_no_trigger={clean} lowercase_start={lower}")
for c in CATS: print(f"  {c:22s} {per_cat[c]}")
print("industry:", dict(ind.most_common()))
print("name_gender:", dict(gen))
sys.exit(1 if errors else 0)
