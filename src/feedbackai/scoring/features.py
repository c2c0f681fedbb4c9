"""Features of a span of a comment (a sentence or the whole comment) for the trained heads.

Everything here is derived from the one parse: the evidence spans, the flags and the
tokens. The sentence embedding is appended by the caller.
"""

from __future__ import annotations

import math
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


def span_features(doc: Doc, start: int, end: int, evidence: Sequence[Evidence], flags: Sequence[Flag],
                  n_sentences: int = 1) -> np.ndarray:
    ev = [e for e in evidence if start <= e.start < end]
    fl = [f for f in flags if start <= f.start < end]
    out: list[float] = []
    for k in SPEC_KINDS + ACT_KINDS:
        ws = [e.weight for e in ev if e.kind == k]
        out += [min(len(ws), 3) / 3.0, max(ws) if ws else 0.0]
    out.append(_FORMULA.score("specificity", ev, fl).value / 100.0)
    out.append(_FORMULA.score("actionability", ev, fl).value / 100.0)
    toks = [t for t in doc if start <= t.idx < end and not t.is_space]
    words = [t for t in toks if not t.is_punct]
    out.append(math.log1p(len(words)))
    out.append(math.log1p(n_sentences))
    for cats in FLAG_GROUPS.values():
        out.append(min(sum(1 for f in fl if f.category in cats), 3) / 3.0)
    text = doc.text[start:end]
    out.append(1.0 if "?" in text else 0.0)
    out.append(1.0 if any(ch.isdigit() for ch in text) else 0.0)
    out.append(min(sum(1 for t in words if t.lower_ in ("you", "your")), 3) / 3.0)
    out.append(min(sum(1 for t in words if t.lower_ in ("i", "we", "i'll", "we'll")), 3) / 3.0)
    content = [t for t in words if t.pos_ in CONTENT_POS and not t.is_stop]
    n = max(len(words), 1)
    zs = [zipf(t.lower_) for t in content if t.is_alpha]
    out.append(math.log1p(len(content)))
    out.append((sum(zs) / len(zs)) if zs else 6.0)
    out.append((sum(1 for z in zs if z < 4.0) / len(zs)) if zs else 0.0)
    out.append(sum(1 for t in words if t.pos_ == "PROPN") / n)
    out.append(sum(1 for t in words if t.like_num) / n)
    out.append(sum(1 for t in words if t.pos_ == "PRON") / n)
    out.append(sum(1 for t in words if t.pos_ == "ADJ") / n)
    out.append(sum(len(t.text) for t in words) / n / 10.0)
    return np.asarray(out, dtype=np.float32)


def pool(vectors: np.ndarray, lengths: Sequence[int]) -> np.ndarray:
    """Length-weighted mean of sentence embeddings, re-normalised: the comment embedding."""
    if len(vectors) == 0:
        return np.zeros(vectors.shape[1] if vectors.ndim == 2 else 384, dtype=np.float32)
    w = np.asarray(lengths, dtype=np.float32).clip(min=1.0)
    v = (vectors * w[:, None]).sum(0) / w.sum()
    n = float(np.linalg.norm(v))
    return (v / n if n > 0 else v).astype(np.float32)
