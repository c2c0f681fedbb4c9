"""Running an audit: stream rows in chunks through the analyzer, write results as they come,
checkpoint after every chunk, and compute the aggregates at the end.

Memory stays flat as the input grows: per-row *reports* are never held; each chunk's
results are written to ``results.csv`` and reduced to a fixed-size numeric record per row
(see :mod:`feedbackai.audit.aggregates`). Review text never goes to logs or exception
messages: errors name rows, lines, columns and types, never content.
"""

from __future__ import annotations

import collections
import datetime as _dt
import hashlib
import itertools
import json
import math
import os
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

import numpy as np

from .. import __version__
from ..types import CATEGORIES, LEVELS
from .aggregates import (LEVEL_CODE, RATE_MEASURES, SCORE_MEASURES, Codebook, Indicators, RowStore, distributions,
                         flag_rates, has_critical_cue, managers_table, rating_consistency)
from .exports import ResultsWriter
from .groups import adjust_all, combine_codes, group_table
from .privacy import PersonRedactor, Pseudonymiser, check_k, redact
from .reading import AuditInputError, Chunk, Source, open_source

ProgressCallback = Callable[[int, "int | None"], None]
CHECKPOINT_DIR = ".audit-checkpoint"
SEVERITY_RANK = {"low": 0, "medium": 1, "high": 2}
STATE_VERSION = 1


# ------------------------------------------------------------------ options
@dataclass
class AuditOptions:
    text_columns: list[str]
    group_columns: list[str] = field(default_factory=list)
    manager_column: str | None = None
    rating_column: str | None = None
    rating_order: list[str] | None = None
    id_columns: list[str] = field(default_factory=list)
    intersections: list[list[str]] = field(default_factory=list)
    drop_columns: list[str] = field(default_factory=list)
    k: int = 5
    pseudonymise: bool = False
    escape_formulas: bool = True
    batch_size: int = 64
    chunk_size: int = 256
    max_examples: int = 3
    alpha: float = 0.05

    def fingerprint(self) -> str:
        keep = {k: v for k, v in self.__dict__.items() if k not in ("batch_size", "chunk_size")}
        return hashlib.sha256(json.dumps(keep, sort_keys=True).encode()).hexdigest()


def _as_list(v: str | Sequence[str] | None) -> list[str]:
    if v is None:
        return []
    if isinstance(v, str):
        return [v]
    return [str(x) for x in v]


# ------------------------------------------------------------------ result
@dataclass
class AuditResult:
    """What an audit produced.

    ``summary`` holds every aggregate and test (the content of ``summary.json``);
    ``results`` the per-row results as a DataFrame when they were kept in memory
    (``keep_rows``, the default when no ``out_dir`` is given); ``out_dir`` the folder with
    ``results.csv``, ``summary.json`` and ``report.html`` when one was given.
    """

    summary: dict[str, Any]
    results: Any = None
    out_dir: Path | None = None

    @property
    def counts(self) -> dict[str, Any]:
        return self.summary["counts"]

    @property
    def rows_read(self) -> int:
        return self.counts["rows_read"]

    @property
    def rows_analysed(self) -> int:
        return self.counts["rows_analysed"]

    @property
    def rows_failed(self) -> int:
        return self.counts["rows_failed"]

    @property
    def results_csv(self) -> Path | None:
        return self.out_dir / "results.csv" if self.out_dir else None

    @property
    def summary_json(self) -> Path | None:
        return self.out_dir / "summary.json" if self.out_dir else None

    @property
    def report_html(self) -> Path | None:
        return self.out_dir / "report.html" if self.out_dir else None

    def to_html(self) -> str:
        from .report import build_report

        return build_report(self.summary)

    def comparisons(self):
        """All pairwise group comparisons as a DataFrame (one row per group x measure)."""
        import pandas as pd

        rows = [c for t in self.summary.get("groups", {}).values() for c in t["comparisons"]]
        return pd.DataFrame(rows)

    def __repr__(self) -> str:  # never shows text
        c = self.counts
        return (f"AuditResult(rows_read={c['rows_read']}, rows_analysed={c['rows_analysed']}, "
                f"rows_failed={c['rows_failed']}, out_dir={str(self.out_dir) if self.out_dir else None!r})")


# ------------------------------------------------------------------ helpers
class _Failed:
    __slots__ = ("error",)

    def __init__(self, error: str) -> None:
        self.error = error


