"""Evidence extraction finds the raw material of both scores."""

import pytest

from feedbackai.evidence import extract


def kinds(nlp, text):
    return {(e.kind, e.text) for e in extract(nlp(text))}


def kind_set(nlp, text):
    return {e.kind for e in extract(nlp(text))}


@pytest.mark.parametrize("text,kind", [
    ("She cut the invoice backlog by 40% in six weeks.", "metric"),
    ("Closed 14 tickets during the on-call week.", "metric"),
    ("Saved the client $120,000 on the renewal.", "metric"),
    ("In the March 4 design review he presented two options.", "date"),
    ("She negotiated the renewal with Acme Corp.", "entity"),
    ("He led the Atlas rollout.", {"project", "entity"}),
    ("Fixed JIRA-1432 before the release.", "project"),
    ("She rewrote the onboarding guide.", "action"),
    ("He automated the report, which cut prep time in half.", "outcome"),
    ("She reorganised the stockroom so that pickers walk less.", "outcome"),
    ("For example, she rewrote the handover checklist.", "example"),
    ("In the quarterly budget review she flagged the variance.", "example"),
])
def test_specificity_evidence(nlp, text, kind):
    wanted = kind if isinstance(kind, set) else {kind}
    assert wanted & kind_set(nlp, text)


@pytest.mark.parametrize("text,kind", [
    ("Send the PM a one-page summary before each sprint review.", "imperative"),
    ("You should present the roadmap at the next all-hands.", "suggestion"),
    ("Consider pairing with Dana on the next migration.", "suggestion"),
    ("I'd like you to lead the Q3 planning.", "suggestion"),
    ("Could you try posting the standup notes in Slack?", "question"),
    ("I will book her onto the cannulation course in spring.", "next_step"),
    ("Send the recap every Friday.", "timing"),
    ("Starting next quarter, run the retro yourself.", "timing"),
    ("Please take the SQL course in the learning portal.", "resource"),
    ("Pair with Dana on two on-call shifts.", "resource"),
    ("Don't wait until Friday to escalate blockers.", "imperative"),
    ("Never skip the pre-shift huddle.", "imperative"),
    ("Be sure to copy the PM on client emails.", "imperative"),
    ("If you get stuck, ask Dana before the deadline.", "imperative"),
    ("It would be great if you sent the agenda a day ahead.", "suggestion"),
    ("It'd be really helpful to get the handover notes before 9am.", "suggestion"),
    ("I'd like to see the summary a day before each review.", "suggestion"),
    ("Should we move the standup to 9am so the Bangalore team can join?", "suggestion"),
])
def test_actionability_evidence(nlp, text, kind):
    assert kind in kind_set(nlp, text)


@pytest.mark.parametrize("text", [
    "He knows Python 3 really well.",
    "She has been here since 2019.",
    "A 10/10 teammate.",
    "He always gives 110% to the team.",
])
def test_numbers_that_are_not_evidence(nlp, text):
    assert "metric" not in kind_set(nlp, text)


@pytest.mark.parametrize("text", [
    "I would like to know how to debug a background task.",
    "I'd like to thank the whole team for the launch.",
    "I would like to understand why the build broke.",
    "It would be a shame to lose her.",
    "What should I use instead of the old API?",
    "Should I file a bug for this?",
])
def test_requests_for_information_and_thanks_are_not_suggestions(nlp, text):
    assert "suggestion" not in kind_set(nlp, text)


@pytest.mark.parametrize("text", [
    "Great job this year, keep it up!",
    "She is a real team player.",
    "He should have told us earlier.",
])
def test_generic_text_has_no_strong_evidence(nlp, text):
    found = kind_set(nlp, text)
    assert not found & {"metric", "date", "outcome", "example"}
    assert "question" not in found and "next_step" not in found


def test_evidence_offsets_and_targets(nlp):
    text = "Before each sprint review, send Dana a one-page summary, which cut meeting time by 20%."
    for e in extract(nlp(text)):
        assert text[e.start:e.end] == e.text and e.text == e.text.strip()
        assert e.target in ("specificity", "actionability") and e.weight > 0 and e.description
