"""The machine and its processes: cores and memory, peak memory and CPU time of a process, disk usage, bytecode.

Linux's ``/proc`` gives the process figures; elsewhere they are None ("unknown").
"""

from __future__ import annotations

import contextlib
import importlib.util
import os
import platform
import shutil
import subprocess
import sys
import sysconfig
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from benchmarks import MB, REPO

COPY_IGNORE = shutil.ignore_patterns(
    ".git", ".venv", "venv", "__pycache__", ".ipynb_checkpoints", "results", "*.egg-info", "build", "dist", ".medialit"
)


def copy_kit(target: Path) -> None:
    """Copy the kit's working tree to ``target`` (which must not exist) for the notebook runs; changes only ``target``.

    Symbolic links are copied as links, never followed: the hostile test class holds
    broken and looping ones on purpose.
    """
    shutil.copytree(REPO, target, ignore=COPY_IGNORE, symlinks=True)


def machine_info() -> dict[str, Any]:
    """Return the machine's cores, memory, CPU model, Python version and OS."""
    cpu = platform.processor() or platform.machine()
    memory_gib = None
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    with contextlib.suppress(OSError, ValueError, IndexError):
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal:"):
                memory_gib = int(line.split()[1]) / 1024 / 1024
    usable = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return {
        "cores": usable,
        "memory_gib": memory_gib,
        "cpu": cpu,
        "python": platform.python_version(),
        "os": f"{platform.system()} {platform.release()}",
    }


def module_exists(name: str) -> bool:
    """Return True when the module ``name`` can be imported (without importing it)."""
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def read_peak_rss(pid: int | None) -> float | None:
    """Return the peak resident memory (``VmHWM``) of process ``pid`` in MB, or None when unknown."""
    if pid is None:
        return None
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024 / MB
    except (OSError, ValueError, IndexError):
        return None
    return None


def read_cpu_seconds(pid: int | None) -> float | None:
    """Return the CPU time (user + system) that process ``pid`` has used so far in seconds, or None when unknown."""
    if pid is None:
        return None
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def disk_usage(path: Path) -> int:
    """Return the bytes that ``path`` occupies on disk, as ``du`` counts them (hard links once)."""
    total = 0
    seen: set[tuple[int, int]] = set()
    for folder, dirs, files in os.walk(path):
        for name in [*files, *dirs]:
            with contextlib.suppress(OSError):
                info = os.lstat(os.path.join(folder, name))
                if (info.st_dev, info.st_ino) in seen:
                    continue
                seen.add((info.st_dev, info.st_ino))
                total += info.st_blocks * 512
    return total


def warm_bytecode(prefix: Path) -> None:
    """Compile the standard library, site-packages and the kit into the bytecode cache at ``prefix``.

    The measured interpreters and kernels read their ``.pyc`` files from there
    (``PYTHONPYCACHEPREFIX``), as a learner's do from ``__pycache__`` after a first run.
    """
    paths = sysconfig.get_paths()
    folders = {paths["stdlib"], paths["purelib"], paths["platlib"], str(REPO / "medialit")}
    code = "import compileall, sys\nfor folder in sys.argv[1:]:\n    compileall.compile_dir(folder, quiet=2, workers=0)"
    subprocess.run(
        [sys.executable, "-c", code, *sorted(folders)],
        env=dict(os.environ, PYTHONPYCACHEPREFIX=str(prefix)),
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False,
    )


@contextlib.contextmanager
def environment_variable(name: str, value: str) -> Iterator[None]:
    """Set the environment variable ``name`` to ``value`` inside the ``with`` block (kernels inherit it), then restore it."""
    saved = os.environ.get(name)
    os.environ[name] = value
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = saved