def validate_text(value: Any, max_chars: int) -> str | None:
    """Why a cell cannot be analysed, or None. Never quotes the text."""
    if value is None:
        return "missing text"
    if not isinstance(value, str):
        return f"not text ({type(value).__name__})"
    if not value.strip():
        return "empty text"
    if len(value) > max_chars:
        return f"text too long: {len(value):,} characters, above the limit of {max_chars:,}"
    return None


def error_kind(msg: str) -> str:
    for kind in ("missing text", "not text", "empty text", "text too long", "ragged row", "analysis failed"):
        if kind in msg:
            return kind
    if "JSON" in msg:
        return "invalid JSON line"
    return "other"


def _analyse(analyzer, texts: list[str], batch_size: int) -> list[Any]:
    """Reports for ``texts`` in order; a batch that raises is retried text by text."""
    if not texts:
        return []
    try:
        out = list(analyzer.analyze_many(texts, batch_size=batch_size))
        if len(out) == len(texts):
            return out
    except Exception:  # noqa: BLE001 - fall back to one by one, never lose a row
        pass
    res: list[Any] = []
    for t in texts:
        try:
            res.append(next(iter(analyzer.analyze_many([t], batch_size=1))))
        except (TypeError, ValueError) as exc:
            res.append(_Failed(f"analysis failed ({type(exc).__name__})"))
        except Exception as exc:  # noqa: BLE001
            res.append(_Failed(f"analysis failed ({type(exc).__name__})"))
    return res


def _example_sentence(report, flag) -> tuple[str, list[tuple[int, int]]]:
    for s in report.sentences:
        if s.start <= flag.start < s.end:
            marks = [(f.start - s.start, f.end - s.start) for f in report.flags
                     if f.category == flag.category and s.start <= f.start and f.end <= s.end]
            return s.text, marks
    a = max(0, flag.start - 120)
    b = min(len(report.text), flag.end + 120)
    return report.text[a:b], [(flag.start - a, flag.end - a)]


