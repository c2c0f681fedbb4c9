"""The ``feedbackai`` command-line tool.

    feedbackai check "She is abrasive. Great job!"       # human-readable
    echo "..." | feedbackai check - --json                # JSON
    feedbackai goal "Cut churn to 3% by Q3" --objective "Grow retention" --today 2026-11-26

Exit status: 0 on success, 2 on bad input (the message says why).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Sequence

from .types import CommentReport, GoalReport

RESET, BOLD, DIM, RED, YELLOW, CYAN = "\x1b[0m", "\x1b[1m", "\x1b[2m", "\x1b[31m", "\x1b[33m", "\x1b[36m"


def _color(enabled: bool):
    def paint(code: str, s: str) -> str:
        return f"{code}{s}{RESET}" if enabled else s
    return paint


def _read_text(arg: str) -> str:
    if arg == "-":
        data = sys.stdin.buffer.read()
        return data.decode("utf-8", errors="replace")
    return arg


def _safe(s: str) -> str:
    """Make control characters visible so text cannot drive the terminal."""
    return "".join(ch if ch in "\n\t" or ch.isprintable() else f"\\x{ord(ch):02x}" for ch in s)


def marked_text(report: CommentReport, paint) -> str:
    """The text with flagged spans marked [like this]{category}; overlaps merged."""
    text = report.text
    spans: list[list] = []
    for f in sorted(report.flags, key=lambda f: (f.start, -f.end)):
        if spans and f.start < spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], f.end)
            if f.category not in spans[-1][2]:
                spans[-1][2].append(f.category)
        else:
            spans.append([f.start, f.end, [f.category]])
    out, pos = [], 0
    for a, b, cats in spans:
        out.append(_safe(text[pos:a]))
        code = RED if any(c.startswith("bias") for c in cats) else YELLOW
        out.append(paint(code, "[" + _safe(text[a:b]) + "]") + paint(DIM, "{" + ",".join(cats) + "}"))
        pos = b
    out.append(_safe(text[pos:]))
    return "".join(out)


def render_comment(report: CommentReport, color: bool = False) -> str:
    paint = _color(color)
    lines = [marked_text(report, paint), ""]
    for name in ("specificity", "actionability"):
        s = getattr(report, name)
        lines.append(paint(BOLD, f"{name.capitalize()}: {s.value:.0f}/100 ({s.level})"))
        for r in s.reasons:
            lines.append(f"  - {_safe(r)}")
    if report.flags:
        lines.append("")
        lines.append(paint(BOLD, f"Flags ({len(report.flags)}):"))
        for f in report.flags:
            lines.append(f"  {paint(CYAN, f.category)} [{f.severity}] '{_safe(f.text)}' ({f.start}-{f.end})")
            lines.append(f"    why: {_safe(f.explanation)}")
            lines.append(f"    instead: {_safe(f.suggestion)}")
            lines.append(paint(DIM, f"    source: {f.source}"))
    for n in report.notes:
        lines.append(paint(DIM, f"note: {n}"))
    return "\n".join(lines)


def render_goal(report: GoalReport, color: bool = False) -> str:
    paint = _color(color)
    lines = [paint(BOLD, f"Goal: {_safe(report.goal)}"), f"Score: {report.score:.0f}/100 - {report.verdict}",
             f"Reference date: {report.today}", ""]
    for name, c in report.criteria.items():
        mark = "n/a " if not c.judged else ("yes " if c.met else "no  ")
        lines.append(f"  {paint(BOLD, name):<12} {mark} {c.score:.2f}  {_safe(c.explanation)}")
        if c.suggestion and not (c.met and c.score >= 1.0):
            lines.append(f"               -> {_safe(c.suggestion)}")
    lines += ["", f"Rewrite: {_safe(report.rewrite)}"]
    for n in report.notes:
        lines.append(paint(DIM, f"note: {n}"))
    return "\n".join(lines)


def build_parser() -> argparse.ArgumentParser:
    from . import __version__

    p = argparse.ArgumentParser(prog="feedbackai", description="Check the language of performance reviews.")
    p.add_argument("--version", action="version", version=f"feedbackai {__version__}")
    sub = p.add_subparsers(dest="command", required=True)

    c = sub.add_parser("check", help="score one comment and flag its language")
    c.add_argument("text", help="the comment, or - to read it from stdin")
    c.add_argument("--json", action="store_true", help="print the report as JSON")
    c.add_argument("--category", action="append", default=None, help="only these flag categories (repeatable)")
    c.add_argument("--disable", action="append", default=[], help="turn a flag category off (repeatable)")
    c.add_argument("--min-severity", default="low", choices=["low", "medium", "high"])
    c.add_argument("--lexicon", action="append", default=[], help="an extra lexicon YAML file (repeatable)")
    c.add_argument("--max-chars", type=int, default=20_000)

    g = sub.add_parser("goal", help="check one goal against SMART")
    g.add_argument("text", help="the goal, or - to read it from stdin")
    g.add_argument("--objective", action="append", default=[], help="an objective the goal should serve (repeatable)")
    g.add_argument("--today", default=None, help="reference date YYYY-MM-DD (default: today)")
    g.add_argument("--json", action="store_true")

    t = sub.add_parser("train", help="train the specificity and actionability scorers from corpora/")
    t.add_argument("--corpus", default=None, help="corpus root (default: the repository's corpora/)")
    t.add_argument("--out", default=None, help="models root (default: the repository's models/)")
    t.add_argument("--version", default=None,
                   help="model version to write (default: 1.2.0 scorers, 2.0.0 flags, the relevance default)")
    t.add_argument("--seed", type=int, default=0)
    t.add_argument("--flags", action="store_true",
                   help="train the learned span check (models/flags/, version 2.x) from corpora/flags instead")
    t.add_argument("--relevance", action="store_true",
                   help="train the goal relevance cross-encoder (models/relevance/) and relevance model "
                        "from corpora/goals instead")

    from .audit.cli import add_audit_parser

    add_audit_parser(sub)
    from .goals.cli import add_goals_parser

    add_goals_parser(sub)
    return p


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "audit":
        from .audit.cli import run_audit

        return run_audit(args)
    if args.command == "goals":
        from .goals.cli import run_goals

        return run_goals(args)
    color = sys.stdout.isatty() and not os.environ.get("NO_COLOR")
    try:
        if args.command == "check":
            from .checks import CheckConfig
            from .engine import Analyzer

            cfg = CheckConfig(categories=args.category, disabled=args.disable,
                              min_severity=args.min_severity, extra_lexicons=args.lexicon)
            report = Analyzer(cfg, max_chars=args.max_chars).analyze(_read_text(args.text))
            print(report.to_json(indent=2) if args.json else render_comment(report, color))
        elif args.command == "train" and args.relevance:
            from .goals.train_relevance import main as train_relevance_main

            return train_relevance_main(["--version", args.version or "1.3.0", "--seed", str(args.seed)]
                                        + (["--out-root", args.out] if args.out else [])
                                        + (["--corpus-dir", str(Path(args.corpus) / "goals")] if args.corpus else []))
        elif args.command == "train" and args.flags:
            from .train_span_flags import main as train_flags_main

            return train_flags_main(["--version", args.version or "2.0.0", "--seed", str(args.seed)]
                                    + (["--out", args.out] if args.out else []))
        elif args.command == "train":
            from .train import main as train_main

            targs = ["--version", args.version or "1.3.1", "--seed", str(args.seed)]
            targs += ["--corpus", args.corpus] if args.corpus else []
            targs += ["--out", args.out] if args.out else []
            return train_main(targs)
        elif args.command == "goal":
            from . import check_goal

            report = check_goal(_read_text(args.text), args.objective, args.today)
            print(report.to_json(indent=2) if args.json else render_goal(report, color))
    except (ValueError, TypeError) as exc:
        print(f"feedbackai: error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
