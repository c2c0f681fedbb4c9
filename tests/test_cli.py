import json
import subprocess
import sys

from feedbackai.cli import main


def test_check_human(capsys, analyzer):
    assert main(["check", "She is abrasive. Great job!"]) == 0
    out = capsys.readouterr().out
    assert "[abrasive]{bias.personality}" in out and "Specificity:" in out and "instead:" in out


def test_check_json(capsys, analyzer):
    assert main(["check", "She is abrasive.", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["flags"][0]["category"] == "bias.personality"


def test_check_stdin_and_control_characters_are_not_echoed_raw(analyzer):
    proc = subprocess.run([sys.executable, "-m", "feedbackai", "check", "-"], input="\x1b[2J she is bossy\n".encode(),
                          capture_output=True, timeout=120)
    assert proc.returncode == 0
    assert b"\x1b[2J" not in proc.stdout and b"bossy" in proc.stdout


def test_goal(capsys, analyzer):
    assert main(["goal", "Cut churn from 5% to 3% by Q3 2027", "--objective", "Improve retention",
                 "--today", "2026-11-26"]) == 0
    out = capsys.readouterr().out
    assert "time_bound" in out and "Rewrite:" in out
    assert main(["goal", "Cut churn to 3%", "--today", "2026-11-26", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["criteria"]["relevant"]["judged"] is False


def test_bad_input_exits_2(capsys, analyzer):
    assert main(["goal", "  "]) == 2
    assert "empty" in capsys.readouterr().err
    assert main(["check", "x" * 30, "--max-chars", "10"]) == 2
    assert main(["goal", "Ship it", "--today", "tomorrow"]) == 2
