"""Shared helpers for the audit tests: a fast, deterministic stand-in for the Analyzer.

The stand-in produces real :class:`CommentReport` objects from simple rules, so the audit's
reading, bookkeeping, statistics and exports can be tested in milliseconds; the real engine
is exercised end to end in ``test_audit_e2e.py``.
"""

from __future__ import annotations

import re

from feedbackai.types import CommentReport, Flag, Score, SentenceReport, level_for

RULES = {
    "abrasive": "bias.personality",
    "great job": "vague.generic",
    "maybe": "vague.hedge",
    "bossy": "bias.gendered",
    "always": "vague.absolute",
}


def stub_report(text: str) -> CommentReport:
    low = text.lower()
    digits = sum(ch.isdigit() for ch in text)
    spec = float(min(100, 12 * digits))
    act = 80.0 if ("should" in low or "please" in low) else 10.0
    flags = []
    for term, cat in RULES.items():
        for m in re.finditer(re.escape(term), low):
            flags.append(Flag(cat, m.start(), m.end(), text[m.start():m.end()], "medium", "e", "s", "stub", check="stub"))
    flags.sort(key=lambda f: (f.start, f.end))
    s = Score(spec, level_for(spec))
    a = Score(act, level_for(act))
    sent = SentenceReport(0, len(text), text, s, a)
    return CommentReport(text=text, specificity=s, actionability=a, flags=tuple(flags), sentences=(sent,))


class StubAnalyzer:
    """Quacks like feedbackai.Analyzer for the audit: analyze_many, max_chars, nlp."""

    def __init__(self, nlp=None, max_chars: int = 20_000, fail_on: str | None = None) -> None:
        self.nlp = nlp
        self.max_chars = max_chars
        self.fail_on = fail_on
        self.calls = 0
        self.texts_seen = 0

    def analyze_many(self, texts, batch_size=64):
        self.calls += 1
        for t in texts:
            if not isinstance(t, str):
                raise TypeError(f"text must be str, not {type(t).__name__}")
            if len(t) > self.max_chars:
                raise ValueError("too long")
            if self.fail_on and self.fail_on in t:
                raise RuntimeError("boom")
            self.texts_seen += 1
            yield stub_report(t)
