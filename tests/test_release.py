"""Student releases: an assessment release carries no route to the key; a practice release ships reviewed keys only."""

from __future__ import annotations

import ast
import io
import json
import re
import shutil
import subprocess
import sys
import tokenize
from pathlib import Path

import pytest

from medialit.errors import MediaLitError
from medialit.keys.key import Key, load_key
from medialit.teacher.release import KIT_FILES, TEACHER_MODULES, is_teacher_module, make_release, released_modules, strip_python
from tests.conftest import REPO
from tests.kitenv import isolated_python

SEED_KEY = REPO / "seeds" / "lavrov-pompeo-sochi-2019.key.csv"
# Fields of a key row whose value, named beside the sentence's id, gives the answer away.
LABEL_COLUMNS = ("speaker", "speaker_role", "channel", "category", "also_acceptable", "claim_type", "claim_type_also")


def labels_to_find(key: Key) -> dict[str, set[str]]:
    """Return, per sentence id, the label strings that must not stand beside that id in a released file.

    Each label of the row (and a speaker's surname), less words the sentence's own text
    holds: the article text itself is released, so those say nothing about the key.
    """
    found: dict[str, set[str]] = {}
    for sentence_id, row in key.table.iterrows():
        text = str(row["text"]).lower()
        labels: set[str] = set()
        for column in LABEL_COLUMNS:
            for value in str(row.get(column, "") or "").split(";"):
                if value.strip():
                    labels.update({value.strip(), value.split()[-1]} if column == "speaker" else {value.strip()})
        found[str(sentence_id)] = {label for label in labels if label.lower() not in text}
    return found


def grep_labels(text: str, labels: dict[str, set[str]]) -> list[str]:
    """Return ``"line N: ID ... LABEL"`` for every line of ``text`` holding a sentence id and one of its labels."""
    hits = []
    for number, line in enumerate(text.splitlines(), start=1):
        lowered = line.lower()
        for sentence_id, wanted in labels.items():
            if not re.search(rf"\b{re.escape(sentence_id)}\b", line):
                continue
            for label in wanted:
                if re.search(rf"(?<![\w-]){re.escape(label.lower())}s?(?![\w-])", lowered):
                    hits.append(f"line {number}: {sentence_id} ... {label}")
    return hits


@pytest.fixture(scope="module")
def seed_labels() -> dict[str, set[str]]:
    return labels_to_find(load_key(SEED_KEY))


