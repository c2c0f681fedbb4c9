"""Reading inputs in chunks: CSV, XLSX, Parquet, JSON Lines, a pandas DataFrame, or stdin.

A source knows its columns before any row is read (so a missing column fails at once with
the list of available columns) and yields :class:`Chunk` objects of at most ``size`` rows.
Rows that cannot be read properly are *kept* with ``error`` set, never dropped:

- CSV: ragged rows (more or fewer fields than the header) are kept with an error naming
  the line and are not analysed; extra fields that are all empty (a trailing delimiter) are
  accepted. ``on_bad_rows="error"`` stops instead, naming the line. Blank lines are not
  rows. Bytes that do not decode are replaced with U+FFFD and counted.
- JSON Lines: a line that is not a JSON object is kept as a row with an error.

Encodings: a byte-order mark wins; else strict UTF-8 on the first MiB; else the best guess
of charset-normalizer (a Western single-byte guess that cp1252 can decode becomes cp1252;
falling back to cp1252). ``encoding=`` overrides detection. Delimiters: the most frequent of
``, ; TAB |`` in the header line.
"""

from __future__ import annotations

import codecs
import csv
import datetime as _dt
import difflib
import hashlib
import io
import json
import math
import os
import sys
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Iterator, Sequence

SAMPLE_BYTES = 1 << 20
DELIMITERS = (",", ";", "\t", "|")
FORMATS = ("csv", "xlsx", "parquet", "jsonl")
_EXT = {".csv": "csv", ".tsv": "csv", ".txt": "csv", ".xlsx": "xlsx", ".xlsm": "xlsx",
        ".parquet": "parquet", ".pq": "parquet", ".jsonl": "jsonl", ".ndjson": "jsonl"}


class AuditInputError(ValueError):
    """The input cannot be audited as given (missing column, unreadable file, ...)."""


@dataclass
class Chunk:
    rows: list[list[Any]]          # values in ``columns`` order (None for missing)
    positions: list[str]           # "line 12" / "row 5" for messages
    errors: list[str | None]       # a reading error per row, or None
    consumed: int = 0              # bytes read so far (for progress), when known


@dataclass
class ReadStats:
    bad_bytes: int = 0
    ragged_rows: int = 0
    ragged_lines: list[int] = field(default_factory=list)
    long_records: list[int] = field(default_factory=list)
    invalid_json_lines: list[int] = field(default_factory=list)
    dropped_keys: int = 0


# ------------------------------------------------------------------ decoding
_counter = threading.local()


def _count_replace(exc: UnicodeDecodeError):
    _counter.n = getattr(_counter, "n", 0) + (exc.end - exc.start)
    return ("\ufffd", exc.end)


codecs.register_error("feedbackai_audit_replace", _count_replace)


_LATIN_FAMILY = {codecs.lookup(n).name for n in (
    "cp1250", "cp1252", "cp1254", "cp1257", "latin_1", "iso8859_2", "iso8859_3", "iso8859_4", "iso8859_9",
    "iso8859_10", "iso8859_13", "iso8859_14", "iso8859_15", "iso8859_16", "mac_roman", "mac_latin2")}


