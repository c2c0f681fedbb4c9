"""Typographic variants read as their plain forms, with every character offset kept.

Text pasted from Word, Outlook or a phone arrives with curly quotes and apostrophes
("She’s “abrasive”"), en and em dashes ("hard–working") and non-breaking spaces. The
small spaCy model, the lexicons and the parse-based checks were written for the plain
forms, so the engine parses :func:`plain` of the text: each variant is replaced by one
plain character, so the parsed text has the same length and every span's offsets are
the original's. :func:`restore` then puts the writer's own characters back into the
report (its text, flag and evidence texts, and the explanations that quote them).

Rich-text fields of review tools export HTML ("<p>She is <b>bossy</b>.</p>", "late&nbsp;to"). The
engine parses :func:`unmarked` text: tags removed (a block tag such as ``<p>``, ``<br>`` or ``<li>``
becomes a line break, so paragraphs and list items stay sentences), ``<script>`` and ``<style>``
elements and comments removed with their content, character references decoded ("She&rsquo;s" ->
"She's"). It keeps, for every character it keeps, where that character came from, and
:func:`restore` maps every offset of the report back onto the writer's text, so flags and evidence
point at the words the writer sees. Only the names of HTML elements count as tags: "revenue < plan",
"<3" and "R&D" are left alone.

Comments written in tools with Markdown ("She is **bossy**", "a bit of a __diva__", "[her write-up](https://...)")
are read the same way: emphasis and strike-through markers around a phrase are removed and a link
is read as its label; markers inside words ("load_user_data", "2*3*4") are not markup, and code spans keep their backticks (the scorers were
trained on comments that quote code that way). Markup inside
HTML is read after the HTML, and the offsets map back through both.
"""

from __future__ import annotations

import html
import re
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


_BLOCK = ("address|article|aside|blockquote|br|dd|div|dl|dt|figcaption|figure|footer|form|h[1-6]|header|hr|li|main|"
          "nav|ol|p|pre|section|table|tbody|td|tfoot|th|thead|tr|ul")
_INLINE = ("a|abbr|b|bdi|bdo|big|body|button|caption|center|cite|code|col|colgroup|data|del|dfn|em|font|head|html|i|"
           "img|input|ins|kbd|label|link|mark|meta|o:p|q|s|samp|small|span|strike|strong|sub|sup|time|title|tt|u|"
           "var|wbr")
_ATTRS = r"""(?:\s+[A-Za-z_:][-\w:.]*(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'<>=`]+))?)*\s*/?"""
_MARKUP = re.compile(
    r"<(?P<raw>script|style)\b[^>]*>.*?</(?P=raw)\s*>"                      # code, not review text
    r"|<!--.*?-->"                                                             # comments
    rf"|</?(?P<block>{_BLOCK})\b{_ATTRS}>"
    rf"|</?(?:{_INLINE})\b{_ATTRS}>"
    r"|&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});", re.I | re.S)


class Unmarked:
    """Text with its markup removed, and where each of its characters came from in the original."""

    __slots__ = ("text", "starts", "ends")

    def __init__(self, text: str, starts: list[int], ends: list[int]) -> None:
        self.text, self.starts, self.ends = text, starts, ends

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original offsets of the unmarked text's ``[start, end)``."""
        if end <= start:
            at = self.starts[start] if start < len(self.starts) else (self.ends[-1] if self.ends else 0)
            return at, at
        return self.starts[start], self.ends[end - 1]


_MARKDOWN = re.compile(
    r"\[(?P<label>[^\[\]\n]{1,500})\]\((?:<[^<>\n]*>|[^()\s]{1,2000})(?:\s+\"[^\"\n]*\")?\)"   # [label](url "title")
    r"|(?<![\w*~`\\])(?P<d>\*\*|__|~~|\*|_)(?=\S)"                               # an opening marker
    r"(?P<body>[^\n]{0,300}?)(?<=[^\s\\])(?P=d)(?![\w*~`])")                              # the phrase, its closer
_MARKDOWN_CHARS = frozenset("*_~[")


def _edited(text: str, edits: list[tuple[int, int, str]]) -> Unmarked:
    """``text`` with each ``(start, end, keep)`` edit applied (sorted, not overlapping): ``text[start:end]``
    becomes ``keep`` (one character standing for all of it, or nothing)."""
    out: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    pos = 0
    for a, b, keep in edits:
        out.append(text[pos:a])                   # the text before the markup, character for character
        starts.extend(range(pos, a))
        ends.extend(range(pos + 1, a + 1))
        if keep:
            out.append(keep)
            starts.append(a)
            ends.append(b)
        pos = b
    out.append(text[pos:])
    starts.extend(range(pos, len(text)))
    ends.extend(range(pos + 1, len(text) + 1))
    return Unmarked("".join(out), starts, ends)


