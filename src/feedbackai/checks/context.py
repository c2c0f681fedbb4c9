"""Context filters: the parse-based conditions a lexicon match must meet to become a flag.

A lexicon names them in its ``context:`` list; each is a function
``(span, ctx) -> bool`` (True keeps the match). They exist where a word list alone is
wrong: "abrasive" about a person is a personality judgement, "an aggressive target" is
not; "always late" is a sweeping absolute, "never missed a deadline in 12 sprints" is a
counted record; "great job" is content-free unless the sentence gives the evidence.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Sequence

from spacy.tokens import Doc, Span, Token

from ..counterfactual import given_names
from ..types import Evidence

PERSON_PRONOUNS = {"he", "she", "they", "him", "her", "them", "i", "you", "me", "we", "us",
                   "his", "hers", "their", "theirs", "my", "your", "our",
                   "himself", "herself", "themselves", "yourself", "myself", "someone",
                   "somebody", "everyone", "everybody", "nobody", "anyone", "who"}
PERSON_NOUNS = {
    "person", "people", "guy", "guys", "man", "men", "woman", "women", "lady", "ladies", "girl",
    "girls", "boy", "boys", "gal", "individual", "employee", "colleague", "coworker",
    "co-worker", "teammate", "manager", "leader", "lead", "member", "worker", "staff",
    "staffer", "hire", "nurse", "teacher", "engineer", "analyst", "developer", "rep",
    "associate", "character", "personality", "type", "presence", "soul", "one", "self",
    "mom", "mother", "dad", "father", "friend", "professional", "player", "contributor",
    "supervisor", "director", "executive", "intern", "candidate", "report", "partner",
    "cashier", "clerk", "agent", "officer", "specialist", "consultant", "attorney", "lawyer",
    "paralegal", "accountant", "salesperson", "seller", "designer", "scientist", "researcher",
    "technician", "tech", "driver", "operator", "picker", "chef", "cook", "server", "host",
    "hostess", "waiter", "waitress", "doctor", "physician", "pharmacist", "assistant",
    "coordinator", "administrator", "admin", "recruiter", "trainee", "apprentice", "peer",
    "communicator", "thinker", "learner", "performer", "asset", "addition", "human", "fellow",
    "teamplayer", "gentleman", "chap", "kid", "newcomer", "veteran", "senior", "junior",
    "speaker", "lad", "lads", "bloke", "fella", "dude",
    "folks", "kids", "hires", "workers", "employees", "colleagues", "associates", "nurses",
    "teachers", "engineers", "analysts", "developers", "reps", "mum", "dad", "guy", "grandmother",
    "grandfather", "boss", "grad", "grads", "graduate", "graduates", "recruit", "recruits", "contractor",
    "contractors", "stewardess", "steward", "foreman", "hostesses", "interns", "trainees", "apprentices",
    "salesman", "saleswoman", "hire", "one", "someone", "charmer", "gem", "nightmare", "pain",
}
# Nouns that stand for the person when they carry a person's possessive ("her tone").
PERSON_ATTRIBUTES = {"tone", "voice", "manner", "demeanor", "demeanour", "attitude", "personality",
                     "temperament", "nature", "disposition", "energy", "vibe", "style", "delivery",
                     "behavior", "behaviour", "approach", "presence", "character", "mood", "laugh"}
PERSON_VERBS_OBJECT = {"have", "show", "display", "bring", "carry", "project", "exude", "give"}
LINKING_VERBS = {"be", "seem", "appear", "sound", "look", "come", "become", "remain", "stay",
                 "act", "feel", "get", "prove", "strike"}
STRONG_EVIDENCE = {"metric", "date", "entity", "project", "outcome", "example"}
NAME_ENTS = {"ORG", "PRODUCT", "WORK_OF_ART", "FAC", "EVENT", "LAW"}


_QUOTED = re.compile(r'"[^"\n]{1,400}"|\u201c[^\u201d\n]{1,400}\u201d')
# a short word or phrase in single quotes: 'love', ‘sweetheart’ (not an apostrophe: no letter
# right outside either quote)
_SINGLE_QUOTED = re.compile(r"(?<![A-Za-z])['\u2018]([^'\u2018\u2019\n]{1,60})['\u2019](?![A-Za-z])")
# verbs that report someone else's words: the quoted word is mentioned, not used by the reviewer
REPORTING = frozenset({"call", "say", "refer", "use", "shout", "tell", "write", "label", "nickname", "describe",
                       "address", "mutter", "joke", "comment", "text", "email", "post", "yell", "swear"})
# nouns of time: a number of them is a period, not a count of things done
TIME_UNITS = frozenset({"second", "minute", "hour", "day", "week", "month", "year", "quarter", "decade",
                        "morning", "evening", "night", "weekend", "fortnight", "semester", "term"})


@dataclass
class CheckContext:
    """Per-document facts the filters share; computed once per Doc."""

    doc: Doc
    evidence: Sequence[Evidence] = ()
    _sent_evidence: dict[int, set[str]] = field(default_factory=dict)
    # character ranges of every bias-lexicon match in the Doc, before any filter: an age, a
    # condition, a number of children is a mention a review should not contain, never evidence
    # of the work ("Marcus, 62, is slowing down", "raising two kids, she has done amazingly")
    mentions: Sequence[tuple[int, int]] = ()

    def __post_init__(self) -> None:
        self.text = self.doc.text  # Doc.text rebuilds the text from every token: read it once
        starts = [(s.start_char, s.end_char) for s in self.doc.sents]
        self._sent_items: dict[int, list[Evidence]] = {}
        for k, (a, b) in enumerate(starts):
            self._sent_items[k] = [e for e in self.evidence if a <= e.start < b]
            self._sent_evidence[k] = {e.kind for e in self._sent_items[k]}
        self._sent_bounds = starts
        # character ranges inside double quotes ("…" or “…”) on one line: reported speech and
        # titles, not the reviewer's own wording
        self.quoted = [(m.start() + 1, m.end() - 1) for m in _QUOTED.finditer(self.text)]
        self.single_quoted = [(m.start(1), m.end(1)) for m in _SINGLE_QUOTED.finditer(self.text)]

    def reported(self, span: Span) -> bool:
        """The match is a word in quotes that the sentence reports someone else using ("stop
        calling colleagues 'love' and 'sweetheart'"): a mention, not the reviewer's wording."""
        a, b = span.start_char, span.end_char
        if not any(qa <= a and b <= qb for qa, qb in self.quoted + self.single_quoted):
            return False
        return any(t.lemma_.lower() in REPORTING and t.idx < a for t in span.sent)

    def in_quotes(self, span: Span) -> bool:
        a, b = span.start_char, span.end_char
        return any(qa <= a and b <= qb for qa, qb in self.quoted)

    def sentence_evidence(self, span: Span) -> list[Evidence]:
        for k, (a, b) in enumerate(self._sent_bounds):
            if a <= span.start_char < b:
                return self._sent_items[k]
        return []

    def sentence_kinds(self, span: Span) -> set[str]:
        for k, (a, b) in enumerate(self._sent_bounds):
            if a <= span.start_char < b:
                return self._sent_evidence[k]
        return set()


@functools.lru_cache(maxsize=1)
def _given_names() -> frozenset[str]:
    """The flip's given names (data/gender_pairs.yaml) and ~5,000 US Census first names
    (data/first_names.txt, common English words left out), read on first use."""
    path = Path(__file__).resolve().parents[1] / "data" / "first_names.txt"
    census = {line.strip() for line in path.read_text(encoding="utf-8").splitlines()
              if line.strip() and not line.startswith("#")} if path.exists() else set()
    return given_names() | frozenset(census)


# words for staff and means that open a sentence as its subject ("Manpower was short", "Cover was thin")
_STAFFING_WORDS = frozenset({"manpower", "staffing", "headcount", "cover", "capacity", "resourcing", "resource",
                             "resources", "budget", "funding", "stock", "supply", "time", "money"})


_NOT_NAME_ENTS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "CARDINAL", "ORDINAL", "QUANTITY", "LAW",
                            "EVENT", "LANGUAGE"})


