"""The student release: what learners get, with nothing that gives answers away.

``python -m medialit release --out DIR [--mode practice|assessment]`` copies the
lessons, the exercises, the articles and what is needed to install the kit, and
never ``solutions/`` or ``teacher/``. Every stored output and widget state is
stripped from the notebooks (a stored classification output or feedback would show
answers). Practice mode keeps the answer keys (``*.key.csv``) for instant feedback;
assessment mode leaves them out, and every lesson that reads a key (it would show
the key's labels), so that what remains runs without one. The release marker
``.medialit-release.json`` records the mode, the kit version and, per article, the
key's SHA-256 and the speakers to choose from, so exercises can record answers
without the key.

Only the modules the released notebooks need are copied (``released_modules`` follows
their imports), never the teacher tools (``TEACHER_MODULES``: drafting, comparing,
reviewing and grading keys, writing releases: the ``draft`` and ``teacher``
subpackages, ``keys.compare`` and ``ui.review``), so the released kit's command line
offers none of them. In assessment mode the released modules are written without
comments or docstrings (``strip_python``), and the release is refused if any released
file still names a sentence id beside one of its labels (``release_leaks``). A key still
marked ``reviewed = no`` stops a release unless ``include_unreviewed`` is given; the
summary names every key included and whether it was reviewed.
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from medialit import __version__
from medialit.exercises.mode import MODES, RELEASE_MARKER
from medialit.teacher.assignments import (
    TEACHER_TAG,
    build_exercises,
    notebook_text,
    read_notebook,
)
from medialit.errors import MediaLitError
from medialit.locations import KEY_SUFFIX

NOTEBOOK_FOLDERS = ("notebooks", "exercises")
# Files beside the notebooks that make the release installable on its own (pip, Binder, a hub).
KIT_FILES = (
    "requirements.txt", "pyproject.toml", "runtime.txt", "LICENSE", "LICENSE-CONTENT.md",
    "jupyter_lab_config.py", "postBuild",  # root may open the kit; no Jupyter-news pop-up (also on Binder)
)
KIT_FOLDERS = ("jupyter-config",)
# Package data folders (at any depth) that hold answers learners must find themselves: never in an assessment.
ANSWER_DATA = ("quizzes",)
NEVER_RELEASED = ("solutions", "teacher", "tests", "tools", "benchmarks", ".git", ".ci")
MANAGED = (*NOTEBOOK_FOLDERS, "seeds", "medialit", *KIT_FILES, *KIT_FOLDERS, "README.md", ".gitignore", RELEASE_MARKER)
# Calls that read an answer key: a lesson that makes them shows the key's labels, so an assessment leaves it out.
KEY_READERS = ("load_article_key(", "load_key(", "voice_table(")
STUDENT_GITIGNORE = ".medialit/\n.ipynb_checkpoints/\n__pycache__/\n*.egg-info/\n"
# A Markdown link to a notebook: [text](path/to/name.ipynb) or [text](name.ipynb#section).
NOTEBOOK_LINK = re.compile(r"\[(?P<text>[^\]\n]+)\]\((?P<target>[^)\s]+?\.ipynb)(?:#[^)\s]*)?\)")
NOT_IN_COPY = "(not in this copy)"


@dataclass
class ReleaseSummary:
    """What ``make_release`` wrote: the folder, the mode, and the files by kind."""

    out: Path
    mode: str
    notebooks: list[str] = field(default_factory=list)
    seeds: list[str] = field(default_factory=list)
    keys_left_out: list[str] = field(default_factory=list)
    lessons_left_out: list[str] = field(default_factory=list)
    keys_included: list[str] = field(default_factory=list)
    unreviewed: list[str] = field(default_factory=list)
    modules: list[str] = field(default_factory=list)
    modules_left_out: list[str] = field(default_factory=list)

    def describe(self) -> str:
        """Return a short report for the teacher (no absolute paths)."""
        keys = [name for name in self.seeds if name.endswith(KEY_SUFFIX)]
        lines = [
            f"release written to {self.out.name}/ in {self.mode} mode:",
            f"  {len(self.notebooks)} notebook(s), outputs and widget state stripped: {', '.join(self.notebooks)}",
            f"  {len(self.seeds)} file(s) in seeds/, {len(keys)} answer key(s)",
        ]
        for name in self.keys_included:
            status = "NOT reviewed: a machine draft, included because you asked" if name in self.unreviewed else "reviewed"
            lines.append(f"  answer key included: {name} ({status})")
        if self.keys_left_out:
            lines.append(f"  answer keys left out (assessment): {', '.join(self.keys_left_out)}")
        stripped = ", comments and docstrings removed" if self.mode == "assessment" else ""
        lines.append(f"  {len(self.modules)} module(s) of the kit{stripped}: {', '.join(self.modules)}")
        if self.modules_left_out:
            lines.append(f"  left out (teacher tools and what only they use): {', '.join(self.modules_left_out)}")
        if self.lessons_left_out:
            lines.append(f"  lessons left out (they show the answer key): {', '.join(self.lessons_left_out)}")
        lines.append("  never included: solutions/, teacher/")
        return "\n".join(lines)


# --- which modules a release holds, and released code without comments or docstrings -----------------------------

# Teacher tools: a release never holds them (they draft, compare, review or grade keys, or write releases).
# A dotted name covers the module or the whole subpackage of that name.
TEACHER_MODULES = ("draft", "teacher", "keys.compare", "ui.review", "cli.draft")
# Modules every release holds: the package itself and its command line.
ENTRY_MODULES = ("__init__", "__main__", "cli.__init__", "cli.main")
MODULE_NAME = re.compile(r"^medialit\.(?P<module>\w+(?:\.\w+)*)(?::\w+)?$")
NOTEBOOK_IMPORT = re.compile(r"^\s*(?:from|import)\s+medialit\b", re.MULTILINE)


def is_teacher_module(module: str) -> bool:
    """Return True when the dotted module name ``module`` (``"keys.compare"``) is a teacher tool or lies in one."""
    return any(module == tool or module.startswith(tool + ".") for tool in TEACHER_MODULES)


def package_modules(package: Path) -> dict[str, Path]:
    """Return every module of ``package``: dotted name relative to it (``"text.article"``, ``"ui.__init__"``) -> path."""
    return {
        ".".join(path.relative_to(package).with_suffix("").parts): path
        for path in sorted(package.rglob("*.py"))
        if "__pycache__" not in path.parts
    }


def _public_names(package: Path) -> dict[str, str]:
    """Return the lazily imported public names of ``package/__init__.py`` (``_PUBLIC``): name -> module."""
    tree = ast.parse((package / "__init__.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", "") == "_PUBLIC" for t in node.targets):
            value = ast.literal_eval(node.value)
            return {str(name): str(module) for name, module in value.items()} if isinstance(value, dict) else {}
    return {}


def _module_of(dotted: str, modules: set[str]) -> str | None:
    """Return the kit module that the import ``dotted`` (``"medialit.ui.widgets"``) names, or None.

    A subpackage (``"medialit.ui"``) stands for its ``__init__``.
    """
    name = dotted.removeprefix("medialit.")
    if name in modules:
        return name
    return f"{name}.__init__" if f"{name}.__init__" in modules else None


def _modules_of(tree: ast.AST, modules: set[str], public: dict[str, str]) -> tuple[set[str], set[str]]:
    """Return ``(imported, named)``: the kit's modules that ``tree`` imports, and those only named in strings.

    ``modules`` are the dotted module names of the package; ``public`` its lazily imported names.
    A string such as ``"medialit.draft.drafter:draft_command"`` names a module (a command's
    handler) without importing it.
    """
    imported: set[str] = set()
    named: set[str] = set()
    for node in ast.walk(tree):
        found: list[str | None] = []
        if isinstance(node, ast.Import):
            found = [_module_of(alias.name, modules) for alias in node.names if alias.name.startswith("medialit.")]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module and node.module.split(".")[0] == "medialit":
            found.append(_module_of(node.module, modules) if node.module != "medialit" else None)
            for alias in node.names:
                found.append(_module_of(f"{node.module}.{alias.name}", modules))
                if node.module == "medialit" and alias.name in public:
                    found.append(_module_of(public[alias.name], modules))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            match = MODULE_NAME.match(node.value)
            module = _module_of(f"medialit.{match.group('module')}", modules) if match else None
            if module:
                named.add(module)
        imported.update(module for module in found if module)
    return imported, named - imported


def _notebook_tree(notebook: dict[str, Any]) -> ast.Module:
    """Return the import statements of ``notebook``'s code cells as one module (magics and shell lines skipped)."""
    lines = []
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") != "code":
            continue
        source = "".join(cell.get("source", ""))
        try:
            lines.append(ast.parse(source))
        except SyntaxError:  # a magic or shell line: read the import lines one by one
            for line in source.splitlines():
                if NOTEBOOK_IMPORT.match(line):
                    try:
                        lines.append(ast.parse(line.strip()))
                    except SyntaxError:
                        continue
    return ast.Module(body=[statement for tree in lines for statement in tree.body], type_ignores=[])


