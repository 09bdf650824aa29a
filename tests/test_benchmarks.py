"""Is the benchmark's logic right: budgets file, distinct inputs, tables, the command runner? (No timing.)"""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks import REPO as BENCH_REPO
from benchmarks import budgets, draft_pipeline, imports, install, report, stats, system, variants
from benchmarks.__main__ import build_parser, main, settings_from
from benchmarks.commands import CommandRunner
from benchmarks.grade_memory import grade_peak, write_large_submissions
from benchmarks.throughput import write_submissions
from medialit.text.article import paragraph_spans
from tests.conftest import REPO, SEED_ARTICLE
from tests.test_structure import MAX_BRANCHES, MAX_LINES, branch_count, code_lines

BENCHMARKS = REPO / "benchmarks"
RATE = {"inputs": 300, "per_second": 400.0, "per_cpu_second": 420.0, "failures": 0}
GOOD_LINE = '{"name": "%s", "limit": %s, "compare": "<=", "unit": "MB", "measures": "something measured"}'


def budgets_text(lines: list[str]) -> str:
    """Return a budgets file with ``lines`` as its entries, one per line."""
    return "[\n" + ",\n".join(lines) + "\n]\n"


def all_good_lines() -> list[str]:
    """Return one valid line for every budget the benchmark judges."""
    return [GOOD_LINE % (name, 1) for name in budgets.JUDGED_BY]


# ---------------------------------------------------------------- the package's shape


def test_does_importing_every_benchmark_module_load_no_heavy_library() -> None:
    modules = sorted(f"benchmarks.{path.stem}" for path in BENCHMARKS.glob("*.py") if path.stem not in ("run", "draft_speed", "__init__"))
    code = f"import sys\nfor name in {modules!r}:\n    __import__(name)\nprint(sorted(sys.modules))"
    loaded = set(ast.literal_eval(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True).stdout))
    assert "benchmarks.report" in loaded and "benchmarks.notebooks" in loaded
    assert loaded & {"nbclient", "nbformat", "ipywidgets", "pandas", "matplotlib", "medialit"} == set()


def test_is_every_benchmark_function_short_and_printing_only_in_the_entry_module() -> None:
    problems = []
    for path in sorted(BENCHMARKS.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and (code_lines(node) > MAX_LINES or branch_count(node) > MAX_BRANCHES):
                problems.append(f"{path.name}:{node.lineno}: {node.name} is too long or branches too much")
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "print" and path.name != "__main__.py":
                problems.append(f"{path.name}:{node.lineno}: prints outside __main__.py")
    assert problems == []


def test_do_the_shims_run_the_package(tmp_path: Path) -> None:
    for script in ("run.py", "draft_speed.py"):
        done = subprocess.run([sys.executable, f"benchmarks/{script}", "--budgets"], capture_output=True, text=True, cwd=REPO)
        assert done.returncode == 0, done.stderr
        assert "| `draft_per_s` | >= 200 texts per CPU-second |" in done.stdout


def test_does_the_package_find_the_repository_it_measures() -> None:
    assert BENCH_REPO == REPO and (BENCH_REPO / "seeds" / SEED_ARTICLE.name).is_file()


# ---------------------------------------------------------------- budgets


def test_is_the_shipped_budgets_file_valid_with_one_line_per_budget() -> None:
    loaded = budgets.load_budgets()
    assert list(loaded) == list(budgets.JUDGED_BY)
    lines = [line for line in budgets.BUDGETS_FILE.read_text(encoding="utf-8").splitlines() if line.strip() not in ("[", "]")]
    assert len(lines) == len(loaded)
    assert loaded["draft_per_s"].limit == 200 and loaded["draft_per_s"].compare == ">="
    assert loaded["check_p95_ms"].compare == "<" and loaded["notebook_time_ratio"].limit == 1.5


def test_does_the_readme_show_the_budgets_of_the_file() -> None:
    text = (BENCHMARKS / "README.md").read_text(encoding="utf-8")
    shown = text.split("<!-- budgets:start -->\n", 1)[1].split("\n<!-- budgets:end -->", 1)[0]
    assert shown == report.budgets_table(budgets.load_budgets())


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["{not json"], ":2: is not valid JSON"),
        ([GOOD_LINE % ("notebook_time_ratio", 1), GOOD_LINE % ("notebook_memory_mb", -5)], ":3: notebook_memory_mb: limit -5 is not a positive number"),
        ([GOOD_LINE % ("notebook_time_ratio", "true")], ":2: notebook_time_ratio: limit True is not a positive number"),
        (['{"name": "import_ratio", "limit": 1.2, "unit": "x", "measures": "y"}'], ":2: has no compare; give exactly name, limit"),
        (['{"name": "import_ratio", "limit": 1.2, "compare": "<=", "unit": "x", "measures": "y", "why": 1}'], ":2: has the unknown field(s) why"),
        (['{"name": "import_ratio", "limit": 1.2, "compare": "=<", "unit": "x", "measures": "y"}'], ":2: import_ratio: compare '=<' is not one of"),
        (['{"name": "import_ratio", "limit": 1.2, "compare": "<=", "unit": " ", "measures": "y"}'], ":2: import_ratio: unit is empty"),
        ([GOOD_LINE % ("Import Ratio", 1)], ":2: has the name 'Import Ratio'"),
        ([GOOD_LINE % ("import_ratio", 1), GOOD_LINE % ("import_ratio", 2)], ":3: repeats the budget 'import_ratio'"),
        (["[1, 2]"], ": budget 1: is not an object"),
    ],
)
def test_does_a_bad_budget_line_get_one_line_naming_file_line_and_fix(lines: list[str], expected: str) -> None:
    with pytest.raises(budgets.BudgetError) as caught:
        budgets.parse_budgets(budgets_text(lines), "budgets.json")
    message = str(caught.value)
    assert message.startswith("budgets.json") and expected in message and "\n" not in message


