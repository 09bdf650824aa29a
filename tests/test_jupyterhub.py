"""A real JupyterHub: two learners and a teacher, a release pulled with nbgitpuller, lesson 07 answered and graded.

The test starts JupyterHub (from PyPI) with configurable-http-proxy (from npm), the
``SimpleLocalProcessSpawner`` and the ``DummyAuthenticator``, everything on 127.0.0.1
and free ports, and stops every process it started even when it fails. The single-user
servers run in a fresh virtual environment where the kit is installed from a wheel (a
regular install, not the repository's editable one). Each learner logs in, follows the
nbgitpuller link of a practice release kept in a local git repository, runs lesson 07
through the server's kernel API, answers and presses Submit; the submissions land in a
shared hand-in folder (``MEDIALIT_SUBMISSIONS_DIR``, one subfolder per hub user). The
teacher runs ``python -m medialit grade`` in their own server and the test checks both
learners' grades.

Needs: ``jupyterhub`` and ``nbgitpuller`` (requirements-dev.txt), ``configurable-http-proxy``
(on PATH, in ``$MEDIALIT_CHP``, or ``.ci/hub/node_modules/.bin``, where ``.ci/run``
installs it), node and git. Missing pieces skip the test with the reason, or fail it
when ``MEDIALIT_REQUIRE_HUB=1`` (set by ``.ci/run``).
"""

from __future__ import annotations

import asyncio
import csv
import importlib.util
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import sysconfig
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode

import pytest

from medialit.keys.key import load_key
from medialit.teacher.release import make_release
from medialit.exercises.scoring import score_answers
from tests.conftest import REPO
from tests.kitenv import install_kit, isolated_python

LEARNERS = ("ana", "ben")
TEACHER = "teacher"
PASSWORD = "medialit-class"
LESSON = "notebooks/07_classify_the_article.ipynb"
ARTICLE = "lavrov-pompeo-sochi-2019"
RELEASE_NAME = "medialit-students"
CHP_FOLDER = REPO / ".ci" / "hub" / "node_modules" / ".bin"
START_TIMEOUT = 180
PROXY_PID = "proxy.pid"


def _missing() -> list[str]:
    """Return what the hub test needs and cannot find (empty when everything is there)."""
    missing = [name for name in ("jupyterhub", "nbgitpuller", "requests", "psutil") if importlib.util.find_spec(name) is None]
    if _proxy_command() is None:
        missing.append("configurable-http-proxy (npm install configurable-http-proxy; see .ci/run)")
    for program in ("node", "git"):
        if shutil.which(program) is None:
            missing.append(program)
    if sys.platform == "win32":
        missing.append("a POSIX system (JupyterHub's local spawners)")
    return missing


def _proxy_command() -> str | None:
    configured = os.environ.get("MEDIALIT_CHP", "").strip()
    if configured:
        return configured if Path(configured).is_file() else None
    found = shutil.which("configurable-http-proxy")
    if found:
        return found
    local = CHP_FOLDER / "configurable-http-proxy"
    return str(local) if local.is_file() else None


