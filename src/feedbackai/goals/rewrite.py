"""A rewrite template that keeps the goal's own words and marks what to fill in.

The goal's words stay; what is missing is marked with <angle brackets>:
- not specific: hedges ("try to", "maybe") are dropped and "<which ...>" slots are added for
  the concrete thing and the scope;
- not measurable: "from <baseline> to <target>" goes before the deadline (or "measured by
  <metric>" when the goal only says "faster" / "better");
- not time-bound: a past deadline becomes "<new date>", "ASAP" / "eventually" becomes "by
  <date>", a bare cadence gets "until <date>", otherwise "by <date>" is added;
- not achievable: absolute wording is replaced by a rate slot ("<95%> of"), and a note says
  what else to change (the time frame, or the part the person controls);
- not relevant to the objectives given: ", so that <how it moves: objective>" is added;
- several goals in one: one template per goal, one per line.
"""

from __future__ import annotations

import re
from typing import Mapping

from ..types import CriterionResult
from .context import Goal
from .dates import find_time_expressions
from .time_bound import CADENCE, NOT_A_TIMEFRAME

HEDGES = re.compile(r"\b(?:i\s+will\s+|i'll\s+|we\s+will\s+|i\s+want\s+to\s+|i'd\s+like\s+to\s+|i\s+would\s+like\s+to\s+)?"
                    r"(?:try\s+(?:to|and)\s+|aim\s+to\s+|strive\s+to\s+|attempt\s+to\s+|(?:maybe|possibly|perhaps|hopefully|"
                    r"ideally)\s+)+|,?\s*\b(?:if\s+possible|where\s+possible|if\s+time\s+allows|when\s+time\s+allows|"
                    r"if\s+the\s+budget\s+allows|as\s+much\s+as\s+possible|somehow|i\s+guess|pls|please)\b", re.I)
LEAD = re.compile(r"^(?:i\s+will|i'll|we\s+will|we'll|i\s+want\s+to|i'd\s+like\s+to|i\s+would\s+like\s+to)\s+", re.I)
def _plural(w: str) -> str:
    if w.endswith("s"):
        return w
    if w.endswith("y") and len(w) > 2 and w[-2] not in "aeiou":
        return w[:-1] + "ies"
    if w.endswith(("ch", "sh", "x")):
        return w + "es"
    return w + "s"


ABSOLUTE_SWAP = [
    (re.compile(r"\b100\s?%", re.I), lambda m: "<95%>"),
    (re.compile(r"\bnever\s+(\w+)\s+((?:(?:a|an|any|one|a\s+single|single)\s+)?[\w-]+(?:\s+[\w-]+)?)(.*)$", re.I),
     lambda m: f"{m.group(1)} {m.group(2)} no more than <N> times per <period>{m.group(3)}"),
    (re.compile(r"\b(?:no|zero)\s+([\w-]+(?:\s+[\w-]+)?)\s+(?:ever(?:\s+again)?|forever)\b", re.I),
     lambda m: f"at most <N> {m.group(1)} per <period>"),
    (re.compile(r"\b(?:every\s+single|every|each)\s+([a-z][\w-]*)", re.I), lambda m: f"<95%> of {_plural(m.group(1))}"),
    (re.compile(r"\ball\s+(?=[a-z])", re.I), lambda m: "<95%> of "),
    (re.compile(r"\bzero\b", re.I), lambda m: "<at most N>"),
    (re.compile(r",?\s*\b(?:forever|permanently|always|ever\s+again|from\s+now\s+on|no\s+exceptions?|24/7|"
                r"no\s+matter\s+what|,\s*period)\b", re.I), lambda m: ""),
]


def _clean(text: str) -> str:
    t = " ".join(text.split()).strip().rstrip(" .;,!")
    t = LEAD.sub("", t)
    t = HEDGES.sub(" ", t)
    t = re.sub(r"\s{2,}", " ", t).strip(" ,")
    return t


