"""``feedbackai goals``: check every goal of a CSV file against SMART.

    feedbackai goals goals.csv --goal-column goal --objectives-file objectives.txt \\
        --today 2026-11-26 --out checked.csv

Writes one output row per input row, in order: the input columns, then ``score``,
``verdict``, for each criterion ``<criterion>_met`` (yes / no / n/a), ``<criterion>_score``
(0-1) and ``<criterion>_explanation``, then ``rewrite``, ``notes`` and ``error``. A row that
cannot be checked (empty goal, goal too long, bad per-row date) is kept with its ``error``
filled and the other result cells empty, so the row count in equals the row count out.

Objectives: ``--objectives-file`` (one per line; blanks and duplicates dropped) for every row,
and/or ``--objectives-column`` (objectives of that row, separated by ``;`` or new lines).
Reference date: ``--today`` (YYYY-MM-DD, default the current date), or per row with
``--today-column`` (a row with a bad date gets an error).

Every output cell that starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is
prefixed with ``'`` so a spreadsheet does not run it as a formula.
Exit status: 0 done (bad rows are reported in the file), 2 bad options or unreadable input.
"""

from __future__ import annotations

import argparse
import csv
import io
import itertools
import sys
from pathlib import Path
from typing import Iterable, Iterator

from ..types import SMART_CRITERIA

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
RESULT_COLUMNS = (["score", "verdict"]
                  + [f"{c}_{k}" for c in SMART_CRITERIA for k in ("met", "score", "explanation")]
                  + ["rewrite", "notes", "error"])


def escape_cell(value: object) -> str:
    """The cell as text, prefixed with ' when a spreadsheet could read it as a formula."""
    s = "" if value is None else str(value)
    return "'" + s if s.startswith(FORMULA_START) else s


def add_goals_parser(subparsers) -> argparse.ArgumentParser:
    p = subparsers.add_parser(
        "goals", help="check every goal of a CSV file against SMART",
        description="Check each goal of a CSV file criterion by criterion and write one row per goal.")
    p.add_argument("input", help="CSV file (UTF-8, header row), or - for stdin")
    p.add_argument("--goal-column", default="goal", metavar="COL", help="the column with the goal (default: goal)")
    p.add_argument("--objectives-file", metavar="FILE", help="objectives for every goal, one per line")
    p.add_argument("--objectives-column", metavar="COL",
                   help="a column with each row's own objectives, separated by ';' or new lines")
    p.add_argument("--today", default=None, metavar="YYYY-MM-DD", help="reference date (default: today)")
    p.add_argument("--today-column", metavar="COL", help="a column with each row's reference date (YYYY-MM-DD)")
    p.add_argument("--out", metavar="FILE", help="output CSV (default: stdout)")
    p.add_argument("--delimiter", default=",", help="input delimiter (default ,)")
    p.add_argument("--batch-size", type=int, default=64)
    p.add_argument("-q", "--quiet", action="store_true", help="no summary line on stderr")
    return p


def _fail(msg: str) -> int:
    print(f"feedbackai goals: error: {msg}", file=sys.stderr)
    return 2


def _split_objectives(cell: str) -> list[str]:
    return [s for s in (x.strip() for x in cell.replace("\r", "\n").replace(";", "\n").split("\n")) if s]


def _result_cells(report) -> dict[str, str]:
    out = {"score": f"{report.score:.1f}", "verdict": report.verdict}
    for c in SMART_CRITERIA:
        r = report.criteria[c]
        out[f"{c}_met"] = "n/a" if not r.judged else ("yes" if r.met else "no")
        out[f"{c}_score"] = f"{r.score:.2f}"
        out[f"{c}_explanation"] = r.explanation
    out["rewrite"] = report.rewrite
    out["notes"] = " | ".join(report.notes)
    out["error"] = ""
    return out


