"""The first (formula) scores: monotone in evidence, and sane on clear cases."""

import pytest

from feedbackai.scoring.formula import FormulaScorer, evidence_sum
from feedbackai.types import Evidence


def test_adding_an_example_and_a_metric_raises_specificity(analyzer):
    base = "Great year, she is a strong performer."
    richer = base + " For example, in the March close she cut reconciliation time from 5 days to 2."
    assert analyzer.analyze(richer).specificity.value > analyzer.analyze(base).specificity.value + 20


def test_adding_a_next_step_raises_actionability(analyzer):
    base = "His status updates are hard to follow."
    richer = base + " Before each Friday review, send a three-bullet summary to the PM."
    assert analyzer.analyze(richer).actionability.value > analyzer.analyze(base).actionability.value + 30


@pytest.mark.parametrize("text,spec,act", [
    ("Great job this year, keep it up!", "low", "low"),
    ("Cut the invoice backlog from 900 to 150 in six weeks, which let finance close on day 3.", "high", "low"),
    ("Before each sprint review, send the PM a one-page summary.", None, "high"),
    ("Could you try sharing the agenda a day ahead?", None, "medium+"),
])
def test_clear_cases(analyzer, text, spec, act):
    r = analyzer.analyze(text)
    if spec:
        assert r.specificity.level == spec
    if act == "medium+":
        assert r.actionability.level in ("medium", "high")
    elif act:
        assert r.actionability.level == act


def _ev(kind, w=1.0, target="specificity"):
    return Evidence(kind, target, 0, 1, "x", "d", w)


def test_formula_is_monotone_and_bounded():
    s = FormulaScorer()
    evs = []
    last = -1.0
    for kind in ["metric", "metric", "date", "entity", "outcome", "example", "metric"] * 3:
        evs.append(_ev(kind))
        v = s.score("specificity", evs).value
        assert last <= v <= 100
        last = v
    assert evidence_sum([_ev("metric"), _ev("metric")])[0] == pytest.approx(1.5)


def test_hedges_weaken_actionability():
    from feedbackai.types import Flag

    s = FormulaScorer()
    ev = [_ev("imperative", 1.2, "actionability")]
    hedge = Flag("vague.hedge", 0, 5, "maybe", "low", "e", "s", "src")
    assert s.score("actionability", ev, [hedge]).value < s.score("actionability", ev).value


def test_sentences_explain_the_comment(analyzer):
    r = analyzer.analyze("Great job. Send the PM a one-page summary before each sprint review.")
    assert r.sentences[0].actionability.value < r.sentences[1].actionability.value
    assert r.sentences[1].actionability.level == "high" and r.actionability.level == "high"
