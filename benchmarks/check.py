"""The Check button: ``medialit.classify(<seed>)``'s whole callback, widget updates included.

Measured in-process (widget updates go to ipywidgets' stand-in comm) and inside a real kernel run by nbclient,
which plays the browser (every update is also serialised and sent, as in a lesson).
"""

from __future__ import annotations

import contextlib
import cProfile
import io
import json
import os
import pstats
import random
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from benchmarks import REPO, SEED, budgets
from benchmarks.stats import median, percentile
from benchmarks.system import module_exists

# The code the kernel runs: the same ``press_check`` as in-process, imported from this package.
_KERNEL_CHECK = """
import json, sys
sys.path.insert(0, {repo!r})
from benchmarks.check import press_check
import medialit
exercise = medialit.classify({seed!r})
print(json.dumps(press_check(exercise, {presses}, profile=False)))
"""


def walk_widgets(widget: Any) -> Iterable[Any]:
    """Yield ``widget`` and every widget inside it (``children`` of boxes, tabs and accordions)."""
    yield widget
    for child in getattr(widget, "children", ()) or ():
        yield from walk_widgets(child)


def _press_and_choices(exercise: Any) -> tuple[Callable[[], Any], str, list[Any]]:
    """Return how to press ``exercise``'s Check button, how it is pressed (in words), and its changeable choice widgets."""
    import ipywidgets
    from ipywidgets.widgets.widget_selection import _Selection

    controls = getattr(exercise, "controls", None)
    pool = list(controls.values()) if isinstance(controls, dict) else list(walk_widgets(exercise))
    choices = [w for w in pool if isinstance(w, _Selection) and not w.disabled and len(w.options) > 1]
    buttons = [w for w in walk_widgets(exercise) if isinstance(w, ipywidgets.Button) and "check" in (w.description or "").lower()]
    if buttons:
        return buttons[0].click, "button.click()", choices
    return exercise.check, "exercise.check() (no button named Check found)", choices


def _profile_presses(press: Callable[[], Any], change_answers: Callable[[int], None]) -> list[str]:
    """Return the top of a cProfile (by cumulative time) of 10 presses, three answers changed before each."""
    profiler = cProfile.Profile()
    for _ in range(10):
        change_answers(3)
        profiler.enable()
        press()
        profiler.disable()
    text = io.StringIO()
    pstats.Stats(profiler, stream=text).sort_stats("cumulative").print_stats(18)
    return [line for line in text.getvalue().splitlines() if line.strip()][-22:]


def press_check(exercise: Any, presses: int, profile: bool = True, seed: int = 11) -> dict[str, Any]:
    """Press ``exercise``'s Check button ``presses`` times, changing three answers before each press.

    The exercise starts half answered; three warm-up presses are not timed. Answers
    are changed through the choice widgets (``exercise.controls`` when it has them),
    so the saving observers run as on a click, but outside the timed press.
    Returns the press times in milliseconds, how the button was pressed, the number
    of choice widgets and, with ``profile``, the top of a cProfile of 10 more presses.
    """
    press, how, choices = _press_and_choices(exercise)
    rng = random.Random(seed)

    def change_answers(count: int) -> None:
        for widget in rng.sample(choices, min(count, len(choices))):
            widget.index = rng.randrange(len(widget.options))

    change_answers(len(choices) // 2)
    for _ in range(3):
        press()
    timings = []
    for _ in range(presses):
        change_answers(3)
        start = time.perf_counter()
        press()
        timings.append((time.perf_counter() - start) * 1000)
    profile_lines = _profile_presses(press, change_answers) if profile else []
    return {"timings_ms": timings, "how": how, "choice_widgets": len(choices), "profile": profile_lines}


def press_in_kernel(presses: int, timeout: int) -> dict[str, Any]:
    """Press the Check button ``presses`` times inside a real kernel; return the median, p95 and max ms, or the error."""
    import nbformat

    from benchmarks.notebooks import make_notebook_runner

    code = _KERNEL_CHECK.format(repo=str(REPO), seed=SEED, presses=presses)
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)])
    run = make_notebook_runner(timeout)(notebook, REPO)
    output = "".join(o.get("text", "") for o in notebook.cells[0].get("outputs", []) if o.get("output_type") == "stream")
    try:
        timings = json.loads(output.strip().splitlines()[-1])["timings_ms"]
        return {"median_ms": median(timings), "p95_ms": percentile(timings, 95), "max_ms": max(timings)}
    except (ValueError, KeyError, IndexError):
        return {"error": run["error"] or output[-300:]}


def measure_check(presses: int, answers_dir: Path, timeout: int) -> dict[str, Any]:
    """Time the Check button of ``medialit.classify(SEED)``: in-process, and inside a real kernel.

    Returns the median and 95th percentile in milliseconds of each, and the cProfile
    of in-process presses. Answers are saved to ``answers_dir``.
    """
    if not module_exists("medialit.ui.widgets"):
        return {"available": False}
    os.environ["MEDIALIT_ANSWERS_DIR"] = str(answers_dir)
    os.environ["MEDIALIT_SUBMISSIONS_DIR"] = str(answers_dir)
    import medialit

    with contextlib.chdir(REPO):
        sentences = len(medialit.load_article(SEED))
        pressed = press_check(medialit.classify(SEED, exercise_id="benchmark-in-process"), presses)
    timings = pressed.pop("timings_ms")
    results: dict[str, Any] = {
        "available": True, "sentences": sentences, "presses": presses, **pressed,
        "median_ms": median(timings), "p95_ms": percentile(timings, 95), "max_ms": max(timings),
    }
    results["kernel"] = press_in_kernel(presses, timeout)
    worst = max(results["p95_ms"], results["kernel"].get("p95_ms", 0.0))
    results["ok"] = budgets.met("check_p95_ms", worst) and "error" not in results["kernel"]
    return results