def _with_packages(module: str) -> list[str]:
    """Return ``module`` and the ``__init__`` of every subpackage it lies in (``"ui.widgets"`` -> also ``"ui.__init__"``)."""
    parts = module.split(".")
    return [module, *(".".join([*parts[:depth], "__init__"]) for depth in range(1, len(parts) - (parts[-1] == "__init__")))]


def released_modules(package: Path, notebooks: dict[str, dict[str, Any]]) -> list[str]:
    """Return the dotted names of the modules of ``package`` that the released ``notebooks`` need (sorted).

    Starts from ``ENTRY_MODULES`` and every ``medialit`` module the notebooks
    (``{relative name: notebook}``) import, and follows every import, including those
    inside functions, and every module named in a string (a command's handler), except
    the teacher tools (``TEACHER_MODULES``). A subpackage's ``__init__`` comes with each of its modules.

    Raises:
        MediaLitError: a notebook or a released module imports a teacher tool; the message names both.
    """
    paths = package_modules(package)
    modules = set(paths)
    public = _public_names(package)
    wanted: list[tuple[str, str]] = [(name, "the kit") for name in ENTRY_MODULES if name in modules]
    for name, notebook in notebooks.items():
        imported, _ = _modules_of(_notebook_tree(notebook), modules, public)
        wanted.extend((module, name) for module in sorted(imported))
    found: set[str] = set()
    while wanted:
        module, importer = wanted.pop()
        if is_teacher_module(module):
            raise MediaLitError(
                f"{importer}: imports medialit.{module.removesuffix('.__init__')}, a teacher tool that a release "
                "leaves out; move what learners need into a learner module"
            )
        if module in found or module not in modules:
            continue
        found.update(_with_packages(module))
        source = f"medialit/{paths[module].relative_to(package).as_posix()}"
        imported, named = _modules_of(ast.parse(paths[module].read_text(encoding="utf-8")), modules, public)
        wanted.extend((name, source) for name in sorted(imported) if name not in found)
        wanted.extend((name, source) for name in sorted(named) if not is_teacher_module(name) and name not in found)
    return sorted(found)


