"""feedbackai: checks the language of performance reviews.

    >>> import feedbackai
    >>> report = feedbackai.analyze("She is abrasive. Great job this year!")
    >>> [f.category for f in report.flags]
    ['bias.personality', 'vague.generic']

The module-level functions use one lazily built default :class:`Analyzer`.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING, Iterable, Iterator, Sequence

__version__ = "0.1.0"

from .types import (  # noqa: E402
    CATEGORIES,
    CommentReport,
    CriterionResult,
    Evidence,
    Flag,
    GoalReport,
    Score,
    SentenceReport,
)

if TYPE_CHECKING:
    import datetime

    from .checks import CheckConfig
    from .engine import Analyzer

__all__ = [
    "Analyzer", "CheckConfig", "FlipResult", "flip", "analyze", "analyze_many", "check_goal", "check_goals",
    "default_analyzer", "CATEGORIES", "CommentReport", "CriterionResult", "Evidence", "Flag",
    "GoalReport", "Score", "SentenceReport", "__version__", "audit", "AuditResult",
]

_default = None
_default_lock = threading.Lock()


def __getattr__(name: str):
    if name == "Analyzer":
        from .engine import Analyzer

        return Analyzer
    if name == "FlipResult":
        from .counterfactual import FlipResult

        return FlipResult
    if name in ("audit", "AuditResult"):
        import importlib

        mod = importlib.import_module(".audit", __name__)  # a callable module: feedbackai.audit(df, ...)
        return mod if name == "audit" else mod.AuditResult
    if name == "CheckConfig":
        from .checks import CheckConfig

        return CheckConfig
    raise AttributeError(f"module 'feedbackai' has no attribute {name!r}")


def default_analyzer() -> "Analyzer":
    """The shared default Analyzer, built on first use."""
    global _default
    with _default_lock:
        if _default is None:
            from .engine import Analyzer

            _default = Analyzer()
        return _default


def analyze(text: str) -> CommentReport:
    """Score one review comment for specificity and actionability and flag its language."""
    return default_analyzer().analyze(text)


def analyze_many(texts: Iterable[str], batch_size: int = 64) -> Iterator[CommentReport]:
    """Analyse many comments, streaming reports in input order (batched through spaCy)."""
    return default_analyzer().analyze_many(texts, batch_size=batch_size)


def check_goal(goal: str, objectives: Sequence[str] = (),
               today: "datetime.date | str | None" = None) -> GoalReport:
    """Check a goal against SMART, relevance judged against ``objectives``."""
    return default_analyzer().check_goal(goal, objectives, today)


def check_goals(goals: Iterable[str], objectives: Sequence[str] = (),
                today: "datetime.date | str | None" = None) -> Iterator[GoalReport]:
    """Check many goals against the same objectives and reference date, streaming."""
    return default_analyzer().check_goals(goals, objectives, today)


def flip(text: str):
    """The comment with gendered pronouns, titles, terms and names swapped, with an alignment
    of the changes: "would you write this about him?" (see :mod:`feedbackai.counterfactual`)."""
    from .counterfactual import flip as _flip

    return _flip(text, default_analyzer())