def detect_encoding(sample: bytes) -> str:
    """Encoding of a byte sample: BOM, else strict UTF-8, else charset-normalizer's guess."""
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if sample.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    try:
        codecs.getincrementaldecoder("utf-8")().decode(sample, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    high = sum(1 for b in sample[:200_000] if b >= 0x80)
    if high <= 0.1 * min(len(sample), 200_000):
        # Mostly ASCII with a few accented letters: Western text. Too little to tell code
        # pages apart reliably, and Windows-1252 is by far the most common in exports.
        try:
            sample.decode("cp1252")
            return "cp1252"
        except UnicodeDecodeError:
            pass
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(sample[:200_000]).best()
        if best is not None and best.encoding:
            guess = codecs.lookup(best.encoding).name
            # Small samples of Western text are often guessed as another Latin code page
            # (cp1250 for "déjà"); Windows-1252 is by far the most common of them in exports.
            if guess in _LATIN_FAMILY:
                try:
                    sample.decode("cp1252")
                    return "cp1252"
                except UnicodeDecodeError:
                    pass
            return best.encoding
    except Exception:  # pragma: no cover - detector failure falls back
        pass
    return "cp1252"


def detect_delimiter(text_sample: str) -> str:
    """The most frequent candidate delimiter in the header line (',' when none occurs)."""
    header = text_sample.split("\n", 1)[0]
    counts = {d: header.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: (counts[d], -DELIMITERS.index(d)))
    if counts[best] > 0:
        return best
    try:
        return csv.Sniffer().sniff(text_sample[:50_000], delimiters="".join(DELIMITERS)).delimiter
    except csv.Error:
        return ","


class _Prefixed(io.RawIOBase):
    """A raw stream that replays ``prefix`` and then reads from ``rest``."""

    def __init__(self, prefix: bytes, rest: BinaryIO) -> None:
        self._prefix = memoryview(prefix)
        self._rest = rest
        self.consumed = 0

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        if len(self._prefix):
            n = min(len(b), len(self._prefix))
            b[:n] = self._prefix[:n]
            self._prefix = self._prefix[n:]
        else:
            data = self._rest.read(len(b))
            n = len(data)
            b[:n] = data
        self.consumed += n
        return n


def unique_columns(names: Sequence[Any]) -> list[str]:
    """Header names as unique strings: blanks become column_N, duplicates get .1, .2 ..."""
    out: list[str] = []
    seen: dict[str, int] = {}
    for i, n in enumerate(names):
        name = "" if n is None else str(n).strip()
        if not name:
            name = f"column_{i + 1}"
        base = name
        while name in seen:
            seen[base] += 1
            name = f"{base}.{seen[base]}"
        seen.setdefault(name, 0)
        out.append(name)
    return out


def _cell(v: Any) -> Any:
    """A value from XLSX / Parquet / JSON as we keep it: str stays str, the rest stays typed."""
    if v is None:
        return None
    if isinstance(v, float) and math.isnan(v):
        return None
    if isinstance(v, (_dt.datetime, _dt.date, _dt.time)):
        return v.isoformat()
    if isinstance(v, (dict, list)):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, bytes):
        return v.decode("utf-8", errors="replace")
    return v


# ------------------------------------------------------------------ sources
class Source:
    """Base class: ``columns``, ``total`` (rows, or None), ``chunks(size)``, ``fingerprint``."""

    columns: list[str]
    total: int | None = None
    size_bytes: int | None = None
    name: str = ""
    format: str = ""
    fingerprint: str | None = None

    def __init__(self) -> None:
        self.stats = ReadStats()
        self.notes: list[str] = []

    def chunks(self, size: int) -> Iterator[Chunk]:  # pragma: no cover - abstract
        raise NotImplementedError

    def close(self) -> None:
        pass

    def require(self, wanted: dict[str, Sequence[str]]) -> None:
        """Raise :class:`AuditInputError` naming each missing column and listing the available ones."""
        missing = [(role, c) for role, cols in wanted.items() for c in cols if c not in self.columns]
        if missing:
            parts = []
            for role, c in missing:
                hint = difflib.get_close_matches(c, self.columns, n=1)
                parts.append(f"{role} {c!r} not found" + (f" (did you mean {hint[0]!r}?)" if hint else ""))
            avail = ", ".join(repr(c) for c in self.columns) or "(none)"
            raise AuditInputError(f"{'; '.join(parts)}; available columns: {avail}")


def _file_fingerprint(path: Path) -> str:
    st = path.stat()
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        h.update(fh.read(SAMPLE_BYTES))
    return f"{path.resolve()}|{st.st_size}|{st.st_mtime_ns}|{h.hexdigest()}"


