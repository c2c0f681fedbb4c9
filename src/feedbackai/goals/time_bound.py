"""Time-bound: a deadline or horizon, resolved against the reference date; not met if past."""

from __future__ import annotations

import re

from ..types import CriterionResult
from .context import Goal

NOT_A_TIMEFRAME = re.compile(r"\b(asap|as soon as possible|eventually|ongoing|on-going|someday|some day|soon|over time|in the future|at some point|when possible|when time allows|continuously)\b", re.I)
CADENCE = re.compile(r"\b(daily|weekly|biweekly|fortnightly|monthly|quarterly|annually|every (?:day|week|month|quarter|sprint|shift|morning)|each (?:day|week|month|quarter|sprint|shift)|per (?:week|month|sprint))\b", re.I)


def check(g: Goal) -> CriterionResult:
    ev = []
    for d in g.deadlines:
        ev.append(g.span_evidence("timing", "actionability", d.start, d.end, "deadline"))
    future = [d for d in g.deadlines if d.date is None or d.date >= g.today]
    past = [d for d in g.deadlines if d.date is not None and d.date < g.today]
    details = {"deadlines": [{"text": d.text, "date": d.date.isoformat() if d.date else None, "how": d.how}
                             for d in g.deadlines]}
    if future:
        best = max(future, key=lambda d: (d.date is not None, d.date or g.today))
        if best.date is None:
            return CriterionResult(True, 0.8, tuple(ev), f"Time-bound by an event: '{best.text}'.",
                                   "If you can, add the calendar date of that event.", details=details)
        return CriterionResult(True, 1.0, tuple(ev),
                               f"Time-bound: '{best.text}' resolves to {best.date:%d %b %Y}.",
                               "", details=details)
    if past:
        last = max(past, key=lambda d: d.date)  # type: ignore[arg-type,return-value]
        return CriterionResult(False, 0.2, tuple(ev),
                               f"The deadline '{last.text}' resolves to {last.date:%d %b %Y}, which is already past "
                               f"(reference date {g.today:%d %b %Y}).",
                               "Set a deadline after the reference date.", details=details)
    vague = NOT_A_TIMEFRAME.search(g.text)
    cadence = CADENCE.search(g.text)
    if vague:
        expl = f"'{vague.group(0)}' is not a time frame."
    elif cadence:
        expl = f"'{cadence.group(0)}' is a cadence without a horizon: by when should it be done?"
    else:
        expl = "No deadline or time frame."
    return CriterionResult(False, 0.0, (), expl, "Add a deadline: 'by <date>', 'by end of Q3', 'within 8 weeks'.",
                           details=details)