def looks_like_name(tok: Token) -> bool:
    """A sentence's first word that is no English word ("Tunde", "Simone", "Oksana"): in a
    review, the name of the person. The small model tags such names NOUN, ORG or GPE as often
    as PERSON, and a list of given names cannot hold every name of every origin. A common
    word ("Marketing", "Clients", "Stock"), a function word, a number or date, a word in
    capitals and an entity of several words are not names. Lower case is accepted at the very
    start of a comment only ("hannah can be emotional")."""
    text = tok.text
    if len(text) < 2 or not text.replace("-", "").replace("'", "").isalpha() or tok.is_stop:
        return False
    if text[:1].isupper():
        if not any(c.islower() for c in text[1:]):
            return False
    elif tok.i != 0 or not text.islower():
        return False
    if tok.tag_ not in ("NNP", "NN", "JJ", "NNS", "NNPS") or tok.ent_type_ in _NOT_NAME_ENTS:
        return False
    sent_start = tok.sent.start
    if any(not t.is_punct for t in tok.doc[sent_start:tok.i]):
        return False  # only the sentence's first word: not "the Atlas rollout"
    if tok.ent_type_ and tok.ent_iob_ == "B" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].ent_iob_ == "I" \
            and tok.ent_type_ != "PERSON":
        return False  # "Goldman Sachs", "New York"
    return no_english_word(tok)


def no_english_word(tok: Token) -> bool:
    """Neither the word nor its lemma is in the English dictionary the pipeline's lemmatizer
    knows (False when no such dictionary is loaded)."""
    from ..nlp import english_words

    words = english_words()
    return bool(words) and tok.lower_ not in words and tok.lemma_.lower() not in words


def is_person_token(tok: Token) -> bool:
    if tok.lower_ in PERSON_PRONOUNS:
        return True
    if tok.ent_type_ == "PERSON":
        # the small model's PERSON on a lower-case common noun with a determiner is a thing
        # ("the new sloppy joe slider"); names take no determiner, even typed in lower case
        if not (tok.is_lower and tok.lower_ not in _given_names() and not no_english_word(tok)
                and any(c.dep_ == "det" for c in tok.children)):
            return True
    if tok.dep_ in ("nsubj", "nsubjpass") and tok.text[:1].isupper() and tok.text in _given_names() \
            and not any(c.dep_ == "nummod" for c in tok.children):  # "Ward 7 always has a queue": a place
        # a known given name as the subject is a person whatever the small model tagged it
        # ("Grace is cute and bubbly": "Grace" is not always PROPN): a comment and its gender
        # flip then get the same flags
        return True
    if tok.dep_ in ("nsubj", "nsubjpass") and looks_like_name(tok):
        return True
    if tok.pos_ == "PROPN" and tok.dep_ in ("nsubj", "nsubjpass"):
        if any(ch.isdigit() for ch in tok.text) or any(c.dep_ == "nummod" for c in tok.children):
            return False  # "Q3 was quiet", "Ward 7 was quieter": periods, places and units, not people
        if tok.lower_ in _STAFFING_WORDS:
            return False  # "Manpower was short": the small model tags a capitalised first word PROPN
        if tok.ent_type_ not in NAME_ENTS | {"GPE", "NORP", "DATE"}:
            return True
        # the small model often tags a lone first name as ORG: "Marcus is so articulate"
        ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
        if ent is not None and len(ent) == 1 and tok.head.lemma_ in LINKING_VERBS:
            return True
        # ... and, when the name is no English word, as the subject of a verb with an auxiliary
        # ("Since her wedding Kirsty has lost focus", "Roisin can go wherever the business needs")
        if ent is not None and len(ent) == 1 and ent.label_ in ("ORG", "GPE", "NORP") and no_english_word(tok) \
                and tok.head.pos_ in ("VERB", "AUX") and any(c.dep_ == "aux" for c in tok.head.children):
            return True
    if tok.lemma_.lower() in PERSON_ATTRIBUTES and (any(
            c.dep_ == "poss" and is_person_token(c) for c in tok.children) or _owned_by_person(tok)):
        return True  # "her tone", "Nadia's voice"
    if tok.lower_ == "leads" and not any(c.dep_ in ("compound", "amod") and c.lower_ in ("team", "tech", "shift", "project")
                                         for c in tok.children):
        return False  # sales leads ("qualified 45 warm leads"); team leads are people
    if tok.lemma_.lower() == "report":
        # a direct report is a person; a report (document) is not
        return any(c.lower_ in ("direct", "reporting") for c in tok.children)
    return tok.lemma_.lower() in PERSON_NOUNS or tok.lower_ in PERSON_NOUNS


