"""Comparatives the small tagger reads as nouns get their adjective back (feedbackai.comparatives)."""

from __future__ import annotations

import pytest

from feedbackai.comparatives import NAME, adjective_base


def test_component_is_in_the_pipeline(nlp):
    assert NAME in nlp.pipe_names
    assert nlp.pipe_names.index(NAME) > nlp.pipe_names.index("lemmatizer")


@pytest.mark.parametrize("text, word, lemma", [
    ("She is meeker than the rest of the team.", "meeker", "meek"),
    ("He is quieter than the others in meetings.", "quieter", "quiet"),
    ("She is the quietest person on the team.", "quietest", "quiet"),
])
def test_comparative_gets_its_adjective(nlp, text, word, lemma):
    tok = next(t for t in nlp(text) if t.text == word)
    assert (tok.pos_, tok.lemma_) == ("ADJ", lemma)


@pytest.mark.parametrize("text, word", [
    ("Our banker is smarter than theirs.", "banker"),
    ("The new manager started in May.", "manager"),
    ("She is a better manager than her predecessor.", "manager"),
])
def test_nouns_stay_nouns(nlp, text, word):
    tok = next(t for t in nlp(text) if t.text == word)
    assert tok.pos_ in ("NOUN", "PROPN")


def test_regular_bases():
    adj = frozenset({"meek", "nice", "big", "bossy"})
    assert adjective_base("meeker", "er", adj) == "meek"
    assert adjective_base("nicer", "er", adj) == "nice"
    assert adjective_base("bigger", "er", adj) == "big"
    assert adjective_base("bossiest", "est", adj) == "bossy"
    assert adjective_base("banker", "er", adj) is None
    assert adjective_base("cuter", "er", frozenset({"cut", "cute"})) == "cute"


def test_trait_lexicon_now_sees_comparatives(analyzer):
    flags = analyzer.analyze("He is quieter than the others in client meetings.").flags
    assert any(f.category == "bias.personality" and f.text == "quieter" for f in flags)
