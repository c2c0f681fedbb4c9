"""Measurable: a target someone can check at the deadline.

Decision, in order:
1. A target quantity: a number with a unit, a percentage, money, a count of things, "from X
   to Y", "under 400 ms", "2x" / "double" / "by a third". Numbers that are not targets do not
   count: dates and deadlines, years ("the 2026 reorg"), versions ("React 18", "Python
   3.8"), labels ("Line 3", "Level 3", "sev-2", "p95", "Year 10", "8th grade", "24/7").
   "100% safe" is not a number to hit. -> met. So is a grade to reach ("our Ofsted rating to
   Outstanding", RAG "from red to green"); an aspiration ("give 110%", "exceed expectations") is not.
2. Otherwise a vague comparative with no number ("faster", "better", "more", "happier") ->
   not met, and a named KPI with a direction but no target ("Reduce our DSO") -> not met.
3. Otherwise a universal count ("every invoice", "zero defects", "never ... a defective part",
   "all 404s") about something countable -> met (it is countable, though often not
   achievable: see that criterion). Feelings and open scopes ("every employee loves ...",
   "everything", "every possible question") do not count.
4. Otherwise an outcome that is there or not ("get the patent granted", "win Hotel of the
   Year", "take the company public", "get my PE license") -> met.
5. Otherwise a deliverable that is done or not: a completing verb ("ship", "write the RFC",
   "set up lead scoring in HubSpot", "migrate ... to Airflow", "redesign the pricing page")
   with a concrete object -> met. Ongoing verbs ("update", "organize", "train", "post",
   "learn", "help") are not a completion.
6. Otherwise not met.
"""

from __future__ import annotations

import re

from ..types import CriterionResult
from .context import Goal
from .signals import (AFFECT, CHECKABLE_VERBS, EVERYONE, FROM_TO, HEDGE, KPI_NAMES, MULTIPLIER, OUTCOME_OBJECTS,
                      PLATITUDE, UNIVERSAL, VAGUE_NOUNS, ZERO, main_actions, targets)

DIRECTION = re.compile(r"\b(increase|reduce|decrease|raise|lower|cut|grow|improve|boost|lift|drop|shorten|speed\s+up|"
                       r"get\s+\w+\s+(?:up|down)|bring\s+\w+\s+down|minimi[sz]e|maximi[sz]e|optimi[sz]e|stop|"
                       r"expand|strengthen|enhance)\b", re.I)
VAGUE_PREDICATE = re.compile(
    r"\b(more|better|faster|quicker|nicer|friendlier|earlier|smarter|safer|happier|happy|stronger|less|fewer|"
    r"love|loves|fun|inspire|engaged|engagement|relationships?|visible|modern\w*|compliant|on\s+top\s+of|"
    r"bad|safe|confident|hazards?|possible|everything|perfect|good|great|world[- ]class|successful|"
    r"smoothly|properly|viral|best|most|loved|aggressive|proactive|strategic|efficient|reliable|responsive)\b", re.I)
# a grade or rating to reach: "our Ofsted rating to Outstanding", "rated Gold", "to a B+"
# a baseline and a target joined by an arrow ("6:40 → 5:30", "38% -> 25%"): a from-to target however it is written
ARROW = re.compile(r"\d[\d.,:]*\s?(?:%|[a-z]{1,4})?\s*(?:→|->|⇒|=>)\s*[<>≤≥~]?\s*\d", re.I)
RATING_TARGET = re.compile(r"\bfrom\s+(?:red|amber)\s+to\s+(?:amber|green)\b|\bband\s+[1-9](?:\.5)?\s+(?:in\s+)?(?:ielts|toefl|pte|oet)\b|\b(?:ielts|toefl|pte|oet)\s+(?:score\s+of\s+|overall\s+)?(?:band\s+)?[1-9](?:\.5)?\b|\b(?:rating|grade|rated|status|award|accreditation|band|judgement|judgment)\s+(?:[\w'‘’]+\s+){0,3}?(?:to|of|at|as)?\s*"
                           r"(?:an?\s+)?[\"']?(outstanding|good|excellent|green|gold|silver|platinum|bronze|[a-c][+-]?)\b"
                           r"(?!\s+(?:and|or)\b\s+\w+\s+(?:rating|grade))", re.I)