def _subject(verb: Token) -> Token | None:
    for _ in range(4):
        subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
        if subj is None:  # the small model sometimes hangs the subject on the auxiliary: "He [is] very well spoken"
            subj = next((g for c in verb.children if c.dep_ in ("aux", "auxpass") and c.i < verb.i
                         for g in c.children if g.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None:
            return subj
        if verb.dep_ in ("xcomp", "ccomp", "conj", "advcl", "relcl", "acomp") and verb.head is not verb:
            if verb.dep_ == "relcl":
                return verb.head
            verb = verb.head
            continue
        return None
    return None


# nouns that stand for the person they are predicated of
_PLACEHOLDER_NOUNS = frozenset({"thing", "sort", "kind", "type", "soul", "one", "character", "creature"})


# verbs that judge an object: "found her abrasive", "consider him arrogant"
_JUDGING_VERBS = frozenset({"find", "consider", "think", "call", "deem", "see", "rate", "describe", "label", "regard"})


# the reviewer's own voice: "If I'm honest, ...", "we were aggressive with the timeline"
_FIRST_PERSON_SUBJECTS = frozenset({"i", "we"})
# adjectives of a speaker-oriented frame: "To be honest, she ...", "Being frank, ..." (the writer's frankness)
_SPEAKER_FRAME_ADJECTIVES = frozenset({"honest", "frank", "fair", "blunt", "candid", "truthful", "straight",
                                       "realistic", "clear", "brutal", "direct", "transparent", "open"})


def _after_if_i_am(tok: Token) -> bool:
    """``tok`` follows "if I am / if I'm / if im (being) (brutally)": the writer's frame, whatever the parse."""
    doc = tok.doc
    j = tok.i - 1
    while j >= 0 and doc[j].lower_ in ("being", "totally", "brutally", "completely", "100%", "really", "just"):
        j -= 1
    if j < 2 or doc[j].lower_ not in ("am", "m", "'m", "\u2019m"):
        return False
    return doc[j - 1].lower_ == "i" and doc[j - 2].lower_ in ("if", "when", "tbh")


def _speaker_frame(tok: Token) -> bool:
    """``tok`` completes a sentence adverbial about the writer: "To be honest, ...", "..., to be
    frank.", "If I'm honest, ...", "Being honest, ..." (the small model hangs it on the main verb,
    whose subject would otherwise be taken for the one who is honest). Not with a complement
    ("Being blunt with families, she ..." is about her) nor with a subject of its own."""
    if tok.lower_ in _SPEAKER_FRAME_ADJECTIVES and _after_if_i_am(tok):
        return True  # "if im honest" typed fast: the small model hangs "honest" on the main verb
    verb = tok.head
    if tok.lower_ not in _SPEAKER_FRAME_ADJECTIVES or tok.dep_ != "acomp" or verb.lemma_ != "be" \
            or verb.dep_ not in ("advcl", "parataxis", "xcomp", "ccomp") or verb.head is verb:
        return False
    if any(c.dep_ in ("prep", "dobj", "xcomp", "ccomp") for c in tok.children):
        return False  # "honest with patients", "blunt with families": about the subject
    subj = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    if subj:
        return all(c.lower_ in _FIRST_PERSON_SUBJECTS for c in subj)  # "If I'm honest"; not "If she is honest"
    if any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return True  # "to be honest", wherever it stands
    return verb.tag_ == "VBG" and tok.lower_ in ("honest", "frank", "candid", "truthful")  # "Being honest, ..."


_COPULA_S = frozenset({"'s", "\u2019s"})


def _after_copula_s(tok: Token) -> bool:
    """``tok`` is in the predicate of "<Name>'s <predicate>", where "'s" is "is" and the small model
    read it as a possessive ("Priti's very quiet in meetings", "Stacey's a real girly girl", "Olena's
    Ukrainian and a bit reserved"); not "Kiri's van is a tip" or "Priya's new role" (possessives)."""
    doc = tok.doc
    start = tok.sent.start
    while start < tok.i and doc[start].is_punct:
        start += 1
    k = start + 1  # the name opens the sentence, "'s" follows it
    if k >= tok.i or doc[k].lower_ not in _COPULA_S or doc[k].pos_ not in ("PART", "AUX", "VERB"):
        return False
    name = doc[start]
    if name.ent_type_ in ("GPE", "FAC", "PRODUCT", "LOC", "NORP", "DATE", "EVENT"):
        if name.text not in _given_names():
            return False
    elif name.ent_type_ == "ORG":
        # the small model tags lone names ORG ("Priti's very quiet"); a company's name that is a
        # common word or runs to several words is no person ("Marketing's", "Goldman Sachs's")
        if not (name.text in _given_names() or looks_like_name(name)):
            return False
    elif not ((name.text[:1].isupper() or start == 0) and name.pos_ in ("PROPN", "NOUN", "ADJ")
              and (name.ent_type_ == "PERSON" or name.text in _given_names() or looks_like_name(name))):
        return False
    nxt = doc[k + 1]
    # past the modifiers ("very", "really quiet", "bright, bubbly"): a noun there is what the name owns
    j = k + 1
    while j < len(doc) and j - k <= 6 and (doc[j].pos_ in ("ADV", "ADJ", "NUM", "CCONJ", "PROPN", "VERB")
                                           or doc[j].text in (",", "-")) and doc[j].lower_ not in ("and", "but", "so"):
        if doc[j].pos_ == "VERB" and doc[j].tag_ not in ("VBN", "VBG", "JJ"):
            break
        j += 1
    modifiers_then_noun = k + 1 < j < len(doc) and (doc[j].text == "-" or (
        doc[j].pos_ in ("NOUN", "PROPN") and doc[j].tag_ != "NNP"))
    if nxt.pos_ == "NOUN" or modifiers_then_noun:
        return False  # "Kiri's van", "Tesco's very aggressive pricing", "Kiri's bright, bubbly window display"
    if nxt.pos_ == "VERB" and nxt.tag_ in ("VBN", "VBD") and nxt.lower_ in ("got", "gotten", "let", "had", "been"):
        return False  # "Julie's got her hands full": has, not is
    return all(t.pos_ not in ("VERB", "AUX") or t.tag_ in ("VBN", "JJ") for t in doc[k + 1:tok.i]) and tok.i - k <= 8


def describes_person(tok: Token) -> bool:
    """True when ``tok`` (an adjective or noun) is predicated of, or modifies, a person other
    than the writer ("I am direct", "we were aggressive with the timeline" are the reviewer's
    own voice; "you" is the reviewee addressed)."""
    if _speaker_frame(tok):
        return False
    if _after_copula_s(tok):
        return True
    t = tok
    if tok.dep_ in ("ccomp", "xcomp", "oprd") and tok.head.lemma_ in _JUDGING_VERBS and tok.pos_ in ("ADJ", "VERB"):
        obj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if obj is not None and obj.lower_ not in _FIRST_PERSON_SUBJECTS and is_person_token(obj):
            return True  # "some clients find him intimidating", "the nurses find Sam a bit cold"
    if tok.pos_ == "ADJ" and tok.head.lemma_ in _JUDGING_VERBS and tok.dep_ in ("ccomp", "dobj", "oprd", "xcomp") \
            and any(c.dep_ == "poss" and c.i == tok.i - 1 and c.lower_ in ("her", "his", "their", "him", "them")
                    for c in tok.children) \
            and not any(c.pos_ in ("NOUN", "PROPN") for c in tok.children):
        return True  # "clients found her abrasive": the small model makes "her" the adjective's possessive
    for _ in range(6):
        dep = t.dep_
        if dep in ("acomp", "attr", "oprd") or (dep in ("pobj", "pcomp") and t.head.lower_ in ("as", "like")):
            verb = t.head if dep not in ("pobj", "pcomp") else t.head.head  # "comes across as (a bit) scatterbrained"
            if verb.pos_ not in ("AUX", "VERB"):
                return is_person_token(verb)
            subj = _subject(verb)
            if subj is None:
                if any(c.dep_ == "npadvmod" and c.ent_type_ == "DATE" and c.i < verb.i for c in verb.children):
                    return False  # "Monday was quieter than Friday": the day is the subject
                # a fragment about the reviewee: "Comes across as abrasive."
                return verb.dep_ == "ROOT" or verb.lemma_ in LINKING_VERBS
            return is_person_token(subj) and subj.lower_ not in _FIRST_PERSON_SUBJECTS
        if dep == "amod" and t.head.pos_ == "ADP" and t.head.lower_ in ("as", "like") and t.head.head is not t.head:
            verb = t.head.head  # "comes across as angry" parsed with the adjective on "as"
            subj = _subject(verb) if verb.pos_ in ("AUX", "VERB") else None
            if subj is None:
                return verb.pos_ in ("AUX", "VERB") and verb.dep_ == "ROOT"
            return is_person_token(subj)
        if dep in ("amod", "compound", "nmod"):
            if t.head.lemma_.lower() in _PLACEHOLDER_NOUNS and t.head.dep_ in ("attr", "ROOT", "appos", "conj"):
                t = t.head  # "such a feisty little thing", "a difficult sort": the noun stands for the person
                continue
            return is_person_token(t.head)
        if dep == "appos":
            return is_person_token(t.head)
        if (dep in ("conj", "advmod", "npadvmod") or (dep == "dep" and t.pos_ == "ADJ")) and t.head is not t:
            t = t.head  # (an adjective the small model hangs loosely on the verb: "is pushing 60 and not as sharp")
            continue
        if dep == "pobj" and t.head.lower_ == "of" and t.head.head.lower_ in ("bit", "kind", "sort") \
                and t.head.head.dep_ in ("attr", "ROOT", "appos", "conj", "pobj"):
            t = t.head.head  # "she is a bit of a diva": the noun says what the person is
            continue
        if dep == "dobj" and t.head.lemma_ in ("get", "become", "turn", "grow", "go") \
                and not any(c.dep_ in ("det", "poss", "nummod") for c in t.children):
            subj = _subject(t.head)  # "Hannah gets moody when ...": the small model made the adjective an object
            return subj is not None and is_person_token(subj) and subj.lower_ not in _FIRST_PERSON_SUBJECTS
        if dep == "dobj":
            verb = t.head
            subj = _subject(verb)
            return verb.lemma_ in PERSON_VERBS_OBJECT and (subj is None or is_person_token(subj))
        if t.tag_ == "VBN" and dep in ("ROOT", "conj", "ccomp", "xcomp"):
            subj = _subject(t)
            if subj is not None and subj.dep_ == "nsubjpass":
                return is_person_token(subj)
        if dep in ("ccomp", "advcl", "xcomp") and t.pos_ == "ADJ":
            # "she is too emotional" / "comes across as arrogant" / "seems defensive"
            subj = _subject(t) or _subject(t.head)
            if subj is None:
                return t.head.dep_ == "ROOT" and t.head.lemma_ in LINKING_VERBS
            return is_person_token(subj)
        if dep == "ROOT":
            subj = _subject(t)
            if subj is not None:
                return is_person_token(subj)
            # "Very easygoing." / "A pleasure to work with." — a fragment about the reviewee
            return t.pos_ in ("ADJ", "NOUN", "PROPN")
        if dep in ("nsubj", "nsubjpass") and t.pos_ == "ADJ":
            return False
        return is_person_token(t) if t.pos_ in ("NOUN", "PROPN") and t is not tok else False
    return False


# second halves of noun-adjective compounds that describe a thing's fitness for something
_THING_COMPOUND_HEADS = frozenset({"friendly", "proof", "ready", "free", "based", "safe", "compatible", "facing",
                                   "centric"})


def person(span: Span, ctx: CheckContext) -> bool:
    """The matched word describes a person ("she is abrasive", "a difficult person"), and is
    not the tail of a noun-adjective compound ("user-friendly", "eco-friendly": about a thing)."""
    doc = span.doc
    if span.start > 1 and doc[span.start - 1].text == "-" and not doc[span.start - 1].whitespace_ \
            and not doc[span.start - 2].whitespace_ and span.root.lower_ in _THING_COMPOUND_HEADS \
            and (doc[span.start - 2].pos_ in ("NOUN", "NUM") or doc[span.start - 2].lower_ in ("eco", "bio", "cyber")):
        return False  # "user-friendly", "mobile-friendly"; not "passive-aggressive", "ice-cold", "work-shy"
    return describes_person(span.root)


# verbs of building or running a policy, form or process: its subject matter is the work
ADMIN_VERBS = frozenset({"set", "configure", "process", "automate", "update", "rewrite", "redesign", "draft",
                         "publish", "implement", "launch", "roll", "administer", "digitise", "digitize",
                         "streamline", "audit", "document", "map", "build", "introduce", "design", "overhaul",
                         "simplify", "write", "revise", "migrate", "model", "cost", "benchmark", "reconcile",
                         "transfer", "consolidate", "sell", "advise", "service", "price", "value", "rebalance",
                         "collate"})  # not log/file/record/report: "she has logged compassionate leave twice" is hers


def not_administered(span: Span, ctx: CheckContext) -> bool:
    """Not a policy the person builds or runs: "set up carer's leave in the HR system",
    "rewrote the shared parental leave policy" (the leave has no owner: not "her leave")."""
    root = span.root
    if root.dep_ not in ("dobj", "conj"):
        return True
    verb = root.head
    while verb.dep_ == "conj" and verb.pos_ not in ("VERB", "AUX"):
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX") and verb.dep_ == "dobj":
        verb = verb.head  # "set up the payroll codes and the carer's leave": the first conjunct's verb
    if verb.pos_ != "VERB" or verb.lemma_.lower() not in ADMIN_VERBS:
        return True
    return any(c.dep_ == "poss" and (c.lower_ in PERSON_PRONOUNS or is_person_token(c))
               for t in span for c in t.children)


def no_complement(span: Span, ctx: CheckContext) -> bool:
    """The adjective names nothing it applies to: "her numbers are fine", not "fine with
    the change", "good at forecasting", "strong in negotiations", "good to go"."""
    root = span[-1] if span[-1].pos_ == "ADJ" else span.root  # the adjective, not the verb before it
    if any(c.dep_ in ("xcomp", "ccomp", "advcl", "dative") or (c.dep_ == "prep" and not _scope_only(c))
           for c in root.children):
        return False
    nxt = span.end < len(span.doc) and span.doc[span.end]
    if nxt and nxt.dep_ == "prep" and _scope_only(nxt):
        return True
    return not (nxt and nxt.lower_ in ("for", "to", "with", "at", "in", "on", "about", "enough", "than", "when",
                                       "during", "around"))


# objects of a preposition that only widen a verdict: "excellent across the board", "good in most areas"
_SCOPE_NOUNS = frozenset({"board", "area", "respect", "way", "front", "aspect", "department", "round"})


def _scope_only(prep: Token) -> bool:
    """The prepositional phrase names no thing the adjective applies to, only its breadth."""
    objs = [c for c in prep.children if c.dep_ == "pobj"]
    return prep.lower_ in ("in", "across", "on", "all") and len(objs) == 1 \
        and objs[0].lemma_.lower() in _SCOPE_NOUNS and not any(c.dep_ == "prep" for c in objs[0].children)


def not_finite_verb(span: Span, ctx: CheckContext) -> bool:
    """A trait word matched by its lemma is not a finite verb with an object: "she calmed the patient" acts,
    "she is calm" is a trait ("driven", "reserved" as adjectives still count)."""
    t = span.root
    return not (len(span) == 1 and t.pos_ == "VERB" and t.tag_ in ("VB", "VBD", "VBZ", "VBP")
                and any(c.dep_ == "dobj" for c in t.children))  # acting on something; a mis-tagged adjective has no object


def intransitive(span: Span, ctx: CheckContext) -> bool:
    """The matched verb takes no direct object: a person retiring, not "retire 3 legacy apps"."""
    return not any(c.dep_ == "dobj" for c in span.root.children)


def _clause_head(tok: Token) -> Token:
    """The verb (or root) of the clause a token stands in."""
    head = tok
    for _ in range(6):
        if head.pos_ in ("VERB", "AUX") or head.dep_ == "ROOT":
            break
        head = head.head
    return head


def person_clause(span: Span, ctx: CheckContext) -> bool:
    """The clause around the match is about a person (its subject is a person, or a
    subject-less fragment about the reviewee). 'always late', 'never listens'."""
    t = span.root
    # a hyphenated compound modifier ("always-on", "never-ending") is a term, not a claim
    doc = span.doc
    if span.end < len(doc) and doc[span.end].text == "-":
        return False
    if span.start > 0 and doc[span.start - 1].text == "-":
        return False
    if _name_then_verb(t):
        return True
    head = _clause_head(t)
    subj = _subject(head)
    if subj is None:
        if head.dep_ == "dep" and head.head is not head:
            subj = _subject(head.head)  # a loosely attached clause in a list: "rowan is reliable, never misses a shift"
            if subj is not None:
                return is_person_token(subj)
        # a fragment about the reviewee, or a clause that describes a person noun
        # ("Beautiful girl, always smiling at the customers."); also its second verb
        # ("keeps the team going and never says no")
        top = head
        while top.dep_ == "conj" and top.head is not top and top.head.pos_ in ("VERB", "AUX"):
            top = top.head
        return top.dep_ == "ROOT" or (head.dep_ in ("acl", "appos", "advcl", "relcl") and is_person_token(head.head))
    if is_person_token(subj):
        return True
    # what is theirs stands for them: "their hi-vis is always filthy", "her English is hard to follow",
    # "Emma's contributions to the bid were fine"; and its grade: "the quality of Santiago's work"
    if t.dep_ in ("amod", "compound", "nmod") and t.head is not subj:
        return False  # a modifier inside the predicate: "Marek's crew laid polished concrete" is about the floor
    if _owned_by_person(subj):
        return True
    return subj.lemma_.lower() in _GRADE_NOUNS and any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" and _owned_by_person(g) for g in c.children)
        for c in subj.children)


_NAME_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "mx", "prof"})


