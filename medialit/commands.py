"""Handlers of the simple command-line commands (argument parsing is in ``cli``)."""

from __future__ import annotations

import argparse
import sys

from medialit.article import load_article


def sentences(args: argparse.Namespace) -> int:
    """Print the sentences of ``args.article`` as CSV to stdout and return 0.

    Raises:
        MediaLitError: the article cannot be read.
    """
    table = load_article(args.article)
    table.to_csv(sys.stdout, index=False, lineterminator="\n")
    return 0