class _DropDocstrings(ast.NodeTransformer):
    """Replace every statement that is only a string (docstrings included) by ``pass``; drop the extra ``pass``."""

    def generic_visit(self, node: ast.AST) -> ast.AST:
        super().generic_visit(node)
        for name in ("body", "orelse", "finalbody"):
            statements = getattr(node, name, None)
            if not isinstance(statements, list) or not statements or not isinstance(statements[0], ast.stmt):
                continue
            kept = [
                statement
                for statement in statements
                if not (
                    isinstance(statement, ast.Expr)
                    and isinstance(statement.value, ast.Constant)
                    and isinstance(statement.value.value, str)
                )
            ]
            setattr(node, name, kept or [ast.Pass()])
        return node


def strip_python(source: str, name: str) -> str:
    """Return the Python ``source`` without comments, docstrings or other bare strings (``name`` is for errors).

    The code is parsed and written back with ``ast.unparse``, so nothing a comment or
    docstring said can remain; the behaviour is unchanged.

    Raises:
        MediaLitError: ``source`` is not valid Python.
    """
    try:
        tree = ast.parse(source, filename=name)
    except SyntaxError as error:
        raise MediaLitError(f"{name}: line {error.lineno}: not valid Python ({error.msg}); fix it before releasing") from None
    return ast.unparse(ast.fix_missing_locations(_DropDocstrings().visit(tree))) + "\n"