def _name_then_verb(tok: Token) -> bool:
    """The small model reads "<Name> <verb>s" at the start of a sentence as one noun phrase
    ("Ahmed prays during his shift", "Abdi fasts during Ramadan": "prays", "fasts" tagged NNS with
    the name as their compound): the clause is still about the named person."""
    n = tok
    for _ in range(3):  # "Ramadan" -> "during" -> "fasts"
        if n.tag_ == "NNS" or n.dep_ not in ("pobj", "prep"):
            break
        n = n.head
    if n.tag_ != "NNS" or n.i == 0 or not n.text.endswith("s"):
        return False
    name = n.doc[n.i - 1]
    if name.head.i != n.i or name.dep_ not in ("compound", "amod") or not name.text[:1].isupper():
        return False
    before = [t for t in n.doc[n.sent.start:name.i] if not t.is_punct]
    if before and not (len(before) == 1 and before[0].lower_.rstrip(".") in _NAME_TITLES):
        return False
    # a title before the name ("Ms Begum fasts") is enough; a bare name must look like one
    return bool(before) or name.ent_type_ == "PERSON" or name.text in _given_names() or looks_like_name(name)


# nouns that grade what they are "of": "the quality of her work", "the standard of his reports"
_GRADE_NOUNS = frozenset({"quality", "standard", "level", "calibre", "caliber"})


