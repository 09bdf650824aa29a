"""The benchmark's report: markdown tables with each budget and PASS or MISS, and where the time goes for a MISS.

Every function returns text; ``benchmarks.__main__`` prints it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from benchmarks.budgets import Budget, limit

# The sections of a full run, in the order they run and are reported ("draft_speed" runs only when asked for).
SECTIONS = ("notebooks", "imports", "check", "throughput", "install", "tests")
Row = list[str]


def verdict(ok: bool | None) -> str:
    """Return ``PASS`` for True, ``MISS`` for False and ``n/a`` for None (not measured)."""
    return "n/a" if ok is None else ("PASS" if ok else "MISS")


def fmt(value: float | None, digits: int = 2, unit: str = "") -> str:
    """Return ``value`` rounded to ``digits`` with ``unit`` appended, or ``-`` for None."""
    return "-" if value is None else f"{value:.{digits}f}{unit}"


def markdown_table(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """Return a markdown table with ``headers`` and ``rows`` (cells converted with ``str``; ``|`` escaped).

    Raises:
        ValueError: a row has more or fewer cells than there are headers.
    """

    def cell(value: object) -> str:
        return str(value).replace("|", "\\|").replace("\n", " ")

    lines = ["| " + " | ".join(cell(h) for h in headers) + " |", "|" + "|".join(" --- " for _ in headers) + "|"]
    for row in rows:
        cells = [cell(value) for value in row]
        if len(cells) != len(headers):
            raise ValueError(f"row has {len(cells)} cells, the table {len(headers)} columns: {row!r}")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def machine_line(machine: dict[str, Any]) -> str:
    """Return one line describing ``machine`` for the table header."""
    memory = f"{machine['memory_gib']:.1f} GiB RAM" if machine.get("memory_gib") else "RAM unknown"
    return f"{machine['cores']} cores, {memory}, {machine['cpu']}, Python {machine['python']}, {machine['os']}"


def budgets_table(budgets: dict[str, Budget]) -> str:
    """Return the markdown table of ``budgets`` (as ``benchmarks/README.md`` shows them): name, limit, what it measures."""
    return markdown_table(
        ["budget", "limit", "what it measures"],
        [[f"`{b.name}`", f"{b.compare} {b.limit:g} {b.unit}", b.measures] for b in budgets.values()],
    )


# ---------------------------------------------------------------- the notebook table


def notebook_rows(results: dict[str, Any]) -> list[Row]:
    """Return the notebook table's rows: the two floors, then every notebook with its verdict."""
    rows = []
    for label, key in (("floor: empty notebook", "floor_empty"), ("floor: imports pandas, matplotlib, ipywidgets", "floor_imports")):
        floor = results.get(key)
        if floor:
            rows.append(
                [label, fmt(floor["seconds"], 2, " s"), "1.00x" if key == "floor_imports" else "", fmt(floor.get("cpu_seconds"), 2, " s"),
                 fmt(floor["peak_mb"], 0, " MB"), "", "reference"]
            )
    for path, entry in results["notebooks"].items():
        note = "; ".join(entry["errors"])[:120]
        result = verdict(entry["ok"]) + (" (error)" if entry["errors"] else "")
        rows.append(
            [
                f"`{path}`", fmt(entry["seconds"], 2, " s"), fmt(entry["time_ratio"], 2, "x"),
                f"{fmt(entry.get('cpu_seconds'), 2, ' s')} ({fmt(entry.get('cpu_ratio'), 2, 'x')})", fmt(entry["peak_mb"], 0, " MB"),
                ("+" if (entry["memory_over_floor_mb"] or 0) >= 0 else "") + fmt(entry["memory_over_floor_mb"], 0, " MB"),
                result + (f": {note}" if note else ""),
            ]
        )
    return rows


# ---------------------------------------------------------------- the budget table, one function per section


