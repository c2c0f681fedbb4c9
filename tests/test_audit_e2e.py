"""End to end with the real engine: the CLI, stdin, pseudonymised exports, and the app tab."""

import csv
import io
import json
import sys

import pytest

import feedbackai
from feedbackai.cli import main

ROWS = [
    ("E1", "Aisha led the Atlas migration and cut p95 latency from 900 ms to 350 ms. Great job!", "female", "m1", "5"),
    ("E2", "She is abrasive in standups and never listens.", "female", "m1", "2"),
    ("E3", "=cmd|' /C calc'!A0 Before each sprint review, send the PM a one-page summary.", "male", "m2", "4"),
    ("E4", "", "male", "m2", "3"),
    ("E5", "Mateo is a strong performer. Maybe he could share updates earlier.", "male", "m2", "3"),
    ("E6", "Closed 41 tickets in March; please pair with Dana on two on-call shifts.", "nonbinary", "m1", "4"),
]


def write_csv(path, rows=ROWS, delimiter=","):
    with open(path, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, delimiter=delimiter)
        w.writerow(["id", "comment", "gender", "manager", "rating"])
        w.writerows(rows)


def read(path):
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_cli_audit_end_to_end(tmp_path, analyzer, capsys):
    src = tmp_path / "in.csv"
    write_csv(src)
    out = tmp_path / "out"
    rc = main(["audit", str(src), "--text-column", "comment", "--group-column", "gender", "--manager-column", "manager",
               "--rating-column", "rating", "--id-column", "id", "--out", str(out), "-k", "3", "--pseudonymise", "-q"])
    assert rc == 0
    err = capsys.readouterr().err
    assert err == ""
    rows = read(out / "results.csv")
    assert len(rows) == len(ROWS)
    assert rows[3]["error"] == "empty text" and rows[3]["specificity"] == ""
    assert rows[2]["comment"].startswith("'=")
    assert all(r["id"].startswith("p_") for r in rows)
    assert "Aisha" not in rows[0]["comment"] and "Dana" not in rows[5]["comment"]
    for r in rows:
        for f in json.loads(r["flags_json"] or "[]"):
            raw = r["comment"][1:] if r["comment"].startswith("'") else r["comment"]
            assert raw[f["start"]:f["end"]] == f["text"]
    s = json.loads((out / "summary.json").read_text())
    assert s["counts"]["rows_read"] == 6 and s["counts"]["rows_failed"] == 1
    assert "bias.personality" in s["examples"]["by_category"]
    assert "Aisha" not in json.dumps(s["examples"]) and "Mateo" not in json.dumps(s["examples"])
    html = (out / "report.html").read_text()
    assert "<script" not in html and "abrasive" in html


def test_cli_missing_column_is_a_clear_error(tmp_path, capsys):
    src = tmp_path / "in.csv"
    write_csv(src)
    rc = main(["audit", str(src), "--text-column", "Comment", "--out", str(tmp_path / "o"), "-q"])
    assert rc == 2
    err = capsys.readouterr().err
    assert "text column 'Comment' not found (did you mean 'comment'?)" in err
    assert "available columns: 'id', 'comment', 'gender', 'manager', 'rating'" in err
    assert "Aisha" not in err


def test_cli_reads_stdin(tmp_path, analyzer, monkeypatch, capsys):
    src = tmp_path / "in.csv"
    write_csv(src, ROWS[:3], delimiter=";")
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(src.read_bytes())))
    rc = main(["audit", "-", "--text-column", "comment", "--out", str(tmp_path / "o")])
    assert rc == 0
    err = capsys.readouterr().err
    assert "rows read 3, analysed 3, failed 0" in err
    assert "abrasive" not in err and "Aisha" not in err   # no review text in the terminal output
    assert len(read(tmp_path / "o" / "results.csv")) == 3


def test_api_matches_single_analysis(analyzer):
    import pandas as pd

    df = pd.DataFrame(ROWS, columns=["id", "comment", "gender", "manager", "rating"])
    res = feedbackai.audit(df, text_column="comment", analyzer=analyzer)
    r = analyzer.analyze(ROWS[1][1])
    assert res.results.loc[1, "specificity"] == round(r.specificity.value, 1)
    assert res.results.loc[1, "flags.bias.personality"] == sum(f.category == "bias.personality" for f in r.flags)


def test_app_audit_tab(app_url, tmp_path):
    from gradio_client import Client, handle_file

    src = tmp_path / "in.csv"
    write_csv(src)
    client = Client(app_url, verbose=False)
    summary, plots, results_csv, report_html = client.predict(
        handle_file(str(src)), "comment", None, ["gender"], "manager", "rating", 3, False, api_name="/audit")
    assert "6 rows read" in summary and "1 failed" in summary
    assert "<svg" in plots and "<script" not in plots
    rows = read(results_csv)
    assert len(rows) == 6
    assert "Content-Security-Policy" in open(report_html, encoding="utf-8").read()
