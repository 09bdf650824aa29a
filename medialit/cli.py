"""The command line: a thin layer of argument parsing over the package's functions.

Each command is one entry in ``COMMANDS``; its handler is imported only when the
command runs, so ``--help`` stays fast. Handlers take the parsed arguments and
return an exit code. A ``MediaLitError`` becomes one line on stderr and exit code 2.
"""

from __future__ import annotations

import argparse
import importlib
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
        "medialit.commands:sentences",
    ),
    Command(
        "validate",
        "check an answer key against the article beside it; one line per problem",
        lambda parser: parser.add_argument("key", metavar="KEY", help="an answer key, e.g. seeds/NAME.key.csv"),
        "medialit.commands:validate",
    ),
    # New commands: add a Command(...) entry above this line, handler in your own module.
]


def build_parser() -> argparse.ArgumentParser:
    """Return the argument parser with every command in ``COMMANDS``."""
    parser = argparse.ArgumentParser(
        prog=PROGRAM,
        description="Media-literacy teaching kit: article data, answer keys, exercises and grading.",
    )
    parser.add_argument("--version", action="version", version=f"medialit {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", title="commands")
    for command in COMMANDS:
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
        print(f"{PROGRAM} {args.command}: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 1
    except KeyboardInterrupt:
        print(f"{PROGRAM} {args.command}: interrupted", file=sys.stderr)
        return 130