def notebooks_budget_rows(notebooks: dict[str, Any]) -> list[Row]:
    """Return the budget row of the notebooks: the worst time ratio and memory difference, and which missed."""
    entries = notebooks["notebooks"]
    missed = [path for path, entry in entries.items() if not entry["ok"]]
    worst_time = max((entry["time_ratio"] for entry in entries.values()), default=None)
    worst_memory = max((entry["memory_over_floor_mb"] or 0 for entry in entries.values()), default=None)
    return [
        [
            f"{len(entries)} notebooks vs the imports floor",
            f"worst {fmt(worst_time, 2, 'x')} time, floor + {fmt(worst_memory, 0, ' MB')}" + (f"; missed: {', '.join(missed)}" if missed else ""),
            f"each <= {limit('notebook_time_ratio')}x time, <= floor + {limit('notebook_memory_mb'):.0f} MB",
            verdict(not missed) if entries else "n/a",
        ]
    ]


def imports_budget_rows(imports: dict[str, Any]) -> list[Row]:
    """Return the rows of ``import medialit`` (bare and with ``load_article``) and of heavy libraries at import."""
    rows = []
    dependencies = imports["cases"]["dependencies"]["seconds"]
    for name in ("import medialit", "import medialit; medialit.load_article"):
        case = imports["cases"][name]
        ok = None if case["ratio"] is None else case["ratio"] <= limit("import_ratio")
        rows.append(
            [
                f"`{name}`",
                f"{fmt(case['seconds'] and case['seconds'] * 1000, 0, ' ms')} = {fmt(case['ratio'], 2, 'x')} "
                f"the dependencies ({fmt(dependencies and dependencies * 1000, 0, ' ms')})",
                f"<= {limit('import_ratio')}x", verdict(ok),
            ]
        )
    heavy = {module: info["heavy"] for module, info in imports["cli_modules"].items() if info["heavy"]}
    rows.append(
        [
            "heavy libraries loaded by the CLI/grading modules at import",
            ", ".join(f"{module}: {'/'.join(libs)}" for module, libs in heavy.items()) or f"none ({len(imports['cli_modules'])} modules)",
            "none", verdict(not heavy),
        ]
    )
    return rows


def check_budget_rows(check: dict[str, Any]) -> list[Row]:
    """Return the row of the Check callback: in-process and in-kernel median and 95th percentile."""
    budget = f"p95 < {limit('check_p95_ms'):.0f} ms"
    if not check.get("available"):
        return [["Check callback", "not available yet (no medialit.ui.widgets)", budget, "n/a"]]
    kernel = check["kernel"]
    in_kernel = (
        f"; in a kernel: median {kernel['median_ms']:.1f} ms, p95 {kernel['p95_ms']:.1f} ms"
        if "p95_ms" in kernel else f"; in a kernel: FAILED ({kernel.get('error')})"
    )
    return [
        [
            f"Check callback, {check['sentences']} sentences ({check['presses']} presses, {check['how']})",
            f"in-process: median {check['median_ms']:.1f} ms, p95 {check['p95_ms']:.1f} ms{in_kernel}",
            budget, verdict(check["ok"]),
        ]
    ]


def _rates(entry: dict[str, Any], words: dict[str, float]) -> str:
    """Return a command's rates on the article-sized and the mixed-size texts, in words."""
    return "; ".join(
        f"{entry[name]['per_cpu_second']:.0f}/s ({entry[name]['inputs']} {label}, median {words[name]:.0f} words"
        + (f", {entry[name]['failures']} failed" if entry[name]["failures"] else "") + ")"
        for name, label in (("article", "article-sized"), ("mixed", "mixed-size"))
    )


def grade_budget_rows(grade: dict[str, Any], memory: dict[str, Any]) -> list[Row]:
    """Return the rows of ``grade``: its rate, and the peak memory of grading large submissions."""
    if not grade.get("available"):
        return [["`grade`", "not available yet", "reported", ""]]
    rows = [
        [
            "`grade` (in-process)",
            f"{grade['per_cpu_second']:.0f} submissions per CPU-second "
            f"({grade['inputs']} distinct, {grade['graded']} graded, exit {grade['exit_code']})",
            "reported", "",
        ]
    ]
    if memory.get("available"):
        rows.append(
            [
                f"`grade` of {memory['files']} submissions of ~1 MB ({memory['mb']:.0f} MB), peak RSS",
                f"{memory['peak_mb']:.0f} MB (one small file: {memory['floor_mb']:.0f} MB); "
                f"{memory['cpu_s']:.1f} CPU-s, exit {memory['exit']}",
                f"<= {limit('grade_memory_mb'):.0f} MB (issue 13)",
                verdict(memory["ok"]),
            ]
        )
    return rows