def check_rows(rows: Iterable[dict], goal_column: str, objectives=(), today=None, objectives_column=None,
               today_column=None, analyzer=None, batch_size: int = 64) -> Iterator[tuple[dict, dict[str, str]]]:
    """(input row, result cells) for every row, in order; bad rows get ``error`` and no result."""
    from . import GoalChecker, GoalItem, clean_objectives, parse_today, validate_goal

    if analyzer is None:
        from .. import default_analyzer

        analyzer = default_analyzer()
    checker = GoalChecker(analyzer)
    base_objs = clean_objectives(objectives)
    base_today = parse_today(today)
    it = iter(rows)
    while True:
        chunk = list(itertools.islice(it, batch_size))
        if not chunk:
            return
        items: list[GoalItem | None] = []
        errors: list[str] = []
        for row in chunk:
            try:
                goal = validate_goal(row.get(goal_column) or "")
                objs = list(base_objs)
                if objectives_column:
                    objs += _split_objectives(row.get(objectives_column) or "")
                ref = parse_today((row.get(today_column) or "").strip() or base_today) if today_column else base_today
                items.append(GoalItem(goal, clean_objectives(objs), ref))
                errors.append("")
            except (TypeError, ValueError) as exc:
                items.append(None)
                errors.append(str(exc))
        reports = iter(checker.check_items([x for x in items if x is not None], batch_size=batch_size))
        for row, item, err in zip(chunk, items, errors):
            if item is None:
                yield row, {**{k: "" for k in RESULT_COLUMNS}, "error": err}
            else:
                yield row, _result_cells(next(reports))


def _read_rows(path: str, delimiter: str):
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    if path == "-":
        stream = io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8-sig", errors="replace", newline="")
    else:
        p = Path(path)
        if not p.is_file():
            raise ValueError(f"no such file: {path}")
        stream = p.open(encoding="utf-8-sig", errors="replace", newline="")
    reader = csv.reader(stream, delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration:
        stream.close()
        raise ValueError(f"{path} is empty (a header row is needed)") from None
    header = [h.strip() for h in header]

    def rows():
        try:
            for values in reader:
                if not any(v.strip() for v in values):
                    continue
                row = dict(zip(header, values))
                for h in header[len(values):]:
                    row[h] = ""
                if len(values) > len(header):
                    row["__extra__"] = delimiter.join(values[len(header):])
                yield row
        finally:
            stream.close()
    return header, rows()


def run_goals(args: argparse.Namespace) -> int:
    from . import clean_objectives, parse_today

    try:
        today = parse_today(args.today)
    except (TypeError, ValueError) as exc:
        return _fail(str(exc))
    objectives: tuple[str, ...] = ()
    if args.objectives_file:
        p = Path(args.objectives_file)
        if not p.is_file():
            return _fail(f"no such objectives file: {args.objectives_file}")
        try:
            objectives = clean_objectives(p.read_text(encoding="utf-8-sig", errors="replace"))
        except (TypeError, ValueError) as exc:
            return _fail(str(exc))
    if args.batch_size < 1:
        return _fail("--batch-size must be at least 1")
    try:
        header, rows = _read_rows(args.input, args.delimiter)
    except (OSError, ValueError, csv.Error) as exc:
        return _fail(str(exc))
    for name, col in (("--goal-column", args.goal_column), ("--objectives-column", args.objectives_column),
                      ("--today-column", args.today_column)):
        if col and col not in header:
            return _fail(f"{name} {col!r} is not a column of the input (columns: {', '.join(header)})")
    out_header = header + [c for c in RESULT_COLUMNS if c not in header]
    sink = open(args.out, "w", encoding="utf-8", newline="") if args.out else sys.stdout
    n = bad = checked = 0
    try:
        writer = csv.writer(sink)
        writer.writerow([escape_cell(h) for h in out_header])
        for row, res in check_rows(rows, args.goal_column, objectives, today, args.objectives_column,
                                   args.today_column, batch_size=args.batch_size):
            if row.get("__extra__"):
                res["error"] = (res["error"] + "; " if res["error"] else "") + "row has more cells than the header"
            merged = {**row, **res}
            writer.writerow([escape_cell(merged.get(h, "")) for h in out_header])
            n += 1
            bad += bool(res["error"])
            checked += bool(res["score"])
    except csv.Error as exc:
        return _fail(f"cannot read the CSV after {n} rows: {exc}")
    finally:
        if args.out:
            sink.close()
    if not args.quiet:
        print(f"feedbackai goals: {n} rows, {checked} checked, {bad} with an error"
              + (f" -> {args.out}" if args.out else ""), file=sys.stderr)
    return 0
