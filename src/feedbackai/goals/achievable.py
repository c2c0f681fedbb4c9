"""Achievable: red flags that make a goal unrealistic, each explained; otherwise met.

Red flags:
- **absolute or perfect**: "never", "ever again", "forever", "always", "no exceptions",
  "every single", "perfect", "24/7", and zero or 100% outcome targets ("zero defects", "100%
  CSAT"). House rule: a zero or 100% target that is a process gate bounded to a project or
  a period ("zero lost-time incidents on the Harbour View project through handover",
  "inspect 100% of rooms before release") is not a red flag.
- **everyone, everything**: an outcome over an open population ("every customer", "every
  student gets an A", "everyone", "every possible question", "worldwide"); a population
  narrowed by a clause ("every student who slips below target") is fine.
- **scale far beyond the time frame**: a change of x-fold in d days (from "from X to Y", "2x",
  "double", "grow 300%", "cut 40%") above about 1.1x within 10 days, 1.25x within 40 days,
  2x within 100 days, 3x within 400 days, 5x within 800 days (reductions in a time or a
  backlog are read as reductions and allowed more); a large volume (20 or more hires, posts,
  contracts, stores ..., or 1M+ of money or users) within about a month; a broad scope ("all",
  "every", "entire") or several things within about a week; an undertaking that takes many
  months (making a business profitable, a multi-storey building, a new plant, rebuilding a
  whole function) within about 100 days; and a stated lack of resources
  ("with no budget", "with a team of two", "as a new hire").
- **outside the person's control**: promotions, awards, prizes, grants, rulings, permits,
  patents, IPOs and exits, share price, press coverage, going viral, a named customer's deal,
  rankings and "best in the company".
- **several goals in one**: the text holds several goals (see :mod:`feedbackai.goals.split`).

No red flag: met, scored 1.0 when the goal states its baseline ("from 45 to 30", "up from",
"currently") and 0.7 otherwise (the stretch cannot be judged without a starting point).
"""

from __future__ import annotations

import re

from ..types import CriterionResult
from .context import Goal
from .signals import (ABSOLUTE, EVERYONE, FROM_TO, HUNDRED, MULTIPLIER, NAMED_DEAL, OUTSIDE_CONTROL,
                      UP_FROM, WORD_MULT, ZERO, targets)

_I = re.I
PEOPLE_POPULATION = re.compile(
    r"\b(?:every(?:\s+single)?|each|100\s?%\s+of(?:\s+(?:the|our|my|their))?)\s+(?:[\w-]+\s+){0,2}?"
    r"(customers?|clients?|students?|employees?|staff|people|persons?|guests?|partners?|reps?|deals?|lawsuits?|"
    r"tenders?|shoplifters?|regulations?|markets?|countr(?:y|ies)|services?|emails?|comments?|posts?|hazards?|"
    r"managers?|candidates?|patients?|users?|accounts?|children|child|kids|parents?|lawyers?|sites?|stores?|"
    r"compan(?:y|ies)|questions?|courses?|invoices?|orders?)\b(?!\s+(?:who|that|which|with|in\s+the\s+\w+\s+who))",
    _I)
OPEN_ALL = re.compile(r"\ball\s+(?:overdue\s+)?(hazards|customers|clients|guests|employees|students|patients|partners|invoices)\b(?!\s+(?:who|that))",
                      _I)
BOUNDED_GATE = re.compile(r"\b(on\s+the\s+[\w\s-]{1,40}?\s+project|through\s+(?:project\s+)?(?:handover|completion)|"
                          r"before\s+(?:release|starting\s+work|handover|go-live)|site\s+induction)\b", _I)
ZERO_OUTCOME = re.compile(r"\b0\s?%|\b(zero|to\s+zero|no\s+(?:single\s+)?(?:defects?|errors?|mistakes?|bugs?|incidents?|"
                          r"injuries|complaints?|escalations?|churn|accidents?|falls?|vacancies|snags|bad\s+reviews?|"
                          r"late\s+\w+|unit\s+ever)|not\s+(?:a|one)\s+single|never)\b", _I)
PROCESS_GATE = re.compile(r"\b(train(?:ed|ing)|induct(?:ed|ion)|certified|certification|onboard(?:ed|ing)|"
                          r"complete[sd]?\s+(?:the\s+|their\s+|a\s+)?(?:[\w-]+\s+){0,3}(?:training|course|induction|module|"
                          r"checklist|review|appraisal)|inspect(?:ed|ion)?|patch(?:ed)?|back(?:ed)?\s+up)\b", _I)
