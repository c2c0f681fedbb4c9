"""SMART goal checking: one module per criterion, each returning a CriterionResult.

Overall ``GoalReport.score`` = 100 x the mean criterion score over the *judged* criteria
(relevance is not judged when no objectives are given; the report says so).
"""

from __future__ import annotations

import datetime as dt
import itertools
from typing import Iterable, Iterator, Sequence

from ..evidence import extract
from ..types import SMART_CRITERIA, CriterionResult, GoalReport
from . import achievable, measurable, relevant, specific, time_bound
from .context import Goal, parse_goal
from .rewrite import rewrite_template

MAX_GOAL_CHARS = 2_000
LABELS = {"specific": "specific", "measurable": "measurable", "achievable": "achievable",
          "relevant": "relevant", "time_bound": "time-bound"}


def parse_today(today: dt.date | str | None) -> dt.date:
    if today is None:
        return dt.date.today()
    if isinstance(today, dt.datetime):
        return today.date()
    if isinstance(today, dt.date):
        return today
    if isinstance(today, str):
        try:
            return dt.date.fromisoformat(today.strip())
        except ValueError:
            raise ValueError(f"today must be a date or an ISO date string YYYY-MM-DD, not {today!r}") from None
    raise TypeError(f"today must be a datetime.date or an ISO string, not {type(today).__name__}")


def clean_objectives(objectives: Sequence[str] | str | None) -> tuple[str, ...]:
    """Strip, drop blanks and duplicates (case-insensitive), keep order."""
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
        if s and s.lower() not in seen:
            seen.add(s.lower())
            out.append(s)
    return tuple(out)


def _validate_goal(goal: object) -> str:
    if not isinstance(goal, str):
        raise TypeError(f"goal must be str, not {type(goal).__name__}")
    if not goal.strip():
        raise ValueError("goal is empty")
    if len(goal) > MAX_GOAL_CHARS:
        raise ValueError(f"goal is {len(goal):,} characters, above the limit of {MAX_GOAL_CHARS:,}")
    return goal


class GoalChecker:
    def __init__(self, analyzer) -> None:
        self.analyzer = analyzer

    def check_many(self, goals: Iterable[str], objectives: Sequence[str] = (),
                   today: dt.date | str | None = None, batch_size: int = 64) -> Iterator[GoalReport]:
        ref = parse_today(today)
        objs = clean_objectives(objectives)
        nlp = self.analyzer.nlp
        obj_docs = list(nlp.pipe(objs)) if objs else []
        obj_vecs = self.analyzer.encoder.encode(objs) if objs else None
        it = iter(goals)
        while True:
            chunk = [_validate_goal(g) for g in itertools.islice(it, batch_size)]
            if not chunk:
                return
            parsed = parse_goal(nlp, chunk)
            goal_vecs = self.analyzer.encoder.encode(chunk) if objs else None
            for k, (doc, offset) in enumerate(parsed):
                g = Goal.build(chunk[k], doc, offset, ref, objs, extract(doc))
                yield self._report(g, goal_vecs[k] if goal_vecs is not None else None, obj_vecs, obj_docs)

    def _report(self, g: Goal, goal_vec, obj_vecs, obj_docs) -> GoalReport:
        criteria: dict[str, CriterionResult] = {
            "specific": specific.check(g),
            "measurable": measurable.check(g),
            "achievable": achievable.check(g),
            "relevant": relevant.check(g, goal_vec, obj_vecs, obj_docs),
            "time_bound": time_bound.check(g),
        }
        judged = [c for c in criteria.values() if c.judged]
        score = round(100.0 * sum(c.score for c in judged) / len(judged), 1)
        missing = [LABELS[k] for k in SMART_CRITERIA if criteria[k].judged and not criteria[k].met]
        if not missing:
            verdict = "Meets every SMART criterion it could be judged on."
        else:
            verdict = "Not yet SMART: missing " + ", ".join(missing) + "."
        notes = []
        if not criteria["relevant"].judged:
            notes.append("relevance not judged: no objectives given; the score covers the other four criteria")
        if len(list(g.doc.sents)) > 1 and not criteria["achievable"].met and "Several goals" in criteria["achievable"].explanation:
            notes.append("this text holds several goals; check them one by one")
        return GoalReport(goal=g.text, criteria=criteria, score=score, verdict=verdict,
                          rewrite=rewrite_template(g, criteria), today=g.today.isoformat(),
                          objectives=g.objectives, notes=tuple(notes))
