"""Specificity and actionability scorers."""

from .formula import FormulaScorer

__all__ = ["FormulaScorer"]
