"""Typographic variants read as their plain forms, with every character offset kept.

Text pasted from Word, Outlook or a phone arrives with curly quotes and apostrophes
("She’s “abrasive”"), en and em dashes ("hard–working") and non-breaking spaces. The
small spaCy model, the lexicons and the parse-based checks were written for the plain
forms, so the engine parses :func:`plain` of the text: each variant is replaced by one
plain character, so the parsed text has the same length and every span's offsets are
the original's. :func:`restore` then puts the writer's own characters back into the
report (its text, flag and evidence texts, and the explanations that quote them).
"""

from __future__ import annotations

from dataclasses import replace

from .types import CommentReport, Flag, Score

_PLAIN = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\uff07": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\uff02": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
    "\u00a0": " ", "\u2007": " ", "\u2009": " ", "\u200a": " ", "\u202f": " ", "\u3000": " ",
    "\ufeff": " ",  # a byte-order mark left at the start of pasted or exported text
}
_TABLE = str.maketrans(_PLAIN)


def plain(text: str) -> str:
    """``text`` with typographic quotes, dashes and spaces replaced one for one."""
    return text.translate(_TABLE)


def _flag(f: Flag, original: str) -> Flag:
    own = original[f.start:f.end]
    if own == f.text:
        return f
    return replace(f, text=own, explanation=f.explanation.replace(f.text, own),
                   suggestion=f.suggestion.replace(f.text, own))


def _score(s: Score, original: str, quoted: tuple[tuple[str, str], ...] = ()) -> Score:
    evidence, reasons = [], s.reasons
    for text, own in quoted:  # reasons that quote a whole sentence ("its strongest sentence: '...'")
        reasons = tuple(r.replace(text, own) for r in reasons)
    for e in s.evidence:
        own = original[e.start:e.end]
        if own != e.text:
            reasons = tuple(r.replace(e.text, own) for r in reasons)
            e = replace(e, text=own)
        evidence.append(e)
    return replace(s, evidence=tuple(evidence), reasons=reasons)


def restore(report: CommentReport, original: str) -> CommentReport:
    """The report of ``plain(original)`` with the writer's own characters back in it."""
    if report.text == original:
        return report
    quoted = tuple((s.text, original[s.start:s.end]) for s in report.sentences if s.text != original[s.start:s.end])
    return replace(
        report, text=original,
        flags=tuple(_flag(f, original) for f in report.flags),
        specificity=_score(report.specificity, original, quoted),
        actionability=_score(report.actionability, original, quoted),
        sentences=tuple(replace(s, text=original[s.start:s.end], specificity=_score(s.specificity, original),
                                actionability=_score(s.actionability, original)) for s in report.sentences),
    )
