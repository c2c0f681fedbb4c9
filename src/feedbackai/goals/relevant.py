"""Relevant: does the goal serve at least one of the given objectives?

For each objective the check computes eight features of the (goal, objective) pair:

- ``cosine``: cosine similarity of the sentence embeddings (all-MiniLM-L6-v2);
- ``overlap``: share of the objective's content lemmas that also appear in the goal;
- ``outcome_match`` / ``outcome_conflict``: both name the same outcome area (revenue, cost,
  speed, quality, safety, satisfaction, retention, hiring, ... see :mod:`.themes`), or both
  name outcome areas and none is shared (e.g. speed versus accuracy);
- ``domain_match``: both name the same work domain (inventory, patient care, students, ...);
- ``goal_no_outcome``: the goal names no outcome area at all;
- ``outcome_link``: they share no theme, but a theme of the goal plausibly drives one of the
  objective's (``themes.DRIVERS``: response time -> satisfaction, training -> quality, hires ->
  capacity, ...);
- ``goal_prestige``: the goal is a prestige or career outcome (an award, a prize, press, a
  promotion, an IPO or exit, the share price) that the objective does not name.

and a ninth, from a model that reads the goal and the objective together:

- ``cross_encoder``: the log-odds of the relevance cross-encoder (:mod:`.pair_model`, a LoRA
  fine-tune of the same MiniLM on goal-objective pairs from six writers), which can tell a near
  miss or a trade-off from a real link where similarity cannot.

A logistic model turns them into a relevance probability; the best objective is the one with
the highest probability, and the goal is relevant when it reaches the threshold. The weights
and the threshold are not set by hand: ``python -m feedbackai.goals.train_relevance`` fits them
on the train split of ``corpora/goals`` and the pair sets of five other writers, with the
cross-encoder's out-of-fold scores, choosing them by leave-one-writer-out cross-validation, and
writes ``relevance_model.py`` (a plain dict: weights, threshold, cross-validated accuracy per
writer; Python so that it ships inside the package with no package-data setting). If the cross-encoder named there is missing (a
partial install), the check uses the features-only model fitted beside it (``MODEL["fallback"]``)
and says so in ``details["model"]``. With no
objectives the criterion is not judged: ``judged=False``, ``met=False``, and it is left out of
the overall score.
"""

from __future__ import annotations

import math
import re
from pathlib import Path

import numpy as np

from ..types import CriterionResult
from .context import Goal
from .themes import DRIVERS, label, themes_of

MODEL_PATH = Path(__file__).with_name("relevance_model.py")
FEATURES = ("cosine", "overlap", "outcome_match", "outcome_conflict", "domain_match", "goal_no_outcome", "outcome_link",
            "goal_prestige")
DOMAIN_THEMES = frozenset({"inventory", "hospitality", "education", "health", "construction", "legal", "research",
                           "public", "finance_ops", "product", "expansion", "sustainability"})
PRESTIGE = re.compile(
    r"\b(share\s+price|stock\s+price|front\s+page|cover\s+of|take\s+(?:the\s+company|us|it)\s+public|ipo\b|"
    r"(?:successful\s+)?exit\b|promot(?:ion|ed)\b|make\s+partner|faculty\s+job|job\s+at|award|prize|of\s+the\s+year|"
    r"michelin|macarthur|nobel|pulitzer|fellowship|hall\s+of\s+fame)", re.I)


CE_CLIP = 6.0


def ce_feature(z: float) -> float:
    """The cross-encoder's log-odds, clipped so that one confident pair cannot outweigh the rest."""
    return max(-CE_CLIP, min(CE_CLIP, float(z)))


def model() -> dict:
    """The calibrated weights (``relevance_model.py``, written by ``feedbackai.goals.train_relevance``)."""
    from .relevance_model import MODEL

    return MODEL


def content_lemmas(doc, start_char: int = 0) -> set[str]:
    return {t.lemma_.lower() for t in doc if t.idx >= start_char and t.pos_ in ("NOUN", "PROPN", "VERB", "ADJ")
            and not t.is_stop and t.is_alpha and len(t) > 1}


def pair_features(goal_text: str, goal_words: set[str], goal_vec, obj_text: str, obj_words: set[str], obj_vec,
                  goal_themes: dict | None = None) -> tuple[list[float], dict]:
    gt = goal_themes if goal_themes is not None else themes_of(goal_text)
    ot = themes_of(obj_text)
    g_out, o_out = set(gt) - DOMAIN_THEMES, set(ot) - DOMAIN_THEMES
    g_dom, o_dom = set(gt) & DOMAIN_THEMES, set(ot) & DOMAIN_THEMES
    cos = float(np.dot(goal_vec, obj_vec)) if goal_vec is not None and obj_vec is not None else 0.0
    shared_words = sorted(goal_words & obj_words)
    overlap = len(shared_words) / len(obj_words) if obj_words else 0.0
    shared_out = sorted(g_out & o_out)
    links = [] if set(gt) & set(ot) else sorted((a, b) for a in gt for b in ot if (a, b) in DRIVERS)
    prestige = PRESTIGE.search(goal_text)
    prestige = prestige if prestige and not PRESTIGE.search(obj_text) else None
    x = [cos, overlap, float(bool(shared_out)), float(bool(g_out) and bool(o_out) and not shared_out),
         float(bool(g_dom & o_dom)), float(not g_out), float(bool(links)), float(prestige is not None)]
    info = {"links": [f"{a} -> {b}" for a, b in links], "prestige": prestige.group(0) if prestige else None, "cosine": round(cos, 3), "shared_terms": shared_words, "shared_outcomes": shared_out,
            "shared_domains": sorted(g_dom & o_dom), "goal_outcomes": sorted(g_out), "objective_outcomes": sorted(o_out)}
    return x, info