CONSTRAINT = re.compile(r"\b(with\s+(?:no|zero)\s+(?:\w+\s+)?(?:budget|staff|team|help|lead\s+investor|resources?|headcount)|"
                        r"with\s+the\s+same\s+(?:budget|team|headcount|staff)|with\s+a\s+(?:\w+\s+)?team\s+of\s+(?:one|two|three|\d)\b|"
                        r"without\s+adding\s+\w+|as\s+a\s+new\s+hire|no\s+lead\s+investor|on\s+(?:a\s+)?zero\s+budget)\b", _I)
# Undertakings that take a company or a project team many months whatever the wording: turning
# a business profitable, a multi-storey building, a new plant or hospital, rebuilding a whole
# function. Within about three months they are far beyond the time frame.
BIG_UNDERTAKING = re.compile(
    r"\b(profitable|profitability|break-?even|turn\s+a\s+profit|\d+[- ]stor(?:e)?y|skyscraper|"
    r"(?:new|second|third)\s+(?:plant|factory|hospital|campus|headquarters|hq|data\s+cent(?:er|re))|"
    r"(?:finish|complete|build|deliver|rebuild|replace)\s+(?:the\s+)?(?:entire|whole)\s+(?:[\w-]+\s+){0,2}?"
    r"(?:tower|building|hospital|plant|factory|campus|platform|erp|system)|"
    r"(?:transform|overhaul|rebuild|reinvent)\s+(?:the\s+|our\s+)?(?:company|business|organi[sz]ation|culture))\b", _I)
BIG_SCOPE = re.compile(r"\b(all|every|entire|whole|each)\b", _I)
TIME_UNIT = re.compile(r"\b(ms|milliseconds?|s|secs?|seconds?|mins?|minutes?|h|hrs?|hours?|days?|weeks?)\b", _I)
VOLUME_NOUNS = re.compile(r"\b(hires?|engineers?|aes|reps|agents|people|staff|posts?|articles?|contracts?|stores?|sites?|"
                          r"deals?|customers|users|attendees|locations|offices|videos|logos)\b", _I)
GROWTH = re.compile(r"\b(increase|grow|raise|boost|lift|improve|expand|scale|double|triple|get\s+to|reach)\w*\b", _I)
REDUCE = re.compile(r"\b(reduce|cut|lower|decrease|shrink|shorten|halve|drop|bring\s+\w+\s+down|get\s+\w+\s+down)\w*\b", _I)
BASELINE = re.compile(r"\bfrom\s+(?:an?\s+\w+\s+of\s+)?[~$€£]?\d|\bup\s+from\b|\bdown\s+from\b|\bcurrently\b|\bbaseline\b|"
                      r"\bvs\.?\s|\bcompared\s+to\b|\blast\s+year\b|\bfrom\s+\d", _I)
TO_FROM = re.compile(r"\bto\s+(?:[A-Za-z]+\s+)?(?P<b>\d[\d,.]*)\b[^.]{0,60}?\bfrom\s+(?:an?\s+\w+\s+of\s+)?(?P<a>\d[\d,.]*)",
                     _I)
LIST3 = re.compile(r"[^,]+,[^,]+,?\s+(?:and|&)\s+", _I)
OVERNIGHT = re.compile(r"\b(overnight|by\s+tomorrow|tomorrow|in\s+a\s+day|in\s+one\s+day)\b", _I)
SKILL_LIST = re.compile(r"\b(learn|get\s+good\s+at|get\s+better\s+at|master)\b[^.]*,[^.]*\band\b", _I)


def _horizon_days(g: Goal) -> int | None:
    """Days from the reference date to the goal's last deadline (None when unknown)."""
    if any(d.date is None for d in g.deadlines):
        return None          # an event deadline: its date is unknown
    days = [(d.date - g.today).days for d in g.deadlines if d.date is not None and d.date >= g.today]
    if days:
        return max(max(days), 1)
    if not g.deadlines and any(d.how == "start" and re.search(r"\b(next|this|monday|tomorrow|today|now)\b", d.text, _I)
           for d in g.all_times):
        return 7            # "starting next week", with no end: read as immediate
    return None


_TIME_MINUTES = {"ms": 1 / 60000, "s": 1 / 60, "sec": 1 / 60, "secs": 1 / 60, "second": 1 / 60, "seconds": 1 / 60,
                 "min": 1, "mins": 1, "minute": 1, "minutes": 1, "h": 60, "hr": 60, "hrs": 60, "hour": 60,
                 "hours": 60, "day": 1440, "days": 1440, "week": 10080, "weeks": 10080}


def _num(s: str, unit_hint: str = "") -> float | None:
    m = re.search(r"\d[\d,]*(?:\.\d+)?", s)
    if not m:
        return None
    v = float(m.group(0).replace(",", ""))
    tail = s[m.end():].strip().lower()
    unit = (re.match(r"[a-z]+", tail) or re.match(r"[a-z]+", unit_hint.strip().lower()))
    if unit and unit.group(0) in _TIME_MINUTES:
        return v * _TIME_MINUTES[unit.group(0)]
    if tail.startswith("k"):
        v *= 1e3
    elif tail.startswith("m") and not tail.startswith(("min", "ms", "month")):
        v *= 1e6
    return v


