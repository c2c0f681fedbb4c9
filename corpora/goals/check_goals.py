import json, sys, re, datetime, collections
import os
path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "goals.jsonl")
crit = ["specific","measurable","achievable","relevant","time_bound"]
rows = []
ok = True
with open(path, encoding="utf-8") as f:
    for n, line in enumerate(f, 1):
        line = line.rstrip("\n")
        if not line.strip():
            print("blank line", n); ok = False; continue
        try:
            o = json.loads(line)
        except Exception as e:
            print("JSON error line", n, e); ok = False; continue
        rows.append(o)
        exp = "G-%04d" % n
        if o.get("id") != exp: print("id mismatch", n, o.get("id")); ok = False
        for k in ["id","goal","objectives","today","labels","notes","meta"]:
            if k not in o: print("missing", k, o.get("id")); ok = False
        try:
            d = datetime.date.fromisoformat(o["today"])
            if not (datetime.date(2025,1,1) <= d <= datetime.date(2027,12,31)): print("today out of range", o["id"]); ok=False
        except Exception: print("bad today", o.get("id")); ok = False
        L = o["labels"]
        if set(L) != set(crit): print("label keys", o["id"]); ok = False
        for c in crit:
            v = L.get(c)
            if c == "relevant":
                if (len(o["objectives"]) == 0) != (v is None): print("relevant/objectives mismatch", o["id"]); ok = False
            if v not in (True, False) and not (c=="relevant" and v is None): print("bad label", o["id"], c, v); ok=False
        if len(o["objectives"]) > 5: print("too many objectives", o["id"]); ok=False
        for k in o["notes"]:
            if k not in crit: print("bad note key", o["id"], k); ok=False
        m = o["meta"]
        for k in ["industry","role","tags"]:
            if k not in m: print("meta missing", k, o["id"]); ok=False
        if ("no_objectives" in m.get("tags",[])) != (len(o["objectives"])==0): print("no_objectives tag mismatch", o["id"]); ok=False
print("lines:", len(rows), "ok" if ok else "PROBLEMS")
for c in crit:
    cnt = collections.Counter(r["labels"][c] for r in rows)
    t, f_, nn = cnt[True], cnt[False], cnt[None]
    app = t + f_
    print(f"{c:11s} true={t:4d} false={f_:4d} null={nn:3d}  true%={100*t/max(app,1):5.1f} false%={100*f_/max(app,1):5.1f}")
tags = collections.Counter(t for r in rows for t in r["meta"]["tags"])
print("tags:", dict(sorted(tags.items(), key=lambda x:-x[1])))
ind = collections.Counter(r["meta"]["industry"] for r in rows)
print("industries:", dict(sorted(ind.items(), key=lambda x:-x[1])))
lens = [len(r["goal"].split()) for r in rows]
print("goal words min/max/mean:", min(lens), max(lens), round(sum(lens)/len(lens),1))
goals = collections.Counter(r["goal"].strip().lower() for r in rows)
d = [g for g,c in goals.items() if c>1]
if d: print("DUPLICATE goals:", d)
combos = collections.Counter(tuple(r["labels"][c] for c in crit) for r in rows)
print("distinct label combos:", len(combos))

# the fixed held-out split: sha1(id) mod 5 == 0 is test; test_ids.txt must list exactly those ids
import hashlib
def split_of(goal_id):
    return "test" if int(hashlib.sha1(goal_id.encode("utf-8")).hexdigest(), 16) % 5 == 0 else "train"
ids_path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "test_ids.txt")
listed = [l.strip() for l in open(ids_path, encoding="utf-8") if l.strip() and not l.startswith("#")]
expected = [r["id"] for r in rows if split_of(r["id"]) == "test"]
if listed != expected:
    print("test_ids.txt does not match the sha1 rule"); ok = False
for name in ("train", "test"):
    part = [r for r in rows if split_of(r["id"]) == name]
    counts = " ".join(f"{c}={sum(1 for r in part if r['labels'][c] is True)}/{sum(1 for r in part if r['labels'][c] is False)}"
                      for c in crit)
    print(f"split {name}: {len(part)} goals; true/false {counts}")
if not ok:
    sys.exit(1)
