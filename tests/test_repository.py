"""Is the repository what a newcomer, CI and Binder expect: two true commands, pinned installs, clean notebooks?"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import REPO
from tools.readme_command import readme_command
from tools.update_lesson_index import lessons, update

NOTEBOOK_FOLDERS = ["notebooks", "solutions", "exercises", "teacher"]
MACHINE_PATH = re.compile(r"(/work/|/tmp/|/root/|/home/\w+/|[A-Z]:\\\\Users|token=[0-9a-f]{16,})")


def all_notebooks() -> list[Path]:
    """Return every notebook the repository ships."""
    return sorted(path for folder in NOTEBOOK_FOLDERS for path in (REPO / folder).glob("*.ipynb"))


def test_does_the_readme_give_both_commands() -> None:
    open_command = readme_command("open")
    test_command = readme_command("test")
    assert "requirements.txt" in open_command
    assert "jupyter lab --LabApp.default_url=/lab/tree/notebooks/00_start_here.ipynb" in open_command
    assert "requirements-dev.txt" in test_command and "tools/run_tests.py" in test_command
    assert "python3 -m venv .venv" in test_command


def test_does_ci_run_exactly_the_readme_test_command() -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert 'test_command="$(python3 tools/readme_command.py test)"' in ci
    assert 'bash -c "$test_command"' in ci
    assert "MEDIALIT_REQUIRE_BROWSER=1" in ci


def test_is_every_learner_requirement_pinned() -> None:
    lines = [
        line.strip()
        for line in (REPO / "requirements.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert "-e ." in lines
    pins = dict(line.split("==") for line in lines if line != "-e .")
    assert len(pins) == len(lines) - 1, "every requirement except the kit itself is pinned with =="
    for test_tool in ("pytest", "nbval", "playwright", "jupyter-repo2docker"):
        assert test_tool not in pins, f"{test_tool} is a test tool: it belongs in requirements-dev.txt"
    # ipywidgets 8.1 pairs with jupyterlab_widgets 3.0; a mismatch breaks widgets on Binder.
    assert pins["ipywidgets"].startswith("8.1.") and pins["jupyterlab_widgets"].startswith("3.0.")


def test_does_binder_get_python_311_or_newer() -> None:
    runtime = (REPO / "runtime.txt").read_text(encoding="utf-8").strip()
    major, minor = map(int, runtime.removeprefix("python-").split(".")[:2])
    assert (major, minor) >= (3, 11)


def test_does_repo2docker_accept_the_repository() -> None:
    repo2docker = shutil.which("repo2docker") or str(Path(sys.executable).parent / "repo2docker")
    result = subprocess.run([repo2docker, "--no-build", "--debug", str(REPO)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
    output = result.stdout + result.stderr
    assert "python=3.11" in output
    assert 'pip install --no-cache-dir -r "requirements.txt"' in output


def test_does_the_binder_badge_open_start_here() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert "urlpath=lab/tree/notebooks/00_start_here.ipynb" in readme


def test_is_the_lesson_list_up_to_date() -> None:
    assert update(check=True) == [], "run: python tools/update_lesson_index.py"


def test_is_every_lesson_numbered_and_listed_in_start_here() -> None:
    start = (REPO / "notebooks" / "00_start_here.ipynb").read_text(encoding="utf-8")
    found = lessons()
    assert found[0].path.name == "00_start_here.ipynb"
    for lesson in found[1:]:
        # a letter after the number (04b) marks a lesson placed between two others until the sequence is renumbered
        assert re.fullmatch(r"\d\d[a-z]?_[a-z0-9_]+\.ipynb", lesson.path.name)
        assert f"]({lesson.path.name})" in start, lesson.path.name
        assert lesson.summary and lesson.minutes, f"{lesson.path.name}: set metadata medialit.summary and .minutes"


@pytest.mark.parametrize("path", [p for p in all_notebooks() if p.parent.name == "notebooks"], ids=lambda p: p.name)
def test_does_every_lesson_have_objectives_takeaways_sources_and_a_link_on(path: Path) -> None:
    notebook = json.loads(path.read_text(encoding="utf-8"))
    markdown = "\n".join("".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "markdown")
    if path.name != "00_start_here.ipynb":
        assert "In this lesson you will" in markdown
        assert "## Key takeaways" in markdown
    assert "Sources" in markdown
    assert "lesson-nav" in notebook["cells"][-1]["metadata"].get("tags", [])


@pytest.mark.parametrize("path", all_notebooks(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_is_every_notebook_clean(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    notebook = json.loads(text)
    assert not MACHINE_PATH.search(text), f"machine path or token in {path.name}: {MACHINE_PATH.search(text)[0]}"
    assert "widgets" not in notebook["metadata"], "stored widget state: execute with store_widget_state=False"
    ids = [cell.get("id") for cell in notebook["cells"]]
    assert all(ids) and len(set(ids)) == len(ids), "every cell needs a unique id"
    for cell in notebook["cells"]:
        if cell["cell_type"] != "code":
            continue
        tags = cell["metadata"].get("tags", [])
        for output in cell.get("outputs", []):
            assert output["output_type"] != "error" or "raises-exception" in tags, f"error output in {cell['id']}"
        if path.parent.name != "exercises" and "".join(cell["source"]).strip():
            assert cell["execution_count"] is not None, f"{cell['id']} was not executed"


def test_are_nbval_exceptions_rare_and_explained() -> None:
    tagged = []
    for path in all_notebooks():
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            tags = set(cell["metadata"].get("tags", []))
            if tags & {"nbval-ignore-output", "nbval-skip"}:
                tagged.append(path.name)
                assert "".join(cell["source"]).lstrip().startswith("#"), f"{path.name}: say why in a comment"
    assert len(tagged) <= 5, tagged


def test_are_no_build_leftovers_tracked() -> None:
    result = subprocess.run(["git", "ls-files"], cwd=REPO, capture_output=True, text=True)
    if result.returncode != 0:
        pytest.skip("not a git checkout: " + result.stderr.strip())
    tracked = result.stdout.splitlines()
    bundled_submissions = ("tests/data/", "teacher/example_submissions/")
    leftovers = [
        path for path in tracked
        if ".ipynb_checkpoints" in path or "__pycache__" in path or path.endswith(".pyc") or " " in path
        or "/.medialit/" in f"/{path}" or path.startswith(("build/", "dist/", "benchmarks/results/"))
        or path.endswith(".submission.json") and not path.startswith(bundled_submissions)
    ]
    assert leftovers == []


def test_does_the_open_command_start_jupyterlab_at_start_here(tmp_path: Path) -> None:
    """Run the ``jupyter lab ...`` part of the README's open command and follow the first redirect."""
    lab_arguments = readme_command("open").split("jupyter lab", 1)[1].split()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    environment = {**os.environ, "HOME": str(tmp_path), "JUPYTER_CONFIG_DIR": str(tmp_path / "config"),
                   "JUPYTER_DATA_DIR": str(tmp_path / "data"), "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime")}
    command = [sys.executable, "-m", "jupyterlab", *lab_arguments, "--no-browser", f"--port={port}",
               "--ip=127.0.0.1", "--ServerApp.token=readme-test", "--allow-root"]
    server = subprocess.Popen(command, cwd=REPO, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args: object, **kwargs: object) -> None:
            return None

    try:
        location = ""
        for _ in range(120):
            time.sleep(0.5)
            try:
                urllib.request.build_opener(NoRedirect).open(f"http://127.0.0.1:{port}/?token=readme-test", timeout=5)
            except urllib.error.HTTPError as redirect:
                location = redirect.headers.get("Location", "")
                break
            except OSError:
                continue
        assert location.startswith("/lab/tree/notebooks/00_start_here.ipynb"), location
        listing = urllib.request.urlopen(f"http://127.0.0.1:{port}/api/contents/notebooks?token=readme-test", timeout=5)
        assert "00_start_here.ipynb" in listing.read().decode("utf-8")
    finally:
        server.terminate()
        server.wait(timeout=30)
