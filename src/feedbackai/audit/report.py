"""The self-contained HTML report, built from ``summary.json`` alone.

One file: inline CSS and inline SVG, no scripts, fonts, images or URLs; a
Content-Security-Policy forbids loading anything. Every piece of data is HTML-escaped.
"""

from __future__ import annotations

from typing import Any

from ..types import CATEGORIES
from .exports import esc_html as esc
from .svg import BLUE, RED, histogram, interval_bars, stacked_levels

CSS = """
body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,Helvetica,Arial,sans-serif;margin:0;color:#1d232b;background:#fafbfc}
main{max-width:1100px;margin:0 auto;padding:24px}
h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1.25rem;margin-top:2.2rem;border-bottom:1px solid #dde3ea;padding-bottom:.3rem}
h3{font-size:1.05rem;margin-top:1.4rem}
.cards{display:flex;gap:12px;flex-wrap:wrap}.card{background:#fff;border:1px solid #dde3ea;border-radius:8px;padding:10px 14px;min-width:130px}
.card b{display:block;font-size:1.4rem}.muted{color:#5b6570}.small{font-size:.85rem}
table{border-collapse:collapse;margin:.6rem 0;font-size:.86rem;background:#fff}
th,td{border:1px solid #dde3ea;padding:4px 7px;text-align:left;vertical-align:top}th{background:#f0f3f6}
td.num{text-align:right;font-variant-numeric:tabular-nums}
.flag{color:#b23a48;font-weight:600}.ok{color:#2f7a4f}.sup{color:#8a8f98;font-style:italic}
.charts{display:flex;flex-wrap:wrap;gap:18px;align-items:flex-start}
summary{cursor:pointer;color:#3b6ea8;margin:.4rem 0}mark{background:#ffe08a;padding:0 1px}blockquote{margin:.4rem 0;padding:.4rem .8rem;background:#fff;border-left:3px solid #c9d3de}
.box{background:#fff;border:1px solid #dde3ea;border-radius:8px;padding:10px 16px}
"""


def _pct(v: Any) -> str:
    return "–" if v is None else f"{100 * v:.1f}%"


def _num(v: Any, nd: int = 1) -> str:
    return "–" if v is None else f"{v:,.{nd}f}"


def _ci(ci: Any, pct: bool = True, nd: int = 1) -> str:
    if not ci or ci[0] is None or ci[1] is None:
        return "–"
    f = _pct if pct else (lambda v: _num(v, nd))
    return f"{f(ci[0])} – {f(ci[1])}"


def _p(p: Any) -> str:
    if p is None:
        return "–"
    return "<0.0001" if p < 1e-4 else f"{p:.4f}"


def _marked(text: str, marks: list) -> str:
    out, pos = [], 0
    for a, b in sorted((int(a), int(b)) for a, b in marks):
        if a < pos:
            continue
        out.append(esc(text[pos:a]))
        out.append(f"<mark>{esc(text[a:b])}</mark>")
        pos = b
    out.append(esc(text[pos:]))
    return "".join(out)


def _findings(s: dict) -> list[str]:
    items = []
    for g, t in s.get("groups", {}).items():
        for c in t["comparisons"]:
            if c.get("four_fifths_flag") and c.get("significant"):
                what = (f"rate {_pct(c['rate'])} vs {_pct(c['rate_reference'])}" if c["kind"] == "rate"
                        else f"mean {_num(c['mean'])} vs {_num(c['mean_reference'])}")
                items.append(f"<b>{esc(g)} = {esc(c['group'])}</b>, {esc(c['measure'])}: impact ratio "
                             f"{_num(c['impact_ratio'], 2)} against {esc(c['reference'])} ({what}; q = {_p(c.get('q'))}).")
            elif c.get("significant"):
                items.append(f"{esc(g)} = {esc(c['group'])}, {esc(c['measure'])}: differs from {esc(c['reference'])} "
                             f"(q = {_p(c.get('q'))}, effect {_num(c['effect_size'], 3)}), impact ratio "
                             f"{_num(c['impact_ratio'], 2)} (above the four-fifths line).")
    per = s.get("flags", {}).get("per_category", {})
    top = sorted(((v["rate"] or 0, k) for k, v in per.items()), reverse=True)[:3]
    if top and top[0][0] > 0:
        items.append("Most frequent flags: " + ", ".join(f"{esc(k)} in {_pct(r)} of comments" for r, k in top if r > 0) + ".")
    return items


