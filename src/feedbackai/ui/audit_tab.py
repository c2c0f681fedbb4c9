"""The "Batch audit" tab: upload an export, pick the columns, run with progress, see the
summary and plots, download results.csv and report.html.

Only presentation lives here; the audit is :func:`feedbackai.audit.audit`. Each run writes
into its own temporary directory (created here, mode 0700) and only files from that
directory are offered for download. Uploads above ``FEEDBACKAI_AUDIT_MAX_MB`` (default
200 MB) are refused.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

import gradio as gr

MAX_MB = float(os.environ.get("FEEDBACKAI_AUDIT_MAX_MB", "200"))
FILE_TYPES = [".csv", ".tsv", ".txt", ".xlsx", ".parquet", ".jsonl", ".ndjson"]
_RUN_PREFIX = "feedbackai-audit-"


def _cleanup_old_runs(max_age_s: float = 24 * 3600) -> None:
    """Remove this tab's run directories older than a day (they hold exported review text)."""
    import shutil
    import time

    base = Path(tempfile.gettempdir())
    for d in base.glob(_RUN_PREFIX + "*"):
        try:
            if d.is_dir() and time.time() - d.stat().st_mtime > max_age_s:
                shutil.rmtree(d, ignore_errors=True)
        except OSError:
            pass


def _columns(path: str | None) -> list[str]:
    if not path:
        return []
    from ..audit.reading import open_source

    src = open_source(path)
    try:
        return list(src.columns)
    finally:
        src.close()


def _guess(cols: list[str], patterns: tuple[str, ...]) -> str | None:
    for pat in patterns:
        for c in cols:
            if re.search(pat, c, re.IGNORECASE):
                return c
    return None


def summary_markdown(summary: dict) -> str:
    c = summary["counts"]
    lines = [f"**{c['rows_read']:,} rows read — {c['rows_analysed']:,} analysed, {c['rows_failed']:,} failed** "
             f"(failed rows are kept in results.csv with an `error`)."]
    for name in ("specificity", "actionability"):
        d = summary["scores"].get(name, {})
        if d.get("n"):
            lines.append(f"- mean {name}: {d['mean']} (median {d['quantiles']['p50']})")
    per = summary["flags"]["per_category"]
    top = sorted(((v["rate"] or 0, k) for k, v in per.items()), reverse=True)[:4]
    if top and top[0][0] > 0:
        lines.append("- most frequent flags: " + ", ".join(f"{k} {100 * r:.0f}%" for r, k in top if r > 0))
    flagged = [cmp for t in summary.get("groups", {}).values() for cmp in t["comparisons"]
               if cmp.get("significant") and cmp.get("four_fifths_flag")]
    lines.append(f"- {len(flagged)} group gap(s) below the four-fifths line and significant after correction "
                 f"(k = {summary['options']['k']}; see the report's Methods)")
    return "\n".join(lines).replace("<", "&lt;")


def plots_html(report_html: str) -> str:
    """The report's inline SVG charts (already escaped), for display in the app."""
    svgs = re.findall(r"<svg .*?</svg>", report_html, flags=re.S)
    return "<div style='display:flex;flex-wrap:wrap;gap:16px'>" + "".join(svgs[:8]) + "</div>"


