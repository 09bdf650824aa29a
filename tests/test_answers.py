"""Do answers survive restarts, two tabs, damaged files and a killed kernel, without ever being lost?"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from medialit.exercises.answers import ANSWERS_ENV, AnswerStore, answers_dir
from medialit.errors import MediaLitError

from tests.conftest import SEED_ARTICLE

EXERCISE = "lavrov-pompeo-sochi-2019-category"


def load_in_fresh_process(exercise_id: str, directory: Path) -> dict:
    """Return what a brand-new Python process reads from the answers store (a real restart)."""
    code = (
        "import json, sys\n"
        "from medialit.exercises.answers import AnswerStore\n"
        "store = AnswerStore(sys.argv[1], sys.argv[2])\n"
        "print(json.dumps({'answers': store.load(), 'reflection': store.reflection, 'student': store.student,"
        " 'message': store.message}))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code, exercise_id, str(directory)], capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)


def test_does_a_new_store_restore_every_answer(tmp_path: Path) -> None:
    store = AnswerStore(EXERCISE, tmp_path)
    store.set("P01.S1", "reporting")
    store.set("P02.S1", "official statement")
    store.set("P02.S1", "reporting")  # changed mind: the latest counts
    store.set("P03.S1", "expert opinion")
    store.set("P03.S1", None)  # cleared
    store.set_reflection("Hard: paragraph 10.")
    store.set_student("Ana")
    again = AnswerStore(EXERCISE, tmp_path)
    assert again.load() == {"P01.S1": "reporting", "P02.S1": "reporting"}
    assert (again.reflection, again.student, again.message) == ("Hard: paragraph 10.", "Ana", None)
    assert again.path == tmp_path / f"{EXERCISE}.answers.json"


def test_does_a_fresh_process_read_what_was_saved(tmp_path: Path) -> None:
    store = AnswerStore(EXERCISE, tmp_path)
    store.update({"P01.S1": "reporting", "P14.S5": "expert opinion"})
    store.set_reflection("Zoë’s note")
    seen = load_in_fresh_process(EXERCISE, tmp_path)
    assert seen == {
        "answers": {"P01.S1": "reporting", "P14.S5": "expert opinion"},
        "reflection": "Zoë’s note",
        "student": "",
        "message": None,
    }


def test_does_creating_a_store_write_nothing(tmp_path: Path) -> None:
    store = AnswerStore(EXERCISE, tmp_path / "answers")
    assert store.load() == {}
    assert not (tmp_path / "answers").exists()


def test_do_two_tabs_on_one_file_keep_each_items_latest_answer(tmp_path: Path) -> None:
    tab_a = AnswerStore(EXERCISE, tmp_path)
    tab_b = AnswerStore(EXERCISE, tmp_path)  # opened before tab A saved anything
    tab_a.set("P01.S1", "reporting")
    tab_b.set("P02.S1", "official statement")  # must not drop tab A's answer
    tab_a.set("P03.S1", "expert opinion")  # must not drop tab B's answer
    tab_b.set("P01.S1", "state-media framing")  # later than tab A's answer to P01.S1: wins
    tab_a.set_reflection("from A")
    tab_b.set_student("B's name")
    expected = {"P01.S1": "state-media framing", "P02.S1": "official statement", "P03.S1": "expert opinion"}
    assert tab_a.load() == expected
    assert tab_b.load() == expected
    assert AnswerStore(EXERCISE, tmp_path).load() == expected
    assert (tab_b.reflection, tab_a.student) == ("from A", "B's name")


def test_does_an_older_answer_in_the_file_not_beat_a_newer_one_in_memory(tmp_path: Path) -> None:
    tab_a = AnswerStore(EXERCISE, tmp_path)
    tab_b = AnswerStore(EXERCISE, tmp_path)
    tab_a.set("P01.S1", "reporting")
    tab_b.set("P01.S1", "expert opinion")
    tab_a.set("P02.S1", "reporting")  # tab A merges the file: B's newer P01.S1 answer must stay
    assert AnswerStore(EXERCISE, tmp_path).load()["P01.S1"] == "expert opinion"


def test_does_many_processes_saving_at_once_lose_no_answer(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from medialit.exercises.answers import AnswerStore\n"
        "store = AnswerStore(sys.argv[1], sys.argv[2])\n"
        "for number in range(1, 21):\n"
        "    store.set(f'{sys.argv[3]}.S{number}', 'reporting')\n"
    )
    writers = [
        subprocess.Popen([sys.executable, "-c", code, EXERCISE, str(tmp_path), f"P{tab:02d}"]) for tab in range(1, 5)
    ]
    assert [writer.wait(timeout=60) for writer in writers] == [0, 0, 0, 0]
    assert len(AnswerStore(EXERCISE, tmp_path).load()) == 80


def test_does_the_environment_variable_choose_the_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ANSWERS_ENV, str(tmp_path / "elsewhere"))
    assert answers_dir() == tmp_path / "elsewhere"
    AnswerStore(EXERCISE).set("P01.S1", "reporting")
    assert (tmp_path / "elsewhere" / f"{EXERCISE}.answers.json").is_file()


def test_is_the_default_folder_medialit_in_the_working_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ANSWERS_ENV, raising=False)
    monkeypatch.chdir(tmp_path)
    assert answers_dir() == tmp_path / ".medialit"
    AnswerStore(EXERCISE).set("P01.S1", "reporting")
    assert AnswerStore(EXERCISE, tmp_path / ".medialit").load() == {"P01.S1": "reporting"}


@pytest.mark.parametrize("bad_id", ["../escape", "a/b", "", ".hidden", "with space"])
def test_does_an_unsafe_exercise_id_give_a_clear_message(tmp_path: Path, bad_id: str) -> None:
    with pytest.raises(MediaLitError, match="cannot name an answers file"):
        AnswerStore(bad_id, tmp_path)


def good_file(tmp_path: Path) -> bytes:
    store = AnswerStore(EXERCISE, tmp_path / "template")
    store.update({"P01.S1": "reporting", "P02.S1": "official statement"})
    return store.path.read_bytes()


@pytest.mark.parametrize(
    ("label", "damage", "reason", "recovered"),
    [
        ("half-written", lambda good: good[: len(good) // 2], "not valid JSON", {}),
        ("empty", lambda good: b"", "it is empty", {}),
        ("not-utf8", lambda good: b"\xff\xfe\x00garbage", "not UTF-8", {}),
        ("a-list", lambda good: b"[1, 2]", "not a medialit answers file", {}),
        ("newer-kit", lambda good: good.replace(b'"version": 1', b'"version": 7'), "version 7", {}),
        (
            "one-bad-entry",
            lambda good: good.replace(b'"label": "official statement"', b'"label": 42'),
            "the answer to P02.S1 is damaged",
            {"P01.S1": "reporting"},
        ),
    ],
)
def test_is_a_damaged_file_renamed_aside_never_overwritten(
    tmp_path: Path, label: str, damage: object, reason: str, recovered: dict
) -> None:
    folder = tmp_path / "answers"
    folder.mkdir()
    damaged = damage(good_file(tmp_path))  # type: ignore[operator]
    path = folder / f"{EXERCISE}.answers.json"
    path.write_bytes(damaged)
    store = AnswerStore(EXERCISE, folder)
    assert store.message is not None
    assert reason in store.message
    assert str(path) in store.message and "kept unchanged as" in store.message
    assert store.load() == recovered
    aside = list(folder.glob(f"{EXERCISE}.answers.corrupt-*.json"))
    assert len(aside) == 1
    assert aside[0].name in store.message
    assert aside[0].read_bytes() == damaged  # the damaged file is kept byte for byte
    store.set("P03.S1", "expert opinion")  # a new file is started beside it
    assert AnswerStore(EXERCISE, folder).load() == {**recovered, "P03.S1": "expert opinion"}
    assert aside[0].read_bytes() == damaged


def test_does_a_second_damaged_file_not_replace_the_first_one_aside(tmp_path: Path) -> None:
    path = tmp_path / f"{EXERCISE}.answers.json"
    path.write_bytes(b"first damage")
    AnswerStore(EXERCISE, tmp_path)
    path.write_bytes(b"second damage")
    AnswerStore(EXERCISE, tmp_path)
    kept = sorted(p.read_bytes() for p in tmp_path.glob("*.corrupt-*.json"))
    assert kept == [b"first damage", b"second damage"]


def test_does_a_file_damaged_while_open_get_moved_aside_on_the_next_save(tmp_path: Path) -> None:
    store = AnswerStore(EXERCISE, tmp_path)
    store.set("P01.S1", "reporting")
    store.path.write_bytes(b"{broken by hand")
    store.set("P02.S1", "reporting")
    assert store.message is not None and "not valid JSON" in store.message
    assert AnswerStore(EXERCISE, tmp_path).load() == {"P01.S1": "reporting", "P02.S1": "reporting"}
    assert [p.read_bytes() for p in tmp_path.glob("*.corrupt-*.json")] == [b"{broken by hand"]


def test_does_an_unwritable_folder_give_a_clear_message(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the answers folder should be", encoding="utf-8")
    store = AnswerStore(EXERCISE, blocker)
    with pytest.raises(MediaLitError, match="could not save your answer"):
        store.set("P01.S1", "reporting")


NEEDS_SIGKILL = pytest.mark.skipif(os.name != "posix", reason="needs POSIX: kills a process with SIGKILL")


@NEEDS_SIGKILL
def test_does_a_process_killed_while_saving_leave_a_complete_file(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "from medialit.exercises.answers import AnswerStore\n"
        "store = AnswerStore(sys.argv[1], sys.argv[2])\n"
        "number = 0\n"
        "while True:\n"
        "    number += 1\n"
        "    store.set(f'P{number:05d}.S1', 'reporting')\n"
        "    if number == 5:\n"
        "        print('ready', flush=True)\n"
    )
    writer = subprocess.Popen([sys.executable, "-c", code, EXERCISE, str(tmp_path)], stdout=subprocess.PIPE, text=True)
    assert writer.stdout is not None and writer.stdout.readline().strip() == "ready"
    time.sleep(0.3)
    writer.send_signal(signal.SIGKILL)
    writer.wait(timeout=10)
    store = AnswerStore(EXERCISE, tmp_path)
    assert store.message is None  # never a half-written file
    saved = store.load()
    assert len(saved) >= 5
    assert sorted(saved) == [f"P{number:05d}.S1" for number in range(1, len(saved) + 1)]


@pytest.fixture
def kernel(tmp_path: Path):
    """Yield a started Python kernel (jupyter_client) whose answers go to ``tmp_path/answers``; shut it down after."""
    from jupyter_client.manager import KernelManager

    environment = dict(os.environ, **{ANSWERS_ENV: str(tmp_path / "answers"), "PYTHONDONTWRITEBYTECODE": "1"})
    manager = KernelManager(kernel_name="python3")
    manager.start_kernel(env=environment, cwd=str(tmp_path))
    client = manager.client()
    client.start_channels()
    try:
        client.wait_for_ready(timeout=60)
        yield manager, client
    finally:
        client.stop_channels()
        if manager.is_alive():
            manager.shutdown_kernel(now=True)
        else:
            manager.cleanup_resources()


def run_in_kernel(client, code: str) -> None:  # noqa: ANN001 - a jupyter_client blocking client
    reply = client.execute_interactive(code, timeout=60, output_hook=lambda _message: None)
    assert reply["content"]["status"] == "ok", reply["content"]


@NEEDS_SIGKILL
def test_does_a_kernel_killed_between_two_answers_lose_neither(kernel, tmp_path: Path) -> None:  # noqa: ANN001
    manager, client = kernel
    run_in_kernel(
        client,
        f"import medialit\nexercise = medialit.classify({str(SEED_ARTICLE)!r})\n"
        "exercise.answer('P01.S1', 'reporting')",
    )
    run_in_kernel(client, "exercise.answer('P10.S1', 'expert opinion')")
    pid = manager.provisioner.process.pid
    os.kill(pid, signal.SIGKILL)
    for _ in range(100):
        if not manager.is_alive():
            break
        time.sleep(0.05)
    assert not manager.is_alive()
    seen = load_in_fresh_process(EXERCISE, tmp_path / "answers")
    assert seen["answers"] == {"P01.S1": "reporting", "P10.S1": "expert opinion"}
    assert seen["message"] is None


# ----- first answers (practice mode, issue 12 item 5; contract 2) ------------------------------------------------


def test_does_the_store_keep_each_items_first_answer_when_it_changes_or_is_cleared(tmp_path: Path) -> None:
    store = AnswerStore("ex", tmp_path)
    store.set("P01.S1", "expert opinion")
    store.set("P01.S1", "reporting")
    store.update({"P01.S1": None, "P02.S1": "reporting"})
    assert store.load() == {"P02.S1": "reporting"}
    assert store.first_answers() == {"P01.S1": "expert opinion", "P02.S1": "reporting"}
    assert AnswerStore("ex", tmp_path).first_answers() == {"P01.S1": "expert opinion", "P02.S1": "reporting"}


def test_does_the_earliest_first_answer_win_when_two_tabs_merge(tmp_path: Path) -> None:
    tab_a = AnswerStore("ex", tmp_path)
    tab_b = AnswerStore("ex", tmp_path)
    tab_a.set("P01.S1", "expert opinion")  # the first answer ever, in tab A
    tab_b.set("P01.S1", "reporting")  # tab B had not seen it yet when it answered
    document = json.loads((tmp_path / "ex.answers.json").read_text(encoding="utf-8"))
    assert document["first_answers"]["P01.S1"]["label"] == "expert opinion"
    assert tab_b.load() == {"P01.S1": "reporting"}
    assert tab_a.first_answers() == tab_b.first_answers() == {"P01.S1": "expert opinion"}


def test_is_a_damaged_first_answer_reported_and_the_rest_kept(tmp_path: Path) -> None:
    AnswerStore("ex", tmp_path).set("P01.S1", "reporting")
    path = tmp_path / "ex.answers.json"
    document = json.loads(path.read_text(encoding="utf-8"))
    document["first_answers"]["P01.S1"] = {"label": 3}
    path.write_text(json.dumps(document), encoding="utf-8")
    store = AnswerStore("ex", tmp_path)
    assert "first answer to P01.S1 is damaged" in store.message
    assert store.load() == {"P01.S1": "reporting"}
