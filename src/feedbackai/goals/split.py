"""Splitting a text that holds several goals into its parts.

A goal text holds several goals when it is
- a list: two or more lines starting with a bullet or a number ("- hire 6 agents"), or an
  inline enumeration ("1) ... 2) ...");
- several sentences, each with its own main action ("Ship the API by Q3. Hire two
  engineers by Q4."), unless a sentence only elaborates the one before ("Concretely: ...",
  "This means ...") or has no action of its own;
- one sentence with three or more coordinated main actions ("Open a plant, double output,
  launch 5 products and IPO the company this year"), or two joined by "and also" / "as well
  as" / "plus" / "while also".

Parts that only qualify another ("- by 31 Jan 2026", "- without losing top sellers"), the
steps after a framing colon ("This half I want to ...: get p99 under 300 ms, add synonyms and
write a runbook": several steps serving one aim; also an aim with an action before the colon,
"Launch the portal by 1 Oct: finish UAT, write the FAQ and brief the team", but not an open head,
"This quarter I need to: hire ..., launch ..."), a later sentence that is the plan for the goal
before it ("I've booked the course and we'll do two sessions a week"; not one with a deadline of
its own) and the means after "by" ("... by adding a triage nurse, piloting ... and reporting ...")
are not split off. " + " joins goals like "and". A deadline shared at the
end ("..., all before Black Friday") is repeated in every part's ``text``.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .dates import find_time_expressions

BULLET = re.compile(r"^\s*(?:[-*•·‣–>]+|\(?\d{1,2}[.)]|\(?[a-hA-H][.)])\s+")
INLINE_ENUM = re.compile(r"(?:^|(?<=\s))\(?(?:\d{1,2}|[a-h])\)\s+|(?:^|(?<=[\s;,]))(?:\d{1,2})\.\s+(?=[A-Za-z])")
ELABORATION = re.compile(r"^\s*(?:concretely|specifically|in practice|this means|that means|i\.e\.|e\.g\.|for example|"
                         r"for instance|to do this|to do that|to get there|to that end|that way|so that|which|this will|"
                         r"this should|this would|the aim|the goal|the point|because|as a result|in particular|namely|"
                         r"including|measured by|success means|success looks like|done means|by|via|through|with|without|"
                         r"while|and|or|but|then|all|each|every|in|within|before|after|until|(?:\(|\[))\b", re.I)
FRAMING = re.compile(r"\b(i want|i'd like|i would like|we need|we want|i need|i plan|we plan|my goal|our goal|the goal|"
                     r"the aim|my aim|i will|we will|i aim|we aim|focus|priority|priorities|objective|plan is|"
                     r"stop firefighting|make)\b", re.I)
# a later sentence that is the plan for the goal before it ("I've booked the course and we'll do 2 sessions a week")
PLAN = re.compile(r"^\s*(?:i'll|i\s+will|i've|i\s+have\s+booked|we'll|we\s+will|we've|i'm\s+going\s+to|i\s+am\s+going\s+to|"
                  r"(?:the\s+|my\s+|our\s+)?plan\s+is\s+to|for\s+this,?\s+(?:i|we)\b)\b", re.I)
# a plan that points back at the goal before it ("I'll do it by ...")
REFERS_BACK = re.compile(r"\b(?:it|this|that|there|to\s+do\s+(?:this|that)|to\s+get\s+there)\b", re.I)
# a head that opens a list of things to do, not an aim ("This quarter I need to:", "In 2027 I will:")
OPEN_HEAD = re.compile(r"\b(?:to|will|need\s+to|want\s+to|must|should|plan\s+to|i'll|we'll|going\s+to)\s*:\s*$", re.I)
# a header that introduces several goals ("My goals for 2026:", "Q2 priorities:")
LIST_HEADER = re.compile(r"\b(?:goals|objectives|priorities|targets|okrs|to-?dos?|list)\s*:?\s*$", re.I)
JOIN_ALSO = re.compile(r"\b(and also|also|as well as|plus|while also|and then|on top of that|in addition)\b", re.I)
MAX_PARTS = 12


@dataclass(frozen=True)
class GoalPart:
    """One goal found in a longer text: ``text[start:end]`` of the original, and ``text``
    (that span, plus a deadline shared by all the parts when there is one)."""

    start: int
    end: int
    text: str


def split_goals(text: str, nlp=None) -> list[GoalPart]:
    """The goals in ``text`` (one part when it holds a single goal).

    ``nlp`` is a spaCy pipeline with a parser (default: the default analyzer's).
    """
    from .context import parse_goal

    if nlp is None:
        from .. import default_analyzer

        nlp = default_analyzer().nlp
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    if not text.strip():
        return []
    (doc, offset), = parse_goal(nlp, [text])
    return split_doc(text, doc, offset)


# --------------------------------------------------------------------------- internals
def _deadline(chunk: str) -> bool:
    return any(d.is_deadline for d in find_time_expressions(chunk, dt.date.today()))


def _tokens(doc, offset: int, start: int, end: int):
    return [t for t in doc if start <= t.idx - offset < end and t.idx >= offset]


def _has_action(doc, offset: int, start: int, end: int) -> bool:
    from .context import GOAL_VERBS

    toks = _tokens(doc, offset, start, end)
    words = [t for t in toks if t.is_alpha]
    if not words:
        return False
    if words[0].lower_ in GOAL_VERBS or words[0].lemma_.lower() in GOAL_VERBS and words[0].tag_.startswith("VB"):
        return True
    return any(t.pos_ == "VERB" and t.dep_ not in ("amod", "compound") and t.tag_ not in ("VBN", "VBG") for t in toks)


INTENT = re.compile(r"\b(?:will|shall|must|should|would|'ll|'d|need\s+to|needs\s+to|want\s+to|wants\s+to|going\s+to|"
                    r"plan\s+to|aim\s+to|have\s+to|has\s+to|intend\s+to|let's|let\s+us)\b", re.I)


def _context(text: str, doc, offset: int, start: int, end: int) -> bool:
    """A sentence that states the situation, not an aim: a third-person subject, no intent and no deadline
    ("Our trucks wait too long at Laguna DC.", "EU regulation requires instant payments.", "My manager told me I
    am too shy with the doctors.")."""
    toks = _tokens(doc, offset, start, end)
    roots = [t for t in toks if t.dep_ == "ROOT"]
    if len(roots) != 1 or roots[0].pos_ not in ("VERB", "AUX") or roots[0].tag_ in ("VB", "MD"):
        return False
    subj = [c for c in roots[0].children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    if not subj or subj[0].lower_ in ("i", "we", "you") or subj[0].tag_ == "WP":
        return False
    chunk = text[start:end]
    return not INTENT.search(chunk) and not _deadline(chunk)


def _blocks(text: str, doc, offset: int) -> list[tuple[int, int]]:
    """Line, enumeration or sentence blocks, as (start, end) character spans."""
    lines = []
    pos = 0
    for line in text.splitlines(keepends=True):
        lines.append((pos, pos + len(line.rstrip("\r\n"))))
        pos += len(line)
    lines = [(a, b) for a, b in lines if text[a:b].strip()]
    bulleted = [ab for ab in lines if BULLET.match(text[ab[0]:ab[1]])]
    if len(bulleted) >= 2 or (len(lines) >= 2 and all(len(text[a:b].split()) <= 12 for a, b in lines)):
        out = []
        for a, b in lines:
            m = BULLET.match(text[a:b])
            out.append((a + (m.end() if m else 0), b))
        return out
    enum = list(INLINE_ENUM.finditer(text))
    if len(enum) >= 2 and re.search(r"\b(?:by|through|via|with|including|namely)\s*$", text[:enum[0].start()], re.I):
        enum = []                # the means of one aim: "Reach BRL 1.2bn in 2026 by (a) opening 2 DCs and (b) ..."
    if len(enum) >= 2:
        cuts = [m.start() for m in enum]
        spans = []
        if text[:cuts[0]].strip():
            spans.append((0, cuts[0]))
        for i, m in enumerate(enum):
            spans.append((m.end(), cuts[i + 1] if i + 1 < len(cuts) else len(text)))
        return spans
    spans = []
    for s in doc.sents:
        a, b = max(0, s.start_char - offset), max(0, s.end_char - offset)
        if b > a and text[a:b].strip():
            spans.append((a, b))
    return spans or [(0, len(text))]


def _merge(text: str, doc, offset: int, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Attach blocks with no action of their own, or that only elaborate, to their neighbour."""
    out: list[list[int]] = []
    framed = False      # an aim ending with a colon: the blocks after it are its steps
    for a, b in spans:
        chunk = text[a:b]
        own = _has_action(doc, offset, a, b) and not ELABORATION.match(chunk) and len(chunk.split()) >= 2 and \
            not (len(spans) > 1 and _context(text, doc, offset, a, b))
        own = own and not (out and PLAN.match(chunk) and not JOIN_ALSO.search(chunk) and
                           (REFERS_BACK.search(chunk) or not _deadline(chunk)))
        if out and (not own or framed):
            out[-1][1] = b
        elif out and re.search(r":\s*$", text[out[-1][0]:out[-1][1]]):
            out[-1][1] = b
        else:
            out.append([a, b])
            head = chunk.rstrip()
            framed = head.endswith(":") and _has_action(doc, offset, a, a + len(head) - 1) and \
                not LIST_HEADER.search(head) and not OPEN_HEAD.search(head)
    # a leading block with no action (e.g. "- 12 new logos") joins the next one
    merged: list[list[int]] = []
    pending = None
    for a, b in out:
        if pending is not None:
            a = pending
            pending = None
        if (not _has_action(doc, offset, a, b) or (len(out) > 1 and _context(text, doc, offset, a, b))) \
                and (a, b) != (out[-1][0], out[-1][1]):
            pending = a
            continue
        merged.append([a, b])
    if pending is not None:
        if merged:
            merged[-1][1] = out[-1][1]
        else:
            merged.append([pending, out[-1][1]])
    return [(a, b) for a, b in merged]


CUT = re.compile(r"(?:\s*[,;]\s*(?:and\s+(?:also\s+)?|then\s+|also\s+|plus\s+)?|\s+and\s+(?:also\s+|then\s+)?|"
                 r"\s+as\s+well\s+as\s+|\s+plus\s+|\s+\+\s+|\s+while\s+also\s+|\s+also\s+)"
                 r"(?=(?:(?:maybe|possibly|perhaps|try\s+to|try\s+and|also|then|to)\s+)*([A-Za-z][\w-]*))", re.I)
MEANS = re.compile(r"\b(?:by|through|via|without|while)\s+\w+ing\b|\bso\s+(?:that\s+)?\w+", re.I)


def _verb_at(doc, offset: int, pos: int, word: str, after_while: bool) -> bool:
    from .context import GOAL_VERBS

    w = word.lower()
    if after_while and w.endswith("ing"):
        return True
    if w in GOAL_VERBS:
        tok = next((t for t in doc if t.idx - offset == pos), None)
        # a known verb, unless the parse clearly reads it as a noun after a determiner
        return tok is None or not (tok.pos_ in ("NOUN", "PROPN") and tok.i > 0 and doc[tok.i - 1].pos_ == "DET")
    return False


def _clauses(text: str, doc, offset: int, a: int, b: int) -> list[tuple[int, int]]:
    block = text[a:b]
    colon = block.find(":")
    if colon > 0 and (FRAMING.search(block[:colon]) or (
            len(block[:colon].split()) >= 3 and _has_action(doc, offset, a, a + colon) and
            not LIST_HEADER.search(block[:colon]) and not OPEN_HEAD.search(block[:colon + 1]) and
            not JOIN_ALSO.search(block[colon:]))):
        return [(a, b)]        # "I want to X: step, step and step", "Launch X by 1 Oct: step, step" serve one aim
    means = MEANS.search(block)
    limit = a + means.start() if means else b
    cuts: list[tuple[int, int, str]] = []   # (end of previous clause, start of next, joiner)
    gerunds = False
    for m in CUT.finditer(block):
        pos = a + m.end()
        if pos >= limit:
            break
        gerunds = gerunds or "while" in m.group(0).lower()
        word_pos = a + m.start(1)
        prev_start = cuts[-1][1] if cuts else a
        if len(text[prev_start:a + m.start()].split()) < 2:
            continue          # "Audit and fix all 404s": two verbs sharing one object
        if _verb_at(doc, offset, word_pos, m.group(1), gerunds):
            cuts.append((a + m.start(), pos, m.group(0)))
    first_word = re.match(r"\s*([A-Za-z][\w-]*)", block)
    if not cuts or not first_word:
        return [(a, b)]
    if len(cuts) == 1 and not re.search(r"\bwhile\s+also\b", cuts[0][2], re.I):
        return [(a, b)]
    spans, s = [], a
    for end_prev, start_next, _ in cuts:
        spans.append((s, end_prev))
        s = start_next
    spans.append((s, b))
    return [(x, y) for x, y in spans if text[x:y].strip()]


# a SMART template filled in ("S: monthly close. M: books closed in 5 days. A: ... R: ... T: by FY25", or
# "Specific: ... Measurable: ..."): one goal described criterion by criterion, not several goals
SMART_TEMPLATE = re.compile(r"(?:^|[\s.;])(?:S|M|A|R|T|Specific|Measurable|Achievable|Attainable|Relevant|Realistic|"
                            r"Time-?bound|Timely)\s*:", re.I)


# a goal form filled in: an objective and its key results ("O: ... KR1: ... KR2: ..."), a development-plan entry
# ("Development area: ... Action: ... Support needed: ... Review date: ..."), an export row ("Goal: ... | Measure: ...
# | Due: ..."): one goal and its fields, not several goals (2026-11-27, tenth session, from smart_g, smart_i, smart_j)
FORM_FIELD = re.compile(r"(?:^|\n|\|\s*|[.;]\s+)\s*(O|Objective|KR\s?\d*|Key\s+results?\s*\d*|Goal|Measures?|Measurement|"
                        r"Metric|KPI|Target|Due(?:\s+date)?|Deadline|Timeline|Period|Review\s+date|Development\s+area|"
                        r"Actions?|Support(?:\s+needed)?|Epic|Live\s+for|Success\s+criteria|Baseline)\s*:", re.I)


def _form(text: str) -> bool:
    labels = {re.sub(r"\s*\d+$|s$", "", re.sub(r"\s+", " ", m.group(1).lower())) for m in FORM_FIELD.finditer(text)}
    labels = {"kr" if lab.startswith(("kr", "key result")) else lab for lab in labels}
    return len(labels) >= 2


def split_doc(text: str, doc, offset: int = 0) -> list[GoalPart]:
    """Parts of ``text`` from its parse (``doc`` parsed from ``text`` behind ``offset`` characters)."""
    if len(SMART_TEMPLATE.findall(text)) >= 3 or _form(text):
        t = text.strip()
        s = text.find(t) if t else 0
        return [GoalPart(s, s + len(t), t)] if t else []
    spans = _merge(text, doc, offset, _blocks(text, doc, offset))
    parts: list[tuple[int, int]] = []
    for a, b in spans:
        parts.extend(_clauses(text, doc, offset, a, b))
    parts = [(a, b) for a, b in parts if text[a:b].strip()][:MAX_PARTS]
    if len(parts) <= 1:
        t = text.strip()
        s = text.find(t) if t else 0
        return [GoalPart(s, s + len(t), t)] if t else []
    out = []
    clean = []
    for a, b in parts:
        seg = text[a:b]
        lead = len(seg) - len(seg.lstrip())
        seg = seg.strip().rstrip(" .;,")
        clean.append((a + lead, a + lead + len(seg)))
    shared = ""
    last = text[clean[-1][0]:clean[-1][1]]
    times = [d for d in find_time_expressions(last, dt.date.today()) if d.is_deadline]
    if times and len(last) - times[-1].end <= 2 and \
            not any(find_time_expressions(text[a:b], dt.date.today()) for a, b in clean[:-1]):
        tail_start = times[-1].start
        m = re.search(r"(?:,\s*)?(?:all\s+)?(?:\b(?:by|before|within|in|during|until|through|over|for|at)\s+(?:the\s+)?)?$",
                      last[:tail_start])
        if m is not None:
            tail_start = m.start()
        shared = " " + re.sub(r"^[,\s]*(?:all\s+)?", "", last[tail_start:]).rstrip(" .")
    for i, (a, b) in enumerate(clean):
        t = text[a:b]
        if shared and i < len(clean) - 1:
            t = t + shared
        out.append(GoalPart(a, b, " ".join(t.split())))
    return out
