import os
import socket

import pytest

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")


@pytest.fixture(scope="session")
def analyzer():
    from feedbackai import default_analyzer

    return default_analyzer()


@pytest.fixture(scope="session")
def nlp(analyzer):
    return analyzer.nlp


def assert_offsets(report):
    """The offset invariant for everything a report points into."""
    text = report.text
    for f in report.flags:
        assert text[f.start:f.end] == f.text
    for e in report.evidence:
        assert text[e.start:e.end] == e.text
    for s in report.sentences:
        assert text[s.start:s.end] == s.text
        for e in s.specificity.evidence + s.actionability.evidence:
            assert text[e.start:e.end] == e.text


def free_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


@pytest.fixture(scope="session")
def app_url(analyzer):
    """The whole app, launched once on a free local port."""
    from feedbackai.ui import build_app

    demo = build_app(analyzer)
    port = free_port()
    demo.queue().launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, quiet=True)
    yield f"http://127.0.0.1:{port}/"
    demo.close()
