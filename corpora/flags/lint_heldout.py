"""Annotator aid: list watch-words that occur in a comment outside every labelled span.

The word list is written by hand for this check only (independent of the product).
Usage: python lint_heldout.py [first_id]
"""
import json, re, sys, pathlib
WATCH = r"""maybe somewhat perhaps kind sort seems seem bit probably possibly guess fairly slightly little
lot lots numerous times several many often some few sometimes frequently occasionally various plenty most tons
always never everyone everybody nobody constantly every all nothing everything
good great strong solid valuable asset rock star amazing awesome excellent player above beyond keep improvement
bossy shrill queen catty hysterical girls girl ladies lady manpower chairman man feisty ladylike mother hen guys
abrasive cold maintenance difficult attitude easygoing charming pleasure sweet nice emotional intimidating natural
friendly warm lazy aggressive stubborn loud quiet shy pushy arrogant negative positive moody defensive passive
young old age retirement digital native junior senior school generation kid kids veteran mature fresh
articulate spoken exotic urban culture cultural fit ethnic black white asian
adhd depression medical leave crazy lame ocd deaf blind tone sick mental insane anxiety health
maternity paternity mom dad pregnant married wife husband family kids baby childcare wedding
dressed dress attractive overweight frumpy tattoos pretty tired looks hair weight handsome
accent drawl ramadan foreign english church religious gay partner christmas immigrant
he she his her him""".split()
PRON = {"he", "she", "his", "her", "him"}
path = pathlib.Path(__file__).with_name("heldout.jsonl")
start = sys.argv[1] if len(sys.argv) > 1 else "F-0000"
for line in path.read_text().splitlines():
    r = json.loads(line)
    if r["id"] < start: continue
    t = r["text"]; covered = [False] * len(t)
    for s in r["spans"]:
        p = -1
        for _ in range(s["occurrence"] + 1): p = t.find(s["text"], p + 1)
        for k in range(p, p + len(s["text"])): covered[k] = True
    hits = []
    for w in WATCH:
        for m in re.finditer(r"\b" + re.escape(w) + r"\b", t, re.I):
            if not any(covered[m.start():m.end()]): hits.append(m.group(0))
    tag0 = "HN" if r["hard_negative"] else ("CLEAN" if not r["categories"] else "POS")
    if tag0 != "CLEAN": hits = [h for h in hits if h.lower() not in PRON]
    tag = "HN" if r["hard_negative"] else ("CLEAN" if not r["categories"] else "POS")
    if hits: print(r["id"], tag, r["categories"], "->", hits, "::", t)
