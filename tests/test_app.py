"""The app builds and answers through gradio_client."""


import pytest


def test_check_endpoint(app_url):
    from gradio_client import Client

    client = Client(app_url, verbose=False)
    highlighted, scores, flags, evidence, sentences = client.predict(
        "She is abrasive. Send Dana the recap every Friday.", api_name="/check")
    labels = {seg["class_or_confidence"] for seg in highlighted}
    assert "bias.personality" in labels
    assert "Actionability" in scores
    assert flags["data"][0][1] == "bias.personality"
    assert any(row[2] == "imperative" for row in evidence["data"])
    assert len(sentences["data"]) == 2


def test_flip_endpoint(app_url):
    from gradio_client import Client

    client = Client(app_url, verbose=False)
    flipped, note = client.predict("She is bossy and her manager agrees.", api_name="/flip")
    assert "".join(seg["token"] for seg in flipped) == "He is bossy and his manager agrees."
    assert "She → He" in note


def test_highlight_segments_merge_overlaps():
    from feedbackai.types import CommentReport, Flag, Score
    from feedbackai.ui.check_tab import highlight_segments

    text = "As a working mom she is bossy."
    f1 = Flag("bias.gendered", 5, 16, "working mom", "high", "e", "s", "x")
    f2 = Flag("bias.family_status", 5, 16, "working mom", "high", "e", "s", "x")
    f3 = Flag("bias.gendered", 24, 29, "bossy", "high", "e", "s", "x")
    s = Score(0.0, "low")
    segs = highlight_segments(CommentReport(text, s, s, (f1, f2, f3)))
    assert "".join(t for t, _ in segs) == text
    assert ("working mom", "bias.family_status + bias.gendered") in segs
