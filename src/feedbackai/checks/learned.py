"""The learned check: models that add flags no word list catches.

Two model formats. **2.x, the span check** (:class:`SpanFlagModel`, shipped from 2.0.0): a
one-layer network reads each word piece's contextual state from the encoder's forward pass
(plus the sentence embedding) and gives, per category, the probability that the piece lies in
a flagged phrase; runs of pieces above a category's threshold become flags on whole words.
Trained by :mod:`feedbackai.train_span_flags`. **1.x, the sentence check**
(:class:`SentenceFlagModel`, described below) flags whole sentences; it is still loaded when a
1.x folder is the newest under ``models/flags/``.

1.x: per-category classifiers on the sentence embedding.

Lexicon checks are precise but only see the words they list. Implicit stereotypes ("must be
in his blood", "given where she grew up"), idioms about a person ("a bull in a china shop")
and paraphrased generic praise have no word to match. This check reads the int8
all-MiniLM-L6-v2 embedding that the engine already computes for every sentence (it never
encodes a second time), plus a few cheap features of the parse, and runs one logistic
regression per category. It adds a Flag only

- for a category whose head is enabled in the model (chosen by cross-validation),
- on a sentence where no lexicon flag of that category fired (for a bias head: no lexicon
  flag of any bias category, since the reader is already pointed at that sentence), and
- when the probability is at or above that category's threshold, chosen by grouped
  cross-validation for a precision of at least 0.9 on the model's own additions.

The flag's span is the sentence; its explanation says it is a model judgement and gives p.
The scorers never see these flags (their inputs stay the lexicon flags they were trained on).

Model files (``models/flags/<version>/``): ``model.json`` (format tag, feature names,
per-category threshold / severity / enabled) and ``heads.npz`` (float arrays only, loaded
with ``allow_pickle=False``). Anything else is refused with ``UntrustedModelError``.
Train with ``python -m feedbackai.train_flags`` (or ``feedbackai train --flags``).
"""

from __future__ import annotations

import json
import math
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping, Sequence

import numpy as np

from ..scoring.heads import UntrustedModelError, open_model
from ..types import Flag

FORMAT = "feedbackai.sentence-flags/1"
MODEL_NAME = "flags"
ARRAYS = ("mean", "scale", "coef", "intercept")
CHEAP_FEATURES = ("log_tokens", "has_digit", "person_subject", "adj_share", "first_person")

# What each category's head detects, in the words of the flag's explanation.
READS_AS = {
    "bias.gendered": "reads as gender-coded wording about the person",
    "bias.personality": "reads as a judgement of who the person is rather than of what they did",
    "bias.age": "reads as a reference to the person's age or generation",
    "bias.race_ethnicity": "reads as leaning on a racial or ethnic stereotype",
    "bias.disability": "reads as a reference to the person's health or disability",
    "bias.family_status": "reads as a reference to the person's family or caring situation",
    "bias.appearance": "reads as a comment on the person's appearance",
    "bias.other_protected": "reads as a reference to religion, national origin, accent or sexual orientation",
    "vague.generic": "reads as a content-free verdict or generic praise",
    "vague.hedge": "reads as hedged, tentative wording",
    "vague.quantifier": "reads as an uncounted amount or frequency",
    "vague.absolute": "reads as a sweeping always/never claim about the person",
}
_PROTECTED = ("Leave {what} out of the review. Describe the work against the same standard you use for "
              "everyone, with Situation-Behaviour-Impact: in which situation, what did they do, what was the "
              "effect, and what should happen next.")
SUGGESTIONS = {
    "bias.gendered": "Use wording you would use for anyone in the role, and describe the behaviour with "
                     "Situation-Behaviour-Impact: in which situation, what did they do or say, and what was the effect?",
    "bias.personality": "Use Situation-Behaviour-Impact instead of a judgement of character: in which situation, "
                        "what did they do or say, and what was the effect? Then the next step.",
    "bias.age": _PROTECTED.format(what="age and generation"),
    "bias.race_ethnicity": _PROTECTED.format(what="race, ethnicity and where the person comes from"),
    "bias.disability": _PROTECTED.format(what="health and disability"),
    "bias.family_status": _PROTECTED.format(what="family, pregnancy and caring responsibilities"),
    "bias.appearance": _PROTECTED.format(what="looks, dress and voice"),
    "bias.other_protected": _PROTECTED.format(what="religion, national origin, accent and sexual orientation"),
    "vague.generic": "Say what exactly was good or not good: one instance (what, when), its effect, "
                     "and what to keep doing or change next.",
    "vague.hedge": "Say it plainly, or say what you are unsure about and how you will find out.",
    "vague.quantifier": "Give the count or the frequency (e.g. '3 of the last 5 releases').",
    "vague.absolute": "Replace the absolute with the count and the occasions you saw.",
}