# --- labels of the key in released files ------------------------------------------------------------------------

SENTENCE_ID = re.compile(r"\bP\d{2}\.S\d+\b")
LABEL_FIELDS = (
    "speaker", "speaker_role", "channel", "category", "also_acceptable", "claim_type", "claim_type_also", "techniques"
)


@dataclass(frozen=True)
class LabelLeak:
    """A line of a released file that names a sentence together with one of its labels in the key."""

    path: str
    line: int
    sentence_id: str
    label: str

    def describe(self) -> str:
        """Return one line naming the file, the line, the sentence and the label, and the fix."""
        return (
            f"{self.path}: line {self.line}: names {self.sentence_id} with its label {self.label!r}; "
            "remove the label from this line (a comment, docstring or text) before releasing"
        )


def key_labels(key: Any) -> dict[str, list[str]]:
    """Return, per sentence of ``key`` (a ``Key``), the labels that would give its answer away.

    Every value of ``LABEL_FIELDS`` (lists split at ``;``) and a speaker's surname, less the
    words the sentence's own text holds (naming those tells nothing the article does not).
    """
    labels: dict[str, list[str]] = {}
    for sentence_id, row in key.table.to_dict("index").items():
        text = str(row.get("text", "")).lower()
        found: set[str] = set()
        for field_name in LABEL_FIELDS:
            for value in str(row.get(field_name, "") or "").split(";"):
                value = value.strip()
                if not value or value.lower() == "nan":
                    continue
                found.add(value)
                if field_name == "speaker" and " " in value:
                    found.add(value.split()[-1])
        labels[str(sentence_id)] = sorted(label for label in found if label.lower() not in text)
    return labels


def _label_pattern(label: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w-])" + re.escape(label) + r"s?(?![\w-])", re.IGNORECASE)


def find_label_leaks(text: str, labels: dict[str, list[str]], path: str) -> list[LabelLeak]:
    """Return every line of ``text`` that names a sentence id of ``labels`` and one of that sentence's labels."""
    leaks = []
    for number, line in enumerate(text.splitlines(), start=1):
        for sentence_id in dict.fromkeys(SENTENCE_ID.findall(line)):
            for label in labels.get(sentence_id, []):
                if _label_pattern(label).search(line):
                    leaks.append(LabelLeak(path, number, sentence_id, label))
    return leaks


def release_leaks(out: Path, keys: list[Any]) -> list[LabelLeak]:
    """Return the label leaks of every key in ``keys`` in every file under ``out`` (``.git`` excluded)."""
    leaks = []
    for key in keys:
        labels = key_labels(key)
        for path in sorted(out.rglob("*")):
            relative = path.relative_to(out).as_posix()
            if not path.is_file() or relative.startswith(".git/"):
                continue
            text = path.read_bytes().decode("utf-8", errors="replace")
            leaks.extend(find_label_leaks(text, labels, relative))
    return leaks


def strip_notebook(notebook: dict[str, Any]) -> dict[str, Any]:
    """Return a copy of ``notebook`` without outputs, execution counts, widget state or ``teacher-only`` cells."""
    cells = []
    for cell in notebook.get("cells", []):
        metadata = {
            key: value
            for key, value in cell.get("metadata", {}).items()
            if key not in ("execution", "collapsed", "scrolled")
        }
        if TEACHER_TAG in metadata.get("tags", []):
            continue
        new = {**cell, "metadata": metadata}
        if cell.get("cell_type") == "code":
            new["outputs"] = []
            new["execution_count"] = None
        cells.append(new)
    metadata = {key: value for key, value in notebook.get("metadata", {}).items() if key != "widgets"}
    return {**notebook, "cells": cells, "metadata": metadata}


def unlink_notebooks(notebook: dict[str, Any], left_out: set[str]) -> dict[str, Any]:
    """Return a copy of ``notebook`` whose Markdown links to the notebooks named in ``left_out`` are plain text.

    "[02 Who is speaking?](02_who_is_speaking.ipynb)" becomes "02 Who is speaking? (not in this copy)",
    so the lesson list and the previous/next links of a release never point at a missing file.
    """

    def replace(match: re.Match[str]) -> str:
        if PurePosixPath(match.group("target")).name not in left_out:
            return match.group(0)
        return f"{match.group('text')} {NOT_IN_COPY}"

    cells = []
    for cell in notebook.get("cells", []):
        if cell.get("cell_type") == "markdown" and left_out:
            source = "".join(cell.get("source", ""))
            unlinked = NOTEBOOK_LINK.sub(replace, source)
            if unlinked != source:
                cell = {**cell, "source": unlinked.splitlines(keepends=True)}
        cells.append(cell)
    return {**notebook, "cells": cells}


