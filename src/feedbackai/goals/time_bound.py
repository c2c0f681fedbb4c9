"""Time-bound: a deadline or horizon, resolved against the reference date; not met if past.

Decision, in order:
1. Deadlines that resolve to a date (see :mod:`feedbackai.goals.dates`): met when the latest
   one is on or after the reference date, else not met ("already past", with the date). When one
   of them is firm (a date with its year after "by", "until", "due", "end of"), the other
   expressions beside it are not the horizon ("close the month in 4 working days - target
   until end of Q1 2024" is due at the end of Q1 2024, not in 4 working days; "the Spring 2025 bus
   schedule posted by April 1st 2025" is due on 1 April).
2. Otherwise an event deadline ("before the spring release", "by the end of term"): met, with
   a lower score, since it cannot be checked against the calendar.
3. Otherwise not met, saying why: "ASAP", "eventually", "forever" and the like are not time
   frames; a cadence ("weekly", "each sprint") has no horizon; a start date ("starting next
   week") or a standing per-item rule ("within 72 hours of disclosure") is not a deadline; a
   quarter or year naming a thing ("the Q3 SOX walkthroughs") is not a deadline.
"""

from __future__ import annotations

import re

from ..types import CriterionResult
from .context import Goal

NOT_A_TIMEFRAME = re.compile(
    r"\b(asap|a\.s\.a\.p\.?|as soon as possible|eventually|ongoing|on-going|someday|some day|soon|over time|"
    r"in the future|at some point|when possible|when time allows|if time allows|continuously|forever|"
    r"permanently|from now on|going forward|for the rest of (?:my|our|his|her|their) (?:career|life|time)|"
    r"ever again|always|for good|in due course|whenever)\b", re.I)
CADENCE = re.compile(
    r"\b(daily|weekly|biweekly|bi-weekly|fortnightly|monthly|quarterly|annually|yearly|nightly|hourly|"
    r"every (?:single )?(?:day|week|month|quarter|sprint|shift|morning|evening|night|cycle|year|time|run)|"
    r"each (?:day|week|month|quarter|sprint|shift|cycle|year)|"
    r"(?:a|an|per) (?:day|week|month|quarter|sprint|shift|hour|year)|/(?:day|week|month|shift|hour)|24/7)\b", re.I)
FAR_DAYS = 3 * 366


def check(g: Goal) -> CriterionResult:
    deadlines = [d for d in g.all_times if d.is_deadline]
    others = [d for d in g.all_times if not d.is_deadline]
    ev = [g.span_evidence("timing", "actionability", d.start, d.end, "deadline") for d in deadlines]
    details = {"deadlines": [{"text": d.text, "date": d.date.isoformat() if d.date else None, "how": d.how}
                             for d in deadlines],
               "not_deadlines": [{"text": d.text, "how": d.how} for d in others]}
    resolved = [d for d in deadlines if d.date is not None]
    firm = [d for d in resolved if d.firm]
    if firm:  # a date with its year after "by"/"until"/"end of" outranks the other expressions beside it
        resolved = [d for d in resolved if d.firm]
    events = [d for d in deadlines if d.date is None]
    if resolved:
        last = max(resolved, key=lambda d: d.date)  # type: ignore[arg-type,return-value]
        assert last.date is not None
        details["resolved_date"] = last.date.isoformat()
        if last.date >= g.today:
            days = (last.date - g.today).days
            details["days_left"] = days
            if days > FAR_DAYS:
                return CriterionResult(True, 0.7, tuple(ev),
                                       f"Time-bound: '{last.text}' resolves to {last.date:%d %b %Y}, "
                                       f"{days // 365} years or more after the reference date.",
                                       "A horizon this far out is hard to track: add a milestone within the year.",
                                       details=details)
            return CriterionResult(True, 1.0, tuple(ev),
                                   f"Time-bound: '{last.text}' resolves to {last.date:%d %b %Y} "
                                   f"({days} days after the reference date {g.today:%d %b %Y}).",
                                   "", details=details)
        return CriterionResult(False, 0.1, tuple(ev),
                               f"The deadline '{last.text}' resolves to {last.date:%d %b %Y}, which is already past "
                               f"(reference date {g.today:%d %b %Y}).",
                               "Set a new deadline after the reference date, or mark this goal as closed.",
                               details=details)
    if events:
        e = events[0]
        return CriterionResult(True, 0.8, tuple(ev), f"Time-bound by an event: '{e.text}'.",
                               "Add the calendar date of that event, so the deadline can be checked.",
                               details=details)
    vague = NOT_A_TIMEFRAME.search(g.text)
    cadence = CADENCE.search(g.text)
    ev2 = []
    if vague:
        expl = f"'{vague.group(0)}' is not a time frame."
        ev2.append(g.span_evidence("red_flag", "actionability", vague.start(), vague.end(), "not a time frame"))
    elif any(d.how == "start" for d in others):
        s = next(d for d in others if d.how == "start")
        expl = f"'{s.text}' is a start date, not a deadline: until when?"
        ev2.append(g.span_evidence("red_flag", "actionability", s.start, s.end, "start date only"))
    elif any(d.how == "standing" for d in others):
        s = next(d for d in others if d.how == "standing")
        expl = f"'{s.text.strip()}' is a standing rule for each item, not a horizon for the goal."
        ev2.append(g.span_evidence("red_flag", "actionability", s.start, s.end, "standing rule"))
    elif cadence:
        expl = f"'{cadence.group(0)}' is a cadence without a horizon: until when?"
        ev2.append(g.span_evidence("red_flag", "actionability", cadence.start(), cadence.end(), "cadence only"))
    elif any(d.how == "label" for d in others):
        s = next(d for d in others if d.how == "label")
        expl = f"'{s.text}' names which work it is, not when it is due."
    else:
        expl = "No deadline or time frame."
    return CriterionResult(False, 0.0, tuple(ev2), expl,
                           "Add a deadline: 'by <date>', 'by end of Q3 2027', 'within 8 weeks'"
                           + (" (a cadence needs one too: 'weekly until end of Q2')." if cadence else "."),
                           details=details)
