"""The ``compare`` command: how far a draft key agrees with a reviewed key, printed as a table."""

from __future__ import annotations

import argparse

from medialit.keys.compare import compare_files


def add_compare_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of ``compare`` to ``parser``."""
    parser.add_argument("draft", metavar="DRAFT", help="a draft key, from 'python -m medialit draft'")
    parser.add_argument("key", metavar="KEY", help="the reviewed key of the same article, e.g. seeds/NAME.key.csv")
    parser.add_argument("--details", action="store_true", help="also list every disagreement")


def compare_command(args: argparse.Namespace) -> int:
    """Handle ``compare DRAFT KEY [--details]``: print the agreement table (and disagreements); return 0."""
    comparison = compare_files(args.draft, args.key)
    print(f"{args.draft} against {args.key}: {comparison.total} sentences")
    print(comparison.table())
    if args.details:
        print()
        print(f"{len(comparison.disagreements)} disagreement(s):")
        if comparison.disagreements:
            print(comparison.details())
    return 0
