"""Checks: the registry of lexicon checks and the runner that turns matches into Flags.

Every check is a YAML lexicon (:mod:`feedbackai.checks.lexicon`); where a word list alone
is wrong, a lexicon names context filters from :mod:`feedbackai.checks.context`, which
read the dependency parse of the same Doc. All checks share one PhraseMatcher and one
Matcher per pipeline vocabulary, so a Doc is scanned once.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..types import CATEGORIES, SEVERITIES, Evidence, Flag
from .context import FILTERS, CheckContext
from .lexicon import Entry, Lexicon, LexiconError, builtin_lexicon_paths, load_lexicon

__all__ = ["CheckConfig", "Checker", "Lexicon", "LexiconError", "load_lexicon", "registry"]

GLOBAL_FILTERS = ("not_in_name",)


@dataclass(frozen=True)
class CheckConfig:
    """What to check.

    - ``categories``: the categories to report (None = all); ``disabled``: categories off.
    - ``allow``: terms never flagged (case-insensitive), e.g. an organisation's product
      names; ``deny``: extra terms always flagged, as ``{"term", "category",
      "explanation"?, "suggestion"?}`` mappings.
    - ``extra_lexicons``: paths of organisation lexicon files in the same YAML format.
    - ``min_severity``: drop flags below this severity.
    """

    categories: Sequence[str] | None = None
    disabled: Sequence[str] = ()
    allow: Sequence[str] = ()
    deny: Sequence[dict] = ()
    extra_lexicons: Sequence[str | Path] = ()
    min_severity: str = "low"

    def __post_init__(self) -> None:
        for c in list(self.categories or ()) + list(self.disabled):
            if c not in CATEGORIES:
                raise ValueError(f"unknown category {c!r}; known: {', '.join(CATEGORIES)}")
        if self.min_severity not in SEVERITIES:
            raise ValueError(f"min_severity must be one of {SEVERITIES}")
        for d in self.deny:
            if not isinstance(d, dict) or "term" not in d or d.get("category") not in CATEGORIES:
                raise ValueError("each deny item needs a 'term' and a known 'category'")

    def enabled(self, category: str) -> bool:
        if category in self.disabled:
            return False
        return self.categories is None or category in self.categories


def _deny_lexicon(deny: Sequence[dict]) -> Lexicon | None:
    if not deny:
        return None
    entries = []
    for d in deny:
        cat = d["category"]
        entries.append(Entry(
            key=d["term"], match="phrase", tokens=tuple(d["term"].lower().split()), categories=(cat,),
            severity=d.get("severity", "medium"),
            explanation=d.get("explanation", "Your organisation has asked reviewers not to use '{term}'."),
            suggestion=d.get("suggestion", "Describe the behaviour and its effect instead."),
            source="organisation deny list",
        ))
    return Lexicon(id="org.deny", version=1, category=entries[0].categories[0], severity="medium",
                   match="phrase", entries=tuple(entries), source="organisation deny list",
                   licence="", path="<config>")


class Registry:
    """The built-in lexicon checks, loaded once per process."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._lexicons: tuple[Lexicon, ...] | None = None

    def lexicons(self) -> tuple[Lexicon, ...]:
        with self._lock:
            if self._lexicons is None:
                lexs = [load_lexicon(p, known_contexts=tuple(FILTERS)) for p in builtin_lexicon_paths()]
                ids = [lx.id for lx in lexs]
                dup = {i for i in ids if ids.count(i) > 1}
                if dup:
                    raise LexiconError(f"duplicate check ids: {sorted(dup)}")
                self._lexicons = tuple(lexs)
            return self._lexicons

    def get(self, check_id: str) -> Lexicon:
        for lx in self.lexicons():
            if lx.id == check_id:
                return lx
        raise KeyError(check_id)


registry = Registry()


