"""feedbackai's checks run inside anyone's spaCy pipeline."""

import importlib

import feedbackai.nlp  # noqa: F401  (registers the "feedbackai" factory)
from feedbackai.nlp import pipeline_name


def test_component_writes_flags_to_doc_spans():
    nlp = importlib.import_module(pipeline_name()).load()
    nlp.add_pipe("feedbackai", config={"categories": ["bias.personality", "vague.generic"]})
    doc = nlp("She is abrasive. Great job this year!")
    labels = [(s.text, s.label_) for s in doc.spans["feedbackai"]]
    assert ("abrasive", "bias.personality") in labels and ("Great job", "vague.generic") in labels
    assert all(f.category in ("bias.personality", "vague.generic") for f in doc._.feedbackai_flags)
    docs = list(nlp.pipe(["He is always late.", "She wrote the runbook."]))
    assert [len(d.spans["feedbackai"]) for d in docs] == [0, 0]  # absolutes are off in this config