def build_audit_tab(get_analyzer, parallel: bool = False) -> None:
    """``parallel``: a large upload is analysed in worker processes (one per core) rather
    than by the app's shared analyzer; only for the default configuration."""
    def on_upload(path):
        if not path:
            return (gr.update(choices=[], value=None),) * 2 + (gr.update(choices=[], value=[]),) + \
                (gr.update(choices=[], value=None),) * 2
        size_mb = os.path.getsize(path) / 2**20
        if size_mb > MAX_MB:
            raise gr.Error(f"the file is {size_mb:.0f} MB, above the limit of {MAX_MB:.0f} MB "
                           f"(use the command line: feedbackai audit)")
        try:
            cols = _columns(path)
        except ValueError as exc:
            raise gr.Error(str(exc)) from None
        text = _guess(cols, (r"^comment", r"comment", r"feedback", r"review", r"text")) or (cols[0] if cols else None)
        groups = [c for c in cols if re.search(r"gender|race|ethnic|age|band|team|department|location", c, re.I)]
        manager = _guess(cols, (r"manager", r"reviewer", r"author"))
        rating = _guess(cols, (r"rating", r"score", r"grade"))
        return (gr.update(choices=cols, value=text), gr.update(choices=cols, value=None),
                gr.update(choices=cols, value=groups), gr.update(choices=[""] + cols, value=manager or ""),
                gr.update(choices=[""] + cols, value=rating or ""))

    def run(path, text_col, text_col2, group_cols, manager_col, rating_col, k, pseudonymise,
            progress=gr.Progress()):
        if not path:
            raise gr.Error("upload a file first")
        if os.path.getsize(path) / 2**20 > MAX_MB:
            raise gr.Error(f"the file is above the limit of {MAX_MB:.0f} MB")
        if not text_col:
            raise gr.Error("pick the text column")
        from ..audit import AuditInputError
        from ..audit.running import SMALL_INPUT_BYTES, audit

        _cleanup_old_runs()
        out = Path(tempfile.mkdtemp(prefix=_RUN_PREFIX))
        os.chmod(out, 0o700)
        texts = [text_col] + ([text_col2] if text_col2 and text_col2 != text_col else [])
        big = parallel and os.path.getsize(path) >= SMALL_INPUT_BYTES
        progress(0, desc="starting worker processes" if big else "starting")

        def cb(done, total):
            progress((done, total), desc="analysing", unit="rows")

        try:
            res = audit(path, text_column=texts, group_columns=list(group_cols or []),
                        manager_column=manager_col or None, rating_column=rating_col or None,
                        k=int(k), pseudonymise=bool(pseudonymise), out_dir=out,
                        analyzer=None if big else get_analyzer(), workers=0 if big else 1,
                        progress=cb, keep_rows=False)
        except (AuditInputError, ValueError, TypeError) as exc:
            raise gr.Error(str(exc)) from None
        report = res.report_html.read_text(encoding="utf-8")
        return (summary_markdown(res.summary), plots_html(report), str(res.results_csv), str(res.report_html))

    with gr.Tab("Batch audit"):
        gr.Markdown("Audit a whole export (CSV, XLSX, Parquet or JSON Lines): every comment scored and flagged, "
                    "groups compared with privacy thresholds. Files stay on this machine. "
                    f"Limit {MAX_MB:.0f} MB; larger exports: `feedbackai audit` on the command line.")
        with gr.Row():
            with gr.Column(scale=1):
                upload = gr.File(label="Export file", file_types=FILE_TYPES, type="filepath")
                text_col = gr.Dropdown(label="Text column", choices=[], interactive=True, allow_custom_value=True)
                text_col2 = gr.Dropdown(label="Second text column (optional)", choices=[], interactive=True, allow_custom_value=True)
                group_cols = gr.Dropdown(label="Group columns (compared)", choices=[], multiselect=True, allow_custom_value=True,
                                         interactive=True)
                manager_col = gr.Dropdown(label="Manager column (optional)", choices=[], interactive=True, allow_custom_value=True)
                rating_col = gr.Dropdown(label="Rating column (optional)", choices=[], interactive=True, allow_custom_value=True)
                k = gr.Slider(3, 50, value=5, step=1, label="Smallest group shown (k)")
                pseudo = gr.Checkbox(label="Pseudonymise ids and strip names from exported text", value=False)
                btn = gr.Button("Run audit", variant="primary")
            with gr.Column(scale=2):
                summary = gr.Markdown()
                plots = gr.HTML()
                with gr.Row():
                    results_file = gr.File(label="results.csv", interactive=False)
                    report_file = gr.File(label="report.html", interactive=False)
        upload.change(on_upload, inputs=upload, outputs=[text_col, text_col2, group_cols, manager_col, rating_col],
                      api_name=False)
        btn.click(run, inputs=[upload, text_col, text_col2, group_cols, manager_col, rating_col, k, pseudo],
                  outputs=[summary, plots, results_file, report_file], api_name="audit")
