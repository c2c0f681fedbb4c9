"""``feedbackai goals FILE.csv``: one row out per row in, bad rows kept with an error,
formula-safe cells, objectives from a file or a column, per-row reference dates."""

import csv

import pytest

from feedbackai.cli import main
from feedbackai.goals.cli import RESULT_COLUMNS, escape_cell


def _write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def _read(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


@pytest.mark.parametrize("cell,out", [("=1+1", "'=1+1"), ("+cmd", "'+cmd"), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"),
                                      ("\tx", "'\tx"), ("\rx", "'\rx"), ("plain", "plain"), (None, ""), (3.5, "3.5")])
def test_escape_cell(cell, out):
    assert escape_cell(cell) == out


def test_goals_csv(tmp_path, analyzer, capsys):
    src = _write(tmp_path / "in.csv",
                 'id,goal,owner\n'
                 '1,"Cut churn from 5% to 3% by Q3 2027","=HYPERLINK(""http://x"")"\n'
                 '2,,bob\n'
                 '3,"Ship the mobile app, hire three engineers and learn Rust by Q2",carol\n'
                 '4,"=2+3 improve stuff",dan\n'
                 '5,"Reduce our DSO.",erin,extra-cell\n'
                 '6,"Answer tickets ASAP"\n')
    objs = _write(tmp_path / "objectives.txt", "Improve customer retention\n\n improve customer retention\nGrow revenue\n")
    out = tmp_path / "out.csv"
    assert main(["goals", str(src), "--goal-column", "goal", "--objectives-file", str(objs),
                 "--today", "2026-11-26", "--out", str(out)]) == 0
    rows = _read(out)
    assert len(rows) == 6 and [r["id"] for r in rows] == ["1", "2", "3", "4", "5", "6"]
    assert list(rows[0])[:3] == ["id", "goal", "owner"] and list(rows[0])[3:] == list(RESULT_COLUMNS)
    first = rows[0]
    assert first["owner"].startswith("'=") and first["error"] == ""
    assert first["relevant_met"] == "yes" and first["time_bound_met"] == "yes" and float(first["score"]) > 80
    assert "Improve customer retention" in first["relevant_explanation"]
    assert rows[1]["error"] == "goal is empty" and rows[1]["score"] == "" and rows[1]["owner"] == "bob"
    assert rows[2]["achievable_met"] == "no" and "3 goals" in rows[2]["notes"] and rows[2]["rewrite"].count("\n") == 2
    assert rows[3]["goal"].startswith("'=") and rows[3]["specific_met"] == "no"
    assert rows[4]["score"] and "more cells" in rows[4]["error"]
    assert rows[5]["owner"] == "" and rows[5]["time_bound_met"] == "no"
    raw = out.read_text(encoding="utf-8")
    assert "\n=" not in raw and ",=" not in raw
    assert "6 rows, 5 checked, 2 with an error" in capsys.readouterr().err


def test_goals_csv_per_row_objectives_and_dates(tmp_path, analyzer, capsys):
    src = _write(tmp_path / "in.csv",
                 "goal,objs,asof\n"
                 '"Ship the v2 billing API by 2026-03-01","Launch billing v2; Cut invoice errors",2026-01-01\n'
                 '"Ship the v2 billing API by 2026-03-01",,2026-06-01\n'
                 '"Ship the v2 billing API by 2026-03-01",,31/12/2026\n')
    assert main(["goals", str(src), "--objectives-column", "objs", "--today-column", "asof", "-q"]) == 0
    rows = list(csv.DictReader(capsys.readouterr().out.splitlines()))
    assert len(rows) == 3
    assert rows[0]["time_bound_met"] == "yes" and rows[0]["relevant_met"] in ("yes", "no")
    assert rows[1]["time_bound_met"] == "no" and rows[1]["relevant_met"] == "n/a"
    assert "YYYY-MM-DD" in rows[2]["error"] and rows[2]["score"] == ""


@pytest.mark.parametrize("extra,msg", [
    (["--today", "26/11/2026"], "YYYY-MM-DD"),
    (["--goal-column", "nope"], "not a column"),
    (["--objectives-file", "/nonexistent/objectives.txt"], "no such objectives file"),
])
def test_goals_bad_options_exit_2(tmp_path, capsys, extra, msg):
    src = _write(tmp_path / "in.csv", "goal\nShip it by Q3\n")
    assert main(["goals", str(src), *extra]) == 2
    err = capsys.readouterr().err
    assert msg in err and err.count("\n") == 1


def test_goals_missing_or_empty_file(tmp_path, capsys):
    assert main(["goals", str(tmp_path / "missing.csv")]) == 2
    assert main(["goals", str(_write(tmp_path / "empty.csv", ""))]) == 2
    assert "header" in capsys.readouterr().err
