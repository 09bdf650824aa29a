"""Does lesson 06 work for a learner in a real browser: JupyterLab (answers survive a kernel restart) and Voila?

Drives headless Debian Chromium through Playwright's sync API against a JupyterLab
and a Voila server started here on their own free ports, in a temporary copy of
``notebooks/`` and ``seeds/`` (answers go to ``.medialit/`` inside that copy, never
the repository). Without Chromium or Playwright the tests are skipped with the
reason; with ``MEDIALIT_REQUIRE_BROWSER=1`` (CI) that is a failure instead.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
LESSON = "06_classify_the_article.ipynb"
EXERCISE = "lavrov-pompeo-sochi-2019-category"
# JupyterLab settings: no "news" toast over the page, and every cell rendered (no virtual scrolling).
LAB_SETTINGS = {
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {"fetchNews": "false", "checkForUpdates": False},
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
}
TIMEOUT_MS = 45_000


def require_browser() -> None:
    """Skip (or, with ``MEDIALIT_REQUIRE_BROWSER=1``, fail) when Chromium or Playwright is missing."""
    reason = ""
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} not found (install Debian's chromium: apt-get install chromium)"
    else:
        try:
            import playwright.sync_api  # noqa: F401
        except ImportError:
            reason = "playwright is not installed (pip install -r requirements-dev.txt)"
    if reason:
        if os.environ.get("MEDIALIT_REQUIRE_BROWSER") == "1":
            pytest.fail(f"browser tests required (MEDIALIT_REQUIRE_BROWSER=1) but {reason}")
        pytest.skip(reason)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """Return a temporary copy of ``notebooks/`` and ``seeds/`` (answers files land in ``notebooks/.medialit/``)."""
    root = tmp_path / "kit"
    shutil.copytree(REPO / "notebooks", root / "notebooks", ignore=shutil.ignore_patterns(".medialit", ".ipynb_checkpoints"))
    shutil.copytree(REPO / "seeds", root / "seeds")
    return root


def server_environment(tmp_path: Path) -> dict[str, str]:
    """Return an environment with a fresh HOME and Jupyter folders, and no answers-folder override."""
    home = tmp_path / "home"
    settings = tmp_path / "lab-settings"
    for name, value in LAB_SETTINGS.items():
        (settings / name).parent.mkdir(parents=True, exist_ok=True)
        (settings / name).write_text(json.dumps(value), encoding="utf-8")
    environment = {
        name: value
        for name, value in os.environ.items()
        if name not in ("MEDIALIT_ANSWERS_DIR", "MEDIALIT_SUBMISSIONS_DIR", "JUPYTERHUB_USER") and not name.startswith("JUPYTER")
    }
    environment.update(
        HOME=str(home),
        JUPYTER_CONFIG_DIR=str(home / "config"),
        JUPYTER_DATA_DIR=str(home / "data"),
        JUPYTER_RUNTIME_DIR=str(home / "runtime"),
        JUPYTERLAB_SETTINGS_DIR=str(settings),
        JUPYTERLAB_WORKSPACES_DIR=str(home / "workspaces"),
        PYTHONDONTWRITEBYTECODE="1",
    )
    return environment


def start_server(command: list[str], cwd: Path, environment: dict[str, str], url: str, log: Path) -> subprocess.Popen:
    """Start a server in its own process group and return it once ``url`` gives any HTTP answer (or fail with its log)."""
    with open(log, "wb") as output:
        process = subprocess.Popen(command, cwd=cwd, env=environment, stdout=output, stderr=subprocess.STDOUT, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        try:
            with urllib.request.urlopen(url, timeout=2):
                return process
        except urllib.error.HTTPError:
            return process  # it answers (Voila has no /api/status and says 403)
        except OSError:
            time.sleep(0.2)
    stop_server(process)
    pytest.fail(f"server did not start: {' '.join(command[:4])}...\n{log.read_text(errors='replace')[-3000:]}")


def stop_server(process: subprocess.Popen) -> None:
    """Stop a server started by ``start_server`` (and the kernels it started) by its process group id."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            pass
    try:
        os.killpg(process.pid, signal.SIGKILL)  # kernels left in the group
    except ProcessLookupError:
        pass
    process.wait(timeout=15)


@pytest.fixture
def page() -> Iterator[object]:
    """Yield a Playwright page in headless Debian Chromium."""
    require_browser()
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context(viewport={"width": 1400, "height": 1000})
            context.set_default_timeout(TIMEOUT_MS)
            new_page = context.new_page()
            yield new_page
        finally:
            browser.close()


@pytest.fixture
def lab(workspace: Path, tmp_path: Path) -> Iterator[str]:
    """Yield the URL of lesson 06 in a JupyterLab serving ``workspace``; the server is stopped afterwards."""
    port, token = free_port(), secrets.token_hex(16)
    command = [
        sys.executable, "-m", "jupyter", "lab", "--no-browser", "--ip=127.0.0.1", f"--port={port}",
        f"--ServerApp.token={token}", f"--ServerApp.root_dir={workspace}",
        f"--LabApp.user_settings_dir={tmp_path / 'lab-settings'}", f"--LabApp.workspaces_dir={tmp_path / 'home' / 'workspaces'}",
        "--ServerApp.open_browser=False", "--LabApp.news_url=",
    ]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--allow-root")
    base = f"http://127.0.0.1:{port}"
    process = start_server(command, workspace, server_environment(tmp_path), f"{base}/api/status?token={token}", tmp_path / "lab.log")
    try:
        yield f"{base}/lab/tree/notebooks/{LESSON}?token={token}"
    finally:
        stop_server(process)


