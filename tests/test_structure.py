"""Does the package keep its shape: layers whose imports point down, the CLI alone parsing and printing, short functions?

The layers, lowest first (README, "Layout"): the base modules (``errors``, ``atomic``, ``locations``,
``vocabulary``, ``words``), then ``text``, ``keys``, ``exercises``, ``ui``, ``lessons``, ``teacher``, ``draft`` and
``cli``. A module may import its own layer and the ones below, never one above. Nothing below ``ui`` imports a widget
or plotting library, so the logic runs (and is tested) without a browser or a figure.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "medialit"
LAYERS = ("text", "keys", "exercises", "ui", "lessons", "teacher", "draft", "cli")
BASE = 0  # errors, atomic, locations, vocabulary, words, the package's __init__ and __main__
UI_LIBRARIES = ("ipywidgets", "matplotlib", "anywidget", "IPython.display")
MAX_LINES = 60
MAX_BRANCHES = 12
# A function may be longer or branch more when its docstring says why, with one of these phrases.
EXCUSES = ("is long because", "branches because")


@dataclass(frozen=True)
class Import:
    """One import statement in a module of the package."""

    module: str  # the importing module, relative to the package ("ui/widgets.py")
    line: int
    target: str  # the imported module's dotted name


def layer_of(module: str) -> int:
    """Return the layer number of a dotted module name relative to the package ("ui.widgets" -> 4; base -> 0)."""
    top = module.split(".")[0]
    if top == "__main__":  # ``python -m medialit`` only starts the command line
        return len(LAYERS)
    return LAYERS.index(top) + 1 if top in LAYERS else BASE


def layer_name(number: int) -> str:
    """Return the name of layer ``number`` ("base" for 0)."""
    return LAYERS[number - 1] if number else "base"


def package_files() -> list[Path]:
    """Return every Python file of the package."""
    return sorted(path for path in PACKAGE.rglob("*.py") if "__pycache__" not in path.parts)


def relative_name(path: Path) -> str:
    """Return the dotted name of ``path`` relative to the package ("ui/widgets.py" -> "ui.widgets")."""
    return ".".join(path.relative_to(PACKAGE).with_suffix("").parts)


def imports_of(path: Path) -> list[Import]:
    """Return every import in ``path`` (inside functions and ``TYPE_CHECKING`` blocks too)."""
    found: list[Import] = []
    name = path.relative_to(PACKAGE).as_posix()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [Import(name, node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append(Import(name, node.lineno, node.module))
            if node.module == "medialit":
                found += [Import(name, node.lineno, f"medialit.{alias.name}") for alias in node.names]
    return found


def layering_problems(files: list[Path]) -> list[str]:
    """Return one line per import that points up a layer, or that brings a UI library below ``ui``."""
    problems = []
    for path in files:
        own = layer_of(relative_name(path))
        for found in imports_of(path):
            if found.target.startswith("medialit.") and found.target != "medialit.__version__":
                target = layer_of(found.target.removeprefix("medialit."))
                if target > own:
                    problems.append(
                        f"medialit/{found.module}:{found.line}: the {layer_name(own)} layer imports {found.target} "
                        f"from the {layer_name(target)} layer above it"
                    )
            elif own < LAYERS.index("ui") + 1 and found.target.startswith(UI_LIBRARIES):
                problems.append(f"medialit/{found.module}:{found.line}: imports {found.target} below the ui layer")
    return problems


def output_problems(files: list[Path]) -> list[str]:
    """Return one line per ``argparse`` import or ``print`` call outside the ``cli`` subpackage."""
    problems = []
    for path in files:
        if relative_name(path).split(".")[0] == "cli" or path.name == "__main__.py":
            continue
        name = path.relative_to(PACKAGE).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import) and any(alias.name == "argparse" for alias in node.names):
                problems.append(f"medialit/{name}:{node.lineno}: imports argparse outside medialit/cli")
            elif isinstance(node, ast.ImportFrom) and node.module == "argparse":
                problems.append(f"medialit/{name}:{node.lineno}: imports argparse outside medialit/cli")
            elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "print":
                problems.append(f"medialit/{name}:{node.lineno}: calls print outside medialit/cli")
    return problems


BRANCHES = (ast.If, ast.IfExp, ast.For, ast.AsyncFor, ast.While, ast.ExceptHandler, ast.match_case, ast.comprehension)


def branch_count(function: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
    """Return the branches of ``function`` (ifs, loops, except handlers, match cases; nested functions excluded)."""
    count = 0
    stack = list(ast.iter_child_nodes(function))
    while stack:
        node = stack.pop()
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            continue
        count += isinstance(node, BRANCHES) and not (isinstance(node, ast.comprehension) and not node.ifs)
        stack.extend(ast.iter_child_nodes(node))
    return count


def code_lines(function: ast.FunctionDef | ast.AsyncFunctionDef) -> int:
    """Return the lines of ``function`` from its ``def`` to its end, its docstring left out."""
    total = (function.end_lineno or function.lineno) - function.lineno + 1
    first = function.body[0]
    if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
        total -= (first.end_lineno or first.lineno) - first.lineno + 1
    return total


def size_problems(files: list[Path]) -> list[str]:
    """Return one line per function over ``MAX_LINES`` lines or ``MAX_BRANCHES`` branches whose docstring gives no reason."""
    problems = []
    for path in files:
        name = path.relative_to(PACKAGE).as_posix()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            docstring = ast.get_docstring(node) or ""
            if any(excuse in docstring for excuse in EXCUSES):
                continue
            lines, branches = code_lines(node), branch_count(node)
            if lines > MAX_LINES or branches > MAX_BRANCHES:
                problems.append(f"medialit/{name}:{node.lineno}: {node.name} has {lines} lines and {branches} branches")
    return problems


def test_does_every_import_point_down_the_layers() -> None:
    assert layering_problems(package_files()) == []


def test_do_only_the_cli_modules_parse_arguments_or_print() -> None:
    assert output_problems(package_files()) == []


def test_is_every_function_short_or_does_its_docstring_say_why() -> None:
    assert size_problems(package_files()) == []


def test_is_every_subpackage_a_layer_with_a_docstring() -> None:
    folders = sorted(path.parent.name for path in PACKAGE.glob("*/__init__.py"))
    assert folders == sorted(LAYERS)
    for layer in LAYERS:
        assert ast.get_docstring(ast.parse((PACKAGE / layer / "__init__.py").read_text(encoding="utf-8")))


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("from medialit.ui.widgets import classify\n", "the text layer imports medialit.ui.widgets from the ui layer"),
        ("import matplotlib.pyplot as plt\n", "imports matplotlib.pyplot below the ui layer"),
        ("def f():\n    from medialit import teacher\n", "imports medialit.teacher from the teacher layer"),
    ],
)
def test_does_the_layer_check_catch_an_upward_import(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, source: str, expected: str) -> None:
    package = tmp_path / "medialit"
    (package / "text").mkdir(parents=True)
    (package / "text" / "bad.py").write_text(source, encoding="utf-8")
    monkeypatch.setitem(globals(), "PACKAGE", package)
    problems = layering_problems([package / "text" / "bad.py"])
    assert len(problems) == 1 and expected in problems[0]


def test_do_the_output_and_size_checks_catch_what_they_forbid(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package = tmp_path / "medialit"
    (package / "keys").mkdir(parents=True)
    body = "".join(f"    x{n} = {n}\n" for n in range(MAX_LINES))
    branches = "".join(f"    if x0 == {n}:\n        pass\n" for n in range(MAX_BRANCHES + 1))
    (package / "keys" / "bad.py").write_text(
        "import argparse\n\ndef long():\n" + body + "\ndef branchy(x0):\n" + branches + "\ndef shout():\n    print(1)\n"
        "\ndef excused():\n    \"\"\"This is long because it is a table.\"\"\"\n" + body,
        encoding="utf-8",
    )
    monkeypatch.setitem(globals(), "PACKAGE", package)
    files = [package / "keys" / "bad.py"]
    assert [line.split(": ", 1)[1] for line in output_problems(files)] == [
        "imports argparse outside medialit/cli", "calls print outside medialit/cli"
    ]
    assert [line.split(": ", 1)[1].split(" has")[0] for line in size_problems(files)] == ["long", "branchy"]
