"""Misspelt one-word terms: "mabye", "allways", "abrasve" match "maybe", "always", "abrasive".

Reviews are typed fast (the corpora's writers kept "somtimes", "probly", "definately"), and a
misspelt hedge or trait word is still that word to its reader. A token that is no English
word (the lemmatizer's WordNet index), in lower case and not a sentence's first word (where
names stand, "Keisha" is one edit from "geisha"), not a number, and within one edit
(insertion, deletion, substitution or transposition of neighbours) of exactly one lexicon term
of five or more letters counts as that term. Candidates come from a symmetric-deletion index
(each term and its one-letter deletions), then are verified by the optimal string alignment
distance; a token near two different terms matches neither.
"""

from __future__ import annotations

from typing import Iterable

MIN_TERM = 5


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


def osa_distance(a: str, b: str, cap: int = 2) -> int:
    """Optimal string alignment distance (Damerau-Levenshtein without repeated edits of a
    substring), stopped early at ``cap``."""
    if abs(len(a) - len(b)) >= cap:
        return cap
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) >= cap:
            return cap
        prev2, prev = prev, cur
    return min(prev[-1], cap)


def _inflection_of(word: str, english: frozenset[str]) -> bool:
    """``word`` is a regular inflection of an English word: -s, -es, -ies, -ed, -ied, -ing, with
    a doubled final consonant or a dropped final e ("looks", "stopped", "taking", "tries")."""
    stems = []
    if word.endswith("ies") or word.endswith("ied"):
        stems.append(word[:-3] + "y")
    if word.endswith("s"):
        stems += [word[:-1], word[:-2]]
    if word.endswith("ed"):
        stems += [word[:-2], word[:-1], word[:-3]]
    if word.endswith("ing"):
        stems += [word[:-3], word[:-3] + "e", word[:-4]]
    return any(len(st) >= 3 and st in english for st in stems)


class TypoIndex:
    """term -> keys of the lexicon entries whose single-word term it is."""

    def __init__(self, terms: Iterable[tuple[str, str]]) -> None:
        self.keys: dict[str, list[str]] = {}
        for term, key in terms:
            if len(term) >= MIN_TERM and term.isalpha():
                self.keys.setdefault(term, []).append(key)
        self.index: dict[str, set[str]] = {}
        for term in self.keys:
            for v in _deletions(term) | {term}:
                self.index.setdefault(v, set()).add(term)

    def __len__(self) -> int:
        return len(self.keys)

    def term_for(self, word: str) -> str | None:
        """The one term within one edit of ``word`` (lower case), or None."""
        if word in self.keys:
            return None  # spelt right: the matchers have it
        found = set()
        for v in _deletions(word) | {word}:
            found |= self.index.get(v, set())
        near = [t for t in found if osa_distance(word, t) <= 1]
        return near[0] if len(near) == 1 else None

    def matches(self, doc, english: frozenset[str]) -> list[tuple[str, int]]:
        """(entry key, token index) for each misspelt term in ``doc``."""
        out: list[tuple[str, int]] = []
        if not english or not self.keys:
            return out
        for tok in doc:
            text = tok.text
            if len(text) < MIN_TERM - 1 or not text.isalpha() or tok.is_stop or tok.like_num:
                continue
            low = tok.lower_
            if low in english or tok.lemma_.lower() in english or _inflection_of(low, english):
                continue  # an English word, also when the small model left it unlemmatised ("looks" as AUX)
            if text[:1].isupper() or tok.i == tok.sent.start or tok.ent_type_ == "PERSON":
                continue  # a name ("Keisha", "linda is ..."), an acronym or a product
            term = self.term_for(low)
            if term is not None:
                out += [(key, tok.i) for key in self.keys[term]]
        return out
