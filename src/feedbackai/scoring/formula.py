"""First scores: a documented, monotone formula over the extracted evidence.

This is the baseline that the trained heads replace; it is kept as a baseline for the
accuracy benchmark. For each score::

    S      = sum over evidence kinds k of  w_1 + 0.5 w_2 + 0.25 w_3 + ...
             (weights of that kind's items, largest first: more of the same kind counts less)
    S_act  = S * 0.75 ** min(hedges, 2)        (hedged wording weakens a suggestion)
    value  = 100 * (1 - exp(-S / tau))          tau = 2.0 (specificity), 1.5 (actionability)
    level  = low (< 35) | medium (< 65) | high

Each ``value`` grows with every piece of evidence added and never exceeds 100.
"""

from __future__ import annotations

import math
from collections import defaultdict
from typing import Iterable, Sequence

from ..types import Evidence, Flag, Score, level_for

TAU = {"specificity": 2.0, "actionability": 1.5}
CUTS = (35.0, 65.0)
METHOD = "formula-v1"


def evidence_sum(evidence: Iterable[Evidence]) -> tuple[float, dict[str, float]]:
    by_kind: dict[str, list[float]] = defaultdict(list)
    for ev in evidence:
        by_kind[ev.kind].append(ev.weight)
    contrib = {}
    for kind, ws in by_kind.items():
        ws.sort(reverse=True)
        contrib[kind] = sum(w * 0.5 ** i for i, w in enumerate(ws))
    return sum(contrib.values()), contrib


def _reasons(evidence: Sequence[Evidence], contrib: dict[str, float], limit: int = 4) -> tuple[str, ...]:
    best: dict[str, Evidence] = {}
    for ev in evidence:
        if ev.kind not in best or ev.weight > best[ev.kind].weight:
            best[ev.kind] = ev
    kinds = sorted(contrib, key=lambda k: -contrib[k])[:limit]
    return tuple(f"{best[k].description}: '{best[k].text}'" for k in kinds)


class FormulaScorer:
    """Scores from evidence alone; needs no embeddings."""

    method = METHOD
    needs_embeddings = False

    def score(self, target: str, evidence: Sequence[Evidence], flags: Sequence[Flag] = ()) -> Score:
        evidence = [e for e in evidence if e.target == target]
        total, contrib = evidence_sum(evidence)
        reasons = list(_reasons(evidence, contrib))
        if target == "actionability":
            hedges = sum(1 for f in flags if f.category == "vague.hedge")
            if hedges and total:
                total *= 0.75 ** min(hedges, 2)
                reasons.append("hedged wording weakens the suggestion")
        if not evidence:
            reasons.append("no concrete detail found" if target == "specificity"
                           else "no suggestion or next step found")
        value = round(100.0 * (1.0 - math.exp(-total / TAU[target])), 1)
        return Score(value=value, level=level_for(value, CUTS), evidence=tuple(evidence),
                     reasons=tuple(reasons), method=METHOD)

    def score_doc(self, doc, sents, evidence, flags, sent_vecs=None):
        """(specificity, actionability, [(sentence specificity, sentence actionability), ...])."""
        per_sentence = []
        for s in sents:
            a, b = s.start_char, s.end_char
            ev = [e for e in evidence if a <= e.start < b]
            fl = [f for f in flags if a <= f.start < b]
            per_sentence.append((self.score("specificity", ev, fl), self.score("actionability", ev, fl)))
        return (self.score("specificity", evidence, flags), self.score("actionability", evidence, flags),
                per_sentence)
