"""Handlers of the simple command-line commands (argument parsing is in ``cli``)."""

from __future__ import annotations

import argparse
import sys

from medialit.text.article import load_article
from medialit.keys.key import load_key, validate_key


def sentences(args: argparse.Namespace) -> int:
    """Print the sentences of ``args.article`` as CSV to stdout and return 0.

    Raises:
        MediaLitError: the article cannot be read.
    """
    table = load_article(args.article)
    table.to_csv(sys.stdout, index=False, lineterminator="\n")
    return 0


def validate(args: argparse.Namespace) -> int:
    """Print every problem of the key ``args.key`` to stderr; return 0 when valid, 1 otherwise."""
    problems = validate_key(args.key)
    for problem in problems:
        print(problem, file=sys.stderr)
    if problems:
        print(f"{len(problems)} problem(s) found in {args.key}", file=sys.stderr)
        return 1
    key = load_key(args.key)
    status = "reviewed" if key.reviewed else "NOT reviewed yet (a draft)"
    print(f"{args.key}: valid, {len(key.table)} sentences, {status}")
    return 0