# a quoted name; apostrophes inside words ("team's", "it's") do not open or close one
QUOTED = re.compile(r"(?<!\w)[\"'‘“][^\"'’”]{2,60}[\"'’”](?!\w)")
ELIMINATE = re.compile(r"\beliminat(?:e|es|ed|ing)\b|^\s*(?:end|eradicate)\s+(?=\w)", re.I)
# organising an event is done when it has happened ("organise a team away-day")
EVENT_VERBS = {"organise", "organize", "arrange", "plan"}
EVENT_NOUN = re.compile(r"away-?days?|offsites?|workshops?|events?|conferences?|parties|party|retreats?|"
                        r"open\s+days?|hackathons?|summits?|fairs?|launch|ceremony|dinner|visit|webinars?|"
                        r"training\s+days?|day", re.I)
CONCRETE_MARK = re.compile(r"\b(all|every|each|the\s+new|new|the)\b", re.I)


def _completion(g: Goal):
    for verb, objs in main_actions(g):
        lemma = verb.lemma_.lower()
        if lemma not in CHECKABLE_VERBS and not (lemma in EVENT_VERBS and any(EVENT_NOUN.fullmatch(t.lower_)
                                                                                for t in objs)):
            continue
        nouns = [t for t in objs if t.pos_ in ("NOUN", "PROPN", "NUM") and t.idx >= g.offset
                 and not any(d.start <= g.char(t.idx) < d.end for d in g.all_times)]
        if not nouns:
            continue
        if all(t.lemma_.lower() in VAGUE_NOUNS for t in nouns if t.pos_ != "NUM"):
            continue
        obj_text = " ".join(t.lower_ for t in objs)
        if re.search(r"\b(some|more|better|any|big|bigger|good|great)\b", obj_text):
            continue
        start = g.char(verb.idx)
        last = max(objs, key=lambda t: t.idx)
        end = g.char(last.idx + len(last.text))
        return start, end, lemma
    return None