def _sigmoid(z: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-np.clip(z, -40.0, 40.0)))


@dataclass(frozen=True)
class CategoryHead:
    """Standardise, then binary logistic regression; fires at ``p >= threshold``."""

    category: str
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: np.ndarray      # shape (1,)
    threshold: float
    severity: str = "medium"
    enabled: bool = True

    def proba(self, X: np.ndarray) -> np.ndarray:
        z = (np.atleast_2d(X) - self.mean) / self.scale
        return _sigmoid(z @ self.coef + float(self.intercept[0]))


def cheap_features(sent) -> np.ndarray:
    """A few features of a spaCy sentence Span that the embedding does not carry well."""
    toks = [t for t in sent if not t.is_space]
    n = max(len(toks), 1)
    has_digit = any(t.like_num or any(ch.isdigit() for ch in t.text) for t in toks)
    person_subject = any(t.dep_ in ("nsubj", "nsubjpass") and (t.lower_ in ("he", "she", "they") or t.ent_type_ == "PERSON")
                         for t in toks)
    adj = sum(1 for t in toks if t.pos_ == "ADJ")
    first = any(t.lower_ in ("i", "we", "my", "our", "me", "us") for t in toks)
    return np.asarray([math.log1p(len(toks)), float(has_digit), float(person_subject), adj / n, float(first)],
                      dtype=np.float32)


def features(sents: Sequence, vecs: np.ndarray) -> np.ndarray:
    """Model inputs for the sentences of a Doc: embedding + cheap features."""
    if len(sents) == 0:
        return np.zeros((0, vecs.shape[1] + len(CHEAP_FEATURES) if vecs.ndim == 2 else len(CHEAP_FEATURES)),
                        dtype=np.float32)
    return np.hstack([np.asarray(vecs, dtype=np.float32), np.vstack([cheap_features(s) for s in sents])])


class SentenceFlagModel:
    """The loaded learned check."""

    def __init__(self, heads: Mapping[str, CategoryHead], meta: dict) -> None:
        self.heads = dict(heads)
        self.meta = meta
        self.name = f"{meta.get('name', MODEL_NAME)} {meta.get('version', '')}".strip()
        self.check_id = f"learned.{meta.get('name', MODEL_NAME)}"
        self.source = meta.get("source", f"feedbackai learned sentence check {self.name}")

    def active(self, enabled) -> list[CategoryHead]:
        return [h for c, h in sorted(self.heads.items()) if h.enabled and enabled(c)]

    def flags(self, doc, sents: Sequence, vecs: np.ndarray, lexicon_flags: Sequence[Flag], enabled,
              min_severity_index: int = 0) -> list[Flag]:
        """Model flags for one Doc: only where no lexicon flag of the category touches the sentence."""
        from ..types import SEVERITIES

        heads = [h for h in self.active(enabled) if SEVERITIES.index(h.severity) >= min_severity_index]
        if not heads or len(sents) == 0:
            return []
        from . import SOMEONE_ELSE

        X = features(sents, vecs)
        text = doc.text
        elsewhere = doc.user_data.get(SOMEONE_ELSE, ())  # bias mentions about a patient, a caller
        out: list[Flag] = []
        for h in heads:
            bias = h.category.startswith("bias.")  # a bias head skips sentences with any lexicon bias flag
            p = h.proba(X)
            for s, ps in zip(sents, p):
                if ps < h.threshold:
                    continue
                a, b = s.start_char, s.end_char
                while a < b and text[a].isspace():
                    a += 1
                while b > a and text[b - 1].isspace():
                    b -= 1
                if a >= b or any(f.start < b and a < f.end and (f.category == h.category or (
                        bias and f.category.startswith("bias."))) for f in lexicon_flags):
                    continue
                if bias and any(x < b and a < y for x, y in elsewhere):
                    continue  # the bias words here are about someone else the comment names
                out.append(model_flag(self, h, text, a, b, float(ps), "This sentence", "sentences"))
        return out


