"""Evidence extraction: the spans that make a comment specific or actionable.

Reads one parsed spaCy ``Doc`` and returns :class:`~feedbackai.types.Evidence` spans.
Specificity kinds: ``metric`` (numbers with units, percentages, money, counts),
``date`` (dates and times precise enough to find the instance), ``entity`` (named
people, organisations, products, events, places), ``project`` (named projects, tools,
ticket ids), ``action`` (concrete verbs with their objects), ``outcome`` (results and
impact: "which cut ...", "so that ..."), ``example`` ("for example", "in the ... meeting").
Actionability kinds: ``imperative``, ``suggestion`` (modals and suggestion verbs),
``question`` ("Could you try ...?"), ``next_step`` (what the manager will do),
``timing`` ("next quarter", "before each ...", "starting Monday"), ``resource``
(courses, mentors, named owners).
"""

from __future__ import annotations

import re
from typing import Iterable

from spacy.tokens import Doc, Span, Token

from .types import Evidence

MONTHS = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
}
WEEKDAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
            "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun"}
PRECISE_DATE_WORDS = MONTHS | WEEKDAYS | {"quarter", "q1", "q2", "q3", "q4", "h1", "h2",
                                          "yesterday", "week", "sprint", "shift", "morning",
                                          "night", "weekend", "fy"}
# Verbs too light or too vague to make a statement concrete on their own.
VAGUE_VERBS = {
    "be", "have", "do", "make", "get", "go", "work", "help", "improve", "handle", "try",
    "keep", "continue", "need", "seem", "feel", "think", "show", "demonstrate", "know",
    "bring", "take", "give", "put", "want", "like", "love", "appreciate", "see", "look",
    "become", "remain", "stay", "let", "say", "tell", "focus", "strive", "aim", "use",
}
OUTCOME_VERBS = {
    "reduce", "cut", "increase", "raise", "grow", "save", "lower", "decrease", "boost",
    "shorten", "double", "triple", "halve", "eliminate", "prevent", "avoid", "recover",
    "lift", "drop", "improve", "speed", "accelerate", "exceed", "beat", "generate", "win",
}
OUTCOME_CUES = (
    ("so", "that"), ("which", "cut"), ("which", "meant"), ("which", "led"),
    ("which", "saved"), ("which", "reduced"), ("which", "let"), ("which", "allowed"),
    ("resulting", "in"), ("resulted", "in"), ("as", "a", "result"), ("led", "to"),
    ("leading", "to"), ("thanks", "to"), ("because", "of"), ("which", "brought"),
    ("which", "helped"), ("which", "kept"), ("which", "got"), ("which", "made"),
)
EXAMPLE_CUES = (("for", "example"), ("for", "instance"), ("e.g.",), ("eg",), ("such", "as"),
                ("like", "when"), ("case", "in", "point"))
EVENT_NOUNS = {
    "meeting", "review", "call", "standup", "stand-up", "presentation", "demo", "retro",
    "retrospective", "workshop", "session", "interview", "audit", "launch", "release",
    "outage", "incident", "visit", "inspection", "handover", "round", "rounds", "shift",
    "pitch", "offsite", "conference", "migration", "rollout", "deadline", "negotiation",
    "escalation", "lesson", "observation", "rush", "sale", "event", "trial", "hearing",
}
SUGGESTION_VERBS = {"consider", "recommend", "suggest", "encourage", "urge", "advise", "invite"}
STRONG_MODALS = {"should", "must", "ought", "need", "needs", "have", "has"}
SOFT_MODALS = {"could", "might", "can", "may"}
RESOURCE_NOUNS = {
    "course", "training", "workshop", "certification", "mentor", "mentoring", "coach",
    "coaching", "book", "program", "programme", "class", "seminar", "module", "guild",
    "checklist", "template", "playbook", "runbook", "tutorial", "bootcamp", "cohort",
    "buddy", "shadowing", "portal", "webinar", "conference", "toastmasters",
}
RESOURCE_VERBS = {"pair", "shadow", "ask", "meet", "sync", "check", "partner", "consult",
                  "talk", "work", "escalate", "loop", "join", "enrol", "enroll", "attend", "sign"}