def _group_section(name: str, t: dict, measures: dict) -> str:
    parts = [f"<h3>By {esc(name)}</h3>"]
    shown = [g for g in t["groups"] if not g["suppressed"]]
    hidden = [g for g in t["groups"] if g["suppressed"]]
    if hidden:
        parts.append(f'<p class="sup">Suppressed: {", ".join(esc(g["group"]) + " (" + esc(g["reason"]) + ")" for g in hidden)}'
                     f" — groups under k = {t['k']} and the next smallest are hidden so they cannot be derived.</p>")
    if not shown:
        parts.append('<p class="sup">No group large enough to show.</p>')
        return "".join(parts)
    charts = []
    for m in ("vague", "personality", "actionable"):
        items = [(g["group"], g["measures"][m]["rate"], *g["measures"][m]["ci"], RED if not measures[m]["higher_is_better"] else BLUE)
                 for g in shown] + [(g["group"], None, None, None, "") for g in hidden]
        charts.append(interval_bars(items, f"{m}: share of comments (95% CI)", xmax=1.0, width=420))
    for m in ("specificity", "actionability"):
        items = [(g["group"], g["measures"][m]["mean"], *g["measures"][m]["ci"], BLUE) for g in shown] + \
                [(g["group"], None, None, None, "") for g in hidden]
        charts.append(interval_bars(items, f"mean {m} (95% CI)", xmax=100.0, percent=False, width=420))
    parts.append('<div class="charts">' + "".join(charts) + "</div>")
    rows = []
    for c in t["comparisons"]:
        if c["kind"] == "rate":
            val, ref = _pct(c["rate"]), _pct(c["rate_reference"])
            eff = f"RD {_num(100 * c['effect_size'] if c['effect_size'] is not None else None)} pts " \
                  f"({_num(100 * c['effect_ci'][0] if c['effect_ci'][0] is not None else None)} to " \
                  f"{_num(100 * c['effect_ci'][1] if c['effect_ci'][1] is not None else None)})"
        else:
            val, ref = _num(c["mean"]), _num(c["mean_reference"])
            eff = f"Cliff's δ {_num(c['effect_size'], 3)} ({_num(c['effect_ci'][0], 3)} to {_num(c['effect_ci'][1], 3)})"
        ir = c["impact_ratio"]
        ir_cell = f'<span class="flag">{_num(ir, 2)} ⚑</span>' if c["four_fifths_flag"] else _num(ir, 2)
        q = f'<span class="flag">{_p(c.get("q"))}</span>' if c.get("significant") else _p(c.get("q"))
        rows.append(f"<tr><td>{esc(c['measure'])}</td><td>{esc(c['group'])}</td><td class=num>{c['n']:,}</td>"
                    f"<td class=num>{val}</td><td>{esc(c['reference'])}</td><td class=num>{ref}</td><td class=num>{ir_cell}</td>"
                    f"<td>{eff}</td><td>{esc(c['test'])}</td><td class=num>{_p(c['p'])}</td><td class=num>{q}</td></tr>")
    if rows:
        n_sig = sum(1 for c in t["comparisons"] if c.get("significant"))
        parts.append(f"<details{' open' if len(rows) <= 20 else ''}><summary>{len(rows)} comparisons with the reference "
                     f"group ({n_sig} significant after correction)</summary>")
        parts.append("<table><tr><th>measure</th><th>group</th><th>n</th><th>value</th><th>reference</th><th>ref. value</th>"
                     "<th>impact ratio</th><th>effect (95% CI)</th><th>test</th><th>p</th><th>q (BH)</th></tr>"
                     + "".join(rows) + "</table></details>")
    omni = [f"{esc(o['measure'])}: {esc(o['test'])} p = {_p(o['p'])}, q = {_p(o.get('q'))}" for o in t["omnibus"]]
    if omni:
        parts.append(f'<p class="small muted">Across all shown groups — {"; ".join(omni)}.</p>')
    return "".join(parts)


