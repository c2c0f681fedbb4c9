"""Bulk analysis over several worker processes.

spaCy's parser and NER and the sentence encoder are CPU-bound and hold the GIL for long
stretches, so threads do not help a bulk run; processes do. :class:`ParallelAnalyzer`
starts ``workers`` processes (``spawn``, so no lock or thread state is inherited), each
with its own :class:`~feedbackai.engine.Analyzer` and one math thread, and offers the
same ``analyze_many`` as the Analyzer: reports stream back **in input order**, with a
bounded number of batches in flight, so memory stays flat however long the input.

A report is computed by exactly the same code as in one process, and every text's
embedding is independent of its batch (see :mod:`feedbackai.encoder`), so the reports
are identical to ``Analyzer().analyze_many``. Texts travel to the workers through a pipe
of the local machine only; nothing is logged.
"""

from __future__ import annotations

import collections
import dataclasses
import gc
import itertools
import multiprocessing
import os
import threading
from typing import Iterable, Iterator

from .types import CommentReport, Score
from .validation import DEFAULT_MAX_CHARS, _validate

_worker = None
_trim = None
_init_error: BaseException | None = None


class WorkerError(RuntimeError):
    """A worker process stopped (killed, out of memory, crashed) with work in hand."""


def _init(checks, max_chars: int, scorer: str, threads: int) -> None:
    # an initializer that raises makes the Pool start the worker again, forever: keep the
    # error and raise it from every task instead, so the caller sees it
    global _init_error
    try:
        _load(checks, max_chars, scorer, threads)
    except BaseException as exc:  # noqa: BLE001 - re-raised by each task
        _init_error = exc


def _load(checks, max_chars: int, scorer: str, threads: int) -> None:
    for var in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        os.environ[var] = str(threads)
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    import torch

    torch.set_num_threads(threads)
    try:  # numpy may already be loaded (the env vars above then come too late for its BLAS)
        from threadpoolctl import threadpool_limits

        threadpool_limits(threads)
    except Exception:  # pragma: no cover - threadpoolctl ships with scikit-learn
        pass
    from .encoder import transformers_without_sklearn
    from .engine import Analyzer

    transformers_without_sklearn()  # ~85 MB less per worker; nothing here generates text
    global _worker, _trim
    _worker = Analyzer(checks, max_chars=max_chars, scorer=scorer)
    _worker.analyze("Warm-up: he always sends the weekly report on time.")  # loads what loads lazily
    # the models' millions of objects live as long as the worker: out of the collector's
    # sight, and collections rarer (a batch makes ~10^5 short-lived objects); ~2% of the CPU
    gc.collect()
    gc.freeze()
    gc.set_threshold(20_000, 10, 10)
    try:  # hand freed memory back to the OS after each batch (glibc keeps it otherwise)
        import ctypes

        _trim = ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):
        _trim = None


def _method(_: int = 0) -> str:
    if _init_error is not None:
        raise _init_error
    return str(getattr(_worker.scorer, "method", ""))


def _run(texts: list[str], slim: bool = False) -> list[CommentReport]:
    if _init_error is not None:
        raise _init_error
    out = list(_worker.analyze_many(texts, batch_size=len(texts)))
    if slim:
        out = [slim_report(r) for r in out]
    if _trim is not None:
        _trim(0)
    return out


def _slim_score(s: Score) -> Score:
    return Score(s.value, s.level, (), (), s.method)


def slim_report(report: CommentReport) -> CommentReport:
    """The report without the scores' evidence and reasons (values, levels, flags, notes and
    sentence offsets kept): what a bulk audit exports, at a 14th of the cost to send back."""
    return dataclasses.replace(
        report, specificity=_slim_score(report.specificity), actionability=_slim_score(report.actionability),
        sentences=tuple(dataclasses.replace(s, specificity=_slim_score(s.specificity),
                                            actionability=_slim_score(s.actionability)) for s in report.sentences))


class _ScorerInfo:
    def __init__(self, method: str) -> None:
        self.method = method


def default_workers() -> int:
    """One worker per available core, at most 4 (each holds its own models, ~0.6 GB)."""
    try:
        n = len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        n = os.cpu_count() or 1
    return max(1, min(n, 4))


