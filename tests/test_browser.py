"""Does lesson 07 work for a learner in a real browser: JupyterLab (answers survive a kernel restart) and Voila?

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
LESSON = "07_classify_the_article.ipynb"
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
    """Yield the URL of lesson 07 in a JupyterLab serving ``workspace``; the server is stopped afterwards."""
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
    """Yield the URL of lesson 07 rendered by Voila (no code shown); the server is stopped afterwards."""
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


def wait_for(condition, what: str, timeout: float = 20, last=None) -> None:  # noqa: ANN001 - no-argument callables
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    pytest.fail(f"timed out waiting for {what}" + (f" (last: {last()!r})" if last else ""))


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


# ----- keyboard only, visible state, one state, hand-in (issue 11 items 1-4) --------------------------------------


def lesson_url(lab: str, lesson: str) -> str:
    """Return the URL of another lesson in the same JupyterLab as ``lab`` (lesson 07's URL)."""
    return lab.replace(LESSON, lesson) + "&reset"  # reset: JupyterLab opens only this notebook, not the last ones too


def run_all(page, url: str) -> None:  # noqa: ANN001
    """Open ``url`` in JupyterLab, wait for the kernel, and run all cells (with the mouse, as a teacher shows it)."""
    page.goto(url)
    page.locator(".jp-Notebook").wait_for()
    page.locator(".jp-StatusBar-TextItem", has_text="Python 3 (ipykernel) | Idle").wait_for()
    page.locator(".lm-MenuBar-item", has_text="Run").click()
    page.locator('.lm-Menu-item[data-command="runmenu:run-all"]').click()


def save_and_read(page, notebook: Path) -> bytes:  # noqa: ANN001
    """Save the notebook from the File menu, wait until the file is written, and return its bytes.

    Waits first until no cell is still running (``[*]``), so two saves compare finished notebooks.
    """
    running = "() => [...document.querySelectorAll('.jp-InputPrompt')].some(p => p.textContent.includes('*'))"
    wait_for(lambda: not page.evaluate(running), "every cell to finish running")
    before = notebook.stat().st_mtime_ns
    page.locator(".lm-MenuBar-item", has_text="File").click()
    page.locator('.lm-Menu-item[data-command="docmanager:save"]').click()
    wait_for(lambda: notebook.stat().st_mtime_ns != before, f"{notebook.name} to be saved")
    time.sleep(0.3)
    return notebook.read_bytes()


def press(page, *keys: str) -> None:  # noqa: ANN001
    for key in keys:
        page.keyboard.press(key)


def active(page) -> dict:  # noqa: ANN001
    """Return facts about the focused element: tag, text, value, aria-pressed, outline and the kit it lies in."""
    return page.evaluate(
        """() => { const e = document.activeElement; const s = getComputedStyle(e);
        return {tag: e.tagName, text: (e.innerText || '').trim(), value: e.value, pressed: e.getAttribute('aria-pressed'),
                inKit: !!e.closest('.medialit-kit'), outlineWidth: s.outlineWidth, outlineStyle: s.outlineStyle,
                outlineColor: s.outlineColor, weight: s.fontWeight, decoration: s.textDecorationLine}; }"""
    )


def tab_to(page, text: str, limit: int = 80) -> None:  # noqa: ANN001
    """Press Tab until the focused control's text is ``text`` (fail after ``limit`` presses)."""
    for _ in range(limit):
        if active(page)["text"] == text:
            return
        page.keyboard.press("Tab")
    pytest.fail(f"Tab never reached {text!r}; focus is on {active(page)}")


def contrast(colour: str, background: tuple[int, int, int] = (255, 255, 255)) -> float:
    """Return the WCAG contrast ratio of a CSS ``rgb(...)``/``rgba(...)`` colour against ``background``."""
    numbers = [float(part) for part in colour[colour.index("(") + 1 : -1].replace("/", ",").split(",") if part.strip()]

    def luminance(rgb: tuple[float, ...]) -> float:
        channels = [value / 255 for value in rgb[:3]]
        linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    lighter, darker = sorted((luminance(tuple(numbers)), luminance(background)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def assert_visible_focus(page) -> None:  # noqa: ANN001
    """The focused kit control has an outline of at least 2px with at least 3:1 contrast against white."""
    facts = active(page)
    assert facts["inKit"], facts
    assert facts["outlineStyle"] != "none" and float(facts["outlineWidth"].removesuffix("px")) >= 2, facts
    assert contrast(facts["outlineColor"]) >= 3, facts


def expected_feedback(lesson_field: str, sentence_id: str, label: str) -> str:
    """Return the first words of the feedback the kit's scoring gives ``label`` (the mark and its words)."""
    from medialit.exercises import scoring
    from medialit.keys.key import load_article_key

    key = load_article_key(REPO / "seeds" / "lavrov-pompeo-sochi-2019.txt")
    return scoring.score_item(key, lesson_field, sentence_id, label).feedback.split(":")[0]


def exercise_file(workspace: Path, exercise_id: str) -> dict:
    path = workspace / "notebooks" / ".medialit" / f"{exercise_id}.answers.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def cell_kinds(page) -> list[str]:  # noqa: ANN001
    return page.evaluate(
        "() => [...document.querySelectorAll('.jp-Notebook .jp-Cell')].map(c => "
        "c.classList.contains('jp-CodeCell') ? 'code' : c.classList.contains('jp-MarkdownCell') ? 'markdown' : 'raw')"
    )


def test_does_lesson_06_work_by_keyboard_alone_without_changing_the_notebook(page, lab: str, workspace: Path) -> None:  # noqa: ANN001
    notebook = workspace / "notebooks" / LESSON
    run_all(page, lab)
    first = page.locator(".widget-dropdown", has_text="Category of P01.S1").locator("select")
    page.locator(".widget-dropdown select").nth(34).wait_for()
    page.locator(".medialit-guard").first.wait_for(state="attached")
    baseline = save_and_read(page, notebook)
    kinds = cell_kinds(page)

    first.focus()  # as Tab would: keyboard from here on
    # Keys that are notebook shortcuts in JupyterLab: m (Markdown), a/b (insert), r (Raw), 1 (heading), d d (delete),
    # Escape, arrows and Shift+arrows (move/select cells). In the exercise they only choose.
    press(page, "m", "a", "b", "1", "d", "d", "Escape", "Shift+ArrowDown", "Shift+ArrowUp")
    time.sleep(1.2)  # a select's type-ahead joins letters typed within a second; let "m", "a"... expire first
    press(page, "r")  # first letter: reporting
    assert active(page)["value"] == "reporting"
    assert_visible_focus(page)
    press(page, "ArrowUp", "ArrowDown")  # expert opinion, then back to reporting
    press(page, "Tab", "ArrowDown", "ArrowDown", "ArrowDown", "ArrowDown")  # P02.S1: the 4th choice, reporting
    press(page, "Tab", "o")  # P02.S2: official statement
    assert active(page)["value"] == "official statement"
    expected = {"P01.S1": "reporting", "P02.S1": "reporting", "P02.S2": "official statement"}
    wait_for(lambda: saved_answers(workspace) == expected, "the answers file", last=lambda: saved_answers(workspace))
    page.locator(".medialit-item", has_text="P02.S2 (paragraph").locator(".medialit-saved", has_text="✔ saved").wait_for()

    tab_to(page, "Check")
    assert_visible_focus(page)
    press(page, "Enter")
    for item, label in expected.items():
        words = expected_feedback("category", item, label)
        page.locator(".medialit-item", has_text=f"{item} (paragraph").locator(".widget-html", has_text=words).wait_for()
    page.locator(".widget-html", has_text="Your score:").wait_for()

    page.locator(".widget-toggle-button", has_text="Unanswered").focus()
    press(page, "Space")
    page.locator(".widget-html", has_text="Showing 32 of 35 sentences.").wait_for()
    facts = active(page)
    assert facts["pressed"] == "true" and int(facts["weight"]) >= 700 and "underline" in facts["decoration"], facts
    assert_visible_focus(page)

    widths = page.evaluate(
        "() => [...document.querySelectorAll('.medialit-kit')].map(k => { const o = k.closest('.jp-OutputArea-output');"
        " return o.scrollWidth - o.clientWidth; })"
    )
    assert widths and max(widths) <= 0, widths  # no horizontal scrollbar (the reflection box used to be too wide)
    assert cell_kinds(page) == kinds  # no cell became Raw or Markdown, none was inserted or deleted
    assert save_and_read(page, notebook) == baseline  # the notebook on disk is byte for byte what it was


def test_do_lessons_02_08_and_00_work_by_keyboard_alone(page, lab: str, workspace: Path) -> None:  # noqa: ANN001
    from medialit.keys.key import load_article_key
    from medialit.exercises.registry import exercise

    key = load_article_key(workspace / "seeds" / "lavrov-pompeo-sochi-2019.txt")

    # Lesson 02: the speaker of each sentence, from a drop-down list.
    lesson = "02_who_is_speaking"
    notebook = workspace / "notebooks" / f"{lesson}.ipynb"
    items = exercise(lesson).items_for(key)
    run_all(page, lesson_url(lab, f"{lesson}.ipynb"))
    control = page.locator(".widget-dropdown", has_text=f"Speaker of {items[0]}").locator("select")
    control.wait_for()
    baseline = save_and_read(page, notebook)
    control.focus()
    press(page, "a", "b", "Escape")  # insert-cell shortcuts in JupyterLab; nothing here
    time.sleep(1.2)  # let the select's type-ahead forget "ab"
    press(page, "m")  # the first choice starting with M, "Mike Pompeo" (in JupyterLab: make a Markdown cell)
    press(page, "ArrowDown", "ArrowUp")
    assert active(page)["value"] == "Mike Pompeo"
    speaker_id = exercise(lesson).answers_file_id("lavrov-pompeo-sochi-2019")
    wait_for(lambda: exercise_file(workspace, speaker_id).get("answers", {}).get(items[0], {}).get("label") == "Mike Pompeo", "lesson 02's answers file")
    tab_to(page, "Check")
    press(page, "Space")
    words = expected_feedback("speaker", items[0], "Mike Pompeo")
    page.locator(".medialit-item", has_text=f"{items[0]} (paragraph").locator(".widget-html", has_text=words).wait_for()
    assert save_and_read(page, notebook) == baseline

    # Lesson 09: several techniques in one list (arrows, Shift+arrows, Ctrl+arrows and Ctrl+Space).
    lesson = "09_persuasion_techniques"
    notebook = workspace / "notebooks" / f"{lesson}.ipynb"
    items = exercise(lesson).items_for(key)
    run_all(page, lesson_url(lab, f"{lesson}.ipynb"))
    control = page.locator(".widget-select-multiple", has_text=f"Techniques of {items[0]}").locator("select")
    control.wait_for()
    baseline = save_and_read(page, notebook)
    control.focus()
    press(page, "ArrowDown", "ArrowDown")  # the 2nd choice alone: loaded language
    press(page, "Shift+ArrowDown")  # and the 3rd: name calling/labeling
    press(page, "Control+ArrowDown", "Control+ArrowDown", "Control+Space")  # and the 5th: exaggeration/minimisation
    chosen = "exaggeration/minimisation;loaded language;name calling/labeling"
    techniques_id = exercise(lesson).answers_file_id("lavrov-pompeo-sochi-2019")
    wait_for(lambda: exercise_file(workspace, techniques_id).get("answers", {}).get(items[0], {}).get("label") == chosen, "lesson 09's answers file")
    tab_to(page, "Check")
    press(page, "Enter")
    words = expected_feedback("techniques", items[0], chosen)
    page.locator(".medialit-item", has_text=f"{items[0]} (paragraph").locator(".widget-html", has_text=words).wait_for()
    assert save_and_read(page, notebook) == baseline

    # Lesson 00: the practice widget (toggle buttons; nothing is saved to a file).
    lesson = "00_start_here"
    notebook = workspace / "notebooks" / f"{lesson}.ipynb"
    run_all(page, lesson_url(lab, f"{lesson}.ipynb"))
    practice = page.locator(".medialit-kit", has_text="Which word tells you how he says it")
    practice.locator(".widget-toggle-button", has_text="Lavrov").wait_for()
    baseline = save_and_read(page, notebook)
    practice.locator(".widget-toggle-button", has_text="Lavrov").focus()
    press(page, "m", "a", "Escape")
    press(page, "Space")  # Lavrov
    wait_for(lambda: active(page)["pressed"] == "true", "Lavrov to be pressed", last=lambda: active(page))
    tab_to(page, "Check")
    press(page, "Enter")
    practice.locator(".widget-html", has_text="✘ Not quite").wait_for()
    assert "*how*" not in practice.inner_text()
    practice.locator(".widget-toggle-button", has_text="Lavrov").focus()
    press(page, "ArrowRight")  # arrows move along the answers and choose: "stressed"
    wait_for(lambda: active(page)["text"] == "stressed" and active(page)["pressed"] == "true", "stressed by arrow", last=lambda: active(page))
    tab_to(page, "Check")
    press(page, "Space")
    practice.locator(".widget-html", has_text="✔ Right").wait_for()
    assert save_and_read(page, notebook) == baseline


def read_download(download, tmp_path: Path) -> dict:  # noqa: ANN001 - a Playwright download
    """Save a Playwright download and return it read by ``medialit.exercises.submission.read_submission``."""
    from medialit.exercises.submission import read_submission

    target = tmp_path / download.suggested_filename
    download.save_as(target)
    assert target.name.endswith(".submission.json")
    return read_submission(target)


def test_do_two_tabs_converge_and_submit_the_merged_answers(page, lab: str, workspace: Path, tmp_path: Path) -> None:  # noqa: ANN001
    tab_a = page
    run_all(tab_a, lab)
    tab_a.locator(".widget-dropdown select").nth(34).wait_for()
    tab_b = page.context.new_page()
    run_all(tab_b, lab)  # the same notebook, the same kernel: a second exercise object with the same answers file
    tab_b.locator(".widget-dropdown select").nth(34).wait_for()

    choose(tab_a, "P01.S1", "reporting")
    choose(tab_b, "P02.S1", "expert opinion")
    tab_b.locator(".widget-html", has_text="changed in another tab or view").wait_for()  # B was told about A's answer
    wait_for(lambda: selected(tab_b, "P01.S1") == "reporting", "tab B to show tab A's answer")
    wait_for(lambda: selected(tab_a, "P02.S1") == "expert opinion", "tab A to show tab B's answer")
    merged = {"P01.S1": "reporting", "P02.S1": "expert opinion"}
    wait_for(lambda: saved_answers(workspace) == merged, "the answers file")

    for tab in (tab_a, tab_b):
        tab.locator(".widget-text input").fill("Ada Keys")
        tab.locator("button.widget-button", has_text="Submit").click()
        with tab.expect_download() as download:
            tab.locator("a.medialit-download").click()
        submission = read_download(download.value, tmp_path)
        assert submission["answers"] == merged
        assert submission["first_answers"] == merged
        tab.locator("button.widget-button", has_text="Check").click()
        # Check scores the merged answers too: its score line ("2 of 35 answered · N right"), not the progress line,
        # which says "2 of 35 answered" already and made this wait pass (or, when both showed, fail) by timing alone.
        tab.locator(".widget-html", has_text="2 of 35 answered · ").wait_for()

    # A kernel restart from tab B: tab A's view can no longer save, and says so; no mark looks saved there.
    tab_b.locator(".lm-MenuBar-item", has_text="Kernel").click()
    tab_b.locator('.lm-Menu-item[data-command="kernelmenu:restart"]').click()
    tab_b.locator(".jp-Dialog button.jp-mod-accept").click()
    tab_a.locator(".medialit-guard", has_text="Disconnected from the kernel").first.wait_for(timeout=40_000)
    assert tab_a.locator(".medialit-saved", has_text="✔ saved").filter(visible=True).count() == 0
    tab_b.close()


def test_does_voila_hand_in_the_submission_through_the_page(page, voila: str, workspace: Path, tmp_path: Path) -> None:  # noqa: ANN001
    page.goto(voila)
    page.locator(".widget-dropdown select").nth(34).wait_for()
    first = page.locator(".widget-dropdown", has_text="Category of P01.S1").locator("select")
    first.focus()
    page.locator(".medialit-kit .medialit-guard").first.wait_for(state="attached")  # the guard's script loads in Voila
    press(page, "r", "Tab", "o")  # the same keys work in Voila
    wait_for(lambda: saved_answers(workspace) == {"P01.S1": "reporting", "P02.S1": "official statement"}, "the answers file")
    page.locator(".widget-text input").fill("Ada Keys")
    page.locator("button.widget-button", has_text="Submit").click()
    with page.expect_download() as download:
        page.locator("a.medialit-download").click()
    submission = read_download(download.value, tmp_path)
    assert submission["answers"] == {"P01.S1": "reporting", "P02.S1": "official statement"}
    assert submission["student"] == "Ada Keys"
    written = sorted((workspace / "notebooks").glob("*.submission.json"))  # still written where the README says
    assert [path.name for path in written] == [download.value.suggested_filename]
    assert "next cell" not in page.locator(".medialit-kit").first.inner_text().lower()
    page.locator(".medialit-item", has_text="P02.S1 (paragraph").locator(".medialit-saved", has_text="✔ saved").wait_for()
    page.locator("a.medialit-download").focus()
    assert_visible_focus(page)  # the download link shows focus like every kit control


def kernels_of(process: subprocess.Popen) -> list[int]:
    """Return the process ids of the kernels (ipykernel) that ``process`` started."""
    listing = subprocess.run(["ps", "-o", "pid=,args=", "--ppid", str(process.pid)], capture_output=True, text=True).stdout
    return [int(line.split()[0]) for line in listing.splitlines() if "ipykernel" in line]


def test_does_voila_cull_the_kernel_of_a_closed_page_but_not_of_an_open_one(page, workspace: Path, tmp_path: Path) -> None:  # noqa: ANN001
    # The repository's voila.json (read from the folder voila runs in), with its times shortened for the test (the
    # idle time stays above a slow page's load: a kernel whose page has not connected yet counts as idle).
    shutil.copy(REPO / "voila.json", workspace / "voila.json")
    port = free_port()
    command = [
        str(Path(sys.executable).with_name("voila")), f"notebooks/{LESSON}", "--no-browser", f"--port={port}",
        "--Voila.ip=127.0.0.1", "--MappingKernelManager.cull_idle_timeout=10", "--MappingKernelManager.cull_interval=1",
    ]
    process = start_server(command, workspace, server_environment(tmp_path), f"http://127.0.0.1:{port}/api/status", tmp_path / "voila.log")
    try:
        page.goto(f"http://127.0.0.1:{port}/")
        page.locator(".widget-dropdown select").nth(34).wait_for()
        assert len(kernels_of(process)) == 1
        time.sleep(12)  # longer than the idle timeout: an open page keeps its kernel (it is connected)
        assert len(kernels_of(process)) == 1
        choose(page, "P01.S1", "reporting")
        wait_for(lambda: saved_answers(workspace) == {"P01.S1": "reporting"}, "the answers file")
        page.close()
        wait_for(lambda: not kernels_of(process), "the closed page's kernel to be culled", timeout=40)
        assert "cull" in (tmp_path / "voila.log").read_text(errors="replace").lower()
    finally:
        stop_server(process)


def test_does_a_missing_browser_skip_with_the_reason_or_fail_in_ci(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(sys.modules[__name__], "CHROMIUM", tmp_path / "no-chromium")
    monkeypatch.delenv("MEDIALIT_REQUIRE_BROWSER", raising=False)
    with pytest.raises(pytest.skip.Exception, match="no-chromium not found"):
        require_browser()
    monkeypatch.setenv("MEDIALIT_REQUIRE_BROWSER", "1")
    with pytest.raises(pytest.fail.Exception, match="browser tests required"):
        require_browser()
