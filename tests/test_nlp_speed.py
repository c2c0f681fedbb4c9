"""The pipeline speed-ups change nothing: same tags, POS, morphology, lemmas, parse, entities."""

from __future__ import annotations

import importlib

import pytest

from feedbackai.nlp import load_pipeline, pipeline_name
from feedbackai.nlp_speed import (FastEntityRecognizer, _simple, fast_attribute_ruler,
                                  fast_entity_recognizer, use_numpy_blas)

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
    # entities: several words, at the end of a text, across a newline, in capitals, next to
    # whitespace runs, many per sentence
    "Dr. Martin Luther King Jr. spoke in Washington D.C. on 28 August 1963.",
    "Thanks from the whole team to Priya Sharma", "Anna Kowalski\n\nJames O'Brien\n",
    "Led the  Q3   launch \n with  Acme Corp in  New York .", "Sam, Lee, Ana and Tom met Acme, Initech and Globex",
    "$4.5m in ARR from 12 new logos in EMEA during H2 FY27, 30% above the 2025 plan.",
    "Maria", "ok", "New York\tLos Angeles\t\tChicago",
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


def _ents(doc):
    return [(t.ent_iob_, t.ent_type_) for t in doc]


def test_fast_recogniser_is_in_place_and_matches_the_stock_decoder_at_any_batch_size():
    nlp = load_pipeline()
    fast = nlp.get_pipe("ner")
    assert isinstance(fast, FastEntityRecognizer)
    stock = fast._ner
    docs = list(nlp.pipe(TEXTS * 3, disable=["ner"]))
    assert sum(1 for d in docs if len(d) > 3) > 20
    expected = [_ents(d) for d in stock.pipe([d.copy() for d in docs], batch_size=8)]
    found = 0
    for batch_size in (1, 4, 256):
        got = [_ents(d) for d in fast.pipe([d.copy() for d in docs], batch_size=batch_size)]
        assert got == expected
        found = sum(1 for e in got for iob, _ in e if iob == "B")
    assert found >= 30  # the texts do hold entities, multi-word ones among them
    assert any(iob == "I" for e in expected for iob, _ in e)
    one = docs[20].copy()
    assert _ents(fast(one)) == expected[20]


def test_fast_recogniser_leaves_preset_entities_to_spacy():
    from spacy.tokens import Span

    nlp = load_pipeline()
    fast = nlp.get_pipe("ner")
    doc = nlp("Priya Sharma moved from Acme Corp to Globex in Berlin.", disable=["ner"])
    preset = doc.copy()
    preset.set_ents([Span(preset, 4, 6, label="PRODUCT")], default="unmodified")
    a, b = preset.copy(), preset.copy()
    list(fast.pipe([a]))  # a batch with preset entities goes to spaCy's decoder, which keeps them
    fast._ner.set_annotations([b], fast._ner.predict([b]))
    assert _ents(a) == _ents(b)
    assert [(e.text, e.label_) for e in a.ents if e.label_ == "PRODUCT"] == [("Acme Corp", "PRODUCT")]


def test_fast_recogniser_applies_once_hands_on_attributes_and_declines_other_models():
    nlp = importlib.import_module(pipeline_name()).load()
    assert fast_entity_recognizer(nlp) is True
    assert fast_entity_recognizer(nlp) is False
    assert fast_entity_recognizer(nlp, name="no_such_pipe") is False
    ner = nlp.get_pipe("ner")
    assert "PERSON" in ner.labels and ner.name == "ner"
    assert not FastEntityRecognizer.supports(nlp.get_pipe("parser"))
    assert not FastEntityRecognizer.supports(object())
    assert [e.label_ for e in nlp("Anna Kowalski joined Acme Corp in Berlin.").ents] == ["PERSON", "ORG", "GPE"]


def test_fast_recogniser_survives_pickling_and_defers_to_spacy_after_labels_change():
    import pickle

    nlp = importlib.import_module(pipeline_name()).load()
    assert fast_entity_recognizer(nlp)
    fast = nlp.get_pipe("ner")
    again = pickle.loads(pickle.dumps(fast))
    assert isinstance(again, FastEntityRecognizer) and again.labels == fast.labels
    doc = nlp("Priya Sharma moved from Acme Corp to Globex in Berlin.", disable=["ner"])
    fast._rehearsal_model = "set by resume_training"  # attributes written go to the recogniser
    assert fast._ner._rehearsal_model == "set by resume_training"
    fast._rehearsal_model = None
    fast.add_label("SKILL")  # the moves change: the bulk tables no longer fit, so spaCy decodes
    a, b = doc.copy(), doc.copy()
    list(fast.pipe([a]))
    fast._ner.set_annotations([b], fast._ner.predict([b]))
    assert _ents(a) == _ents(b)


def test_fast_recogniser_breaks_near_ties_as_spacy_does():
    """Two inputs (found by a reviewer's near-tie search) where two moves' scores differ only
    in the last bits: numpy's BLAS summing in another order than spaCy's BLIS flipped them."""
    from spacy.tokens import Doc

    nlp = load_pipeline()
    fast = nlp.get_pipe("ner")
    text = "ariocarpus Roi Acanthoscelides amphitheatrical Cussedly triga Scalier 1381 lurk"
    doc = nlp(text, disable=["ner"])
    words = Doc(nlp.vocab, words=["Grandstander", "zionist", "480", "Supplementary", "1635", "Cubeb", "868",
                                   "Hee-haw", "hs2"])
    for name, proc in nlp.pipeline:  # the Doc of words gets tags, parse and lemmas too
        if name != "ner":
            proc(words)
    for d in (doc, words):
        a, b = d.copy(), d.copy()
        fast(a)
        fast._ner(b)
        assert _ents(a) == _ents(b), d.text
