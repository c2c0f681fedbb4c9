"""Comparative and superlative adjectives the small tagger reads as nouns.

en_core_web_sm tags some comparatives of uncommon adjectives as singular nouns and leaves
their lemma alone: in "She is meeker than the rest" and "He is quieter than the others",
"meeker" and "quieter" are NN with lemma "meeker" / "quieter", so a lemma lexicon entry for
"meek" or "quiet" never sees them (its common forms, "pushier", "lazier", are tagged JJR and
lemmatised). This component, run after the lemmatizer, re-tags such a token as an adjective
(JJR / JJS) with its base as lemma when

- the word ends in -er followed by "than", or in -est after "the" / a possessive;
- the lemmatizer's own WordNet index has no noun of that spelling ("manager", "banker" stay
  nouns); and
- one of the regular bases (meek-er, nic-er, bigg-er, bossi-er) is an adjective in that index.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

NAME = "feedbackai_comparatives"
_index: dict[int, tuple[Language, frozenset[str], frozenset[str]]] = {}


def lexical_tables(nlp: Language) -> tuple[frozenset[str], frozenset[str]]:
    """(adjectives, nouns) of the lemmatizer's WordNet index, lower case; empty without one."""
    key = id(nlp)
    if key not in _index or _index[key][0] is not nlp:
        adj: frozenset[str] = frozenset()
        noun: frozenset[str] = frozenset()
        if "lemmatizer" in nlp.pipe_names:
            lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
            if lookups is not None and lookups.has_table("lemma_index"):
                table = lookups.get_table("lemma_index")
                adj = frozenset(w.lower() for w in (table.get("adj") or ()))
                noun = frozenset(w.lower() for w in (table.get("noun") or ()))
        _index[key] = (nlp, adj, noun)
    return _index[key][1], _index[key][2]


def adjective_base(word: str, suffix: str, adjectives: frozenset[str]) -> str | None:
    """The adjective a regular comparative (suffix "er") or superlative ("est") is built on."""
    stem = word[: -len(suffix)]
    if len(stem) < 2:
        return None
    candidates = [stem + "e", stem]                     # nic-er, meek-er ("cuter" is cute, not cut)
    if len(stem) > 2 and stem[-1] == stem[-2]:
        candidates.append(stem[:-1])                    # bigg-er
    if stem.endswith("i"):
        candidates.append(stem[:-1] + "y")              # bossi-er
    for c in candidates:
        if c in adjectives:
            return c
    return None


@Language.factory(NAME)
def make_comparatives(nlp: Language, name: str):
    adjectives, nouns = lexical_tables(nlp)

    def comparatives(doc: Doc) -> Doc:
        if not adjectives:
            return doc
        n = len(doc)
        for t in doc:
            if t.tag_ not in ("NN", "NNP") or len(t) < 5:
                continue
            low = t.lower_
            if low in nouns:
                continue
            if low.endswith("er") and t.i + 1 < n and doc[t.i + 1].lower_ == "than":
                suffix, tag = "er", "JJR"
            elif low.endswith("est") and t.i > 0 and (doc[t.i - 1].lower_ == "the" or doc[t.i - 1].tag_ == "POS"):
                suffix, tag = "est", "JJS"
            else:
                continue
            base = adjective_base(low, suffix, adjectives)
            if base:
                t.tag_ = tag
                t.pos_ = "ADJ"
                t.lemma_ = base
        return doc

    return comparatives


def add_to(nlp: Language) -> None:
    """Append the component after the lemmatizer (once)."""
    if NAME not in nlp.pipe_names and "lemmatizer" in nlp.pipe_names:
        nlp.add_pipe(NAME, after="lemmatizer")