# ------------------------------------------------------------------ the run
class AuditRun:
    def __init__(self, source: Source, opts: AuditOptions, analyzer, *, out_dir: Path | None, resume: bool,
                 overwrite: bool, keep_rows: bool, progress: ProgressCallback | None,
                 pseudonym_key: bytes | None, write_report: bool) -> None:
        self.source, self.opts, self.analyzer = source, opts, analyzer
        self.out_dir, self.keep_rows, self.progress = out_dir, keep_rows, progress
        self.write_report = write_report
        self.on_streamed: Callable[[], None] | None = None
        self.max_chars = int(getattr(analyzer, "max_chars", 20_000))
        cols = source.columns
        self.col_index = {c: i for i, c in enumerate(cols)}
        self.out_input_cols = [c for c in cols if c not in set(opts.drop_columns)]
        self.out_input_idx = [self.col_index[c] for c in self.out_input_cols]
        self.text_idx = [self.col_index[c] for c in opts.text_columns]
        self.group_idx = [self.col_index[c] for c in opts.group_columns]
        self.hash_idx = {self.col_index[c] for c in opts.id_columns}
        if opts.pseudonymise and opts.manager_column:
            self.hash_idx.add(self.col_index[opts.manager_column])
        self.redact_idx = set(self.text_idx) if opts.pseudonymise else set()
        self.result_cols = self._result_columns()
        self.store = RowStore(len(opts.group_columns))
        self.group_books = [Codebook() for _ in opts.group_columns]
        self.manager_book = Codebook()
        self.rating_index = {v: i for i, v in enumerate(opts.rating_order)} if opts.rating_order else None
        self.examples: dict[str, list[list[Any]]] = {}
        self.counters: dict[str, Any] = {"rows_read": 0, "rows_analysed": 0, "rows_failed": 0,
                                         "rows_partly_failed": 0, "cells_failed": 0, "errors": {},
                                         "unparsed_ratings": 0, "elapsed_s": 0.0}
        self.frames: list[list[list[Any]]] = []
        self.rows_done = 0
        self.writer: ResultsWriter | None = None
        self._redactor = None
        self._records_fh = None
        key = pseudonym_key
        if out_dir is not None:
            self.ck = out_dir / CHECKPOINT_DIR
            key = self._prepare_out_dir(resume, overwrite, key)
        self.pseudo = Pseudonymiser(key) if opts.pseudonymise else None

    # ------------------------------------------------------------ layout
    def _result_columns(self) -> list[str]:
        multi = len(self.opts.text_columns) > 1
        per = ["specificity", "specificity_level", "actionability", "actionability_level", "flags_total",
               *[f"flags.{c}" for c in CATEGORIES], "flags_json", "notes"]
        cols: list[str] = []
        for tc in self.opts.text_columns:
            cols += [f"{tc}.{p}" if multi else p for p in per]
        if multi:
            cols += ["specificity", "actionability", "flags_total"]
        cols.append("error")
        if set(cols) & set(self.out_input_cols):
            cols = [f"audit.{c}" for c in cols]
        return cols

    @property
    def header(self) -> list[str]:
        return self.out_input_cols + self.result_cols

    # ------------------------------------------------------------ checkpoint
    def _prepare_out_dir(self, resume: bool, overwrite: bool, key: bytes | None) -> bytes | None:
        out = self.out_dir
        out.mkdir(parents=True, exist_ok=True)
        state_path = self.ck / "state.json"
        partial = out / "results.partial.csv"
        if resume:
            if not state_path.exists():
                raise AuditInputError(f"nothing to resume in {out}: no checkpoint found (run without --resume)")
            state = json.loads(state_path.read_text())
            if state.get("version") != STATE_VERSION:
                raise AuditInputError("the checkpoint was written by another version; start again without --resume")
            if self.source.fingerprint is None or state.get("input") != self.source.fingerprint:
                raise AuditInputError("cannot resume: the input is not the one the checkpoint was made from "
                                      "(stdin cannot be resumed; a changed file must be audited afresh)")
            if state.get("options") != self.opts.fingerprint():
                raise AuditInputError("cannot resume: the options differ from the checkpointed run "
                                      "(columns, k, pseudonymise, ...); use the same options")
            self.rows_done = int(state["rows_done"])
            self.counters = state["counters"]
            self.group_books = [Codebook(v) for v in state["group_books"]]
            self.manager_book = Codebook(state["manager_book"])
            self.examples = state["examples"]
            rec_bytes = int(state["records_bytes"])
            with open(self.ck / "records.bin", "r+b") as fh:
                fh.truncate(rec_bytes)
            self.store.load_bytes((self.ck / "records.bin").read_bytes())
            self._records_fh = open(self.ck / "records.bin", "ab")
            self.writer = ResultsWriter(partial, self.header, escape=self.opts.escape_formulas,
                                        resume_at=int(state["results_bytes"]))
            if self.opts.pseudonymise:
                key = bytes.fromhex((self.ck / "key").read_text().strip())
            return key
        if state_path.exists() and not overwrite:
            raise AuditInputError(f"{out} holds an unfinished audit: pass resume=True (--resume) to continue it, "
                                  f"or overwrite=True (--overwrite) to start again")
        if self.ck.exists():
            shutil.rmtree(self.ck)
        self.ck.mkdir()
        os.chmod(self.ck, 0o700)
        if self.opts.pseudonymise:
            key = key or os.urandom(32)
            kp = self.ck / "key"
            fd = os.open(kp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w") as fh:
                fh.write(key.hex())
        self._records_fh = open(self.ck / "records.bin", "wb")
        self.writer = ResultsWriter(partial, self.header, escape=self.opts.escape_formulas)
        for name in ("results.csv", "summary.json", "report.html"):
            (out / name).unlink(missing_ok=True)
        self._save_state()
        return key

    def _save_state(self) -> None:
        if self.out_dir is None:
            return
        state = {
            "version": STATE_VERSION, "feedbackai": __version__, "input": self.source.fingerprint,
            "options": self.opts.fingerprint(), "rows_done": self.rows_done,
            "results_bytes": self.writer.offset() if self.writer else 0,
            "records_bytes": self._records_fh.tell() if self._records_fh else 0,
            "counters": self.counters, "group_books": [b.values for b in self.group_books],
            "manager_book": self.manager_book.values, "examples": self.examples,
        }
        tmp = self.ck / "state.json.tmp"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as fh:
            json.dump(state, fh)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, self.ck / "state.json")

    # ------------------------------------------------------------ processing
    @property
    def redactor(self) -> PersonRedactor | None:
        if self._redactor is None and getattr(self.analyzer, "nlp", None) is not None:
            self._redactor = PersonRedactor(self.analyzer.nlp, batch_size=self.opts.batch_size)
        return self._redactor

    def _rating_value(self, v: Any) -> float:
        if v is None or (isinstance(v, str) and not v.strip()):
            return math.nan
        if self.rating_index is not None:
            i = self.rating_index.get(str(v).strip())
            if i is None:
                self.counters["unparsed_ratings"] += 1
                return math.nan
            return float(i)
        try:
            x = float(v)
            return x if math.isfinite(x) else math.nan
        except (TypeError, ValueError):
            self.counters["unparsed_ratings"] += 1
            return math.nan

    def prepare(self, chunk: Chunk) -> tuple[list[list[str | None]], list[tuple[int, int]], list[str]]:
        """Validate a chunk's text cells: (cell errors, (row, column) of each text, texts)."""
        ntext = len(self.text_idx)
        cell_err: list[list[str | None]] = [[None] * ntext for _ in range(len(chunk.rows))]
        jobs: list[tuple[int, int]] = []
        texts: list[str] = []
        for j, row in enumerate(chunk.rows):
            if chunk.errors[j]:
                continue
            for ci, ti in enumerate(self.text_idx):
                err = validate_text(row[ti], self.max_chars)
                if err:
                    cell_err[j][ci] = err
                else:
                    jobs.append((j, ci))
                    texts.append(row[ti])
        return cell_err, jobs, texts

    def complete(self, chunk: Chunk, offset: int, prepared, reports: list[Any]) -> None:
        """Write a chunk's rows from its reports (one per text of :meth:`prepare`, in order)."""
        opts = self.opts
        n = len(chunk.rows)
        rec = self.store.new(n)
        ntext = len(self.text_idx)
        cell_err, jobs, _texts = prepared
        by_cell: dict[tuple[int, int], Any] = {}
        for (j, ci), r in zip(jobs, reports):
            if isinstance(r, _Failed):
                cell_err[j][ci] = r.error
            else:
                by_cell[(j, ci)] = r

        # redaction of exported text (pseudonymise): a light NER-only pass over these texts
        redacted: dict[tuple[int, int], tuple[str, Any]] = {}
        if self.redact_idx:
            cells = [(j, ci) for j, row in enumerate(chunk.rows) for ci, ti in enumerate(self.text_idx)
                     if isinstance(row[ti], str) and row[ti].strip()]
            rd = self.redactor
            vals = [chunk.rows[j][self.text_idx[ci]] for j, ci in cells]
            if rd is not None:
                outs = rd.redact_many(vals)
            else:
                outs = [("[REDACTED: no NER available]", lambda o, e=False: 0) for _ in vals]
            redacted = dict(zip(cells, outs))

        out_rows: list[list[Any]] = []
        for j, row in enumerate(chunk.rows):
            spec_vals, act_vals, spec_l, act_l = [], [], [], []
            counts = np.zeros(len(CATEGORIES), dtype=np.int64)
            crit = False
            res: list[Any] = []
            for ci, ti in enumerate(self.text_idx):
                r = by_cell.get((j, ci))
                if r is None:
                    res += [None, None, None, None, None, *([None] * len(CATEGORIES)), None, None]
                    continue
                s, a = float(r.specificity.value), float(r.actionability.value)
                spec_vals.append(s)
                act_vals.append(a)
                spec_l.append(LEVEL_CODE[r.specificity.level])
                act_l.append(LEVEL_CODE[r.actionability.level])
                c = np.zeros(len(CATEGORIES), dtype=np.int64)
                for f in r.flags:
                    idx = _CAT.get(f.category)
                    if idx is not None:
                        c[idx] += 1
                counts += c
                crit = crit or has_critical_cue(r.text)
                self._keep_examples(r, offset + j)
                remap = redacted[(j, ci)][1] if (j, ci) in redacted else None
                rtext = redacted[(j, ci)][0] if remap else None
                flags_json = []
                for f in r.flags:
                    if remap is not None:
                        a0, b0 = remap(f.start, False), remap(f.end, True)
                        ftxt = rtext[a0:b0]
                    else:
                        a0, b0, ftxt = f.start, f.end, f.text
                    flags_json.append({"category": f.category, "severity": f.severity, "start": a0, "end": b0,
                                       "text": ftxt, "check": f.check, "suggestion": f.suggestion})
                res += [round(s, 1), r.specificity.level, round(a, 1), r.actionability.level, int(c.sum()),
                        *[int(x) for x in c], json.dumps(flags_json, ensure_ascii=False), "; ".join(r.notes)]
            errs = [chunk.errors[j]] if chunk.errors[j] else [
                (f"{opts.text_columns[ci]}: {e}" if ntext > 1 else e) for ci, e in enumerate(cell_err[j]) if e]
            for e in errs:
                k = error_kind(e)
                self.counters["errors"][k] = self.counters["errors"].get(k, 0) + 1
            ok = bool(spec_vals)
            if ntext > 1:
                res += [round(float(np.mean(spec_vals)), 1) if ok else None,
                        round(float(np.mean(act_vals)), 1) if ok else None, int(counts.sum()) if ok else None]
            res.append("; ".join(errs))
            self.counters["rows_read"] += 1
            if ok:
                self.counters["rows_analysed"] += 1
                if errs:
                    self.counters["rows_partly_failed"] += 1
            else:
                self.counters["rows_failed"] += 1
            self.counters["cells_failed"] += sum(1 for e in cell_err[j] if e)
            # the compact record
            rc = rec[j]
            rc["ok"] = ok
            if ok:
                rc["spec"] = np.mean(spec_vals)
                rc["act"] = np.mean(act_vals)
                rc["spec_lvl"] = max(spec_l)
                rc["act_lvl"] = max(act_l)
                rc["flags"] = np.minimum(counts, 65535)
                rc["crit"] = crit
            for gi, idx in enumerate(self.group_idx):
                rc["groups"][gi] = self.group_books[gi].code(row[idx])
            if opts.manager_column:
                mv = row[self.col_index[opts.manager_column]]
                rc["manager"] = self.manager_book.code(self.pseudo(mv) if self.pseudo and mv not in (None, "") else mv)
            if opts.rating_column:
                rc["rating"] = self._rating_value(row[self.col_index[opts.rating_column]])
            # the exported row
            out: list[Any] = []
            for ci_out, idx in enumerate(self.out_input_idx):
                v = row[idx]
                if idx in self.hash_idx and self.pseudo is not None:
                    v = self.pseudo(v)
                elif idx in self.redact_idx and isinstance(v, str):
                    ci = self.text_idx.index(idx)
                    v = redacted.get((j, ci), (v,))[0]
                out.append(v)
            out_rows.append(out + res)
        self.store.append(rec)
        if self._records_fh is not None:
            self._records_fh.write(rec.tobytes())
            self._records_fh.flush()
        if self.writer is not None:
            self.writer.write(out_rows)
        if self.keep_rows:
            self.frames.append(out_rows)

    def _keep_examples(self, report, row_no: int) -> None:
        best: dict[str, Any] = {}
        for f in report.flags:
            cur = best.get(f.category)
            if cur is None or SEVERITY_RANK[f.severity] > SEVERITY_RANK[cur.severity]:
                best[f.category] = f
        for cat, f in best.items():
            n_cat = sum(1 for g in report.flags if g.category == cat)
            score = [SEVERITY_RANK[f.severity], n_cat, -row_no]
            lst = self.examples.setdefault(cat, [])
            if len(lst) >= self.opts.max_examples and score <= min(e[0] for e in lst):
                continue
            text, marks = _example_sentence(report, f)
            lst.append([score, row_no, text, [list(m) for m in marks], f.severity])
            lst.sort(key=lambda e: e[0], reverse=True)
            del lst[self.opts.max_examples:]

    # ------------------------------------------------------------ main loop
    def run(self) -> AuditResult:
        t0 = time.perf_counter()
        started_rows = self.rows_done
        seen = 0
        def todo():  # the chunks still to do, with the row offset each starts at
            nonlocal seen
            for chunk in self.source.chunks(self.opts.chunk_size):
                if seen + len(chunk.rows) <= self.rows_done:
                    seen += len(chunk.rows)
                    continue
                if seen < self.rows_done:
                    cut = self.rows_done - seen
                    seen += cut
                    chunk = Chunk(chunk.rows[cut:], chunk.positions[cut:], chunk.errors[cut:], chunk.consumed)
                yield chunk, seen
                seen += len(chunk.rows)

        try:
            for chunk, offset, prepared, reports in self._streamed(todo()):
                self.complete(chunk, offset, prepared, reports)
                self.rows_done = offset + len(chunk.rows)
                self.counters["elapsed_s"] = self.counters.get("elapsed_s", 0.0) + (time.perf_counter() - t0)
                t0 = time.perf_counter()
                self._save_state()
                if self.progress is not None:
                    self.progress(self.rows_done, self._total_estimate(chunk))
        finally:
            if self._records_fh is not None:
                self._records_fh.close()
            if self.writer is not None:
                self.writer.close()
            self.source.close()
        self.counters["elapsed_s"] = self.counters.get("elapsed_s", 0.0) + (time.perf_counter() - t0)
        self.counters["rows_this_session"] = self.rows_done - started_rows
        if self.on_streamed is not None:  # e.g. stop worker processes before the summary needs spaCy here
            self.on_streamed()
        summary = self.summarise()
        result = AuditResult(summary=summary, out_dir=self.out_dir)
        if self.keep_rows:
            import pandas as pd

            rows = [r for part in self.frames for r in part]
            result.results = pd.DataFrame(rows, columns=self.header)
        if self.out_dir is not None:
            self._finish(summary)
        return result

    def _streamed(self, chunks):
        """(chunk, offset, prepared, reports) in order, the texts of all chunks flowing
        through one ``analyze_many`` stream, so the analyser (e.g. worker processes) never
        waits at a chunk boundary. Reading runs ahead of analysis only by what the analyser
        holds in flight. If the stream fails, the chunks it held are analysed on their own
        (text by text where needed: no row is lost) and a new stream starts at the next
        chunk. An error reading the input is raised once the rows before it are done."""
        pending: collections.deque = collections.deque()  # chunks whose texts were fed
        failure: list[BaseException] = []

        def texts_of(source):
            try:
                for chunk, offset in source:
                    prepared = self.prepare(chunk)
                    pending.append((chunk, offset, prepared))
                    yield prepared[2]
            except Exception as exc:  # noqa: BLE001 - re-raised by the caller, in order
                failure.append(exc)

        per_chunk = texts_of(chunks)
        end = object()
        while True:
            stream = iter(self.analyzer.analyze_many(itertools.chain.from_iterable(per_chunk),
                                                     batch_size=self.opts.batch_size))
            buf: collections.deque = collections.deque()  # reports pulled, not yet handed out
            try:
                while True:
                    if not pending:  # pulling a report makes the stream read more chunks
                        r = next(stream, end)
                        if r is not end:
                            buf.append(r)
                        elif not pending:
                            break
                    chunk, offset, prepared = pending[0]
                    while len(buf) < len(prepared[2]):
                        r = next(stream, end)
                        if r is end:
                            raise RuntimeError("the analyser returned fewer reports than texts")
                        buf.append(r)
                    reports = [buf.popleft() for _ in range(len(prepared[2]))]
                    pending.popleft()
                    yield chunk, offset, prepared, reports
            except Exception:  # noqa: BLE001 - never lose a row: redo what the stream held
                close = getattr(stream, "close", None)
                if close is not None:
                    close()
                if not pending and not failure:
                    raise  # it failed before taking any text: retrying would not help
                while pending:
                    chunk, offset, prepared = pending.popleft()
                    yield chunk, offset, prepared, _analyse(self.analyzer, prepared[2], self.opts.batch_size)
                if not failure:
                    continue
            if failure:
                raise failure[0]
            return

    def _total_estimate(self, chunk: Chunk) -> int | None:
        if self.source.total is not None:
            return int(self.source.total)
        size = self.source.size_bytes
        if size and chunk.consumed:
            return max(self.rows_done, int(round(self.rows_done * size / max(chunk.consumed, 1))))
        return None

    def _finish(self, summary: dict[str, Any]) -> None:
        out = self.out_dir
        tmp = out / "summary.json.tmp"
        tmp.write_text(json.dumps(summary, ensure_ascii=False, indent=2, allow_nan=False), encoding="utf-8")
        os.replace(tmp, out / "summary.json")
        if self.write_report:
            from .report import build_report

            tmp = out / "report.html.tmp"
            tmp.write_text(build_report(summary), encoding="utf-8")
            os.replace(tmp, out / "report.html")
        os.replace(out / "results.partial.csv", out / "results.csv")
        shutil.rmtree(self.ck, ignore_errors=True)

    # ------------------------------------------------------------ aggregates
    def summarise(self) -> dict[str, Any]:
        opts = self.opts
        a = self.store.array()
        ok = a["ok"].astype(bool)
        b = a[ok]
        ind = Indicators.from_records(b)
        k = opts.k
        c = self.counters
        st = self.source.stats
        summary: dict[str, Any] = {
            "feedbackai_version": __version__,
            "generated": _dt.datetime.now(_dt.timezone.utc).replace(microsecond=0).isoformat(),
            "input": {"name": self.source.name, "format": self.source.format, "notes": self.source.notes,
                      "columns": len(self.source.columns)},
            "options": {"text_columns": opts.text_columns, "group_columns": opts.group_columns,
                        "manager_column": opts.manager_column, "rating_column": opts.rating_column,
                        "rating_order": opts.rating_order, "id_columns": opts.id_columns,
                        "intersections": opts.intersections, "k": k, "pseudonymise": opts.pseudonymise,
                        "formula_escaping": opts.escape_formulas, "dropped_columns": opts.drop_columns,
                        "scorer": getattr(getattr(self.analyzer, "scorer", None), "method", None)},
            "counts": {
                "rows_read": c["rows_read"], "rows_analysed": c["rows_analysed"], "rows_failed": c["rows_failed"],
                "rows_partly_failed": c["rows_partly_failed"], "cells_failed": c["cells_failed"],
                "errors_by_kind": dict(sorted(c["errors"].items())),
                "ragged_rows": st.ragged_rows, "ragged_lines_first": st.ragged_lines[:20],
                "invalid_json_lines_first": st.invalid_json_lines[:20],
                "undecodable_bytes_replaced": st.bad_bytes,
                "records_spanning_many_lines_first": st.long_records[:20],
                "json_keys_ignored": st.dropped_keys,
                "unparsed_ratings": c["unparsed_ratings"],
            },
            "timing": {"elapsed_s": round(c.get("elapsed_s", 0.0), 2),
                       "rows_per_s": round(c["rows_read"] / c["elapsed_s"], 2) if c.get("elapsed_s") else None},
            "measures": {**{m: {"description": d, "higher_is_better": hb} for m, d, hb in RATE_MEASURES},
                         **{m: {"description": d, "higher_is_better": True} for m, d in SCORE_MEASURES}},
            "levels": list(LEVELS),
        }
        summary.update(distributions(a))
        summary["flags"] = flag_rates(a)
        tables = []
        groups: dict[str, Any] = {}
        for gi, col in enumerate(opts.group_columns):
            t = group_table(col, b["groups"][:, gi], self.group_books[gi].values, ind, k)
            groups[col] = t
            tables.append(t)
        for combo in opts.intersections:
            idx = [opts.group_columns.index(cname) for cname in combo]
            codes, labels = combine_codes([b["groups"][:, i] for i in idx], [self.group_books[i].values for i in idx])
            name = " × ".join(combo)
            t = group_table(name, codes, labels, ind, k)
            t["intersection_of"] = list(combo)
            groups[name] = t
            tables.append(t)
        summary["groups"] = groups
        summary["multiple_testing"] = adjust_all(tables, opts.alpha)
        if opts.manager_column:
            summary["managers"] = managers_table(a, self.manager_book.values, k)
        if opts.rating_column:
            summary["rating"] = rating_consistency(a, k, opts.rating_order)
        summary["examples"] = self._examples_out()
        return _clean(summary)

    def _examples_out(self) -> dict[str, Any]:
        rd = self.redactor
        if rd is None:
            return {"note": "examples left out: no NER pipeline to redact person names", "by_category": {}}
        items = [(cat, e) for cat in CATEGORIES for e in self.examples.get(cat, [])]
        red = rd.redact_many([e[2] for _, e in items]) if items else []
        out: dict[str, list[dict[str, Any]]] = {}
        for (cat, e), (text, remap) in zip(items, red):
            marks = [[remap(m[0], False), remap(m[1], True)] for m in e[3]]
            out.setdefault(cat, []).append({"text": text, "marks": marks, "severity": e[4], "row": e[1] + 1})
        return {"note": "the sentence holding the flag, person names (spaCy PERSON) replaced by [NAME]",
                "by_category": out}


