"""Deadlines in goal text, resolved against a reference date.

Recognised, each resolved to the last day it allows:

- absolute dates: ISO (2027-03-31), numeric (31/03/2027, 3/31/27, 31.03.2027: day-first when
  the first number is above 12, else month-first), written ("March 31st, 2027", "31 March
  2027", "the 30th of June 2025", "Feb 1, 2027"), ranges ("14-15 May 2025": the last day);
- month and year ("by March 2027", "end of Oct 2026"), a month or a day with no year ("by
  March", "by June 30", "by 30 Nov": the next such month or day on or after the reference date);
- quarters and halves ("Q3", "Q3 2027", "Q3 FY27", "Q4 FY2025", "H2", "1H 2027", "the second
  half of 2026", "this half", "next half"), fiscal and calendar years ("FY27", "in FY2026",
  "by the end of 2026", "in 2026", "this (fiscal) year", "next year", "by year end", "EOY");
  fiscal periods are read as calendar periods (a documented limitation);
- relative ("within 6 weeks", "in the next 90 days", "over the next 12 months", "next
  quarter", "by end of next month", "this week", "by Friday", "by next Monday", "tomorrow",
  "overnight", "for the rest of the year", "mid-2027", "early 2027", "late 2026");
- seasons and holidays ("by summer", "spring 2026", "before Christmas", "by Easter", "before
  Black Friday", "before winter break", "by the end of the holiday season");
- event deadlines ("before the spring release", "by the CES deadline", "by the end of term",
  "before the Q3 board meeting", "before budburst", "before next calving", "over pre-season"):
  time-bound, but they cannot be resolved to a date;
- halves, quarters and semesters as written in Japan, Korea and Latin America ("by 2H", "end of 3Q 2025",
  "until 1S26", "1st semester 2025"), school terms ("Term 3", "Semester 2 2024"), dates written
  year first ("2025/03/31", "until 2025/3"), a year in brackets ("June 30 (2024)"), a named
  event's year ("for the 2025 season", "at the 2027 AAUT awards", "vintage 2026") and a period
  heading the goal ("2026: EBITDA ...").

A date that carries its year and follows "by", "before", "until", "due" or "end of" (``firm``)
outranks the other expressions beside it: "close the month in 4 working days - target
until end of Q1 2024" is due at the end of Q1 2024 (see :mod:`.time_bound`).

Also recognised so that they are *not* read as deadlines: start dates with no end ("starting
next week", "from Monday"), standing per-item rules ("within 72 hours of disclosure", "24h
before"), and a quarter or year used as a label ("the Q3 SOX walkthroughs", "the 2026 pay
equity audit"). They come back with ``how`` = ``"start"``, ``"standing"``, ``"threshold"`` or ``"label"`` and
``is_deadline`` False, so the time-bound check can explain why they do not count.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
MONTH_RE = (r"(jan(?:uary|urary|uray)?|feb(?:ruary|uary|urary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust|st)?|"
            r"sep(?:t(?:ember|mber)?|tmber)?|oct(?:ober|obr)?|nov(?:ember|mber)?|dec(?:ember|mber|emeber)?)\.?")
# (common misspellings are read as the month their first three letters name: "end of octobr")
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
UNIT_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365, "quarter": 91, "sprint": 14, "hour": 1 / 24,
             "business day": 1.4, "working day": 1.4, "fortnight": 14, "semester": 182, "half": 182, "season": 91}
NUMBER_WORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "eighteen": 18,
                "twenty": 20, "thirty": 30, "sixty": 60, "ninety": 90, "a couple of": 2, "a few": 3}
NUM = r"(\d+|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen|twenty|thirty|sixty|ninety|a couple of|a few)"
UNIT = r"(days?|weeks?|months?|years?|quarters?|sprints?|business days?|working days?|fortnights?|hours?|seasons?)"
PREP = r"(?:by|b4|before|in|during|until|till|through\s+to|up\s+to|in\s+the\s+run-?\s?up\s+to|through|thru|throughout|within|over|for|ahead of|prior to|no later than|on|at|across)"
EVENT_WORDS = (r"(release|launch|audit|review|conference|summit|board meeting|meeting|offsite|go-live|go live|"
               r"cutover|renewal|kickoff|kick-off|inspection|open enrol?ment|peak|busy season|deadline|filing|"
               r"exams?|test date|rollout|roll-out|migration|term|semester|school year|academic year|season|"
               r"window|period|cycle|stage|phase|push|planning|handover|hand-over|opening|launch date|"
               r"sign-off(?: date)?|round|show|expo|fair|trade show|visit|retreat|reorg|merger|close|"
               r"year-end|freeze|code freeze|go-live date|graduation|finals|milestone|board|vote|"
               r"election|survey|assessment|appraisals?|evaluation|start|starts|begins|ends|renewal date|"
               r"recess|holidays?|break|weekend|session|parliamentary\s+session|demo|fest|festival|address|"
               r"keynote|premiere|tournament|playoffs|gala|harvest|planting|midterms?|midterm elections|primaries|"
               r"inauguration|open house|showcase|hackathon|budget|budburst|bud\s?burst|calving|lambing|vintage|intake|"
               r"pre-?season|hearings?|shutdown|top(?:ping)?\s+out|wet(?=\s*(?:season\b|[.,;)]|$))|"
               r"dry(?=\s*(?:season\b|[.,;)]|$))|"
               # (tenth session, smart_i and smart_j) conferences and trade shows, sports and shopping events, a
               # trial's database lock, a season's rush, the first snow, offer day, a programme's end
               r"gamescom|kubecon|wwdc|web\s+summit|money\s?20/20|asco|neurips|icml|cvpr|re:invent|dreamforce|mwc|"
               r"prime\s+day|super\s+bowl|world\s+cup|euros|festive\s+season|(?:monsoon|summer|winter|spring|festive|holiday|"
               r"january|boxing\s+day|end[- ]of[- ]season|clearance|mid[- ]season)\s+sale|database\s+lock|lock|"
               r"anniversary\s+update|update|pilot|presentation|awards?|conferences|rush|snow|offer\s+day|"
               r"program(?:me)?|opens|reopens|finishes|week|month)")
SEASONS = {"spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11), "winter": (12, 2)}


@dataclass(frozen=True)
class Deadline:
    start: int
    end: int
    text: str
    date: dt.date | None      # None: an event deadline that cannot be resolved
    how: str                  # absolute | relative | quarter | event | start | standing | label
    dated: bool = False       # the expression carries its year ("in 2026", "Q3 FY27"; not "June 30", "within 6 weeks")
    firm: bool = False        # a dated deadline after "by", "before", "until", "due", "end of"

    @property
    def is_deadline(self) -> bool:
        return self.how not in ("start", "standing", "label", "threshold")


# ----------------------------------------------------------------------------- helpers
def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")[:3]] if name.lower().rstrip(".")[:4] != "sept" else 9


def _year(y: str | None) -> int | None:
    if not y:
        return None
    y = y.strip("'’ ")
    n = int(y)
    return n + 2000 if n < 100 else n


def _num(s: str) -> int:
    s = s.lower().strip()
    return int(s) if s.isdigit() else NUMBER_WORDS.get(s, 1)


def _end_of_month(y: int, m: int) -> dt.date:
    return dt.date(y, m, calendar.monthrange(y, m)[1])


def _end_of_quarter(year: int, q: int) -> dt.date:
    return _end_of_month(year, 3 * q)


def _end_of_half(year: int, h: int) -> dt.date:
    return dt.date(year, 6, 30) if h == 1 else dt.date(year, 12, 31)


def _quarter_of(d: dt.date) -> int:
    return (d.month - 1) // 3 + 1


def _next_month_end(month: int, today: dt.date) -> dt.date:
    year = today.year if month >= today.month else today.year + 1
    return _end_of_month(year, month)


def _next_date(month: int, day: int, today: dt.date) -> dt.date:
    try:
        d = dt.date(today.year, month, day)
    except ValueError:
        d = _end_of_month(today.year, month)
    if d >= today:
        return d
    try:
        return d.replace(year=today.year + 1)
    except ValueError:
        return _end_of_month(today.year + 1, month)


def _safe_date(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _add_days(today: dt.date, n: float) -> dt.date:
    return today + dt.timedelta(days=round(n))


def _easter(year: int) -> dt.date:
    """Western Easter Sunday (anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _thanksgiving(year: int) -> dt.date:
    first = dt.date(year, 11, 1)
    return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)