def reads_key(notebook: dict[str, Any]) -> bool:
    """Return True when a code cell of ``notebook`` reads an answer key (see ``KEY_READERS``)."""
    return any(
        reader in "".join(cell.get("source", ""))
        for cell in notebook.get("cells", [])
        if cell.get("cell_type") == "code"
        for reader in KEY_READERS
    )


def _check_out_folder(root: Path, out: Path) -> None:
    """Raise ``MediaLitError`` unless ``out`` may be (re)written as a release."""
    root, target = root.resolve(), out.resolve()
    if target == root or target in root.parents:
        raise MediaLitError(f"{out}: is the kit's folder or contains it; choose a new, empty folder for the release")
    for name in NEVER_RELEASED:
        if target == root / name or (root / name) in target.parents:
            raise MediaLitError(f"{out}: is inside {name}/; choose a folder outside the kit, e.g. ../release")
    if target.exists() and not target.is_dir():
        raise MediaLitError(f"{out}: is a file; choose a folder for the release")
    if target.is_dir() and any(target.iterdir()) and not (target / RELEASE_MARKER).is_file():
        raise MediaLitError(f"{out}: is not empty and holds no earlier release; choose an empty or new folder")


def _load_keys(seeds: Path) -> list[Any]:
    """Return every answer key in ``seeds`` (``Key`` objects, sorted by file name).

    Raises:
        MediaLitError: a key is broken (the message names the file and row).
    """
    from medialit.keys.key import load_key

    return [load_key(path) for path in sorted(seeds.glob(f"*{KEY_SUFFIX}"))]


def _article_entries(keys: list[Any]) -> dict[str, dict[str, Any]]:
    """Return, per article with a key in ``keys``, the key's SHA-256 and the speakers to choose from."""
    from medialit.exercises.scoring import choices

    return {key.article.name: {"key_sha256": key.sha256, "choices": {"speaker": choices(key, "speaker")}} for key in keys}


def _check_reviewed(keys: list[Any], include_unreviewed: bool) -> list[str]:
    """Return the file names of the unreviewed keys in ``keys``.

    Raises:
        MediaLitError: some key is unreviewed and ``include_unreviewed`` is False.
    """
    unreviewed = [key.path.name for key in keys if not key.reviewed]
    if unreviewed and not include_unreviewed:
        raise MediaLitError(
            f"{', '.join(unreviewed)}: not reviewed yet (machine-drafted labels, 'reviewed = no'); review "
            "with review_draft(...) and save as reviewed, or pass --include-unreviewed to release it as a draft"
        )
    return unreviewed


