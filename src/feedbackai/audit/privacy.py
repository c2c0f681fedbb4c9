"""Privacy: small-cell suppression, keyed pseudonyms, and person-name redaction.

- :func:`suppress` applies the k threshold and complementary suppression: when any group is
  below k, the next smallest groups are suppressed too until at least two groups are hidden
  and the hidden groups together hold at least k rows, so no hidden group can be recovered
  by subtracting the shown groups from the total.
- :class:`Pseudonymiser` replaces ids with HMAC-SHA256 digests under a secret key made for
  the run (never written to the outputs).
- :class:`PersonRedactor` finds spaCy PERSON entities and :func:`redact` replaces them,
  returning a function that maps old character offsets to new ones.
"""

from __future__ import annotations

import bisect
import hashlib
import hmac
import secrets
from typing import Callable, Iterable, Mapping, Sequence

MIN_K = 3
DEFAULT_K = 5
PERSON_MARK = "[NAME]"
# one-word entities the small English model often gives to first names ("Mateo" GPE, "Oluwaseun" ORG)
MISLABELLED = {"GPE", "ORG", "NORP", "LOC", "FAC", "PRODUCT", "WORK_OF_ART", "EVENT"}


def check_k(k: int) -> int:
    if not isinstance(k, int) or isinstance(k, bool):
        raise ValueError(f"k must be an integer, not {type(k).__name__}")
    if k < MIN_K:
        raise ValueError(f"k must be at least {MIN_K} (got {k}): smaller groups identify people")
    return k


def suppress(counts: Mapping[str, int], k: int) -> dict[str, str]:
    """Which groups to hide, and why.

    Returns ``{group: reason}`` with reason ``"n < k"`` (primary) or ``"complementary"``
    (hidden so that a primary cell cannot be derived by subtraction from the total).
    Groups with n == 0 are ignored.
    """
    check_k(k)
    live = {g: n for g, n in counts.items() if n > 0}
    hidden = {g: "n < k" for g, n in live.items() if n < k}
    if not hidden:
        return hidden
    rest = sorted((n, str(g), g) for g, n in live.items() if g not in hidden)
    while rest and (len(hidden) < 2 or sum(live[g] for g in hidden) < k):
        _, _, g = rest.pop(0)
        hidden[g] = "complementary"
    return hidden


class Pseudonymiser:
    """Keyed pseudonyms: HMAC-SHA256 over the value with a secret per-run key.

    The same value always gets the same pseudonym within a run (so rows stay linkable);
    without the key nobody can test a guess of the original id.
    """

    def __init__(self, key: bytes | None = None, prefix: str = "p_", length: int = 16) -> None:
        self.key = key if key is not None else secrets.token_bytes(32)
        if len(self.key) < 16:
            raise ValueError("the pseudonym key must be at least 16 bytes")
        self.prefix = prefix
        self.length = length
        self._cache: dict[str, str] = {}

    def __call__(self, value: object) -> str:
        if value is None:
            return ""
        s = str(value)
        if s == "":
            return ""
        out = self._cache.get(s)
        if out is None:
            out = self.prefix + hmac.new(self.key, s.encode("utf-8"), hashlib.sha256).hexdigest()[: self.length]
            if len(self._cache) < 200_000:
                self._cache[s] = out
        return out