TIMING_STARTS = {"before", "after", "by", "starting", "from", "within", "until", "during",
                 "next", "every", "each", "weekly", "monthly", "daily", "quarterly", "biweekly",
                 "fortnightly", "tomorrow", "going", "beginning", "ahead", "in"}
# Verbs whose base form is also their past form: a sentence-initial "Cut the backlog ...,
# which ..." in a review is usually a past achievement, not an instruction.
SAME_PAST = {"cut", "set", "put", "hit", "let", "shut", "spread", "cost", "quit", "upset", "beat",
             "read", "run", "lead", "win", "build", "split", "broadcast"}
GENERIC_OBJECTS = {"it", "this", "that", "up", "work", "job", "things", "stuff", "everything"}
PERSON_SUBJECTS = {"he", "she", "they", "you", "i", "we"}
RATING_RE = re.compile(r"^\d+\s*(/|out of)\s*\d+$")
MONTHS_WEEKDAYS = MONTHS | WEEKDAYS
CODE_RE = re.compile(r"^(?=.*\d)(?=.*[A-Za-z])[A-Za-z0-9][A-Za-z0-9_.#/-]*$|^[A-Z]{2,}-\d+$")

DESCRIBE = {
    "metric": "mentions a measurable result or count",
    "date": "says when it happened",
    "entity": "names who or what was involved",
    "project": "names a project, tool or item",
    "action": "describes a concrete action",
    "outcome": "states the outcome or impact",
    "example": "gives an example",
    "imperative": "tells the person what to do",
    "suggestion": "makes a suggestion",
    "question": "proposes an action as a question",
    "next_step": "commits to a next step",
    "timing": "says when or how often",
    "resource": "names a resource, person or owner to work with",
}


def _ev(kind: str, target: str, doc: Doc, start_tok: int, end_tok: int, weight: float) -> Evidence:
    span = doc[start_tok:end_tok]
    s, e = span.start_char, span.end_char
    if e > s:
        # span.text == doc.text[s:e], without rebuilding the whole text (Doc.text joins every token)
        text = span.text
        k = e - s
        # strip trailing punctuation / whitespace from the span
        while k > 0 and (text[k - 1].isspace() or text[k - 1] in ",;:"):
            k -= 1
        return Evidence(kind=kind, target=target, start=s, end=s + k, text=text[:k],
                        description=DESCRIBE[kind], weight=weight)
    text = doc.text
    return Evidence(kind=kind, target=target, start=s, end=e, text=text[s:e],
                    description=DESCRIBE[kind], weight=weight)


def _match_seq(tokens: list[Token], i: int, seq: tuple[str, ...]) -> bool:
    if i + len(seq) > len(tokens):
        return False
    return all(tokens[i + k].lower_ == w for k, w in enumerate(seq))


