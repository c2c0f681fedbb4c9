"""``feedbackai audit``: the command-line glue for :func:`feedbackai.audit.audit`.

    feedbackai audit reviews.csv --text-column comment --group-column gender \\
        --manager-column manager --rating-column rating --id-column id --out audit-out

Progress goes to stderr (tqdm: rate and ETA); ``--quiet`` prints nothing but errors.
Exit status: 0 done, 2 bad input or options (one line saying why), 130 interrupted (the
checkpoint is kept: run again with ``--resume``).
"""

from __future__ import annotations

import argparse
import sys


def add_audit_parser(subparsers) -> argparse.ArgumentParser:
    a = subparsers.add_parser(
        "audit", help="audit a whole export of review comments (CSV, XLSX, Parquet, JSON Lines)",
        description="Score and flag every comment of an export, compare groups with privacy thresholds, and write "
                    "results.csv, summary.json and report.html to --out.")
    a.add_argument("input", help="CSV, XLSX, Parquet or JSON Lines file, or - for stdin")
    a.add_argument("--text-column", action="append", required=True, metavar="COL",
                   help="the column with the comment (repeatable: each is analysed)")
    a.add_argument("--group-column", action="append", default=[], metavar="COL",
                   help="a column to compare groups by, e.g. gender (repeatable)")
    a.add_argument("--intersect", action="append", default=[], metavar="COL,COL",
                   help="also compare the intersection of these group columns, e.g. gender,race (repeatable)")
    a.add_argument("--manager-column", metavar="COL")
    a.add_argument("--rating-column", metavar="COL")
    a.add_argument("--rating-order", metavar="LOW,...,HIGH",
                   help="rating labels from lowest to highest, when ratings are words")
    a.add_argument("--id-column", action="append", default=[], metavar="COL",
                   help="an id column (pseudonymised with --pseudonymise; repeatable)")
    a.add_argument("--drop-column", action="append", default=[], metavar="COL",
                   help="leave this input column out of results.csv (repeatable)")
    a.add_argument("--out", required=True, metavar="DIR", help="output folder")
    a.add_argument("-k", "--min-group-size", type=int, default=5, metavar="K",
                   help="hide statistics of groups with fewer than K comments (default 5, minimum 3)")
    a.add_argument("--pseudonymise", "--pseudonymize", action="store_true",
                   help="replace ids and managers with keyed hashes and person names in texts with [NAME]")
    a.add_argument("--resume", action="store_true", help="continue an interrupted run in --out")
    a.add_argument("--overwrite", action="store_true", help="discard an unfinished run in --out and start again")
    a.add_argument("--format", choices=["csv", "xlsx", "parquet", "jsonl"], help="input format (default: detected)")
    a.add_argument("--encoding", help="CSV/JSONL encoding (default: detected)")
    a.add_argument("--delimiter", help="CSV delimiter (default: detected)")
    a.add_argument("--sheet", help="XLSX sheet (default: the first)")
    a.add_argument("--on-bad-rows", choices=["keep", "error"], default="keep",
                   help="ragged CSV rows: keep them with an error (default) or stop")
    a.add_argument("--no-formula-escape", action="store_true",
                   help="do not prefix cells starting with = + - @ with a quote (unsafe in spreadsheets)")
    a.add_argument("--batch-size", type=int, default=64, help="comments per analysis batch")
    a.add_argument("--chunk-size", type=int, default=256, help="rows per chunk and checkpoint")
    a.add_argument("--scorer", choices=["auto", "formula", "trained"], default="auto",
                   help="score model (formula is faster: no sentence encoder)")
    a.add_argument("--max-chars", type=int, default=20_000)
    a.add_argument("--workers", type=int, default=0,
                   help="analysis processes (default 0: one per core, at most 4; 1: in this process)")
    a.add_argument("-q", "--quiet", action="store_true", help="no progress bar or summary line")
    return a


def run_audit(args: argparse.Namespace) -> int:
    from .reading import AuditInputError
    from .running import audit

    bar = None
    progress = None
    if not args.quiet:
        from tqdm import tqdm

        bar = tqdm(total=None, unit="rows", desc="audit", file=sys.stderr, dynamic_ncols=True, smoothing=0.1)

        def progress(done: int, total: int | None) -> None:
            if total is not None and total != bar.total:
                bar.total = total
            bar.update(done - bar.n)

    try:
        result = audit(
            args.input, text_column=args.text_column, group_columns=args.group_column,
            manager_column=args.manager_column, rating_column=args.rating_column,
            id_column=args.id_column, intersections=[[c.strip() for c in s.split(",") if c.strip()] for s in args.intersect],
            k=args.min_group_size, pseudonymise=args.pseudonymise, out_dir=args.out, resume=args.resume,
            overwrite=args.overwrite, workers=args.workers, scorer=args.scorer, max_chars=args.max_chars,
            batch_size=args.batch_size, chunk_size=args.chunk_size,
            progress=progress, format=args.format, encoding=args.encoding, delimiter=args.delimiter,
            sheet=args.sheet, on_bad_rows=args.on_bad_rows,
            rating_order=[s.strip() for s in args.rating_order.split(",")] if args.rating_order else None,
            drop_columns=args.drop_column, escape_formulas=not args.no_formula_escape)
    except (AuditInputError, ValueError, TypeError, OSError) as exc:
        if bar is not None:
            bar.close()
        print(f"feedbackai audit: error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        if bar is not None:
            bar.close()
        print(f"feedbackai audit: interrupted; run again with --resume to continue from the last checkpoint in {args.out}",
              file=sys.stderr)
        return 130
    if bar is not None:
        bar.close()
    if not args.quiet:
        c = result.counts
        print(f"rows read {c['rows_read']:,}, analysed {c['rows_analysed']:,}, failed {c['rows_failed']:,}; "
              f"wrote {result.results_csv}, {result.summary_json}, {result.report_html}", file=sys.stderr)
    return 0
