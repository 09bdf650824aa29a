"""The command line: a thin layer of argument parsing over the package's functions.

Each command is one entry in ``COMMANDS``; its handler is imported only when the
command runs, so ``--help`` stays fast. Handlers take the parsed arguments and
return an exit code. A ``MediaLitError`` becomes one line on stderr and exit code 2.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from medialit import __version__
from medialit.errors import MediaLitError

PROGRAM = "python -m medialit"


@dataclass(frozen=True)
class Command:
    """One sub-command: its name, one-line help, its arguments and its handler (``module:function``)."""

    name: str
    help: str
    add_arguments: Callable[[argparse.ArgumentParser], None]
    handler: str


def _article_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("article", metavar="ARTICLE", help="a text file, or the name of an article in seeds/")


COMMANDS: list[Command] = [
    Command(
        "sentences",
        "print an article's sentences as CSV (sentence_id,paragraph,sentence,char_start,char_end,text)",
        _article_argument,
        "medialit.cli.commands:sentences",
    ),
    Command(
        "validate",
        "check an answer key against the article beside it; one line per problem",
        lambda parser: parser.add_argument("key", metavar="KEY", help="an answer key, e.g. seeds/NAME.key.csv"),
        "medialit.cli.commands:validate",
    ),
    Command(
        "build-exercises",
        "write exercises/NN_name.ipynb from solutions/NN_name.ipynb (solution markers become placeholders)",
        lambda parser: importlib.import_module("medialit.cli.assignments").add_build_arguments(parser),
        "medialit.cli.assignments:build_exercises_command",
    ),
    Command(
        "release",
        "write the student release (lessons, exercises, seeds; never solutions/ or teacher/) into a folder",
        lambda parser: importlib.import_module("medialit.cli.release").add_release_arguments(parser),
        "medialit.cli.release:release_command",
    ),
    Command(
        "grade",
        "grade a folder of *.submission.json files against the keys, without running any student code",
        lambda parser: importlib.import_module("medialit.cli.grade").add_grade_arguments(parser),
        "medialit.cli.grade:grade_command",
    ),
    Command(
        "draft",
        "propose a draft answer key for any article by rules over its text (marked reviewed = no)",
        lambda parser: (
            _article_argument(parser),
            parser.add_argument("--out", metavar="KEY", help="write the draft here (e.g. seeds/NAME.key.csv) instead of printing CSV"),
            parser.add_argument("--force", action="store_true", help="replace --out if it already exists"),
        ),
        "medialit.cli.draft:draft_command",
    ),
    Command(
        "compare",
        "print how far a draft key agrees with a reviewed key (speaker, role, channel, category, claim type)",
        lambda parser: importlib.import_module("medialit.cli.keys").add_compare_arguments(parser),
        "medialit.cli.keys:compare_command",
    ),
    # New commands: add a Command(...) entry above this line, handler in your own module.
]


def _available(command: Command) -> bool:
    """Return True when the module of ``command``'s handler is installed (a student release leaves teacher tools out)."""
    try:
        return importlib.util.find_spec(command.handler.split(":")[0]) is not None
    except ModuleNotFoundError:  # the handler's subpackage itself is left out (``medialit.teacher``)
        return False


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser with every command in ``COMMANDS`` whose handler's module is installed."""
    parser = argparse.ArgumentParser(
        prog=PROGRAM,
        description="Media-literacy teaching kit: article data, answer keys, exercises and grading.",
    )
    parser.add_argument("--version", action="version", version=f"medialit {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    for command in COMMANDS:
        if not _available(command):
            continue
        sub = subparsers.add_parser(command.name, help=command.help, description=command.help)
        command.add_arguments(sub)
        sub.set_defaults(handler=command.handler)
    return parser


def _resolve(handler: str) -> Callable[[argparse.Namespace], int]:
    module_name, function_name = handler.split(":")
    return getattr(importlib.import_module(module_name), function_name)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default: ``sys.argv[1:]``) and return the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    try:
        return _resolve(args.handler)(args)
    except MediaLitError as error:
        from medialit.text.textfile import terminal_safe

        print(f"{PROGRAM} {args.command}: {terminal_safe(error, 1000)}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 1
    except KeyboardInterrupt:
        print(f"{PROGRAM} {args.command}: interrupted", file=sys.stderr)
        return 130
