"""Features of a span of a comment (a sentence or the whole comment) for the trained heads.

Everything here is derived from the one parse: the evidence spans, the flags and the
tokens. The sentence embedding is appended by the caller.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from functools import lru_cache
from typing import Sequence

import numpy as np
from spacy.tokens import Doc

from ..types import Evidence, Flag
from .formula import FormulaScorer

SPEC_KINDS = ("metric", "date", "entity", "project", "action", "outcome", "example")
ACT_KINDS = ("imperative", "suggestion", "question", "next_step", "timing", "resource")
FLAG_GROUPS = {
    "hedge": ("vague.hedge",),
    "quantifier": ("vague.quantifier",),
    "absolute": ("vague.absolute",),
    "generic": ("vague.generic",),
    "personality": ("bias.personality", "bias.gendered"),
}
_FORMULA = FormulaScorer()


@lru_cache(maxsize=200_000)
def zipf(word: str) -> float:
    """Word frequency on the Zipf scale (wordfreq, English): ~7 for 'the', ~3 for 'backlog'."""
    from wordfreq import zipf_frequency

    return zipf_frequency(word, "en")


CONTENT_POS = {"NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM"}


def feature_names() -> list[str]:
    names = []
    for k in SPEC_KINDS + ACT_KINDS:
        names += [f"ev:{k}:count", f"ev:{k}:max"]
    names += ["formula:specificity", "formula:actionability", "len:log_words", "len:sentences"]
    names += [f"flag:{g}" for g in FLAG_GROUPS]
    names += ["tok:question", "tok:digits", "tok:you", "tok:i_we"]
    # Lexical specificity, as in Louis & Nenkova 2011 / Li & Nenkova 2015: rarer words,
    # more content words, names and numbers make a sentence more specific.
    names += ["lex:content_log", "lex:zipf_mean", "lex:rare_share", "lex:propn_share", "lex:num_share",
              "lex:pron_share", "lex:adj_share", "lex:word_len"]
    return names


N_FEATURES = len(feature_names())


class DocTokens:
    """The token attributes the features read, taken from a Doc once (not once per span).

    ``text`` is the Doc's text (``Doc.text`` rebuilds it from every token on each call);
    ``rows`` holds, per non-space token in order, (char offset, is_punct, lower_, pos_,
    is_stop, is_alpha, like_num, len(text)).
    """

    __slots__ = ("text", "idx", "rows")

    def __init__(self, doc: Doc) -> None:
        self.text = doc.text
        rows = [(t.idx, t.is_punct, t.lower_, t.pos_, t.is_stop, t.is_alpha, t.like_num, len(t.text))
                for t in doc if not t.is_space]
        self.rows = rows
        self.idx = [r[0] for r in rows]

    def between(self, start: int, end: int) -> list[tuple]:
        """Rows of the non-space tokens with ``start <= idx < end`` (offsets are sorted)."""
        return self.rows[bisect_left(self.idx, start):bisect_left(self.idx, end)]


def span_features(doc: Doc, start: int, end: int, evidence: Sequence[Evidence], flags: Sequence[Flag],
                  n_sentences: int = 1, tokens: DocTokens | None = None) -> np.ndarray:
    """Features of ``doc.text[start:end]``; pass ``tokens=DocTokens(doc)`` when computing
    several spans of one Doc (same result, without re-reading every token per span)."""
    if tokens is None:
        tokens = DocTokens(doc)
    ev = [e for e in evidence if start <= e.start < end]
    fl = [f for f in flags if start <= f.start < end]
    out: list[float] = []
    for k in SPEC_KINDS + ACT_KINDS:
        ws = [e.weight for e in ev if e.kind == k]
        out += [min(len(ws), 3) / 3.0, max(ws) if ws else 0.0]
    out.append(_FORMULA.score("specificity", ev, fl).value / 100.0)
    out.append(_FORMULA.score("actionability", ev, fl).value / 100.0)
    # rows: (idx, is_punct, lower_, pos_, is_stop, is_alpha, like_num, len(text))
    words = [r for r in tokens.between(start, end) if not r[1]]
    out.append(math.log1p(len(words)))
    out.append(math.log1p(n_sentences))
    for cats in FLAG_GROUPS.values():
        out.append(min(sum(1 for f in fl if f.category in cats), 3) / 3.0)
    text = tokens.text[start:end]
    out.append(1.0 if "?" in text else 0.0)
    out.append(1.0 if any(ch.isdigit() for ch in text) else 0.0)
    out.append(min(sum(1 for r in words if r[2] in ("you", "your")), 3) / 3.0)
    out.append(min(sum(1 for r in words if r[2] in ("i", "we", "i'll", "we'll")), 3) / 3.0)
    content = [r for r in words if r[3] in CONTENT_POS and not r[4]]
    n = max(len(words), 1)
    zs = [zipf(r[2]) for r in content if r[5]]
    out.append(math.log1p(len(content)))
    out.append((sum(zs) / len(zs)) if zs else 6.0)
    out.append((sum(1 for z in zs if z < 4.0) / len(zs)) if zs else 0.0)
    out.append(sum(1 for r in words if r[3] == "PROPN") / n)
    out.append(sum(1 for r in words if r[6]) / n)
    out.append(sum(1 for r in words if r[3] == "PRON") / n)
    out.append(sum(1 for r in words if r[3] == "ADJ") / n)
    out.append(sum(r[7] for r in words) / n / 10.0)
    return np.asarray(out, dtype=np.float32)


def pool(vectors: np.ndarray, lengths: Sequence[int]) -> np.ndarray:
    """Length-weighted mean of sentence embeddings, re-normalised: the comment embedding."""
    if len(vectors) == 0:
        return np.zeros(vectors.shape[1] if vectors.ndim == 2 else 384, dtype=np.float32)
    w = np.asarray(lengths, dtype=np.float32).clip(min=1.0)
    v = (vectors * w[:, None]).sum(0) / w.sum()
    n = float(np.linalg.norm(v))
    return (v / n if n > 0 else v).astype(np.float32)
