"""Whose is it? A pronoun that can only point at someone else than the reviewee.

A review names other people: patients, callers, customers. When a protected mention hangs on a
pronoun ("Priya took the call from Mr Daniels about *his* wife's dementia", "she talked the caller
through it while *he* explained his hearing loss") or sits in a relative clause about one of them
("Mrs Green, who is elderly"), it is about that person, not the one reviewed. The rule is
conservative:
- the reviewee is the first person the comment names;
- someone else is a titled name (Mr, Mrs, Ms, Dr ...: how reviews name patients and clients) or a
  service role ("the caller", "a patient") named earlier in the sentence in an object position (object,
  object of a preposition, or the possessor of one); a colleague named by first name does not count
  ("covers for Kevin because of his bad back" is still a disclosure);
- the pronoun must agree with them and the reviewee's known gender must rule the reviewee out:
  "Joanne helped Mrs Green after her fall" keeps its flag (either could be meant), and so does a
  reviewee whose name the gender list does not hold;
- "their" is someone else's only when the reviewee is a he or a she and people the person serves are
  named before it in the plural ("She discharged 30 patients after their surgery"); "Since their surgery
  Alex has been slower" keeps its flag (Alex may be a they).
"Since her knee surgery, Joanne has been slower" has no one else to point at.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

_PRONOUN_GENDER = {"he": "male", "him": "male", "his": "male", "himself": "male",
                   "she": "female", "her": "female", "hers": "female", "herself": "female"}
# "their" can be the reviewee's own singular they; it is someone else's only when the reviewee is a he or a
# she and the pronoun can point at people the person serves ("discharged 30 patients after their surgery")
_PLURAL = frozenset({"they", "them", "their", "theirs", "themselves"})
_PRONOUNS = frozenset(_PRONOUN_GENDER) | _PLURAL
_TITLES = {"mr": "male", "sir": "male", "mrs": "female", "ms": "female", "miss": "female", "madam": "female",
           "dame": "female", "dr": "", "prof": "", "mx": ""}
_GENDERED_NOUNS = {"man": "male", "gentleman": "male", "husband": "male", "son": "male", "father": "male",
                   "boy": "male", "woman": "female", "lady": "female", "wife": "female", "daughter": "female",
                   "mother": "female", "girl": "female"}
_OBJECT_DEPS = frozenset({"dobj", "pobj", "dative", "iobj"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_FIRST_PERSON = frozenset({"i", "we", "me", "us"})
_GENERIC_PEOPLE = frozenset({"someone", "somebody", "anyone", "anybody", "one", "person", "people", "those"})


def _mention_gender(tok: Token) -> str | None:
    """'male' / 'female' for a mention whose gender the text shows, '' for a person of unknown
    gender, None for no person."""
    from ..counterfactual import name_gender
    from .context import OTHER_PEOPLE, is_person_token

    low = tok.lower_
    if low in _PRONOUN_GENDER:
        return _PRONOUN_GENDER[low]
    if low in _FIRST_PERSON:
        return None  # the writer
    title = _title_of(tok)
    if title is not None:
        return _TITLES[title]
    if tok.text[:1].isupper() and (g := name_gender(tok.text)):
        return g
    if tok.ent_type_ == "PERSON" and tok.text[:1].isupper():
        return ""
    if low in _GENDERED_NOUNS or tok.lemma_.lower() in _GENDERED_NOUNS:
        return _GENDERED_NOUNS.get(low) or _GENDERED_NOUNS[tok.lemma_.lower()]
    if tok.lemma_.lower() in OTHER_PEOPLE or is_person_token(tok):
        return ""
    return None


def _title_of(tok: Token) -> str | None:
    """The title in front of a name ("mrs" for "Mrs Green"), else None."""
    title = next((c for c in tok.children if c.dep_ == "compound" and c.lower_.rstrip(".") in _TITLES), None)
    if title is None and tok.i > 0 and tok.doc[tok.i - 1].lower_.rstrip(".") in _TITLES:
        title = tok.doc[tok.i - 1]
    return title.lower_.rstrip(".") if title is not None else None


def _role(tok: Token) -> str:
    """'subject' for the actor of a clause, 'object' for someone acted on or spoken of, else ''."""
    t = tok
    while t.dep_ in ("compound", "appos", "conj") and t.head is not t:
        t = t.head
    if t.dep_ in _SUBJECT_DEPS:
        return "subject"
    if t.dep_ in _OBJECT_DEPS:
        return "object"
    if t.dep_ == "poss":
        owner = t.head
        while owner.dep_ == "poss" and owner.head is not owner:
            owner = owner.head
        if owner.dep_ in _OBJECT_DEPS:
            return "object"  # "updated Ms Patel's care plan"
    return ""


def _pronoun_of(span: Span) -> Token | None:
    """The third-person pronoun the match belongs to: in the match ("his wife"), its possessor
    ("his hearing loss", "his wife's dementia"), or the subject it is said of ("he is deaf")."""
    for tok in span:
        if tok.lower_ in _PRONOUNS:
            return tok
    from .context import _subject

    root = span.root
    for _ in range(3):
        poss = next((c for c in root.children if c.dep_ == "poss"), None)
        if poss is None:
            break
        if poss.lower_ in _PRONOUNS:
            return poss
        root = poss
    head = span.root
    if head.dep_ in ("acomp", "attr") and head.head is not head:
        subj = _subject(head.head)
        if subj is not None and subj.lower_ in _PRONOUN_GENDER:
            return subj
    return None


def _relative_head(span: Span) -> Token | None:
    """For a match said in a relative clause ("Mrs Green, who is elderly"), the person the clause
    is about."""
    head = span.root
    verb = head if head.dep_ == "relcl" else head.head if head.dep_ in ("acomp", "attr", "dobj") else None
    if verb is None or verb.dep_ != "relcl":
        return None
    if not any(c.dep_ in _SUBJECT_DEPS and c.lower_ in ("who", "that") for c in verb.children):
        return None
    return verb.head


def reviewee(doc) -> Token | None:
    """The first person the comment names (a name, a person noun or a pronoun, not the writer
    and not one of the others a review speaks of): in a review, the person reviewed."""
    from .context import OTHER_PEOPLE

    for tok in doc:
        if tok.lemma_.lower() in OTHER_PEOPLE and tok.lower_ not in _PRONOUN_GENDER:
            continue
        if tok.dep_ == "compound" and tok.head.ent_type_ == "PERSON":
            continue  # "Ms" in "Ms Patel": the name carries the mention
        if _mention_gender(tok) is not None:
            return tok
    return None


def same_person(a: Token, b: Token) -> bool:
    return a.i == b.i or (a.text[:1].isupper() and a.text == b.text)


def someone_else(span: Span) -> bool:
    """True when the match is about another person than the reviewee, by the rule above."""
    rel = _relative_head(span)
    pron = _pronoun_of(span) if rel is None else None
    if rel is None and pron is None:
        return False  # most matches: nothing to resolve, and no need to find the reviewee
    first = reviewee(span.doc)
    if first is None:
        return False
    if rel is not None:
        if rel.lower_ in _GENERIC_PEOPLE:
            return False  # "well-spoken for someone who trained overseas": the reviewee, through a frame
        return _role(rel) == "object" and not same_person(rel, first) and _served(rel)
    if first.i >= pron.i:
        return False
    if pron.lower_ in _PLURAL:
        if _mention_gender(first) not in ("male", "female"):
            return False  # the reviewee may be a they: keep the flag
        return any(tok.i < pron.i and tok.tag_ in ("NNS", "NNPS") and _role(tok) == "object" and _served(tok)
                   for tok in pron.sent)
    gender = _PRONOUN_GENDER[pron.lower_]
    if _mention_gender(first) != ("female" if gender == "male" else "male"):
        return False  # the reviewee may be meant: keep the flag
    for tok in pron.sent:
        if tok.i >= pron.i:
            break
        if same_person(tok, first) or tok.lower_ in _PRONOUN_GENDER or _role(tok) != "object":
            continue
        g = _mention_gender(tok)
        if g is not None and g in ("", gender) and _served(tok):
            return True  # "took the call from Mr Daniels about his wife's dementia"
    return False


def _served(tok: Token) -> bool:
    """Someone the person serves: a titled name ("Mr Daniels", "Mrs Green": how reviews name patients,
    clients and callers) or a service role ("the caller", "a patient"). A colleague named by first name
    ("covers for Kevin because of his bad back") is not: what the review says about them is still a
    disclosure."""
    from .context import OTHER_PEOPLE

    return tok.lemma_.lower() in OTHER_PEOPLE or tok.lower_ in OTHER_PEOPLE or _title_of(tok) is not None