def model_flag(model, head, text: str, a: int, b: int, p: float, what: str, learned_from: str) -> Flag:
    """A learned check's Flag on ``text[a:b]``: says it is a model judgement, with p."""
    return Flag(
        category=head.category, start=a, end=b, text=text[a:b], severity=head.severity,  # type: ignore[arg-type]
        explanation=(f"{what} {READS_AS.get(head.category, 'fits ' + head.category)} (model, p={p:.2f}). No word "
                     f"list matched it: this is a statistical judgement from similar labelled {learned_from}, so "
                     f"check it yourself."),
        suggestion=SUGGESTIONS.get(head.category, "Describe the behaviour, its effect and the next step."),
        source=model.source, check=model.check_id, confidence=round(p, 4),
    )


def merge(lexicon_flags: Sequence[Flag], model_flags: Sequence[Flag]) -> list[Flag]:
    """Lexicon flags plus model flags, deduplicated, sorted like the Checker sorts."""
    seen = {(f.category, f.start, f.end) for f in lexicon_flags}
    out = list(lexicon_flags)
    for f in model_flags:
        if (f.category, f.start, f.end) not in seen:
            seen.add((f.category, f.start, f.end))
            out.append(f)
    out.sort(key=lambda f: (f.start, f.end, f.category))
    return out


# ------------------------------------------------------------------ files
def save_model(path: str | Path, heads: Mapping[str, CategoryHead], meta: dict) -> None:
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True)
    arrays = {f"{c}/{a}": np.asarray(getattr(h, a), dtype=np.float64) for c, h in heads.items() for a in ARRAYS}
    np.savez(path / "heads.npz", **arrays)
    doc = {"format": FORMAT, **meta,
           "heads": {c: {"threshold": h.threshold, "severity": h.severity, "enabled": h.enabled}
                     for c, h in sorted(heads.items())}}
    (path / "model.json").write_text(json.dumps(doc, indent=2, sort_keys=True) + "\n")


def load_model(path: str | Path) -> "SentenceFlagModel | SpanFlagModel":
    from ..types import CATEGORIES, SEVERITIES

    path = Path(path)
    try:
        fmt = json.loads((path / "model.json").read_text()).get("format")
    except (OSError, json.JSONDecodeError, AttributeError):
        fmt = None
    if fmt == SPAN_FORMAT:
        return load_span_model(path)
    doc, npz = open_model(path, FORMAT)
    dim = int(doc.get("input_dim", 0))
    heads = {}
    with npz:
        expected = {f"{c}/{a}" for c in doc["heads"] for a in ARRAYS}
        if set(npz.files) != expected:
            raise UntrustedModelError(f"{path}: heads.npz arrays do not match model.json")
        for c, info in doc["heads"].items():
            if c not in CATEGORIES or info.get("severity") not in SEVERITIES:
                raise UntrustedModelError(f"{path}: unknown category or severity for head {c!r}")
            try:
                arrs = {a: npz[f"{c}/{a}"] for a in ARRAYS}
            except ValueError as exc:
                raise UntrustedModelError(f"{path}: {c}: {exc}") from exc
            if any(v.dtype.kind != "f" for v in arrs.values()):
                raise UntrustedModelError(f"{path}: {c}: arrays must be float")
            if not (arrs["mean"].shape == arrs["scale"].shape == arrs["coef"].shape == (dim,)) \
                    or arrs["intercept"].shape != (1,):
                raise UntrustedModelError(f"{path}: {c}: inconsistent array shapes")
            heads[c] = CategoryHead(category=c, threshold=float(info["threshold"]), severity=info["severity"],
                                    enabled=bool(info.get("enabled", True)), **arrs)
    return SentenceFlagModel(heads, doc)


# ------------------------------------------------------------------ span (token-level) model, 2.x
SPAN_FORMAT = "feedbackai.token-flags/1"
SPAN_ARRAYS = ("mean", "scale", "w1", "b1", "w2", "b2")


@dataclass(frozen=True)
class SpanHead:
    """One category of the span model: fires on word pieces with ``p >= threshold``."""

    category: str
    threshold: float
    severity: str = "medium"
    enabled: bool = True


# A lexicon match its context filters turned down because the words name a thing (a product, an
# organisation, an event, a policy someone runs, a noun they modify) or are about someone else (a
# patient in bed 4) is not flagged by the span model either. Where a filter asked whether the words
# are said of a person or backed by evidence, the model's own reading stands: the small parser misses
# the person in fragments ("solid worker, never calls in"), and the labelled sets agree with the model
# there more often than with the filter.
REJECTIONS_HONOURED = frozenset({"not_in_name", "not_others", "not_named_event", "not_proper_name",
                                 "not_administered", "owned_by_person", "not_noun_modifier", "not_what_clause",
                                 "unless_next", "unless_prev",
                                 # a flag that yielded to another category's flag on the same words or in
                                 # the same sentence ("Ghanaian" inside a stereotype is race/ethnicity only)
                                 "yields_to", "sentence_yield"})


