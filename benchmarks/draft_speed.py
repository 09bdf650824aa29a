"""``python benchmarks/draft_speed.py [--texts N] [--json PATH]``: the draft pipeline's speed.

The same as ``python -m benchmarks --only draft_speed`` (the JSON goes to ``benchmarks/results/draft_speed.json``
unless ``--json`` says otherwise).
"""

from __future__ import annotations

import sys
from pathlib import Path

if __name__ == "__main__":
    repository = Path(__file__).resolve().parent.parent
    sys.path[0] = str(repository)  # the repository, not benchmarks/, so the package imports
    from benchmarks.__main__ import main

    arguments = sys.argv[1:]
    if "--json" not in arguments:
        arguments += ["--json", str(repository / "benchmarks" / "results" / "draft_speed.json")]
    raise SystemExit(main(["--only", "draft_speed", *arguments]))
