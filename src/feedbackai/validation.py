"""The one rule for what text the engine accepts (light: no spaCy, no torch)."""

from __future__ import annotations

DEFAULT_MAX_CHARS = 20_000


def _validate(text: object, max_chars: int) -> str:
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    if len(text) > max_chars:
        raise ValueError(
            f"text is {len(text):,} characters, above the limit of {max_chars:,}; split it or "
            f"raise Analyzer(max_chars=...)"
        )
    return text