def _ratio(g: Goal) -> tuple[float, str, str, bool] | None:
    """(x-fold change, evidence text, direction, is-a-time-or-backlog reduction) or None."""
    text = g.text
    ft = FROM_TO.search(text)
    if ft:
        after_b = text[ft.end():ft.end() + 12]
        b = _num(ft.group("b"), after_b)
        a_tail = re.match(r"[\d,.$€£]+\s*([a-z]+)", ft.group("a"), _I)
        a = _num(ft.group("a"), after_b if not a_tail else "")
        if a and b and a > 0 and b > 0 and a != b:
            up = b > a
            timeish = bool(TIME_UNIT.search(ft.group(0))) or bool(re.search(r"\b(time|backlog|queue|days?)\b",
                                                                               text[:ft.start()], _I))
            return (b / a if up else a / b), ft.group(0), "up" if up else "down", timeish and not up
    tf = TO_FROM.search(text)
    if tf:
        a, b = _num(tf.group("a")), _num(tf.group("b"))
        if a and b and a > 0 and b > 0 and a != b:
            return (b / a if b > a else a / b), tf.group(0), "up" if b > a else "down", False
    uf = re.search(r"(?P<b>\d[\d,.]*)\s*(?P<u>[a-z%]*)[^.]{0,40}?\bup\s+from\s+(?:~|about\s+)?(?P<a>\d[\d,.]*)", text, _I)
    if uf:
        a, b = _num(uf.group("a")), _num(uf.group("b"))
        if a and b and b > a:
            return b / a, uf.group(0), "up", False
    mm = MULTIPLIER.search(text)
    if mm:
        if mm.group(1):
            r = float(mm.group(1))
        else:
            w = mm.group(2).lower()
            r = WORD_MULT.get(w, 1.5 if "third" in w else 2.0 if "half" in w else 1.33)
        if mm.group(2):
            down = bool(re.search(r"halv|third|half|quarter", mm.group(0), _I))
        else:
            near = text[max(0, mm.start() - 40):mm.start()]
            down = bool(REDUCE.search(near)) and not GROWTH.search(near.split(",")[-1])
        return r, mm.group(0), "down" if down else "up", False
    for m in re.finditer(r"(\d+(?:\.\d+)?)\s?(?:%|percent)", text, _I):
        before = text[max(0, m.start() - 60):m.start()]
        if re.search(r"\b(to|under|below|above|over|at|of|within|than)\s+$", before, _I):
            continue
        pct = float(m.group(1))
        if GROWTH.search(before):
            return 1 + pct / 100, m.group(0), "up", False
        if REDUCE.search(before) and pct < 100:
            return 1 / (1 - pct / 100), m.group(0), "down", False
    return None


def _scale_flags(g: Goal) -> list[tuple[str, int, int]]:
    text = g.text
    h = _horizon_days(g)
    flags: list[tuple[str, int, int]] = []
    if h is None:
        return flags
    r = _ratio(g)
    if r is not None:
        ratio, span_text, direction, timeish = r
        if direction == "down" and timeish:
            limits = [(10, 1.5), (40, 2.0), (100, 5.0), (400, 8.0)]
        elif direction == "down":
            limits = [(10, 1.25), (40, 1.5), (100, 3.0), (400, 3.5), (800, 6.0)]
        else:
            limits = [(10, 1.1), (40, 1.25), (100, 2.0), (400, 3.0), (800, 5.0)]
        if any(h <= days and ratio >= lim for days, lim in limits):
            i = text.find(span_text)
            flags.append((f"A {ratio:.3g}x {'increase' if direction == 'up' else 'reduction'} in about {h} days is far "
                          f"beyond ordinary business ranges.", i, i + len(span_text)))
    if h <= 62:
        for q in targets(g):
            v = q.value or 0
            after = text[q.end:q.end + 40]
            money = q.text.lstrip().startswith(("$", "€", "£")) or re.match(r"\s*(?:million|m\b|bn)", after, _I)
            if re.match(r"\s*(?:[\w-]+\s+){0,3}?(?:an?|per|each|every)\s+(?:hour|day|shift|week|month)\b|\s*/", after, _I):
                continue          # a rate, not a volume
            if (v >= 20 and VOLUME_NOUNS.search(after[:30])) or (money and v >= 1e6 and h <= 40) or \
                    (v >= 1e4 and h <= 40):
                flags.append((f"'{q.text.strip()} {after.split(',')[0].split(' by ')[0].strip()}' within about {h} days "
                              f"is a volume far beyond the time frame.", q.start, q.end))
                break
    if h <= 62 and not flags:
        lst = LIST3.search(text)
        if lst and len(g.parts) <= 1:
            flags.append((f"Several deliverables within about {h} days is far beyond the time frame.",
                          lst.start(), lst.end()))
    if h <= 100 and not flags:
        big = BIG_UNDERTAKING.search(text)
        if big:
            flags.append((f"'{big.group(0)}' within about {h} days is far beyond the time frame: it takes many months.",
                          big.start(), big.end()))
    if h <= 10:
        o = OVERNIGHT.search(text)
        scope = BIG_SCOPE.search(text)
        skills = SKILL_LIST.search(text)
        if (scope or skills or o) and not any(f for f in flags):
            m = scope or skills or o
            assert m is not None
            flags.append((f"'{m.group(0)}' within {h} day{'s' if h != 1 else ''} is far beyond the time frame.",
                          m.start(), m.end()))
    return flags