def _owned_by_person(tok: Token) -> bool:
    """``tok`` has a person as its possessor: "her work", "their hi-vis", "Emma's contributions",
    "Kateryna's year" (a known given name whatever the small model tagged it: GPE, NOUN)."""
    return any(c.dep_ == "poss" and (c.lower_ in ("his", "her", "their") or c.ent_type_ == "PERSON"
                                     or (c.text[:1].isupper() and c.text in _given_names()
                                         and c.ent_type_ in ("PERSON", "ORG", "GPE", ""))  # names are tagged ORG, GPE
                                     # a first word that is no English word, unless tagged a company
                                     # ("Sainsbury's order", "Aldi's approach"): the model tags names GPE
                                     or (looks_like_name(c) and c.ent_type_ != "ORG")
                                     or (c.pos_ == "PROPN" and c.text[:1].isupper()
                                         and c.ent_type_ not in ("ORG", "GPE", "NORP", "FAC", "PRODUCT", "LOC")))
               for c in tok.children)


_MULTIPLIER = re.compile(r"\d+(?:\.\d+)?x|x\d+(?:\.\d+)?")


def _is_count(t: Token) -> bool:
    """A number that counts something: not a date, time or ordinal, except that a number of
    things that are not time units is a count even when the small model tags it as a time
    ("in 31 night shifts")."""
    if _MULTIPLIER.fullmatch(t.lower_):
        return True  # "3x as many entries", "2.5x the volume"
    if not t.like_num or t.ent_type_ == "ORDINAL":
        return False
    if t.lower_ == "one" and t.dep_ != "nummod":
        return False  # a pronoun, not a count: "one of the girls", "the one who"
    if t.ent_type_ not in ("DATE", "TIME"):
        return True
    head = t.head
    if t.dep_ == "nummod" and head.pos_ == "NOUN" and head.tag_ == "NNS" and head.lemma_.lower() not in TIME_UNITS:
        return True
    # a defined, counted period: "in the 11 weeks he covered", "over the last 6 months", "the 60-day rota"
    doc = t.doc
    before = {doc[j].lower_ for j in range(max(t.sent.start, t.i - 2), t.i)}
    hyphenated = t.i + 2 < len(doc) and doc[t.i + 1].text == "-" and doc[t.i + 2].lemma_.lower() in TIME_UNITS \
        and doc[t.i + 2].lemma_.lower() not in ("second", "minute", "hour")  # a 10-minute huddle is no record
    period = t.dep_ == "nummod" and head.tag_ == "NNS" and head.lemma_.lower() in TIME_UNITS
    return (period and bool(before & {"the", "last", "past", "all", "those", "these"})) or hyphenated


def unbacked(span: Span, ctx: CheckContext) -> bool:
    """No count or measure in the same sentence backs the claim. A number inside a protected
    mention does not ("a mom of three ... can never stay", "deaf in one ear so they sometimes miss"),
    nor one that is part of a place's name ("everyone on 4 West loves her", "Ward 7")."""
    def inside_mention(a: int, b: int) -> bool:
        return any(ma <= a and b <= mb for ma, mb in ctx.mentions)

    doc = span.doc
    for e in ctx.sentence_evidence(span):
        if e.kind != "metric" or inside_mention(e.start, e.end):
            continue
        ev = doc.char_span(e.start, e.end, alignment_mode="expand")
        if ev is not None and all(not t.like_num or _in_place_name(t) for t in ev):
            continue  # "4 West" names a ward
        return False
    return not any(_is_count(t) and not inside_mention(t.idx, t.idx + len(t)) and not _in_place_name(t)
                   for t in span.sent if not (span.start <= t.i < span.end))


def _in_place_name(t: Token) -> bool:
    """A number that is part of a name: "4 West", "Ward 7", "Terminal 5" (a proper noun it modifies or is
    modified by), not a count of things ("42 Acme orders")."""
    head = t.head
    if head.pos_ != "PROPN":
        return False
    if head.i == t.i + 1:
        return t.dep_ in ("nummod", "compound") and head.text[:1].isupper()  # "4 West"
    return head.i == t.i - 1 and t.dep_ in ("nummod", "appos", "npadvmod")  # "Ward 7"


def no_evidence(span: Span, ctx: CheckContext) -> bool:
    """The sentence gives no concrete evidence (no metric, date, named thing, outcome,
    example). What lies inside the match itself is not evidence for it ("gives 110%"), and
    neither is a person's name ("a good year for Kemi", "Keep it up, Aoife!") nor what lies
    inside a protected mention ("She's 58 and still crushing it")."""
    kinds = ctx.sentence_kinds(span)
    if not (STRONG_EVIDENCE & kinds):
        return True
    a, b = span.start_char, span.end_char
    doc = span.doc
    for e in ctx.sentence_evidence(span):
        if e.kind not in STRONG_EVIDENCE or (e.start < b and a < e.end):
            continue
        if any(ma <= e.start and e.end <= mb for ma, mb in ctx.mentions):
            continue  # "She's 58 and still crushing it": an age, a condition, not what was done
        ev = doc.char_span(e.start, e.end, alignment_mode="expand")
        if ev is None:
            return False
        if _not_a_record(e.kind, ev):
            continue
        if e.kind in ("entity", "project") and _a_name(ev):
            continue
        if e.kind == "entity" and _where_or_origin(ev):
            continue  # "an asset to the Leeds branch", "you wouldn't guess he's from Ghana": where, not what
        if e.kind == "date" and all(t.lower_ in _PERIOD_WORDS or t.is_punct for t in ev):
            continue  # "this quarter", "the whole year": when, not what
        if e.kind in ("date", "project", "entity") and _when_only(ev) and _little_else(span, ev):
            continue  # "in Q3", "in March", "during FY25": when, not what ("the March close" names a thing)
        return False
    return True


