"""The ``draft`` command: print a draft answer key for an article as CSV, or write it to a key file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from medialit.draft.drafter import draft_rows
from medialit.errors import MediaLitError
from medialit.keys.write import rows_csv, write_key_text


def draft_command(args: argparse.Namespace) -> int:
    """Handle ``draft ARTICLE [--out KEY] [--force]``: print the draft key as CSV, or write it to ``--out``; return 0.

    Raises:
        MediaLitError: the article cannot be read, or ``--out`` exists and ``--force`` was not given.
    """
    rows = draft_rows(args.article)
    if args.out is None:
        sys.stdout.write(rows_csv(rows))
        return 0
    out = Path(args.out)
    if out.exists() and not args.force:
        raise MediaLitError(f"{out}: already exists; choose another --out, or add --force to replace it (a reviewed key would be lost)")
    write_key_text(rows_csv(rows), out)
    print(f"{out}: draft key with {len(rows)} sentences written, all marked reviewed = no; review it before use")
    return 0
