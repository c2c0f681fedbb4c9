"""Deadlines in goal text, resolved against a reference date.

Recognised: ISO dates (2027-03-31), numeric dates (31/03/2027, 3/31/27: day-first when the
first number is above 12, else month-first), "March 31st, 2027", "31 March 2027", "March
2027", "by March 31" (the next such day), quarters and halves ("Q3", "Q3 2027", "Q3 FY27",
"H2"), fiscal years ("FY27"; fiscal = calendar year), "end of (the) year/quarter/month",
"year end", "EOY", "next week/month/quarter/year", "this quarter/month/year", "within / in
(the next) N days/weeks/months/years", weekdays ("by Friday"), and event deadlines ("before
the spring release"), which are time-bound but cannot be resolved to a date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
MONTH_RE = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365, "quarter": 91, "sprint": 14}
EVENT_WORDS = r"(release|launch|audit|review|conference|season|summit|board meeting|offsite|go-live|go live|cutover|renewal|kickoff|kick-off|close|inspection|open enrol?ment|holidays|peak|busy season|deadline|filing|exam|rollout|roll-out|migration|term|semester|school year)"


@dataclass(frozen=True)
class Deadline:
    start: int
    end: int
    text: str
    date: dt.date | None      # None: an event deadline that cannot be resolved
    how: str                  # absolute | relative | quarter | event


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")[:3]]


def _year(y: str | None, today: dt.date) -> int | None:
    if not y:
        return None
    y = y.strip("'")
    n = int(y)
    return n + 2000 if n < 100 else n


def _end_of_quarter(year: int, q: int) -> dt.date:
    month = 3 * q
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _next_date(month: int, day: int, today: dt.date) -> dt.date:
    try:
        d = dt.date(today.year, month, day)
    except ValueError:
        return dt.date(today.year, month, calendar.monthrange(today.year, month)[1])
    return d if d >= today else d.replace(year=today.year + 1)


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _add_days(today: dt.date, n: float) -> dt.date:
    return today + dt.timedelta(days=round(n))


_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b"), "iso"),
    (re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})\b"), "numeric"),
    (re.compile(rf"\b{MONTH_RE}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I), "mdy"),
    (re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH_RE},?\s+(\d{{4}})\b", re.I), "dmy"),
    (re.compile(rf"\b{MONTH_RE},?\s+(\d{{4}})\b", re.I), "my"),
    (re.compile(rf"\b{MONTH_RE}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*(?:%|percent))", re.I), "md"),
    (re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH_RE}\b", re.I), "dm"),
    (re.compile(r"\b(?:end of |by |before |in |during |until |through )(?:the )?(?:month of )?" + MONTH_RE + r"\b(?!\s*\d)", re.I), "month"),
    (re.compile(r"\b(?:by |before |in |during |until |through |end of |within )?(?:the )?(?:end of )?\b(q[1-4]|h[12])\b(?:[\s-]*(?:fy)?\s*'?(\d{4}|\d{2}))?", re.I), "quarter"),
    (re.compile(r"\bfy\s*'?(\d{4}|\d{2})\b", re.I), "fy"),
    (re.compile(r"\b(?:by |before |until |at )?(?:the )?(?:end of (?:the |this )?(year|quarter|month|week|sprint|term|semester|fiscal year)|(?:year|quarter|month)[- ]end|eo(y|q|m|w))\b", re.I), "end_of"),
    (re.compile(r"\b(?:in |during |by |before |within |over |for )?(?:the )?(next|this|coming|following) (week|month|quarter|year|sprint|fiscal year|(?:\d+|two|three|four|six|twelve) (?:days|weeks|months|quarters|years))\b", re.I), "next"),
    (re.compile(r"\b(?:within|in|over|inside|for)\s+(?:the\s+)?(?:next\s+|first\s+)?(\d+|a|one|two|three|four|five|six|seven|eight|nine|ten|twelve|eighteen|ninety)\s+(days?|weeks?|months?|quarters?|years?|sprints?)\b", re.I), "within"),
    (re.compile(r"\b(?:by|before|until|on|this|next)\s+(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I), "weekday"),
    (re.compile(r"\b(?:by|before|ahead of|prior to|in time for)\s+(?:the\s+|our\s+|next\s+)?(?:[\w'-]+\s+){0,3}?" + EVENT_WORDS + r"\b", re.I), "event"),
    (re.compile(r"\b(?:by|before|until)\s+(?:the\s+)?(\d{4})\b"), "year_only"),
    (re.compile(r"\bin\s+(\d{4})\b"), "year_only"),
]
NUMBER_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "twelve": 12, "eighteen": 18, "ninety": 90}


def _resolve(kind: str, m: re.Match[str], today: dt.date) -> tuple[dt.date | None, str] | None:
    g = m.groups()
    if kind == "iso":
        return _safe_date(int(g[0]), int(g[1]), int(g[2])), "absolute"
    if kind == "numeric":
        a, b, y = int(g[0]), int(g[1]), _year(g[2], today) or today.year
        day, month = (a, b) if a > 12 else (b, a)
        return _safe_date(y, month, day), "absolute"
    if kind == "mdy":
        return _safe_date(int(g[2]), _month(g[0]), int(g[1])), "absolute"
    if kind == "dmy":
        return _safe_date(int(g[2]), _month(g[1]), int(g[0])), "absolute"
    if kind == "my":
        month, year = _month(g[0]), int(g[1])
        return dt.date(year, month, calendar.monthrange(year, month)[1]), "absolute"
    if kind in ("md", "dm"):
        mon, day = (g[0], g[1]) if kind == "md" else (g[1], g[0])
        return _next_date(_month(mon), int(day), today), "absolute"
    if kind == "month":
        month = _month(g[0])
        year = today.year if month >= today.month else today.year + 1
        return dt.date(year, month, calendar.monthrange(year, month)[1]), "absolute"
    if kind == "quarter":
        q = g[0].lower()
        year = _year(g[1], today)
        if q.startswith("q"):
            n = int(q[1])
            year = year or (today.year if _end_of_quarter(today.year, n) >= today else today.year + 1)
            return _end_of_quarter(year, n), "quarter"
        n = int(q[1])
        year = year or (today.year if (n == 2 or today.month <= 6) else today.year + 1)
        return dt.date(year, 6 if n == 1 else 12, 30 if n == 1 else 31), "quarter"
    if kind == "fy":
        return dt.date(_year(g[0], today) or today.year, 12, 31), "quarter"
    if kind == "end_of":
        unit = (g[0] or {"y": "year", "q": "quarter", "m": "month", "w": "week"}.get((g[1] or "").lower(), "")).lower()
        if not unit:
            unit = m.group(0).lower().split("-")[0].split()[-1]
            unit = unit if unit in ("year", "quarter", "month") else "year"
        if unit in ("year", "fiscal year", "semester", "term"):
            return dt.date(today.year, 12, 31), "relative"
        if unit == "quarter":
            return _end_of_quarter(today.year, (today.month - 1) // 3 + 1), "relative"
        if unit == "month":
            return dt.date(today.year, today.month, calendar.monthrange(today.year, today.month)[1]), "relative"
        return _add_days(today, 7 if unit == "week" else 14), "relative"
    if kind == "next":
        which, unit = g[0].lower(), g[1].lower()
        num = re.match(r"(\d+|\w+) (\w+)", unit)
        if num and num.group(2).rstrip("s") in UNIT_DAYS:
            n = int(num.group(1)) if num.group(1).isdigit() else NUMBER_WORDS.get(num.group(1), 1)
            return _add_days(today, n * UNIT_DAYS[num.group(2).rstrip("s")]), "relative"
        unit = "year" if unit == "fiscal year" else unit
        if which == "this":
            if unit == "quarter":
                return _end_of_quarter(today.year, (today.month - 1) // 3 + 1), "relative"
            if unit == "year":
                return dt.date(today.year, 12, 31), "relative"
            if unit == "month":
                return dt.date(today.year, today.month, calendar.monthrange(today.year, today.month)[1]), "relative"
            return _add_days(today, 7), "relative"
        if unit == "quarter":
            q = (today.month - 1) // 3 + 1
            y, q = (today.year + 1, 1) if q == 4 else (today.year, q + 1)
            return _end_of_quarter(y, q), "relative"
        if unit == "year":
            return dt.date(today.year + 1, 12, 31), "relative"
        if unit == "month":
            y, mo = (today.year + 1, 1) if today.month == 12 else (today.year, today.month + 1)
            return dt.date(y, mo, calendar.monthrange(y, mo)[1]), "relative"
        return _add_days(today, 2 * UNIT_DAYS.get(unit, 7)), "relative"
    if kind == "within":
        n = int(g[0]) if g[0].isdigit() else NUMBER_WORDS.get(g[0].lower(), 1)
        return _add_days(today, n * UNIT_DAYS[g[1].lower().rstrip("s")]), "relative"
    if kind == "weekday":
        target = WEEKDAYS.index(g[0].lower())
        delta = (target - today.weekday()) % 7 or 7
        return today + dt.timedelta(days=delta), "relative"
    if kind == "event":
        return None, "event"
    if kind == "year_only":
        y = int(g[0])
        if 1990 <= y <= 2100:
            return dt.date(y, 12, 31), "absolute"
        return None
    return None


def find_deadlines(text: str, today: dt.date) -> list[Deadline]:
    """Every deadline in ``text``, longest first where two overlap."""
    found: list[Deadline] = []
    for pattern, kind in _PATTERNS:
        for m in pattern.finditer(text):
            res = _resolve(kind, m, today)
            if res is None:
                continue
            date, how = res
            if date is None and how != "event":
                continue
            found.append(Deadline(m.start(), m.end(), m.group(0), date, how))
    # patterns are listed most precise first: an earlier pattern's match wins an overlap
    out: list[Deadline] = []
    for d in found:
        if any(o.start <= d.start < o.end or d.start <= o.start < d.end for o in out):
            continue
        out.append(d)
    return sorted(out, key=lambda d: d.start)
