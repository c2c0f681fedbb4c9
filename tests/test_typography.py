"""Typographic quotes, dashes and spaces (text pasted from Word or Outlook) are read as plain ones."""

from __future__ import annotations

import pytest

from feedbackai.typography import _PLAIN, plain

PAIRS = [
    ("She\u2019s a bit of a diva and hard\u2013working.", "She's a bit of a diva and hard-working."),
    ("He\u2019s always late and doesn\u2019t send the handover notes.", "He's always late and doesn't send the handover notes."),
    ("The client called her \u201cabrasive\u201d after the 3 May call.", 'The client called her "abrasive" after the 3 May call.'),
    ("She\u00a0is\u00a0very emotional in planning meetings.", "She is very emotional in planning meetings."),
    ("Great job this year \u2014 keep it up!", "Great job this year - keep it up!"),
    ("If I\u2019m honest, she\u2019s a bit of a perfectionist.", "If I'm honest, she's a bit of a perfectionist."),
    ("\ufeffShe is abrasive in code reviews.", " She is abrasive in code reviews."),
]


def test_plain_replaces_one_character_for_one():
    for variant, ordinary in _PLAIN.items():
        assert len(variant) == 1 and len(ordinary) == 1
    text = "".join(_PLAIN)
    assert len(plain(text)) == len(text)
    assert plain(PAIRS[0][0]) == PAIRS[0][1]


@pytest.mark.parametrize("typed,ordinary", PAIRS)
def test_typographic_text_gets_the_plain_texts_flags_with_its_own_characters(analyzer, typed, ordinary):
    got, want = analyzer.analyze(typed), analyzer.analyze(ordinary)
    assert got.text == typed
    assert [(f.category, f.start, f.end) for f in got.flags] == [(f.category, f.start, f.end) for f in want.flags]
    assert want.flags or ordinary.startswith("The client")  # every other pair has something to flag
    for f in got.flags:
        assert f.text == typed[f.start:f.end]
    for e in got.evidence:
        assert e.text == typed[e.start:e.end]
    for s in got.sentences:
        assert s.text == typed[s.start:s.end]
    assert got.specificity.value == pytest.approx(want.specificity.value, abs=1e-6)
    assert got.actionability.value == pytest.approx(want.actionability.value, abs=1e-6)


def test_hyphenated_term_typed_with_an_en_dash_is_flagged(analyzer):
    typed = "Dariusz is hard\u2013working."
    assert [f.text for f in analyzer.analyze(typed).flags if f.category == "vague.generic"] == ["hard\u2013working"]
