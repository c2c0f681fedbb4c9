import json

import pytest

from feedbackai.types import (CommentReport, CriterionResult, Evidence, Flag, GoalReport, Score,
                              SentenceReport, level_for)


def _report():
    text = "She is abrasive. Send the recap by Friday."
    ev = Evidence("imperative", "actionability", 17, 41, text[17:41], "tells the person what to do", 1.2)
    flag = Flag("bias.personality", 7, 15, "abrasive", "medium", "why", "instead", "Snyder 2014", "personality")
    s = Score(10.0, "low", (), ("no concrete detail found",), "formula-v1")
    a = Score(55.0, "medium", (ev,), ("tells the person what to do",), "formula-v1")
    sent = SentenceReport(0, 16, text[:16], s, s)
    return CommentReport(text, s, a, (flag,), (sent,), ("a note",), "0.1.0")


def test_comment_report_round_trip_is_lossless():
    r = _report()
    d = r.to_dict()
    assert json.loads(json.dumps(d)) == d  # JSON-serialisable
    assert CommentReport.from_dict(d) == r
    assert CommentReport.from_json(r.to_json()) == r


def test_goal_report_round_trip_is_lossless():
    ev = Evidence("timing", "actionability", 10, 16, "by Q3!"[:6], "deadline")
    c = CriterionResult(True, 1.0, (ev,), "ok", "", True, {"deadlines": [{"text": "by Q3", "date": "2027-09-30"}]})
    n = CriterionResult(False, 0.0, (), "not judged", "give objectives", False)
    g = GoalReport("Ship it by Q3", {"specific": c, "relevant": n}, 50.0, "v", "rw", "2026-11-26", ("o",), ("n",))
    d = g.to_dict()
    assert json.loads(json.dumps(d)) == d
    assert GoalReport.from_dict(d) == g
    assert dict(GoalReport.from_dict(d).criteria["specific"].details) == dict(c.details)


def test_types_are_frozen():
    r = _report()
    with pytest.raises(Exception):
        r.text = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        GoalReport("g", {}, 0.0).criteria["x"] = 1  # type: ignore[index]


@pytest.mark.parametrize("kwargs", [
    dict(start=5, end=3, text=""),
    dict(start=0, end=4, text="abc"),
    dict(start=-1, end=2, text="abc"),
])
def test_span_invariants_are_enforced(kwargs):
    with pytest.raises(ValueError):
        Flag("vague.hedge", severity="low", explanation="e", suggestion="s", source="x", **kwargs)


def test_score_range_and_level_are_checked():
    with pytest.raises(ValueError):
        Score(101.0, "high")
    with pytest.raises(ValueError):
        Score(50.0, "middling")  # type: ignore[arg-type]
    assert [level_for(v) for v in (0, 34.9, 35, 64.9, 65, 100)] == ["low", "low", "medium", "medium", "high", "high"]
