"""The "Check goals" tab: a goal, the objectives it should serve (one per line) and a
reference date; a per-criterion table with met, evidence, explanation and suggestion; the
goal with its evidence highlighted; and the rewrite template. No NLP logic here."""

from __future__ import annotations

import datetime as dt
import html
import re

import gradio as gr

from ..types import SMART_CRITERIA, GoalReport

LABELS = {"specific": "Specific", "measurable": "Measurable", "achievable": "Achievable",
          "relevant": "Relevant", "time_bound": "Time-bound"}
TABLE_HEADERS = ["criterion", "met", "score", "evidence", "why", "what to change"]


def _esc(s: str) -> str:
    return html.escape(s, quote=True).replace("|", "&#124;").replace("*", "&#42;").replace("_", "&#95;") \
        .replace("`", "&#96;").replace("[", "&#91;").replace("]", "&#93;").replace("#", "&#35;")


def reference_date(value) -> dt.date:
    """The reference date from the date picker: a date string (with or without time), a
    timestamp, a datetime, or empty (today)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return dt.date.today()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)):
        return dt.datetime.fromtimestamp(value).date()
    s = str(value).strip()
    m = re.match(r"(\d{4}-\d{2}-\d{2})(?:[ T].*)?$", s)
    if not m:
        raise ValueError(f"reference date must be YYYY-MM-DD, not {s!r}")
    return dt.date.fromisoformat(m.group(1))


def highlight_segments(report: GoalReport) -> list[tuple[str, str | None]]:
    """Non-overlapping (text, label) segments of the goal: each criterion's evidence spans,
    labelled by criterion (red flags marked); overlapping spans merged, labels joined."""
    text = report.goal
    spans = []
    for name in SMART_CRITERIA:
        for e in report.criteria[name].evidence:
            if 0 <= e.start < e.end <= len(text):
                tag = LABELS[name] + (" ✗" if e.kind == "red_flag" else "")
                spans.append((e.start, e.end, tag))
    merged: list[list] = []
    for a, b, tag in sorted(spans, key=lambda s: (s[0], -s[1])):
        if merged and a < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
            merged[-1][2].add(tag)
        else:
            merged.append([a, b, {tag}])
    out: list[tuple[str, str | None]] = []
    pos = 0
    for a, b, tags in merged:
        if a > pos:
            out.append((text[pos:a], None))
        out.append((text[a:b], " + ".join(sorted(tags))))
        pos = b
    if pos < len(text):
        out.append((text[pos:], None))
    return out


def criteria_rows(report: GoalReport) -> list[list[str]]:
    rows = []
    for name in SMART_CRITERIA:
        c = report.criteria[name]
        met = "not judged" if not c.judged else ("yes" if c.met else "no")
        evidence = "; ".join(dict.fromkeys(e.text for e in c.evidence))
        if name == "relevant" and c.judged and c.details.get("best_objective"):
            evidence = (evidence + "; " if evidence else "") + f"best objective: {c.details['best_objective']}"
        rows.append([LABELS[name], met, f"{c.score:.2f}", evidence, c.explanation, c.suggestion])
    return rows


def summary_markdown(report: GoalReport) -> str:
    lines = [f"### {report.score:.0f}/100 — {_esc(report.verdict)}",
             f"Reference date: {report.today}" + (f" · {len(report.objectives)} objective(s)" if report.objectives
                                                  else " · no objectives given")]
    for n in report.notes:
        lines.append(f"> note: {_esc(n)}")
    return "\n\n".join(lines)


def check(analyzer, goal: str, objectives: str, today) -> tuple:
    goal = goal or ""
    try:
        ref = reference_date(today)
        report = analyzer.check_goal(goal, (objectives or "").splitlines(), ref)
    except (TypeError, ValueError) as exc:
        raise gr.Error(str(exc)) from None
    return (summary_markdown(report), highlight_segments(report), criteria_rows(report), report.rewrite)


def build_goals_tab(get_analyzer) -> None:
    """Adds the "Check goals" tab to the enclosing Blocks; ``get_analyzer()`` returns the Analyzer."""

    def run(goal: str, objectives: str, today):
        return check(get_analyzer(), goal, objectives, today)

    def run_live(goal: str, objectives: str, today):
        if not (goal or "").strip():
            return "", [], [], ""
        try:
            return run(goal, objectives, today)
        except gr.Error:
            return gr.skip(), gr.skip(), gr.skip(), gr.skip()

    with gr.Tab("Check goals"):
        with gr.Row():
            with gr.Column(scale=1):
                goal = gr.Textbox(label="Goal", lines=3, max_length=2_000,
                                  placeholder="e.g. Cut first-response time on tier-1 tickets from 4 h to 1 h by end of Q2")
                objectives = gr.Textbox(label="Objectives it should serve (one per line)", lines=4,
                                        placeholder="e.g. Raise support CSAT to 90%\nReduce support cost per ticket")
                today = gr.DateTime(label="Reference date (deadlines are judged against it)", include_time=False,
                                    type="string", value=lambda: dt.date.today().isoformat())
                btn = gr.Button("Check goal", variant="primary")
            with gr.Column(scale=1):
                summary = gr.Markdown(label="Verdict")
                highlighted = gr.HighlightedText(label="Evidence in the goal", combine_adjacent=False, show_legend=True)
                rewrite = gr.Textbox(label="Suggested rewrite (fill in the <…> parts)", lines=3, interactive=False,
                                     buttons=["copy"])
        table = gr.Dataframe(headers=TABLE_HEADERS, label="SMART, criterion by criterion", wrap=True,
                             interactive=False)
        outputs = [summary, highlighted, table, rewrite]
        # one queue for the button, Enter and typing (concurrency_id): runs over the same outputs finish in the
        # order they were asked for, so a slower earlier answer cannot overwrite a later one
        btn.click(run, inputs=[goal, objectives, today], outputs=outputs, api_name="check_goal",
                  concurrency_id="check_goal", concurrency_limit=1)
        goal.submit(run, inputs=[goal, objectives, today], outputs=outputs, api_name=False,
                    concurrency_id="check_goal")
        # the answer follows every input (one listener, so answers cannot overtake each other), and never
        # shows a verdict for objectives or a date that are no longer there
        gr.on([goal.change, objectives.change, today.change], run_live, inputs=[goal, objectives, today],
              outputs=outputs, trigger_mode="always_last", show_progress="hidden", api_name=False,
              concurrency_id="check_goal")
