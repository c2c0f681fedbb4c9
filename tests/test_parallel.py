"""Bulk analysis in worker processes gives exactly the in-process reports, in order."""

import os
import signal
import subprocess
import sys
import textwrap
import time

import pandas as pd
import pytest

import feedbackai
from feedbackai.audit.running import _auto_workers
from feedbackai.checks import CheckConfig
from feedbackai.checks.lexicon import LexiconError
from feedbackai.parallel import ParallelAnalyzer, WorkerError

TEXTS = [
    "Priya cut ticket backlog from 120 to 35 in six weeks. Next quarter, she should lead the retro.",
    "She is abrasive in meetings. Great job this year!",
    "",
    "   ",
    "Il a fait du bon travail cette année.",
    "<script>alert(1)</script> He always goes above and beyond.",
    "Could you try sharing the agenda a day ahead? Wei reduced mispicks by 12%.",
] * 3


@pytest.fixture(scope="module")
def pool():
    with ParallelAnalyzer(2, batch_size=4) as p:
        yield p


def test_same_reports_in_order(pool, analyzer):
    par = [r.to_dict() for r in pool.analyze_many(TEXTS)]
    seq = [r.to_dict() for r in analyzer.analyze_many(TEXTS)]
    assert par == seq
    assert pool.scorer.method == analyzer.scorer.method


def test_bad_text_raises_in_the_caller(pool):
    with pytest.raises(TypeError):
        list(pool.analyze_many(["fine", 42]))
    with pytest.raises(ValueError):
        list(pool.analyze_many(["x" * (pool.max_chars + 1)]))
    assert pool.analyze("Great job.").text == "Great job."  # still usable


def test_audit_with_workers_matches_one_process(pool, analyzer, tmp_path):
    df = pd.DataFrame({"comment": TEXTS + [None], "gender": ["f", "m", "x"] * 7 + ["f"]})
    a = feedbackai.audit(df, text_column="comment", group_columns=["gender"], analyzer=pool)
    b = feedbackai.audit(df, text_column="comment", group_columns=["gender"], analyzer=analyzer)
    assert a.results.equals(b.results)
    # workers started by the audit itself, stopped before the report is built
    c = feedbackai.audit(df, text_column="comment", group_columns=["gender"], workers=2, out_dir=tmp_path / "o")
    assert c.summary["counts"] == b.summary["counts"]
    assert c.results is None or c.results.equals(b.results)  # its workers send slim reports
    assert (tmp_path / "o" / "report.html").exists()
    assert a.rows_read == len(df) and a.rows_failed == b.rows_failed == 7  # empty, blank x3 each, None


def test_auto_workers_keeps_small_inputs_in_process():
    class S:
        total, size_bytes = 500, None
    assert _auto_workers(S(), 2) == 1
    S.total = 50_000
    assert _auto_workers(S(), 2) == 2
    S.total, S.size_bytes = None, 10_000
    assert _auto_workers(S(), 2) == 1


def test_slim_reports_keep_what_the_audit_uses(pool, analyzer):
    pool.slim = True
    try:
        slim = list(pool.analyze_many(TEXTS))
    finally:
        pool.slim = False
    full = list(analyzer.analyze_many(TEXTS))
    for a, b in zip(slim, full):
        assert (a.text, a.flags, a.notes) == (b.text, b.flags, b.notes)
        for x, y in ((a.specificity, b.specificity), (a.actionability, b.actionability)):
            assert (x.value, x.level, x.method) == (y.value, y.level, y.method)
            assert x.evidence == () and x.reasons == ()
        assert [(s.start, s.end, s.text, s.specificity.value) for s in a.sentences] == \
            [(s.start, s.end, s.text, s.specificity.value) for s in b.sentences]
    assert any(r.specificity.evidence for r in full)  # the full ones did have evidence


def test_a_worker_that_cannot_load_raises_instead_of_restarting_forever(tmp_path):
    # multiprocessing.Pool restarts a worker whose initializer raises, forever: the caller
    # would wait for ever. The load error reaches the caller instead.
    t = time.perf_counter()
    with pytest.raises(LexiconError):
        ParallelAnalyzer(1, checks=CheckConfig(extra_lexicons=[tmp_path / "missing.yaml"]))
    assert time.perf_counter() - t < 120


def test_killed_workers_raise_instead_of_hanging_and_an_audit_redoes_their_rows(analyzer):
    # a worker killed with a task in hand (or holding the task queue's lock) would leave the
    # caller waiting for ever: the pool raises WorkerError and starts afresh instead
    with ParallelAnalyzer(2, batch_size=4) as pool:
        it = pool.analyze_many(TEXTS * 10)
        assert next(it).text == TEXTS[0]  # batches are in flight now
        for pid in pool._worker_pids():
            os.kill(pid, signal.SIGKILL)
        with pytest.raises(WorkerError):
            list(it)
        assert pool.analyze("Great job.").text == "Great job."
        # an audit whose workers are killed mid-run redoes the rows they held: none is lost
        df = pd.DataFrame({"comment": TEXTS * 6})
        killed: list[int] = []

        def progress(done, total):
            if not killed:  # after the first chunk, with the next ones in flight
                killed.extend(pool._worker_pids())
                for pid in killed:
                    os.kill(pid, signal.SIGKILL)

        a = feedbackai.audit(df, text_column="comment", analyzer=pool, chunk_size=8, progress=progress)
        b = feedbackai.audit(df, text_column="comment", analyzer=analyzer, chunk_size=8)
        assert killed and a.rows_read == len(df)
        assert a.results.equals(b.results)


def test_a_process_whose_workers_were_killed_still_exits(tmp_path):
    # Killed while idle, one worker dies holding the task queue's lock. The abandoned Pool's
    # finalizer (run at interpreter exit) would wait for that lock for ever: CI hung after
    # the last test passed. Run in a fresh interpreter, which must print and exit.
    script = tmp_path / "kill_idle.py"
    script.write_text(textwrap.dedent("""
        import os, signal, time
        from feedbackai.parallel import ParallelAnalyzer, WorkerError
        if __name__ == "__main__":
            pool = ParallelAnalyzer(2, batch_size=4)
            pool.analyze("Warm.")
            time.sleep(0.5)  # both idle: one waits for a task holding the queue's lock
            for pid in pool._worker_pids():
                os.kill(pid, signal.SIGKILL)
            try:
                pool.analyze("Great job.")
            except WorkerError:
                print("WorkerError", flush=True)
            print(pool.analyze("Great job.").text, flush=True)
            pool.close()
            print("closed", flush=True)
    """))
    out = subprocess.run([sys.executable, str(script)], capture_output=True, text=True, timeout=240)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.split() == ["WorkerError", "Great", "job.", "closed"]