def check(g: Goal) -> CriterionResult:
    text = g.text
    ev = []
    tg = targets(g)
    ft = FROM_TO.search(text) or ARROW.search(text)
    mult = MULTIPLIER.search(text)
    if ft:
        ev.append(g.span_evidence("metric", "specificity", ft.start(), ft.end(), "from baseline to target"))
    if mult:
        ev.append(g.span_evidence("metric", "specificity", mult.start(), mult.end(), "multiplier target"))
    for q in tg:
        if not any(e.start <= q.start < e.end for e in ev):
            ev.append(g.span_evidence("metric", "specificity", q.start, q.end, "target quantity"))
    ev.sort(key=lambda e: e.start)
    details: dict = {"targets": [e.text for e in ev]}
    if ev:
        return CriterionResult(True, 1.0, tuple(ev), f"Measurable: target '{ev[0].text}'.", "", details=details)

    rating = RATING_TARGET.search(text)
    if rating and not HEDGE.search(text):
        e = g.span_evidence("metric", "specificity", rating.start(), rating.end(), "grade or rating to reach")
        return CriterionResult(True, 0.9, (e,), f"Measurable: the grade to reach, '{rating.group(0)}'.", "",
                               details={**details, "rating": rating.group(0)})
    platitude = PLATITUDE.search(text)
    if platitude:
        e = g.span_evidence("red_flag", "specificity", platitude.start(), platitude.end(), "aspiration")
        return CriterionResult(False, 0.0, (e,), f"Not measurable: '{platitude.group(0)}' is an aspiration with "
                               "nothing to count.", "Say what result would show it: a count, a rate or a deliverable.",
                               details=details)
    # a word of a name is not a vague predicate: "Win the 'Best BPO of the Year' award", "the Great Place to Work list"
    propn = {g.char(t.idx) for t in g.doc if t.pos_ == "PROPN" and t.idx >= g.offset}
    quoted = [m.span() for m in QUOTED.finditer(text)]
    vague = next((m for m in VAGUE_PREDICATE.finditer(text)
                  if m.start() not in propn and not any(a < m.start() < b for a, b in quoted)), None)
    kpi = KPI_NAMES.search(text)
    # "before the January price increase" is when, not a direction of the goal's own measure
    nouns = {g.char(t.idx) for t in g.doc if t.pos_ == "NOUN" and t.idx >= g.offset}
    direction = next((m for m in DIRECTION.finditer(text)
                      if not any(d.start <= m.start() < d.end for d in g.all_times)
                      and not (m.start() in nouns and m.start() > 0)), None)
    if vague:
        e = g.span_evidence("red_flag", "specificity", vague.start(), vague.end(), "vague, no number")
        details["vague"] = vague.group(0)
        return CriterionResult(False, 0.1, (e,),
                               f"Not measurable: '{vague.group(0)}' has no number to check it against.",
                               "Say how much: a count, a percentage or 'from <baseline> to <target>'.", details=details)
    universal = next((m for m in list(UNIVERSAL.finditer(text)) + list(ZERO.finditer(text)) + list(ELIMINATE.finditer(text))
                      if not (re.match(r"(?:every|each|all)\b", m.group(0), re.I) and
                              any(d.start <= m.end() + 1 < d.end + 1 for d in g.all_times if d.start - m.end() <= 1))),
                     None)
    if universal and not EVERYONE.search(text) and not HEDGE.search(text) and not AFFECT.search(text):
        e = g.span_evidence("metric", "specificity", universal.start(), universal.end(), "universal count")
        details["universal"] = universal.group(0)
        return CriterionResult(True, 0.8, (e,),
                               f"Measurable as a count: '{universal.group(0)}' can be checked item by item.",
                               "A universal target is countable but rarely realistic: consider a rate ('95% of ...').",
                               details=details)
    if kpi and direction:
        e = g.span_evidence("kpi", "specificity", kpi.start(), kpi.end(), "named KPI, no target")
        details["kpi"] = kpi.group(0)
        return CriterionResult(False, 0.4, (e,), f"Names a KPI ('{kpi.group(0)}') with a direction but no target value.",
                               f"Add the baseline and the target: '{kpi.group(0)} from <baseline> to <target>'.",
                               details=details)
    # an outcome named inside a time expression is when, not what ("support the team through the go-live")
    outcome = next((m for m in OUTCOME_OBJECTS.finditer(text)
                    if not any(d.start <= m.start() < d.end for d in g.all_times)), None)
    if outcome and not HEDGE.search(text):
        e = g.span_evidence("completion", "specificity", outcome.start(), outcome.end(), "checkable outcome")
        details["outcome"] = outcome.group(0)
        return CriterionResult(True, 0.8, (e,), f"Measurable as happened / did not happen: '{outcome.group(0)}'.",
                               "", details=details)
    comp = _completion(g) if not direction and not HEDGE.search(text) else None
    if comp:
        s, e_, lemma = comp
        e = g.span_evidence("completion", "specificity", s, e_, "checkable completion")
        details["completion"] = text[s:e_]
        return CriterionResult(True, 0.75, (e,), f"Measurable as done / not done: '{text[s:e_]}'.",
                               "Say what 'done' means (scope, acceptance criteria) if it could be argued.",
                               details=details)
    if kpi:
        details["kpi"] = kpi.group(0)
        e = g.span_evidence("kpi", "specificity", kpi.start(), kpi.end(), "named KPI, no target")
        return CriterionResult(False, 0.3, (e,), f"Names '{kpi.group(0)}' but sets no target value.",
                               f"Add the target: '{kpi.group(0)} from <baseline> to <target>'.", details=details)
    return CriterionResult(False, 0.0, (), "Nothing to measure: no target quantity, KPI target or checkable deliverable.",
                           "Add a number to hit ('from <baseline> to <target>', a count, a percentage) or a "
                           "deliverable that is done or not.", details=details)
