"""The app in a real headless browser: Debian's Chromium driven by Playwright's client library.

`./run test` installs Chromium when it is missing and it can (root with apt-get); without it these
tests skip, except under CI=true, where a missing browser is a failure. Playwright never downloads
a browser here: it is pointed at the system one with ``executable_path``.
"""

from __future__ import annotations

import os
import shutil

import pytest

pytestmark = pytest.mark.filterwarnings("ignore::DeprecationWarning")

TIMEOUT_MS = 90_000


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser"):
        path = shutil.which(name)
        if path:
            return path
    return None


@pytest.fixture(scope="module")
def browser():
    ci = os.environ.get("CI") == "true"
    try:
        from playwright import sync_api
    except ImportError:
        if ci:
            raise
        pytest.skip("playwright is not installed (pip install -e '.[dev]')")
    path = _chromium()
    if path is None:
        if ci:
            pytest.fail("Chromium is not installed: ./run test installs Debian's chromium when run as root")
        pytest.skip("Chromium is not installed (apt-get install chromium)")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=["--no-sandbox", "--disable-dev-shm-usage"])
        yield b
        b.close()


@pytest.fixture
def page(browser, app_url):
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    pg = context.new_page()
    pg.set_default_timeout(TIMEOUT_MS)
    errors: list[str] = []
    pg.on("pageerror", lambda exc: errors.append(str(exc)))
    pg.goto(app_url)
    yield pg
    context.close()
    assert errors == [], f"JavaScript errors on the page: {errors}"


def test_check_tab_shows_flags_scores_and_runs_no_script(page):
    text = ('She is abrasive. <img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> '
            'Send Dana the recap every Friday.')
    page.get_by_label("Review comment").fill(text)
    page.get_by_role("button", name="Check", exact=True).click()
    page.get_by_text("Actionability:").first.wait_for()
    page.get_by_text("bias.personality").first.wait_for()
    body = page.inner_text("body")
    assert "Specificity:" in body
    assert "Situation" in body or "behaviour" in body.lower()  # the personality flag's suggestion is shown
    # the comment's markup is shown as text, never run
    assert page.evaluate("window.__pwned") is None
    assert "onerror" in body


def test_goals_tab_answers_for_the_objectives_on_screen(page):
    page.get_by_role("tab", name="Check goals").click()
    page.get_by_label("Goal", exact=True).fill(
        "Cut first-response time on tier-1 tickets from 4 h to 1 h by the end of Q2 2027")
    page.get_by_label("Objectives it should serve (one per line)").fill(
        "Raise support CSAT to 90%\nReduce support cost per ticket")
    # typing is enough: the answer follows the objectives as well as the goal
    page.get_by_text("2 objective(s)").first.wait_for()
    page.get_by_role("button", name="Check goal").click()
    page.get_by_text("best objective:").first.wait_for()
    body = page.inner_text("body")
    for row in ("Specific", "Measurable", "Achievable", "Relevant", "Time-bound"):
        assert row in body
    assert "no objectives given" not in body


def test_audit_tab_uploads_runs_and_offers_downloads(page, tmp_path):
    csv = tmp_path / "export.csv"
    rows = ["id,comment,gender"] + [
        f'{i},"{c}",{g}' for i, (c, g) in enumerate(
            [("She is abrasive in meetings.", "F"), ("Great job this year.", "M"),
             ("Cut invoice errors by 40% in Q2 by adding a checklist.", "F"),
             ("He is a natural leader.", "M"), ("Maybe a bit quiet at times.", "F"),
             ("Send the recap every Friday.", "M")] * 2)]
    csv.write_text("\n".join(rows) + "\n", encoding="utf-8")
    page.get_by_role("tab", name="Batch audit").click()
    with page.expect_file_chooser() as chooser:
        page.get_by_text("Click to Upload").first.click()
    chooser.value.set_files(str(csv))
    # uploaded: the columns are read and the text column guessed from the header
    page.wait_for_function("() => [...document.querySelectorAll('input')].some(i => i.value === 'comment')")
    page.get_by_role("button", name="Run audit").click()
    page.get_by_text("rows read").first.wait_for()
    body = page.inner_text("body")
    assert "12 rows read" in body and "12 analysed" in body
    hrefs = page.evaluate("() => [...document.querySelectorAll('a[href]')].map(a => a.href)")
    results = [h for h in hrefs if h.endswith("/results.csv")]
    assert len(results) == 1 and any(h.endswith("/report.html") for h in hrefs)
    got = page.request.get(results[0])
    assert got.ok
    header = got.text().splitlines()[0]
    assert "comment" in header and "specificity" in header
    # the app serves what it created, not other files of the machine
    base = results[0].split("file=")[0]
    assert page.request.get(base + "file=/etc/passwd").status in (403, 404)