@pytest.fixture(scope="module", autouse=True)
def _hub_requirements() -> None:
    missing = _missing()
    if missing:
        reason = "JupyterHub test needs: " + ", ".join(missing)
        if os.environ.get("MEDIALIT_REQUIRE_HUB") == "1":
            pytest.fail(reason + " (MEDIALIT_REQUIRE_HUB=1: required here)")
        pytest.skip(reason)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Hub:
    """A running hub: its public URL, the API token of the test's service, and its folders."""

    url: str
    token: str
    root: Path
    homes: Path
    handin: Path
    process: subprocess.Popen[bytes]
    log: Path

    def api(self, method: str, path: str, **kwargs: Any) -> Any:
        import requests

        response = requests.request(
            method, f"{self.url}/hub/api{path}", headers={"Authorization": f"token {self.token}"}, timeout=60, **kwargs
        )
        assert response.status_code < 400, f"{method} {path}: {response.status_code} {response.text[:500]}"
        return response.json() if response.text else None

    def user_url(self, user: str, path: str) -> str:
        return f"{self.url}/user/{user}/{path}"

    def log_tail(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")[-6000:] if self.log.exists() else ""


def _hub_config(root: Path, python: Path, port: int, token: str, homes: Path, handin: Path) -> str:
    """Return the text of a ``jupyterhub_config.py`` for the test hub."""
    environment_root = Path(sysconfig.get_paths()["data"])
    settings = {
        "port": port,
        "hub_port": free_port(),
        "proxy_api_port": free_port(),
        "proxy": _proxy_command(),
        "python": str(python),
        "homes": str(homes),
        "handin": str(handin),
        "token": token,
        "config_path": str(environment_root / "etc" / "jupyter"),
        "db": f"sqlite:///{root / 'jupyterhub.sqlite'}",
        "proxy_pid": str(root / PROXY_PID),
        "root_flag": ["--allow-root"] if hasattr(os, "geteuid") and os.geteuid() == 0 else [],
        "users": [*LEARNERS, TEACHER],
    }
    return f"""
import json
settings = json.loads({json.dumps(json.dumps(settings))})
c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = settings["port"]
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = settings["hub_port"]
c.JupyterHub.db_url = settings["db"]
c.JupyterHub.cookie_secret = bytes.fromhex({secrets.token_hex(32)!r})
c.JupyterHub.cleanup_servers = True
c.JupyterHub.cleanup_proxy = True
c.ConfigurableHTTPProxy.command = [settings["proxy"]]
c.ConfigurableHTTPProxy.api_url = "http://127.0.0.1:%d" % settings["proxy_api_port"]
c.ConfigurableHTTPProxy.pid_file = settings["proxy_pid"]
c.ConfigurableHTTPProxy.auth_token = {secrets.token_hex(16)!r}
c.JupyterHub.authenticator_class = "dummy"
c.DummyAuthenticator.password = {PASSWORD!r}
c.Authenticator.allowed_users = set(settings["users"])
c.Authenticator.admin_users = {{{TEACHER!r}}}
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = settings["homes"] + "/{{username}}"
c.Spawner.ip = "127.0.0.1"
c.Spawner.cmd = [settings["python"], "-m", "jupyterhub.singleuser"]
c.Spawner.args = settings["root_flag"]
c.Spawner.default_url = "/lab"
c.Spawner.start_timeout = 120
c.Spawner.http_timeout = 120
c.Spawner.environment = {{
    # The kit's shared hand-in folder, one subfolder per hub user: the folder settles who handed in.
    "MEDIALIT_SUBMISSIONS_DIR": lambda spawner: settings["handin"] + "/" + spawner.user.name,
    # The single-user servers read the test environment's Jupyter config (nbgitpuller enabled there).
    "JUPYTER_CONFIG_PATH": settings["config_path"],
}}
c.JupyterHub.services = [{{"name": "medialit-test", "api_token": settings["token"]}}]
c.JupyterHub.load_roles = [{{
    "name": "medialit-test",
    "scopes": ["admin:users", "admin:servers", "access:servers", "read:users"],
    "services": ["medialit-test"],
}}]
"""


def _stop_processes_under(marker: str, keep: int, proxy_pid: Path) -> None:
    """Stop every process whose command line mentions ``marker`` (the test's own temporary folder), by PID.

    Also the proxy, whose PID the hub wrote into ``proxy_pid`` (its command line does not name the folder).
    """
    import psutil

    mine = []
    if proxy_pid.is_file():
        try:
            proxy = psutil.Process(int(proxy_pid.read_text().strip()))
            if "configurable-http-proxy" in " ".join(proxy.cmdline()):
                mine.append(proxy)
        except (ValueError, psutil.NoSuchProcess, psutil.AccessDenied):
            pass
    for process in psutil.process_iter(["pid", "cmdline"]):
        try:
            if process.pid != keep and marker in " ".join(process.info["cmdline"] or []) and process not in mine:
                mine.append(process)
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
    for process in mine:
        try:
            process.terminate()
        except psutil.NoSuchProcess:
            continue
    _, alive = psutil.wait_procs(mine, timeout=10)
    for process in alive:
        try:
            process.kill()
        except psutil.NoSuchProcess:
            continue


def _wait_for(condition: Any, what: str, hub: Hub | None = None, timeout: float = START_TIMEOUT) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if hub is not None and hub.process.poll() is not None:
            raise AssertionError(f"the hub stopped while waiting for {what}:\n{hub.log_tail()}")
        value = condition()
        if value:
            return value
        time.sleep(0.3)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}:\n{hub.log_tail() if hub else ''}")