def test_must_the_file_hold_exactly_the_budgets_the_sections_judge() -> None:
    with pytest.raises(budgets.BudgetError, match="has no budget tests_full_s; add one line"):
        budgets.parse_budgets(budgets_text([line for line in all_good_lines() if "tests_full_s" not in line]), "b.json")
    with pytest.raises(budgets.BudgetError, match="no section judges the budget speed_of_light"):
        budgets.parse_budgets(budgets_text([*all_good_lines(), GOOD_LINE % ("speed_of_light", 3)]), "b.json")
    with pytest.raises(budgets.BudgetError, match=r"b.json:1: is not a JSON list"):
        budgets.parse_budgets('{"name": "x"}', "b.json")


def test_does_each_comparison_judge_at_the_limit_as_written() -> None:
    def judged(compare: str, value: float) -> bool:
        return budgets.Budget("x", 10.0, compare, "s", "y").met_by(value)

    assert [judged("<", 10), judged("<=", 10), judged(">=", 10), judged(">", 10)] == [False, True, True, False]
    assert judged("<", 9.9) and judged(">", 10.1) and not judged(">=", 9.9)


def test_does_a_bad_budgets_file_stop_the_run_with_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "budgets.json"
    bad.write_text(budgets_text([GOOD_LINE % ("import_ratio", 0)]), encoding="utf-8")
    monkeypatch.setattr(budgets, "BUDGETS_FILE", bad)
    budgets.budgets.cache_clear()
    try:
        assert main(["--only", "draft_speed", "--json", str(tmp_path / "out.json")]) == 2
    finally:
        budgets.budgets.cache_clear()
    error = capsys.readouterr().err.strip()
    assert error == f"python -m benchmarks: {bad}:2: import_ratio: limit 0 is not a positive number; write e.g. 1.5 or 200"
    assert not (tmp_path / "out.json").exists()


# ---------------------------------------------------------------- numbers


def test_does_median_take_the_middle_of_odd_and_even_samples() -> None:
    assert stats.median([3.0, 1.0, 2.0]) == 2.0
    assert stats.median([4.0, 1.0, 2.0, 3.0]) == 2.5
    with pytest.raises(ValueError):
        stats.median([])


def test_does_percentile_interpolate_like_numpy() -> None:
    values = list(range(1, 101))  # 1..100
    assert stats.percentile(values, 0) == 1
    assert stats.percentile(values, 100) == 100
    assert stats.percentile(values, 50) == pytest.approx(50.5)
    assert stats.percentile(values, 95) == pytest.approx(95.05)
    assert stats.percentile([7.0], 95) == 7.0
    assert stats.percentile([10.0, 20.0], 95) == pytest.approx(19.5)
    with pytest.raises(ValueError):
        stats.percentile([], 95)
    with pytest.raises(ValueError):
        stats.percentile([1.0], 101)


def test_do_paired_ratios_and_differences_use_the_floor_run_beside_each_measurement() -> None:
    pairs = [(1.0, 1.2), (2.0, 2.2), (1.0, 3.0)]
    assert stats.paired_ratio(pairs) == pytest.approx(1.2)
    assert stats.paired_difference(pairs) == pytest.approx(0.2)


