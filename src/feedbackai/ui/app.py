"""Builds the feedbackai Gradio app."""

from __future__ import annotations

import threading

import gradio as gr

from .check_tab import build_check_tab


def build_app(analyzer=None) -> gr.Blocks:
    """The Gradio Blocks app; ``analyzer`` defaults to the shared default Analyzer."""
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
    return demo