_CAT = {c: i for i, c in enumerate(CATEGORIES)}


def _clean(obj: Any) -> Any:
    """JSON-safe: NaN/inf -> None, numpy scalars -> Python."""
    if isinstance(obj, dict):
        return {str(k): _clean(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_clean(v) for v in obj]
    if isinstance(obj, (np.integer,)):
        return int(obj)
    if isinstance(obj, (np.floating, float)):
        f = float(obj)
        return f if math.isfinite(f) else None
    if isinstance(obj, np.bool_):
        return bool(obj)
    return obj


# ------------------------------------------------------------------ public entry point
SMALL_INPUT_ROWS = 2_000
SMALL_INPUT_BYTES = 1_000_000


def _auto_workers(source: Source, cores: int) -> int:
    """One process for a small input (starting workers costs seconds), else one per core."""
    total, size = source.total, source.size_bytes
    if total is not None and total < SMALL_INPUT_ROWS:
        return 1
    if total is None and size and size < SMALL_INPUT_BYTES:
        return 1
    return cores


# ------------------------------------------------------------------ public entry point
def audit(data: Any, text_column: str | Sequence[str], group_columns: Sequence[str] = (),
          manager_column: str | None = None, rating_column: str | None = None, *,
          id_column: str | Sequence[str] | None = None, intersections: Iterable[Sequence[str]] = (),
          k: int = 5, pseudonymise: bool = False, out_dir: str | os.PathLike | None = None,
          resume: bool = False, overwrite: bool = False, analyzer=None, batch_size: int = 64,
          chunk_size: int = 256, progress: ProgressCallback | None = None, keep_rows: bool | None = None,
          format: str | None = None, encoding: str | None = None, delimiter: str | None = None,
          sheet: str | None = None, on_bad_rows: str = "keep", rating_order: Sequence[str] | None = None,
          drop_columns: Sequence[str] = (), escape_formulas: bool = True, pseudonym_key: bytes | None = None,
          report: bool = True, max_examples: int = 3, alpha: float = 0.05, workers: int = 1,
          scorer: str = "auto", max_chars: int = 20_000) -> AuditResult:
    """Audit review comments in bulk: per-row results, aggregates and group comparisons.

    ``data`` is a pandas DataFrame, a path (CSV, XLSX, Parquet, JSON Lines), ``"-"`` for
    stdin, or a binary file object. ``text_column`` may name several columns (each analysed
    separately; per-row figures combine them). With ``out_dir`` the run writes
    ``results.csv``, ``summary.json`` and ``report.html`` there and checkpoints after every
    chunk (``resume=True`` continues an interrupted run). ``progress(done, total)`` is
    called after every chunk (``total`` is an estimate or None).

    ``workers`` > 1 (or 0 for one per core) analyses in that many processes
    (:class:`feedbackai.parallel.ParallelAnalyzer`; same results, in order) when no
    ``analyzer`` is given; ``scorer`` and ``max_chars`` configure the analyzer built here.
    """
    texts = _as_list(text_column)
    if not texts:
        raise ValueError("text_column is required")
    check_k(k)
    if chunk_size < 1 or batch_size < 1:
        raise ValueError("chunk_size and batch_size must be positive")
    groups = _as_list(group_columns)
    inter = [list(_as_list(c)) for c in intersections]
    for combo in inter:
        if len(combo) < 2:
            raise ValueError(f"an intersection needs at least two group columns, not {combo}")
        for cname in combo:
            if cname not in groups:
                groups.append(cname)
    opts = AuditOptions(text_columns=texts, group_columns=groups, manager_column=manager_column,
                        rating_column=rating_column, rating_order=list(rating_order) if rating_order else None,
                        id_columns=_as_list(id_column), intersections=inter, drop_columns=_as_list(drop_columns),
                        k=k, pseudonymise=pseudonymise, escape_formulas=escape_formulas, batch_size=batch_size,
                        chunk_size=chunk_size, max_examples=max_examples, alpha=alpha)
    dropped_needed = set(opts.drop_columns) & set(texts + groups + _as_list(manager_column) + _as_list(rating_column))
    if dropped_needed:
        raise ValueError(f"cannot drop columns the audit uses: {sorted(dropped_needed)}")
    source = open_source(data, format=format, encoding=encoding, delimiter=delimiter, sheet=sheet,
                         on_bad_rows=on_bad_rows)
    try:
        source.require({"text column": texts, "group column": groups,
                        "manager column": _as_list(manager_column), "rating column": _as_list(rating_column),
                        "id column": opts.id_columns, "column to drop": opts.drop_columns})
    except Exception:
        source.close()
        raise
    if workers < 0:
        source.close()
        raise ValueError("workers must be 0 (one per core) or more")
    owned = None
    try:
        if analyzer is None:
            from ..parallel import ParallelAnalyzer, default_workers

            n = workers or _auto_workers(source, default_workers())
            if n > 1:
                analyzer = owned = ParallelAnalyzer(n, max_chars=max_chars, scorer=scorer, slim=True)
            elif scorer == "auto" and max_chars == 20_000:
                from .. import default_analyzer

                analyzer = default_analyzer()
            else:
                from ..engine import Analyzer

                analyzer = Analyzer(max_chars=max_chars, scorer=scorer)
        out = Path(out_dir) if out_dir is not None else None
        run = AuditRun(source, opts, analyzer, out_dir=out, resume=resume, overwrite=overwrite,
                       keep_rows=(out is None) if keep_rows is None else keep_rows, progress=progress,
                       pseudonym_key=pseudonym_key, write_report=report)
        if owned is not None:
            run.on_streamed = owned.close  # free the workers' memory before the report is built
        return run.run()
    except BaseException:
        if owned is not None:
            owned.terminate()
            owned = None
        source.close()
        raise
    finally:
        if owned is not None:
            owned.close()
