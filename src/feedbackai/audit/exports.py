"""Safe exports: spreadsheet formula-injection escaping and the incremental results.csv.

OWASP "CSV Injection": a cell that starts with ``=``, ``+``, ``-``, ``@``, tab or carriage
return can be run as a formula by Excel, LibreOffice or Google Sheets. Such string cells
are prefixed with a single quote, which spreadsheets display as text. We also escape the
full-width forms of the four symbols, which some spreadsheet apps normalise. Numbers we
produce ourselves (scores, counts) are never negative and are written as numbers.
"""

from __future__ import annotations

import csv
import html
import io
import os
from pathlib import Path
from typing import Any, Iterable, Sequence

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def escape_cell(value: Any) -> Any:
    """Prefix a string cell with ``'`` when a spreadsheet could read it as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def escape_row(values: Iterable[Any]) -> list[Any]:
    return [escape_cell(v) for v in values]


def esc_html(value: Any) -> str:
    """HTML-escape any value for element text or a quoted attribute."""
    return html.escape("" if value is None else str(value), quote=True)


class ResultsWriter:
    """Appends result rows to a CSV file, flushing after each chunk.

    UTF-8 with a byte-order mark (so Excel reads it as UTF-8), ``\\r\\n`` line ends,
    minimal quoting; every string cell is formula-escaped unless ``escape=False``.
    ``offset()`` is the byte size after the last flush, used by checkpoints; ``resume_at``
    truncates a file back to a checkpointed size before appending.
    """

    def __init__(self, path: str | Path, header: Sequence[str], *, escape: bool = True,
                 resume_at: int | None = None) -> None:
        self.path = Path(path)
        self.escape = escape
        if resume_at is not None and self.path.exists():
            with open(self.path, "r+b") as fh:
                fh.truncate(resume_at)
            self._fh = open(self.path, "ab")
        else:
            self._fh = open(self.path, "wb")
            self._fh.write(b"\xef\xbb\xbf")
            self._write_rows([list(header)], escape_cells=escape)
        self._fh.flush()

    def _write_rows(self, rows: Iterable[Sequence[Any]], escape_cells: bool) -> None:
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\r\n")
        for r in rows:
            w.writerow(escape_row(r) if escape_cells else r)
        self._fh.write(buf.getvalue().encode("utf-8", errors="replace"))

    def write(self, rows: Iterable[Sequence[Any]]) -> None:
        self._write_rows(rows, self.escape)
        self._fh.flush()
        os.fsync(self._fh.fileno())

    def offset(self) -> int:
        return self._fh.tell()

    def close(self) -> None:
        if not self._fh.closed:
            self._fh.close()