MAX_GAP = 3  # word pieces below the threshold that may sit inside one flagged phrase


class SpanFlagModel:
    """The learned span check (2.x): a small network on the encoder's contextual token states.

    Each word piece of a sentence is read as [its last-layer state, the sentence embedding]
    (standardised) -> ReLU layer -> one sigmoid per category: the probability that the piece
    lies inside a flagged phrase of that category. A run of pieces at or above a category's
    threshold becomes a Flag on the whole words it covers, unless a lexicon flag of the same
    category already covers them. The encoder computes the probabilities in the forward pass
    that embeds the sentence (``Encoder.encode(..., token_fn=model.token_fn)``): nothing is
    encoded twice."""

    token_level = True

    def __init__(self, heads: Mapping[str, SpanHead], arrays: Mapping[str, np.ndarray], categories: Sequence[str],
                 meta: dict) -> None:
        self.heads = dict(heads)
        self.categories = tuple(categories)
        self.meta = meta
        self.name = f"{meta.get('name', MODEL_NAME)} {meta.get('version', '')}".strip()
        self.check_id = f"learned.{meta.get('name', MODEL_NAME)}"
        self.source = meta.get("source", f"feedbackai learned span check {self.name}")
        a = {k: np.asarray(v, dtype=np.float32) for k, v in arrays.items()}
        inv = 1.0 / a["scale"]
        # fold the standardisation into the first layer: ((x - mean) / scale) @ w1 = x @ (w1 * inv) - ...
        self._w1 = (a["w1"] * inv[:, None]).astype(np.float32)
        self._b1 = (a["b1"] - (a["mean"] * inv) @ a["w1"]).astype(np.float32)
        self._w2, self._b2 = a["w2"], a["b2"]
        d = a["w1"].shape[0] // 2
        self._w1_tok, self._w1_sent = self._w1[:d], self._w1[d:]
        self._t = None  # the same weights as torch tensors, made on first use

    def active(self, enabled) -> list[SpanHead]:
        return [h for c, h in sorted(self.heads.items()) if h.enabled and enabled(c)]

    def symmetric_floor(self) -> np.ndarray:
        """Per category, 2t - 1 for an enabled head's threshold t (above 1 for a head that is off): a
        mean of two readings reaches t only where one of them reaches this."""
        out = np.full(len(self.categories), 2.0, dtype=np.float32)
        for k, c in enumerate(self.categories):
            h = self.heads.get(c)
            if h is not None and h.enabled:
                out[k] = 2.0 * h.threshold - 1.0
        return out

    def token_fn(self, states, embeddings) -> np.ndarray:
        """Per word piece and category, the probability of lying inside a flagged phrase.

        ``states``: (b, n, d) token states and ``embeddings`` (b, d), torch tensors (as the encoder
        passes them) or arrays; also one text's (n, d) and (d,). Returns float16 (b, n, C) or (n, C)."""
        import torch

        single = getattr(states, "ndim", 0) == 2
        x = torch.as_tensor(np.asarray(states, dtype=np.float32) if isinstance(states, np.ndarray) else states,
                            dtype=torch.float32)
        e = torch.as_tensor(np.asarray(embeddings, dtype=np.float32) if isinstance(embeddings, np.ndarray)
                            else embeddings, dtype=torch.float32)
        if single:
            x, e = x[None], e[None]
        if x.shape[1] == 0:
            out = np.zeros((x.shape[0], 0, len(self.categories)), dtype=np.float16)
            return out[0] if single else out
        if self._t is None:
            self._t = tuple(torch.from_numpy(np.ascontiguousarray(a))
                            for a in (self._w1_tok, self._w1_sent, self._b1, self._w2, self._b2))
        w1t, w1s, b1, w2, b2 = self._t
        with torch.inference_mode():
            h = torch.relu(x @ w1t + (e @ w1s + b1)[:, None, :])
            out = torch.sigmoid(h @ w2 + b2).numpy().astype(np.float16)
        return out[0] if single else out

    def flags(self, doc, sents: Sequence, tokens: Sequence, lexicon_flags: Sequence[Flag], enabled,
              min_severity_index: int = 0, yields: Mapping[str, frozenset] | None = None) -> list[Flag]:
        """Model flags for one Doc from its sentences' ``(offsets, probabilities)``. ``yields``: category
        -> the categories it yields to on the same words, as the lexicons say (``yields_to``)."""
        yields = yields or {}
        from ..types import SEVERITIES

        heads = [h for h in self.active(enabled) if SEVERITIES.index(h.severity) >= min_severity_index]
        if not heads or len(sents) == 0 or tokens is None:
            return []
        from . import REJECTED, SOMEONE_ELSE

        text = doc.text
        elsewhere = doc.user_data.get(SOMEONE_ELSE, ())
        turned_down = [(a, b, cats) for a, b, cats, why in doc.user_data.get(REJECTED, ())
                       if why in REJECTIONS_HONOURED]
        out: list[Flag] = []
        for s, tok in zip(sents, tokens):
            if tok is None:
                continue
            offsets, probs = tok
            raw = s.text
            base = s.start_char + (len(raw) - len(raw.lstrip()))
            # the sentence's bias words are about someone else it names (a patient's MRI)
            others_here = any(x < s.end_char and s.start_char < y for x, y in elsewhere)
            for h in heads:
                if others_here and h.category.startswith("bias."):
                    continue
                over = yields.get(h.category, frozenset())
                k = self.categories.index(h.category)
                p = probs[:, k].astype(np.float32)
                on = np.flatnonzero(p >= h.threshold)
                if len(on) == 0:
                    continue
                runs, start = [], on[0]
                for prev, cur in zip(on, on[1:]):
                    if cur > prev + 1 + MAX_GAP:  # pieces a few apart are one phrase ("looking like ... out of bed")
                        runs.append((start, prev))
                        start = cur
                runs.append((start, on[-1]))
                for i, j in runs:
                    a, b = base + int(offsets[i][0]), base + int(offsets[j][1])
                    while a > s.start_char and (text[a - 1].isalnum() or text[a - 1] in "'’-"):
                        a -= 1
                    while b < s.end_char and (text[b].isalnum() or text[b] in "'’-"):
                        b += 1
                    while a < b and not text[a].isalnum():
                        a += 1
                    while b > a and not text[b - 1].isalnum():
                        b -= 1
                    if a >= b or any(f.start < b and a < f.end and (f.category == h.category or f.category in over)
                                     for f in lexicon_flags):
                        continue  # a lexicon flag has these words already, or one the category yields to
                    if any(x < b and a < y and h.category in cats for x, y, cats in turned_down):
                        continue  # the lexicon read these words in context and ruled them out
                    ps = float(p[i:j + 1].max())
                    out.append(model_flag(self, h, text, a, b, ps, f"'{text[a:b]}'", "comments"))
        return out