def _managers(m: dict) -> str:
    parts = [f"<p class='muted'>{m['shown']:,} managers shown; {m['suppressed']:,} hidden ({esc(m['suppressed_reason'])}). "
             "Rankings use the 95% interval bound on the side of the claim, so a manager with few comments is not "
             "over-read.</p>"]
    by = {r["manager"]: r for r in m["rows"]}
    for key, title, meas in (("vaguest", "Most vague feedback", "vague"),
                             ("least_actionable", "Least actionable feedback", "actionable"),
                             ("most_personality_focused", "Most personality-focused feedback", "personality")):
        ids = m["rankings"].get(key, [])[:10]
        if not ids:
            continue
        rows = "".join(
            f"<tr><td>{esc(i)}</td><td class=num>{by[i]['n']:,}</td><td class=num>{_pct(by[i][meas]['rate'])}</td>"
            f"<td class=num>{_ci(by[i][meas]['ci'])}</td><td class=num>{_num(by[i]['specificity']['mean'])}</td>"
            f"<td class=num>{_num(by[i]['actionability']['mean'])}</td></tr>" for i in ids)
        parts.append(f"<h3>{title}</h3><table><tr><th>manager</th><th>n</th><th>{esc(meas)} rate</th><th>95% CI</th>"
                     f"<th>mean specificity</th><th>mean actionability</th></tr>{rows}</table>")
    return "".join(parts)


def _rating(r: dict) -> str:
    if not r.get("available"):
        return "<p class='muted'>No usable ratings.</p>"
    rows = []
    for t in r["table"]:
        if t.get("suppressed"):
            rows.append(f"<tr><td>{esc(t['rating'])}</td><td colspan=6 class=sup>suppressed ({esc(t['reason'])})</td></tr>")
            continue
        rows.append(f"<tr><td>{esc(t['rating'])}</td><td class=num>{t['n']:,}</td><td class=num>{_num(t['specificity']['mean'])}</td>"
                    f"<td class=num>{_num(t['actionability']['mean'])}</td><td class=num>{_pct(t['generic_praise']['rate'])}</td>"
                    f"<td class=num>{_pct(t['personality']['rate'])}</td><td class=num>{_pct(t['critical_cue']['rate'])}</td></tr>")
    parts = ["<table><tr><th>rating</th><th>n</th><th>mean specificity</th><th>mean actionability</th>"
             "<th>generic praise</th><th>personality flags</th><th>critical cues</th></tr>" + "".join(rows) + "</table>"]
    mm = r.get("mismatches", {})
    lines = []
    for key, label in (("top_rating_with_critical_text", "Top rating, text with critical cues"),
                       ("low_rating_with_generic_praise", "Lowest rating, generic praise and no critical cue")):
        v = mm.get(key)
        if not v:
            continue
        if v.get("suppressed"):
            lines.append(f"<li>{label} (rating {esc(v['rating'])}): <span class=sup>suppressed</span></li>")
        else:
            lines.append(f"<li>{label} (rating {esc(v['rating'])}): {v['x']:,} of {v['n']:,} ({_pct(v['rate'])}, "
                         f"95% CI {_ci(v['ci'])})</li>")
    for s, c in r.get("correlation", {}).items():
        lines.append(f"<li>Spearman correlation of rating with {esc(s)}: ρ = {_num(c['spearman_rho'], 3)} (p = {_p(c['p'])})</li>")
    if lines:
        parts.append("<ul>" + "".join(lines) + "</ul>")
    parts.append("<p class='small muted'>Critical cues are a short heuristic list of phrases (\"missed\", \"needs to improve\", "
                 "\"below expectations\", …): a prompt to read the comments, not a sentiment model.</p>")
    return "".join(parts)