def throughput_budget_rows(throughput: dict[str, Any]) -> list[Row]:
    """Return the rows of ``sentences``, ``draft`` (judged on the article-sized texts) and ``grade``."""
    words = throughput["median_words"]
    rows = [["`sentences` (in-process, per CPU-second)", _rates(throughput["sentences"], words), "reported", ""]]
    draft = throughput["draft"]
    if draft.get("available"):
        rows.append(
            ["`draft` (in-process, per CPU-second)", _rates(draft, words),
             f">= {limit('draft_per_s'):.0f}/s on one core, article-sized (issue 6)", verdict(draft["ok"])]
        )
    else:
        rows.append(["`draft`", "not available yet", f">= {limit('draft_per_s'):.0f}/s on one core (issue 6)", "n/a"])
    return rows + grade_budget_rows(throughput["grade"], throughput.get("grade_memory", {}))


def install_budget_rows(install: dict[str, Any]) -> list[Row]:
    """Return the row of the learners' install size against the bare stack."""
    learners, bare = install["learners"], install["bare"]
    return [
        [
            "learners' install (`requirements.txt`, site-packages)",
            f"{learners['site_packages_mb']:.0f} MB = {fmt(install['ratio'], 3, 'x')} the bare stack ({bare['site_packages_mb']:.0f} MB); "
            f"whole venv {learners['venv_mb']:.0f} vs {bare['venv_mb']:.0f} MB" + ("" if learners["ok"] and bare["ok"] else "; an install FAILED"),
            f"<= {limit('install_ratio')}x", verdict(install["ok"]),
        ]
    ]


def tests_budget_rows(tests: dict[str, Any]) -> list[Row]:
    """Return one row per test-suite run: its wall time against its budget."""
    return [
        [
            f"test suite {name}",
            f"{entry['seconds']:.0f} s" + ("" if entry["exit_code"] == 0 else f" (suite FAILED, exit {entry['exit_code']})"),
            f"< {entry['budget_s']:.0f} s", verdict(entry["ok"]),
        ]
        for name, entry in tests.items()
    ]


SECTION_ROWS = {
    "notebooks": notebooks_budget_rows, "imports": imports_budget_rows, "check": check_budget_rows,
    "throughput": throughput_budget_rows, "install": install_budget_rows, "tests": tests_budget_rows,
}


def budget_rows(results: dict[str, Any]) -> list[Row]:
    """Return the rows of the main table (measurement, result, budget, verdict) of every section in ``results``."""
    rows: list[Row] = []
    for section, make_rows in SECTION_ROWS.items():
        measured = results.get(section)
        if measured or (section == "check" and measured is not None):
            rows += make_rows(measured)
    return rows


# ---------------------------------------------------------------- where the time goes


def notebook_profiles(notebooks: dict[str, Any]) -> list[str]:
    """Return, for every notebook that missed, its times and a table of its slowest cells."""
    lines = []
    for path, entry in notebooks["notebooks"].items():
        if entry["ok"]:
            continue
        lines.append(
            f"\n### {path}: {entry['seconds']:.2f} s ({entry['time_ratio']:.2f}x floor), "
            f"startup {entry['startup_seconds']:.2f} s, peak {fmt(entry['peak_mb'], 0, ' MB')}"
            + (f"; errors: {'; '.join(entry['errors'])}" if entry["errors"] else "")
        )
        lines.append(
            markdown_table(
                ["cell", "seconds", "peak growth", "first line"],
                [[c["index"], f"{c['seconds']:.2f}", fmt(c["memory_growth_mb"], 0, " MB"), f"`{c['first_line']}`"] for c in entry["slowest_cells"]],
            )
        )
    return lines


def import_profile(imports: dict[str, Any]) -> list[str]:
    """Return the ``python -X importtime`` table when an import missed its budget or loaded a heavy library."""
    missed = any(c["ratio"] is not None and c["ratio"] > limit("import_ratio") for n, c in imports["cases"].items() if n != "dependencies")
    heavy = any(info["heavy"] for info in imports["cli_modules"].values())
    if not (missed or heavy):
        return []
    return [
        "\n### import profile (`python -X importtime`, top cumulative)",
        markdown_table(["module", "self ms", "cumulative ms"], [[e["module"], f"{e['self_ms']:.1f}", f"{e['cumulative_ms']:.1f}"] for e in imports["importtime_top"]]),
    ]


