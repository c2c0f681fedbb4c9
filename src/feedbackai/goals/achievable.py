"""Achievable: red flags that make a goal unrealistic, each explained; otherwise met.

Red flags: absolute or perfect targets ("zero defects forever", "100% of all customers"),
a scale far beyond the time frame (3x or more within about 3 months, 10x within a year,
or more than 100% growth within a month), outcomes outside the person's control
(promotion, share price, other people's decisions), and several unrelated goals in one.
A goal without red flags is met, with a lower score when it states no baseline.
"""

from __future__ import annotations

import re

from ..types import CriterionResult
from .context import Goal

ABSOLUTE = re.compile(r"\b(100\s?%|one hundred percent|zero (?:defects|errors|bugs|incidents|complaints|mistakes|escalations|churn|accidents|turnover)|never (?:miss|fail|have|make|lose|get)\w*|always|every single|all (?:customers|clients|deals|tickets|students|patients)|forever|perfect(?:ly)?|flawless(?:ly)?|no (?:errors|mistakes|bugs|complaints) ever)\b", re.I)
MULTIPLIER = re.compile(r"\b(\d+(?:\.\d+)?)\s?x\b|\b(double|triple|quadruple|tenfold|ten-fold|10-fold)\b", re.I)
PERCENT = re.compile(r"(\d+(?:\.\d+)?)\s?(?:%|percent)", re.I)
GROWTH = re.compile(r"\b(increase|grow|raise|boost|lift|improve|expand|scale)\w*\b", re.I)
OUTSIDE = re.compile(r"\b(get promoted|be promoted|promotion to|make (?:vp|director|partner)|share price|stock price|market share of the (?:company|industry)|(?:make|get|convince) (?:the )?(?:board|ceo|customers?|clients?) to|win the award|be named|be voted|go viral|lottery|make everyone)\b", re.I)
BASELINE = re.compile(r"\bfrom\s+\S+|\bcurrently\b|\bbaseline\b|\bup from\b|\bdown from\b|\bvs\.?\s|\bcompared to\b", re.I)
WORD_MULT = {"double": 2, "triple": 3, "quadruple": 4, "tenfold": 10, "ten-fold": 10, "10-fold": 10}


def _horizon_days(g: Goal) -> int | None:
    days = [(d.date - g.today).days for d in g.deadlines if d.date is not None and d.date >= g.today]
    return min(days) if days else None


def _crammed(g: Goal) -> list[str]:
    """Main actions coordinated in one goal ('ship X, hire Y and learn Z')."""
    verbs = []
    for tok in g.doc:
        if tok.pos_ == "VERB" and (tok.dep_ == "ROOT" or (tok.dep_ == "conj" and tok.head.pos_ == "VERB")):
            if any(c.dep_ in ("dobj", "prep", "xcomp", "attr") for c in tok.children):
                verbs.append(tok)
    sentences = [s for s in g.doc.sents if any(t.pos_ == "VERB" for t in s)]
    if len(verbs) >= 3 or len(sentences) >= 3 or g.text.count(";") >= 2:
        return [v.text for v in verbs]
    return []


def check(g: Goal) -> CriterionResult:
    problems: list[str] = []
    ev = []
    m = ABSOLUTE.search(g.text)
    if m:
        problems.append(f"'{m.group(0)}' is an absolute or perfect target: one miss fails it.")
        ev.append(g.span_evidence("red_flag", "specificity", m.start(), m.end(), "absolute target"))
    horizon = _horizon_days(g)
    mult = None
    mm = MULTIPLIER.search(g.text)
    if mm:
        mult = float(mm.group(1)) if mm.group(1) else float(WORD_MULT[mm.group(2).lower()])
    pm = PERCENT.search(g.text)
    if mult is None and pm and GROWTH.search(g.text):
        mult = 1.0 + float(pm.group(1)) / 100.0
    if mult is not None and horizon is not None:
        too_fast = (mult >= 3 and horizon <= 100) or (mult >= 10 and horizon <= 400) or (mult >= 2 and horizon <= 35)
        if too_fast:
            span = mm or pm
            problems.append(f"A {mult:g}x change in about {horizon} days is far beyond ordinary business ranges.")
            if span:
                ev.append(g.span_evidence("red_flag", "specificity", span.start(), span.end(), "scale vs time"))
    o = OUTSIDE.search(g.text)
    if o:
        problems.append(f"'{o.group(0)}' depends on others' decisions or the market, not on the person's own work.")
        ev.append(g.span_evidence("red_flag", "specificity", o.start(), o.end(), "outside their control"))
    crammed = _crammed(g)
    if crammed:
        problems.append(f"Several goals in one ({', '.join(crammed[:4])}): each needs its own target and date.")
    if problems:
        sugg = "Split it into separate goals." if crammed and len(problems) == 1 else \
            "Set a target the person controls, with room for a miss (e.g. '95% of ...'), over a realistic time frame."
        return CriterionResult(False, 0.2 if len(problems) == 1 else 0.0, tuple(ev), " ".join(problems), sugg,
                               details={"red_flags": problems})
    has_baseline = bool(BASELINE.search(g.text))
    if has_baseline:
        return CriterionResult(True, 1.0, (), "No red flags, and the goal states its starting point.", "")
    return CriterionResult(True, 0.7, (), "No red flags found; no baseline is stated, so the stretch cannot be judged.",
                           "State the starting point ('from <baseline>') so the stretch can be judged.")