METHODS = """
<h2 id="methods">Methods: what each number means, and what it does not</h2>
<div class="box">
<p><b>Unit.</b> One row of the input is one comment (when several text columns are given, a row's scores are the mean of
its analysed columns, its flags are added up, and its levels are the highest of its columns). Rows that could not be
analysed (missing, empty, not text, too long, malformed) are kept in <code>results.csv</code> with an <code>error</code>
and left out of every statistic.</p>
<p><b>Measures.</b> <i>vague</i>: at least one vague-language flag; <i>personality</i>: at least one
<code>bias.personality</code> flag (judging who the person is — negative or positive — instead of what they did);
<i>biased_language</i>: at least one other <code>bias.*</code> flag; <i>actionable</i> and <i>specific</i>: the
comment's level is medium or high; <i>specificity</i> and <i>actionability</i>: the 0–100 scores.</p>
<p><b>Intervals.</b> Rates carry Wilson score 95% intervals; means a t (or normal) 95% interval.</p>
<p><b>Reference group and impact ratio.</b> Each group is compared with the most favourably treated group shown
(lowest rate of vague, personality or other-bias flags; highest rate of actionable or specific comments; highest mean
score). The impact ratio divides the group's favourable rate (for flags: the share <i>without</i> the flag) by the
reference's; for scores, the ratio of means. Below 0.8 is marked ⚑ — the EEOC "four-fifths rule" of thumb. It is a
prompt to look closer, <b>not a finding of bias</b>: with small groups it flips on a handful of comments, and with large
groups trivial gaps can be significant.</p>
<p><b>Tests.</b> Rates: Fisher's exact test when any expected cell count is below 5, else Pearson's chi-square test
(two-sided). The effect size is the risk difference with Newcombe's hybrid score interval. Scores: the Mann–Whitney U
test (two-sided), with Cliff's δ (= rank-biserial correlation: the probability that a comment from the group scores
higher than one from the reference, minus the reverse) and its interval from the DeLong variance. An omnibus test
across all shown groups (chi-square, Kruskal–Wallis) answers "do the groups differ at all".</p>
<p><b>Multiple testing.</b> Many cells are tested at once, so some would look significant by chance. The q-values are
Benjamini–Hochberg adjusted across every pairwise comparison in this report (one family; the omnibus tests form a
second family); q &lt; 0.05 is shown in red and controls the expected share of false discoveries at 5%.</p>
<p><b>What the tests do not say.</b> A significant difference says the gap is unlikely to be chance <i>in these
comments</i>; it does not say why. Groups differ in role, team, tenure and manager, and these tests do not adjust
for any of that; comments by one manager are not independent. The flags and scores come from an automated model with
its own errors, which may differ by group (for example names, dialect or writing style). Treat differences as a
reason to read the underlying comments and ask questions, not as a verdict about any person or group.</p>
<p><b>Privacy.</b> No statistic is shown for a group (or manager, or rating value) with fewer than k analysed comments;
when any group is hidden, the next smallest is hidden too, until at least two groups and k comments are hidden together,
so a hidden group cannot be recovered by subtracting the shown groups from the total. Suppression is applied table
by table; comparing a table with an intersection table can still narrow down small cells, so share intersections with
care. Example sentences have person names (spaCy PERSON entities) replaced with [NAME]; the entity model can miss
names.</p>
</div>
"""


