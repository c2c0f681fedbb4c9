"""SMART goal checking: one module per criterion, each returning a CriterionResult.

``GoalReport.score`` = 100 x the mean criterion score over the *judged* criteria (relevance
is not judged when no objectives are given: it is then left out of the score, the verdict
and notes say so, and ``criteria["relevant"].met`` is False with ``judged`` False).

Inputs (see :func:`parse_today`, :func:`clean_objectives`, :func:`validate_goal`):
- ``goal``: a non-empty ``str`` of at most ``MAX_GOAL_CHARS`` characters, else ``ValueError``
  (``TypeError`` for a non-string). A paragraph holding several goals is checked as one text
  (and fails *achievable* as "several goals in one"); the report's notes list the parts found
  by :func:`split_goals` so each can be checked on its own.
- ``objectives``: a list of strings or one string with one objective per line; stripped,
  blanks and case-insensitive duplicates dropped, order kept; at most ``MAX_OBJECTIVES``.
- ``today``: a ``datetime.date`` (a ``datetime`` is cut to its date), an ISO ``YYYY-MM-DD``
  string, or ``None`` for the machine's current date; anything else raises.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import itertools
import re
import threading
from dataclasses import dataclass
from typing import Iterable, Iterator, Sequence

import numpy as np

from ..evidence import extract
from ..types import SMART_CRITERIA, CriterionResult, GoalReport
from . import achievable, measurable, relevant, specific, time_bound
from .context import Goal, parse_goal
from .rewrite import rewrite_template
from .split import GoalPart, split_doc, split_goals

__all__ = ["GoalChecker", "GoalItem", "GoalPart", "parse_today", "clean_objectives", "validate_goal", "split_goals",
           "MAX_GOAL_CHARS", "MAX_OBJECTIVES", "LABELS"]

MAX_GOAL_CHARS = 2_000
MAX_OBJECTIVES = 50
MAX_OBJECTIVE_CHARS = 1_000
LABELS = {"specific": "specific", "measurable": "measurable", "achievable": "achievable",
          "relevant": "relevant", "time_bound": "time-bound"}
_ISO = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_today(today: dt.date | str | None) -> dt.date:
    """The reference date: a date, an ISO ``YYYY-MM-DD`` string, or None (the current date)."""
    if today is None:
        return dt.date.today()
    if isinstance(today, dt.datetime):
        return today.date()
    if isinstance(today, dt.date):
        return today
    if isinstance(today, str):
        s = today.strip()
        if _ISO.fullmatch(s):
            try:
                return dt.date.fromisoformat(s)
            except ValueError:
                raise ValueError(f"today {today!r} is not a real date (expected YYYY-MM-DD)") from None
        raise ValueError(f"today must be a date or an ISO date string YYYY-MM-DD, not {today!r}")
    raise TypeError(f"today must be a datetime.date or an ISO string YYYY-MM-DD, not {type(today).__name__}")


def clean_objectives(objectives: Sequence[str] | str | None) -> tuple[str, ...]:
    """Strip, collapse whitespace, drop blanks and case-insensitive duplicates, keep order.

    A single string is read as one objective per line. Leading list markers ("- ", "1. ",
    "* ") are removed. More than ``MAX_OBJECTIVES`` objectives raise ``ValueError``.
    """
    if objectives is None:
        return ()
    if isinstance(objectives, str):
        objectives = objectives.splitlines()
    out: list[str] = []
    seen: set[str] = set()
    for o in objectives:
        if not isinstance(o, str):
            raise TypeError(f"objectives must be strings, not {type(o).__name__}")
        s = " ".join(o.split())
        s = re.sub(r"^(?:[-*•·‣–]+|\(?\d{1,2}[.)])\s+", "", s)
        if len(s) > MAX_OBJECTIVE_CHARS:
            raise ValueError(f"an objective is {len(s):,} characters, above the limit of {MAX_OBJECTIVE_CHARS:,}")
        if s and s.casefold() not in seen:
            seen.add(s.casefold())
            out.append(s)
    if len(out) > MAX_OBJECTIVES:
        raise ValueError(f"{len(out)} objectives given, above the limit of {MAX_OBJECTIVES}")
    return tuple(out)


def validate_goal(goal: object) -> str:
    """The goal text, or ``TypeError`` / ``ValueError`` saying what is wrong with it."""
    if not isinstance(goal, str):
        raise TypeError(f"goal must be str, not {type(goal).__name__}")
    if not goal.strip():
        raise ValueError("goal is empty")
    if len(goal) > MAX_GOAL_CHARS:
        raise ValueError(f"goal is {len(goal):,} characters, above the limit of {MAX_GOAL_CHARS:,}")
    return goal


_validate_goal = validate_goal  # backwards-compatible name


@dataclass(frozen=True)
class GoalItem:
    """One goal with its own objectives and reference date (for :meth:`GoalChecker.check_items`)."""

    goal: str
    objectives: Sequence[str] | str | None = ()
    today: dt.date | str | None = None


class GoalChecker:
    """Checks goals in batches: one ``nlp.pipe`` and one encoder call per batch."""

    def __init__(self, analyzer) -> None:
        self.analyzer = analyzer
        self._obj_cache: dict[str, tuple[object, np.ndarray]] = {}
        self._cache_lock = threading.Lock()

    # ------------------------------------------------------------------ public
    def check_many(self, goals: Iterable[str], objectives: Sequence[str] | str | None = (),
                   today: dt.date | str | None = None, batch_size: int = 64) -> Iterator[GoalReport]:
        """Many goals against the same objectives and reference date, streaming in order."""
        ref = parse_today(today)
        objs = clean_objectives(objectives)
        return self.check_items((GoalItem(g, objs, ref) for g in goals), batch_size=batch_size)

    def check_items(self, items: Iterable[GoalItem | tuple], batch_size: int = 64) -> Iterator[GoalReport]:
        """Goals each with their own objectives and reference date, streaming in order.

        ``items`` yields :class:`GoalItem` or ``(goal, objectives, today)`` tuples. A bad item
        raises (``TypeError`` / ``ValueError``) when its batch is reached.
        """
        it = iter(items)
        while True:
            chunk = list(itertools.islice(it, batch_size))
            if not chunk:
                return
            yield from self._check_chunk([_item(x) for x in chunk])

    # ------------------------------------------------------------------ internals
    def _lock(self):
        lock = getattr(self.analyzer, "_nlp_lock", None)
        return lock if lock is not None else contextlib.nullcontext()

    def _check_chunk(self, chunk: list[tuple[str, tuple[str, ...], dt.date]]) -> list[GoalReport]:
        texts = [c[0] for c in chunk]
        wanted = list(dict.fromkeys(o for c in chunk for o in c[1]))
        with self._cache_lock:
            local = {o: self._obj_cache[o] for o in wanted if o in self._obj_cache}
        new_objs = [o for o in wanted if o not in local]
        nlp = self.analyzer.nlp
        with self._lock():
            parsed = parse_goal(nlp, texts)
            obj_docs = list(nlp.pipe(new_objs)) if new_objs else []
        need_vecs = bool(wanted)
        vecs = self.analyzer.encoder.encode(texts + new_objs) if need_vecs else None
        if vecs is not None:
            for k, o in enumerate(new_objs):
                local[o] = (obj_docs[k], vecs[len(texts) + k])
            with self._cache_lock:
                if len(self._obj_cache) > 5_000:
                    self._obj_cache.clear()
                self._obj_cache.update({o: local[o] for o in new_objs})
        ce = self._cross_encoder(chunk)
        parts = [split_doc(text, doc, offset) for (doc, offset), text in zip(parsed, texts)]
        related = self._related(parts)
        out = []
        for k, ((doc, offset), (text, objs, ref)) in enumerate(zip(parsed, chunk)):
            g = Goal.build(text, doc, offset, ref, objs, extract(doc))
            g.parts, g.parts_related = parts[k], related[k]
            if objs:
                o_docs = [local[o][0] for o in objs]
                o_vecs = np.stack([local[o][1] for o in objs])
            else:
                o_docs, o_vecs = [], None
            out.append(self._report(g, vecs[k] if vecs is not None else None, o_vecs, o_docs, ce[k]))
        return out

    def _related(self, parts: list) -> list[float | None]:
        """For each text of several goals, how related its parts are: the mean cosine between their
        sentence embeddings (one encoder call for the batch); None for a single goal."""
        texts = [p.text for ps in parts if len(ps) > 1 for p in ps]
        if not texts:
            return [None] * len(parts)
        vecs = self.analyzer.encoder.encode(texts)
        out: list[float | None] = []
        j = 0
        for ps in parts:
            if len(ps) < 2:
                out.append(None)
                continue
            v = vecs[j:j + len(ps)]
            j += len(ps)
            sims = v @ v.T
            iu = np.triu_indices(len(ps), 1)
            out.append(round(float(sims[iu].mean()), 3))
        return out

    @staticmethod
    def _cross_encoder(chunk) -> list:
        """The relevance cross-encoder's log-odds for every (goal, objective) pair of the batch, in one call."""
        ce: list = [None] * len(chunk)
        if "cross_encoder" not in relevant.model()["features"] or not any(c[1] for c in chunk):
            return ce
        from .pair_model import default_pair_model

        pm = default_pair_model()
        if pm is None:
            return ce  # relevant.check explains that the model is missing
        pairs = [(text, o) for text, objs, _ in chunk for o in objs]
        z = pm.logits(pairs)
        j = 0
        for k, (_, objs, _) in enumerate(chunk):
            ce[k] = z[j:j + len(objs)]
            j += len(objs)
        return ce

    def _report(self, g: Goal, goal_vec, obj_vecs, obj_docs, ce_logits=None) -> GoalReport:
        if not g.parts:
            g.parts = split_doc(g.text, g.doc, g.offset)
        parts = g.parts
        criteria: dict[str, CriterionResult] = {
            "specific": specific.check(g),
            "measurable": measurable.check(g),
            "achievable": achievable.check(g),
            "relevant": relevant.check(g, goal_vec, obj_vecs, obj_docs, ce_logits),
            "time_bound": time_bound.check(g),
        }
        judged = [c for c in criteria.values() if c.judged]
        score = round(100.0 * sum(c.score for c in judged) / len(judged), 1)
        missing = [LABELS[k] for k in SMART_CRITERIA if criteria[k].judged and not criteria[k].met]
        if not missing:
            verdict = "SMART: meets every criterion it could be judged on."
        elif len(missing) == 1:
            verdict = f"Almost SMART: not {missing[0]}."
        else:
            verdict = "Not yet SMART: not " + ", ".join(missing[:-1]) + " or " + missing[-1] + "."
        notes = []
        if not criteria["relevant"].judged:
            verdict = verdict[:-1] + " (relevance not judged: no objectives)."
            notes.append("relevance not judged: no objectives given; the score covers the other four criteria")
        if len(parts) > 1:
            listed = "; ".join(f"({i}) {p.text}" for i, p in enumerate(parts, 1))
            notes.append(f"this text holds {len(parts)} goals, checked here as one; check each on its own: {listed}")
        return GoalReport(goal=g.text, criteria=criteria, score=score, verdict=verdict,
                          rewrite=rewrite_template(g, criteria), today=g.today.isoformat(),
                          objectives=g.objectives, notes=tuple(notes))


def _item(x: GoalItem | tuple) -> tuple[str, tuple[str, ...], dt.date]:
    if isinstance(x, GoalItem):
        goal, objs, today = x.goal, x.objectives, x.today
    elif isinstance(x, tuple) and 1 <= len(x) <= 3:
        goal, objs, today = (tuple(x) + ((), None))[:3]
    else:
        raise TypeError(f"each item must be a GoalItem or a (goal, objectives, today) tuple, not {type(x).__name__}")
    return validate_goal(goal), clean_objectives(objs), parse_today(today)