def profiles(results: dict[str, Any]) -> list[str]:
    """Return the profile lines of every MISS: slow notebook cells, import times, the Check callback's cProfile."""
    lines: list[str] = []
    if results.get("notebooks"):
        lines += notebook_profiles(results["notebooks"])
    if results.get("imports"):
        lines += import_profile(results["imports"])
    throughput = results.get("throughput")
    if throughput and throughput["draft"].get("profile"):
        lines += ["\n### `draft` on article-sized texts (cProfile of 50, by cumulative time)\n```", *throughput["draft"]["profile"], "```"]
    check = results.get("check")
    if check and check.get("available") and not check["ok"]:
        lines += ["\n### Check callback (cProfile of 10 presses, by cumulative time)\n```", *check["profile"], "```"]
    return lines


# ---------------------------------------------------------------- draft speed and the whole report


def draft_speed_report(speed: dict[str, Any], first: bool = False) -> str:
    """Return the draft pipeline's speed: one line for all texts, then a table per base article (``first``: no heading)."""
    head = (
        f"draft throughput: {speed['texts_per_second']:.0f} texts per CPU second on one core "
        f"({speed['texts_per_wall_second']:.0f} per wall-clock second) over {speed['texts']} distinct texts, "
        f"mean {speed['mean_words']:.0f} words; segmentation alone {speed['segmentation_ms_mean']:.2f} ms a text"
    )
    table = markdown_table(
        ["base article", "words", "ms/text", "of which segmentation", "texts/s"],
        [
            [base, f["words"], f"{f['ms_median']:.2f}", f"{f['segmentation_ms_median']:.2f}", f"{f['texts_per_second']:.0f}"]
            for base, f in speed["per_article"].items()
        ],
    )
    note = f"(CPU time of one process; ms/text = segmentation + rules + CSV text, median; {speed['machine']})"
    return "\n".join([*([] if first else ["\n### Draft speed"]), head, "", table, note])


def notebooks_header(settings: dict[str, Any]) -> str:
    """Return the paragraph above the notebook table: how the notebooks are measured and their budgets."""
    return (
        f"Notebooks: medians of {settings['repeats']} run(s), from kernel start to the end of the last cell; "
        "memory = the kernel's peak RSS (VmHWM); ratio and difference against the imports floor run just before; "
        "kernel CPU = the kernel process's CPU time (for information: other load on the machine barely changes it). "
        f"Budget for each: time <= {limit('notebook_time_ratio')}x the floor, peak <= the floor + {limit('notebook_memory_mb'):.0f} MB.\n"
    )


def report(results: dict[str, Any]) -> str:
    """Return the whole markdown report: header with the machine, notebook table, budget table, profiles of misses."""
    settings = results["settings"]
    parts = [
        f"### Benchmark {results['finished'][:16].replace('T', ' ')} UTC{' (--quick)' if settings['quick'] else ''}",
        f"Machine: {machine_line(results['machine'])}.",
        "",
    ]
    if results.get("notebooks"):
        parts.append(notebooks_header(settings))
        parts.append(markdown_table(["notebook", "time", "x floor", "kernel CPU (x floor)", "peak memory", "vs floor", "result"], notebook_rows(results["notebooks"])))
        parts.append("")
    measured = [section for section in SECTIONS if section in results]
    if measured:  # not when only the draft speed was asked for
        parts.append(markdown_table(["measurement", "value", "budget", "result"], budget_rows(results)))
    if measured and len(measured) < len(SECTIONS):
        parts.append(f"\nNot measured in this run: {', '.join(s for s in SECTIONS if s not in measured)}.")
    if results.get("draft_speed"):
        parts.append(draft_speed_report(results["draft_speed"], first=not measured))
    extra = profiles(results)
    if extra:
        parts.append("\n## Where the time goes (every MISS)")
        parts.extend(extra)
    return "\n".join(parts)
