"""Does the kit work installed as a regular package, with the lessons in another folder?

An editable install hides missing package data; this test builds a wheel, installs
it into a fresh virtual environment that sees the test environment's other
packages but not the source tree, and runs lesson 01 from a folder outside the repo.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from tests.conftest import REPO

RUN_LESSON = """
import sys, nbformat, medialit
from nbclient import NotebookClient
assert "site-packages" in medialit.__file__, medialit.__file__
notebook = nbformat.read(sys.argv[1], as_version=4)
NotebookClient(notebook, timeout=120, kernel_name="python3", resources={"metadata": {"path": sys.argv[2]}}).execute()
errors = [o for c in notebook.cells if c.cell_type == "code" for o in c.outputs if o.output_type == "error"]
assert not errors, errors
print("lesson ran from", medialit.__file__.split("site-packages")[0][-12:])
"""


@pytest.mark.slow
def test_does_a_regular_install_run_a_lesson_from_another_folder(tmp_path: Path) -> None:
    # Build from a copy: setuptools writes build/ and *.egg-info into the source folder.
    source = tmp_path / "source"
    shutil.copytree(REPO / "medialit", source / "medialit", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md", "LICENSE", "LICENSE-CONTENT.md"):
        shutil.copy(REPO / name, source / name)
    wheels = tmp_path / "wheels"
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(wheels), str(source)],
        capture_output=True, text=True,
    )
    assert build.returncode == 0, build.stderr
    (wheel,) = wheels.glob("medialit-*.whl")

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()
    # The test environment's third-party packages, but not its editable medialit and not the repo.
    (Path(purelib) / "test-env.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    install = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "-q", str(wheel)],
        capture_output=True, text=True,
    )
    assert install.returncode == 0, install.stderr

    classroom = tmp_path / "classroom"
    shutil.copytree(REPO / "seeds", classroom / "seeds")
    shutil.copytree(REPO / "notebooks", classroom / "notebooks")
    lesson = classroom / "notebooks" / "01_meet_the_article.ipynb"
    result = subprocess.run(
        [str(python), "-c", RUN_LESSON, str(lesson), str(lesson.parent)],
        capture_output=True, text=True, cwd=classroom, timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "lesson ran from" in result.stdout
