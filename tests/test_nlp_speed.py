"""The pipeline speed-ups change nothing: same tags, POS, morphology, lemmas, parse, entities."""

from __future__ import annotations

import importlib

import pytest

from feedbackai.nlp import load_pipeline, pipeline_name
from feedbackai.nlp_speed import _simple, fast_attribute_ruler, use_numpy_blas

TEXTS = [
    "Priya rewrote the retry logic in February, and p95 latency dropped from 840 ms to 310 ms.",
    "He is gonna lead the retro next sprint; y'all should send him the notes by 5 pm.",
    "It ain't done. Let's c'mon and finish it.  \n\n There  is  a   gap in the QA plan.",
    "i told you it was me, not it. Did he do it? He has. Do they? They did.",
    "She doesn't always listen, but she cut costs by $40k in Q3 FY27 at Acme Corp in Berlin.",
    "  \t ", "Great job!!!", "Could you try sharing the agenda a day ahead?",
    "There were 3 outages; what went wrong was the handover, which nobody owned.",
    "MARIA SHIPPED THE RELEASE 2 WEEKS EARLY AND THE CLIENT SIGNED A 3-YEAR DEAL.",
    "that which is done is done, but all of those who helped deserve thanks",
]


def _attrs(doc):
    return [(t.text, t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_, t.ent_type_,
             t.is_sent_start) for t in doc]


@pytest.fixture(scope="module")
def stock():
    """A second, untouched copy of the installed pipeline."""
    return importlib.import_module(pipeline_name()).load()


def test_fast_pipeline_gives_identical_annotations(stock):
    fast = load_pipeline()
    assert getattr(fast.get_pipe("attribute_ruler"), "_feedbackai_fast", False)
    for a, b in zip(stock.pipe(TEXTS), fast.pipe(TEXTS)):
        assert _attrs(a) == _attrs(b), a.text


def test_numpy_blas_switches_ops_and_is_idempotent():
    from thinc.api import NumpyOps

    nlp = importlib.import_module(pipeline_name()).load()
    assert use_numpy_blas(nlp) > 0
    assert use_numpy_blas(nlp) == 0  # already switched
    ner = nlp.get_pipe("ner").model
    assert all(type(node.ops) is not NumpyOps for node in ner.walk())


def test_fast_attribute_ruler_applies_once_and_only_to_a_known_ruler(stock):
    nlp = importlib.import_module(pipeline_name()).load()
    assert fast_attribute_ruler(nlp) is True
    assert fast_attribute_ruler(nlp) is False
    assert fast_attribute_ruler(nlp, name="no_such_pipe") is False


def test_simple_patterns_are_only_single_token_tag_or_lower_equalities():
    assert _simple([{"TAG": "NN"}]) and _simple([{"LOWER": "gon"}]) and _simple([{"TAG": "VBZ", "LOWER": "'s"}])
    assert not _simple([{"LOWER": "gon"}, {"LOWER": "na"}])
    assert not _simple([{"TAG": {"IN": ["DT", "WDT"]}}])
    assert not _simple([{"TAG": "IN", "DEP": "mark"}])
    assert not _simple([{}])


def test_predicates_follow_matcher_semantics():
    from feedbackai.nlp_speed import _predicate

    aux = _predicate([{"TAG": {"NOT_IN": ["TO", ""]}, "DEP": {"IN": ["aux", "auxpass"]}}])
    assert aux({"TAG": "MD", "LOWER": "will", "DEP": "aux", "IS_SPACE": False})
    assert not aux({"TAG": "TO", "LOWER": "to", "DEP": "aux", "IS_SPACE": False})
    assert not aux({"TAG": "MD", "LOWER": "will", "DEP": "ROOT", "IS_SPACE": False})
    space = _predicate([{"IS_SPACE": True}])
    assert space({"TAG": "_SP", "LOWER": " ", "DEP": "", "IS_SPACE": True})
    assert not space({"TAG": "NN", "LOWER": "x", "DEP": "", "IS_SPACE": False})
    assert _predicate([{"LOWER": {"REGEX": "^y'?$"}}]) is None
    assert _predicate([{"LOWER": "gon"}, {"LOWER": "na"}]) is None
    assert _predicate([{"ORTH": "x"}]) is None
