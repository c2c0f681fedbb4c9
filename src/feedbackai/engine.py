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
from .scoring import FormulaScorer, default_scorer
from .types import CommentReport, Evidence, Flag, GoalReport, Score, SentenceReport
from .typography import plain, restore, unmarked
from .validation import DEFAULT_MAX_CHARS, _validate


class Analyzer:
    """Explicitly configured analysis.

    Parameters
    ----------
    checks: which flags to report (categories, allow/deny lists, extra lexicons,
        severity threshold); see :class:`feedbackai.checks.CheckConfig`.
    max_chars: texts longer than this raise ``ValueError`` (default 20,000 characters).
    nlp: a loaded English spaCy pipeline with a parser and NER (default: installed one).
    scorer: ``"auto"`` (the trained heads in ``models/scorers/`` when present, else the
        formula baseline), ``"formula"``, ``"trained"``, or a scorer object.
    """

    def __init__(self, checks: CheckConfig | None = None, *, max_chars: int = DEFAULT_MAX_CHARS,
                 nlp: Language | None = None, scorer: object | str = "auto",
                 batch_size: int = 64, encoder: object | None = None) -> None:
        if max_chars < 1:
            raise ValueError("max_chars must be positive")
        self.max_chars = max_chars
        self.batch_size = batch_size
        self.nlp = nlp or load_pipeline()
        self.checker = Checker(checks)
        self.scorer = default_scorer(scorer) if isinstance(scorer, str) else scorer
        self._encoder = encoder
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
            # curly quotes, dashes, no-break spaces parsed as plain ones (offsets kept); HTML markup
            # removed, its offsets mapped back by restore()
            plains = [plain(t) for t in clean]
            marks = [unmarked(t) for t in plains]
            with self._nlp_lock:
                docs = list(self.nlp.pipe([m.text if m else t for t, m in zip(plains, marks)], batch_size=size))
            for original, where, report in zip(clean, marks, self._reports(docs)):
                yield restore(report, original, where)

    def parse(self, text: str) -> Doc:
        """The spaCy Doc feedbackai analyses (for callers that want the parse): of the text with
        typographic quotes, dashes and spaces made plain (same length, same offsets)."""
        with self._nlp_lock:
            return self.nlp(plain(_validate(text, self.max_chars)))

    def _reports(self, docs: Sequence[Doc]) -> list[CommentReport]:
        """Reports for a batch: checks per Doc, then one encoder call for all sentences."""
        prepared = []
        texts: list[str] = []
        for doc in docs:
            if not doc.text.strip():
                prepared.append(None)
                continue
            evidence = extract(doc)
            flags = self.checker.run(doc, evidence)
            sents = [s for s in doc.sents if s.text.strip()]
            prepared.append((doc, evidence, flags, sents, len(texts)))
            texts.extend(s.text.strip() for s in sents)
        vecs = toks = None
        learned = self.checker.learned  # the learned check reuses these same vectors (or token states)
        if (learned is not None or getattr(self.scorer, "needs_embeddings", False)) and texts:
            size = max(len(texts), 1) if len(texts) <= 128 else 64
            if getattr(learned, "token_level", False):
                vecs, toks = self._span_tokens(texts, prepared, size, learned)
            else:
                vecs = self.encoder.encode(texts, batch_size=size)
        out = []
        for doc, item in zip(docs, prepared):
            if item is None:
                out.append(self._empty(doc.text))
                continue
            doc, evidence, flags, sents, offset = item
            sv = vecs[offset:offset + len(sents)] if vecs is not None else None
            st = toks[offset:offset + len(sents)] if toks is not None else None
            # the scorer keeps the lexicon flags it was trained on; the report gets both
            shown = self.checker.learned_flags(doc, sents, st if st is not None else sv, flags) \
                if learned is not None else flags
            out.append(self._report(doc, evidence, flags, sents, sv, shown))
        return out

    def _span_tokens(self, texts: list[str], prepared: list, size: int, learned):
        """Embeddings and the span model's word-piece probabilities for ``texts`` (the batch's
        sentences), made symmetric in gender: a sentence with gendered words is also read in its
        gender flip and the two readings are averaged. The mean of two readings reaches a threshold
        t only where one of them reaches 2t - 1, so only the sentences whose first reading does
        (for some enabled head) are read again: the same flags at a fraction of the cost."""
        from .checks.learned import symmetric
        from .counterfactual import flip_doc

        vecs, toks = self.encoder.encode(texts, batch_size=size, token_fn=learned.token_fn)
        floor = learned.symmetric_floor()
        extra: list[str] = []
        twins: list[tuple[int, list]] = []  # (sentence index, changes relative to it and to its flip)
        for item in prepared:
            if item is None:
                continue
            doc, _, _, sents, offset = item
            near = [k for k in range(len(sents)) if toks[offset + k] is not None and len(toks[offset + k][1])
                    and bool((toks[offset + k][1].max(axis=0) >= floor).any())]
            if not near:
                continue
            fr = flip_doc(doc)
            for k in near:
                raw = sents[k].text
                a = sents[k].start_char + (len(raw) - len(raw.lstrip()))
                b = a + len(raw.strip())
                mine = [c for c in fr.changes if a <= c.start and c.end <= b]
                if mine:
                    na, nb = fr.map_offset(a), fr.map_offset(b)
                    twins.append((offset + k, [(c.start - a, c.end - a, c.new_start - na, c.new_end - na)
                                               for c in mine]))
                    extra.append(fr.text[na:nb])
        if extra:
            _, flipped = self.encoder.encode(extra, batch_size=size, token_fn=learned.token_fn)
            for (i, rel), f in zip(twins, flipped):
                if f is not None:
                    toks[i] = symmetric(toks[i], f, rel)
        return vecs, toks

    def _empty(self, text: str) -> CommentReport:
        zero_s = Score(0.0, "low", (), ("no text",), getattr(self.scorer, "method", ""))
        zero_a = Score(0.0, "low", (), ("no text",), getattr(self.scorer, "method", ""))
        return CommentReport(text=text, specificity=zero_s, actionability=zero_a,
                             notes=("empty text: nothing to analyse",), version=__version__)

    def _report(self, doc: Doc, evidence, flags, sents, sent_vecs, shown=None) -> CommentReport:
        text = doc.text
        notes: list[str] = []
        if not looks_english(doc):
            notes.append("the text does not look like English; scores and flags may be meaningless")
        if isinstance(self.scorer, FormulaScorer):
            notes.append("scores from the formula baseline (no trained model loaded)")
        spec, act, per_sentence = self.scorer.score_doc(doc, sents, evidence, flags, sent_vecs)
        sentences = tuple(
            SentenceReport(start=s.start_char, end=s.end_char, text=text[s.start_char:s.end_char],
                           specificity=ps, actionability=pa)
            for s, (ps, pa) in zip(sents, per_sentence)
        )
        return CommentReport(text=text, specificity=spec, actionability=act,
                             flags=tuple(flags if shown is None else shown),
                             sentences=sentences, notes=tuple(notes), version=__version__)

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
