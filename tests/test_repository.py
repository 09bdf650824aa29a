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
    assert ".venv/bin/jupyter lab --config=jupyter_lab_config.py" in open_command
    assert "--LabApp.default_url=/lab/tree/notebooks/00_start_here.ipynb" in open_command
    assert "--allow-root" not in open_command, "root is allowed by jupyter_lab_config.py, for everyone the same command"
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
        # a letter after the number (05) marks a lesson placed between two others until the sequence is renumbered
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


def test_do_the_repositorys_texts_name_no_machine_path() -> None:
    """READMEs, guides and data notes are read on other machines: a path of this one (``/work/...``) means nothing there."""
    result = subprocess.run(["git", "ls-files", "*.md", "*.txt", "*.csv", "*.json", "*.toml", "*.cfg"], cwd=REPO,
                            capture_output=True, text=True)
    if result.returncode != 0:
        pytest.skip("not a git checkout: " + result.stderr.strip())
    texts = [REPO / name for name in result.stdout.splitlines() if (REPO / name).is_file()]  # not the broken-link fixture
    assert len(texts) > 100, f"git ls-files listed only {len(texts)} texts"
    leaks = [f"{path.relative_to(REPO)}: {found[0]}" for path in texts
             if (found := MACHINE_PATH.search(path.read_text(encoding="utf-8", errors="replace")))]
    assert not leaks, f"machine paths in the repository: {leaks}"


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


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def _run_open_command(kit: Path, home: Path, prefix: list[str], wait: float) -> tuple[str, str, dict]:
    """Run the README's open command exactly as typed (``bash -c``) in ``kit``; return redirect, listing, settings.

    Nothing is added to the command: the port and token come from Jupyter's own environment variables
    (``JUPYTER_PORT``, ``JUPYTER_TOKEN``), as in a terminal, and ``BROWSER=true`` stands in for the browser it opens.
    The server's whole process group (started here) is stopped at the end.
    """
    import signal

    port, token = _free_port(), "readme-test"
    environment = {
        **{name: value for name, value in os.environ.items() if not name.startswith(("JUPYTER", "MEDIALIT_", "VIRTUAL_ENV"))},
        "HOME": str(home), "JUPYTER_PORT": str(port), "JUPYTER_TOKEN": token, "BROWSER": "true",
        "PATH": os.pathsep.join(part for part in os.environ.get("PATH", "").split(os.pathsep) if ".venv" not in part),
    }
    log = home / "open-command.log"
    with log.open("wb") as output:
        server = subprocess.Popen([*prefix, "bash", "-c", readme_command("open")], cwd=kit, env=environment,
                                  stdout=output, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        location = ""
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline and server.poll() is None:
            time.sleep(0.5)
            try:
                urllib.request.build_opener(_NoRedirect).open(f"http://127.0.0.1:{port}/?token={token}", timeout=5)
            except urllib.error.HTTPError as redirect:
                location = redirect.headers.get("Location", "")
                break
            except OSError:
                continue
        assert location, f"the command stopped or never served (exit {server.poll()}): {log.read_text()[-1500:]}"
        base = f"http://127.0.0.1:{port}"
        listing = urllib.request.urlopen(f"{base}/api/contents/notebooks?token={token}", timeout=10).read().decode()
        settings_url = f"{base}/lab/api/settings/@jupyterlab/apputils-extension:notification?token={token}"
        settings = json.loads(urllib.request.urlopen(settings_url, timeout=10).read().decode())
        return location, listing, settings
    finally:
        if server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=60)


def _check_open_command(location: str, listing: str, settings: dict) -> None:
    assert location.startswith("/lab/tree/notebooks/00_start_here.ipynb"), location
    assert "00_start_here.ipynb" in listing
    news = settings["schema"]["properties"]["fetchNews"]
    assert news.get("default") == "false", "the 'Jupyter news?' pop-up must be off (jupyter-config/overrides.json)"


def test_does_the_open_command_typed_literally_start_jupyterlab_at_start_here(tmp_path: Path) -> None:
    """As the user running the tests: root in CI (a container), where Jupyter refuses root without being told."""
    who = "root" if os.geteuid() == 0 else "a normal user"
    location, listing, settings = _run_open_command(REPO, tmp_path, [], wait=300)
    _check_open_command(location, listing, settings)
    assert who  # the same command for both, nothing added


