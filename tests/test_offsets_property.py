"""Property: whatever the text, every offset points at its own text."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import feedbackai

from .conftest import assert_offsets

WORDS = st.sampled_from(["she", "is", "abrasive", "always", "late", "great", "job", "maybe", "a lot of",
                         "Send", "the", "report", "by", "March 3", "40%", "bossy", "\n", "!", "?", ".",
                         "<b>", "é", "🎉", "\u200f", "\x00", "Dana", "next", "quarter"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=200))
def test_random_unicode_keeps_offsets(analyzer, text):
    assert_offsets(feedbackai.analyze(text))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(WORDS, max_size=40).map(" ".join))
def test_review_like_text_keeps_offsets(analyzer, text):
    assert_offsets(feedbackai.analyze(text))
