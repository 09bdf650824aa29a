"""Writing files so that a crash (or a killed kernel) leaves either the old file or the new one, never half of one.

Files are written to a temporary file first (``tempfile`` creates it readable only by
its owner), then given the mode a plain ``open(path, "w")`` would give: the user's
umask for a new file, the old file's mode when one is replaced. So a shared hand-in
folder with a group-friendly umask (e.g. ``umask 027``) stays readable by the group.
"""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


def current_umask() -> int:
    """Return the process's umask (from ``/proc`` on Linux, else by setting and restoring it); nothing changes."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _give_mode(temporary: Path, target: Path) -> None:
    """Give ``temporary`` the mode ``open()`` would give ``target``: the old file's, else 0o666 less the umask.

    Does nothing where modes do not apply (Windows).
    """
    if os.name != "posix":
        return
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        mode = 0o666 & ~current_umask()
    os.chmod(temporary, mode)


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


def write_temporary(folder: Path, data: bytes, prefix: str, *, sync: bool = True) -> Path:
    """Write ``data`` to a new hidden temporary file in ``folder`` and return its path.

    The file is flushed to disk unless ``sync`` is False.

    Raises:
        OSError: the folder cannot be written.
    """
    handle, name = tempfile.mkstemp(dir=folder, prefix=prefix, suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            if sync:
                os.fsync(stream.fileno())
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise
    return Path(name)


def replace_atomically(path: Path, data: bytes, *, sync: bool = True) -> None:
    """Replace the file at ``path`` with ``data`` atomically (temporary file in the same folder + ``os.replace``).

    The folder is created if needed. Readers see the old content or the new, never a mix.
    ``sync=False`` skips flushing to disk (for files that are regenerated anyway, such as feedback).

    Raises:
        OSError: the folder cannot be written.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = write_temporary(path.parent, data, prefix=f".{path.name}.", sync=sync)
    try:
        _give_mode(temporary, path)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    if sync:
        fsync_folder(path.parent)


def place_new(temporary: Path, target: Path) -> bool:
    """Give the finished ``temporary`` file the name ``target`` unless that name exists; return True when placed.

    An existing ``target`` is never overwritten (a hard link fails when the name exists).
    The new file gets the mode a plain ``open()`` would give it (the user's umask).
    """
    _give_mode(temporary, target)
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
