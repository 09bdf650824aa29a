"""The learners' install: ``pip install -r requirements.txt`` into a fresh venv against the bare Jupyter stack."""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks import MB, REPO, budgets
from benchmarks.system import COPY_IGNORE, disk_usage

LOG = logging.getLogger(__name__)
BARE_STACK = ("jupyterlab", "ipywidgets", "pandas", "matplotlib")


def copy_kit_for_install(target: Path) -> Path:
    """Copy what ``pip install -r requirements.txt`` needs into ``target`` (setuptools writes build files beside it)."""
    shutil.copytree(REPO / "medialit", target / "medialit", ignore=COPY_IGNORE)
    for name in ("pyproject.toml", "requirements.txt", "README.md", "LICENSE", "LICENSE-CONTENT.md"):
        if (REPO / name).exists():
            shutil.copy(REPO / name, target / name)
    return target


def bare_stack_requirements() -> list[str]:
    """Return jupyterlab, ipywidgets, pandas and matplotlib at the pins of ``requirements.txt``."""
    pins = {}
    for line in (REPO / "requirements.txt").read_text(encoding="utf-8").splitlines():
        if "==" in line and not line.lstrip().startswith("#"):
            name, version = line.split("#")[0].strip().split("==")
            pins[name.lower().replace("_", "-")] = version
    return [f"{name}=={pins[name]}" if name in pins else name for name in BARE_STACK]


def install_size(name: str, arguments: list[str], cwd: Path, venv: Path) -> dict[str, Any]:
    """Make a fresh venv at ``venv``, ``pip install ARGUMENTS`` into it from ``cwd``; return time and sizes in MB."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, capture_output=True)
    python = venv / "bin" / "python"
    environment = {key: value for key, value in os.environ.items() if not key.startswith("PYTHONPYCACHEPREFIX")}
    result = subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check", *arguments],
        cwd=cwd, capture_output=True, text=True, env=environment,
    )
    seconds = time.perf_counter() - start
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], capture_output=True, text=True, check=True,
    ).stdout.strip()
    LOG.info(f"install {name}: {'ok' if result.returncode == 0 else 'FAILED'} in {seconds:.0f} s")
    return {
        "requirements": arguments,
        "ok": result.returncode == 0,
        "error": result.stderr.strip().splitlines()[-1] if result.returncode else None,
        "seconds": seconds,
        "site_packages_mb": disk_usage(Path(purelib)) / MB,
        "venv_mb": disk_usage(venv) / MB,
    }


def measure_install(scratch: Path) -> dict[str, Any]:
    """Return the installed sizes of ``requirements.txt`` and of the bare stack, each in a fresh venv."""
    kit = copy_kit_for_install(scratch / "kit")
    learners = install_size("requirements.txt", ["-r", "requirements.txt"], kit, scratch / "venv-learners")
    bare = install_size("bare stack", bare_stack_requirements(), scratch, scratch / "venv-bare")
    ratio = learners["site_packages_mb"] / bare["site_packages_mb"] if bare["site_packages_mb"] else None
    return {
        "learners": learners,
        "bare": bare,
        "ratio": ratio,
        "ok": bool(ratio is not None and budgets.met("install_ratio", ratio) and learners["ok"] and bare["ok"]),
    }
