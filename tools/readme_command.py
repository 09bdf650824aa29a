"""Print one of the README's two commands, so CI runs exactly what a newcomer types.

    python tools/readme_command.py test     # the command that runs the whole suite
    python tools/readme_command.py open     # the command that opens the kit in JupyterLab

The README marks each with an HTML comment (``<!-- command:test -->``) followed by
a fenced code block; the first line of that block is the command.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

README = Path(__file__).resolve().parent.parent / "README.md"


def readme_command(name: str, readme: Path = README) -> str:
    """Return the command marked ``<!-- command:NAME -->`` in ``readme``.

    Raises:
        LookupError: the README has no such marked command.
    """
    text = readme.read_text(encoding="utf-8")
    match = re.search(rf"<!-- command:{re.escape(name)} -->\s*```[a-z]*\n(.+?)\n", text)
    if not match:
        raise LookupError(f"{readme}: no command marked <!-- command:{name} --> followed by a code block")
    return match.group(1).strip()


if __name__ == "__main__":
    print(readme_command(sys.argv[1] if len(sys.argv) > 1 else "test"))
