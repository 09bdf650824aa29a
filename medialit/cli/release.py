"""The ``release`` command: write the student release into a folder and print what it holds."""

from __future__ import annotations

import argparse
from pathlib import Path

from medialit.exercises.mode import MODES
from medialit.teacher.release import make_release


def release_command(args: argparse.Namespace) -> int:
    """Handle ``release``: write the student release and print what it holds; return 0."""
    summary = make_release(Path(args.root), Path(args.out), args.mode, include_unreviewed=args.include_unreviewed)
    print(summary.describe())
    return 0


def add_release_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of ``release`` to ``parser``."""
    parser.add_argument(
        "--out", required=True, metavar="DIR", help="the folder to write the release into (new or empty)"
    )
    parser.add_argument(
        "--mode",
        choices=MODES,
        default="practice",
        help="practice: keep the answer keys for instant feedback; assessment: leave them out, exercises only record answers",
    )
    parser.add_argument(
        "--include-unreviewed",
        action="store_true",
        help="release answer keys that are still machine drafts (reviewed = no); without it such a key stops the release",
    )
    parser.add_argument("--root", default=".", metavar="DIR", help="the kit's folder (default: the working folder)")