class Checker:
    """Runs all enabled checks on a parsed Doc and returns Flags (sorted by position)."""

    def __init__(self, config: CheckConfig | None = None) -> None:
        self.config = config or CheckConfig()
        lexs = list(registry.lexicons())
        lexs += [load_lexicon(p, known_contexts=tuple(FILTERS)) for p in self.config.extra_lexicons]
        deny = _deny_lexicon(self.config.deny)
        if deny is not None:
            lexs.append(deny)
        self.lexicons = tuple(lexs)
        self._allow = {a.strip().lower() for a in self.config.allow if a.strip()}
        self._entries: dict[str, tuple[Lexicon, Entry]] = {}
        self._matchers: dict[int, tuple[PhraseMatcher, PhraseMatcher, Matcher]] = {}
        self._lock = threading.Lock()
        self._min_sev = SEVERITIES.index(self.config.min_severity)

    # -- matcher construction (once per vocabulary) --------------------------------
    def _build(self, doc: Doc) -> tuple[PhraseMatcher, PhraseMatcher, Matcher]:
        vocab = doc.vocab
        lower = PhraseMatcher(vocab, attr="LOWER")
        lemma = PhraseMatcher(vocab, attr="LEMMA")
        pattern = Matcher(vocab)
        for lx in self.lexicons:
            for k, e in enumerate(lx.entries):
                if not any(self.config.enabled(c) for c in e.categories):
                    continue
                key = f"{lx.id}::{k}"
                self._entries[key] = (lx, e)
                if e.match == "pattern":
                    pattern.add(key, [list(e.pattern)])
                elif e.match == "lemma":
                    d = Doc(vocab, words=list(e.tokens))
                    for t in d:
                        t.lemma_ = t.text
                    lemma.add(key, [d])
                else:
                    lower.add(key, [Doc(vocab, words=list(e.tokens))])
        return lower, lemma, pattern

    def _matchers_for(self, doc: Doc) -> tuple[PhraseMatcher, PhraseMatcher, Matcher]:
        vid = id(doc.vocab)
        with self._lock:
            m = self._matchers.get(vid)
            if m is None:
                m = self._build(doc)
                self._matchers[vid] = m
            return m

    # -- running -----------------------------------------------------------------
    def matches(self, doc: Doc) -> list[tuple[Lexicon, Entry, Span]]:
        lower, lemma, pattern = self._matchers_for(doc)
        strings = doc.vocab.strings
        raw = list(lower(doc)) if len(lower) else []
        if len(pattern):
            raw += list(pattern(doc))
        if len(lemma) and doc.has_annotation("LEMMA"):
            raw += list(lemma(doc))
        out = []
        for match_id, start, end in raw:
            lx, entry = self._entries[strings[match_id]]
            out.append((lx, entry, Span(doc, start, end, label=match_id)))
        return out

    def run(self, doc: Doc, evidence: Sequence[Evidence] | None = None) -> list[Flag]:
        if len(doc) == 0:
            return []
        if evidence is None:
            from ..evidence import extract

            evidence = extract(doc)
        ctx = CheckContext(doc, evidence)
        per_lexicon: dict[str, list[tuple[Entry, Span]]] = {}
        for lx, entry, span in self.matches(doc):
            if span.text.lower() in self._allow:
                continue
            if entry.unless_next and span.end < len(doc) and doc[span.end].lower_ in entry.unless_next:
                continue
            if entry.unless_prev and span.start > 0 and doc[span.start - 1].lower_ in entry.unless_prev:
                continue
            filters = GLOBAL_FILTERS + tuple(c for c in entry.context if c not in GLOBAL_FILTERS)
            if not all(FILTERS[name](span, ctx) for name in filters):
                continue
            per_lexicon.setdefault(lx.id, []).append((entry, span))
        flags: list[Flag] = []
        for lex_id, items in per_lexicon.items():
            keep = {(s.start, s.end) for s in filter_spans([s for _, s in items])}
            kept_cats: dict[tuple[int, int], set[str]] = {}
            for entry, span in items:
                if (span.start, span.end) in keep:
                    kept_cats.setdefault((span.start, span.end), set()).update(entry.categories)
            seen: set[tuple[int, int]] = set()
            for entry, span in items:
                key = (span.start, span.end)
                if key in keep:
                    if key in seen:
                        continue
                    seen.add(key)
                    flags.extend(self._flags(lex_id, entry, span))
                    continue
                # a shorter match inside a longer one of the same check still adds the
                # categories the longer one lacks ("working mom" inside "as a working mom")
                outer = next((k for k in keep if k[0] <= span.start and span.end <= k[1]), None)
                extra = set(entry.categories) - kept_cats.get(outer, set()) if outer else set()
                if extra:
                    kept_cats[outer] |= extra
                    flags.extend(self._flags(lex_id, entry, span, only=extra))
        flags.sort(key=lambda f: (f.start, f.end, f.category))
        return flags

    def _flags(self, lex_id: str, entry: Entry, span: Span, only: set[str] | None = None) -> Iterable[Flag]:
        if SEVERITIES.index(entry.severity) < self._min_sev:
            return
        text = span.doc.text
        a, b = span.start_char, span.end_char
        for cat in entry.categories:
            if (only is not None and cat not in only) or not self.config.enabled(cat):
                continue
            yield Flag(
                category=cat, start=a, end=b, text=text[a:b], severity=entry.severity,  # type: ignore[arg-type]
                explanation=entry.explanation.replace("{term}", text[a:b]),
                suggestion=entry.suggestion.replace("{term}", text[a:b]),
                source=entry.source, check=lex_id,
            )
