"""The ``grade`` command: its arguments, and what it prints (the grading itself is ``medialit.teacher.grading``).

A student release leaves the teacher tools out, this module with them (``medialit.teacher.release``), so the
released command line offers no ``grade``. The grading is imported only when the command runs (see
``grade_command``): the command line builds every command's parser, this one's included, on each start.
"""

from __future__ import annotations

import argparse

from medialit.text.textfile import terminal_safe


def add_grade_arguments(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of ``grade`` to ``parser``."""
    parser.add_argument(
        "submissions", metavar="SUBMISSIONS_DIR", help="the folder holding *.submission.json files (subfolders too)"
    )
    parser.add_argument(
        "--out",
        required=True,
        metavar="DIR",
        help="the folder for grades.csv, items.csv, written_answers.csv and feedback/",
    )
    parser.add_argument(
        "--seeds", metavar="DIR", help="the folder with the articles and their answer keys (default: seeds/)"
    )
    parser.add_argument(
        "--exercise",
        action="append",
        metavar="ID",
        help="grade only this exercise id (repeatable); others are reported as foreign, and their earlier "
        "grades, scores and feedback in --out are kept",
    )
    parser.add_argument(
        "--student-folders",
        action="store_true",
        help="each first-level folder of SUBMISSIONS_DIR is one student (a hub's per-student hand-in folders): "
        "the folder, not the name typed, says whose a file is",
    )


def grade_command(args: argparse.Namespace) -> int:
    """Handle ``grade``: grade the folder, print the summary and what was written; return 0 when anything was graded,
    else 1 (nothing was written).

    ``medialit.teacher.grading`` is imported here, not at the top: it is not an import cycle but the start-up time.
    The grading brings pandas, the keys and the checks (about 0.9 s of imports), and ``python -m medialit`` imports
    this module to build its parser for every command, ``--help`` included (0.4 s instead of 2.1 s measured here).

    Raises:
        MediaLitError: a missing folder, an unwritable ``--out``, or a score sheet that cannot be read.
    """
    from medialit.teacher.grading import grade  # not at the top: see the docstring

    result = grade(
        args.submissions, args.out, seeds=args.seeds, exercises=args.exercise, student_folders=args.student_folders
    )
    print(result.summary())
    out = terminal_safe(args.out, 300)
    if not result.grades:
        print(f"nothing was graded, so nothing was written to {out}; what was there is unchanged")
        return 1
    print(
        "written: grades.csv, items.csv, written_answers.csv, skipped.csv and "
        f"{len(result.feedback)} feedback file(s) in {out}"
    )
    if result.written:
        print(
            "score the written answers in written_answers.csv (column 'score'), "
            "then run this command again to merge them"
        )
    return 0