class CsvSource(Source):
    format = "csv"

    def __init__(self, stream: BinaryIO, *, name: str, encoding: str | None = None, delimiter: str | None = None,
                 on_bad_rows: str = "keep", size_bytes: int | None = None, fingerprint: str | None = None) -> None:
        super().__init__()
        self.name, self.size_bytes, self.fingerprint = name, size_bytes, fingerprint
        self.on_bad_rows = on_bad_rows
        sample = stream.read(SAMPLE_BYTES)
        self.encoding = encoding or detect_encoding(sample)
        try:
            codecs.lookup(self.encoding)
        except LookupError:
            raise AuditInputError(f"unknown encoding {self.encoding!r}") from None
        self._raw = _Prefixed(sample, stream)
        self._binary = stream
        self._text = io.TextIOWrapper(io.BufferedReader(self._raw, 1 << 16), encoding=self.encoding,
                                      errors="feedbackai_audit_replace", newline="")
        text_sample = sample.decode(self.encoding, errors="replace")
        if text_sample.startswith("\ufeff"):
            text_sample = text_sample[1:]
        self.delimiter = delimiter or detect_delimiter(text_sample)
        if len(self.delimiter) != 1:
            raise AuditInputError(f"the delimiter must be one character, not {self.delimiter!r}")
        csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
        self._reader = csv.reader(self._text, delimiter=self.delimiter)
        _counter.n = 0
        header = None
        for rec in self._reader:
            if rec and any(f.strip() for f in rec):
                header = rec
                break
        if header is None:
            raise AuditInputError(f"{name}: no header row (the file is empty)")
        self.columns = unique_columns(header)
        self.notes.append(f"read as CSV, encoding {self.encoding}, delimiter {self.delimiter!r}")

    def chunks(self, size: int) -> Iterator[Chunk]:
        ncol = len(self.columns)
        rows, pos, errs = [], [], []
        last_line = self._reader.line_num
        for rec in self._reader:
            start = last_line + 1
            last_line = self._reader.line_num
            if not rec or (len(rec) == 1 and rec[0] == ""):
                continue  # a blank line is not a row
            if last_line - start > 200:
                self.stats.long_records.append(start)
            err = None
            if len(rec) != ncol:
                if len(rec) > ncol and not any(f.strip() for f in rec[ncol:]):
                    rec = rec[:ncol]
                else:
                    self.stats.ragged_rows += 1
                    if len(self.stats.ragged_lines) < 50:
                        self.stats.ragged_lines.append(start)
                    msg = f"ragged row: line {start} has {len(rec)} fields, the header has {ncol}"
                    if self.on_bad_rows == "error":
                        raise AuditInputError(f"{self.name}: {msg} (use on_bad_rows='keep' to keep such rows with an error)")
                    err = msg + "; not analysed"
                    rec = (rec + [None] * ncol)[:ncol]
            rows.append(rec)
            pos.append(f"line {start}")
            errs.append(err)
            if len(rows) >= size:
                yield self._chunk(rows, pos, errs)
                rows, pos, errs = [], [], []
        if rows:
            yield self._chunk(rows, pos, errs)
        self.stats.bad_bytes = getattr(_counter, "n", 0)

    def _chunk(self, rows, pos, errs) -> Chunk:
        self.stats.bad_bytes = getattr(_counter, "n", 0)
        return Chunk(rows, pos, errs, consumed=self._raw.consumed)

    def close(self) -> None:
        try:
            self._binary.close()
        except Exception:
            pass


class JsonlSource(Source):
    format = "jsonl"
    KEY_SAMPLE = 1000

    def __init__(self, stream: BinaryIO, *, name: str, encoding: str | None = None, size_bytes: int | None = None,
                 fingerprint: str | None = None) -> None:
        super().__init__()
        self.name, self.size_bytes, self.fingerprint = name, size_bytes, fingerprint
        sample = stream.read(SAMPLE_BYTES)
        self.encoding = encoding or detect_encoding(sample)
        self._raw = _Prefixed(sample, stream)
        self._binary = stream
        self._text = io.TextIOWrapper(io.BufferedReader(self._raw, 1 << 16), encoding=self.encoding,
                                      errors="feedbackai_audit_replace")
        keys: dict[str, None] = {}
        seen = 0
        lines = sample.decode(self.encoding, errors="replace").lstrip("\ufeff").splitlines()
        if len(sample) >= SAMPLE_BYTES:
            lines = lines[:-1]  # the last line of a full sample may be cut short
        for line in lines:
            if seen >= self.KEY_SAMPLE:
                break
            try:
                obj = json.loads(line)
            except ValueError:
                continue
            if isinstance(obj, dict):
                seen += 1
                keys.update(dict.fromkeys(str(k) for k in obj))
        if not keys:
            first = sample.decode(self.encoding, errors="replace").lstrip("\ufeff").strip().split("\n", 1)[0]
            try:
                obj = json.loads(first)
                if isinstance(obj, dict):
                    keys.update(dict.fromkeys(str(k) for k in obj))
            except ValueError:
                pass
        if not keys:
            raise AuditInputError(f"{name}: no JSON object found in the first lines (expected JSON Lines)")
        self.columns = list(keys)
        self.notes.append(f"read as JSON Lines, encoding {self.encoding}; columns from the first {seen or 1} objects")
        _counter.n = 0

    def chunks(self, size: int) -> Iterator[Chunk]:
        rows, pos, errs = [], [], []
        idx = {c: i for i, c in enumerate(self.columns)}
        for lineno, line in enumerate(self._text, 1):
            if not line.strip():
                continue
            rec: list[Any] = [None] * len(self.columns)
            err = None
            try:
                obj = json.loads(line)
                if not isinstance(obj, dict):
                    raise ValueError("not an object")
                for k, v in obj.items():
                    i = idx.get(str(k))
                    if i is None:
                        self.stats.dropped_keys += 1
                    else:
                        rec[i] = _cell(v)
            except ValueError:
                if len(self.stats.invalid_json_lines) < 50:
                    self.stats.invalid_json_lines.append(lineno)
                err = f"line {lineno} is not a JSON object; not analysed"
            rows.append(rec)
            pos.append(f"line {lineno}")
            errs.append(err)
            if len(rows) >= size:
                self.stats.bad_bytes = getattr(_counter, "n", 0)
                yield Chunk(rows, pos, errs, consumed=self._raw.consumed)
                rows, pos, errs = [], [], []
        self.stats.bad_bytes = getattr(_counter, "n", 0)
        if rows:
            yield Chunk(rows, pos, errs, consumed=self._raw.consumed)

    def close(self) -> None:
        try:
            self._binary.close()
        except Exception:
            pass