def redact(text: str, spans: Sequence[tuple[int, int]], mark: str = PERSON_MARK) -> tuple[str, Callable[[int, bool], int]]:
    """Replace each (start, end) span with ``mark``.

    Returns the new text and ``remap(offset, is_end)`` mapping an offset in the old text to
    the new text; an offset inside a replaced span snaps to the start of its mark (for a
    start) or to its end (for an end), so a flag overlapping a name covers the mark.
    """
    merged: list[list[int]] = []
    for a, b in sorted(spans):
        if b <= a:
            continue
        if merged and a <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], b)
        else:
            merged.append([a, b])
    if not merged:
        return text, lambda off, is_end=False: off
    parts: list[str] = []
    pos = 0
    new_starts: list[int] = []
    out_len = 0
    for a, b in merged:
        parts.append(text[pos:a])
        out_len += a - pos
        new_starts.append(out_len)
        parts.append(mark)
        out_len += len(mark)
        pos = b
    parts.append(text[pos:])
    starts = [a for a, _ in merged]
    ends = [b for _, b in merged]

    def remap(off: int, is_end: bool = False) -> int:
        i = bisect.bisect_right(starts, off) - 1
        if i < 0:
            return off
        a, b, ns = starts[i], ends[i], new_starts[i]
        if off >= b:
            return ns + len(mark) + (off - b)
        if off == a:
            return ns
        return ns + len(mark) if is_end else ns

    return "".join(parts), remap


class PersonRedactor:
    """Finds person names with a spaCy pipeline and replaces them with ``[NAME]``.

    A second, light pass over the texts being exported (the engine's public API returns
    reports, not the Docs it parsed): only ``tok2vec``, ``tagger``, ``attribute_ruler`` and
    ``ner`` run (no parser, no lemmatizer). Redacted: PERSON entities; proper nouns outside
    any entity or alone in a one-word GPE/ORG/NORP/... entity (the small English model
    often tags a lone first name as a plain PROPN, or as a place or organisation);
    every other occurrence in the same text of a word redacted there; and, later in the
    run, any token equal to a word already seen inside a PERSON entity.
    This over-redacts some project names rather than miss people. Texts longer than
    ``nlp.max_length`` are replaced whole.
    """

    KEEP = ("tok2vec", "tagger", "attribute_ruler", "ner")
    MAX_KNOWN = 50_000

    def __init__(self, nlp, batch_size: int = 64) -> None:
        self.nlp = nlp
        self.batch_size = batch_size
        names = list(getattr(nlp, "pipe_names", []))
        self.disable = [p for p in names if p not in self.KEEP]
        self.has_ner = "ner" in names
        self.known: set[str] = set()

    def person_spans(self, texts: Iterable[str]) -> list[list[tuple[int, int]]]:
        texts = list(texts)
        limit = getattr(self.nlp, "max_length", 10**6)
        out: list[list[tuple[int, int]]] = [[] for _ in texts]
        todo = []
        for i, t in enumerate(texts):
            if not t or not t.strip():
                continue
            if len(t) > limit:
                out[i] = [(0, len(t))]
            else:
                todo.append(i)
        if not todo or not self.has_ner:
            return out
        docs = list(self.nlp.pipe([texts[i] for i in todo], batch_size=self.batch_size, disable=self.disable))
        for doc in docs:
            for e in doc.ents:
                if e.label_ == "PERSON" and len(self.known) < self.MAX_KNOWN:
                    self.known.update(t.text for t in e if t.is_alpha and t.text[:1].isupper())
        for i, doc in zip(todo, docs):
            spans = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"]
            names = {t.text for e in doc.ents if e.label_ == "PERSON" for t in e if t.is_alpha}
            for t in doc:
                if t.ent_type_ == "PERSON" or not t.is_alpha:
                    continue
                lone = t.ent_type_ and t.ent_iob_ == "B" and (t.i + 1 >= len(doc) or doc[t.i + 1].ent_iob_ != "I")
                if (t.pos_ == "PROPN" and t.text[:1].isupper() and (not t.ent_type_ or (lone and t.ent_type_ in MISLABELLED))) \
                        or t.text in self.known:
                    spans.append((t.idx, t.idx + len(t.text)))
                    names.add(t.text)
            # a word redacted once in a text is redacted everywhere in it ("Sofia" tagged GPE elsewhere)
            spans += [(t.idx, t.idx + len(t.text)) for t in doc if t.text in names and t.ent_type_ != "PERSON"]
            out[i] = spans
        return out

    def redact_many(self, texts: Sequence[str]) -> list[tuple[str, Callable[[int, bool], int]]]:
        return [redact(t, s) for t, s in zip(texts, self.person_spans(texts))]
