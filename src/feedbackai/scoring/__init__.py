"""Specificity and actionability scorers.

A scorer has ``method``, ``needs_embeddings`` and
``score_doc(doc, sentences, evidence, flags, sentence_vectors) ->
(specificity, actionability, [(sentence specificity, sentence actionability), ...])``.
"""

from __future__ import annotations

from .formula import FormulaScorer

__all__ = ["FormulaScorer", "TrainedScorer", "default_scorer"]


def __getattr__(name: str):
    if name == "TrainedScorer":
        from .trained import TrainedScorer

        return TrainedScorer
    raise AttributeError(name)


def default_scorer(kind: str = "auto"):
    """``auto``: the latest trained heads when installed, else the formula baseline."""
    if kind == "formula":
        return FormulaScorer()
    from .trained import TrainedScorer, latest_model_dir

    if kind == "trained" or latest_model_dir() is not None:
        return TrainedScorer()
    if kind != "auto":
        raise ValueError(f"unknown scorer {kind!r}: use 'auto', 'formula' or 'trained'")
    return FormulaScorer()