def test_does_parse_importtime_read_python_x_importtime_lines() -> None:
    stderr = (
        "import time: self [us] | cumulative | imported package\n"
        "import time:       120 |        120 |   _io\n"
        "import time:      2500 |     210000 | pandas\n"
        "some other line\n"
    )
    assert imports.parse_importtime(stderr) == [(120, 120, "_io"), (2500, 210000, "pandas")]


def test_does_the_draft_speed_give_each_base_article_its_medians_in_source_order() -> None:
    times = [("b", 0.001, 0.004), ("a", 0.002, 0.010), ("b", 0.003, 0.006), ("a", 0.004, 0.030), ("a", 0.001, 0.020)]
    figures = draft_pipeline.per_article(times, {"a": 700, "b": 150, "never-drawn": 90})
    assert list(figures) == ["a", "b"]
    assert figures["a"] == {"words": 700, "ms_median": pytest.approx(20.0), "segmentation_ms_median": pytest.approx(2.0), "texts_per_second": pytest.approx(50.0)}
    assert figures["b"]["ms_median"] == pytest.approx(5.0) and figures["b"]["texts_per_second"] == pytest.approx(200.0)


def test_does_the_draft_speed_time_only_the_texts_and_not_the_warm_ups() -> None:
    texts = [("a", "Anna Berg said the talks went well."), ("b", "The ministry said in a statement it agreed.")]
    timed = draft_pipeline.time_texts(texts, warm_ups=["Ivan Lind told reporters the plan was ready.", "It rained."])
    assert [base for base, _, _ in timed["times"]] == ["a", "b"]
    assert all(0 <= segmentation <= whole for _, segmentation, whole in timed["times"])
    assert timed["warm_up_cpu"] >= 0 and timed["cpu"] >= sum(whole for _, _, whole in timed["times"]) * 0.5


# ---------------------------------------------------------------- inputs


def test_are_the_variants_distinct_deterministic_and_made_of_the_same_paragraphs() -> None:
    texts = [
        "Minister Anna Berg met Ivan Lind in Oslo.\n\nLater Anna Berg said talks went well.\n\nIvan Lind disagreed.",
        "One line here, said Tom Rask.\nAnother line from Eva Holm.\nA third line.",
    ]
    labelled = variants.labelled_variants(texts, 20, seed=3)
    assert len({text for _, text in labelled}) == 20
    assert labelled == variants.labelled_variants(texts, 20, seed=3)
    assert labelled != variants.labelled_variants(texts, 20, seed=4)
    assert [text for _, text in labelled] == variants.make_variants(texts, 20, seed=3)
    for source, variant in labelled:
        assert len(paragraph_spans(variant)) == 3
        assert set(re.findall(r"\w+", variant)) == set(re.findall(r"\w+", texts[source]))  # a swap moves names only
    with pytest.raises(ValueError, match="could make only"):
        variants.make_variants(["Just one paragraph."], 5)
    with pytest.raises(ValueError, match="no source texts"):
        variants.make_variants([], 1)


def test_does_a_variant_swap_two_names_everywhere_and_leave_titles_and_months_alone() -> None:
    import random

    text = "Talks began, said Minister Lind in May. Later, Berg agreed with Lind, and Berg left."
    swapped = variants.swap_two_names(text, random.Random(1))
    assert swapped == "Talks began, said Minister Berg in May. Later, Lind agreed with Berg, and Lind left."
    assert variants.swap_two_names("Only, said Berg.", random.Random(1)) == "Only, said Berg."


def test_are_the_kits_articles_the_sources_with_the_seeds_first() -> None:
    seeds = variants.source_articles(seeds_only=True)
    everything = variants.source_articles()
    assert [name for name, _ in seeds] == ["lavrov-pompeo-sochi-2019", "practice-harbour-talks"]
    assert everything[:2] == seeds and len(everything) > len(seeds)
    assert variants.paragraphs(seeds[0][1]) == [seeds[0][1][start:end] for start, end in paragraph_spans(seeds[0][1])]


def test_does_write_texts_give_each_variant_its_own_file(tmp_path: Path) -> None:
    paths = variants.write_texts(["one", "two"], tmp_path / "texts")
    assert [path.name for path in paths] == ["variant-0000.txt", "variant-0001.txt"]
    assert [path.read_text(encoding="utf-8") for path in paths] == ["one\n", "two\n"]


def test_can_grade_read_the_benchmarks_submissions(tmp_path: Path) -> None:
    submissions = tmp_path / "submissions"
    submissions.mkdir()
    assert write_submissions(submissions, 3) == 3
    with CommandRunner() as run:
        assert run(["grade", str(submissions), "--out", str(tmp_path / "grades")]) == 0
    rows = (tmp_path / "grades" / "grades.csv").read_text(encoding="utf-8").strip().splitlines()
    assert len(rows) == 4


