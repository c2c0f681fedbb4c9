"""The "Check goals" tab: its pieces, and the /check_goal endpoint through gradio_client."""

import datetime as dt

import gradio as gr
import pytest

from .conftest import free_port

import feedbackai
from feedbackai.ui.goals_tab import (TABLE_HEADERS, build_goals_tab, criteria_rows, highlight_segments,
                                     reference_date)


@pytest.mark.parametrize("value,expected", [
    ("2026-11-26", dt.date(2026, 11, 26)), ("2026-11-26 00:00:00", dt.date(2026, 11, 26)),
    (dt.datetime(2026, 11, 26, 8), dt.date(2026, 11, 26)), (None, dt.date.today()), ("", dt.date.today()),
])
def test_reference_date(value, expected):
    assert reference_date(value) == expected


def test_reference_date_rejects_other_formats():
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        reference_date("26/11/2026")


def test_highlights_and_rows(analyzer):
    r = feedbackai.check_goal("Never produce a defective part by 2025-01-01", ["Reduce customer PPM"], "2026-11-26")
    segs = highlight_segments(r)
    assert "".join(t for t, _ in segs) == r.goal
    labels = {lab for _, lab in segs if lab}
    assert any("Achievable ✗" in lab for lab in labels) and any("Time-bound" in lab for lab in labels)
    rows = criteria_rows(r)
    assert [row[0] for row in rows] == ["Specific", "Measurable", "Achievable", "Relevant", "Time-bound"]
    assert all(len(row) == len(TABLE_HEADERS) for row in rows)
    assert rows[2][1] == "no" and rows[4][1] == "no" and "01 Jan 2025" in rows[4][4]
    none = feedbackai.check_goal("Ship it by Q3", (), "2026-11-26")
    assert criteria_rows(none)[3][1] == "not judged"


@pytest.fixture(scope="module")
def goals_url(analyzer):
    with gr.Blocks() as demo:
        build_goals_tab(lambda: analyzer)
    port = free_port()
    demo.queue().launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True)
    yield f"http://127.0.0.1:{port}/"
    demo.close()


def test_check_goal_endpoint(goals_url):
    from gradio_client import Client

    client = Client(goals_url, verbose=False)
    summary, highlighted, table, rewrite = client.predict(
        "Reduce our DSO", "Improve operating cash flow\n\nimprove operating cash flow", "2026-11-26",
        api_name="/check_goal")
    assert "/100" in summary and "1 objective(s)" in summary
    assert [row[0] for row in table["data"]] == ["Specific", "Measurable", "Achievable", "Relevant", "Time-bound"]
    assert rewrite == "Reduce our DSO from <baseline> to <target> by <date>."
    assert any(seg["class_or_confidence"] for seg in highlighted)
    with pytest.raises(Exception, match="empty"):
        client.predict("   ", "", "2026-11-26", api_name="/check_goal")