def check(g: Goal) -> CriterionResult:
    text = g.text
    problems: list[str] = []
    ev = []

    def flag(msg: str, start: int, end: int, what: str) -> None:
        problems.append(msg)
        if 0 <= start < end:
            ev.append(g.span_evidence("red_flag", "specificity", start, end, what))

    gate = BOUNDED_GATE.search(text) or (PROCESS_GATE.search(text) if g.deadlines and HUNDRED.search(text) else None)
    absolute = ABSOLUTE.search(text)
    zero = ZERO_OUTCOME.search(text)
    hundred = HUNDRED.search(text)
    if absolute and re.match(r"every\s+single", absolute.group(0), _I) and g.deadlines and \
            re.match(r"\s*(?:day|week|month|shift|quarter)\b", text[absolute.end():], _I):
        absolute = None          # a cadence with a horizon ("every single week until the end of Q4")
    if absolute and not gate:
        flag(f"'{absolute.group(0)}' is an absolute or perfect standard: a single miss fails it.",
             absolute.start(), absolute.end(), "absolute target")
    elif (zero or hundred) and not gate:
        m = zero or hundred
        assert m is not None
        flag(f"'{m.group(0)}' is a perfect target: one miss fails it, and it is rarely fully in one person's hands.",
             m.start(), m.end(), "perfect target")
    pop = PEOPLE_POPULATION.search(text) or OPEN_ALL.search(text) or EVERYONE.search(text)
    if pop and not gate and not (absolute or zero or hundred):
        flag(f"'{pop.group(0)}' covers an open population or scope: outcomes for everyone are not one person's to deliver.",
             pop.start(), pop.end(), "open scope")
    for msg, s, e in _scale_flags(g):
        flag(msg, s, e, "scale vs time")
    c = CONSTRAINT.search(text)
    if c:
        flag(f"'{c.group(0)}' removes the resources such a target needs.", c.start(), c.end(), "no capacity")
    outside = OUTSIDE_CONTROL.search(text) or NAMED_DEAL.search(text)
    rank = re.search(r"\b(the\s+best\s+\w+(?:\s+\w+)?\s+in\s+the\s+(?:company|firm|world|industry|country)|"
                     r"best\s+place\s+to\s+work|most\s+loved|market\s+leader|#\s?1|number\s+one)\b", text, _I)
    if outside:
        flag(f"'{outside.group(0)}' is decided by others (a customer, a panel, a court, the market), not by the "
             "person's own work.", outside.start(), outside.end(), "outside their control")
    elif rank:
        flag(f"'{rank.group(0)}' is a ranking that depends on others.", rank.start(), rank.end(), "outside their control")
    if len(g.parts) > 1:
        names = "; ".join(f"'{p.text}'" for p in g.parts[:5])
        problems.append(f"Several goals in one ({len(g.parts)}: {names}): each needs its own target and date.")
    details = {"red_flags": problems, "horizon_days": _horizon_days(g)}
    if problems:
        only_split = len(problems) == 1 and len(g.parts) > 1
        sugg = ("Split it into separate goals, one action each." if only_split else
                "Set a target the person controls, with room for a miss (e.g. '95% of ...'), over a realistic time frame"
                + ("; split it into separate goals." if len(g.parts) > 1 else "."))
        return CriterionResult(False, 0.2 if len(problems) == 1 else 0.0, tuple(ev), " ".join(problems), sugg,
                               details=details)
    if BASELINE.search(text) or UP_FROM.search(text):
        return CriterionResult(True, 1.0, (), "No red flags, and the goal states its starting point.", "",
                               details=details)
    return CriterionResult(True, 0.7, (), "No red flags found; no baseline is stated, so the stretch cannot be judged.",
                           "State the starting point ('from <baseline>') so the stretch can be judged.", details=details)