def test_are_the_large_submissions_about_one_mb_each_of_three_kinds(tmp_path: Path) -> None:
    total = write_large_submissions(tmp_path, 3)
    files = sorted(tmp_path.glob("*.submission.json"))
    sizes = [path.stat().st_size for path in files]
    assert len(files) == 3 and total == sum(sizes) and all(0.8e6 < size < 1.1e6 for size in sizes), sizes
    kinds = sorted(json.loads(path.read_text(encoding="utf-8"))["exercise_id"] for path in files)
    assert kinds == ["03_draw_the_voice_map", "04_framing_and_evidence", "lavrov-pompeo-sochi-2019-category"]


@pytest.mark.skipif(sys.platform != "linux", reason="the grade memory section measures on Linux only (/proc)")
def test_is_the_grading_peak_the_grading_process_own_not_the_benchmarks(tmp_path: Path) -> None:
    held = bytearray(400 * 1024 * 1024)  # the benchmark process holds 400 MB when it starts the grading process
    held[:: 4096] = b"x" * len(held[:: 4096])
    (tmp_path / "none").mkdir()
    peak_mb, cpu_seconds, _ = grade_peak(tmp_path / "none", tmp_path / "out")
    del held
    assert 5 < peak_mb < 300 and cpu_seconds > 0  # ru_maxrss reported the parent's 400+ MB here


def test_does_the_bare_stack_use_the_learners_pins() -> None:
    requirements = install.bare_stack_requirements()
    assert [r.split("==")[0] for r in requirements] == ["jupyterlab", "ipywidgets", "pandas", "matplotlib"]
    pinned = (REPO / "requirements.txt").read_text(encoding="utf-8")
    for requirement in requirements:
        assert requirement in pinned


def test_does_the_notebook_workspace_copy_keep_the_test_classs_broken_links_as_links(tmp_path: Path) -> None:
    target = tmp_path / "workspace"
    system.copy_kit(target)
    link = target / "tests" / "data" / "class" / "hostile" / "loop.submission.json"
    assert link.is_symlink() and (target / "notebooks" / "00_start_here.ipynb").is_file()
    assert not (target / ".git").exists()


# ---------------------------------------------------------------- the command runner