@pytest.mark.slow
def test_does_the_open_command_typed_literally_work_for_a_normal_user_too(tmp_path: Path) -> None:
    """As ``nobody`` in a fresh copy of the kit: the whole command, a new .venv and its install included."""
    if os.geteuid() != 0:
        pytest.skip("needs root to run the command as another (normal) user; the test above ran it as this user")
    if os.environ.get("MEDIALIT_README_AS_USER") != "1":
        pytest.skip("a fresh install as another user takes about 2 minutes: CI sets MEDIALIT_README_AS_USER=1 (.ci/run)")
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("setpriv (util-linux) is not installed, so the command cannot be run as another user")
    files = subprocess.run(["git", "ls-files", "-co", "--exclude-standard"], cwd=REPO, capture_output=True, text=True)
    if files.returncode != 0:
        pytest.skip("not a git checkout: " + files.stderr.strip())
    import tempfile

    shared = Path(tempfile.mkdtemp(prefix="medialit-readme-user-"))  # pytest's tmp_path is private to root
    shared.chmod(0o755)
    try:
        _open_as_nobody(shared, files.stdout.splitlines(), setpriv)
    finally:
        shutil.rmtree(shared, ignore_errors=True)


def _open_as_nobody(shared: Path, names: list[str], setpriv: str) -> None:
    kit, home = shared / "kit", shared / "home"
    for name in names:
        if (REPO / name).is_file():
            (kit / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, kit / name)
    home.mkdir()
    subprocess.run(["chown", "-R", "nobody:nogroup", str(kit), str(home)], check=True)
    prefix = [setpriv, "--reuid=nobody", "--regid=nogroup", "--clear-groups"]
    location, listing, settings = _run_open_command(kit, home, prefix, wait=900)
    _check_open_command(location, listing, settings)
    assert (kit / ".venv" / "bin" / "jupyter").stat().st_uid != 0, "the user's own .venv, made by the command"


README_CHECKS = {
    ".venv/bin/python -m medialit sentences seeds/lavrov-pompeo-sochi-2019.txt": "P01.S1",
    ".venv/bin/python -m medialit --help": "sentences",
    ".venv/bin/python -m medialit build-exercises --check": "up to date",
}


def _readme_commands() -> list[str]:
    """Return every shell command the README gives after its two marked ones (code blocks and inline code)."""
    text = (REPO / "README.md").read_text(encoding="utf-8").split("## The lessons", 1)[1]
    commands = []
    for block in re.findall(r"```bash\n(.*?)```", text, flags=re.DOTALL):
        commands += [line.split("#")[0].strip() for line in block.splitlines() if line.strip()]
    commands += re.findall(r"`((?:\.venv/bin/|python3? |jupyter |voila )[^`]*)`", text)
    return [command for command in commands if command]


def test_does_every_later_readme_command_use_the_kits_environment() -> None:
    commands = _readme_commands()
    assert len(commands) >= 10
    plain = [command for command in commands if re.match(r"(python3?|jupyter|voila|pip) ", command)]
    hub = [command for command in plain if "medialit grade FOLDER" in command]  # the hub's own environment, said so
    assert plain == hub, f"say .venv/bin/...: {plain}"
    assert set(README_CHECKS) <= set(commands), "the commands run below are the README's own"


@pytest.mark.parametrize("command", README_CHECKS, ids=lambda command: command.split("medialit ")[1].split()[0])
def test_does_a_readme_command_work_as_written_from_the_kits_folder(command: str) -> None:
    venv_python = REPO / ".venv" / "bin" / "python"
    if not venv_python.exists():
        pytest.skip("no .venv in the kit's folder: the README's commands assume it (the test command makes it)")
    result = subprocess.run(["bash", "-c", command], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-1500:]
    assert README_CHECKS[command] in result.stdout + result.stderr


def readme_layout_tree() -> list[str]:
    """Return the lines of the package tree in the README's "Layout" section (the code block after its marker)."""
    section = (REPO / "README.md").read_text(encoding="utf-8").split("## Layout", 1)[1].split("\n## ", 1)[0]
    block = section.split("<!-- layout:tree", 1)[1].split("```text\n", 1)[1].split("```", 1)[0]
    return block.splitlines()


def test_does_the_readme_layout_tree_list_exactly_the_subpackages_there_are() -> None:
    lines = readme_layout_tree()
    listed = [match.group(1) for line in lines if (match := re.match(r"^[├└]── (\w+)/ ", line))]
    existing = sorted(path.parent.name for path in (REPO / "medialit").glob("*/__init__.py"))
    assert sorted(listed) == existing, "update the tree in the README's Layout section"
    assert len(listed) == len(set(listed)), "each subpackage has one line"
    # Top to bottom is the layers' order, highest first, as tests/test_structure.py defines them.
    from tests.test_structure import LAYERS

    assert listed == list(reversed(LAYERS))


def test_does_the_readme_layout_tree_name_only_base_modules_that_exist() -> None:
    base = next(line for line in readme_layout_tree() if "(base)" in line)
    named = re.findall(r"\b(\w+)\b", base.split("(base)", 1)[1].split(":", 1)[0])
    assert named and all((REPO / "medialit" / f"{name}.py").is_file() for name in named), named
