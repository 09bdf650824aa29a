"""Writing files so that a crash (or a killed kernel) leaves either the old file or the new one, never half of one."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def fsync_folder(folder: Path) -> None:
    """Flush ``folder``'s entries (a rename) to disk where the system allows it; otherwise do nothing."""
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass  # Windows and some file systems cannot fsync a folder; the file itself is on disk already
    finally:
        os.close(descriptor)


def write_temporary(folder: Path, data: bytes, prefix: str) -> Path:
    """Write ``data`` to a new hidden temporary file in ``folder``, flushed to disk, and return its path.

    Raises:
        OSError: the folder cannot be written.
    """
    handle, name = tempfile.mkstemp(dir=folder, prefix=prefix, suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return Path(name)


def replace_atomically(path: Path, data: bytes) -> None:
    """Replace the file at ``path`` with ``data`` atomically (temporary file in the same folder + ``os.replace``).

    The folder is created if needed. Readers see the old content or the new, never a mix.

    Raises:
        OSError: the folder cannot be written.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = write_temporary(path.parent, data, prefix=f".{path.name}.")
    try:
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    fsync_folder(path.parent)


def place_new(temporary: Path, target: Path) -> bool:
    """Give the finished ``temporary`` file the name ``target`` unless that name exists; return True when placed.

    An existing ``target`` is never overwritten (a hard link fails when the name exists).
    """
    try:
        os.link(temporary, target)
    except FileExistsError:
        return False
    except OSError:  # a file system without hard links: check, then rename
        if target.exists():
            return False
        os.replace(temporary, target)
        return True
    temporary.unlink(missing_ok=True)
    return True
