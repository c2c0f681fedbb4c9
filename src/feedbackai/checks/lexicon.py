"""Lexicon checks: one YAML file per check, no code.

A lexicon file looks like this (see ``feedbackai/lexicons/*.yaml``)::

    id: hedges                      # check id, unique
    version: 1
    category: vague.hedge           # one of feedbackai.types.CATEGORIES
    severity: low                   # low | medium | high
    match: phrase                   # phrase: lower-case token sequence
                                    # lemma:  lemma sequence ("nag" matches "nagging")
                                    # pattern: spaCy Matcher token patterns
    context: [not_in_name]          # context filters (feedbackai.checks.context), all must pass
    explanation: "..."              # default for entries; "{term}" is replaced by the match
    suggestion: "..."
    source: {citation: "...", licence: MIT, retrieved: 2026-11-26}
    entries:
      - term: maybe                 # or terms: [a, b] / pattern: [[{...}, ...]]
        explanation: ...            # optional overrides: severity, context, categories,
        suggestion: ...             #   suggestion, explanation, source
        unless_next: [friend]       # skip when the next word is one of these ("old friend")
        unless_prev: [the]          # skip when the previous word is one of these
        yields_to: [bias.race_ethnicity]  # dropped where a flag of these categories overlaps
                                    #   it ("Chinese" inside "a typical Chinese engineer" is
                                    #   the stereotype, not a plain mention of origin)
    examples:
      flag: ["Maybe she could share updates earlier."]
      pass: ["She shared the update on May 3."]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping, Sequence

import yaml

from ..types import CATEGORIES, SEVERITIES

MATCH_MODES = ("phrase", "lemma", "pattern")


class LexiconError(ValueError):
    """A lexicon file is malformed; the message names the file and the problem."""


@dataclass(frozen=True)
class Entry:
    key: str                         # display term or pattern name
    match: str
    tokens: tuple[str, ...] = ()     # phrase / lemma tokens
    pattern: tuple[Mapping[str, Any], ...] = ()
    categories: tuple[str, ...] = ()
    severity: str = "low"
    context: tuple[str, ...] = ()
    explanation: str = ""
    suggestion: str = ""
    source: str = ""
    unless_next: frozenset[str] = frozenset()   # skip when the next word is one of these
    unless_prev: frozenset[str] = frozenset()   # skip when the previous word is one of these
    yields_to: frozenset[str] = frozenset()     # dropped where a flag of these categories overlaps


@dataclass(frozen=True)
class Lexicon:
    id: str
    version: int
    category: str
    severity: str
    match: str
    entries: tuple[Entry, ...]
    source: str
    licence: str
    path: str
    flag_examples: tuple[str, ...] = ()
    pass_examples: tuple[str, ...] = ()
    description: str = ""
    context: tuple[str, ...] = field(default=())


def _source_text(src: Any) -> tuple[str, str]:
    if isinstance(src, str):
        return src, ""
    if isinstance(src, Mapping):
        cit = str(src.get("citation", "")).strip()
        lic = str(src.get("licence", src.get("license", ""))).strip()
        text = cit + (f" ({lic})" if lic else "")
        return text, lic
    if isinstance(src, list):
        parts = [_source_text(s) for s in src]
        return "; ".join(p[0] for p in parts), ", ".join(p[1] for p in parts if p[1])
    raise TypeError("source must be a string, a mapping or a list")


# spaCy splits these irregularly ("can't" -> "ca", "n't")
_IRREGULAR = {"can't": ("ca", "n't"), "won't": ("wo", "n't"), "cannot": ("can", "not"),
              "ain't": ("ai", "n't"), "shan't": ("sha", "n't")}


def _tokens(term: str) -> tuple[str, ...]:
    # Split like spaCy's English tokenizer does for the cases lexicons use.
    out: list[str] = []
    for word in term.lower().split():
        if re.search(r"[a-z]/[a-z]", word):
            parts = word.split("/")              # "they/them" -> they / them
            for k, p in enumerate(parts):
                out.extend(_tokens(p))
                if k < len(parts) - 1:
                    out.append("/")
        elif re.search(r"[a-z0-9]-[a-z]", word):
            # spaCy splits a hyphen before a letter only ("user-friendly", "h1-b"; "h-1b" stays one token)
            parts = word.split("-")
            for k, p in enumerate(parts):
                if p:
                    out.append(p)
                if k < len(parts) - 1:
                    out.append("-")
        elif word.endswith("%") and len(word) > 1:
            out.extend([word[:-1], "%"])         # "110%" -> 110 %
        elif word.endswith("s'") and len(word) > 2:
            out.extend([word[:-1], "'"])         # "kids'" -> kids '
        elif word in _IRREGULAR:
            out.extend(_IRREGULAR[word])
        elif word[-2:] in ("'s", "'m", "'d") and len(word) > 2:
            out.extend([word[:-2], word[-2:]])
        elif word[-3:] in ("'re", "'ve", "'ll") and len(word) > 3:
            out.extend([word[:-3], word[-3:]])
        elif word.endswith("n't") and len(word) > 3:
            out.extend([word[:-3], "n't"])
        elif word[-1] in ",.;:!?" and len(word) > 1:
            out.extend([word[:-1], word[-1]])
        else:
            out.append(word)
    return tuple(out)


class _StrictLoader(yaml.SafeLoader):
    """SafeLoader that refuses what silently loses data in a hand-written lexicon: a key
    given twice in one mapping (the second copy would replace the first) and a bare
    yes/no/on/off/true/false inside a list (YAML reads it as a boolean, not a word)."""


def _strict_mapping(loader: _StrictLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: set = set()
    for key_node, _ in node.value:
        if key_node.tag == "tag:yaml.org,2002:merge":
            continue  # "<<: *defaults" is resolved by the base constructor
        try:
            key = loader.construct_object(key_node, deep=deep)
            hash(key)
        except TypeError as exc:
            raise yaml.constructor.ConstructorError(None, None, f"a key must be a plain value: {exc}",
                                                    key_node.start_mark) from exc
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"the key {key!r} is given twice in one entry (the second would replace the first)",
                key_node.start_mark)
        seen.add(key)
    return yaml.SafeLoader.construct_mapping(loader, node, deep)


def _strict_sequence(loader: _StrictLoader, node: yaml.SequenceNode, deep: bool = False) -> list:
    for item in node.value:
        if isinstance(item, yaml.ScalarNode) and item.tag == "tag:yaml.org,2002:bool":
            raise yaml.constructor.ConstructorError(
                None, None, f"{item.value!r} in a list reads as a boolean: quote it (\"{item.value}\")",
                item.start_mark)
    return yaml.SafeLoader.construct_sequence(loader, node, deep)


_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _strict_mapping)
_StrictLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _strict_sequence)


def load_lexicon(path: str | Path, known_contexts: Sequence[str] = ()) -> Lexicon:
    path = Path(path)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_StrictLoader)  # noqa: S506 - a SafeLoader
    except (OSError, yaml.YAMLError) as exc:
        raise LexiconError(f"{path}: cannot read lexicon: {exc}") from exc
    if not isinstance(data, Mapping):
        raise LexiconError(f"{path}: a lexicon is a YAML mapping")

    def need(key: str) -> Any:
        if key not in data:
            raise LexiconError(f"{path}: missing required field '{key}'")
        return data[key]

    lex_id = str(need("id"))
    category = str(need("category"))
    severity = str(data.get("severity", "low"))
    match = str(data.get("match", "phrase"))
    if category not in CATEGORIES:
        raise LexiconError(f"{path}: unknown category '{category}'")
    if severity not in SEVERITIES:
        raise LexiconError(f"{path}: unknown severity '{severity}'")
    if match not in MATCH_MODES:
        raise LexiconError(f"{path}: match must be one of {MATCH_MODES}")
    source, licence = _source_text(need("source"))
    if not source:
        raise LexiconError(f"{path}: every lexicon must cite its source")
    base_ctx = tuple(data.get("context") or ())
    default_expl = str(data.get("explanation", ""))
    default_sugg = str(data.get("suggestion", ""))

    entries: list[Entry] = []
    for k, raw in enumerate(need("entries") or ()):
        if isinstance(raw, str):
            raw = {"term": raw}
        if not isinstance(raw, Mapping):
            raise LexiconError(f"{path}: entry {k} must be a string or a mapping")
        mode = str(raw.get("match", match))
        cats = tuple(raw.get("categories") or (category,))
        for c in cats:
            if c not in CATEGORIES:
                raise LexiconError(f"{path}: entry {k}: unknown category '{c}'")
        sev = str(raw.get("severity", severity))
        if sev not in SEVERITIES:
            raise LexiconError(f"{path}: entry {k}: unknown severity '{sev}'")
        ctx = tuple(raw.get("context", base_ctx) or ())
        for c in ctx:
            if known_contexts and c not in known_contexts:
                raise LexiconError(f"{path}: entry {k}: unknown context filter '{c}'")
        expl = str(raw.get("explanation", default_expl))
        sugg = str(raw.get("suggestion", default_sugg))
        if not expl or not sugg:
            raise LexiconError(f"{path}: entry {k}: every entry needs an explanation and a suggestion")
        src = _source_text(raw["source"])[0] if "source" in raw else source
        unless_next = frozenset(str(w).lower() for w in raw.get("unless_next", data.get("unless_next")) or ())
        unless_prev = frozenset(str(w).lower() for w in raw.get("unless_prev", data.get("unless_prev")) or ())
        yields_to = frozenset(str(c) for c in raw.get("yields_to") or ())
        for c in yields_to:
            if c not in CATEGORIES:
                raise LexiconError(f"{path}: entry {k}: yields_to names an unknown category '{c}'")
        common = dict(match=mode, categories=cats, severity=sev, context=ctx,
                      explanation=expl, suggestion=sugg, source=src,
                      unless_next=unless_next, unless_prev=unless_prev, yields_to=yields_to)
        if "pattern" in raw:
            pats = raw["pattern"]
            if not isinstance(pats, list) or not pats:
                raise LexiconError(f"{path}: entry {k}: pattern must be a non-empty list")
            if isinstance(pats[0], Mapping):
                pats = [pats]
            name = str(raw.get("name", raw.get("term", f"pattern-{k}")))
            for p in pats:
                entries.append(Entry(key=name, pattern=tuple(p), **{**common, "match": "pattern"}))
        else:
            terms = raw.get("terms") or [raw.get("term")]
            for t in terms:
                if not t or not isinstance(t, str):
                    raise LexiconError(f"{path}: entry {k}: empty term")
                if mode == "pattern":
                    raise LexiconError(f"{path}: entry {k}: pattern mode needs 'pattern'")
                entries.append(Entry(key=t, tokens=_tokens(t), **common))
                if mode == "lemma":
                    # also match the written form: the lemma of a participle or a phrase
                    # differs from it ("intimidating" -> "intimidate", "laid back" -> "lay back")
                    entries.append(Entry(key=t, tokens=_tokens(t), **{**common, "match": "phrase"}))
    if not entries:
        raise LexiconError(f"{path}: no entries")
    ex = data.get("examples") or {}
    return Lexicon(
        id=lex_id, version=int(data.get("version", 1)), category=category, severity=severity,
        match=match, entries=tuple(entries), source=source, licence=licence, path=str(path),
        flag_examples=tuple(ex.get("flag") or ()), pass_examples=tuple(ex.get("pass") or ()),
        description=str(data.get("description", "")), context=base_ctx,
    )


def builtin_lexicon_paths() -> list[Path]:
    here = Path(__file__).resolve().parent.parent / "lexicons"
    return sorted(here.glob("*.yaml"))