def student_readme(mode: str, lessons_left_out: list[str] | None = None) -> str:
    """Return the README written into a release for ``mode`` (naming the lessons an assessment leaves out)."""
    if mode == "assessment":
        mode_text = (
            "This copy is an **assessment**: it holds no answer keys. The exercises record your answers and check only "
            "their *format* (is every item answered, is each answer one of the labels); they say so each time. Your "
            "teacher gives feedback after grading."
        )
        if lessons_left_out:
            mode_text += (
                " The lessons that show the answer key are not in this copy: "
                + ", ".join(f"`{name.removesuffix('.ipynb')}`" for name in lessons_left_out)
                + "."
            )
    else:
        mode_text = (
            "This copy is for **practice**: the exercises check your answers at once and explain the answer key's "
            "reasoning. Try each item yourself before you press *Check*."
        )
    return f"""# Who is speaking? Media-literacy lessons and exercises

Guided JupyterLab notebooks about one real news article: the May 2019 talks in Sochi between Sergey Lavrov and
Mike Pompeo. You learn to tell apart official statements, state-media framing, expert opinion and plain reporting.

{mode_text}

## Start

* On your class's JupyterHub or Binder: open `notebooks/00_start_here.ipynb`.
* On your own computer (Python 3.11 or newer):
  `python3 -m venv .venv && .venv/bin/python -m pip install -r requirements.txt && .venv/bin/jupyter lab --config=jupyter_lab_config.py --LabApp.default_url=/lab/tree/notebooks/00_start_here.ipynb`
  (Windows: `py -3 -m venv .venv; .venv\\Scripts\\python -m pip install -r requirements.txt; .venv\\Scripts\\jupyter lab --config=jupyter_lab_config.py --LabApp.default_url=/lab/tree/notebooks/00_start_here.ipynb`).

## What is here

| Folder | What it holds |
| --- | --- |
| `notebooks/` | the lessons, `00_start_here` first |
| `exercises/` | the assignments your teacher gives you; each ends by saving a submission file |
| `seeds/` | the article{" and its answer key" if mode == "practice" else ""} |

## Your answers and your submission

* Every answer you click is saved at once in the folder `.medialit/` beside the notebook you are working in, so it
  survives closing the notebook or restarting the kernel.
* The last cell of each exercise saves a **submission file** (`YOURNAME-EXERCISE-TIME.submission.json`). It holds
  your answers as data, never your code. Hand it in the way your teacher tells you.

## Licences

Code: MIT (`LICENSE`). Lesson text: Creative Commons Attribution 4.0 (`LICENSE-CONTENT.md`). The article in
`seeds/` is third-party news text, included unchanged for educational analysis and not covered by these licences.
"""


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _remove_managed(out: Path) -> None:
    """Delete the files and folders a release writes from ``out`` (anything else, such as ``.git``, stays)."""
    for name in MANAGED:
        target = out / name
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()


def _copy_package(package: Path, target: Path, modules: list[str], strip: bool) -> None:
    """Copy ``modules`` (dotted names) of ``package`` and its ``data`` folder into ``target``.

    With ``strip`` (an assessment) the modules are written without comments or
    docstrings and the data folders that hold answers (``ANSWER_DATA``) are left out.
    """
    target.mkdir(parents=True)
    paths = package_modules(package)
    left_out = sorted(name for name in paths if name not in modules)
    for module in modules:
        source = paths[module]
        relative = source.relative_to(package)
        text = source.read_text(encoding="utf-8")
        if module == "__init__":
            text = _drop_public_names(text, left_out)
        _write(target / relative, strip_python(text, f"medialit/{relative.as_posix()}") if strip else text)
    leave_out = ("__pycache__", "*.pyc", *(ANSWER_DATA if strip else ()))
    if (package / "data").is_dir():
        shutil.copytree(package / "data", target / "data", ignore=shutil.ignore_patterns(*leave_out))


def _drop_public_names(text: str, left_out: list[str]) -> str:
    """Return the ``__init__.py`` source ``text`` without the ``_PUBLIC`` lines that name a left-out module.

    A line such as ``    "draft_key": "medialit.draft.drafter",`` goes, so ``dir(medialit)`` in a
    release lists only what it holds.
    """
    dotted = [name.removesuffix(".__init__") for name in left_out]
    pattern = re.compile(r'^\s*"\w+": "medialit\.(?:' + "|".join(map(re.escape, dotted)) + r')",\s*$')
    return "".join(line for line in text.splitlines(keepends=True) if not (left_out and pattern.match(line)))