def build_report(s: dict) -> str:
    c = s["counts"]
    opts = s.get("options", {})
    parts = ["<!DOCTYPE html><html lang=en><head><meta charset=utf-8>",
             "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">",
             "<meta name=viewport content=\"width=device-width,initial-scale=1\">",
             f"<title>feedbackai audit — {esc(s['input']['name'])}</title><style>{CSS}</style></head><body><main>",
             f"<h1>Review language audit</h1><p class=muted>{esc(s['input']['name'])} · {esc(s['input']['format'])} · "
             f"generated {esc(s['generated'])} · feedbackai {esc(s['feedbackai_version'])}"
             + (f" · scores: {esc(opts.get('scorer'))}" if opts.get("scorer") else "") + "</p>",
             "<div class=cards>"
             f"<div class=card><b>{c['rows_read']:,}</b>rows read</div>"
             f"<div class=card><b>{c['rows_analysed']:,}</b>analysed</div>"
             f"<div class=card><b>{c['rows_failed']:,}</b>failed (kept, with error)</div>"
             f"<div class=card><b>k = {opts.get('k')}</b>minimum group size shown</div>"
             f"<div class=card><b>{'yes' if opts.get('pseudonymise') else 'no'}</b>ids pseudonymised</div></div>"]
    findings = _findings(s)
    parts.append("<h2>Key findings</h2>")
    parts.append("<ul>" + "".join(f"<li>{f}</li>" for f in findings) + "</ul>" if findings
                 else "<p class=muted>No group difference passed the multiple-testing correction.</p>")

    parts.append("<h2>Scores</h2><div class=charts>")
    for name in ("specificity", "actionability"):
        d = s["scores"].get(name, {})
        if d.get("n"):
            parts.append(histogram(d["histogram"]["edges"], d["histogram"]["counts"],
                                   f"{name}: distribution (n = {d['n']:,}, mean {d['mean']}, median {d['quantiles']['p50']})"))
    parts.append(stacked_levels([(k, v) for k, v in s["levels"].items()], "levels"))
    parts.append("</div>")

    fl = s["flags"]["per_category"]
    items = [(cat, fl[cat]["rate"], *fl[cat]["ci"], RED if cat.startswith("bias") else "#d9a441") for cat in CATEGORIES if cat in fl]
    top = max([v[3] or 0 for v in items] + [0.0])
    xmax = next(x for x in (0.05, 0.1, 0.2, 0.4, 0.6, 0.8, 1.0) if x >= top - 1e-9)
    parts.append("<h2>Flags</h2>" + interval_bars(items, "share of comments with each flag (95% CI)", xmax=xmax, width=620))
    parts.append("<table><tr><th>category</th><th>comments flagged</th><th>rate</th><th>flags</th></tr>" + "".join(
        f"<tr><td>{esc(cat)}</td><td class=num>{fl[cat]['x']:,}</td><td class=num>{_pct(fl[cat]['rate'])}</td>"
        f"<td class=num>{fl[cat]['flags']:,}</td></tr>" for cat in CATEGORIES if cat in fl) + "</table>")

    if s.get("groups"):
        parts.append("<h2>Group comparisons</h2>")
        mt = s.get("multiple_testing", {})
        parts.append(f"<p class=muted>{mt.get('pairwise_tests', 0)} pairwise tests, Benjamini–Hochberg adjusted at "
                     f"α = {mt.get('alpha')}. ⚑ = impact ratio below 0.8 (four-fifths rule). See <a href='#methods'>Methods</a>.</p>")
        for name, t in s["groups"].items():
            parts.append(_group_section(name, t, s["measures"]))
    if s.get("managers"):
        parts.append("<h2>Managers</h2>" + _managers(s["managers"]))
    if s.get("rating"):
        parts.append("<h2>Rating vs text</h2>" + _rating(s["rating"]))

    ex = s.get("examples", {})
    parts.append("<h2>Examples</h2>")
    parts.append(f"<p class=muted>{esc(ex.get('note', ''))}</p>")
    for cat in CATEGORIES:
        lst = ex.get("by_category", {}).get(cat)
        if not lst:
            continue
        parts.append(f"<h3>{esc(cat)}</h3>" + "".join(
            f"<blockquote>{_marked(e['text'], e['marks'])} <span class='small muted'>(row {e['row']:,}, "
            f"severity {esc(e['severity'])})</span></blockquote>" for e in lst))

    parts.append(METHODS)
    parts.append("<h2>Data quality</h2><table>")
    quality = [("rows read", c["rows_read"]), ("rows analysed", c["rows_analysed"]), ("rows failed", c["rows_failed"]),
               ("rows partly failed (some text columns)", c.get("rows_partly_failed", 0)),
               ("ragged rows", c.get("ragged_rows", 0)), ("undecodable bytes replaced", c.get("undecodable_bytes_replaced", 0)),
               ("unparsed ratings", c.get("unparsed_ratings", 0))]
    quality += [(f"error: {k}", v) for k, v in c.get("errors_by_kind", {}).items()]
    parts.append("".join(f"<tr><td>{esc(k)}</td><td class=num>{v:,}</td></tr>" for k, v in quality) + "</table>")
    if c.get("ragged_lines_first"):
        parts.append(f"<p class=small>Ragged rows at lines {esc(', '.join(map(str, c['ragged_lines_first'])))}.</p>")
    if c.get("records_spanning_many_lines_first"):
        parts.append("<p class=small>Records spanning more than 200 lines (an unbalanced quote?) start at lines "
                     f"{esc(', '.join(map(str, c['records_spanning_many_lines_first'])))}.</p>")
    parts.append(f"<p class='small muted'>Input: {esc('; '.join(s['input'].get('notes', [])))}. "
                 f"Time: {s['timing']['elapsed_s']} s ({s['timing']['rows_per_s']} rows/s).</p>")
    parts.append("</main></body></html>")
    return "\n".join(parts)
