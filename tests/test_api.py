"""The public API contract, on the real models."""

import pytest

import feedbackai
from feedbackai import CATEGORIES, CommentReport

from .conftest import assert_offsets

COMMENT = ("Priya is a pleasure to work with and always goes above and beyond. In the March 3 design "
           "review she presented two options with cost estimates, which let us decide in one meeting. "
           "Before each sprint review, send the PM a one-page summary.")


def test_public_names():
    for name in ("analyze", "analyze_many", "check_goal", "check_goals", "Analyzer", "CheckConfig",
                 "CommentReport", "GoalReport", "Flag", "Evidence", "Score", "CriterionResult"):
        assert name in feedbackai.__all__
        assert getattr(feedbackai, name) is not None


def test_analyze_contract(analyzer):
    r = feedbackai.analyze(COMMENT)
    assert isinstance(r, CommentReport)
    for s in (r.specificity, r.actionability):
        assert 0 <= s.value <= 100 and s.level in ("low", "medium", "high")
        assert s.reasons
    assert r.specificity.level == "high"
    assert r.actionability.level in ("medium", "high")
    assert {f.category for f in r.flags} >= {"bias.personality", "vague.generic"}
    for f in r.flags:
        assert f.category in CATEGORIES and f.severity in ("low", "medium", "high")
        assert f.explanation and f.suggestion and f.source
    assert len(r.sentences) == 3
    assert_offsets(r)


def test_analyze_many_matches_analyze_one_by_one(analyzer):
    texts = [COMMENT, "", "Great job!", "Could you try posting the notes in Slack?", "ok"] * 3
    many = list(feedbackai.analyze_many(iter(texts), batch_size=4))
    assert len(many) == len(texts)
    assert many == [feedbackai.analyze(t) for t in texts]


def test_analyze_many_is_lazy(analyzer):
    def gen():
        yield "Great job!"
        raise RuntimeError("should not be pulled yet")

    it = feedbackai.analyze_many(gen(), batch_size=1)
    assert next(it).text == "Great job!"


@pytest.mark.parametrize("text", ["", "   \n\t "])
def test_empty_text_gives_a_valid_lowest_report(analyzer, text):
    r = feedbackai.analyze(text)
    assert r.flags == () and r.sentences == ()
    assert r.specificity.value == 0 and r.actionability.value == 0
    assert r.specificity.level == "low" and any("empty" in n for n in r.notes)


@pytest.mark.parametrize("bad", [None, 42, b"bytes", ["list"]])
def test_non_str_raises_type_error_naming_the_type(analyzer, bad):
    with pytest.raises(TypeError, match=type(bad).__name__):
        feedbackai.analyze(bad)


def test_text_above_the_limit_raises_value_error_naming_the_limit(analyzer):
    with pytest.raises(ValueError, match="20,000"):
        feedbackai.analyze("word " * 5000)
    small = feedbackai.Analyzer(max_chars=10, nlp=analyzer.nlp)
    with pytest.raises(ValueError, match="10"):
        small.analyze("This is longer than ten.")


@pytest.mark.parametrize("text", [
    "She is abrasive \x00\x07\x1b[31m and always late.\u200b",
    "Great job 🎉🎉 on the launch! 👍🏽 She is bossy.",
    "גדול מאוד She is abrasive. عمل رائع",
    "<script>alert('x')</script> Great job! <b>She is shrill</b> &amp; maybe late.",
    "e\u0301te\u0301 ﬁne ﬂags: she is abrasive",
])
def test_hostile_text_keeps_offsets_valid(analyzer, text):
    r = feedbackai.analyze(text)
    assert r.text == text
    assert_offsets(r)


def test_html_is_analysed_as_text_not_interpreted(analyzer):
    r = feedbackai.analyze("<script>alert(1)</script> She is abrasive.")
    assert any(f.text == "abrasive" for f in r.flags)


def test_non_english_gets_a_note(analyzer):
    r = feedbackai.analyze("Er hat die Aufgaben immer pünktlich erledigt und die Kunden waren zufrieden mit seiner Arbeit.")
    assert any("English" in n for n in r.notes)
    r = feedbackai.analyze("She closed 14 tickets during the on-call week and wrote the runbook.")
    assert not r.notes


def test_analyzer_is_thread_safe(analyzer):
    from concurrent.futures import ThreadPoolExecutor

    texts = [COMMENT, "He is always late.", "Great work!", "Please pair with Dana next sprint."] * 5
    expected = [analyzer.analyze(t) for t in texts]
    with ThreadPoolExecutor(4) as pool:
        got = list(pool.map(analyzer.analyze, texts))
    assert got == expected