class XlsxSource(Source):
    format = "xlsx"

    def __init__(self, path: Path | BinaryIO, *, name: str, sheet: str | None = None, fingerprint: str | None = None) -> None:
        super().__init__()
        try:
            import openpyxl
        except ImportError as exc:  # pragma: no cover
            raise AuditInputError("reading XLSX needs openpyxl: pip install openpyxl") from exc
        self.name, self.fingerprint = name, fingerprint
        try:
            self._wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
        except Exception as exc:
            raise AuditInputError(f"{name}: not a readable XLSX workbook ({type(exc).__name__})") from None
        if sheet is not None and sheet not in self._wb.sheetnames:
            raise AuditInputError(f"sheet {sheet!r} not found; available sheets: {', '.join(map(repr, self._wb.sheetnames))}")
        self._ws = self._wb[sheet] if sheet else self._wb.worksheets[0]
        self._rows = self._ws.iter_rows(values_only=True)
        header = None
        self._line = 0
        for r in self._rows:
            self._line += 1
            if r and any(v is not None and str(v).strip() for v in r):
                header = list(r)
                break
        if header is None:
            raise AuditInputError(f"{name}: the sheet has no header row")
        while header and (header[-1] is None or str(header[-1]).strip() == ""):
            header.pop()
        self.columns = unique_columns(header)
        mr = self._ws.max_row
        self.total = (mr - self._line) if mr else None
        self.notes.append(f"read as XLSX, sheet {self._ws.title!r}")

    def chunks(self, size: int) -> Iterator[Chunk]:
        n = len(self.columns)
        rows, pos, errs = [], [], []
        for r in self._rows:
            self._line += 1
            if r is None or all(v is None or (isinstance(v, str) and v == "") for v in r):
                continue
            rec = [_cell(v) for v in list(r)[:n]] + [None] * max(0, n - len(r))
            rows.append(rec)
            pos.append(f"row {self._line}")
            errs.append(None)
            if len(rows) >= size:
                yield Chunk(rows, pos, errs)
                rows, pos, errs = [], [], []
        if rows:
            yield Chunk(rows, pos, errs)

    def close(self) -> None:
        try:
            self._wb.close()
        except Exception:
            pass


class ParquetSource(Source):
    format = "parquet"

    def __init__(self, path: Path | BinaryIO, *, name: str, fingerprint: str | None = None) -> None:
        super().__init__()
        try:
            import pyarrow.parquet as pq
        except ImportError as exc:  # pragma: no cover
            raise AuditInputError("reading Parquet needs pyarrow: pip install pyarrow") from exc
        self.name, self.fingerprint = name, fingerprint
        try:
            self._pf = pq.ParquetFile(path)
        except Exception as exc:
            raise AuditInputError(f"{name}: not a readable Parquet file ({type(exc).__name__})") from None
        self._names = list(self._pf.schema_arrow.names)
        self.columns = unique_columns(self._names)
        self.total = self._pf.metadata.num_rows
        self.notes.append("read as Parquet")

    def chunks(self, size: int) -> Iterator[Chunk]:
        row = 0
        for batch in self._pf.iter_batches(batch_size=size):
            cols = [batch.column(i).to_pylist() for i in range(batch.num_columns)]
            rows = [[_cell(c[j]) for c in cols] for j in range(batch.num_rows)]
            pos = [f"row {row + j + 1}" for j in range(batch.num_rows)]
            row += batch.num_rows
            yield Chunk(rows, pos, [None] * batch.num_rows)