def make_release(root: Path, out: Path, mode: str = "practice", include_unreviewed: bool = False) -> ReleaseSummary:
    """Write the student release of the kit at ``root`` into ``out`` and return what was written.

    ``out`` must be new, empty, or an earlier release (whose managed files are replaced;
    anything else in it, such as ``.git``, is kept). Only the modules the released
    notebooks need are copied, never the teacher tools (``TEACHER_MODULES``); in
    assessment mode they are written without comments or docstrings, and the release is
    refused (and removed) if any released file still names a sentence with its label.

    Raises:
        MediaLitError: unknown mode, a bad output folder, ``exercises/`` out of date, a broken
            key, an unreviewed key without ``include_unreviewed``, a notebook that needs a
            teacher tool, or (assessment) a released file naming a sentence's label.
    """
    if mode not in MODES:
        raise MediaLitError(f"mode {mode!r} is unknown; use one of: {', '.join(MODES)}")
    missing = [name for name in ("notebooks", "seeds", "medialit") if not (root / name).is_dir()]
    if missing:
        raise MediaLitError(f"{root}: has no {', '.join(missing)} folder; run this in the kit's folder or pass --root")
    _check_out_folder(root, out)
    stale, _ = (
        build_exercises(root / "solutions", root / "exercises", check=True)
        if (root / "solutions").is_dir()
        else ([], [])
    )
    if stale:
        raise MediaLitError(
            f"{stale[0]}: out of date with its solution; run 'python -m medialit build-exercises' before releasing"
        )
    keys = _load_keys(root / "seeds")
    unreviewed = _check_reviewed(keys, include_unreviewed)
    articles = _article_entries(keys)
    summary = ReleaseSummary(out=out, mode=mode, unreviewed=unreviewed)
    notebooks = {
        f"{folder}/{path.name}": read_notebook(path)
        for folder in NOTEBOOK_FOLDERS
        for path in sorted((root / folder).glob("*.ipynb"))
    }
    for name, notebook in notebooks.items():
        if mode == "assessment" and name.startswith("notebooks/") and reads_key(notebook):
            summary.lessons_left_out.append(PurePosixPath(name).name)
    left_out = set(summary.lessons_left_out)
    released = {
        name: notebook
        for name, notebook in notebooks.items()
        if not (name.startswith("notebooks/") and PurePosixPath(name).name in left_out)
    }
    summary.modules = released_modules(root / "medialit", released)
    summary.modules_left_out = sorted(name for name in package_modules(root / "medialit") if name not in summary.modules)
    out.mkdir(parents=True, exist_ok=True)
    _remove_managed(out)
    for name, notebook in released.items():
        _write(out / name, notebook_text(unlink_notebooks(strip_notebook(notebook), left_out)))
        summary.notebooks.append(name)
    (out / "seeds").mkdir()
    for path in sorted((root / "seeds").iterdir()):
        if not path.is_file():
            continue
        if path.name.endswith(KEY_SUFFIX):
            (summary.keys_left_out if mode == "assessment" else summary.keys_included).append(path.name)
            if mode == "assessment":
                continue
        shutil.copyfile(path, out / "seeds" / path.name)
        summary.seeds.append(path.name)
    _copy_package(root / "medialit", out / "medialit", summary.modules, strip=mode == "assessment")
    for name in KIT_FILES:
        if (root / name).is_file():
            shutil.copy2(root / name, out / name)
    for name in KIT_FOLDERS:
        if (root / name).is_dir():
            shutil.copytree(root / name, out / name)
    _write(out / "README.md", student_readme(mode, summary.lessons_left_out))
    _write(out / ".gitignore", STUDENT_GITIGNORE)
    marker = {"mode": mode, "kit_version": __version__, "articles": articles}
    _write(out / RELEASE_MARKER, json.dumps(marker, indent=1, sort_keys=True, ensure_ascii=False) + "\n")
    leaks = release_leaks(out, keys) if mode == "assessment" else []
    if leaks:
        _remove_managed(out)
        more = f" (and {len(leaks) - 1} more)" if len(leaks) > 1 else ""
        raise MediaLitError(f"assessment release refused, nothing written: {leaks[0].describe()}{more}")
    return summary


def release_command(args: argparse.Namespace) -> int:
    """Handle ``release``: write the student release and print what it holds; return 0."""
    summary = make_release(Path(args.root), Path(args.out), args.mode, include_unreviewed=args.include_unreviewed)
    print(summary.describe())
    return 0


def add_release_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of ``release`` to ``parser``."""
    parser.add_argument(
        "--out", required=True, metavar="DIR", help="the folder to write the release into (new or empty)"
    )
    parser.add_argument(
        "--mode",
        choices=MODES,
        default="practice",
        help="practice: keep the answer keys for instant feedback; assessment: leave them out, exercises only record answers",
    )
    parser.add_argument(
        "--include-unreviewed",
        action="store_true",
        help="release answer keys that are still machine drafts (reviewed = no); without it such a key stops the release",
    )
    parser.add_argument("--root", default=".", metavar="DIR", help="the kit's folder (default: the working folder)")
