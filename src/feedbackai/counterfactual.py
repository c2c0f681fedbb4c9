"""The counterfactual "flip": the same comment written about someone of the other gender.

``flip(text)`` swaps gendered pronouns, titles, terms and given names (he <-> she, his <->
her, him <-> her, Mr <-> Ms, brother <-> sister, Priya <-> Arjun, ...) and returns the new
text with an alignment of every change. "her" is resolved from the parse: a possessive
("her report") becomes "his", an object ("thank her") becomes "him"; "his" standing alone
("the idea was his") becomes "hers". A bias-training session asks: would you write this
about him?
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any, Mapping

import yaml

from .types import _Serialisable

_DATA = Path(__file__).resolve().parent / "data" / "gender_pairs.yaml"
# male words that are also ordinary words: only ever produced, never flipped back
NO_REVERSE = {"host", "guy", "guys", "guy's", "sir"}
_lock = threading.Lock()
_tables: tuple[dict[str, str], dict[str, str]] | None = None


@dataclass(frozen=True)
class Change(_Serialisable):
    """One swap: ``text[start:end]`` in the original became ``new_text`` at ``new_start``."""

    start: int
    end: int
    text: str
    new_start: int
    new_end: int
    new_text: str
    kind: str  # pronoun | term | title | name

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Change":
        return cls(**{f.name: d[f.name] for f in fields(cls)})


@dataclass(frozen=True)
class FlipResult(_Serialisable):
    original: str
    text: str
    changes: tuple[Change, ...]

    def map_offset(self, offset: int) -> int:
        """Where an offset of the original lands in the flipped text (start of a changed word
        maps to the start of its replacement)."""
        shift = 0
        for c in self.changes:
            if offset < c.end:
                if offset >= c.start:
                    return c.new_start + min(offset - c.start, len(c.new_text))
                break
            shift += len(c.new_text) - len(c.text)
        return offset + shift

    def changed(self, start: int, end: int) -> bool:
        """True when [start, end) of the original overlaps a swapped word."""
        return any(c.start < end and start < c.end for c in self.changes)

    def to_dict(self) -> dict[str, Any]:
        return {"original": self.original, "text": self.text, "changes": [c.to_dict() for c in self.changes]}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "FlipResult":
        return cls(d["original"], d["text"], tuple(Change.from_dict(c) for c in d["changes"]))


def _load() -> tuple[dict[str, str], dict[str, str]]:
    global _tables, _gender_of
    with _lock:
        if _tables is None:
            data = yaml.safe_load(_DATA.read_text(encoding="utf-8"))
            words: dict[str, str] = {}
            for f, m in data["words"].items():
                f, m = str(f).lower(), str(m).lower()
                words.setdefault(f, m)
                if m not in NO_REVERSE:
                    words.setdefault(m, f)
            names: dict[str, str] = {}
            genders: dict[str, str] = {}
            for f, m in data["names"].items():
                names.setdefault(str(f), str(m))
                names.setdefault(str(m), str(f))
                genders.setdefault(str(f), "female")
                genders.setdefault(str(m), "male")
            _gender_of = genders
            _tables = (words, names)
        return _tables


_gender_of: dict[str, str] = {}


def name_gender(name: str) -> str | None:
    """'female' or 'male' for a given name of the flip's list (``data/gender_pairs.yaml``,
    female -> male pairs), else None."""
    _load()
    return _gender_of.get(name)


def given_names() -> frozenset[str]:
    """The given names the flip swaps (``data/gender_pairs.yaml``), as written."""
    return frozenset(_load()[1])


def _case_like(src: str, word: str) -> str:
    if src.isupper() and len(src) > 1:
        return word.upper()
    if src[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _pronoun(tok) -> str | None:
    low = tok.lower_
    if low == "he":
        return "she"
    if low == "she":
        return "he"
    if low == "him":
        return "her"
    if low == "himself":
        return "herself"
    if low == "herself":
        return "himself"
    if low == "hers":
        return "his"
    if low == "his":
        # possessive determiner ("his report") vs standalone pronoun ("the idea was his")
        if tok.dep_ == "poss":
            return "her"
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        return "her" if nxt is not None and nxt.pos_ in ("NOUN", "ADJ", "PROPN", "NUM", "ADV") else "hers"
    if low == "her":
        if tok.dep_ == "poss" or tok.tag_ == "PRP$":
            return "his"
        if tok.dep_ in ("dobj", "pobj", "dative", "iobj", "obj", "nsubj", "conj", "appos", "attr", "oprd"):
            return "him"
        # fall back on the next token: "her report" (possessive) vs "her." / "her to" (object)
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        if nxt is not None and nxt.pos_ in ("NOUN", "ADJ", "PROPN", "NUM") and not nxt.is_punct:
            return "his"
        return "him"
    return None


def flip_doc(doc) -> FlipResult:
    words, names = _load()
    text = doc.text
    changes: list[Change] = []
    out: list[str] = []
    pos = 0
    shift = 0
    for tok in doc:
        new: str | None = None
        kind = ""
        p = _pronoun(tok)
        if p is not None:
            new, kind = p, "pronoun"
        elif tok.text in names and (tok.pos_ == "PROPN" or tok.ent_type_ == "PERSON" or tok.text[:1].isupper()):
            new, kind = names[tok.text], "name"
        else:
            low = tok.lower_
            if low in ("miss", "ms", "ms.", "mrs", "mrs.", "mr", "mr.") :
                nxt = tok.nbor(1) if tok.i + 1 < len(doc) else None
                if tok.text[:1].isupper() and nxt is not None and (nxt.pos_ == "PROPN" or nxt.text[:1].isupper()):
                    new, kind = words[low], "title"
            elif low in words:
                new, kind = words[low], "term"
        if new is None:
            continue
        new = _case_like(tok.text, new)
        a, b = tok.idx, tok.idx + len(tok.text)
        out.append(text[pos:a])
        ns = a + shift
        out.append(new)
        changes.append(Change(a, b, tok.text, ns, ns + len(new), new, kind))
        shift += len(new) - len(tok.text)
        pos = b
    out.append(text[pos:])
    return FlipResult(text, "".join(out), tuple(changes))


def flip(text: str, analyzer=None) -> FlipResult:
    """Swap the gender of pronouns, titles, gendered terms and given names in ``text``."""
    if analyzer is None:
        from . import default_analyzer

        analyzer = default_analyzer()
    return flip_doc(analyzer.parse(text))
