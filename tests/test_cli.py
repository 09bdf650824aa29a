"""Does the command line print the right table and fail with one clear line, never a traceback?"""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest

from medialit import __version__
from medialit.text.article import load_article


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m medialit ARGS`` and return the finished process."""
    return subprocess.run(
        [sys.executable, "-m", "medialit", *args], capture_output=True, text=True, encoding="utf-8", cwd=cwd
    )


def test_does_sentences_print_35_rows_that_match_the_article(seed_article: Path) -> None:
    result = run_cli("sentences", str(seed_article))
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert result.stdout.splitlines()[0] == "sentence_id,paragraph,sentence,char_start,char_end,text"
    assert len(rows) == 35
    content = seed_article.read_text(encoding="utf-8")
    for row in rows:
        assert content[int(row["char_start"]) : int(row["char_end"])] == row["text"]
    assert [row["text"] for row in rows] == load_article(seed_article)["text"].tolist()


def test_does_help_list_every_command() -> None:
    from medialit.cli.main import COMMANDS

    result = run_cli("--help")
    assert result.returncode == 0
    for command in COMMANDS:
        assert command.name in result.stdout


def test_does_version_print_the_kits_version() -> None:
    result = run_cli("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"medialit {__version__}"


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("missing.txt", None, "not found"),
        ("folder", "DIR", "is a folder"),
        ("empty.txt", b"", "is empty"),
        ("spaces.txt", b"   \n\n  \t", "is empty"),
        ("binary.txt", bytes(range(256)) * 4, "binary"),
        ("cp1252.txt", "Lavrov’s “deep state” café".encode("cp1252"), "UTF-8"),
    ],
)
@pytest.mark.parametrize("command", ["sentences", "draft"])
def test_does_bad_input_give_one_line_and_no_traceback(
    tmp_path: Path, command: str, name: str, data: object, message: str
) -> None:
    path = tmp_path / name
    if data == "DIR":
        path.mkdir()
    elif isinstance(data, bytes):
        path.write_bytes(data)
    result = run_cli(command, str(path))
    assert result.returncode != 0
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert message in lines[0]
    assert str(path) in lines[0]
    assert "Traceback" not in result.stderr


def test_does_a_missing_command_print_help_and_fail() -> None:
    result = run_cli()
    assert result.returncode == 2
    assert "sentences" in result.stdout


def test_does_an_error_naming_a_hostile_path_print_no_control_characters(tmp_path: Path) -> None:
    result = run_cli("grade", str(tmp_path / "\x1b[2J\x1b[Hgraded 99\rmissing"), "--out", str(tmp_path / "out"))
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "\x1b" not in result.stderr and "\r" not in result.stderr and "\\x1b[2J" in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_does_every_command_have_its_handler_in_the_cli_package() -> None:
    from medialit.cli.main import COMMANDS

    # argparse and print live only in medialit/cli (tests/test_structure.py); a handler elsewhere would print.
    assert [command.name for command in COMMANDS if not command.handler.startswith("medialit.cli.")] == []
