"""Relevant: does the goal serve at least one of the given objectives?

Similarity = 0.75 * cosine of the sentence embeddings (all-MiniLM-L6-v2) + 0.25 * overlap of
content lemmas (share of the objective's content words found in the goal). Met when the
best objective reaches ``THRESHOLD``. With no objectives the criterion is not judged:
``judged=False``, ``met=False``, and it is left out of the overall score.
"""

from __future__ import annotations

import numpy as np

from ..types import CriterionResult
from .context import Goal

THRESHOLD = 0.30  # provisional: to be calibrated on the goal corpus (issue 5)


def _content(doc) -> set[str]:
    return {t.lemma_.lower() for t in doc if t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ") and not t.is_stop and t.is_alpha}


def check(g: Goal, goal_vec: np.ndarray | None = None, obj_vecs: np.ndarray | None = None,
          obj_docs=None) -> CriterionResult:
    if not g.objectives:
        return CriterionResult(False, 0.0, (), "Relevance not judged: no objectives were given.",
                               "Give the team or company objectives this goal should serve.", judged=False)
    goal_words = _content(g.doc)
    sims = []
    for k, obj in enumerate(g.objectives):
        cos = float(np.dot(goal_vec, obj_vecs[k])) if goal_vec is not None and obj_vecs is not None else 0.0
        words = _content(obj_docs[k]) if obj_docs is not None else set()
        overlap = len(goal_words & words) / len(words) if words else 0.0
        sims.append(0.75 * max(cos, 0.0) + 0.25 * overlap)
    best = int(np.argmax(sims))
    sim = sims[best]
    details = {"best_objective": g.objectives[best], "similarity": round(sim, 3),
               "similarities": [round(s, 3) for s in sims]}
    # below the threshold the score stays under 0.5; above it, it starts at 0.7
    score = 0.5 * sim / THRESHOLD if sim < THRESHOLD else min(1.0, 0.7 + (sim - THRESHOLD))
    if sim >= THRESHOLD:
        return CriterionResult(True, round(score, 3), (), f"Serves the objective '{g.objectives[best]}' (similarity {sim:.2f}).",
                               "", details=details)
    return CriterionResult(False, round(score, 3), (),
                           f"Does not clearly serve any objective; closest is '{g.objectives[best]}' (similarity {sim:.2f}).",
                           "Say which objective this goal moves and how, or choose a goal that does.", details=details)
