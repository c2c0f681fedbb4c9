"""The "Check feedback" tab: type a comment, see flags, scores, evidence and suggestions."""

from __future__ import annotations

import html

import gradio as gr

from ..types import CommentReport

SEVERITY_RANK = {"low": 0, "medium": 1, "high": 2}


def highlight_segments(report: CommentReport) -> list[tuple[str, str | None]]:
    """Non-overlapping (text, label) segments for gr.HighlightedText.

    Overlapping flags are merged into one segment whose label lists every category,
    bias categories first.
    """
    text = report.text
    merged: list[list] = []
    for f in sorted(report.flags, key=lambda f: (f.start, -f.end)):
        if merged and f.start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], f.end)
            merged[-1][2].add(f.category)
        else:
            merged.append([f.start, f.end, {f.category}])
    out: list[tuple[str, str | None]] = []
    pos = 0
    for a, b, cats in merged:
        if a > pos:
            out.append((text[pos:a], None))
        label = " + ".join(sorted(cats, key=lambda c: (not c.startswith("bias"), c)))
        out.append((text[a:b], label))
        pos = b
    if pos < len(text):
        out.append((text[pos:], None))
    return out


def _esc(s: str) -> str:
    return html.escape(s, quote=True).replace("|", "&#124;").replace("*", "&#42;").replace("_", "&#95;") \
        .replace("`", "&#96;").replace("[", "&#91;").replace("]", "&#93;")


def scores_markdown(report: CommentReport) -> str:
    parts = []
    for name in ("specificity", "actionability"):
        s = getattr(report, name)
        parts.append(f"### {name.capitalize()}: {s.value:.0f}/100 — {s.level}")
        parts.extend(f"- {_esc(r)}" for r in s.reasons)
    for n in report.notes:
        parts.append(f"> note: {_esc(n)}")
    return "\n".join(parts)


def flag_rows(report: CommentReport) -> list[list[str]]:
    return [[f.text, f.category, f.severity, f.explanation, f.suggestion, f.source] for f in report.flags]


def evidence_rows(report: CommentReport) -> list[list[str]]:
    return [[e.text, e.target, e.kind, e.description] for e in report.evidence]


def sentence_rows(report: CommentReport) -> list[list]:
    return [[s.text, f"{s.specificity.value:.0f} ({s.specificity.level})",
             f"{s.actionability.value:.0f} ({s.actionability.level})"] for s in report.sentences]


def flip_view(analyzer, report: CommentReport) -> tuple[list[tuple[str, str | None]], str]:
    """The comment about someone of the other gender, and whether the flags would differ."""
    from ..counterfactual import flip_doc

    fr = flip_doc(analyzer.parse(report.text))
    if not fr.changes:
        return [(report.text, None)], "No gendered words or names to swap."
    flipped = analyzer.analyze(fr.text)
    segs = highlight_segments(flipped)
    mine = {(f.category, fr.map_offset(f.start), fr.map_offset(f.end)) for f in report.flags
            if not fr.changed(f.start, f.end)}
    new = [(c.new_start, c.new_end) for c in fr.changes]
    theirs = {(f.category, f.start, f.end) for f in flipped.flags
              if not any(a < f.end and f.start < b for a, b in new)}
    swaps = ", ".join(f"{_esc(c.text)} → {_esc(c.new_text)}" for c in fr.changes[:12])
    verdict = ("The same language is flagged either way." if mine == theirs else
               "The checks differ between the two versions: look at the highlighted words.")
    return segs, f"Swapped: {swaps}.\n\n{verdict} Would you write this about them?"


FLAG_HEADERS = ["text", "category", "severity", "why", "write instead", "source"]
EVIDENCE_HEADERS = ["text", "score", "kind", "what it shows"]
SENTENCE_HEADERS = ["sentence", "specificity", "actionability"]


def build_check_tab(analyzer_factory) -> None:
    def run(text: str):
        text = text or ""
        try:
            report = analyzer_factory().analyze(text)
        except ValueError as exc:
            raise gr.Error(str(exc)) from None
        return (highlight_segments(report), scores_markdown(report), flag_rows(report), evidence_rows(report),
                sentence_rows(report))

    def run_flip(text: str):
        text = text or ""
        try:
            analyzer = analyzer_factory()
            report = analyzer.analyze(text)
        except ValueError as exc:
            raise gr.Error(str(exc)) from None
        return flip_view(analyzer, report)

    with gr.Tab("Check feedback"):
        with gr.Row():
            with gr.Column(scale=1):
                box = gr.Textbox(label="Review comment", lines=8, max_length=20_000,
                                 placeholder="Paste or type a review comment…")
                btn = gr.Button("Check", variant="primary")
            with gr.Column(scale=1):
                highlighted = gr.HighlightedText(label="Flagged language", combine_adjacent=False,
                                                 show_legend=True)
                scores = gr.Markdown(label="Scores")
        flags = gr.Dataframe(headers=FLAG_HEADERS, label="Flags: why and what to write instead",
                             wrap=True, interactive=False)
        evidence = gr.Dataframe(headers=EVIDENCE_HEADERS, label="Evidence behind the scores",
                                wrap=True, interactive=False)
        sentences = gr.Dataframe(headers=SENTENCE_HEADERS, label="Scores sentence by sentence",
                                 wrap=True, interactive=False)
        with gr.Accordion("Flip it: the same comment about someone of the other gender", open=False):
            flip_btn = gr.Button("Flip")
            flipped = gr.HighlightedText(label="Flipped comment, flagged", combine_adjacent=False)
            flip_note = gr.Markdown()
        flip_btn.click(run_flip, inputs=box, outputs=[flipped, flip_note], api_name="flip")
        outputs = [highlighted, scores, flags, evidence, sentences]
        # typing and the button share one listener: two runs over the same outputs could otherwise finish
        # out of order and leave a mixed screen (a CI run once showed the scores but not the flags)
        gr.on([btn.click, box.change], run, inputs=box, outputs=outputs, trigger_mode="always_last",
              show_progress="minimal", api_name="check")