@pytest.fixture
def voila(workspace: Path, tmp_path: Path) -> Iterator[str]:
    """Yield the URL of lesson 06 rendered by Voila (no code shown); the server is stopped afterwards."""
    port = free_port()
    voila_program = Path(sys.executable).with_name("voila")
    command = [str(voila_program), f"notebooks/{LESSON}", "--no-browser", f"--port={port}", "--Voila.ip=127.0.0.1"]
    base = f"http://127.0.0.1:{port}"
    process = start_server(command, workspace, server_environment(tmp_path), f"{base}/api/status", tmp_path / "voila.log")
    try:
        yield f"{base}/"
    finally:
        stop_server(process)


def choose(page, sentence_id: str, label: str) -> None:  # noqa: ANN001 - a Playwright page
    """Choose ``label`` in the drop-down of ``sentence_id``, as a learner does."""
    page.locator(".widget-dropdown", has_text=f"Category of {sentence_id}").locator("select").select_option(label=label)


def selected(page, sentence_id: str) -> str:  # noqa: ANN001
    return page.locator(".widget-dropdown", has_text=f"Category of {sentence_id}").locator("select").input_value()


def saved_answers(workspace: Path) -> dict:
    path = workspace / "notebooks" / ".medialit" / f"{EXERCISE}.answers.json"
    if not path.exists():
        return {}
    document = json.loads(path.read_text(encoding="utf-8"))
    return {item: entry["label"] for item, entry in document["answers"].items() if entry["label"]}


def wait_for(condition, what: str, timeout: float = 20) -> None:  # noqa: ANN001 - a no-argument callable
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    pytest.fail(f"timed out waiting for {what}")


def answer_and_check(page) -> None:  # noqa: ANN001
    """Answer three items (right, accepted, wrong), press Check, and see the marks, the words and the score."""
    page.locator(".widget-dropdown select").nth(34).wait_for()
    choose(page, "P01.S1", "reporting")
    choose(page, "P02.S1", "reporting")
    choose(page, "P10.S1", "official statement")
    page.locator("button.widget-button", has_text="Check").click()
    page.locator(".widget-html", has_text="✔ Correct: reporting.").wait_for()
    page.locator(".widget-html", has_text="✔ Accepted: “reporting” is a defensible answer").wait_for()
    page.locator(".widget-html", has_text="✘ Not quite: you chose “official statement”").wait_for()
    page.locator(".widget-html", has_text="3 of 35 answered · 2 right").wait_for()
    assert "balanced score" in page.locator(".widget-html", has_text="Your score:").inner_text()
    assert "3 of 35 answered" in page.locator(".widget-html", has_text="Progress:").inner_text()


def test_does_lesson_06_run_answer_check_and_restore_in_jupyterlab(page, lab: str, workspace: Path) -> None:  # noqa: ANN001
    page.goto(lab)
    page.locator(".jp-Notebook").wait_for()
    page.locator(".jp-StatusBar-TextItem", has_text="Python 3 (ipykernel) | Idle").wait_for()  # kernel connected
    page.locator(".lm-MenuBar-item", has_text="Run").click()
    page.locator('.lm-Menu-item[data-command="runmenu:run-all"]').click()
    answer_and_check(page)
    wait_for(lambda: saved_answers(workspace) == {"P01.S1": "reporting", "P02.S1": "reporting", "P10.S1": "official statement"}, "the answers file")
    page.locator(".widget-toggle-buttons button", has_text="Needs another look").click()
    page.locator(".widget-html", has_text="Showing 1 of 35 sentences.").wait_for()
    assert page.locator(".widget-dropdown select").filter(visible=True).count() == 1

    page.locator(".lm-MenuBar-item", has_text="Kernel").click()
    page.locator('.lm-Menu-item[data-command="runmenu:restart-and-run-all"]').click()
    page.locator(".jp-Dialog button.jp-mod-accept").click()
    page.locator(".widget-html", has_text="Restored 3 saved answer(s)").wait_for()  # a new exercise, built after the restart
    assert page.locator(".widget-dropdown select").count() == 35
    restored = [selected(page, item) for item in ("P01.S1", "P02.S1", "P10.S1", "P03.S1")]
    assert restored == ["reporting", "reporting", "official statement", "— choose —"]
    assert "3 of 35 answered" in page.locator(".widget-html", has_text="Progress:").inner_text()


def test_does_lesson_06_work_as_a_voila_app(page, voila: str, workspace: Path) -> None:  # noqa: ANN001
    page.goto(voila)
    answer_and_check(page)
    assert "from medialit import classify" not in page.content()  # no code shown
    assert page.locator(".jp-CodeCell .jp-InputArea-editor, .cm-editor").count() == 0
    assert page.get_by_text("The four categories, in plain words").count() == 1
    wait_for(lambda: len(saved_answers(workspace)) == 3, "the answers file")


def test_does_a_missing_browser_skip_with_the_reason_or_fail_in_ci(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sys.modules[__name__], "CHROMIUM", tmp_path / "no-chromium")
    monkeypatch.delenv("MEDIALIT_REQUIRE_BROWSER", raising=False)
    with pytest.raises(pytest.skip.Exception, match="no-chromium not found"):
        require_browser()
    monkeypatch.setenv("MEDIALIT_REQUIRE_BROWSER", "1")
    with pytest.raises(pytest.fail.Exception, match="browser tests required"):
        require_browser()