_CLOCK = re.compile(r"\d{1,2}(?:[:.]\d{2})?\s*(?:am|pm|a\.m\.|p\.m\.)?", re.I)
_SCHOOL_YEAR = re.compile(r"(?:the\s+)?(?:year|yr|grade)\s*\d{1,2}s?", re.I)
_BY_IDIOM = frozenset({"a mile", "miles", "a country mile", "a long way", "a distance"})


def _not_a_record(kind: str, ev: Span) -> bool:
    """Forms the evidence extractor reads as a record that say nothing about what was done."""
    text = ev.text.strip()
    if kind == "date" and _CLOCK.fullmatch(text) and ev.root.dep_ in ("nummod", "compound", "amod", "nmod") \
            and ev.root.head.pos_ == "NOUN":
        return True   # a clock time naming a shift: "the 6am crew", "can't do the 7:30 starts"
    if _SCHOOL_YEAR.fullmatch(text):
        return True   # a school year group says whom a teacher teaches: "great things with the Year 9s"
    if kind == "metric" and (text.lower() == "one" or (text.lower() in _BY_IDIOM and ev.start > 0
                                                         and ev.doc[ev.start - 1].lower_ == "by")):
        return True   # "a gobby one"; "our best salesman by a mile"
    # a lower-case run of common words the small model tagged as a name ("comms need work")
    return kind == "entity" and all(t.is_punct or (t.is_lower and not no_english_word(t)
                                                   and t.text.capitalize() not in _given_names()) for t in ev)


# a bare reference to the review period is not evidence of what was done
_PERIOD_WORDS = frozenset({"this", "last", "past", "the", "whole", "entire", "full", "quarter", "year", "month",
                           "week", "half", "cycle", "period", "season", "sprint", "term", "semester", "again",
                           "so", "far", "recent", "months", "weeks", "years", "quarters", "all", "every", "each",
                           "today", "lately", "recently", "fiscal", "financial", "calendar", "review", "appraisal",
                           "weekend", "weekends", "weekday", "weekdays"})


# a named period on its own: a quarter, half, fiscal year, month or year
_PERIOD_NAME = re.compile(r"q[1-4]|h[12]|fy\d{2,4}|'?\d{2}|(?:19|20)\d{2}|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?"
                          r"|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
                          r"|spring|summer|autumn|fall|winter|christmas|xmas|easter")


_LIGHT_VERBS = frozenset({"be", "have", "do", "get", "need", "make", "keep", "go", "continue", "join"})


def _little_else(span: Span, ev: Span) -> bool:
    """Besides the match and the period, the sentence says next to nothing ("Great work in March.",
    "Needs to step it up in Q3."): not "Great work in March covering the night desk alone" """
    content = [t for t in span.sent if not (span.start <= t.i < span.end or ev.start <= t.i < ev.end)
               and t.pos_ in ("NOUN", "PROPN", "VERB", "NUM", "ADJ") and not t.is_stop
               and t.lemma_.lower() not in _LIGHT_VERBS and t.ent_type_ != "PERSON"
               and not (t.text[:1].isupper() and t.text in _given_names())]  # "Henley" (a deal) counts, "Priya" not
    return len(content) <= 1


# nouns a place name only locates: "the Leeds branch" says where the person works, not what they did
_PLACE_HEADS = frozenset({"branch", "office", "site", "depot", "store", "shop", "team", "ward", "unit", "region",
                          "hub", "warehouse", "desk", "clinic", "hospital", "school", "campus", "centre", "center",
                          "floor", "location", "base", "side", "area", "patch", "market", "territory", "operation",
                          "operations", "business", "practice", "firm", "bureau", "plant", "facility", "yard"})


def _where_or_origin(ev: Span) -> bool:
    """A place or origin name that only says where the person works or comes from ("to the Leeds
    branch", "from Ghana", "our Lagos team"), not a named thing they worked on ("the Germany launch")."""
    if not all(t.ent_type_ in ("GPE", "LOC", "NORP") or t.is_punct for t in ev):
        return False
    t = ev.root
    if t.dep_ in ("compound", "nmod", "amod"):
        if t.head.lemma_.lower() not in _PLACE_HEADS:
            return False
        t = t.head  # "the Leeds branch"
    # only where or whence: "an asset to the Leeds branch", "great job in Leeds", "he's from Ghana";
    # not what was done: "opening the Madrid store", "expanding into Brazil", "the Paris office fit-out"
    return t.dep_ == "pobj" and t.head.lower_ in _WHERE_PREPS


_WHERE_PREPS = frozenset({"to", "in", "at", "for", "from", "across", "within", "throughout", "around", "of"})


def _when_only(ev: Span) -> bool:
    """A named period that only says when: the object of "in", "during", "over", "for", "since",
    "through" or "across", or an adverbial on its own ("Q3 was strong" is not one)."""
    # (the small model tags "Q4", "H2", "FY26" GPE, ORG or LOC as often as DATE)
    if not all(t.is_punct or t.lower_ in _PERIOD_WORDS or _PERIOD_NAME.fullmatch(t.lower_.rstrip(".")) for t in ev):
        return False
    root = ev.root
    if root.dep_ == "npadvmod":
        return True
    return root.dep_ == "pobj" and root.head.lower_ in ("in", "during", "over", "for", "since", "through", "across",
                                                        "throughout", "from", "until", "till")


_VAGUE_NOUNS = frozenset({"thing", "situation", "issue", "stuff", "matter", "business", "problem", "saga", "drama",
                          "incident", "episode", "affair", "case"})


def _a_name(ev: Span) -> bool:
    """A person's name: a PERSON entity, or one capitalised word that is no English word."""
    if all(t.ent_type_ == "PERSON" or t.is_punct for t in ev):
        # a name that modifies a noun names a thing: "closing the Harrow contract", "the Smith account"
        return not (ev.root.dep_ == "compound" and ev.root.head.pos_ == "NOUN" and not is_person_token(ev.root.head)
                    and ev.root.head.lemma_.lower() not in _VAGUE_NOUNS)  # "the Dave thing" names nothing
    if len(ev) != 1:
        return False
    t = ev[0]
    if not (t.text[:1].isupper() and t.text[1:].islower() and t.is_alpha) or t.is_stop:
        return False
    # a given name that is also an English word ("Morgan", "Robin", "Grace") is still a name here
    # (the small model tags such names ORG as often as PERSON); a place or a name modifying a noun ("the
    # Charlotte office", "the Sofia launch") is a named thing, so evidence
    return no_english_word(t) or (t.text in _given_names() and t.ent_type_ in ("PERSON", "ORG", "")
                                  and t.dep_ not in ("compound", "amod", "nmod"))


