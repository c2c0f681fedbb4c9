"""Measurable: a target quantity, a named KPI, or an objectively checkable completion."""

from __future__ import annotations

import re

from ..types import CriterionResult
from .context import Goal

KPIS = re.compile(r"\b(nps|csat|ces|arr|mrr|churn|retention|cycle time|lead time|turnaround|throughput|uptime|availability|latency|error rate|defect rate|conversion|win rate|quota|pipeline|revenue|margin|ebitda|dso|oee|scrap rate|yield|first[- ]call resolution|fcr|aht|handle time|response time|resolution time|sla|attrition|turnover|engagement score|utili[sz]ation|billable hours|sales per hour|shrink(?:age)?|picks per hour|on[- ]time|accuracy|coverage|mttr|mttd|velocity|backlog|occupancy|readmission|falls|pass rate|attendance|reading scores?|test scores?)\b", re.I)
COMPLETION = re.compile(r"\b(ship|launch|complete|finish|publish|deliver|release|submit|obtain|earn|pass|deploy|migrate|implement|roll out|go live|certif(?:y|ied|ication)|sign|close|hire|open|present|document|automate|retire|decommission)\b", re.I)
DIRECTION = re.compile(r"\b(increase|reduce|decrease|raise|lower|cut|grow|improve|boost|lift|drop|shorten|halve|double|triple|reach|hit|achieve|maintain|keep|exceed|get)\b", re.I)
TARGET_NUMBER = re.compile(r"(\d[\d,.]*\s*(%|percent|pts|points|k\b|m\b|x\b)|[$€£¥]\s?\d|\b\d[\d,.]*\s*(?:[a-z]+)|from\s+\S+\s+to\s+\S+|\b(zero|one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|fifty|hundred)\b\s+[a-z]+)", re.I)


def _non_target_number(g: Goal, start: int, end: int) -> bool:
    # dates and deadlines, versions ("Python 3"), years ("since 2019", "the 2026 reorg")
    for d in g.deadlines:
        if d.start <= start < d.end:
            return True
    for e in g.doc.ents:
        if g.char(e.start_char) <= start < g.char(e.end_char) and e.label_ in ("DATE", "TIME", "ORDINAL"):
            return True
    before = g.text[max(0, start - 20):start]
    if re.search(r"[A-Z][\w+#.]*\s$", before) and not re.search(r"\b(by|to|from|of|at|under|below|above|over)\s$", before, re.I):
        return True  # a version: "React 18", "Windows 11"
    token = g.text[start:end]
    if re.fullmatch(r"(19|20)\d\d", token.strip()):
        return True
    return False


def check(g: Goal) -> CriterionResult:
    ev = []
    for e in g.evidence:
        if e.kind == "metric" and not _non_target_number(g, e.start, e.end):
            ev.append(g.span_evidence("metric", "specificity", e.start, e.end, "target quantity"))
    for m in TARGET_NUMBER.finditer(g.text):
        if any(x.start <= m.start() < x.end for x in ev) or _non_target_number(g, m.start(), m.end()):
            continue
        if m.group(0).lower().startswith("from") or "%" in m.group(0) or re.match(r"[$€£¥]", m.group(0)):
            ev.append(g.span_evidence("metric", "specificity", m.start(), m.end(), "target quantity"))
    kpi = KPIS.search(g.text)
    completion = COMPLETION.search(g.text)
    if ev:
        expl = f"Measurable: target '{ev[0].text}'."
        return CriterionResult(True, 1.0, tuple(ev), expl, "")
    if kpi and DIRECTION.search(g.text):
        e = g.span_evidence("kpi", "specificity", kpi.start(), kpi.end(), "named KPI")
        return CriterionResult(True, 0.6, (e,), f"Names a KPI ('{kpi.group(0)}') but no target value.",
                               f"Add the baseline and the target for {kpi.group(0)}: 'from <baseline> to <target>'.")
    if completion:
        e = g.span_evidence("completion", "specificity", completion.start(), completion.end(), "checkable completion")
        return CriterionResult(True, 0.75, (e,), f"Measurable as done / not done: '{completion.group(0)}'.",
                               "Say what 'done' means (scope, acceptance criteria) if it could be argued.")
    return CriterionResult(False, 0.0, (), "Nothing to measure: no target quantity, KPI or checkable completion.",
                           "Add a number to hit: 'from <baseline> to <target>', a count, a percentage, or a deliverable that is done or not.")