def probability(x: list[float], m: dict | None = None) -> float:
    m = m or model()
    z = m["intercept"] + sum(w * v for w, v in zip(m["coef"], x))
    return _sigmoid(z)


def _sigmoid(z: float) -> float:
    z = max(-50.0, min(50.0, float(z)))
    return 1.0 / (1.0 + math.exp(-z))


def cross_encoder_logits(goal_text: str, objectives) -> np.ndarray | None:
    """The cross-encoder's log-odds for the goal against each objective (None without the model)."""
    from .pair_model import default_pair_model

    pm = default_pair_model()
    return pm.logits([(goal_text, o) for o in objectives]) if pm is not None else None


def check(g: Goal, goal_vec: np.ndarray | None = None, obj_vecs: np.ndarray | None = None,
          obj_docs=None, ce_logits=None) -> CriterionResult:
    if not g.objectives:
        return CriterionResult(False, 0.0, (), "Relevance not judged: no objectives were given.",
                               "Give the team or company objectives this goal should serve (one per line).",
                               judged=False, details={"judged": False})
    goal_words = content_lemmas(g.doc, g.offset)
    goal_themes = themes_of(g.text)
    m = model()
    uses_ce = "cross_encoder" in m["features"]
    if uses_ce and ce_logits is None:
        ce_logits = cross_encoder_logits(g.text, g.objectives)
    fallback = uses_ce and ce_logits is None
    if fallback:  # the cross-encoder it was fitted with is missing: the features-only model
        m, uses_ce = m["fallback"], False
    scored = []
    for k, obj in enumerate(g.objectives):
        ow = content_lemmas(obj_docs[k]) if obj_docs is not None and k < len(obj_docs) else set()
        ov = obj_vecs[k] if obj_vecs is not None else None
        x, info = pair_features(g.text, goal_words, goal_vec, obj, ow, ov, goal_themes)
        if uses_ce:
            x = x + [ce_feature(ce_logits[k])]
            info["read_together"] = round(_sigmoid(ce_logits[k]), 3)
        scored.append((probability(x, m), k, x, info))
    p, best, x, info = max(scored, key=lambda s: s[0])
    threshold = m["threshold"]
    obj = g.objectives[best]
    details = {"best_objective": obj, "similarity": round(p, 3), "probability": round(p, 3),
               "cosine": info["cosine"], "threshold": threshold,
               "similarities": [round(s[0], 3) for s in sorted(scored, key=lambda s: s[1])],
               "features": dict(zip(m["features"], [round(v, 3) for v in x])),
               "model": ("features + cross-encoder" if uses_ce else
                         "features only (cross-encoder missing)" if fallback else "features only"), **{k: v for k, v in info.items() if k != "cosine"}}
    why = []
    if info["shared_outcomes"]:
        why.append("both are about " + " and ".join(label(t) for t in info["shared_outcomes"][:2]))
    elif info["goal_outcomes"] and info["objective_outcomes"]:
        why.append(f"the goal is about {label(info['goal_outcomes'][0])}, the objective about "
                   f"{label(info['objective_outcomes'][0])}")
    elif info["shared_domains"]:
        why.append("same area: " + label(info["shared_domains"][0]))
    if info["links"]:
        a, b = info["links"][0].split(" -> ")
        why.append(f"{label(a)} plausibly drives {label(b)}")
    if info["prestige"]:
        why.append(f"'{info['prestige']}' is a prestige or career outcome the objective does not name")
    if info["shared_terms"]:
        why.append("shared terms: " + ", ".join(info["shared_terms"][:4]))
    if "read_together" in info:
        why.append(f"read together, the goal serves it with probability {info['read_together']:.2f}")
    why.append(f"embedding similarity {info['cosine']:.2f}")
    reason = "; ".join(why)
    if p >= threshold:
        return CriterionResult(True, round(p, 3), (), f"Serves the objective '{obj}' (relevance {p:.2f}: {reason}).",
                               "", details=details)
    return CriterionResult(False, round(p, 3), (),
                           f"No clear link to any objective; closest is '{obj}' (relevance {p:.2f}, threshold "
                           f"{threshold:.2f}: {reason}).",
                           "Say which objective this goal moves and how, or choose a goal that does.", details=details)