def not_in_name(span: Span, ctx: CheckContext) -> bool:
    """The match is not part of a product, organisation or title name, nor a code term."""
    for t in span:
        if t.ent_type_ in NAME_ENTS:
            ent = next((e for e in t.doc.ents if e.start <= t.i < e.end), None)
            # a lone name at subject position is the reviewee the small model mis-tagged
            if ent is not None and len(ent) == 1 and t.pos_ == "PROPN" and t.dep_ in ("nsubj", "nsubjpass", "poss"):
                continue
            # ... or before an "'s" the small model could not attach ("Zoe's pregnant": "Zoe" parsed as ROOT)
            if ent is not None and len(ent) == 1 and t.pos_ == "PROPN" and t.dep_ == "ROOT" and t.i + 1 < len(t.doc) \
                    and t.doc[t.i + 1].lower_ in ("'s", "\u2019s"):
                continue
            # a lone word said of the person is no name either: "a fiery Latina", "very Eastern"
            if ent is not None and len(ent) == 1 and t.dep_ in ("attr", "acomp", "amod") and not t.head.ent_type_:
                continue
            return False
    text = ctx.text
    a, b = span.start_char, span.end_char
    if (a > 0 and text[a - 1] in "`_/") or (b < len(text) and text[b:b + 1] in "`_/("):
        return False
    return not _in_observance_name(span)


# the last word of the name of an observance, network or award: "Hispanic Heritage Month",
# "Black History Month", "International Women's Day", "the Women in Tech Network"
_OBSERVANCE_HEADS = frozenset({"Month", "Week", "Day", "Festival", "Network", "Networks", "Society", "Association",
                               "Awards", "Award", "Forum", "Council", "Committee", "Alliance", "Foundation"})


def _in_observance_name(span: Span) -> bool:
    """The match starts a capitalised name that ends in Month, Week, Day, Network, Award…"""
    doc = span.doc
    if not span[0].text[:1].isupper():
        return False
    j = span.end
    if span.start == span.sent.start and (j >= len(doc) or not doc[j].text[:1].isupper()):
        return False  # "Emotional in Practice Council meetings.": a capital only because the sentence starts
    steps = 0
    while j < len(doc) and steps < 5:
        t = doc[j]
        if t.text in _OBSERVANCE_HEADS:
            return True
        if not (t.text[:1].isupper() or t.lower_ in ("'s", "\u2019s", "in", "of", "and", "&")):
            return False
        j += 1
        steps += 1
    return False


def not_named_event(span: Span, ctx: CheckContext) -> bool:
    """The match does not follow a name that makes it an event or a thing ("before the Ahmed
    wedding", "the Patel divorce case"): "Kirsty's wedding" still counts."""
    if span.start == 0:
        return True
    prev = span.doc[span.start - 1]
    return not (prev.pos_ == "PROPN" and prev.text[:1].isupper() and prev.i > prev.sent.start
                and span.start >= 2 and span.doc[span.start - 2].lower_ in ("the", "a", "an"))


_SPOUSE_GENDER = {"husband": "male", "boyfriend": "male", "fiance": "male", "fiancé": "male",
                  "wife": "female", "girlfriend": "female", "fiancee": "female", "fiancée": "female",
                  "missus": "female", "hubby": "male"}


def same_sex_partner(span: Span, ctx: CheckContext) -> bool:
    """"Kenji's husband": a partner of the same gender as the named person, which shows sexual
    orientation (other_protected under the annotation convention), where "Helen's husband" is
    family status. Known only for the given names of the flip's list."""
    from ..counterfactual import name_gender

    if len(span) < 3:
        return False
    gender = name_gender(span[0].text)
    partner = _SPOUSE_GENDER.get(span[-1].lower_)
    return gender is not None and partner is not None and gender == partner


def not_same_sex_partner(span: Span, ctx: CheckContext) -> bool:
    return not same_sex_partner(span, ctx)


def not_proper_name(span: Span, ctx: CheckContext) -> bool:
    """A common word is not written as a proper name in mid-sentence ("agency spend with
    Manpower" names the company)."""
    t = span[0]
    if len(span) > 1:  # "the Mummy's Boy charity events": every word capitalised in mid-sentence
        words = [w for w in span if w.is_alpha and not (w.is_stop and w.is_lower)]  # "Head in the Clouds"
        return not (t.i > t.sent.start and words and all(w.text[:1].isupper() for w in words))
    return not (t.i > t.sent.start and t.text[:1].isupper() and t.text[1:].islower() and t.tag_ == "NNP")


def not_negated(span: Span, ctx: CheckContext) -> bool:
    """The match is not negated ('not a team player' is still judged by 'person')."""
    return not any(c.dep_ == "neg" for c in span.root.head.children) and not any(
        c.dep_ == "neg" for c in span.root.children)


def not_attributive(span: Span, ctx: CheckContext) -> bool:
    """The word names people, not a kind of thing: "the girls in accounting" is flagged,
    "the girls' football league" is not."""
    root = span.root
    doc = span.doc
    if span.end < len(doc) and doc[span.end].tag_ == "POS" and doc[span.end].text in ("'", "’"):
        return False  # a plural possessive names what they own: "the boys' and girls' kit orders"
    return not (root.dep_ in ("poss", "compound", "amod", "nmod") and not is_person_token(root.head))


def not_noun_modifier(span: Span, ctx: CheckContext) -> bool:
    """The phrase is not a noun modifier of a thing: "the team player rubric", "the hard worker award"
    name a document or a prize ("world-class work" is still a verdict: an adjective, not a noun modifier)."""
    root = span.root
    return not (root.dep_ == "compound" and root.pos_ in ("NOUN", "PROPN") and root.head.i >= span.end
                and root.head.pos_ in ("NOUN", "PROPN") and not is_person_token(root.head)
                and root.head.lemma_.lower() not in _GRADED_NOUNS)


# what a verdict in front of it still grades: "world-class work", "the meets-expectations box"
_GRADED_NOUNS = frozenset({"work", "performance", "output", "effort", "result", "job", "year", "quarter", "month",
                           "half", "box", "rating", "category", "grade", "contribution", "delivery", "standard",
                           "quality", "stuff", "season", "cycle", "period", "showing"})


# People a review may mention who are not the reviewee: a condition about them is the work
# ("treated 30 patients with dementia"), not a disclosure about the person reviewed.
OTHER_PEOPLE = {"patient", "client", "customer", "student", "pupil", "resident", "user", "visitor",
                "guest", "caller", "tenant", "claimant", "learner", "member", "people", "public",
                "applicant", "passenger", "shopper", "buyer", "victim", "case", "population",
                "participant", "attendee", "volunteer", "animal", "dog", "cat", "horse", "pet",
                "adult", "individual", "those", "others", "anyone", "someone", "kid", "child", "children",
                "interviewee", "delegate", "plaintiff", "defendant", "respondent", "traveller",
                "traveler", "subscriber", "viewer", "reader", "listener", "spectator", "fan", "donor",
                "couple", "bride", "groom"}


# a peer in a prepositional phrase is someone else than the reviewee ("for a colleague on leave")
_PEERS = frozenset({"colleague", "teammate", "coworker", "co-worker", "peer", "friend"})


def not_others(span: Span, ctx: CheckContext) -> bool:
    """The match is not about other people the comment mentions (patients, customers,
    pupils ...): "treated 30 patients with dementia", "the customer was diabetic"."""
    t = span.root
    if any(c.dep_ == "poss" and c.lemma_.lower() in OTHER_PEOPLE for c in t.children):
        return False  # "members' retirement plans", "the patients' medication"
    for _ in range(6):
        if t.lemma_.lower() in OTHER_PEOPLE and t.i not in range(span.start, span.end):
            return False
        if t.lemma_.lower() in _PEERS and t.dep_ == "pobj" and t.i not in range(span.start, span.end):
            return False  # "covered for a colleague on compassionate leave"
        # a participle modifying a noun belongs to that noun ("the couple, newly engaged, ...")
        if (t.pos_ in ("VERB", "AUX") and t.dep_ != "amod") or t.dep_ == "ROOT" or t.head.i == t.i:
            break
        t = t.head
    subj = _subject(t) if t.pos_ in ("VERB", "AUX") or t.dep_ == "ROOT" else None
    if subj is not None and (subj.lemma_.lower() in OTHER_PEOPLE or _in_a_bed(subj)):
        return False
    return True


