"""Gradio user interface. Only presentation lives here: all NLP is in the engine."""

from .app import build_app

__all__ = ["build_app"]