HOLIDAYS = {
    "christmas": lambda y: dt.date(y, 12, 25), "xmas": lambda y: dt.date(y, 12, 25),
    "new year": lambda y: dt.date(y, 12, 31), "halloween": lambda y: dt.date(y, 10, 31),
    "valentine": lambda y: dt.date(y, 2, 14), "easter": _easter, "thanksgiving": _thanksgiving,
    "black friday": lambda y: _thanksgiving(y) + dt.timedelta(days=1),
    "cyber monday": lambda y: _thanksgiving(y) + dt.timedelta(days=4),
    "winter break": lambda y: dt.date(y, 12, 20), "christmas break": lambda y: dt.date(y, 12, 20),
    "spring break": lambda y: dt.date(y, 3, 31), "summer break": lambda y: dt.date(y, 7, 31),
    "summer holidays": lambda y: dt.date(y, 7, 31), "the holidays": lambda y: dt.date(y, 12, 31),
    "holiday season": lambda y: dt.date(y, 12, 31), "holiday peak": lambda y: dt.date(y, 12, 31),
    "holiday rush": lambda y: dt.date(y, 12, 31), "tax day": lambda y: dt.date(y, 4, 15),
    "tax season": lambda y: dt.date(y, 4, 15), "flu season": lambda y: dt.date(y, 3, 31),
    "labor day": lambda y: _nth_weekday(y, 9, 0, 1), "labour day": lambda y: _nth_weekday(y, 9, 0, 1),
    "memorial day": lambda y: _last_weekday(y, 5, 0), "independence day": lambda y: dt.date(y, 7, 4),
    "july 4th": lambda y: dt.date(y, 7, 4), "fourth of july": lambda y: dt.date(y, 7, 4),
    "presidents": lambda y: _nth_weekday(y, 2, 0, 3), "mlk day": lambda y: _nth_weekday(y, 1, 0, 3),
    "columbus day": lambda y: _nth_weekday(y, 10, 0, 2), "veterans day": lambda y: dt.date(y, 11, 11),
    "canada day": lambda y: dt.date(y, 7, 1), "australia day": lambda y: dt.date(y, 1, 26),
    "anzac day": lambda y: dt.date(y, 4, 25), "boxing day": lambda y: dt.date(y, 12, 26),
    "waitangi day": lambda y: dt.date(y, 2, 6), "st patrick": lambda y: dt.date(y, 3, 17),
}
def _table(dates: dict[int, tuple[int, int]], shift: int = 0):
    """A holiday that moves with a lunar or lunisolar calendar: its dates by year, ``shift`` days from
    the listed one (None outside the table: read as an event that cannot be placed)."""
    return lambda y: dt.date(y, *dates[y]) + dt.timedelta(days=shift) if y in dates else None


def _on(month: int, day: int):
    """A holiday on the same day every year."""
    return lambda y: dt.date(y, month, day)


# Lunar and lunisolar holidays (dates as observed in India, the Gulf and South-East Asia; a day's
# difference between countries does not move a deadline's side of "today" in practice) and seasons
# of the tropics that work is planned around. Dates from published calendars, 2023-2030.
_DIWALI = {2023: (11, 12), 2024: (11, 1), 2025: (10, 20), 2026: (11, 8), 2027: (10, 29), 2028: (10, 17),
           2029: (11, 5), 2030: (10, 26)}
_EID_FITR = {2023: (4, 21), 2024: (4, 10), 2025: (3, 30), 2026: (3, 20), 2027: (3, 9), 2028: (2, 26),
             2029: (2, 14), 2030: (2, 4)}
_RAMADAN = {2023: (3, 23), 2024: (3, 11), 2025: (3, 1), 2026: (2, 18), 2027: (2, 8), 2028: (1, 28),
            2029: (1, 16), 2030: (1, 6)}
_EID_ADHA = {2023: (6, 28), 2024: (6, 16), 2025: (6, 6), 2026: (5, 27), 2027: (5, 16), 2028: (5, 5),
             2029: (4, 24), 2030: (4, 13)}
_LUNAR_NEW_YEAR = {2023: (1, 22), 2024: (2, 10), 2025: (1, 29), 2026: (2, 17), 2027: (2, 6), 2028: (1, 26),
                   2029: (2, 13), 2030: (2, 3)}
_HOLI = {2023: (3, 8), 2024: (3, 25), 2025: (3, 14), 2026: (3, 4), 2027: (3, 22), 2028: (3, 11), 2029: (3, 1),
         2030: (3, 20)}
_DUSSEHRA = {2023: (10, 24), 2024: (10, 12), 2025: (10, 2), 2026: (10, 20), 2027: (10, 9), 2028: (9, 27)}
_ONAM = {2023: (8, 29), 2024: (9, 15), 2025: (9, 5), 2026: (8, 26)}
_CHUSEOK = {2023: (9, 29), 2024: (9, 17), 2025: (10, 6), 2026: (9, 25), 2027: (9, 15), 2028: (10, 3),
            2029: (9, 22), 2030: (9, 12)}
_PESACH = {2023: (4, 5), 2024: (4, 22), 2025: (4, 12), 2026: (4, 1), 2027: (4, 21), 2028: (4, 10), 2029: (3, 30),
           2030: (4, 17)}
_ROSH_HASHANAH = {2023: (9, 15), 2024: (10, 2), 2025: (9, 22), 2026: (9, 11), 2027: (10, 1), 2028: (9, 20),
                  2029: (9, 9), 2030: (9, 27)}
_MATARIKI = {2022: (6, 24), 2023: (7, 14), 2024: (6, 28), 2025: (6, 20), 2026: (7, 10), 2027: (6, 25),
             2028: (7, 14), 2029: (7, 6), 2030: (6, 21)}     # New Zealand's public holiday (set by statute)


def _orthodox_easter(year: int) -> dt.date:
    """Orthodox (Julian) Easter Sunday, as a Gregorian date (1900-2099)."""
    a, b, c = year % 4, year % 7, year % 19
    d = (19 * c + 15) % 30
    e = (2 * a + 4 * b - d + 34) % 7
    month, day = divmod(d + e + 114, 31)
    return dt.date(year, month, day + 1) + dt.timedelta(days=13)
