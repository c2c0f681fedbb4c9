"""Evaluation of comment scores against labelled levels (used by the model card and bench/)."""

from __future__ import annotations

from typing import Sequence

import numpy as np

from .corpus import LabelledComment


def score_comments(analyzer, comments: Sequence[LabelledComment], batch_size: int = 64) -> np.ndarray:
    """(n, 2) array of specificity and actionability values."""
    reports = analyzer.analyze_many([c.text for c in comments], batch_size=batch_size)
    return np.asarray([(r.specificity.value, r.actionability.value) for r in reports], dtype=float)


def length_bucket(text: str) -> str:
    n = len(text.split())
    return "<15 words" if n < 15 else ("15-30 words" if n <= 30 else ">30 words")


def subgroups(comments: Sequence[LabelledComment]) -> dict[str, list[str]]:
    return {
        "length": [length_bucket(c.text) for c in comments],
        "name gender": [str(c.meta.get("name_gender", "none")) for c in comments],
        "style": [str(c.meta.get("style", "?")) for c in comments],
        "polarity": [str(c.meta.get("polarity", "?")) for c in comments],
        "part": [c.id.split("-")[0] for c in comments],
    }
