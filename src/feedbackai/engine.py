"""The analysis engine: one spaCy Doc per text, shared by every check and extractor.

``Analyzer`` loads the spaCy pipeline, the checks and the scorers once (the sentence
encoder lazily, on first use) and is safe to share between threads. ``analyze_many``
streams: texts go through ``nlp.pipe`` in batches and, where a scorer needs embeddings,
through one batched encoder call per batch.
"""

from __future__ import annotations

import datetime as _dt
import itertools
import threading
from typing import Iterable, Iterator, Sequence

from spacy.language import Language
from spacy.tokens import Doc

from . import __version__
from .checks import CheckConfig, Checker
from .evidence import extract
from .nlp import load_pipeline, looks_english
from .scoring import FormulaScorer
from .types import CommentReport, Evidence, Flag, GoalReport, Score, SentenceReport

DEFAULT_MAX_CHARS = 20_000


def _validate(text: object, max_chars: int) -> str:
    if not isinstance(text, str):
        raise TypeError(f"text must be str, not {type(text).__name__}")
    if len(text) > max_chars:
        raise ValueError(
            f"text is {len(text):,} characters, above the limit of {max_chars:,}; split it or "
            f"raise Analyzer(max_chars=...)"
        )
    return text


class Analyzer:
    """Explicitly configured analysis.

    Parameters
    ----------
    checks: which flags to report (categories, allow/deny lists, extra lexicons,
        severity threshold); see :class:`feedbackai.checks.CheckConfig`.
    max_chars: texts longer than this raise ``ValueError`` (default 20,000 characters).
    nlp: a loaded English spaCy pipeline with a parser and NER (default: installed one).
    """

    def __init__(self, checks: CheckConfig | None = None, *, max_chars: int = DEFAULT_MAX_CHARS,
                 nlp: Language | None = None, scorer: object | None = None,
                 batch_size: int = 64) -> None:
        if max_chars < 1:
            raise ValueError("max_chars must be positive")
        self.max_chars = max_chars
        self.batch_size = batch_size
        self.nlp = nlp or load_pipeline()
        self.checker = Checker(checks)
        self.scorer = scorer or FormulaScorer()
        self._encoder = None
        self._encoder_lock = threading.Lock()
        self._nlp_lock = threading.Lock()
        self._goal_checker = None

    # ----------------------------------------------------------------- encoder
    @property
    def encoder(self):
        """The sentence encoder, loaded on first use and then shared."""
        with self._encoder_lock:
            if self._encoder is None:
                from .encoder import Encoder

                self._encoder = Encoder()
            return self._encoder

    # ----------------------------------------------------------------- comments
    def analyze(self, text: str) -> CommentReport:
        """Analyse one review comment."""
        return next(self.analyze_many([text], batch_size=1))

    def analyze_many(self, texts: Iterable[str], batch_size: int | None = None) -> Iterator[CommentReport]:
        """Analyse comments in batches, streaming reports in input order.

        Gives the same reports as calling :meth:`analyze` on each text.
        """
        size = batch_size or self.batch_size
        it = iter(texts)
        while True:
            chunk = list(itertools.islice(it, size))
            if not chunk:
                return
            clean = [_validate(t, self.max_chars) for t in chunk]
            with self._nlp_lock:
                docs = list(self.nlp.pipe(clean, batch_size=size))
            yield from self._reports(docs)

    def parse(self, text: str) -> Doc:
        """The spaCy Doc feedbackai analyses (for callers that want the parse)."""
        with self._nlp_lock:
            return self.nlp(_validate(text, self.max_chars))

    def _reports(self, docs: Sequence[Doc]) -> list[CommentReport]:
        return [self._report(doc) for doc in docs]

    def _report(self, doc: Doc) -> CommentReport:
        text = doc.text
        notes: list[str] = []
        if not text.strip():
            empty_s = self.scorer.score("specificity", ())
            empty_a = self.scorer.score("actionability", ())
            return CommentReport(text=text, specificity=empty_s, actionability=empty_a,
                                 notes=("empty text: nothing to analyse",), version=__version__)
        if not looks_english(doc):
            notes.append("the text does not look like English; scores and flags may be meaningless")
        evidence = extract(doc)
        flags = self.checker.run(doc, evidence)
        sentences = []
        for sent in doc.sents:
            a, b = sent.start_char, sent.end_char
            if not text[a:b].strip():
                continue
            s_ev = [e for e in evidence if a <= e.start < b]
            s_fl = [f for f in flags if a <= f.start < b]
            sentences.append(SentenceReport(
                start=a, end=b, text=text[a:b],
                specificity=self.scorer.score("specificity", s_ev, s_fl),
                actionability=self.scorer.score("actionability", s_ev, s_fl),
            ))
        return CommentReport(
            text=text,
            specificity=self.scorer.score("specificity", evidence, flags),
            actionability=self.scorer.score("actionability", evidence, flags),
            flags=tuple(flags), sentences=tuple(sentences), notes=tuple(notes),
            version=__version__,
        )

    # ----------------------------------------------------------------- goals
    def check_goal(self, goal: str, objectives: Sequence[str] = (),
                   today: _dt.date | str | None = None) -> GoalReport:
        """Check one goal against SMART; see :mod:`feedbackai.goals`."""
        return next(self.check_goals([goal], objectives, today))

    def check_goals(self, goals: Iterable[str], objectives: Sequence[str] = (),
                    today: _dt.date | str | None = None) -> Iterator[GoalReport]:
        from .goals import GoalChecker

        if self._goal_checker is None:
            self._goal_checker = GoalChecker(self)
        yield from self._goal_checker.check_many(goals, objectives, today)


__all__ = ["Analyzer", "DEFAULT_MAX_CHARS", "CommentReport", "Evidence", "Flag", "Score"]
