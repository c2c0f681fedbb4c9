"""Tiny inline-SVG charts for the self-contained report (no scripts, fonts or URLs).

Every label goes through HTML escaping; numbers are formatted here. Charts use the page's
font (``font-family: inherit``) and fixed colours, so they render the same offline.
"""

from __future__ import annotations

from typing import Sequence

from .exports import esc_html as esc

BLUE, GREY, RED, LIGHT = "#3b6ea8", "#8a8f98", "#b23a48", "#dfe6ee"


def _svg(w: int, h: int, body: str, title: str) -> str:
    return (f'<svg role="img" viewBox="0 0 {w} {h}" width="{w}" height="{h}" '
            f'style="font-family:inherit;font-size:11px;max-width:100%"><title>{esc(title)}</title>{body}</svg>')


def histogram(edges: Sequence[float], counts: Sequence[int], title: str, width: int = 420, height: int = 180) -> str:
    """Bars for a histogram with equal-width bins over 0-100."""
    if not counts:
        return ""
    left, bottom, top = 36, 24, 18
    pw, ph = width - left - 8, height - bottom - top
    peak = max(max(counts), 1)
    bw = pw / len(counts)
    parts = [f'<text x="{left}" y="12" font-weight="600">{esc(title)}</text>']
    for i, c in enumerate(counts):
        h = ph * c / peak
        x = left + i * bw
        parts.append(f'<rect x="{x + 1:.1f}" y="{top + ph - h:.1f}" width="{bw - 2:.1f}" height="{h:.1f}" fill="{BLUE}">'
                     f'<title>{edges[i]:.0f}-{edges[i + 1]:.0f}: {c:,}</title></rect>')
    parts.append(f'<line x1="{left}" y1="{top + ph}" x2="{left + pw}" y2="{top + ph}" stroke="{GREY}"/>')
    for v in (0, 25, 50, 75, 100):
        x = left + pw * v / 100
        parts.append(f'<text x="{x:.1f}" y="{top + ph + 14}" text-anchor="middle" fill="#444">{v}</text>')
    parts.append(f'<text x="{left - 4}" y="{top + 8}" text-anchor="end" fill="#444">{peak:,}</text>')
    parts.append(f'<text x="{left - 4}" y="{top + ph}" text-anchor="end" fill="#444">0</text>')
    return _svg(width, height, "".join(parts), title)


def stacked_levels(rows: Sequence[tuple[str, dict[str, int]]], title: str, width: int = 420) -> str:
    """One 100% stacked bar per row (low / medium / high)."""
    colours = {"low": RED, "medium": "#d9a441", "high": "#4c9a6a"}
    left, rh = 100, 22
    height = 30 + rh * len(rows) + 20
    pw = width - left - 10
    parts = [f'<text x="0" y="12" font-weight="600">{esc(title)}</text>']
    for i, (label, counts) in enumerate(rows):
        total = sum(counts.values()) or 1
        y = 24 + i * rh
        parts.append(f'<text x="{left - 6}" y="{y + 13}" text-anchor="end">{esc(label)}</text>')
        x = float(left)
        for lvl in ("low", "medium", "high"):
            w = pw * counts.get(lvl, 0) / total
            if w > 0:
                parts.append(f'<rect x="{x:.1f}" y="{y}" width="{w:.1f}" height="{rh - 6}" fill="{colours[lvl]}">'
                             f'<title>{esc(lvl)}: {counts.get(lvl, 0):,} ({100 * counts.get(lvl, 0) / total:.0f}%)</title></rect>')
                if w > 34:
                    parts.append(f'<text x="{x + w / 2:.1f}" y="{y + 12}" text-anchor="middle" fill="#fff">'
                                 f'{100 * counts.get(lvl, 0) / total:.0f}%</text>')
            x += w
    ly = 24 + len(rows) * rh + 8
    for j, lvl in enumerate(("low", "medium", "high")):
        parts.append(f'<rect x="{left + j * 80}" y="{ly}" width="10" height="10" fill="{colours[lvl]}"/>'
                     f'<text x="{left + j * 80 + 14}" y="{ly + 9}">{lvl}</text>')
    return _svg(width, height, "".join(parts), title)


def interval_bars(items: Sequence[tuple[str, float | None, float | None, float | None, str]], title: str,
                  xmax: float = 1.0, percent: bool = True, width: int = 520, note: str = "") -> str:
    """Horizontal dot-and-whisker chart: (label, value, low, high, colour) per row.

    A row whose value is None is drawn as a grey "suppressed" label.
    """
    left, rh = 170, 20
    height = 34 + rh * len(items) + (16 if note else 0)
    pw = width - left - 60
    xmax = xmax or 1.0
    fmt = (lambda v: f"{100 * v:.0f}%") if percent else (lambda v: f"{v:.0f}")
    parts = [f'<text x="0" y="12" font-weight="600">{esc(title)}</text>']
    for t in (0, 0.25, 0.5, 0.75, 1.0):
        x = left + pw * t
        parts.append(f'<line x1="{x:.1f}" y1="20" x2="{x:.1f}" y2="{24 + rh * len(items)}" stroke="{LIGHT}"/>'
                     f'<text x="{x:.1f}" y="{34 + rh * len(items)}" text-anchor="middle" fill="#444">{fmt(t * xmax)}</text>')
    for i, (label, v, lo, hi, colour) in enumerate(items):
        y = 24 + i * rh + rh / 2
        lab = label if len(label) <= 28 else label[:27] + "…"
        parts.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end">{esc(lab)}</text>')
        if v is None:
            parts.append(f'<text x="{left + 4}" y="{y + 4:.1f}" fill="{GREY}" font-style="italic">suppressed (small group)</text>')
            continue
        sx = lambda u: left + pw * max(0.0, min(1.0, u / xmax))  # noqa: E731
        if lo is not None and hi is not None:
            parts.append(f'<line x1="{sx(lo):.1f}" y1="{y:.1f}" x2="{sx(hi):.1f}" y2="{y:.1f}" stroke="{colour}" stroke-width="2"/>')
        parts.append(f'<circle cx="{sx(v):.1f}" cy="{y:.1f}" r="4" fill="{colour}"><title>{esc(label)}: {fmt(v)}'
                     + (f" (95% CI {fmt(lo)}-{fmt(hi)})" if lo is not None and hi is not None else "") + '</title></circle>')
        parts.append(f'<text x="{left + pw + 6}" y="{y + 4:.1f}" fill="#333">{fmt(v)}</text>')
    if note:
        parts.append(f'<text x="0" y="{height - 4}" fill="#555">{esc(note)}</text>')
    return _svg(width, height, "".join(parts), title)
