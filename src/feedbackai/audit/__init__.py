"""Batch audit for HR: whole exports, group comparisons with privacy, reports, safe exports.

    >>> import feedbackai
    >>> result = feedbackai.audit(df, text_column="comment", group_columns=["gender"],
    ...                           manager_column="manager", out_dir="audit-out")   # doctest: +SKIP

Modules: :mod:`.reading` (inputs in chunks), :mod:`.running` (the run, checkpoints),
:mod:`.aggregates` (per-row records and aggregates), :mod:`.stats` (tests and intervals),
:mod:`.groups` (group comparisons), :mod:`.privacy` (suppression, pseudonyms, redaction),
:mod:`.exports` (formula-safe CSV), :mod:`.report` and :mod:`.svg` (the HTML report),
:mod:`.cli` (the ``feedbackai audit`` command).
"""

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .reading import AuditInputError
    from .running import AuditResult, audit


def __getattr__(name: str):
    # lazy, so that `feedbackai --help` and `feedbackai check` do not import scipy
    if name in ("audit", "AuditResult"):
        from . import running

        return getattr(running, name)
    if name == "AuditInputError":
        from .reading import AuditInputError

        return AuditInputError
    raise AttributeError(f"module 'feedbackai.audit' has no attribute {name!r}")


__all__ = ["audit", "AuditResult", "AuditInputError"]


class _CallableModule(__import__("types").ModuleType):
    """Lets ``feedbackai.audit(data, ...)`` call :func:`audit` although ``feedbackai.audit``
    is also this package (Python binds a subpackage to its parent's attribute on import)."""

    def __call__(self, *args, **kwargs):
        from .running import audit

        return audit(*args, **kwargs)


__import__("sys").modules[__name__].__class__ = _CallableModule
