"""Builds the feedbackai Gradio app."""

from __future__ import annotations

import threading

import gradio as gr

from .audit_tab import build_audit_tab
from .check_tab import build_check_tab
from .goals_tab import build_goals_tab


def build_app(analyzer=None) -> gr.Blocks:
    """The Gradio Blocks app; ``analyzer`` defaults to the shared default Analyzer."""
    import feedbackai

    # big uploads go to worker processes only when the app runs the default configuration
    parallel = analyzer is None or analyzer is getattr(feedbackai, "_default", None)
    lock = threading.Lock()
    holder = {"a": analyzer}

    def get_analyzer():
        with lock:
            if holder["a"] is None:
                from .. import default_analyzer

                holder["a"] = default_analyzer()
            return holder["a"]

    with gr.Blocks(title="feedbackai") as demo:
        gr.Markdown("# feedbackai\nCheck review comments for specificity, actionability, "
                    "and biased or vague language. Text stays on this machine.")
        build_check_tab(get_analyzer)
        build_goals_tab(get_analyzer)
        build_audit_tab(get_analyzer, parallel=parallel)
    return demo