HOLIDAYS.update({
    "diwali": _table(_DIWALI), "deepavali": _table(_DIWALI), "holi": _table(_HOLI),
    "eid al-fitr": _table(_EID_FITR), "eid ul-fitr": _table(_EID_FITR), "eid": _table(_EID_FITR),
    "hari raya puasa": _table(_EID_FITR), "hari raya": _table(_EID_FITR), "lebaran": _table(_EID_FITR),
    "ramadan": _table(_RAMADAN), "ramzan": _table(_RAMADAN),
    "eid al-adha": _table(_EID_ADHA), "eid ul-adha": _table(_EID_ADHA), "bakrid": _table(_EID_ADHA),
    "hari raya haji": _table(_EID_ADHA), "hajj": _table(_EID_ADHA, -2),
    "chinese new year": _table(_LUNAR_NEW_YEAR), "lunar new year": _table(_LUNAR_NEW_YEAR),
    "tet": _table(_LUNAR_NEW_YEAR), "dussehra": _table(_DUSSEHRA), "durga puja": _table(_DUSSEHRA),
    "navratri": _table(_DUSSEHRA, -9), "onam": _table(_ONAM), "pongal": _on(1, 14), "makar sankranti": _on(1, 14),
    "songkran": _on(4, 13), "nowruz": _on(3, 20), "republic day": _on(1, 26), "madaraka day": _on(6, 1),
    "mashujaa day": _on(10, 20), "jamhuri day": _on(12, 12),
    "chuseok": _table(_CHUSEOK), "matariki": _table(_MATARIKI), "stephen's day": _on(12, 26), "stephens day": _on(12, 26),
    "heritage day": _on(9, 24), "youth day": _on(6, 16), "freedom day": _on(4, 27),
    "day of reconciliation": _on(12, 16), "golden week": _on(5, 5), "obon": _on(8, 15),
    "labour weekend": lambda y: _nth_weekday(y, 10, 0, 4),          # New Zealand: the fourth Monday of October
    "buen fin": lambda y: _nth_weekday(y, 11, 0, 3),                # Mexico: ends on Revolution Day's Monday
    "semana santa": _easter, "holy week": _easter, "carnival": lambda y: _easter(y) - dt.timedelta(days=47),
    "carnaval": lambda y: _easter(y) - dt.timedelta(days=47),
    "sham el-nessim": lambda y: _orthodox_easter(y) + dt.timedelta(days=1),
    "sham el nessim": lambda y: _orthodox_easter(y) + dt.timedelta(days=1),
    "orthodox easter": _orthodox_easter,
    "pesach": _table(_PESACH), "passover": _table(_PESACH), "rosh hashanah": _table(_ROSH_HASHANAH),
    "remembrance day": _on(11, 11), "koningsdag": _on(4, 27), "king's day": _on(4, 27), "juneteenth": _on(6, 19),
    "prime day": _on(7, 15), "super bowl": lambda y: _nth_weekday(y, 2, 6, 2),
    "victoria day": lambda y: _last_weekday(y, 5, 0) if _last_weekday(y, 5, 0).day < 25 else _last_weekday(y, 5, 0) - dt.timedelta(days=7),
    "family day": lambda y: _nth_weekday(y, 2, 0, 3), "back-to-school": _on(8, 31), "back to school": _on(8, 31),
    # seasons that start a year's work: East Africa's long (March-May) and short (October-December)
    # rains, South Asia's south-west (June) and north-east (October) monsoon
    "long rains": _on(3, 1), "short rains": _on(10, 1), "ne monsoon": _on(10, 15), "north-east monsoon": _on(10, 15),
    "northeast monsoon": _on(10, 15), "monsoon": _on(6, 1),
})


HOLIDAY_RE = (r"(christmas(?: break)?|xmas|new year(?:'s| ?s)?(?: eve| day)?|halloween|valentine(?:'s|s)?(?: day)?|"
              r"easter(?: weekend| break| holidays?)?|thanksgiving|black friday|cyber monday|winter break|"
              r"spring break|summer break|summer holidays|(?:the )?holidays|holiday (?:season|peak|rush)|"
              r"tax (?:day|season)|flu season|labou?r day|memorial day|independence day|july 4th|(?:the )?fourth of july|"
              r"presidents'? day|mlk day|columbus day|veterans'? day|canada day|australia day|anzac day|boxing day|"
              r"waitangi day|st\.? patrick'?s day|diwali|deepavali|holi|eid(?:\s+(?:al|ul)[- ](?:fitr|adha))?|"
              r"hari raya(?: puasa| haji)?|lebaran|rama[dz]an|bakrid|hajj(?: season)?|(?:chinese|lunar) new year|tet|"
              r"dussehra|durga puja|navratri|onam|pongal|makar sankranti|songkran|nowruz|republic day|madaraka day|"
              r"mashujaa day|jamhuri day|long rains|short rains|(?:sw |south-?west |ne |north-?east )?monsoon|chuseok|"
              r"matariki|(?:st\.? )?stephen'?s day|heritage day|youth day|freedom day|day of reconciliation|golden week|"
              r"obon|labour weekend|buen fin|semana santa|holy week|carnival|carnaval|sham el[- ]nessim|orthodox easter|"
              r"pesach|passover|rosh hashanah|remembrance day|koningsdag|king's day|juneteenth|prime day|"
              r"super bowl|victoria day|family day|back[- ]to[- ]school)")


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def _last_weekday(year: int, month: int, weekday: int) -> dt.date:
    last = _end_of_month(year, month)
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)


def _holiday(name: str, year: int | None, today: dt.date) -> dt.date | None:
    n = name.lower()
    key = next((k for k in sorted(HOLIDAYS, key=len, reverse=True) if re.search(rf"\b{re.escape(k)}\b", n)), None)
    if key is None:
        key = "the holidays"
    fn = HOLIDAYS[key]
    if year is not None:
        return fn(year)
    d = fn(today.year)
    return d if d is not None and d >= today else fn(today.year + 1)


def _season_end(name: str, year: int | None, today: dt.date, which: str | None = None) -> dt.date:
    first, last = SEASONS[name.lower()]
    if year is not None:
        if last < first:  # winter YYYY = Dec YYYY - Feb YYYY+1
            return _end_of_month(year + 1, last)
        return _end_of_month(year, last)
    end = _end_of_month(today.year + (1 if last < first and today.month >= first else 0), last)
    if end < today:
        end = _end_of_month(end.year + 1, last)
    if which == "next":
        # "next summer" while in summer: the one after
        start_month = first
        in_season = (today.month >= first or today.month <= last) if last < first else first <= today.month <= last
        if in_season:
            end = _end_of_month(end.year + 1, last)
        del start_month
    return end


# ----------------------------------------------------------------------------- patterns
# a turnaround for each item ("respond to all representations within 10 working days"); not a batch with
# a count or a definite set ("close all 45 findings within 30 days", "all the overdue invoices")
PER_ITEM = re.compile(rf"\b(?:respond|reply|answer|acknowledge|process|triage|approve|resolve|return|action|assess|handle|"
                      rf"review|dispatch|smoke-?test|"
                      rf"investigate|call\s+back|turn\s+around)\w*\s+(?:to\s+)?(?:all\s+(?!\d)|every\s+|each\s+|any\s+)(?!the\b|of\b|"
                      rf"remaining\b|outstanding\b|open\b|existing\b|current\b|overdue\b|backlog)[^.;:\n]{{0,60}}?(?P<span>\b(?:within|in(?:\s+under|\s+less\s+than)?)\s+"
                      rf"(?:~|about\s+)?{NUM}\s*-?\s*(?:business\s+|working\s+|calendar\s+)?(?:days?|hours?|hrs?|h|minutes?|mins?|seconds?|secs?))\b", re.I)
