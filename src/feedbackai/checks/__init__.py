"""Checks: the registry of lexicon checks and the runner that turns matches into Flags.

Every check is a YAML lexicon (:mod:`feedbackai.checks.lexicon`); where a word list alone
is wrong, a lexicon names context filters from :mod:`feedbackai.checks.context`, which
read the dependency parse of the same Doc. All checks share the matchers of one pipeline
vocabulary: phrase matchers for word lists, and token-pattern Matchers run only for the
patterns a Doc can match (see ``Checker._pattern_matches``).
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Sequence

from spacy.attrs import LEMMA, LOWER, ORTH
from spacy.matcher import Matcher, PhraseMatcher
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..types import CATEGORIES, SEVERITIES, Evidence, Flag
from .context import FILTERS, CheckContext
from .referents import someone_else
from .typos import TypoIndex
from .lexicon import Entry, Lexicon, LexiconError, builtin_lexicon_paths, load_lexicon

__all__ = ["CheckConfig", "Checker", "Lexicon", "LexiconError", "load_lexicon", "registry"]

GLOBAL_FILTERS = ("not_in_name",)
# protected mentions whose words are never a record of the work (an age, a condition, children);
# gendered words can be ("trained two new men on the forklift")
_MENTION_CATEGORIES = frozenset({"bias.age", "bias.race_ethnicity", "bias.disability", "bias.family_status",
                                 "bias.appearance", "bias.other_protected"})
_ANCHOR_ATTRS = {"ORTH": ORTH, "TEXT": ORTH, "LOWER": LOWER, "LEMMA": LEMMA}
_ANNOTATED = ("TAG", "POS", "MORPH", "LEMMA", "DEP")
_SUBSET_CACHE = 2048
# A generic verdict in a sentence that leans on race, national origin, religion or accent is the
# stereotype's content ("good with computers, like most Indians", "a hard worker, though his English
# ..."): the bias flag says what to fix, a second flag on the praise is noise. Dev sets: 21 false and
# 14 true generic flags fewer; the sets whose errors are not read lost 5 false flags and no true one.
# A verdict set against the mention by "but", "though", "otherwise" ... stands on its own ("Darius is great but
# has a thick accent"): the dev7 writers label it, and the dev sets gain 9 true and 4 false generic flags.
SENTENCE_YIELDS = {"vague.generic": frozenset({"bias.race_ethnicity", "bias.other_protected"})}


def _yield_in_sentence(doc: Doc, flags: list[Flag]) -> list[Flag]:
    if not any(f.category in SENTENCE_YIELDS for f in flags):
        return flags
    bounds = [(s.start_char, s.end_char) for s in doc.sents]

    def sent_of(f: Flag) -> int:
        return next((i for i, (a, b) in enumerate(bounds) if a <= f.start < b), -1)

    text = doc.text

    def contrasted(a: Flag, b: Flag) -> bool:
        # "Darius is great but has a thick accent": a verdict set against the mention stands on its own
        first, later = (a, b) if a.end <= b.start else (b, a)
        lo, hi = first.end, later.start
        # the later flag may open with the contrast word itself: "..., otherwise no issues"
        lead = text[later.start:later.end].lower().split(" ", 1)[0]
        between = f" {text[lo:hi].lower()} {lead} "
        return any(f" {w} " in between or f" {w}," in between for w in _CONTRAST)

    drop = set()
    for cat, over in SENTENCE_YIELDS.items():
        others = [f for f in flags if f.category in over]
        for f in flags:
            if f.category == cat and any(sent_of(o) == sent_of(f) and not contrasted(f, o) for o in others):
                drop.add(id(f))
    return [f for f in flags if id(f) not in drop]


_CONTRAST = ("but", "though", "although", "otherwise", "however", "yet", "except", "tho", "whereas")


_CONTRACTED_NOT = frozenset({"n't", "nt", "n\u2019t"})
REJECTED = "feedbackai_rejected"  # Doc.user_data: (start, end, categories, filter) of matches the filters turned down
SOMEONE_ELSE = "feedbackai_someone_else"  # Doc.user_data: character spans of bias mentions about someone else
_GROUP = 32  # token patterns per group (see Checker._pattern_matches)


def _anchors(pattern: Sequence[dict]) -> tuple[tuple[int, frozenset[int]], ...]:
    """What a token pattern needs the Doc to contain: for each token of the pattern that
    must match (no ``OP``, or ``OP: +``) and fixes its ORTH/TEXT, LOWER or LEMMA (a string,
    or ``{"IN": [...]}``), the attribute and its allowed values (as the Matcher hashes
    them). A Doc without such a value anywhere cannot match the pattern."""
    out = []
    for spec in pattern:
        if not isinstance(spec, dict) or spec.get("OP", spec.get("op")) not in (None, "+"):
            continue
        for key, value in spec.items():
            attr = _ANCHOR_ATTRS.get(key.upper()) if isinstance(key, str) else None
            if attr is None:
                continue
            if isinstance(value, str):
                out.append((attr, frozenset((get_string_id(value),))))
            elif (isinstance(value, dict) and list(value) == ["IN"] and isinstance(value["IN"], (list, tuple))
                  and all(isinstance(v, str) for v in value["IN"])):
                out.append((attr, frozenset(get_string_id(v) for v in value["IN"])))
    return tuple(out)


@dataclass(frozen=True)
class CheckConfig:
    """What to check.

    - ``categories``: the categories to report (None = all); ``disabled``: categories off.
    - ``allow``: terms never flagged (case-insensitive), e.g. an organisation's product
      names; ``deny``: extra terms always flagged, as ``{"term", "category",
      "explanation"?, "suggestion"?}`` mappings.
    - ``extra_lexicons``: paths of organisation lexicon files in the same YAML format.
    - ``min_severity``: drop flags below this severity.
    - ``learned``: the learned check (:mod:`feedbackai.checks.learned`; the span model since 2.0.0): True / False,
      or None for the trained model's default (its ``default_enabled``, chosen by cross-validation).
      It needs the sentence encoder, so the engine loads the encoder when it is on.
    """

    categories: Sequence[str] | None = None
    disabled: Sequence[str] = ()
    allow: Sequence[str] = ()
    deny: Sequence[dict] = ()
    extra_lexicons: Sequence[str | Path] = ()
    min_severity: str = "low"
    learned: bool | None = None

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


# a pattern may match the clitic or the punctuation around a phrase ("'s turban", "doing great,"):
# the flag highlights the phrase itself
_EDGE = frozenset({",", ".", ";", ":", "!", "?", "'s", "\u2019s", "'", "\u2019", "...", "-", "\u2013", "\u2014"})


def _trimmed(span: Span) -> tuple[int, int]:
    """Character offsets of ``span`` without edge punctuation or a leading possessive clitic."""
    i, j = span.start, span.end
    doc = span.doc
    while j - i > 1 and doc[i].text in _EDGE:
        i += 1
    while j - i > 1 and doc[j - 1].text in _EDGE:
        j -= 1
    return doc[i].idx, doc[j - 1].idx + len(doc[j - 1].text)


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
        # token patterns in Matcher order: (key, pattern, anchors); and, per vocabulary,
        # Matchers over the subsets of them a Doc can match (see _pattern_matches)
        self._prefilter: tuple = ([], {}, [], [], [], [], {})
        self._pattern_attrs: set[str] = set()
        self._subsets: dict[int, OrderedDict] = {}
        self._lock = threading.Lock()
        self._min_sev = SEVERITIES.index(self.config.min_severity)
        self._learned: object = ...  # loaded on first use (feedbackai.checks.learned)
        self._yields: dict[str, frozenset[str]] | None = None
        self._typos: TypoIndex | None = None

    @property
    def learned(self):
        """The learned check (span or sentence model) when it is on for this config, else None."""
        if self._learned is ...:
            from .learned import for_config

            self._learned = for_config(self.config)
        return self._learned

    @property
    def yield_map(self) -> dict[str, frozenset[str]]:
        """Category -> the categories its lexicon flags yield to on the same words (``yields_to``)."""
        if self._yields is None:
            out: dict[str, set[str]] = {}
            for lx in self.lexicons:
                for e in lx.entries:
                    if e.yields_to:
                        for c in e.categories:
                            out.setdefault(c, set()).update(e.yields_to)
            self._yields = {c: frozenset(v) for c, v in out.items()}
        return self._yields

    def learned_flags(self, doc: Doc, sents, vecs, flags: Sequence[Flag]) -> list[Flag]:
        """``flags`` plus the learned check's flags for ``doc`` (sorted, deduplicated). ``vecs``:
        the sentences' embeddings, or for a span model (2.x) their ``(offsets, probabilities)``."""
        from .learned import merge

        model = self.learned
        if model is None:
            return list(flags)
        enabled = self.config.enabled
        if getattr(model, "token_level", False):
            # the span model (2.x): word-level flags, kept out of what the lexicons ruled out or yield
            extra = model.flags(doc, sents, vecs, flags, enabled, self._min_sev, yields=self.yield_map)
            if self._allow:  # an organisation's allowed terms are never flagged, by the model either
                extra = [f for f in extra if not any(re.search(rf"(?<!\w){re.escape(a)}(?!\w)", f.text.lower())
                                                     for a in self._allow)]
            merged = merge(flags, extra)
            if extra:  # the same sentence-level yields as the lexicons'
                kept = {id(f) for f in _yield_in_sentence(doc, merged)}
                merged = [f for f in merged if id(f) in kept or f.check != model.check_id]
            return merged
        if any(c.startswith("bias.") and not enabled(c) for c in CATEGORIES):
            # a bias head fires only where no lexicon bias flag did; with a bias category
            # turned off its flags are not there to tell ("She is abrasive" with personality
            # off would read as another bias), so the bias heads stay silent
            def enabled(c, _on=self.config.enabled):  # noqa: E306
                return _on(c) and not c.startswith("bias.")
        return merge(flags, model.flags(doc, sents, vecs, flags, enabled, self._min_sev))

    # -- matcher construction (once per vocabulary) --------------------------------
    def _build(self, doc: Doc) -> tuple[PhraseMatcher, PhraseMatcher, Matcher]:
        vocab = doc.vocab
        lower = PhraseMatcher(vocab, attr="LOWER")
        lemma = PhraseMatcher(vocab, attr="LEMMA")
        pattern = Matcher(vocab)
        patterns: list[tuple[str, list, tuple]] = []
        typo_terms: list[tuple[str, str]] = []
        for lx in self.lexicons:
            for k, e in enumerate(lx.entries):
                if not any(self.config.enabled(c) for c in e.categories):
                    continue
                key = f"{lx.id}::{k}"
                self._entries[key] = (lx, e)
                if e.match == "pattern":
                    pattern.add(key, [list(e.pattern)])
                    patterns.append((key, list(e.pattern), _anchors(e.pattern)))
                    self._pattern_attrs.update(k.upper() for spec in e.pattern for k in spec
                                               if isinstance(k, str) and k.upper() in _ANNOTATED)
                elif e.match == "lemma":
                    d = Doc(vocab, words=list(e.tokens))
                    for t in d:
                        t.lemma_ = t.text
                    lemma.add(key, [d])
                else:
                    words = list(e.tokens)
                    lower.add(key, [Doc(vocab, words=words)])
                    if ("not" in words[1:] or (words[0] == "not" and len(words) > 1)) \
                            and "vague.hedge" not in e.categories \
                            and (len(words) >= 4 or {"person", "person_clause"} & set(e.context)):
                        # "not where it needs to be" is also written "isn't where ...", "isnt where ..." (the
                        # contraction is its own token after the auxiliary); not for hedges ("isn't really" is
                        # how people say no), nor a short phrase not held to a person ("the parking isn't great")
                        for neg in sorted(_CONTRACTED_NOT):
                            lower.add(key, [Doc(vocab, words=[neg if w == "not" else w for w in words])])
                    if any("'" in w for w in words):
                        # text pasted from a word processor has curly apostrophes ("I’m not sure",
                        # "a boys’ club"), which spaCy splits the same way; the Analyzer parses
                        # typography.plain() text, but the spaCy component sees the writer's own
                        lower.add(key, [Doc(vocab, words=[w.replace("'", "\u2019") for w in words])])
                    if len(e.tokens) == 1:
                        typo_terms.append((e.tokens[0], key))
        # the same for every vocabulary: the patterns; per (attribute, value), the anchors
        # it satisfies; each anchor's pattern; each pattern's number of anchors; the
        # patterns without anchors
        index: dict[tuple[int, int], list[int]] = {}
        owner: list[int] = []
        for k, (_, _, anchors) in enumerate(patterns):
            for attr, values in anchors:
                for v in values:
                    index.setdefault((attr, v), []).append(len(owner))
                owner.append(k)
        need = [len(anchors) for _, _, anchors in patterns]
        always = [k for k, n in enumerate(need) if n == 0]
        # fixed groups of patterns, those without anchors first (they run on every Doc)
        grouped = always + [k for k, n in enumerate(need) if n]
        group = [0] * len(patterns)
        for i, k in enumerate(grouped):
            group[k] = i // _GROUP
        rank = {get_string_id(key): k for k, (key, _, _) in enumerate(patterns)}
        self._prefilter = (patterns, index, owner, need, always, group, rank)
        self._typos = TypoIndex(typo_terms)
        return lower, lemma, pattern

    def _matchers_for(self, doc: Doc) -> tuple[PhraseMatcher, PhraseMatcher, Matcher]:
        vid = id(doc.vocab)
        with self._lock:
            m = self._matchers.get(vid)
            if m is None:
                m = self._build(doc)
                self._matchers[vid] = m
                self._subsets[vid] = OrderedDict()
            return m

    def _pattern_matches(self, doc: Doc, pattern: Matcher) -> list[tuple[int, int, int]]:
        """The token-pattern matches of ``doc``: those of ``pattern(doc)``, ordered by start,
        end and the patterns' own order (the order the runner reads them in).

        The Matcher tries every pattern at every token, and each ``IN`` list is a Python
        call per token: most of the checks' time. A pattern whose anchors (see ``_anchors``)
        are absent from the Doc cannot match, so only the others are run. The patterns are
        cut into fixed groups of ``_GROUP``; each group's patterns that can match run in one
        Matcher, cached by that subset (the subsets of one group recur from Doc to Doc, the
        subsets of all patterns hardly ever do). Matcher states of different patterns never
        interact, so the matches are the same set as the full Matcher's; they are sorted
        into one order whichever path found them, as the full Matcher's own order depends on
        when a match completes.
        """
        patterns, index, owner, need, always, group, rank = self._prefilter

        def ordered(found) -> list[tuple[int, int, int]]:
            return sorted(found, key=lambda m: (m[1], m[2], rank.get(m[0], -1)))

        if not all(doc.has_annotation(a) for a in self._pattern_attrs):
            return ordered(pattern(doc))  # the full Matcher raises the same error as before
        arr = doc.to_array([ORTH, LOWER, LEMMA])
        met: set[int] = set()   # the anchors some token of the Doc satisfies
        for col, attr in enumerate((ORTH, LOWER, LEMMA)):
            for value in set(arr[:, col].tolist()):
                ids = index.get((attr, value))
                if ids:
                    met.update(ids)
        count: dict[int, int] = {}
        for a in met:
            count[owner[a]] = count.get(owner[a], 0) + 1
        active = always + [k for k, c in count.items() if c == need[k]]
        if not active:
            return []
        by_group: dict[int, list[int]] = {}
        for k in active:
            by_group.setdefault(group[k], []).append(k)
        cache = self._subsets[id(doc.vocab)]
        found: list[tuple[int, int, int]] = []
        for g in sorted(by_group):
            subset = tuple(sorted(by_group[g]))
            with self._lock:
                m = cache.get(subset)
                if m is not None:
                    cache.move_to_end(subset)
            if m is None:
                m = Matcher(doc.vocab, validate=False)  # validated when the full Matcher was built
                for k in subset:
                    key, pat, _ = patterns[k]
                    m.add(key, [pat])
                with self._lock:
                    cache[subset] = m
                    while len(cache) > _SUBSET_CACHE:
                        cache.popitem(last=False)
            found += m(doc)
        return ordered(found)

    # -- running -----------------------------------------------------------------
    def matches(self, doc: Doc) -> list[tuple[Lexicon, Entry, Span]]:
        lower, lemma, pattern = self._matchers_for(doc)
        strings = doc.vocab.strings
        raw = list(lower(doc)) if len(lower) else []
        if len(pattern):
            raw += list(self._pattern_matches(doc, pattern))
        if len(lemma) and doc.has_annotation("LEMMA"):
            raw += list(lemma(doc))
        if self._typos is not None and len(self._typos):
            from ..nlp import english_words

            raw += [(strings.add(key), i, i + 1) for key, i in self._typos.matches(doc, english_words())]
        out = []
        for match_id, start, end in raw:
            lx, entry = self._entries[strings[match_id]]
            if start > 0 and doc[start].lower_ in _CONTRACTED_NOT and not doc[start - 1].whitespace_:
                start -= 1  # "isn't where it should be": the span starts with the word, not inside it
            out.append((lx, entry, Span(doc, start, end, label=match_id)))
        return out

    def run(self, doc: Doc, evidence: Sequence[Evidence] | None = None) -> list[Flag]:
        if len(doc) == 0:
            return []
        if evidence is None:
            from ..evidence import extract

            evidence = extract(doc)
        found = self.matches(doc)
        ctx = CheckContext(doc, evidence, mentions=[(s.start_char, s.end_char) for _, e, s in found
                                                     if e.categories[0] in _MENTION_CATEGORIES])
        per_lexicon: dict[str, list[tuple[Entry, Span]]] = {}
        # matches the context filters turned down: the learned span check does not flag those words
        # of those categories in the lexicon's place ("great on the phones" said of headsets)
        rejected: list = doc.user_data.setdefault(REJECTED, [])
        for lx, entry, span in found:
            if span.text.lower() in self._allow:
                continue
            if entry.unless_next and span.end < len(doc) and doc[span.end].lower_ in entry.unless_next:
                rejected.append((span.start_char, span.end_char, entry.categories, "unless_next"))
                continue
            if entry.unless_prev and span.start > 0 and doc[span.start - 1].lower_ in entry.unless_prev:
                rejected.append((span.start_char, span.end_char, entry.categories, "unless_prev"))
                continue
            filters = GLOBAL_FILTERS + tuple(c for c in entry.context if c not in GLOBAL_FILTERS)
            failed = next((name for name in filters if not FILTERS[name](span, ctx)), None)
            if failed is not None:
                rejected.append((span.start_char, span.end_char, entry.categories, failed))
                continue
            # a mention about someone else the comment names (a patient, a caller), by its pronoun; the
            # learned check is told, so it does not flag the sentence in the word's place
            if entry.categories[0].startswith("bias.") and someone_else(span):
                doc.user_data.setdefault(SOMEONE_ELSE, []).append((span.start_char, span.end_char))
                continue
            # vague wording inside quotes is someone else's (a customer's words, a title)
            if ctx.quoted and all(c.startswith("vague.") for c in entry.categories) and ctx.in_quotes(span):
                continue
            # a word reported in quotes is the person's wording that the review is about
            # ("needs to stop calling colleagues 'sweetheart'"), not the reviewer's
            if (ctx.quoted or ctx.single_quoted) and ctx.reported(span):
                continue
            per_lexicon.setdefault(lx.id, []).append((entry, span))
        flags: list[Flag] = []
        yielding: list[tuple[int, frozenset[str]]] = []  # (index in flags, categories it yields to)
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
                    n = len(flags)
                    flags.extend(self._flags(lex_id, entry, span, text=ctx.text))
                    if entry.yields_to:
                        yielding += [(i, entry.yields_to) for i in range(n, len(flags))]
                    continue
                # a shorter match inside a longer one of the same check still adds the
                # categories the longer one lacks ("working mom" inside "as a working mom")
                outer = next((k for k in keep if k[0] <= span.start and span.end <= k[1]), None)
                extra = set(entry.categories) - kept_cats.get(outer, set()) if outer else set()
                if extra:
                    kept_cats[outer] |= extra
                    flags.extend(self._flags(lex_id, entry, span, only=extra, text=ctx.text))
        if yielding:
            drop = {i for i, cats in yielding
                    if any(g.category in cats and g.start < flags[i].end and flags[i].start < g.end for g in flags)}
            rejected += [(flags[i].start, flags[i].end, (flags[i].category,), "yields_to") for i in sorted(drop)]
            flags = [f for i, f in enumerate(flags) if i not in drop]
        kept = _yield_in_sentence(doc, flags)
        if len(kept) != len(flags):
            ids = {id(f) for f in kept}
            rejected += [(f.start, f.end, (f.category,), "sentence_yield") for f in flags if id(f) not in ids]
        flags = kept
        flags.sort(key=lambda f: (f.start, f.end, f.category))
        return flags

    def _flags(self, lex_id: str, entry: Entry, span: Span, only: set[str] | None = None,
               text: str | None = None) -> Iterable[Flag]:
        if SEVERITIES.index(entry.severity) < self._min_sev:
            return
        if text is None:
            text = span.doc.text
        a, b = _trimmed(span)
        for cat in entry.categories:
            if (only is not None and cat not in only) or not self.config.enabled(cat):
                continue
            yield Flag(
                category=cat, start=a, end=b, text=text[a:b], severity=entry.severity,  # type: ignore[arg-type]
                explanation=entry.explanation.replace("{term}", text[a:b]),
                suggestion=entry.suggestion.replace("{term}", text[a:b]),
                source=entry.source, check=lex_id,
            )