def test_does_the_command_runner_call_the_cli_with_one_parser_and_discard_output(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    from medialit.cli import main as cli

    built = []
    original = cli.build_parser
    monkeypatch.setattr(cli, "build_parser", lambda: built.append(1) or original())
    patched = cli.build_parser
    with CommandRunner() as run:
        codes = [run(["sentences", str(SEED_ARTICLE)]), run(["sentences", str(SEED_ARTICLE)])]
        missing = run(["sentences", "no-such-article.txt"])  # a MediaLitError: one line on stderr, exit 2
        bad = run(["sentences"])  # argparse's error
    assert codes == [0, 0] and missing == 2 and bad == 2
    assert built == [1]
    assert cli.build_parser is patched
    assert capsys.readouterr() == ("", "")
    with pytest.raises(RuntimeError):
        CommandRunner()(["sentences", str(SEED_ARTICLE)])


# ---------------------------------------------------------------- settings and the report


def test_does_quick_drop_the_install_and_the_suite_but_not_when_named() -> None:
    parser = build_parser()
    quick = settings_from(parser.parse_args(["--quick"]), parser)
    assert quick["sections"] == ["check", "imports", "notebooks", "throughput"] and quick["repeats"] == 1
    named = settings_from(parser.parse_args(["--quick", "--only", "tests,draft_speed"]), parser)
    assert named["sections"] == ["draft_speed", "tests"]
    full = settings_from(parser.parse_args([]), parser)
    assert "draft_speed" not in full["sections"] and full["repeats"] == 3 and full["throughput_inputs"] == 300
    with pytest.raises(SystemExit):
        settings_from(parser.parse_args(["--only", "notebooks,speed"]), parser)


def test_does_verdict_say_pass_miss_or_not_measured() -> None:
    assert [report.verdict(True), report.verdict(False), report.verdict(None)] == ["PASS", "MISS", "n/a"]


def test_does_markdown_table_escape_pipes_and_refuse_ragged_rows() -> None:
    table = report.markdown_table(["a", "b"], [[1, "x|y"], ["two\nlines", 2.5]])
    assert table.splitlines() == ["| a | b |", "| --- | --- |", "| 1 | x\\|y |", "| two lines | 2.5 |"]
    with pytest.raises(ValueError):
        report.markdown_table(["a", "b"], [[1]])


def test_does_fmt_round_and_mark_missing_values() -> None:
    assert report.fmt(1.234, 1, " s") == "1.2 s"
    assert report.fmt(None) == "-"


def machine() -> dict[str, object]:
    """Return a machine description for the report tests."""
    return {"cores": 2, "memory_gib": 24.0, "cpu": "Test CPU", "python": "3.11.7", "os": "Linux"}


def test_does_the_report_show_the_machine_budgets_and_not_available_yet() -> None:
    results = {
        "finished": "2026-11-28T10:15:00+00:00",
        "machine": machine(),
        "settings": {"quick": True, "repeats": 1},
        "check": {"available": False},
        "throughput": {
            "median_words": {"article": 600, "mixed": 160},
            "sentences": {"article": RATE, "mixed": RATE},
            "draft": {"available": False},
            "grade": {"available": False},
        },
    }
    text = report.report(results)
    assert text.startswith("### Benchmark 2026-11-28 10:15 UTC (--quick)\nMachine: 2 cores, 24.0 GiB RAM, Test CPU, Python 3.11.7")
    assert "| Check callback | not available yet (no medialit.ui.widgets) | p95 < 50 ms | n/a |" in text
    assert "| `draft` | not available yet | >= 200/s on one core (issue 6) | n/a |" in text
    assert "| `grade` | not available yet | reported |  |" in text
    assert "Not measured in this run: notebooks, imports, install, tests." in text


def test_is_draft_judged_on_article_sized_texts_and_both_sizes_shown() -> None:
    slow = {"inputs": 300, "per_second": 150.0, "per_cpu_second": 150.0, "failures": 0}
    rows = report.budget_rows(
        {
            "throughput": {
                "median_words": {"article": 600, "mixed": 160},
                "sentences": {"article": RATE, "mixed": RATE},
                "draft": {"available": True, "article": slow, "mixed": RATE, "ok": False},
                "grade": {"available": False},
            }
        }
    )
    assert rows[0][1] == "420/s (300 article-sized, median 600 words); 420/s (300 mixed-size, median 160 words)"
    assert rows[1][1].startswith("150/s (300 article-sized")
    assert "article-sized" in rows[1][2] and rows[1][3] == "MISS"


def test_does_the_notebook_table_compare_each_notebook_with_its_floor_and_profile_a_miss() -> None:
    floor = {"seconds": 1.5, "cpu_seconds": 1.4, "peak_mb": 127.0}
    entry = {
        "seconds": 2.4, "time_ratio": 1.6, "cpu_seconds": 2.0, "cpu_ratio": 1.43, "peak_mb": 140.0, "memory_over_floor_mb": 13.0,
        "errors": [], "ok": False, "startup_seconds": 0.5,
        "slowest_cells": [{"index": 4, "seconds": 0.9, "memory_growth_mb": 12.0, "first_line": "show_figure(chart)"}],
    }
    notebooks = {"floor_empty": floor, "floor_imports": floor, "notebooks": {"notebooks/01_x.ipynb": entry}}
    rows = report.notebook_rows(notebooks)
    assert rows[2] == ["`notebooks/01_x.ipynb`", "2.40 s", "1.60x", "2.00 s (1.43x)", "140 MB", "+13 MB", "MISS"]
    assert report.notebooks_budget_rows(notebooks)[0][1] == "worst 1.60x time, floor + 13 MB; missed: notebooks/01_x.ipynb"
    text = report.report({"finished": "2026-11-28T10:15:00", "machine": machine(), "settings": {"quick": False, "repeats": 3}, "notebooks": notebooks})
    assert "Budget for each: time <= 1.5x the floor, peak <= the floor + 60 MB." in text
    assert "### notebooks/01_x.ipynb: 2.40 s (1.60x floor)" in text and "| 4 | 0.90 | 12 MB | `show_figure(chart)` |" in text


def test_does_a_draft_speed_run_alone_show_only_its_table() -> None:
    speed = {
        "texts": 400, "texts_per_second": 280.0, "texts_per_wall_second": 270.0, "mean_words": 287.0, "segmentation_ms_mean": 1.9,
        "per_article": {"seed": {"words": 731, "ms_median": 8.6, "segmentation_ms_median": 4.9, "texts_per_second": 114.0}},
        "machine": "CPython 3.11.7",
    }
    text = report.report({"finished": "2026-11-28T10:15:00", "machine": machine(), "settings": {"quick": False}, "draft_speed": speed})
    assert "draft throughput: 280 texts per CPU second on one core (270 per wall-clock second) over 400 distinct texts" in text
    assert "| seed | 731 | 8.60 | 4.90 | 114 |" in text
    assert "| measurement |" not in text and "Not measured" not in text