_F = re.I
_PATTERNS: list[tuple[re.Pattern[str], str]] = [
    # things that look like dates but are not deadlines (listed first: they win an overlap)
    (PER_ITEM, "standing"),
    (re.compile(r"\bfrom\s+(?:the\s+)?(?:next|this|coming)\s+(?:sprint|week|month|quarter|year|release)\s+on(?:wards?)?\b", _F), "start"),
    (re.compile(rf"\b(?:within|in under|in less than|under|inside)\s+(?:~|about\s+)?{NUM}\s*-?\s*{UNIT}\s+(?:of|after|from|following)\s+(?!now\b|today\b)", _F), "standing"),
    (re.compile(r"\b(?:within|in\s+under|in\s+less\s+than|under|inside)\s+(?:~|about\s+)?(?:\d+|an?|one|two|three|four|five|ten|twelve|24|48|72)\s*-?\s*(?:h|hrs?|hours?|mins?|minutes?|seconds?|secs?)\b", _F), "standing"),
    # a limit on the goal's own measure ("no patient waits more than 4 hours"): its number is a target
    (re.compile(rf"\b(?:waits?|takes?|lasts?|spends?|sits?)\s+(?:no\s+)?(?:more\s+than|longer\s+than|over|above|beyond)\s+{NUM}\s*-?\s*{UNIT}\b", _F), "threshold"),
    # a category ("interruptions over 3 hours", "patients waiting over 52 weeks"): not a deadline, not a target
    (re.compile(r"\b(?:over|longer\s+than|more\s+than|above|exceeding)\s+(?:\d+|an?|one|two|three|four|five|six|eight|twelve|24|48|72)\s*-?\s*(?:hours?|hrs?|minutes?|mins?)\b", _F), "standing"),
    (re.compile(rf"\b(?:waiting|waited|open|outstanding|older|aged|overdue)\s+(?:for\s+|than\s+)?(?:over|more\s+than|longer\s+than|beyond|>)\s+{NUM}\s*-?\s*{UNIT}\b", _F), "standing"),
    (re.compile(rf"\b(?:closed|closes|close|closing|done|completed?|resolved?|processed|turned\s+around|answered|returned|approved|paid)\s+in\s+(?:under\s+|less\s+than\s+|<\s*)?{NUM}\s*-?\s*(?:business\s+|working\s+)?(?:days?|hours?|weeks?)\b", _F), "threshold"),
    (re.compile(r"\b\d+\s*(?:h|hrs?|hours?|days?|mins?|minutes?)\s+(?:before|after|ahead)\b(?!\s+(?:the\s+)?(?:end|deadline|launch|release))", _F), "standing"),
    (re.compile(rf"\b(?:starting|beginning|commencing|effective|from|as of)\s+(?:on\s+|in\s+)?(?:the\s+)?(?:(?:this|next|coming)\s+(?:week|month|quarter|year|monday|tuesday|wednesday|thursday|friday)|today|tomorrow|now|monday|tuesday|wednesday|thursday|friday|saturday|sunday|{MONTH_RE}(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?(?:,?\s+\d{{4}})?|q[1-4](?:\s+\d{{4}})?(?!\s*(?:fy|cy))|\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?)\b", _F), "start"),
    # absolute dates
    (re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b"), "iso"),
    (re.compile(r"\b((?:19|20)\d\d)[/.](\d{1,2})[/.](\d{1,2})\b"), "iso"),                    # 2025/03/31
    (re.compile(r"\b(?:by|before|until|till|due|no\s+later\s+than)\s+((?:19|20)\d\d)/(\d{1,2})\b(?![/.]\d)", _F), "ym"),
    (re.compile(rf"\b{MONTH_RE}\s+(\d{{1,2}})(?:st|nd|rd|th)?\s*\(\s*(\d{{4}})\s*\)", _F), "mdy"),   # June 30 (2024)
    (re.compile(r"\b(\d{1,2})[/.](\d{1,2})[/.](\d{4}|\d{2})\b"), "numeric"),
    (re.compile(r"\b(\d{1,2})-(\d{1,2})-((?:19|20)\d\d)\b"), "numeric"),            # "Due: 31-12-2025"
    (re.compile(r"\b(?:by|before|until|till|due|no\s+later\s+than|on\s+or\s+before|on)\s+(?:the\s+)?(\d{1,2})/(\d{1,2})\b(?![/.]\d)(?!\s+of\b)", _F), "numeric_dm"),
    (re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?\s*[-–]\s*(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH_RE},?\s+(\d{{4}})\b", _F), "drange"),
    (re.compile(rf"\b{MONTH_RE}\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", _F), "mdy"),
    (re.compile(rf"\b(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH_RE},?\s+(\d{{4}})\b", _F), "dmy"),
    (re.compile(rf"\b(?:(?:the\s+)?(?:end|middle|mid|start|beginning)\s+of\s+|mid-?\s?|early\s+|late\s+)?{MONTH_RE},?\s+(?:of\s+)?(\d{{4}})\b", _F), "my"),
    (re.compile(rf"\b(?:(?:the\s+)?(?:end|middle|mid|start|beginning)\s+of\s+|mid-?\s?|early\s+|late\s+)?{MONTH_RE}\s*['’]\s*(\d{{2}})\b(?!\s*(?:%|percent))", _F), "my"),  # "Dec'24"
    (re.compile(rf"\b(?:(early|late|mid-?|end of|the end of|middle of|the middle of|start of|beginning of)\s*)?(\d{{4}})\s+(spring|summer|fall|autumn|winter)\b", _F), "season_year"),
    (re.compile(r"\b(spring|summer|fall|autumn|winter)(?:\s+(?:season|term|semester|quarter))?\s+(?:of\s+)?'?(\d{4}|\d{2})\b(?!\s*(?:%|percent))", _F), "season_year2"),
    (re.compile(rf"\b{MONTH_RE}\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*(?:%|percent|\d|,\s*\d{{4}}))", _F), "md"),
    (re.compile(rf"\b(?:the\s+)?(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{MONTH_RE}\b", _F), "dm"),
    (re.compile(rf"\b(?:(?:{PREP}|end of|the end of|mid-?|early|late)\s+)(?:the\s+)?(?:(?:end|middle|start|beginning)\s+of\s+)?(?:the\s+month\s+of\s+)?(?:(this|next|coming)\s+)?{MONTH_RE}\b(?!\s*\d)", _F), "month"),
    # quarters, halves, fiscal years, calendar years
    (re.compile(r"\b(q[1-4]|h[12])\s*[/-]?\s*(?:fy|cy)\s*'?(\d{4}|\d{2})\b", _F), "quarter_fy"),
    (re.compile(r"\b(?:fy|cy)\s*'?(\d{4}|\d{2})\s*[/-]?\s*(q[1-4]|h[12])\b", _F), "fy_quarter"),
    (re.compile(r"\b(q[1-4]|h[12])(?:\s*[-/']?\s*(\d{4}|\d{2}))?\b(?!\s*(?:%|percent))", _F), "quarter"),
    (re.compile(r"\b([12])h\s*'?(\d{4}|\d{2})\b", _F), "half_num"),
    (re.compile(r"(?<![\w/.])([12])H\b(?!\s*'?\d)"), "half_bare"),                     # "by 2H" (not "2h", hours)
    (re.compile(r"\b([1-4])q\s*'?((?:19|20)\d\d|\d\d)\b", _F), "quarter_num"),          # "3Q 2025", "4Q25"
    (re.compile(r"(?<![\w/.])([1-4])Q\b(?!\s*'?\d)"), "quarter_num"),
    (re.compile(r"\b(?:(1st|2nd|first|second)\s+semester|semester\s+([12]))(?:\s+(?:of\s+)?((?:19|20)\d\d))?\b", _F), "semester"),
    (re.compile(r"\b([12])S\s*'?((?:19|20)\d\d|\d\d)\b"), "semester_num"),             # "1S26": first semester 2026
    (re.compile(r"\bterm\s+([1-4])(?:\s*,?\s*((?:19|20)\d\d))?\b(?!\s*(?:%|percent|of\s+the\s+(?:contract|agreement|lease|loan)))", _F), "school_term"),
    (re.compile(r"\b(?:in|by|during|for|until|till|before|within|(?:at\s+(?:the\s+)?latest\s+)?(?:the\s+)?end\s+of)\s+(?:the\s+)?(first|second|1st|2nd)\s+half\b(?!\s+of)", _F), "half_next"),
    (re.compile(r"\b(first|second|1st|2nd|back|front)\s+half\s+(?:of\s+)?(?:(the|this|next)\s+(?:fiscal\s+|calendar\s+)?year|(?:fy\s*)?'?(\d{4}))\b", _F), "half_words"),
    (re.compile(r"\b(this|next|the\s+next|the\s+coming|coming|current)\s+half(?:[- ]year)?\b", _F), "half_rel"),
    (re.compile(r"\b(?:(?:the\s+)?end\s+of\s+|by\s+|in\s+|during\s+|through\s+|for\s+)?(?:the\s+)?(?:fy|fiscal\s+year|financial\s+year|fiscal)\s*'?(\d{4}|\d{2})(?:\s*/\s*'?\d{2,4})?\b", _F), "fy"),
    (re.compile(r"\bfy\s*(\d{2})\s*[-/]\s*(\d{2})\b", _F), "fy_span"),
    (re.compile(r"\b(?:(early|late|mid-?|end of|the end of|middle of|the middle of|start of|beginning of|before the end of)\s*)(?:the\s+year\s+)?(\d{4})\b(?!\s*(?:%|percent|[a-z]))", _F), "year_mod"),
    # holidays (before the years and events below: "before the 2024 Semana Santa shutdown")
    (re.compile(rf"\b(?:{PREP}\s+|end\s+of\s+|the\s+end\s+of\s+)(?:the\s+)?(?:end\s+of\s+(?:the\s+)?)?(?:(this|next|coming)\s+)?"
                rf"(?:(?P<pre>(?:19|20)\d\d)\s+)?{HOLIDAY_RE}(?:\s+(?:peak|rush|season|shutdown|period|trading|sale|sales|promo))*"
                rf"(?:\s+(?P<yr>(?:19|20)\d\d))?\b", _F), "holiday"),
    # a named event's year: "for the 2025 season", "at the 2027 AAUT awards", "vintage 2026", "the 2025/26 URC season"
    (re.compile(r"\b(?:for|at|in|before|by|during|until|till|ahead\s+of)\s+the\s+((?:19|20)\d\d)\s+(?:[\w'’&.-]+\s+){0,4}?"
                r"(?:awards?|world\s+cup|season|olympics|games|championships?|round|intake|vintage|harvest|conference|summit|"
                r"expo|show|cup|tournament|elections?|festival|fair|census|draft|tour|grand\s+final|final|playoffs)\b", _F), "year_event"),
    (re.compile(r"\b(harvest|intake|world\s+cup|olympics|census|season)\s+((?:19|20)\d\d)\b(?!\s*[/-]\s*\d)", _F), "event_year"),
    (re.compile(r"\b((?:19|20)\d\d)\s*[/-]\s*(\d\d)\s+(?:[A-Z][\w&]*\s+){0,2}season\b"), "season_span"),
    (re.compile(r"\b(?:by|before|until|till|through|thru|throughout|in|during|for|within|across|over|no later than|(?:time[- ]?bound|deadline|due(?:\s+date)?|timeline|target\s+date|by\s+when)\s*[:=-]|(?:every|each)\s+(?:day|week|month|quarter|sprint|shift)\s+of)\s+(?:the\s+(?:whole\s+|entire\s+|calendar\s+)?(?:year\s+)?|the\s+(?:rest|remainder)\s+of\s+|calendar\s+(?:year\s+)?)?(?:cy\s*)?(\d{4})\b(?![\w-]*\s*(?:%|percent))", _F), "year_only"),
    (re.compile(r"\b(\d{4})\s+(?:season|school year|academic year|calendar year)\b", _F), "year_season"),
    (re.compile(r"\b(?:for|in|during|over|across|throughout)\s+the\s+(?:calendar|financial|fiscal)\s+year\b(?!\s*'?\d)", _F), "this_year"),
    (re.compile(r"\b(?:within|during|over|by\s+the\s+end\s+of)\s+the\s+(quarter|month|year|week)\b(?!\s*'?\d)(?!\s+(?:of|to|before|after|ahead|ending))", _F), "this_unit"),
    (re.compile(r"\A\s*(?:(?:my\s+)?goals?\s+(?:for\s+)?)?((?:19|20)\d\d)\s*:", _F), "year_header"),    # "2026: EBITDA ..."
    # relative to today
    (re.compile(r"\b(?:(?:by|before|until|at|for|through|thru|in|over)\s+)?(?:the\s+)?(?:end|close)\s+of\s+(?:the\s+|this\s+|the\s+current\s+)?(next\s+)?(year|quarter|month|week|sprint|half|fiscal\s+year|financial\s+year|calendar\s+year|fy|fiscal|day|business\s+day|working\s+day|shift)\b(?!\s*'?\d)", _F), "end_of"),
    (re.compile(r"\b(?:by\s+|before\s+|until\s+|at\s+)?(?:the\s+)?end\s+of\s+sprint\s+\d+\b", _F), "event"),   # "end of sprint 22"
    (re.compile(r"\b(?:by|before|until|in|due)\s+(?:KW|CW|calendar\s+week)\s?(\d{1,2})\b(?:\s*[/']\s*(\d{2,4}))?"), "iso_week"),
    (re.compile(r"\b(?:by|before|until|at|through|thru|for|in|over)\s+(?:the\s+)?(?:year|quarter|month|week)[- ]end\b|\b(?:by|before|until)\s+year['’]s\s+end\b|\b(?:eo(?:y|q|m|w|d|fy))\b|\b(?:end\s+of\s+day|cob|close\s+of\s+business)\b", _F), "end_of_short"),
    (re.compile(r"\b(?:in|during|by|before|within|over|for|through|thru|throughout)?\s*(?:the\s+)?(next|this|coming|following|current|rest\s+of\s+the|remainder\s+of\s+the|whole|entire|full)\s+(week|month|quarter|qtr|year|sprint|fy|fiscal|fiscal\s+year|financial\s+year|calendar\s+year|school\s+year|academic\s+year|term|semester|cycle|season|(?:\d+|two|three|four|five|six|eight|nine|ten|twelve|eighteen|few|couple\s+of)\s+(?:days|weeks|months|quarters|years|sprints|seasons)|decade)\b", _F), "next"),
    (re.compile(r"\b(?:all|this|that)\s+(?:(?:appraisal|review|performance|planning|budget|bonus|promotion|reporting)\s+)?(year|quarter|qtr|month|week|season|term|semester|trimester|cycle|sprint|fiscal|peak|contract)(?:\s+long)?\b", _F), "this_unit"),
    (re.compile(rf"\b(?:within|in|over|inside|for|after|during)\s+(?:the\s+)?(?:next\s+|first\s+|coming\s+|following\s+)?(?:~|about\s+)?{NUM}\s*-?\s*{UNIT}\b", _F), "within"),
    (re.compile(rf"\b{NUM}\s+{UNIT}\s+from\s+(?:now|today)\b", _F), "within"),
    (re.compile(r"\b(?:by|before|until|till|on|this|next|coming)\s+(?:this\s+|next\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", _F), "weekday"),
    (re.compile(r"\b(tomorrow|tonight|overnight|today|by\s+the\s+weekend|this\s+weekend|next\s+weekend|end\s+of\s+the\s+week)\b", _F), "tomorrow"),
    (re.compile(r"\b(?:by\s+|before\s+|until\s+)?mid-?\s?(year|quarter|month)\b", _F), "mid_unit"),
    # seasons and holidays
    (re.compile(rf"\b(?:{PREP}\s+|end\s+of\s+|the\s+end\s+of\s+|this\s+|next\s+|coming\s+)(?:the\s+)?(?:end\s+of\s+(?:the\s+)?)?(?:(this|next|coming)\s+)?(spring|summer|fall|autumn|winter)\b"
                rf"(?!\s+(?:release|launch|sale|sales|collection|campaign|conference|show|fair|exams?|intake|cohort|"
                rf"catalog|catalogue|menu|edition|update|round|review|testing|planning|offsite|kickoff|go-live))", _F), "season"),
    # events: "at launch", "this busy season", "before the spring release", "by the CES deadline", "by the end of term"
    (re.compile(r"\bat\s+(?:the\s+)?(?:launch|go-?\s?live|release|opening|kick-?off)\b", _F), "event"),
    (re.compile(r"\b(?:during|this|over|through|in|for)\s+(?:the\s+)?(?:busy|peak|tax|filing|harvest|planting|calving|lambing|audit)\s+seas\w*", _F), "event"),
    (re.compile(rf"\b(?:by|b4|before|ahead\s+of|prior\s+to|in\s+time\s+for|until|till|through\s+to|in\s+the\s+run-?\s?up\s+to|through|thru|at\s+the\s+time\s+of|over(?=\s+pre-?season)|due\s*:|at(?=\s+(?:the\s+)?(?:gamescom|kubecon|wwdc|web\s+summit|money\s?20/20|asco|neurips|prime\s+day|super\s+bowl|world\s+cup|the\s+euros)\b)|on(?=\s+(?:my|our|the)\s+next\b)|(?:at|in)(?=\s+the\s+next\b)|during(?=\s+the\s+(?:\w+\s+)?(?:inspection|audit|review)\s+window))\s+(?:the\s+)?(?:end\s+of\s+(?:the\s+)?)?(?:our\s+|my\s+|their\s+|next\s+|this\s+|first\s+|upcoming\s+|coming\s+|current\s+)?(?:[\w'’.#/&+-]+\s+){{0,5}}?{EVENT_WORDS}"
                rf"(?:\s+(?:season|window|period|cycle|meeting|deadline|date|day|week|round))?\b", _F), "event"),
]


def _resolve(kind: str, m: re.Match[str], today: dt.date) -> tuple[dt.date | None, str] | None:
    g = m.groups()
    text = m.group(0).lower()
    if kind in ("standing", "start", "threshold"):
        return None, kind
    if kind == "iso":
        return _safe_date(int(g[0]), int(g[1]), int(g[2])), "absolute"
    if kind == "numeric":
        a, b, y = int(g[0]), int(g[1]), _year(g[2]) or today.year
        day, month = (a, b) if a > 12 else (b, a)
        return _safe_date(y, month, day), "absolute"
    if kind == "numeric_dm":
        a, b = int(g[0]), int(g[1])
        if max(a, b) <= 12:
            if re.match(r"(?:by|until|till)\b", text):
                return None      # "by 1/3", "by 3/4": a fraction as likely as a date
            # "ship on 7/1", "due 3/4": a date either way round; the later next occurrence
            reads = [d for d in (_safe_date(today.year, b, a), _safe_date(today.year, a, b)) if d is not None]
            if not reads:
                return None
            return max(_next_date(d.month, d.day, today) for d in reads), "absolute"
        day, month = (a, b) if a > 12 else (b, a)
        if not (1 <= month <= 12 and 1 <= day <= 31) or _safe_date(today.year, month, day) is None:
            return None
        return _next_date(month, day, today), "absolute"
    if kind == "iso_week":
        week, year = int(g[0]), _year(g[1]) if g[1] else None
        if not 1 <= week <= 53:
            return None
        y = year or today.year
        try:
            d = dt.date.fromisocalendar(y, week, 7)
        except ValueError:
            return None
        if year is None and d < today:
            d = dt.date.fromisocalendar(y + 1, min(week, 52), 7)
        return d, "absolute"
    if kind == "ym":
        month = int(g[1])
        return (_end_of_month(int(g[0]), month), "absolute") if 1 <= month <= 12 else None
    if kind == "drange":
        return _safe_date(int(g[3]), _month(g[2]), int(g[1])), "absolute"
    if kind == "mdy":
        return _safe_date(int(g[2]), _month(g[0]), int(g[1])), "absolute"
    if kind == "dmy":
        return _safe_date(int(g[2]), _month(g[1]), int(g[0])), "absolute"
    if kind == "my":
        month, year = _month(g[0]), _year(g[1])
        if re.search(r"\b(mid|middle)", text):
            return dt.date(year, month, 15), "absolute"
        if re.search(r"\b(start|beginning|early)\b", text):
            return dt.date(year, month, 10), "absolute"
        return _end_of_month(year, month), "absolute"
    if kind == "season_year":
        return _season_end(g[2], int(g[1]), today), "absolute"
    if kind == "season_year2":
        return _season_end(g[0], _year(g[1]), today), "absolute"
    if kind in ("md", "dm"):
        mon, day = (g[0], g[1]) if kind == "md" else (g[1], g[0])
        if not 1 <= int(day) <= 31:
            return None
        return _next_date(_month(mon), int(day), today), "absolute"
    if kind == "month":
        month = _month(g[1])
        d = _next_month_end(month, today)
        if g[0] and g[0].lower() == "next" and d.year == today.year and month == today.month:
            d = _end_of_month(today.year + 1, month)
        if re.search(r"\b(mid|middle)", text):
            d = d.replace(day=15)
        return d, "absolute"
    if kind in ("quarter_fy", "fy_quarter", "fy", "fy_span") and _is_label(m):
        return None, "label"
    if kind == "quarter_fy":
        y, q = _year(g[1]) or today.year, g[0].lower()
        return (_end_of_quarter(y, int(q[1])) if q[0] == "q" else _end_of_half(y, int(q[1]))), "quarter"
    if kind == "fy_quarter":
        y, q = _year(g[0]) or today.year, g[1].lower()
        return (_end_of_quarter(y, int(q[1])) if q[0] == "q" else _end_of_half(y, int(q[1]))), "quarter"
    if kind == "quarter":
        q = g[0].lower()
        year = _year(g[1])
        n = int(q[1])
        if _is_label(m):
            return None, "label"
        if q.startswith("q"):
            if year is None:
                year = today.year if _end_of_quarter(today.year, n) >= today else today.year + 1
            return _end_of_quarter(year, n), "quarter"
        if year is None:
            year = today.year if _end_of_half(today.year, n) >= today else today.year + 1
        return _end_of_half(year, n), "quarter"
    if kind == "half_num":
        return _end_of_half(_year(g[1]) or today.year, int(g[0])), "quarter"
    if kind in ("half_bare", "half_next"):
        n = 1 if g[0].lower() in ("1", "first", "1st") else 2
        year = today.year if _end_of_half(today.year, n) >= today else today.year + 1
        return _end_of_half(year, n), "quarter"
    if kind == "quarter_num":
        n, year = int(g[0]), _year(g[1]) if len(g) > 1 else None
        if year is None:
            year = today.year if _end_of_quarter(today.year, n) >= today else today.year + 1
        return _end_of_quarter(year, n), "quarter"
    if kind in ("semester", "semester_num"):
        if kind == "semester":
            n = 1 if (g[0] or "").lower() in ("1st", "first") or g[1] == "1" else 2
            year = _year(g[2])
        else:
            n, year = int(g[0]), _year(g[1])
        if year is None:
            year = today.year if _end_of_half(today.year, n) >= today else today.year + 1
        return _end_of_half(year, n), "quarter"
    if kind == "school_term":
        n, year = int(g[0]), _year(g[1])
        if year is None:
            year = today.year if _end_of_quarter(today.year, n) >= today else today.year + 1
        return _end_of_quarter(year, n), "quarter"
    if kind == "this_year":
        return dt.date(today.year, 12, 31), "relative"
    if kind == "year_header":
        return dt.date(int(g[0]), 12, 31), "absolute"
    if kind in ("year_event", "event_year"):
        y = int(g[0] if kind == "year_event" else g[1])
        month = 10 if "harvest" in text else 12
        return _end_of_month(y, month), "absolute"
    if kind == "season_span":
        return dt.date(int(g[0]) + 1, 6, 30), "absolute"
    if kind == "half_words":
        h = 1 if g[0].lower() in ("first", "1st", "front") else 2
        if g[2]:
            y = _year(g[2]) or today.year
        else:
            y = today.year + (1 if (g[1] or "").lower() == "next" else 0)
        return _end_of_half(y, h), "quarter"
    if kind == "half_rel":
        h = 1 if today.month <= 6 else 2
        if "next" in g[0].lower() or "coming" in g[0].lower():
            return (_end_of_half(today.year, 2) if h == 1 else _end_of_half(today.year + 1, 1)), "relative"
        return _end_of_half(today.year, h), "relative"
    if kind == "fy":
        return dt.date(_year(g[0]) or today.year, 12, 31), "quarter"
    if kind == "fy_span":
        return dt.date(_year(g[1]) or today.year, 12, 31), "quarter"
    if kind == "year_mod":
        y = int(g[1])
        if not 1990 <= y <= 2100:
            return None
        mod = (g[0] or "").lower()
        if "mid" in mod or "middle" in mod:
            return dt.date(y, 6, 30), "absolute"
        if "early" in mod or "start" in mod or "beginning" in mod:
            return dt.date(y, 3, 31), "absolute"
        return dt.date(y, 12, 31), "absolute"
    if kind == "year_only":
        y = int(g[0])
        if re.match(r"(?:for|of)\s+the\s+\d{4}$", text) and re.match(r"\s+(?!and\b|or\b|to\b|by\b|in\b)[a-z]",
                                                                       m.string[m.end():], re.I):
            return None, "label"
        if 1990 <= y <= 2100:
            return dt.date(y, 12, 31), "absolute"
        return None
    if kind == "year_season":
        y = int(g[0])
        return (dt.date(y, 12, 31) if 1990 <= y <= 2100 else None), "absolute"
    if kind == "end_of":
        nxt = bool(g[0])
        unit = " ".join(g[1].lower().split())
        if unit in ("fiscal year", "financial year", "calendar year", "fy", "fiscal"):
            unit = "year"
        if unit == "year":
            return dt.date(today.year + nxt, 12, 31), "relative"
        if unit == "half":
            h = 1 if today.month <= 6 else 2
            if nxt:
                return (_end_of_half(today.year, 2) if h == 1 else _end_of_half(today.year + 1, 1)), "relative"
            return _end_of_half(today.year, h), "relative"
        if unit == "quarter":
            q, y = _quarter_of(today), today.year
            if nxt:
                y, q = (y + 1, 1) if q == 4 else (y, q + 1)
            return _end_of_quarter(y, q), "relative"
        if unit == "month":
            y, mo = today.year, today.month
            if nxt:
                y, mo = (y + 1, 1) if mo == 12 else (y, mo + 1)
            return _end_of_month(y, mo), "relative"
        if unit == "week":
            return today + dt.timedelta(days=(6 - today.weekday()) + (7 if nxt else 0)), "relative"
        if unit == "sprint":
            return _add_days(today, 28 if nxt else 14), "relative"
        return _add_days(today, 1 + nxt), "relative"   # day, shift, business day
    if kind == "end_of_short":
        if "year" in text or "eoy" in text or "eofy" in text:
            return dt.date(today.year, 12, 31), "relative"
        if "quarter" in text or "eoq" in text:
            return _end_of_quarter(today.year, _quarter_of(today)), "relative"
        if "month" in text or "eom" in text:
            return _end_of_month(today.year, today.month), "relative"
        if "week" in text or "eow" in text:
            return today + dt.timedelta(days=6 - today.weekday()), "relative"
        return _add_days(today, 1), "relative"
    if kind == "next":
        which = " ".join(g[0].lower().split())
        unit = " ".join(g[1].lower().split()).replace("qtr", "quarter")
        if unit in ("term", "semester", "school year", "academic year", "cycle", "season"):
            return None, "event"
        num = re.match(r"(\d+|few|couple of|two|three|four|five|six|eight|nine|ten|twelve|eighteen) (\w+)$", unit)
        if num and num.group(2).rstrip("s") in UNIT_DAYS:
            n = _num(num.group(1).replace("couple of", "a couple of")) if not num.group(1).isdigit() else int(num.group(1))
            if num.group(1) == "few":
                n = 3
            return _add_days(today, n * UNIT_DAYS[num.group(2).rstrip("s")]), "relative"
        if unit in ("fiscal year", "financial year", "calendar year", "fy", "fiscal"):
            unit = "year"
        if unit in ("term", "semester", "school year", "academic year", "cycle", "season"):
            return None, "event"
        if unit == "decade":  # "for the rest of the decade": to the end of 2029
            return dt.date(today.year // 10 * 10 + 9 + (10 if which in ("next", "coming", "following") else 0), 12, 31), "relative"
        this = which in ("this", "current", "rest of the", "remainder of the", "whole", "entire", "full")
        if unit == "quarter":
            q, y = _quarter_of(today), today.year
            if not this:
                y, q = (y + 1, 1) if q == 4 else (y, q + 1)
            return _end_of_quarter(y, q), "relative"
        if unit == "year":
            return dt.date(today.year + (0 if this else 1), 12, 31), "relative"
        if unit == "month":
            y, mo = today.year, today.month
            if not this:
                y, mo = (y + 1, 1) if mo == 12 else (y, mo + 1)
            return _end_of_month(y, mo), "relative"
        if unit == "week":
            return today + dt.timedelta(days=(6 - today.weekday()) + (0 if this else 7)), "relative"
        if unit == "sprint":
            return _add_days(today, 14 if this else 28), "relative"
        return None
    if kind == "this_unit":
        unit = g[0].lower().replace("qtr", "quarter")
        if unit in ("season", "term", "semester", "trimester", "cycle", "peak", "contract"):
            return None, "event"
        if unit == "fiscal":
            return dt.date(today.year, 12, 31), "relative"
        if unit == "sprint":
            return _add_days(today, 14), "relative"
        if unit == "year":
            return dt.date(today.year, 12, 31), "relative"
        if unit == "quarter":
            return _end_of_quarter(today.year, _quarter_of(today)), "relative"
        if unit == "month":
            return _end_of_month(today.year, today.month), "relative"
        return today + dt.timedelta(days=6 - today.weekday()), "relative"
    if kind == "within":
        n, unit = _num(g[0]), g[1].lower()
        unit = re.sub(r"s$", "", unit)
        return _add_days(today, n * UNIT_DAYS.get(unit, 1)), "relative"
    if kind == "weekday":
        target = WEEKDAYS.index(g[0].lower())
        delta = (target - today.weekday()) % 7 or 7
        return today + dt.timedelta(days=delta), "relative"
    if kind == "tomorrow":
        if "weekend" in text or "week" in text:
            extra = 7 if "next" in text else 0
            return today + dt.timedelta(days=(6 - today.weekday()) + extra), "relative"
        return today + dt.timedelta(days=0 if text in ("today", "tonight") else 1), "relative"
    if kind == "mid_unit":
        unit = g[0].lower()
        if unit == "year":
            d = dt.date(today.year, 6, 30)
            return (d if d >= today else dt.date(today.year + 1, 6, 30)), "relative"
        if unit == "quarter":
            return _end_of_quarter(today.year, _quarter_of(today)) - dt.timedelta(days=45), "relative"
        return dt.date(today.year, today.month, 15), "relative"
    if kind == "holiday":
        year = m.group("yr") or m.group("pre")
        d = _holiday(g[2], int(year) if year else None, today)
        return (d, "absolute") if d is not None else (None, "event")
    if kind == "season":
        return _season_end(g[1], None, today, (g[0] or "").lower() or None), "absolute"
    if kind == "event":
        year = re.match(r"\s+((?:19|20)\d\d)\b", m.string[m.end():])
        if year:  # "by harvest 2024": the year after the event bounds it
            month = {"harvest": 10, "planting": 5}.get(next((w for w in ("harvest", "planting") if w in text), ""), 12)
            return _end_of_month(int(year.group(1)), month), "absolute"
        return None, "event"
    return None


def _is_label(m: re.Match[str]) -> bool:
    """'the Q3 SOX walkthroughs', 'the FY2027 operating plan': a period naming which thing,
    not when it is due (a determiner before it, no preposition, a noun after it)."""
    text = m.string
    if re.match(r"\s*(by|in|during|through|for|end|the end|until|before)\b", m.group(0), re.I):
        return False
    before = text[:m.start()].lower()
    after = text[m.end():]
    lead = re.match(r"(the|our|my|their|its)\s+", m.group(0), re.I)
    if lead:
        before = before + lead.group(0).lower()
    if not re.search(r"\b(the|our|my|their|its|this year's|last|a)\s+$", before):
        return False
    if re.search(r"\b(by|before|in|during|until|till|through|for|within|over|of|after|at|ahead of|prior to)\s+(the|our|my|their|its|this year's)\s+$", before):
        return False
    return bool(re.match(r"\s+(?!and\b|or\b|to\b|by\b|in\b)[A-Za-z]", after))


_ORDER = {kind: i for i, (_, kind) in enumerate(_PATTERNS)}
# kinds whose date does not carry a year the writer wrote (the next occurrence, or relative to today)
_FLOATING = frozenset({"md", "dm", "numeric_dm", "month", "within", "weekday", "tomorrow", "next", "this_unit", "end_of",
                       "end_of_short", "mid_unit", "season", "half_rel", "half_bare", "half_next", "this_year"})
_FIRM_LEAD = re.compile(r"\b(?:by|before|until|till|due|no\s+later\s+than|deadline|at\s+(?:the\s+)?latest|end\s+of)\b[^\w]*"
                        r"(?:\w+\s+){0,2}$", re.I)


def _dated(kind: str, text: str) -> bool:
    """The expression carries the year the writer wrote ("in 2026", "Q3 FY27", "31/12/25")."""
    return kind not in _FLOATING and bool(re.search(r"\d\d", text))


def _firm(text: str, start: int, end: int) -> bool:
    """After "by", "before", "until", "due" or "end of" (in the expression or just before it)."""
    return bool(_FIRM_LEAD.search(text[max(0, start - 24):start]) or
                re.match(r"\s*(?:by|before|until|till|due|no\s+later\s+than|(?:the\s+)?end\s+of)\b", text[start:end], re.I))


def find_time_expressions(text: str, today: dt.date) -> list[Deadline]:
    """Every time expression in ``text`` (deadlines, and the start dates, standing rules and
    labels that look like them), earlier patterns winning an overlap."""
    found: list[tuple[int, Deadline]] = []
    for order, (pattern, kind) in enumerate(_PATTERNS):
        for m in pattern.finditer(text):
            res = _resolve(kind, m, today)
            if res is None:
                continue
            date, how = res
            if date is None and how not in ("event", "start", "standing", "label", "threshold"):
                continue
            s, e = (m.start("span"), m.end("span")) if "span" in pattern.groupindex else (m.start(), m.end())
            while s < e and text[s].isspace():
                s += 1
            dated = date is not None and _dated(kind, text[s:e])
            found.append((order, Deadline(s, e, text[s:e], date, how, dated, dated and _firm(text, s, e))))
    out: list[Deadline] = []
    for _, d in sorted(found, key=lambda x: (x[0], -(x[1].end - x[1].start))):
        if any(o.start < d.end and d.start < o.end for o in out):
            continue
        out.append(d)
    return sorted(out, key=lambda d: d.start)


def find_deadlines(text: str, today: dt.date) -> list[Deadline]:
    """The deadlines in ``text`` (no start dates, standing rules or labels), in text order."""
    return [d for d in find_time_expressions(text, today) if d.is_deadline]
