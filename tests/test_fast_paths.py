"""The shortcuts taken for speed give exactly what the straightforward code gives."""

import numpy as np

from feedbackai.checks import registry
from feedbackai.scoring.features import DocTokens, span_features

TEXTS = [
    "She is abrasive in standups. Great job on Atlas! Before each sprint review, send the PM a one-page summary.",
    "He is always late and never listens. At 62, Tom is still sharp, for a man his age.",
    "Her work was amazing this quarter; she's a pleasure to work with and a real team player.",
    "Priya cut the backlog from 900 to 150, which let finance close on day 3.",
    "", "Ok.",
]


def _examples():
    out = list(TEXTS)
    for lx in registry.lexicons():
        out += list(lx.flag_examples) + list(lx.pass_examples)
    return out


def test_pattern_prefilter_gives_the_full_matchers_matches(analyzer):
    checker = analyzer.checker
    docs = list(analyzer.nlp.pipe(_examples()))
    _, _, full = checker._matchers_for(docs[0])
    rank = {analyzer.nlp.vocab.strings.add(key): k for k, (key, _, _) in enumerate(checker._prefilter[0])}
    for doc in docs:
        if len(doc):
            expected = sorted(full(doc), key=lambda m: (m[1], m[2], rank[m[0]]))
            assert checker._pattern_matches(doc, full) == expected, doc.text


def test_pattern_groups_hold_every_pattern_once(analyzer):
    checker = analyzer.checker
    checker._matchers_for(analyzer.nlp.make_doc("x"))
    patterns, _, _, need, always, group, _ = checker._prefilter
    assert len(group) == len(patterns) and len(patterns) > 32
    assert all(need[k] == 0 for k in always)
    sizes = [group.count(g) for g in set(group)]
    assert max(sizes) <= 32 and sum(sizes) == len(patterns)


def test_span_features_with_shared_tokens_are_the_same(analyzer):
    for doc in analyzer.nlp.pipe(TEXTS):
        tokens = DocTokens(doc)
        spans = [(s.start_char, s.end_char) for s in doc.sents] + [(0, len(doc.text))]
        for a, b in spans:
            assert np.array_equal(span_features(doc, a, b, [], [], 1),
                                  span_features(doc, a, b, [], [], 1, tokens=tokens))