def _one(text: str, g: Goal, c: Mapping[str, CriterionResult]) -> str:
    t = _clean(text)
    today = g.today
    notes: list[str] = []
    # time-bound first: locate deadlines in the cleaned text
    times = [d for d in find_time_expressions(t, today)]
    deadlines = [d for d in times if d.is_deadline]
    tb = c["time_bound"]
    if not tb.met and tb.judged:
        if deadlines:                       # past: replace the (last) resolved date
            d = max(deadlines, key=lambda d: d.end)
            lead = re.search(r"(?:\b(?:by|before|in|until|through|during|for)\s+(?:the\s+)?(?:end\s+of\s+)?)$", t[:d.start], re.I)
            s = lead.start() if lead else d.start
            t = t[:s] + "by <new date>" + t[d.end:]
        elif NOT_A_TIMEFRAME.search(t):
            t = NOT_A_TIMEFRAME.sub("by <date>", t, count=1)
            t = NOT_A_TIMEFRAME.sub("", t)
        elif CADENCE.search(t):
            t += " until <date>"
        else:
            for s in [d for d in times if d.how == "start"]:
                t = t[:s.end] + " until <date>" + t[s.end:]
                break
            else:
                t += " by <date>"
    times = [d for d in find_time_expressions(t, today) if d.is_deadline or "<" in t[d.start:d.end]]
    slot = re.search(r"\s(?:by|until)\s+<(?:new\s+)?date>", t)
    cut = slot.start() if slot else (min(d.start for d in times) if times else len(t))
    cut = _clause_start(t, cut)
    ms = c["measurable"]
    if not ms.met or ms.details.get("kpi"):
        vague = ms.details.get("vague")
        if vague and re.search(rf"\b{re.escape(vague)}\b", t, re.I):
            ins = ", measured by <metric> from <baseline> to <target>"
        elif ms.details.get("kpi") or re.search(r"\b(increase|reduce|decrease|raise|lower|cut|grow|improve|boost|"
                                                r"lift|shorten|speed\s+up|get\s+\w+\s+(?:up|down))\b", t, re.I):
            ins = " from <baseline> to <target>"
        else:
            ins = " (done when: <what is delivered, how many>)"
        t = t[:cut].rstrip(" ,") + ins + (" " + t[cut:].lstrip(" ,") if t[cut:].strip() else "")
    sp = c["specific"]
    if not sp.met:
        t = re.sub(r"\b(stuff|things|stuff)\b", "<which ones>", t, flags=re.I)
        t = t + " (<which concrete action>, on <what>, for <which scope>)"
    ac = c["achievable"]
    if not ac.met:
        flags = " ".join(ac.details.get("red_flags", []))
        if re.search(r"absolute|perfect|open population", flags):
            for pat, rep in ABSOLUTE_SWAP:
                t2 = pat.sub(rep, t, count=1)
                if t2 != t:
                    t = t2
                    break
        if "far beyond" in flags:
            notes.append("<a smaller step or a longer time frame>")
        if "decided by others" in flags or "ranking" in flags:
            notes.append("<the part you control, e.g. submit / prepare / propose>")
        if "resources" in flags:
            notes.append("<the budget or people it needs>")
    rel = c["relevant"]
    if rel.judged and not rel.met:
        obj = rel.details.get("best_objective", "")
        t += f", so that <how it moves: {obj}>" if obj else ", so that <objective it serves>"
    t = re.sub(r"\s{2,}", " ", t).strip(" ,")
    out = t[:1].upper() + t[1:] + "."
    if notes:
        out += " [" + "; ".join(notes) + "]"
    return out


def _clause_start(t: str, cut: int) -> int:
    """Move an insertion point back over the preposition that introduces the deadline."""
    m = re.search(r"(?:,?\s*\b(?:all\s+)?(?:by|before|in|within|until|through|during|for|over|this|next|at)\s+"
                  r"(?:the\s+)?(?:end\s+of\s+)?(?:the\s+)?)$", t[:cut], re.I)
    return m.start() if m else cut


def rewrite_template(g: Goal, c: Mapping[str, CriterionResult]) -> str:
    parts = getattr(g, "parts", None) or []
    if len(parts) > 1:
        return "\n".join(f"{i}) {_one(p.text, g, c)}" for i, p in enumerate(parts, 1))
    return _one(g.text, g, c)