def symmetric(orig, flipped, changes) -> tuple:
    """The mean of a sentence's word-piece probabilities and its gender flip's, on the original's pieces.

    ``orig`` and ``flipped``: ``(offsets, probs)`` of the sentence and of its flip; ``changes``:
    ``(start, end, new_start, new_end)`` of the swapped words, relative to each sentence. A piece
    outside the swapped words meets its twin in the flip (same word, same pieces); a swapped word
    takes the mean of its own highest piece and its replacement's. The result is the same for a
    sentence and for its flip, so the flags are too ("would you write this about him?")."""
    offsets, p = orig
    f_off, q = flipped
    p = p.astype(np.float32)
    q = q.astype(np.float32)
    out = p.copy()
    changes = sorted(changes)
    # unchanged pieces: the flipped offset minus the length change of the swaps before it
    twin: dict[tuple[int, int], int] = {}
    for j, (a, b) in enumerate(f_off):
        a, b = int(a), int(b)
        shift = 0
        inside = False
        for s0, e0, ns, ne in changes:
            if ne <= a:
                shift += (ne - ns) - (e0 - s0)
            elif ns < b and a < ne:
                inside = True
                break
        if not inside:
            twin[(a - shift, b - shift)] = j
    for i, (a, b) in enumerate(offsets):
        a, b = int(a), int(b)
        if any(s0 < b and a < e0 for s0, e0, _, _ in changes):
            continue
        j = twin.get((a, b))
        if j is not None:
            out[i] = (p[i] + q[j]) / 2
    for s0, e0, ns, ne in changes:
        mine = [i for i, (a, b) in enumerate(offsets) if s0 < int(b) and int(a) < e0]
        theirs = [j for j, (a, b) in enumerate(f_off) if ns < int(b) and int(a) < ne]
        if mine and theirs:
            out[mine] = (p[mine].max(0) + q[theirs].max(0)) / 2
    return offsets, out.astype(np.float16)


