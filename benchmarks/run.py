"""``python benchmarks/run.py [--quick] ...``: the same as ``python -m benchmarks`` (kept for old commands and notes)."""

from __future__ import annotations

import sys
from pathlib import Path

if __name__ == "__main__":
    sys.path[0] = str(Path(__file__).resolve().parent.parent)  # the repository, not benchmarks/, so the package imports
    from benchmarks.__main__ import main

    raise SystemExit(main())