@pytest.fixture(scope="module")
def assessment(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("assessment") / "release"
    make_release(REPO, out, "assessment")
    return out


@pytest.fixture(scope="module")
def released_python(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A python that sees the test libraries but not the kit's editable install."""
    return isolated_python(tmp_path_factory.mktemp("venv") / "env")


def run_released(python: Path, release: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(python), "-m", "medialit", *args], cwd=release, capture_output=True, text=True, timeout=120, check=False
    )


def test_does_the_label_grep_find_the_labels_that_todays_teacher_code_names(seed_labels: dict[str, set[str]]) -> None:
    # The grep must be able to fail: the kit's own exercise registry names sentences with their labels in comments,
    # and the key itself is nothing but ids and labels.
    assert grep_labels((REPO / "medialit" / "exercises" / "registry.py").read_text(encoding="utf-8"), seed_labels)
    assert len(grep_labels(SEED_KEY.read_text(encoding="utf-8"), seed_labels)) >= 35
    assert grep_labels('    "P11.S2",  # allegation\n', seed_labels) == ["line 1: P11.S2 ... allegation"]
    assert grep_labels('    "P11.S2",  # a quotation\n', seed_labels) == []


def test_does_no_released_file_name_a_sentence_with_its_label(
    assessment: Path, seed_labels: dict[str, set[str]]
) -> None:
    practice_labels = labels_to_find(load_key(REPO / "seeds" / "practice-harbour-talks.key.csv"))
    hits = []
    for path in sorted(assessment.rglob("*")):
        if path.is_file():
            text = path.read_bytes().decode("utf-8", errors="replace")
            relative = path.relative_to(assessment).as_posix()
            hits += [f"{relative}: {hit}" for hit in grep_labels(text, seed_labels) + grep_labels(text, practice_labels)]
    assert hits == []


def test_does_an_assessment_release_hold_no_teacher_tool_comment_or_docstring(assessment: Path) -> None:
    package = assessment / "medialit"
    assert not [name for name in TEACHER_MODULES if (package / f"{name.replace('.', '/')}.py").exists() or (package / name).exists()]
    for path in package.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        comments = [token for token in tokenize.generate_tokens(io.StringIO(source).readline) if token.type == tokenize.COMMENT]
        assert comments == [], path.name
        tree = ast.parse(source)
        for node in ast.walk(tree):
            if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
                assert ast.get_docstring(node) is None, f"{path.name}: {getattr(node, 'name', 'module')}"


def test_do_the_released_kits_own_commands_offer_no_route_to_the_key(
    assessment: Path, released_python: Path, seed_labels: dict[str, set[str]]
) -> None:
    located = subprocess.run(
        [str(released_python), "-c", "import medialit.exercises.checks, sys; print(medialit.exercises.checks.__file__)"],
        cwd=assessment, capture_output=True, text=True, check=True,
    ).stdout.strip()
    assert Path(located).resolve().is_relative_to(assessment.resolve())  # the released package, not the repository
    outputs = []
    help_text = run_released(released_python, assessment, "--help")
    assert help_text.returncode == 0, help_text.stderr
    offered = re.findall(r"^    ([a-z][a-z-]+)", help_text.stdout, re.MULTILINE)
    assert "sentences" in offered and not {"draft", "compare", "grade", "release"} & set(offered)
    outputs.append(help_text.stdout + help_text.stderr)
    for command in offered:
        result = run_released(released_python, assessment, command, "--help")
        assert result.returncode == 0, (command, result.stderr)
        outputs.append(result.stdout + result.stderr)
    runs = [
        ("sentences", "seeds/lavrov-pompeo-sochi-2019.txt"),
        ("sentences", "lavrov-pompeo-sochi-2019"),
        ("validate", "seeds/lavrov-pompeo-sochi-2019.key.csv"),
        ("build-exercises", "--check"),
        ("draft", "seeds/lavrov-pompeo-sochi-2019.txt"),
        ("compare", "seeds/lavrov-pompeo-sochi-2019.txt", "seeds/lavrov-pompeo-sochi-2019.txt"),
        ("grade", "exercises"),
    ]
    for args in runs:
        result = run_released(released_python, assessment, *args)
        assert "Traceback" not in result.stderr, (args, result.stderr)
        outputs.append(result.stdout + result.stderr)
    assert run_released(released_python, assessment, "draft", "seeds/lavrov-pompeo-sochi-2019.txt").returncode == 2
    assert any("P11.S2" in text for text in outputs)  # the sentences are printed, with their ids: the grep can hit
    for text in outputs:
        assert grep_labels(text, seed_labels) == []
    public = subprocess.run(
        [str(released_python), "-c", "import medialit; print(dir(medialit)); print(medialit.classify.__module__)"],
        cwd=assessment, capture_output=True, text=True, check=True,
    ).stdout
    assert "'classify'" in public and "draft_key" not in public and "review_draft" not in public
    for module in TEACHER_MODULES:
        result = subprocess.run(
            [str(released_python), "-c", f"import medialit.{module}"], cwd=assessment, capture_output=True, text=True
        )
        assert result.returncode != 0 and "ModuleNotFoundError" in result.stderr, module


def test_does_a_released_exercise_run_on_the_stripped_package(assessment: Path, released_python: Path, tmp_path: Path) -> None:
    script = (
        "import sys, nbformat\n"
        "from nbclient import NotebookClient\n"
        "path = sys.argv[1]\n"
        "nb = nbformat.read(path, as_version=4)\n"
        "nb.cells.append(nbformat.v4.new_code_cell('import medialit.exercises.checks\\nprint(medialit.exercises.checks.__file__)\\n'\n"
        "    'from medialit.exercises.mode import ASSESSMENT_NOTICE, is_assessment\\n'\n"
        "    'print(ASSESSMENT_NOTICE if is_assessment() else \"practice mode\")'))\n"
        "NotebookClient(nb, timeout=120, kernel_name='python3', resources={'metadata': {'path': sys.argv[2]}}).execute()\n"
        "for c in nb.cells:\n"
        "    for o in c.get('outputs', []):\n"
        "        assert o['output_type'] != 'error', o.get('evalue')\n"
        "        print(o.get('text', ''), *o.get('data', {}).values())\n"
    )
    exercise = assessment / "exercises" / "01_label_voices.ipynb"
    environment = {"PATH": str(released_python.parent), "MEDIALIT_ANSWERS_DIR": str(tmp_path),
                   "MEDIALIT_SUBMISSIONS_DIR": str(tmp_path), "PYTHONPATH": str(assessment),
                   "HOME": str(tmp_path), "JUPYTER_PLATFORM_DIRS": "1"}
    result = subprocess.run(
        [str(released_python), "-c", script, str(exercise), str(exercise.parent)],
        capture_output=True, text=True, timeout=240, env=environment, check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Assessment mode" in result.stdout
    assert str((assessment / "medialit" / "exercises" / "checks.py").resolve()) in result.stdout or str(assessment / "medialit" / "exercises" / "checks.py") in result.stdout


def copy_kit(target: Path) -> Path:
    """Copy what a release reads from the kit into ``target`` and return it."""
    for name in ("notebooks", "exercises", "solutions", "seeds", "medialit"):
        shutil.copytree(REPO / name, target / name, ignore=shutil.ignore_patterns("__pycache__", ".medialit", "*.pyc"))
    for name in (*KIT_FILES, "README.md"):
        if (REPO / name).is_file():
            shutil.copyfile(REPO / name, target / name)
    return target


def test_does_a_comment_naming_a_label_added_to_a_module_never_reach_the_release(tmp_path: Path) -> None:
    kit = copy_kit(tmp_path / "kit")
    checks = kit / "medialit" / "exercises" / "checks.py"
    checks.write_text(
        checks.read_text(encoding="utf-8") + '\n\ndef _later_edit():\n    """P11.S2 is an allegation."""\n'
        "    return 1  # P11.S3: allegation, Markov\n",
        encoding="utf-8",
    )
    out = tmp_path / "release"
    make_release(kit, out, "assessment")
    released = (out / "medialit" / "exercises" / "checks.py").read_text(encoding="utf-8")
    assert "_later_edit" in released and "P11.S2" not in released and "P11.S3:" not in released


def test_is_an_assessment_release_refused_when_a_lesson_names_a_label(tmp_path: Path) -> None:
    kit = copy_kit(tmp_path / "kit")
    path = kit / "notebooks" / "00_start_here.ipynb"
    notebook = json.loads(path.read_text(encoding="utf-8"))
    notebook["cells"].append({"cell_type": "markdown", "id": "leak", "metadata": {}, "source": "Hint: P11.S2 is an allegation."})
    path.write_text(json.dumps(notebook), encoding="utf-8")
    out = tmp_path / "release"
    with pytest.raises(MediaLitError, match=r"notebooks/00_start_here.ipynb: line \d+: names P11.S2 with its label 'allegation'"):
        make_release(kit, out, "assessment")
    assert not (out / "medialit").exists() and not (out / "notebooks").exists()


def test_does_a_lesson_importing_a_teacher_tool_stop_the_release(tmp_path: Path) -> None:
    notebook = {"cells": [{"cell_type": "code", "source": "%matplotlib inline\nfrom medialit.draft.drafter import draft_key\n"}]}
    with pytest.raises(MediaLitError, match=r"notebooks/99_x.ipynb: imports medialit.draft.drafter"):
        released_modules(REPO / "medialit", {"notebooks/99_x.ipynb": notebook})


def test_does_the_module_list_follow_imports_inside_functions_and_command_handlers() -> None:
    modules = released_modules(REPO / "medialit", {})
    assert {"cli.main", "cli.commands", "text.article", "keys.key"} <= set(modules)  # cli names medialit.cli.commands:... in a string
    assert not [module for module in modules if is_teacher_module(module)]
    exercise = json.loads((REPO / "exercises" / "01_label_voices.ipynb").read_text(encoding="utf-8"))
    with_exercise = released_modules(REPO / "medialit", {"exercises/01_label_voices.ipynb": exercise})
    assert {"exercises.checks", "ui.widgets", "exercises.answers", "exercises.submission", "exercises.scoring"} <= set(with_exercise)  # checks imports lazily


def test_does_stripping_keep_behaviour_and_drop_every_comment_and_docstring() -> None:
    source = '"""Module doc."""\n\ndef f(x):\n    """Doc only."""\n\n\nclass C:\n    """Doc."""\n    y = 1  # note\n\n' \
             'def g():\n    try:\n        pass\n    finally:\n        "just a string"\n    return f"{1 + 1}"  # two\n'
    stripped = strip_python(source, "x.py")
    assert "doc" not in stripped.lower() and "#" not in stripped and "just a string" not in stripped
    namespace: dict = {}
    exec(compile(stripped, "x.py", "exec"), namespace)  # noqa: S102 - our own test source
    assert namespace["f"](3) is None and namespace["C"].y == 1 and namespace["g"]() == "2"
    with pytest.raises(MediaLitError, match="x.py: line 1: not valid Python"):
        strip_python("def (", "x.py")


def make_unreviewed(kit: Path) -> None:
    key = kit / "seeds" / "practice-harbour-talks.key.csv"
    lines = key.read_text(encoding="utf-8").splitlines(keepends=True)
    key.write_text(lines[0] + lines[1].replace(",yes", ",no") + "".join(lines[2:]), encoding="utf-8")


def test_does_a_practice_release_refuse_an_unreviewed_key_unless_asked(tmp_path: Path) -> None:
    kit = copy_kit(tmp_path / "kit")
    make_unreviewed(kit)
    with pytest.raises(MediaLitError, match=r"practice-harbour-talks.key.csv: not reviewed yet.*--include-unreviewed"):
        make_release(kit, tmp_path / "refused", "practice")
    assert not (tmp_path / "refused").exists()
    summary = make_release(kit, tmp_path / "drafts", "practice", include_unreviewed=True)
    described = summary.describe()
    assert "answer key included: practice-harbour-talks.key.csv (NOT reviewed" in described
    assert "answer key included: lavrov-pompeo-sochi-2019.key.csv (reviewed)" in described
    assert (tmp_path / "drafts" / "seeds" / "practice-harbour-talks.key.csv").is_file()


def test_does_the_release_command_refuse_an_unreviewed_key_in_one_line_and_accept_the_flag(tmp_path: Path) -> None:
    kit = copy_kit(tmp_path / "kit")
    make_unreviewed(kit)
    command = [sys.executable, "-m", "medialit", "release", "--root", str(kit), "--mode", "practice", "--out"]
    refused = subprocess.run([*command, str(tmp_path / "a")], capture_output=True, text=True, check=False)
    assert refused.returncode == 2 and "Traceback" not in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1 and "--include-unreviewed" in refused.stderr
    accepted = subprocess.run(
        [*command, str(tmp_path / "b"), "--include-unreviewed"], capture_output=True, text=True, check=False
    )
    assert accepted.returncode == 0, accepted.stderr
    assert "practice-harbour-talks.key.csv (NOT reviewed" in accepted.stdout


def test_does_an_assessment_release_leave_out_the_quizzes_answers_but_keep_the_open_command_files(
    assessment: Path, tmp_path: Path
) -> None:
    assert not (assessment / "medialit" / "data" / "quizzes").exists(), "quiz files hold their answers"
    for name in ("jupyter_lab_config.py", "postBuild", "jupyter-config/overrides.json"):
        assert (assessment / name).is_file(), f"{name} makes the student README's open command work as root"
    readme = (assessment / "README.md").read_text(encoding="utf-8")
    assert "jupyter lab --config=jupyter_lab_config.py" in readme
    practice = make_release(REPO, tmp_path / "practice", mode="practice")
    assert practice.modules and any((tmp_path / "practice" / "medialit" / "data" / "quizzes").glob("*.quiz.json"))


def test_does_stripping_keep_every_line_where_it_was() -> None:
    # ast.unparse wrote a long table on one line, where an id and a title seemed to stand together for the leak check.
    source = 'TABLE = (\n    dict(title="Official statements"),\n    dict(items=("P02.S1",)),  # a comment\n)\n\n\ndef f():\n    """Doc."""\n    raise ValueError("line 9")\n'
    stripped = strip_python(source, "x.py")
    assert stripped.splitlines()[1:3] == ['    dict(title="Official statements"),', '    dict(items=("P02.S1",)),']
    namespace: dict = {}
    exec(compile(stripped, "x.py", "exec"), namespace)  # noqa: S102 - our own test source
    with pytest.raises(ValueError) as caught:
        namespace["f"]()
    assert caught.traceback[-1].lineno + 1 == 9  # a traceback names the kit's own line