def _html(text: str) -> Unmarked | None:
    if "<" not in text and "&" not in text:
        return None
    edits: list[tuple[int, int, str]] = []
    for m in _MARKUP.finditer(text):
        s = m.group(0)
        keep = ""
        if s[0] == "&":
            keep = html.unescape(s)
            if len(keep) != 1 or keep == s:  # an unknown name, or several characters: left as written
                continue
            keep = keep.translate(_TABLE)
        elif m.group("block") and not (edits and edits[-1][1] == m.start() and edits[-1][2] == "\n"):
            keep = "\n"                      # one line break for a run of block tags
        edits.append((m.start(), m.end(), keep))
    return _edited(text, edits) if edits else None


def _markdown(text: str) -> Unmarked | None:
    """One pass over Markdown markup (a phrase marked twice, "**_too old_**", needs two)."""
    if not _MARKDOWN_CHARS.intersection(text):
        return None
    edits: list[tuple[int, int, str]] = []
    for m in _MARKDOWN.finditer(text):
        if m.group("label") is not None:
            edits.append((m.start(), m.start("label"), ""))
            edits.append((m.end("label"), m.end(), ""))
        else:
            edits.append((m.start(), m.start("body"), ""))
            edits.append((m.end("body"), m.end(), ""))
    return _edited(text, edits) if edits else None


def _through(outer: Unmarked | None, inner: Unmarked | None) -> Unmarked | None:
    """``inner`` (computed on ``outer.text``) with its offsets mapped back through ``outer``."""
    if outer is None or inner is None:
        return inner or outer
    return Unmarked(inner.text, [outer.starts[k] for k in inner.starts], [outer.ends[k - 1] for k in inner.ends])


def unmarked(text: str) -> Unmarked | None:
    """The text without its HTML and Markdown markup (see the module's docstring), or None when it has none."""
    where = _html(text)
    for _ in range(3):
        step = _markdown(where.text if where else text)
        if step is None:
            break
        where = _through(where, step)
    return where


def _where(obj, where: Unmarked | None) -> tuple[int, int]:
    return where.span(obj.start, obj.end) if where is not None else (obj.start, obj.end)


def _flag(f: Flag, original: str, where: Unmarked | None = None) -> Flag:
    start, end = _where(f, where)
    own = original[start:end]
    if own == f.text and (start, end) == (f.start, f.end):
        return f
    return replace(f, start=start, end=end, text=own, explanation=f.explanation.replace(f.text, own),
                   suggestion=f.suggestion.replace(f.text, own))


def _score(s: Score, original: str, quoted: tuple[tuple[str, str], ...] = (),
           where: Unmarked | None = None) -> Score:
    evidence, reasons = [], s.reasons
    for text, own in quoted:  # reasons that quote a whole sentence ("its strongest sentence: '...'")
        reasons = tuple(r.replace(text, own) for r in reasons)
    for e in s.evidence:
        start, end = _where(e, where)
        own = original[start:end]
        if own != e.text or (start, end) != (e.start, e.end):
            reasons = tuple(r.replace(e.text, own) for r in reasons)
            e = replace(e, start=start, end=end, text=own)
        evidence.append(e)
    return replace(s, evidence=tuple(evidence), reasons=reasons)


def restore(report: CommentReport, original: str, where: Unmarked | None = None) -> CommentReport:
    """The report of ``plain(original)`` (or of ``where.text``, the original without its markup) with
    the writer's own characters and offsets back in it."""
    if report.text == original:
        return report
    spans = [_where(s, where) for s in report.sentences]
    quoted = tuple((s.text, original[a:b]) for s, (a, b) in zip(report.sentences, spans) if s.text != original[a:b])
    return replace(
        report, text=original,
        flags=tuple(_flag(f, original, where) for f in report.flags),
        specificity=_score(report.specificity, original, quoted, where),
        actionability=_score(report.actionability, original, quoted, where),
        sentences=tuple(replace(s, start=a, end=b, text=original[a:b],
                                specificity=_score(s.specificity, original, where=where),
                                actionability=_score(s.actionability, original, where=where))
                        for s, (a, b) in zip(report.sentences, spans)),
    )