def _by_first_word(cues: tuple[tuple[str, ...], ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Cues grouped by their first word, in their original order: only the cues starting
    with a token's word can match there, so the first match found is the same."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for cue in cues:
        out.setdefault(cue[0], []).append(cue)
    return {w: tuple(cs) for w, cs in out.items()}


def _clause_end(tok: Token, limit: int = 12) -> int:
    """End (exclusive token index) of a token's subtree, capped at ``limit`` tokens."""
    end = tok.right_edge.i + 1
    sent_end = tok.sent.end
    return min(end, sent_end, tok.i + limit)


def _is_version_number(tok: Token) -> bool:
    """'Python 3', 'React 18', 'Windows 11': a number naming a version, not a result."""
    prev = tok.nbor(-1) if tok.i > tok.sent.start else None
    return bool(prev is not None and prev.pos_ == "PROPN" and prev.ent_type_ not in ("MONEY",)
                and tok.ent_type_ not in ("PERCENT", "MONEY", "QUANTITY", "DATE", "TIME")
                and prev.text[:1].isupper() and not prev.like_num)


def _is_rating(span: Span) -> bool:
    txt = span.text.lower()
    if RATING_RE.match(txt.strip()):
        return True
    # "gives 110%" is a cliché, not a measure
    if "%" in txt:
        nums = [float(t.text.replace(",", "")) for t in span if t.like_num and t.text.replace(",", "").replace(".", "", 1).isdigit()]
        if nums and nums[0] > 100 and span.root.head.lemma_ in ("give", "put"):
            return True
    return False


def _metric_evidence(doc: Doc) -> Iterable[Evidence]:
    used: set[int] = set()
    for ent in doc.ents:
        if ent.label_ in ("PERCENT", "MONEY", "QUANTITY"):
            if _is_rating(ent):
                continue
            used.update(range(ent.start, ent.end))
            yield _ev("metric", "specificity", doc, ent.start, ent.end, 1.5)
    for tok in doc:
        if tok.i in used or not tok.like_num or tok.ent_type_ in ("DATE", "TIME", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"):
            continue
        if RATING_RE.match(tok.text):
            continue  # "10/10"
        if _is_version_number(tok):
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and nxt.lower_ in ("/", "out") and tok.i + 2 < len(doc):
            continue  # 10/10, 9 out of 10
        prev = doc[tok.i - 1] if tok.i > 0 else None
        if prev is not None and prev.lower_ in ("/", "of") and tok.i >= 2 and doc[tok.i - 2].like_num:
            continue
        head = tok.head
        if tok.dep_ in ("nummod", "quantmod", "compound") and head.pos_ in ("NOUN", "PROPN"):
            used.update((tok.i, head.i))
            lo, hi = min(tok.i, head.i), max(tok.i, head.i) + 1
            yield _ev("metric", "specificity", doc, lo, hi, 1.2)
        elif tok.dep_ in ("pobj", "dobj", "attr", "npadvmod", "conj") or head.lower_ in ("from", "to", "by"):
            used.add(tok.i)
            yield _ev("metric", "specificity", doc, tok.i, tok.i + 1, 1.0)


def _date_evidence(doc: Doc) -> Iterable[Evidence]:
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        words = {t.lower_.strip(".") for t in ent}
        has_digit = any(ch.isdigit() for ch in ent.text)
        first = doc[ent.start - 1].lower_ if ent.start > 0 else ""
        if first == "since" and has_digit and len(ent) == 1:
            continue  # "since 2019": tenure, not an instance
        if has_digit or words & PRECISE_DATE_WORDS:
            yield _ev("date", "specificity", doc, ent.start, ent.end, 1.0)


def _is_subject_name(tok: Token) -> bool:
    return tok.dep_ in ("nsubj", "nsubjpass", "npadvmod") or tok.i == tok.sent.start


def _entity_evidence(doc: Doc) -> Iterable[Evidence]:
    for ent in doc.ents:
        if len(ent) == 1 and ent.root.pos_ == "PROPN" and ent.root.dep_ in ("nsubj", "nsubjpass", "poss"):
            continue  # the reviewee's name, whatever label the small model gives it
        if ent.label_ in ("ORG", "PRODUCT", "EVENT", "WORK_OF_ART", "FAC", "LAW", "GPE", "LOC"):
            yield _ev("entity", "specificity", doc, ent.start, ent.end, 0.8)
        elif ent.label_ == "PERSON" and not _is_subject_name(ent.root):
            yield _ev("entity", "specificity", doc, ent.start, ent.end, 0.6)


def _project_evidence(doc: Doc) -> Iterable[Evidence]:
    i = 0
    n = len(doc)
    while i < n:
        tok = doc[i]
        code = bool(CODE_RE.match(tok.text)) and not tok.ent_type_ and not tok.like_num
        propn = (tok.pos_ == "PROPN" and not tok.ent_type_ and tok.i != tok.sent.start
                 and tok.text[:1].isupper() and tok.dep_ not in ("nsubj", "nsubjpass")
                 and tok.lower_ not in MONTHS_WEEKDAYS)
        if code or propn:
            j = i + 1
            while j < n and doc[j].pos_ == "PROPN" and not doc[j].ent_type_:
                j += 1
            yield _ev("project", "specificity", doc, i, j, 0.8)
            i = j
        else:
            i += 1


def _action_evidence(doc: Doc) -> Iterable[Evidence]:
    for tok in doc:
        if tok.pos_ != "VERB" or tok.lemma_.lower() in VAGUE_VERBS:
            continue
        objs = [c for c in tok.children if c.dep_ in ("dobj", "attr", "dative") and c.pos_ in ("NOUN", "PROPN", "NUM")]
        if not objs:
            continue
        obj = objs[0]
        if obj.lower_ in GENERIC_OBJECTS:
            continue
        end = min(obj.right_edge.i + 1, tok.i + 10, tok.sent.end)
        yield _ev("action", "specificity", doc, tok.i, end, 0.6)


_OUTCOME_BY_FIRST = _by_first_word(OUTCOME_CUES)
_EXAMPLE_BY_FIRST = _by_first_word(EXAMPLE_CUES)


def _outcome_evidence(doc: Doc) -> Iterable[Evidence]:
    toks = list(doc)
    seen: set[int] = set()
    for i, tok in enumerate(toks):
        for cue in _OUTCOME_BY_FIRST.get(tok.lower_, ()):
            if _match_seq(toks, i, cue):
                head = toks[i + len(cue) - 1]
                end = min(max(head.right_edge.i + 1, i + len(cue) + 1), i + 14, tok.sent.end)
                seen.add(i)
                yield _ev("outcome", "specificity", doc, i, end, 1.3)
                break
    for tok in doc:
        if tok.lemma_.lower() in OUTCOME_VERBS and tok.pos_ == "VERB" and tok.i not in seen:
            preps = [c for c in tok.children if c.lower_ in ("by", "from", "to") and any(t.like_num for t in c.subtree)]
            if preps:
                end = min(max(p.right_edge.i for p in preps) + 1, tok.i + 14)
                yield _ev("outcome", "specificity", doc, tok.i, end, 1.3)


def _example_evidence(doc: Doc) -> Iterable[Evidence]:
    toks = list(doc)
    for i, tok in enumerate(toks):
        for cue in _EXAMPLE_BY_FIRST.get(tok.lower_, ()):
            if _match_seq(toks, i, cue):
                end = min(i + len(cue) + 8, tok.sent.end)
                yield _ev("example", "specificity", doc, i, end, 1.0)
                break
        # "in the March design review", "during the Black Friday rush"
        if tok.lower_ in ("in", "during", "at", "after") and tok.dep_ == "prep":
            pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.lemma_.lower() in EVENT_NOUNS:
                has_det = any(c.dep_ in ("det", "poss") and c.lower_ not in ("a", "an", "every", "each", "all") for c in pobj.children)
                modifiers = [c for c in pobj.children if c.dep_ in ("compound", "amod", "nmod", "nummod")]
                if has_det and modifiers:
                    yield _ev("example", "specificity", doc, tok.i, pobj.right_edge.i + 1, 1.0)


# ---------------------------------------------------------------- actionability

def _has_subject(tok: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in tok.children)


def _vp_end(verb: Token, limit: int = 10) -> int:
    objs = [c for c in verb.children if c.dep_ in ("dobj", "prep", "xcomp", "ccomp", "prt", "acomp", "advmod", "dative")]
    last = max([verb.i] + [o.right_edge.i for o in objs])
    return min(last + 1, verb.i + limit, verb.sent.end)


VAGUE_VERBS_IMPROVE = VAGUE_VERBS | {"improve"}


def _generic_verb_phrase(verb: Token) -> bool:
    """'keep it up', 'keep up the good work', 'do better', 'improve'."""
    if verb.lemma_ == "be" and any(c.lower_ in ("sure", "careful", "ready") and c.dep_ == "acomp"
                                   and any(g.dep_ == "xcomp" for g in c.children) for c in verb.children):
        return False  # "Be sure to copy the PM ..." is a concrete instruction
    objs = [c for c in verb.children if c.dep_ in ("dobj", "prt", "xcomp", "prep", "advmod")]
    if not objs:
        return verb.lemma_.lower() in VAGUE_VERBS_IMPROVE
    words = {t.lower_ for o in objs for t in o.subtree}
    return verb.lemma_.lower() in ("keep", "continue") and bool(words & GENERIC_OBJECTS) and len(words) <= 4


def _reports_outcome(sent: Span) -> bool:
    """The sentence reports a result ('..., which let finance close on day 3', 'from 900 to 150')."""
    words = [t.lower_ for t in sent]
    return ("which" in words or "resulting" in words or
            any(w == "from" and "to" in words[k:] for k, w in enumerate(words)))


ASK_OR_THANK = {"know", "understand", "ask", "thank", "learn", "find", "hear", "see", "say", "mention", "welcome",
                "congratulate", "acknowledge", "wish", "share", "note", "point", "clarify", "check"}
WISH_WORDS = {"great", "nice", "good", "helpful", "useful", "better", "ideal", "awesome", "cool", "wonderful",
              "fantastic", "lovely", "handy", "valuable", "beneficial", "best", "smart", "wise"}


def _asks_or_thanks(like: Token) -> bool:
    """'I'd like to know / understand / thank ...': a request for information or thanks, not a direction;
    'I'd like you to lead the Q3 planning' and 'I'd like to see the summary a day earlier' stay suggestions."""
    verb = next((c for c in like.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
    if verb is None or any(c.dep_ in ("nsubj", "dobj") and c.i < verb.i for c in verb.children):
        return False
    low = verb.lemma_.lower()
    return low in ASK_OR_THANK and not (low == "see" and any(c.dep_ in ("dobj", "ccomp") for c in verb.children))


def _wish_if(doc: Doc, modal: Token, sent: Span) -> bool:
    """'it would be great if ...' / 'it'd be nice to ...': a wish phrased as a suggestion."""
    i = modal.i
    if not (sent.start < i and doc[i - 1].lower_ in ("it", "that", "this") and i + 3 < sent.end):
        return False
    nxt = doc[i + 1]
    if nxt.lower_ != "be":
        return False
    j = i + 2
    if doc[j].lower_ in ("really", "very", "so", "super", "much", "even", "a", "most", "more", "extremely"):
        j += 1
    if j + 1 >= sent.end or doc[j].lower_ not in WISH_WORDS:
        return False
    return doc[j + 1].lower_ in ("if", "to", "for", "when")


def _actionability_evidence(doc: Doc) -> Iterable[Evidence]:
    for sent in doc.sents:
        toks = [t for t in sent]
        if not toks:
            continue
        words = [t.lower_ for t in toks]
        has_action = has_question = False
        # questions that propose an action: "Could you try ...?", "Why not ...?"
        if sent.text.rstrip().endswith("?") and len(toks) > 2:
            w0, w1 = words[0], words[1]
            if (w0 in ("could", "can", "would", "will", "might") and w1 == "you") or (w0, w1) in (("why", "not"), ("how", "about"), ("what", "if")):
                has_action = has_question = True
                yield _ev("question", "actionability", doc, sent.start, min(sent.start + 10, sent.end), 1.2)
        for tok in toks:
            low = tok.lower_
            # imperatives: a base-form verb heading its clause without a subject
            if (tok.tag_ == "VB" and tok.dep_ in ("ROOT", "conj") and not _has_subject(tok)
                    and not any(c.dep_ == "aux" and c.lower_ not in ("do", "don't") for c in tok.children)
                    and (tok.dep_ == "ROOT" or tok.head.tag_ == "VB")
                    and not sent.text.rstrip().endswith("?")):
                if tok.lower_ in SAME_PAST and _reports_outcome(sent):
                    continue
                weak = _generic_verb_phrase(tok)
                has_action = has_action or not weak
                kind = "suggestion" if tok.lemma_.lower() in SUGGESTION_VERBS else "imperative"
                yield _ev(kind, "actionability", doc, tok.i, _vp_end(tok), 0.3 if weak else 1.2)
            # modals and suggestion verbs
            elif (tok.tag_ == "MD" and has_question and tok.i == sent.start):
                continue  # already counted as a question
            elif tok.tag_ == "MD" or (low in ("need", "needs") and tok.nbor(1).lower_ == "to" if tok.i + 1 < len(doc) else False):
                verb = tok.head if tok.tag_ == "MD" else tok
                if sent.text.rstrip().endswith("?") and any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ == "i"
                                                             for c in verb.children):
                    continue  # "What should I use instead?", "Should I file a bug?": asking for advice
                if verb.lemma_ == "like" and _asks_or_thanks(verb):
                    continue  # "I'd like to know how ...", "I would like to thank the team": no direction
                if low in ("would", "'d") and _wish_if(doc, tok, sent):
                    # "It would be great if the export kept the filters", "it'd be nice to get the agenda earlier"
                    has_action = True
                    yield _ev("suggestion", "actionability", doc, tok.i - 1, _vp_end(verb), 1.0)
                    continue
                if low in ("will", "'ll", "wo", "would", "'d") and verb.lemma_ != "like":
                    # first-person commitments: "I will set up ...", "I'll book ..."
                    subj = [c for c in verb.children if c.dep_ == "nsubj"]
                    if low in ("will", "'ll") and subj and subj[0].lower_ in ("i", "we"):
                        has_action = True
                        yield _ev("next_step", "actionability", doc, subj[0].i, _vp_end(verb), 1.0)
                    continue
                if any(c.dep_ == "neg" for c in verb.children) and low not in ("should", "must"):
                    continue
                if any(t.lower_ == "have" and t.tag_ == "VB" for t in toks[tok.i - sent.start + 1: tok.i - sent.start + 3]):
                    continue  # "should have", "could have": about the past
                if low in SOFT_MODALS:
                    subj = [c for c in verb.children if c.dep_ == "nsubj"]
                    if not subj or subj[0].lower_ in ("it", "that", "this", "there"):
                        continue
                weak = _generic_verb_phrase(verb) and verb.lemma_.lower() not in ("try",)
                has_action = True
                w = (0.6 if weak else 1.0) * (0.8 if low in SOFT_MODALS else 1.0)
                yield _ev("suggestion", "actionability", doc, tok.i, _vp_end(verb), w)
            elif tok.lemma_.lower() in SUGGESTION_VERBS and tok.pos_ == "VERB":
                has_action = True
                yield _ev("suggestion", "actionability", doc, tok.i, _vp_end(tok), 1.0)
            elif tok.lemma_ == "like" and tok.i > sent.start and doc[tok.i - 1].lower_ in ("'d", "would"):
                if _asks_or_thanks(tok):
                    continue  # "I'd like to know how ...", "I would like to thank the team": no direction
                has_action = True
                yield _ev("suggestion", "actionability", doc, tok.i - 1, _vp_end(tok), 1.0)
            elif low in ("want", "expect") and any(c.dep_ in ("ccomp", "xcomp") for c in tok.children) and any(c.lower_ in ("i", "we") for c in tok.children):
                has_action = True
                yield _ev("suggestion", "actionability", doc, tok.i, _vp_end(tok), 0.9)
            elif (low == "make" and tok.i + 1 < sent.end and doc[tok.i + 1].lower_ == "sure"):
                has_action = True
                yield _ev("suggestion", "actionability", doc, tok.i, _vp_end(tok), 0.9)
            elif low in ("going", "moving") and tok.i + 1 < sent.end and doc[tok.i + 1].lower_ == "forward":
                yield _ev("timing", "actionability", doc, tok.i, tok.i + 2, 0.5)
            elif low in ("next", "action", "development") and tok.i + 1 < sent.end and doc[tok.i + 1].lower_ in ("step", "steps", "item", "items", "plan", "goal"):
                has_action = True
                yield _ev("suggestion", "actionability", doc, tok.i, min(tok.i + 10, sent.end), 0.8)
        scale = 1.0 if has_action else 0.4
        for ev in _timing_evidence(doc, sent):
            yield Evidence(**{**ev.to_dict(), "weight": ev.weight * scale})
        for ev in _resource_evidence(doc, sent):
            yield Evidence(**{**ev.to_dict(), "weight": ev.weight * scale})


def _timing_evidence(doc: Doc, sent: Span) -> Iterable[Evidence]:
    for tok in sent:
        low = tok.lower_
        if low not in TIMING_STARTS:
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < sent.end else None
        if low in ("next", "every", "each") and nxt is not None and nxt.pos_ in ("NOUN", "PROPN", "NUM", "ADJ"):
            end = min(nxt.i + (2 if nxt.pos_ in ("NUM", "ADJ") else 1), sent.end)
            yield _ev("timing", "actionability", doc, tok.i, end, 0.7)
        elif low in ("weekly", "monthly", "daily", "quarterly", "biweekly", "fortnightly", "tomorrow"):
            yield _ev("timing", "actionability", doc, tok.i, tok.i + 1, 0.7)
        elif low in ("before", "after", "by", "starting", "from", "within", "until", "beginning", "in", "during") and nxt is not None:
            pobj = next((c for c in tok.children if c.dep_ in ("pobj", "pcomp", "dobj")), None)
            if pobj is None:
                continue
            sub = doc[pobj.left_edge.i: pobj.right_edge.i + 1]
            dateish = any(t.ent_type_ in ("DATE", "TIME") for t in sub)
            eachish = any(t.lower_ in ("each", "every", "next", "the end", "end") for t in sub)
            if low == "in" and not (sub[0].lower_ in ("the",) and any(t.lower_ == "next" for t in sub)):
                continue
            if dateish or eachish or (low in ("within", "until", "starting", "beginning") and any(t.like_num or t.lower_ in MONTHS_WEEKDAYS for t in sub)):
                if pobj.ent_type_ in ("DATE", "TIME"):
                    end = next(e.end for e in doc.ents if e.start <= pobj.i < e.end)
                else:
                    end = min(pobj.i + 1, tok.i + 8)
                yield _ev("timing", "actionability", doc, tok.i, end, 0.7)


def _resource_evidence(doc: Doc, sent: Span) -> Iterable[Evidence]:
    for tok in sent:
        low = tok.lemma_.lower()
        if low in RESOURCE_NOUNS and tok.pos_ == "NOUN":
            lo = tok.left_edge.i if tok.left_edge.i >= tok.i - 4 else tok.i
            yield _ev("resource", "actionability", doc, lo, tok.i + 1, 0.6)
        elif low in RESOURCE_VERBS and tok.pos_ == "VERB":
            prep = next((c for c in tok.children if c.lower_ in ("with", "to") and c.dep_ in ("prep", "dative")), None)
            if prep is not None:
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if pobj is not None and (pobj.ent_type_ == "PERSON" or pobj.pos_ == "PROPN" or pobj.lemma_ in ("mentor", "manager", "lead", "team", "coach", "buddy", "peer", "colleague")):
                    yield _ev("resource", "actionability", doc, tok.i, pobj.right_edge.i + 1, 0.6)


SPECIFICITY_EXTRACTORS = (
    _metric_evidence, _date_evidence, _entity_evidence, _project_evidence,
    _action_evidence, _outcome_evidence, _example_evidence,
)


def _dedupe(items: Iterable[Evidence]) -> list[Evidence]:
    """Drop empty spans and, within a kind, spans inside a longer span of the same kind."""
    by_kind: dict[str, list[Evidence]] = {}
    for ev in items:
        if ev.end > ev.start:
            by_kind.setdefault(ev.kind, []).append(ev)
    out: list[Evidence] = []
    for evs in by_kind.values():
        evs.sort(key=lambda e: (e.start, -(e.end - e.start), -e.weight))
        kept: list[Evidence] = []
        for ev in evs:
            if any(k.start <= ev.start and ev.end <= k.end for k in kept):
                continue
            kept.append(ev)
        out.extend(kept)
    return sorted(out, key=lambda e: (e.start, e.end, e.kind))


def extract(doc: Doc) -> list[Evidence]:
    """All evidence of both scores in ``doc``, sorted by position."""
    found: list[Evidence] = []
    for fn in SPECIFICITY_EXTRACTORS:
        found.extend(fn(doc))
    found.extend(_actionability_evidence(doc))
    return _dedupe(found)