class FrameSource(Source):
    format = "dataframe"

    def __init__(self, df, *, name: str = "DataFrame") -> None:
        super().__init__()
        self._df = df
        self.name = name
        self.columns = unique_columns(list(df.columns))
        self.total = len(df)
        try:
            import pandas as pd

            h = pd.util.hash_pandas_object(df.astype(str), index=False).to_numpy().tobytes()
            self.fingerprint = f"df|{df.shape}|{hashlib.sha256(h).hexdigest()}"
        except Exception:  # pragma: no cover
            self.fingerprint = None

    def chunks(self, size: int) -> Iterator[Chunk]:
        n = len(self._df)
        for a in range(0, n, size):
            part = self._df.iloc[a:a + size]
            rows = [[_cell(v) for v in rec] for rec in part.itertuples(index=False, name=None)]
            yield Chunk(rows, [f"row {a + j + 1}" for j in range(len(rows))], [None] * len(rows))


# ------------------------------------------------------------------ opening
def _sniff_format(head: bytes) -> str:
    if head.startswith(b"PK\x03\x04"):
        return "xlsx"
    if head.startswith(b"PAR1"):
        return "parquet"
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if stripped.startswith(b"{"):
        return "jsonl"
    return "csv"


def open_source(data: Any, *, format: str | None = None, encoding: str | None = None, delimiter: str | None = None,
                sheet: str | None = None, on_bad_rows: str = "keep") -> Source:
    """Open ``data`` (a DataFrame, a path, ``"-"`` for stdin, or a binary file object)."""
    if on_bad_rows not in ("keep", "error"):
        raise ValueError("on_bad_rows must be 'keep' or 'error'")
    if format is not None and format not in FORMATS:
        raise AuditInputError(f"unknown format {format!r}; use one of {', '.join(FORMATS)}")
    try:
        import pandas as pd

        if isinstance(data, pd.DataFrame):
            return FrameSource(data)
    except ImportError:  # pragma: no cover
        pass
    if isinstance(data, (str, os.PathLike)) and str(data) != "-":
        path = Path(data)
        if not path.exists():
            raise AuditInputError(f"input file not found: {path}")
        if path.is_dir():
            raise AuditInputError(f"input is a directory, not a file: {path}")
        fmt = format or _EXT.get(path.suffix.lower())
        if fmt is None:
            with open(path, "rb") as fh:
                fmt = _sniff_format(fh.read(64))
        fp = _file_fingerprint(path)
        name = path.name
        if fmt == "xlsx":
            return XlsxSource(path, name=name, sheet=sheet, fingerprint=fp)
        if fmt == "parquet":
            return ParquetSource(path, name=name, fingerprint=fp)
        size = path.stat().st_size
        fh = open(path, "rb")
        try:
            if fmt == "jsonl":
                return JsonlSource(fh, name=name, encoding=encoding, size_bytes=size, fingerprint=fp)
            return CsvSource(fh, name=name, encoding=encoding, delimiter=delimiter, on_bad_rows=on_bad_rows,
                             size_bytes=size, fingerprint=fp)
        except BaseException:
            fh.close()
            raise
    # stdin or a binary file object
    stream = sys.stdin.buffer if (isinstance(data, str) and data == "-") else data
    if not hasattr(stream, "read"):
        raise AuditInputError(f"cannot read input of type {type(data).__name__}")
    name = "stdin" if stream is sys.stdin.buffer else getattr(stream, "name", "input")
    head = stream.read(64)
    fmt = format or _sniff_format(head)
    if fmt in ("xlsx", "parquet"):
        spool = tempfile.TemporaryFile()
        spool.write(head)
        while True:
            block = stream.read(1 << 20)
            if not block:
                break
            spool.write(block)
        spool.seek(0)
        return (XlsxSource(spool, name=str(name), sheet=sheet) if fmt == "xlsx"
                else ParquetSource(spool, name=str(name)))
    rest = io.BufferedReader(_Prefixed(head, stream))
    if fmt == "jsonl":
        return JsonlSource(rest, name=str(name), encoding=encoding)
    return CsvSource(rest, name=str(name), encoding=encoding, delimiter=delimiter, on_bad_rows=on_bad_rows)
