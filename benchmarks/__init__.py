"""Benchmark the kit against what Jupyter itself costs, and judge the performance budgets.

    python -m benchmarks                 # everything (about 15-25 minutes on 2 cores)
    python -m benchmarks --quick         # one run each; no install sizes, no test suite
    python -m benchmarks --only notebooks,check --match 06_
    python -m benchmarks --only draft_speed       # the draft pipeline's speed, segmentation apart

One module per section, each returning its measurements as a dict: ``notebooks`` (the floor notebooks and every
lesson, solution, exercise and teacher notebook, interleaved), ``imports`` (start-up: ``import medialit`` against
its dependencies), ``check`` (the Check button's callback), ``throughput`` (``sentences``, ``draft`` and ``grade``
through ``medialit.cli.main.main``), ``grade_memory`` (grading 500 large submissions), ``install`` (installed
sizes), ``suite`` (the test suite's time) and ``draft_pipeline`` (the draft pipeline's speed). ``variants`` makes
the distinct input texts from the kit's articles, ``budgets`` reads ``budgets.json``, ``report`` formats the
markdown tables and ``__main__`` parses the arguments, runs the sections and prints.

Nothing is written into the repository: notebooks run from a temporary copy, answers go to a temporary folder,
and bytecode caches to a temporary ``PYTHONPYCACHEPREFIX`` (warmed before measuring, as on a learner's machine
after the first run). Modules import only the standard library at module level; the kit, nbclient and ipywidgets
are imported where they are measured, so the helpers import fast for the tests.
"""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MB = 1024 * 1024
SEED = "lavrov-pompeo-sochi-2019"