def _reachable(url: str) -> bool:
    import requests

    try:
        return requests.get(url, timeout=5).status_code == 200
    except requests.RequestException:
        return False


def _release_repository(folder: Path) -> Path:
    """Write a practice release into a git repository at ``folder`` (branch main, one commit); return it."""
    make_release(REPO, folder, "practice")
    git = ["git", "-C", str(folder), "-c", "user.name=Teacher", "-c", "user.email=teacher@example.org"]
    subprocess.run(["git", "init", "-q", "-b", "main", str(folder)], check=True)
    subprocess.run([*git, "add", "-A"], check=True)
    subprocess.run([*git, "commit", "-q", "-m", "Release for the class"], check=True)
    return folder


def _kit_source(folder: Path) -> Path:
    """Copy what builds the kit's wheel into ``folder`` (so no build files land in the repository); return it."""
    shutil.copytree(REPO / "medialit", folder / "medialit", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        if (REPO / name).is_file():
            shutil.copyfile(REPO / name, folder / name)
    return folder


@pytest.fixture(scope="module")
def timings() -> dict[str, float]:
    return {}


@pytest.fixture(scope="module")
def hub(tmp_path_factory: pytest.TempPathFactory, timings: dict[str, float]) -> Iterator[Hub]:
    started = time.monotonic()
    root = tmp_path_factory.mktemp("hub")
    marker = f"medialit-hub-{uuid.uuid4().hex[:12]}"
    root = root / marker
    root.mkdir()
    homes, handin = root / "home", root / "handin"
    homes.mkdir()
    handin.mkdir()
    python = isolated_python(root / "single-user-env")
    install_kit(python, _kit_source(root / "kit-source"), root / "wheels")
    timings["setup: kit wheel installed in a fresh venv"] = time.monotonic() - started
    token = secrets.token_hex(24)
    port = free_port()
    config = root / "jupyterhub_config.py"
    config.write_text(_hub_config(root, python, port, token, homes, handin), encoding="utf-8")
    environment = {name: value for name, value in os.environ.items() if not name.startswith(("MEDIALIT_", "JUPYTER"))}
    environment.pop("PYTHONPATH", None)
    environment["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), environment.get("PATH", "")])
    log = root / "jupyterhub.log"
    with log.open("wb") as output:
        process = subprocess.Popen(
            [sys.executable, "-m", "jupyterhub", "-f", str(config), *(["--debug"] if os.environ.get("MEDIALIT_HUB_DEBUG") else [])],
            cwd=root, stdout=output, stderr=subprocess.STDOUT, env=environment, start_new_session=True,
        )
    running = Hub(f"http://127.0.0.1:{port}", token, root, homes, handin, process, log)
    try:
        _wait_for(lambda: _reachable(f"{running.url}/hub/api/"), "the hub to answer", running)
        timings["setup: hub answering"] = time.monotonic() - started
        yield running
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)
        _stop_processes_under(marker, keep=os.getpid(), proxy_pid=root / PROXY_PID)


def _start_server(hub: Hub, user: str) -> None:
    hub.api("POST", f"/users/{user}/server")


def _server_ready(hub: Hub, user: str) -> bool:
    model = hub.api("GET", f"/users/{user}")
    server = (model.get("servers") or {}).get("", {})
    return bool(server.get("ready"))


def _login(hub: Hub, user: str) -> Any:
    """Return a ``requests`` session logged in to the hub as ``user`` (the DummyAuthenticator's form)."""
    import requests

    session = requests.Session()
    session.get(f"{hub.url}/hub/login", timeout=30).raise_for_status()
    response = session.post(
        f"{hub.url}/hub/login",
        data={"username": user, "password": PASSWORD, "_xsrf": session.cookies.get("_xsrf", "")},
        timeout=30,
    )
    assert response.status_code == 200 and "jupyterhub-session-id" in session.cookies, response.text[:500]
    return session


def _pull_link(hub: Hub, repository: Path) -> str:
    """Return the nbgitpuller link a teacher gives the class (the README's form, with a local repository)."""
    query = urlencode(
        {"repo": repository.as_uri(), "urlpath": f"lab/tree/{RELEASE_NAME}/{LESSON}", "branch": "main"}, quote_via=quote
    )
    return f"{hub.url}/hub/user-redirect/git-pull?{query}"


def _follow_pull_link(hub: Hub, session: Any, user: str, link: str) -> None:
    """Follow ``link`` as the logged-in ``user``'s browser would: the page, then the event stream it opens."""
    page = session.get(link, timeout=60)
    assert page.status_code == 200 and page.url.startswith(hub.user_url(user, "git-pull")), (page.status_code, page.url)
    api = page.url.replace("/git-pull?", "/git-pull/api?", 1)
    events = []
    with session.get(api, stream=True, timeout=120) as stream:
        for line in stream.iter_lines(decode_unicode=True):
            if line and line.startswith("data: "):
                events.append(json.loads(line[len("data: "):]))
                if events[-1].get("phase") in ("finished", "error"):
                    break
    assert events and events[-1]["phase"] == "finished", events[-3:]


async def _run_cells(hub: Hub, user: str, kernel_id: str, cells: list[str]) -> list[dict[str, Any]]:
    """Run ``cells`` one by one in the kernel over the server's websocket API; return every output message."""
    from tornado.httpclient import HTTPRequest
    from tornado.websocket import websocket_connect

    url = hub.user_url(user, f"api/kernels/{kernel_id}/channels").replace("http://", "ws://", 1)
    connection = await websocket_connect(HTTPRequest(url, headers={"Authorization": f"token {hub.token}"}))
    outputs: list[dict[str, Any]] = []
    session = uuid.uuid4().hex
    try:
        for code in cells:
            msg_id = uuid.uuid4().hex
            await connection.write_message(json.dumps({
                "header": {"msg_id": msg_id, "msg_type": "execute_request", "username": user, "session": session,
                           "version": "5.3", "date": ""},
                "parent_header": {}, "metadata": {}, "channel": "shell", "buffers": [],
                "content": {"code": code, "silent": False, "store_history": True, "user_expressions": {},
                            "allow_stdin": False, "stop_on_error": True},
            }))
            replied = idle = False
            while not (replied and idle):
                raw = await asyncio.wait_for(connection.read_message(), timeout=120)
                assert raw is not None, "the kernel's websocket closed"
                message = json.loads(raw)
                if message.get("parent_header", {}).get("msg_id") != msg_id:
                    continue
                kind = message["header"]["msg_type"]
                if kind == "execute_reply":
                    replied = True
                    assert message["content"]["status"] == "ok", (code, message["content"])
                elif kind == "status" and message["content"]["execution_state"] == "idle":
                    idle = True
                elif kind in ("stream", "display_data", "execute_result", "error"):
                    outputs.append(message)
                    assert kind != "error", (code, message["content"])
    finally:
        connection.close()
    return outputs


def _run_notebook(hub: Hub, user: str, path: str, extra: list[str]) -> str:
    """Start a kernel for ``path`` in ``user``'s server, run its code cells then ``extra``; return the text output."""
    import requests

    headers = {"Authorization": f"token {hub.token}"}
    contents = requests.get(hub.user_url(user, f"api/contents/{path}"), headers=headers, timeout=60)
    assert contents.status_code == 200, (path, contents.status_code, contents.text[:300])
    cells = ["".join(cell["source"]) for cell in contents.json()["content"]["cells"] if cell["cell_type"] == "code"]
    created = requests.post(
        hub.user_url(user, "api/sessions"),
        headers=headers, timeout=60,
        json={"path": path, "name": Path(path).name, "type": "notebook", "kernel": {"name": "python3"}},
    )
    assert created.status_code == 201, created.text[:500]
    kernel_id = created.json()["kernel"]["id"]
    try:
        outputs = asyncio.run(_run_cells(hub, user, kernel_id, [*cells, *extra]))
    finally:
        requests.delete(hub.user_url(user, f"api/sessions/{created.json()['id']}"), headers=headers, timeout=60)
    texts = []
    for message in outputs:
        content = message["content"]
        texts.append(content.get("text", "") + content.get("data", {}).get("text/plain", ""))
    return "\n".join(texts)


def _answers_for(user: str, key: Any) -> dict[str, str]:
    """Return the labels ``user`` picks: ana the key's own label everywhere, ben a wrong label from P10 on."""
    labels = {}
    for sentence_id in key.sentence_ids:
        right = key.value(sentence_id, "category")
        if user == "ben" and sentence_id >= "P10":
            labels[sentence_id] = "reporting" if right != "reporting" else "expert opinion"
        else:
            labels[sentence_id] = right
    return labels


@pytest.mark.slow
def test_does_a_real_hub_let_two_learners_pull_answer_submit_and_the_teacher_grade(
    hub: Hub, tmp_path_factory: pytest.TempPathFactory, timings: dict[str, float]
) -> None:
    started = time.monotonic()
    key = load_key(REPO / "seeds" / f"{ARTICLE}.key.csv")
    repository = _release_repository(hub.root / "repos" / RELEASE_NAME)
    link = _pull_link(hub, repository)
    for user in (*LEARNERS, TEACHER):
        _start_server(hub, user)
    for user in (*LEARNERS, TEACHER):
        _wait_for(lambda user=user: _server_ready(hub, user), f"{user}'s server", hub)
    timings["test: three servers ready"] = time.monotonic() - started

    for user in LEARNERS:
        _follow_pull_link(hub, _login(hub, user), user, link)
        assert (hub.homes / user / RELEASE_NAME / LESSON).is_file()
        answers = _answers_for(user, key)
        text = _run_notebook(
            hub, user, f"{RELEASE_NAME}/{LESSON}",
            [
                "import medialit, os\nprint('KIT', medialit.__file__)\nprint('NAME', exercise.name.value)",
                f"for sentence_id, label in {answers!r}.items():\n    exercise.answer(sentence_id, label)",
                "exercise.submit_button.click()\nprint('STATUS', exercise.status.value)",
            ],
        )
        assert f"NAME {user}" in text  # prefilled from JUPYTERHUB_USER
        kit = next(line.split(" ", 1)[1] for line in text.splitlines() if line.startswith("KIT "))
        assert "site-packages" in kit and str(REPO) not in kit and "single-user-env" in kit, kit
        assert "STATUS" in text and "Submitted 35 of 35 answers" in text, text[-2000:]
        saved = list((hub.homes / user / RELEASE_NAME / "notebooks" / ".medialit").glob("*.answers.json"))
        assert saved, "answers are saved beside the lesson in the learner's home"
    timings["test: two learners pulled, ran lesson 07, submitted"] = time.monotonic() - started

    handed_in = sorted(path.relative_to(hub.handin).parts[0] for path in hub.handin.rglob("*.submission.json"))
    assert handed_in == sorted(LEARNERS)
    grades = hub.root / "grades"
    text = _run_notebook(
        hub, TEACHER, _teacher_notebook(hub),
        [
            "import subprocess, sys\n"
            f"result = subprocess.run([sys.executable, '-m', 'medialit', 'grade', {str(hub.handin)!r}, '--out', "
            f"{str(grades)!r}, '--seeds', {str(REPO / 'seeds')!r}], capture_output=True, text=True)\n"
            "print('EXIT', result.returncode)\nprint(result.stdout)\nprint(result.stderr)",
        ],
    )
    assert "EXIT 0" in text, text
    with (grades / "grades.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = {row["student"]: row for row in csv.DictReader(handle)}
    assert set(rows) == set(LEARNERS)
    for user in LEARNERS:
        expected = score_answers(key, _answers_for(user, key), "category", key.sentence_ids)
        row = rows[user]
        assert row["exercise_id"] == f"{ARTICLE}-category" and row["status"] == "graded", row
        assert (row["items"], row["credited"]) == (str(expected.total), str(expected.credited)), (user, row)
        assert float(row["score"]) == pytest.approx(100 * expected.balanced, abs=0.1), (user, row)
    assert float(rows["ana"]["score"]) == pytest.approx(100) and float(rows["ben"]["score"]) < 90
    assert len(list((grades / "feedback").glob("*.md"))) == len(LEARNERS)  # one feedback file per learner
    timings["test: teacher graded"] = time.monotonic() - started
    print("\nJupyterHub test timings (s since the start of the setup or of the test): " + json.dumps(
        {name: round(value, 1) for name, value in timings.items()}
    ))


def _teacher_notebook(hub: Hub) -> str:
    """Write an empty notebook into the teacher's home (where their server serves files) and return its path."""
    path = hub.homes / TEACHER / "grading.ipynb"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}), encoding="utf-8")
    return path.name
