"""Specific: a concrete action or outcome with an object and a scope."""

from __future__ import annotations

import re

from ..types import CriterionResult
from .context import Goal

VAGUE_VERBS = {"improve", "work", "focus", "help", "be", "become", "get", "try", "learn", "grow",
               "develop", "enhance", "strengthen", "continue", "keep", "support", "contribute",
               "do", "make", "strive", "aim", "build", "increase", "step"}
HEDGES = re.compile(r"\b(try to|attempt to|if possible|hopefully|where possible|as much as possible|when i can|maybe|perhaps|ideally|aim to|strive to|do my best|more or less)\b", re.I)
ABSTRACT = {"communication", "skills", "performance", "things", "work", "quality", "teamwork",
            "leadership", "collaboration", "knowledge", "confidence", "presence", "visibility",
            "ownership", "productivity", "efficiency", "myself", "stuff", "job", "role", "attitude",
            "results", "impact", "growth", "development", "engagement", "relationships", "game",
            "proactive", "organized", "organised", "better", "best", "more", "great", "good"}
CONCRETE_KINDS = {"metric", "date", "entity", "project", "outcome", "example"}


def check(g: Goal) -> CriterionResult:
    doc = g.doc
    ev = []
    concrete = 0
    for tok in doc:
        if tok.pos_ != "VERB":
            continue
        objs = [c for c in tok.children if c.dep_ in ("dobj", "pobj", "attr", "xcomp", "prep")]
        obj_words = [t for o in objs for t in o.subtree if t.pos_ in ("NOUN", "PROPN", "NUM") and t.lower_ not in ABSTRACT]
        if tok.lemma_.lower() not in VAGUE_VERBS and obj_words:
            concrete += 2
        elif obj_words and len(obj_words) >= 2:
            concrete += 1
        if obj_words:
            end = max(o.right_edge.idx + len(o.right_edge.text) for o in objs)
            start, end = g.char(tok.idx), g.char(min(end, tok.idx + 80))
            if end > start:
                ev.append(g.span_evidence("action", "specificity", start, end, "action and object"))
    concrete += sum(1 for e in g.evidence if e.kind in CONCRETE_KINDS and e.kind != "date")
    hedges = HEDGES.findall(g.text)
    score = min(1.0, concrete / 3.0) * (0.75 if hedges else 1.0)
    met = score >= 0.5
    if met:
        expl = f"Specific: '{ev[0].text}'." if ev else "Specific: names concrete things to do."
        sugg = "Drop the hedge ('" + hedges[0] + "'): commit to the action." if hedges else ""
    else:
        verb = next((t for t in doc if t.pos_ in ("VERB", "AUX") and t.idx >= g.offset), None)
        v = f"'{verb.text}'" if verb is not None else "the verb"
        expl = f"Not specific: {v} has no concrete object or scope" + (f", and '{hedges[0]}' hedges it." if hedges else ".")
        sugg = "Name the concrete action, what it applies to and the scope: e.g. 'Cut first-response time on tier-1 tickets', not 'Improve support'."
    return CriterionResult(met, round(score, 3), tuple(ev[:3]), expl, sugg, details={"hedges": hedges})