class ParallelAnalyzer:
    """``analyze_many`` over ``workers`` processes; a drop-in for bulk runs.

    Use it as a context manager (or call :meth:`close`) so the workers stop. ``nlp`` (a
    spaCy pipeline in this process, for callers that parse too, e.g. name redaction) is
    loaded on first use only.
    """

    def __init__(self, workers: int | None = None, checks=None, *, max_chars: int = DEFAULT_MAX_CHARS,
                 scorer: str = "auto", batch_size: int = 64, threads_per_worker: int = 1,
                 slim: bool = False) -> None:
        if not isinstance(scorer, str):
            raise TypeError("ParallelAnalyzer takes the scorer by name ('auto', 'formula', 'trained')")
        if max_chars < 1:
            raise ValueError("max_chars must be positive")
        self.workers = workers or default_workers()
        if self.workers < 1:
            raise ValueError("workers must be at least 1")
        self.max_chars = max_chars
        self.batch_size = batch_size
        self.slim = slim  # send back slim_report()s (the audit needs no evidence or reasons)
        self._checks = checks
        self._initargs = (checks, max_chars, scorer, threads_per_worker)
        self._start()
        self._nlp_lock = threading.Lock()
        self._nlp = None
        # wait for the models to load (and surface a load error here, not mid-run)
        try:
            self.scorer = _ScorerInfo(self._get(self._pool.apply_async(_method)))
        except BaseException:
            self.terminate()
            raise

    def _start(self) -> None:
        ctx = multiprocessing.get_context("spawn")
        self._pool = ctx.Pool(self.workers, initializer=_init, initargs=self._initargs)
        self._pids = self._worker_pids()

    def _worker_pids(self) -> set[int]:
        return {p.pid for p in getattr(self._pool, "_pool", ()) if p.pid is not None}

    def _get(self, result):
        """``result.get()``, but a worker that dies holding the task (the Pool starts a new
        one and the task is never answered) raises :class:`WorkerError` instead of hanging."""
        while True:
            try:
                return result.get(timeout=1.0)
            except multiprocessing.TimeoutError:
                now = self._worker_pids()
                if now - self._pids:  # a replacement was started: a worker died
                    # its task is never answered, and if it died holding the task queue's
                    # lock no worker gets another: the old pool is dropped, a new one started
                    self._abandon()
                    self._start()
                    raise WorkerError("a worker process stopped unexpectedly (out of memory, or "
                                      "killed); the texts in flight were not analysed") from None

    @property
    def nlp(self):
        with self._nlp_lock:
            if self._nlp is None:
                from .nlp import load_pipeline

                self._nlp = load_pipeline()
            return self._nlp

    def analyze(self, text: str) -> CommentReport:
        return next(self.analyze_many([text], batch_size=1))

    def analyze_many(self, texts: Iterable[str], batch_size: int | None = None) -> Iterator[CommentReport]:
        """Reports in input order. Errors (``TypeError``/``ValueError`` for a bad text) are
        raised in this process, before the batch holding the text is sent."""
        size = max(1, min(batch_size or self.batch_size, self.batch_size))
        it = iter(texts)
        window = 2 * self.workers
        pending: collections.deque = collections.deque()
        # each call keeps its own queue of batches in flight, so calls from several threads
        # (the pool is thread-safe) or an abandoned iterator never block one another
        while True:
            while len(pending) < window:
                batch = list(itertools.islice(it, size))
                if not batch:
                    break
                batch = [_validate(t, self.max_chars) for t in batch]
                pending.append(self._pool.apply_async(_run, (batch, self.slim)))
            if not pending:
                return
            yield from self._get(pending.popleft())

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool.join()
            self._pool = None

    def _abandon(self) -> None:
        # a worker killed while it held the task queue's lock leaves the lock held for ever,
        # and Pool.terminate() itself takes that lock: stop the processes and let the Pool's
        # (daemon) threads go with this process. First stop it starting new workers.
        # Its finalizer, run at interpreter exit (or when the Pool is collected), would call
        # terminate() and wait for that lock for ever: the process would never exit.
        from multiprocessing.pool import TERMINATE

        finalizer = getattr(self._pool, "_terminate", None)
        if finalizer is not None:
            finalizer.cancel()
        for obj in (getattr(self._pool, "_worker_handler", None), self._pool):
            if obj is not None:
                obj._state = TERMINATE
        for proc in list(getattr(self._pool, "_pool", ())):
            try:
                proc.kill()
            except Exception:  # noqa: BLE001 - already gone
                pass
        self._pool = None

    def terminate(self) -> None:
        if self._pool is not None:
            self._pool.terminate()
            self._pool.join()
            self._pool = None

    def __enter__(self) -> "ParallelAnalyzer":
        return self

    def __exit__(self, *exc) -> None:
        if exc[0] is None:
            self.close()
        else:
            self.terminate()

    def __del__(self) -> None:  # pragma: no cover - best effort
        try:
            self.terminate()
        except Exception:  # noqa: BLE001
            pass


__all__ = ["ParallelAnalyzer", "WorkerError", "default_workers"]