_BED_WORDS = frozenset({"bed", "room", "bay", "cubicle", "side-room", "sideroom", "chair", "cot", "pod"})


def _in_a_bed(tok: Token) -> bool:
    """A person placed by a numbered bed or room is a patient or a resident: "Mr Patel in bed 4"."""
    # the small model hangs "in bed 4" on the subject or on the verb right after it
    preps = [p for p in tok.children] + [p for p in tok.head.children if tok.i < p.i < tok.head.i]
    return any(p.dep_ == "prep" and p.lower_ in ("in", "on", "at") and any(
        o.dep_ == "pobj" and o.lemma_.lower() in _BED_WORDS and any(n.like_num for n in o.children)
        for o in p.children) for p in preps)


STEREOTYPE_CUES = (
    "as expected", "as you'd expect", "as you would expect", "you'd expect", "you would expect",
    "typical", "like all", "like most", "like every", "naturally", "surprisingly", "for a ",
    "for an ", "credit to", "of course", "obviously", "not what i expected", "unlike most",
    "unlike other", "as is common", "it's a cultural", "cultural thing", "their culture",
    "those people", "you people", "in their blood", "born with", "all the ", "they all",
    "like the rest of", "you get with",
)


_GROUP_PEOPLE = frozenset({"people", "folk", "folks", "type", "types", "crowd", "lot", "culture", "background",
                           "mentality", "attitude", "temperament", "way", "ways", "thing", "work", "ethic"})


def group_of_people(span: Span, ctx: CheckContext) -> bool:
    """The group word at the end of the match stands for people ("like most Germans", "a typical
    Nigerian nurse", "like the rest of the Polish lads"), not for things or organisations that
    carry the adjective ("like the German manufacturers we buy from", "as the Scandinavian model
    shows", "a typical French wine")."""
    tok = span[-1]
    if tok.dep_ not in ("amod", "compound", "nmod") or tok.head.i <= tok.i:
        return True
    head = tok.head
    return is_person_token(head) or head.lemma_.lower() in _GROUP_PEOPLE or head.lower_ in _GROUP_PEOPLE \
        or (head.pos_ == "NOUN" and head.dep_ in ("attr", "appos") and describes_person(head))  # "a typical Asian overachiever"


def stereotype(span: Span, ctx: CheckContext) -> bool:
    """The sentence leans on a generalisation about a group ("as you'd expect", "like all",
    "naturally", "surprisingly ... for"), or the group word is plural and generic
    ("the Chinese guys are great at ...")."""
    sent = span.sent.text.lower()
    if any(cue in sent for cue in STEREOTYPE_CUES):
        return True
    root = span.root
    head = root.head if root.dep_ in ("amod", "compound", "nmod") else root
    if not (head.tag_ in ("NNS", "NNPS") and head.dep_ in ("nsubj", "nsubjpass")):
        return False
    # a generic statement (present tense: "the Chinese guys are great at ...", "... drink too
    # much"), not an account of what a group did ("the Indian guys on nights closed 40 tickets")
    verb = head.head
    return verb.tag_ != "VBD" and not any(c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in verb.children)


def owned_by_person(span: Span, ctx: CheckContext) -> bool:
    """The matched noun belongs to a person ("Agnieszka's anxiety", "Tom's surgery"), not to a thing
    ("the company's health", "the project's back problem")."""
    return any(_owned_by_person(t) for t in span)


def not_acted_on(span: Span, ctx: CheckContext) -> bool:
    """The matched noun is not the object of someone else's action: "she titrated Mrs Kaur's medication"
    is about a patient the person treats, "given Agnieszka's anxiety" is about Agnieszka."""
    root = span[-1]
    if root.dep_ != "dobj":
        return True
    subj = _subject(root.head)
    return subj is None or not is_person_token(subj)


def origin_not_modifier(span: Span, ctx: CheckContext) -> bool:
    """The place at the end of the match is where the person comes from, not a modifier of a noun:
    "she's from the Philippines" is flagged, "Tom's from the Leeds office" is not."""
    t = span[-1]
    while t.dep_ == "compound" and t.head.i > t.i and t.head.ent_type_ == t.ent_type_:
        t = t.head  # "New" -> "York"
    return not (t.dep_ in ("compound", "amod", "nmod") and t.head.i > t.i and t.head.pos_ in ("NOUN", "PROPN"))


def not_group_subject(span: Span, ctx: CheckContext) -> bool:
    """The clause is not about a group the comment speaks of ("the 12 new nurses are from the Philippines")."""
    subj = _subject(_clause_head(span.root))
    return subj is None or not (subj.tag_ in ("NNS", "NNPS") and subj.lower_ not in PERSON_PRONOUNS)


def names_reviewee(span: Span, ctx: CheckContext) -> bool:
    """The name that opens the match is the first person the comment names (in a review, the person
    reviewed), not a resident, pupil or client mentioned later ("Doris is 94 and needs two carers")."""
    from .referents import reviewee, same_person

    name = span[0]
    doc = span.doc
    if span.end < len(doc) and doc[span.end].like_num:
        return False  # "Megan's 18 and 19 June shifts": dates, not an age
    if name.ent_type_ in ("GPE", "FAC", "LOC", "PRODUCT", "NORP") or not (
            name.ent_type_ == "PERSON" or name.text in _given_names() or looks_like_name(name)):
        return False  # "Leeds is 62 and Bristol 58 on NPS", "Coldroom B is 18 and rising"
    first = reviewee(doc)
    return first is None or first.i >= name.i or same_person(name, first)


_WHAT_WORDS = frozenset({"what", "than", "as", "anything", "everything", "something", "nothing"})


def not_what_clause(span: Span, ctx: CheckContext) -> bool:
    """Not the verb of a "what ... were expecting" clause ("not what they were expecting", "better than we were
    expecting"): the one or two words before the match do not open such a clause."""
    doc = span.doc
    before = [doc[j].lower_ for j in range(max(span.sent.start, span.start - 2), span.start)]
    return not (set(before) & _WHAT_WORDS)


FILTERS: dict[str, Callable[[Span, CheckContext], bool]] = {
    "person": person,
    "person_clause": person_clause,
    "intransitive": intransitive,
    "not_finite_verb": not_finite_verb,
    "no_complement": no_complement,
    "not_administered": not_administered,
    "unbacked": unbacked,
    "no_evidence": no_evidence,
    "not_in_name": not_in_name,
    "not_negated": not_negated,
    "not_attributive": not_attributive,
    "not_noun_modifier": not_noun_modifier,
    "owned_by_person": owned_by_person,
    "not_acted_on": not_acted_on,
    "stereotype": stereotype,
    "group_of_people": group_of_people,
    "not_others": not_others,
    "origin_not_modifier": origin_not_modifier,
    "not_group_subject": not_group_subject,
    "names_reviewee": names_reviewee,
    "not_proper_name": not_proper_name,
    "not_named_event": not_named_event,
    "same_sex_partner": same_sex_partner,
    "not_same_sex_partner": not_same_sex_partner,
    "not_what_clause": not_what_clause,
}
