"""A Python environment for tests that must not see the kit's editable install.

The test environment installs the kit editable (``-e .``), and setuptools' editable
finder then answers for any ``medialit.*`` module, even one a student release left
out. ``isolated_python`` makes a fresh virtual environment (no pip, created in about
a second) that reaches the test environment's libraries through a ``.pth`` line but
not its ``.pth`` files, so the editable finder is not loaded: ``medialit`` is only
what the working folder, ``PYTHONPATH`` or a regular install into that environment holds.
"""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import venv
from pathlib import Path


def isolated_python(folder: Path) -> Path:
    """Create a virtual environment in ``folder`` that sees the test environment's libraries; return its python.

    The kit itself is not importable from it until installed there (see ``install_kit``).
    """
    venv.EnvBuilder(with_pip=False, symlinks=sys.platform != "win32").create(folder)
    python = folder / ("Scripts/python.exe" if sys.platform == "win32" else "bin/python")
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()
    ours = sysconfig.get_paths()
    lines = dict.fromkeys([ours["purelib"], ours["platlib"]])
    (Path(purelib) / "zz_test_environment.pth").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return python


def install_kit(python: Path, source: Path, work: Path) -> Path:
    """Build a wheel of the kit at ``source`` in ``work`` and install it (regular, not editable) for ``python``.

    Returns the wheel's path. Dependencies are not installed: they come from the test environment.
    """
    work.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(work), str(source)],
        check=True, capture_output=True, text=True,
    )
    (wheel,) = sorted(work.glob("medialit-*.whl"))
    subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps", "-q", "--no-index", str(wheel)],
        check=True, capture_output=True, text=True,
    )
    return wheel
