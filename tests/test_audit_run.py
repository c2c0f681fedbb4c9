"""The audit run with a fast stand-in analyzer: no row lost, errors, escaping, suppression,
resume, pseudonyms, multiple text columns, the report's safety."""

import csv
import json
import re

import pandas as pd
import pytest

import feedbackai
from feedbackai.audit import AuditInputError
from feedbackai.audit.exports import escape_cell

from .test_audit_support import StubAnalyzer


def frame(n=60, seed_groups=("female", "male", "nonbinary")):
    rows = []
    for i in range(n):
        g = seed_groups[i % len(seed_groups)]
        text = f"Closed {i} tickets. Please share updates."
        if g == "female" and i % 2:
            text = "She is abrasive. Great job. " + text
        rows.append({"id": f"E{i:04d}", "comment": text, "gender": g, "team": "ab"[i % 2],
                     "manager": f"m{i % 3}", "rating": 1 + i % 5})
    return pd.DataFrame(rows)


def read_results(out):
    with open(out / "results.csv", encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_callable_module_and_lazy_exports():
    assert callable(feedbackai.audit)
    assert feedbackai.AuditResult is feedbackai.audit.AuditResult
    assert "audit" in feedbackai.__all__ and "AuditResult" in feedbackai.__all__


def test_row_count_order_and_errors(tmp_path):
    df = frame(20)
    df.loc[2, "comment"] = ""
    df.loc[3, "comment"] = None
    df["comment"] = df["comment"].astype(object)
    df.loc[4, "comment"] = 12345
    df.loc[5, "comment"] = "x" * 101
    res = feedbackai.audit(df, text_column="comment", out_dir=tmp_path, analyzer=StubAnalyzer(max_chars=100))
    rows = read_results(tmp_path)
    assert len(rows) == 20 and [r["id"] for r in rows] == list(df["id"])
    assert rows[2]["error"] == "empty text"
    assert rows[3]["error"] == "missing text"
    assert rows[4]["error"] == "not text (int)"
    assert rows[5]["error"].startswith("text too long: 101 characters")
    assert "xxxx" not in rows[5]["error"]
    assert rows[0]["error"] == "" and rows[0]["specificity"] != ""
    c = res.counts
    assert (c["rows_read"], c["rows_analysed"], c["rows_failed"]) == (20, 16, 4)
    assert c["errors_by_kind"] == {"empty text": 1, "missing text": 1, "not text": 1, "text too long": 1}
    assert not (tmp_path / ".audit-checkpoint").exists() and not (tmp_path / "results.partial.csv").exists()


def test_a_failing_batch_is_retried_row_by_row(tmp_path):
    df = frame(12)
    df.loc[7, "comment"] = "this one EXPLODES"
    res = feedbackai.audit(df, text_column="comment", analyzer=StubAnalyzer(fail_on="EXPLODES"), chunk_size=5)
    out = res.results
    assert len(out) == 12
    assert out.loc[7, "error"] == "analysis failed (RuntimeError)"
    assert out["error"].eq("").sum() == 11


def test_formula_injection_is_escaped_everywhere(tmp_path):
    cells = ["=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(A1)", "\tTab", "\rCR", "＝fullwidth", "plain"]
    df = pd.DataFrame({"id": cells, "comment": [c + " Please do it." for c in cells], "gender": cells})
    feedbackai.audit(df, text_column="comment", out_dir=tmp_path, analyzer=StubAnalyzer())
    rows = read_results(tmp_path)
    for r, c in zip(rows, cells):
        expect = "'" + c if c != "plain" else c
        assert r["id"] == expect and r["gender"] == expect
        assert r["comment"] == escape_cell(c + " Please do it.")
    raw = (tmp_path / "results.csv").read_text(encoding="utf-8-sig")
    for line in raw.splitlines():
        for cell in next(csv.reader([line])):
            assert not cell.startswith(("=", "+", "-", "@")), cell


def test_formula_escaping_can_be_turned_off(tmp_path):
    df = pd.DataFrame({"comment": ["=1+1 please"]})
    feedbackai.audit(df, text_column="comment", out_dir=tmp_path, analyzer=StubAnalyzer(), escape_formulas=False)
    assert read_results(tmp_path)[0]["comment"] == "=1+1 please"


def test_summary_marks_suppressed_cells(tmp_path):
    df = frame(60)
    df.loc[:1, "gender"] = "x"          # 2 rows: below k
    feedbackai.audit(df, text_column="comment", group_columns=["gender"], out_dir=tmp_path, analyzer=StubAnalyzer())
    s = json.loads((tmp_path / "summary.json").read_text())
    groups = {g["group"]: g for g in s["groups"]["gender"]["groups"]}
    assert groups["x"] == {"group": "x", "suppressed": True, "reason": "n < k"}
    smallest_other = min((g for g in groups.values() if g["group"] != "x"), key=lambda g: g.get("n", 0) or 10**9)
    hidden = [g for g in groups.values() if g["suppressed"]]
    assert len(hidden) == 2 and any(g["reason"] == "complementary" for g in hidden)
    assert all("n" not in g and "measures" not in g for g in hidden)
    compared = {c["group"] for c in s["groups"]["gender"]["comparisons"]} | \
               {c["reference"] for c in s["groups"]["gender"]["comparisons"]}
    assert not compared & {g["group"] for g in hidden}
    assert smallest_other is not None


def test_group_statistics_and_bh(tmp_path):
    res = feedbackai.audit(frame(90), text_column="comment", group_columns=["gender", "team"],
                           intersections=[["gender", "team"]], analyzer=StubAnalyzer())
    s = res.summary
    comps = [c for t in s["groups"].values() for c in t["comparisons"]]
    assert {"gender", "team", "gender × team"} == set(s["groups"])
    pers = [c for c in comps if c["grouping"] == "gender" and c["measure"] == "personality"]
    assert pers[0]["reference"] in ("male", "nonbinary")      # no personality flags: most favourable
    assert "female" in {c["group"] for c in pers}
    fem = next(c for c in pers if c["group"] == "female")
    assert fem["rate"] == pytest.approx(15 / 30) and fem["rate_reference"] == 0.0
    assert fem["impact_ratio"] == pytest.approx(0.5) and fem["four_fifths_flag"]
    assert fem["test"] == "chi_square" and fem["significant"]
    assert fem["effect_ci"][0] > 0
    qs = sorted(c["q"] for c in comps)
    assert s["multiple_testing"]["pairwise_tests"] == len(comps) and all(0 <= q <= 1 for q in qs)
    assert not res.comparisons().empty


def test_managers_and_ratings(tmp_path):
    res = feedbackai.audit(frame(60), text_column="comment", manager_column="manager", rating_column="rating",
                           analyzer=StubAnalyzer())
    m = res.summary["managers"]
    assert m["shown"] == 3 and set(m["rankings"]) == {"vaguest", "least_actionable", "most_personality_focused"}
    r = res.summary["rating"]
    assert r["available"] and len(r["table"]) == 5
    assert "top_rating_with_critical_text" in r["mismatches"]


def test_rating_labels_with_order():
    df = frame(30)
    df["rating"] = ["Below", "Meets", "Exceeds"] * 10
    res = feedbackai.audit(df, text_column="comment", rating_column="rating", analyzer=StubAnalyzer(),
                           rating_order=["Below", "Meets", "Exceeds"])
    assert [t["rating"] for t in res.summary["rating"]["table"]] == ["Below", "Meets", "Exceeds"]


def test_multiple_text_columns(tmp_path):
    df = pd.DataFrame({"strengths": ["Great job on 3 tickets.", "", "Closed 5 items."],
                       "development": ["Please write 2 docs.", "maybe try harder", None]})
    res = feedbackai.audit(df, text_column=["strengths", "development"], analyzer=StubAnalyzer())
    out = res.results
    assert {"strengths.specificity", "development.specificity", "specificity", "error"} <= set(out.columns)
    assert out.loc[0, "error"] == ""
    assert out.loc[1, "error"] == "strengths: empty text"
    assert out.loc[2, "error"] == "development: missing text"
    assert res.rows_analysed == 3 and res.counts["rows_partly_failed"] == 2


def test_pseudonymise_hashes_ids_and_managers(tmp_path, nlp):
    df = frame(12)
    df.loc[0, "comment"] = "Aisha closed 4 tickets. Please pair with Dana."
    feedbackai.audit(df, text_column="comment", manager_column="manager", id_column="id", pseudonymise=True,
                     out_dir=tmp_path, analyzer=StubAnalyzer(nlp=nlp), drop_columns=["team"])
    rows = read_results(tmp_path)
    assert all(re.fullmatch(r"p_[0-9a-f]{16}", r["id"]) for r in rows)
    assert all(re.fullmatch(r"p_[0-9a-f]{16}", r["manager"]) for r in rows)
    assert "team" not in rows[0]
    assert "Aisha" not in rows[0]["comment"] and "Dana" not in rows[0]["comment"]
    s = (tmp_path / "summary.json").read_text()
    assert "E0000" not in s and '"m0"' not in s
    assert not (tmp_path / ".audit-checkpoint").exists()  # the key is gone with the checkpoint


class Interrupt(Exception):
    pass


def test_resume_continues_without_redoing_work(tmp_path):
    df = frame(50)
    full = tmp_path / "full"
    feedbackai.audit(df, text_column="comment", group_columns=["gender"], manager_column="manager",
                     out_dir=full, analyzer=StubAnalyzer(), chunk_size=10)
    part = tmp_path / "part"

    def stop_after_two(done, total):
        if done >= 20:
            raise Interrupt()

    with pytest.raises(Interrupt):
        feedbackai.audit(df, text_column="comment", group_columns=["gender"], manager_column="manager",
                         out_dir=part, analyzer=StubAnalyzer(), chunk_size=10, progress=stop_after_two)
    assert (part / ".audit-checkpoint" / "state.json").exists() and not (part / "results.csv").exists()
    with pytest.raises(AuditInputError, match="unfinished"):
        feedbackai.audit(df, text_column="comment", group_columns=["gender"], manager_column="manager",
                         out_dir=part, analyzer=StubAnalyzer(), chunk_size=10)
    with pytest.raises(AuditInputError, match="options differ"):
        feedbackai.audit(df, text_column="comment", group_columns=["gender"], out_dir=part,
                         analyzer=StubAnalyzer(), chunk_size=10, resume=True)
    stub = StubAnalyzer()
    res = feedbackai.audit(df, text_column="comment", group_columns=["gender"], manager_column="manager",
                           out_dir=part, analyzer=stub, chunk_size=10, resume=True)
    assert stub.texts_seen == 30                      # only the rows after the checkpoint
    assert res.rows_read == 50
    assert (part / "results.csv").read_bytes() == (full / "results.csv").read_bytes()
    a, b = (json.loads((d / "summary.json").read_text()) for d in (full, part))
    for key in ("counts", "scores", "levels", "flags", "groups", "managers"):
        assert a[key] == b[key], key


def test_resume_refuses_another_input(tmp_path):
    p = tmp_path / "in.csv"
    frame(30).to_csv(p, index=False)
    out = tmp_path / "out"

    def stop(done, total):
        raise Interrupt()

    with pytest.raises(Interrupt):
        feedbackai.audit(p, text_column="comment", out_dir=out, analyzer=StubAnalyzer(), chunk_size=10, progress=stop)
    frame(31).to_csv(p, index=False)
    with pytest.raises(AuditInputError, match="not the one"):
        feedbackai.audit(p, text_column="comment", out_dir=out, analyzer=StubAnalyzer(), resume=True)
    with pytest.raises(AuditInputError, match="nothing to resume"):
        feedbackai.audit(p, text_column="comment", out_dir=tmp_path / "empty", analyzer=StubAnalyzer(), resume=True)


def test_report_is_self_contained_and_escaped(tmp_path, nlp):
    df = frame(30)
    df.loc[0, "comment"] = "<script>alert(1)</script> She is abrasive. <img src=x onerror=alert(2)>"
    df["gender"] = df["gender"].replace({"male": "<b>male</b>"})
    feedbackai.audit(df, text_column="comment", group_columns=["gender"], out_dir=tmp_path,
                     analyzer=StubAnalyzer(nlp=nlp))
    html = (tmp_path / "report.html").read_text()
    assert "<script" not in html.lower() and "<img" not in html.lower()
    assert "&lt;script&gt;" in html and "&lt;b&gt;male&lt;/b&gt;" in html
    assert not re.search(r"(?:src|href)\s*=\s*[\"']?(?:https?:|//)", html)
    assert "http://" not in html and "https://" not in html and "@import" not in html and "url(" not in html
    assert "Content-Security-Policy" in html and "<svg" in html
    assert "bias.personality" in html and "Methods" in html


def test_examples_left_out_without_ner(tmp_path):
    res = feedbackai.audit(frame(10), text_column="comment", analyzer=StubAnalyzer())
    assert res.summary["examples"]["by_category"] == {}


def test_bad_options():
    with pytest.raises(ValueError, match="at least 3"):
        feedbackai.audit(frame(5), text_column="comment", k=2, analyzer=StubAnalyzer())
    with pytest.raises(AuditInputError, match="available columns"):
        feedbackai.audit(frame(5), text_column="text", analyzer=StubAnalyzer())
    with pytest.raises(ValueError, match="cannot drop"):
        feedbackai.audit(frame(5), text_column="comment", drop_columns=["comment"], analyzer=StubAnalyzer())


def test_progress_callback_and_memory_stays_compact(tmp_path):
    seen = []
    res = feedbackai.audit(frame(100), text_column="comment", analyzer=StubAnalyzer(), chunk_size=25,
                           progress=lambda d, t: seen.append((d, t)), keep_rows=False)
    assert seen == [(25, 100), (50, 100), (75, 100), (100, 100)]
    assert res.results is None


class _Batching:
    """An analyser that, like the real ones, reads ``batch_size`` texts before answering."""

    def __init__(self, fail_on=None):
        self.batches, self.fail_on, self.max_chars = [], fail_on, 20_000

    def analyze_many(self, texts, batch_size=64):
        import itertools

        it = iter(texts)
        while batch := list(itertools.islice(it, batch_size)):
            self.batches.append(len(batch))
            for t in batch:
                if self.fail_on and self.fail_on in t:
                    raise RuntimeError("boom")
            yield from (f"report:{t}" for t in batch)


def _stream(analyzer, chunks, batch_size=4):
    from types import SimpleNamespace

    from feedbackai.audit.running import AuditRun

    run = SimpleNamespace(analyzer=analyzer, opts=SimpleNamespace(batch_size=batch_size),
                          prepare=lambda chunk: ([], [], list(chunk)))
    return AuditRun._streamed(run, chunks)


def test_texts_stream_across_chunks_in_order():
    chunks = [(["a1", "a2", "a3"], 0), ([], 3), (["c1"], 4), ([], 5), (["e1", "e2", "e3", "e4", "e5"], 6), ([], 11)]
    an = _Batching()
    out = list(_stream(an, iter(chunks), batch_size=4))
    assert [(c, o) for c, o, _, _ in out] == chunks
    for chunk, _, _, reports in out:
        assert reports == [f"report:{t}" for t in chunk]
    assert an.batches == [4, 4, 1]  # batches of 4 across chunk boundaries: no wait per chunk


def test_a_failed_stream_redoes_its_chunks_and_goes_on(monkeypatch):
    import feedbackai.audit.running as running

    monkeypatch.setattr(running, "_analyse", lambda an, texts, size: [f"alone:{t}" for t in texts])
    chunks = [(["a1", "a2"], 0), (["b1", "BAD"], 2), (["c1", "c2"], 4), (["d1"], 6), (["e1"], 7)]
    out = list(_stream(_Batching(fail_on="BAD"), iter(chunks), batch_size=3))
    assert [c for c, _, _, _ in out] == [c for c, _ in chunks]  # every chunk, once, in order
    by_chunk = {tuple(c): r for c, _, _, r in out}
    assert by_chunk[("b1", "BAD")] == ["alone:b1", "alone:BAD"]
    assert all(len(r) == len(c) for c, _, _, r in out)
    assert by_chunk[("e1",)] == ["report:e1"]  # a new stream after the failure


def test_an_input_error_is_raised_after_the_rows_before_it():
    def chunks():
        yield ["a1", "a2"], 0
        yield ["b1"], 2
        raise ValueError("bad bytes in row 4")

    got = []
    with pytest.raises(ValueError, match="row 4"):
        for chunk, _, _, reports in _stream(_Batching(), chunks(), batch_size=8):
            got.append((chunk, reports))
    assert got == [(["a1", "a2"], ["report:a1", "report:a2"]), (["b1"], ["report:b1"])]


def test_an_analyser_that_fails_before_reading_is_not_retried_forever():
    class Broken:
        def analyze_many(self, texts, batch_size=64):
            raise RuntimeError("pool is closed")
            yield  # pragma: no cover

    with pytest.raises(RuntimeError, match="closed"):
        list(_stream(Broken(), iter([(["a"], 0)])))