def save_span_model(path: str | Path, heads: Mapping[str, SpanHead], arrays: Mapping[str, np.ndarray],
                    categories: Sequence[str], meta: dict) -> None:
    path = Path(path)
    path.mkdir(parents=True, exist_ok=True)
    np.savez(path / "heads.npz", **{a: np.asarray(arrays[a], dtype=np.float32) for a in SPAN_ARRAYS})
    doc = {"format": SPAN_FORMAT, **meta, "categories": list(categories),
           "heads": {c: {"threshold": h.threshold, "severity": h.severity, "enabled": h.enabled}
                     for c, h in sorted(heads.items())}}
    (path / "model.json").write_text(json.dumps(doc, indent=2, sort_keys=True) + "\n")


def load_span_model(path: str | Path) -> SpanFlagModel:
    from ..types import CATEGORIES, SEVERITIES

    path = Path(path)
    doc, npz = open_model(path, SPAN_FORMAT)
    cats = doc.get("categories")
    if not isinstance(cats, list) or not cats or any(c not in CATEGORIES for c in cats):
        raise UntrustedModelError(f"{path}: model.json needs its list of known categories")
    with npz:
        if set(npz.files) != set(SPAN_ARRAYS):
            raise UntrustedModelError(f"{path}: heads.npz arrays do not match {SPAN_FORMAT}")
        try:
            arrs = {a: npz[a] for a in SPAN_ARRAYS}
        except ValueError as exc:
            raise UntrustedModelError(f"{path}: {exc}") from exc
    if any(v.dtype.kind != "f" for v in arrs.values()):
        raise UntrustedModelError(f"{path}: arrays must be float")
    if any(arrs[a].ndim != n for a, n in (("mean", 1), ("scale", 1), ("w1", 2), ("b1", 1), ("w2", 2), ("b2", 1))):
        raise UntrustedModelError(f"{path}: inconsistent array shapes")
    d, hid, c = arrs["mean"].shape[0], arrs["b1"].shape[0], len(cats)
    if not (d > 0 and d % 2 == 0 and arrs["scale"].shape == (d,) and arrs["w1"].shape == (d, hid)
            and arrs["w2"].shape == (hid, c) and arrs["b2"].shape == (c,) and arrs["b1"].ndim == 1):
        raise UntrustedModelError(f"{path}: inconsistent array shapes")
    if int(doc.get("input_dim", d)) != d or not np.all(arrs["scale"] > 0):
        raise UntrustedModelError(f"{path}: input_dim or scale does not fit the arrays")
    heads = {}
    for cat, info in doc["heads"].items():
        if cat not in cats or info.get("severity") not in SEVERITIES:
            raise UntrustedModelError(f"{path}: unknown category or severity for head {cat!r}")
        heads[cat] = SpanHead(category=cat, threshold=float(info["threshold"]), severity=info["severity"],
                              enabled=bool(info.get("enabled", True)))
    return SpanFlagModel(heads, arrs, cats, doc)


_cache: dict[str, "SentenceFlagModel | SpanFlagModel"] = {}
_lock = threading.Lock()


def default_model_dir() -> Path | None:
    from ..scoring.trained import latest_model_dir

    return latest_model_dir(MODEL_NAME)


def load_default() -> "SentenceFlagModel | SpanFlagModel | None":
    """The newest model under ``models/flags/``, loaded once per process (None if absent)."""
    path = default_model_dir()
    if path is None:
        return None
    with _lock:
        key = str(path)
        if key not in _cache:
            _cache[key] = load_model(path)
        return _cache[key]


def for_config(config) -> "SentenceFlagModel | SpanFlagModel | None":
    """The model when the learned check is on for ``config`` (a CheckConfig), else None.

    ``config.learned``: False = off; True = on (FileNotFoundError without a trained model);
    None = the model's ``default_enabled``. Off as well when no enabled head is in the
    config's categories, so the engine does not load the encoder for nothing.
    """
    flag = getattr(config, "learned", None)
    if flag is False:
        return None
    model = load_default()
    if model is None:
        if flag:
            raise FileNotFoundError("no learned flag model under models/flags/; run `python -m feedbackai.train_flags`")
        return None
    if flag is None and not model.meta.get("default_enabled", False):
        return None
    return model if model.active(config.enabled) else None
