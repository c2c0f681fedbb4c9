"""The counterfactual flip swaps gender and keeps an exact alignment."""

import pytest

import feedbackai
from feedbackai.counterfactual import FlipResult


@pytest.mark.parametrize("text,expected", [
    ("She is bossy and her reports are late.", "He is bossy and his reports are late."),
    ("I told her to ask Ms Patel.", "I told him to ask Mr Patel."),
    ("The idea was his, and he presented it.", "The idea was hers, and she presented it."),
    ("Since her maternity leave, Priya seems distracted.", "Since his paternity leave, Arjun seems distracted."),
    ("HE IS LOUD. His brother helps him.", "SHE IS LOUD. Her sister helps her."),
    ("Miss the deadline again and Miss Lopez will escalate.", "Miss the deadline again and Mr Lopez will escalate."),
    ("He will host the quarterly review.", "She will host the quarterly review."),
])
def test_flip(analyzer, text, expected):
    assert feedbackai.flip(text).text == expected


def test_alignment_is_exact(analyzer):
    text = "Priya said her manager, Mr. Chen, thanked her twice. She is a working mom."
    r = feedbackai.flip(text)
    for c in r.changes:
        assert text[c.start:c.end] == c.text and r.text[c.new_start:c.new_end] == c.new_text
    # unchanged text maps through the alignment
    k = text.index("thanked")
    assert r.text[r.map_offset(k):r.map_offset(k) + 7] == "thanked"
    assert r.changed(text.index("working mom"), text.index("working mom") + 11)
    assert FlipResult.from_dict(r.to_dict()) == r


def test_flip_twice_is_identity_for_unambiguous_text(analyzer):
    text = "She told Aisha that her sister and his brother would join him."
    once = feedbackai.flip(text).text
    assert feedbackai.flip(once).text == text


@pytest.mark.parametrize("text", [
    "Trevor is experienced, but his attitude in team meetings has been negative.",
    "Students respect him and his colleagues value his calm manner.",
    "Layla's year has been disappointing and below expectations for her level.",
    "She is abrasive and always late, but her reports are a pleasure to read.",
    "He is bossy with the new hires and never listens.",
    # the small model does not tag every given name as a name ("Grace"); the list does
    "Grace is cute and bubbly, the customers eat it up.",
    "Beautiful boy, always smiling at the customers.",
    "He's a lovely gentleman, the residents adore him.",
])
def test_flags_agree_on_a_comment_and_its_flip(analyzer, text):
    from feedbackai.counterfactual import flip_doc

    fr = flip_doc(analyzer.parse(text))
    a, b = analyzer.analyze(text), analyzer.analyze(fr.text)
    keep_a = {(f.category, fr.map_offset(f.start), fr.map_offset(f.end)) for f in a.flags if not fr.changed(f.start, f.end)}
    new = [(c.new_start, c.new_end) for c in fr.changes]
    keep_b = {(f.category, f.start, f.end) for f in b.flags if not any(s < f.end and f.start < e for s, e in new)}
    assert keep_a == keep_b
