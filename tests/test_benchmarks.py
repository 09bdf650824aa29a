"""Are the benchmark's pure helpers right: medians, percentiles, verdicts, tables, distinct inputs? (No timing.)"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import REPO


def load_benchmark() -> ModuleType:
    """Return ``benchmarks/run.py`` imported as a module (it is a script, not a package)."""
    spec = importlib.util.spec_from_file_location("medialit_benchmark", REPO / "benchmarks" / "run.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bench = load_benchmark()
RATE = {"inputs": 300, "per_second": 400.0, "per_cpu_second": 420.0, "failures": 0}


def test_does_importing_the_benchmark_load_no_heavy_library() -> None:
    heavy = {"nbclient", "nbformat", "ipywidgets", "pandas", "matplotlib"}
    loaded_before = heavy & set(sys.modules)
    load_benchmark()
    assert heavy & set(sys.modules) == loaded_before


def test_does_median_take_the_middle_of_odd_and_even_samples() -> None:
    assert bench.median([3.0, 1.0, 2.0]) == 2.0
    assert bench.median([4.0, 1.0, 2.0, 3.0]) == 2.5
    with pytest.raises(ValueError):
        bench.median([])


def test_does_percentile_interpolate_like_numpy() -> None:
    values = list(range(1, 101))  # 1..100
    assert bench.percentile(values, 0) == 1
    assert bench.percentile(values, 100) == 100
    assert bench.percentile(values, 50) == pytest.approx(50.5)
    assert bench.percentile(values, 95) == pytest.approx(95.05)
    assert bench.percentile([7.0], 95) == 7.0
    assert bench.percentile([10.0, 20.0], 95) == pytest.approx(19.5)
    with pytest.raises(ValueError):
        bench.percentile([], 95)
    with pytest.raises(ValueError):
        bench.percentile([1.0], 101)


def test_do_paired_ratios_and_differences_use_the_floor_run_beside_each_measurement() -> None:
    pairs = [(1.0, 1.2), (2.0, 2.2), (1.0, 3.0)]
    assert bench.paired_ratio(pairs) == pytest.approx(1.2)
    assert bench.paired_difference(pairs) == pytest.approx(0.2)


def test_does_verdict_say_pass_miss_or_not_measured() -> None:
    assert [bench.verdict(True), bench.verdict(False), bench.verdict(None)] == ["PASS", "MISS", "n/a"]


def test_does_markdown_table_escape_pipes_and_refuse_ragged_rows() -> None:
    table = bench.markdown_table(["a", "b"], [[1, "x|y"], ["two\nlines", 2.5]])
    assert table.splitlines() == ["| a | b |", "| --- | --- |", "| 1 | x\\|y |", "| two lines | 2.5 |"]
    with pytest.raises(ValueError):
        bench.markdown_table(["a", "b"], [[1]])


def test_does_the_report_show_the_machine_budgets_and_not_available_yet() -> None:
    results = {
        "finished": "2026-11-28T10:15:00+00:00",
        "machine": {"cores": 2, "memory_gib": 24.0, "cpu": "Test CPU", "python": "3.11.7", "os": "Linux"},
        "settings": {"quick": True, "repeats": 1},
        "check": {"available": False},
        "throughput": {
            "median_words": {"article": 600, "mixed": 160},
            "sentences": {"article": RATE, "mixed": RATE},
            "draft": {"available": False},
            "grade": {"available": False},
        },
    }
    report = bench.report(results)
    assert "2 cores, 24.0 GiB RAM, Test CPU, Python 3.11.7" in report
    assert "| Check callback | not available yet (no medialit.ui.widgets) | p95 < 50 ms | n/a |" in report
    assert "| `draft` | not available yet | >= 200/s on one core (issue 6) | n/a |" in report
    assert "Not measured in this run: notebooks, imports, install, tests." in report


def test_does_fmt_round_and_mark_missing_values() -> None:
    assert bench.fmt(1.234, 1, " s") == "1.2 s"
    assert bench.fmt(None) == "-"


def test_are_the_variants_distinct_deterministic_and_made_of_the_same_paragraphs() -> None:
    texts = [
        "Minister Anna Berg met Ivan Lind in Oslo.\n\nLater Anna Berg said talks went well.\n\nIvan Lind disagreed.",
        "One line here, said Tom Rask.\nAnother line from Eva Holm.\nA third line.",
    ]
    variants = bench.make_variants(texts, 20, seed=3)
    assert len(set(variants)) == 20
    assert variants == bench.make_variants(texts, 20, seed=3)
    for variant in variants:
        assert len(bench.split_paragraphs(variant)) == 3
    with pytest.raises(ValueError):
        bench.make_variants(["Just one paragraph."], 5)


def test_does_split_paragraphs_follow_the_kits_rule() -> None:
    assert bench.split_paragraphs("a\nb\n\nc") == ["a\nb", "c"]
    assert bench.split_paragraphs("a\r\nb\r\n") == ["a", "b"]


def test_does_parse_importtime_read_python_x_importtime_lines() -> None:
    stderr = (
        "import time: self [us] | cumulative | imported package\n"
        "import time:       120 |        120 |   _io\n"
        "import time:      2500 |     210000 | pandas\n"
        "some other line\n"
    )
    assert bench.parse_importtime(stderr) == [(120, 120, "_io"), (2500, 210000, "pandas")]


def test_does_the_bare_stack_use_the_learners_pins() -> None:
    requirements = bench.bare_stack_requirements()
    assert [r.split("==")[0] for r in requirements] == ["jupyterlab", "ipywidgets", "pandas", "matplotlib"]
    pinned = (REPO / "requirements.txt").read_text(encoding="utf-8")
    for requirement in requirements:
        assert requirement in pinned


def test_is_draft_judged_on_article_sized_texts_and_both_sizes_shown() -> None:
    slow = {"inputs": 300, "per_second": 150.0, "per_cpu_second": 150.0, "failures": 0}
    rows = bench.budget_rows(
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


def test_does_the_notebook_workspace_copy_keep_the_test_classs_broken_links_as_links(tmp_path: Path) -> None:
    target = tmp_path / "workspace"
    bench.copy_kit(target)
    link = target / "tests" / "data" / "class" / "hostile" / "loop.submission.json"
    assert link.is_symlink() and (target / "notebooks" / "00_start_here.ipynb").is_file()
    assert not (target / ".git").exists()
