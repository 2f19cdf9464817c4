"""``lint --add-suppressions``: write a ``disable-line`` comment for every current finding
into the files (:mod:`wikicheck.addsuppress` says where a comment goes and where it cannot)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..errors import ConfigError, InputError
from ..reporters.escape import visible
from .common import EXIT_CLEAN, EXIT_ERROR, EXIT_FINDINGS, print_error

if TYPE_CHECKING:
    from ..pipeline import Plan
    from ..reporters import FileResult
    from ..runner import Job


def add_suppressions(
    jobs: Sequence[Job], problems: Sequence[FileResult], plan: Plan, args: argparse.Namespace
) -> int:
    """Exit 0 when every finding is now suppressed, 1 when some could not be (listed), 2 when
    a file could not be read or written."""
    from ..addsuppress import add_suppressions as suppressed_text
    from ..fixwrite import write_fixed
    from ..inputs import STDIN, read
    from ..pipeline import check_document, failure_reason

    if any(job.path == STDIN or job.document is not None for job in jobs):
        raise ConfigError("--add-suppressions writes files: not for stdin or --wiki pages")
    errors = len(problems)
    for problem in problems:
        print_error(f"{problem.path}: {problem.error}")
    comments = findings = files = 0
    left: list[str] = []
    for job in jobs:
        try:
            document = read(job.path, args.encoding)
            result = check_document(document.text, plan, path=job.shown)
            done = suppressed_text(result.article, result.findings)
            if done.comments:
                write_fixed(document, done.text)
        except (InputError, RecursionError) as error:
            errors += 1
            print_error(f"{job.shown}: {failure_reason(error)}")
            continue
        comments += done.comments
        findings += done.findings
        files += bool(done.comments)
        left += [
            f"{visible(f.path)}:{f.start.line}:{f.start.column}: {f.code} not suppressed: the "
            "line ends inside a comment or a tag like <nowiki>, <pre>, <math>"
            for f in done.skipped
        ]
    if args.quiet < 2:
        for line in left:
            sys.stdout.write(line + "\n")
        sys.stdout.write(
            f"Added {comments} suppression comment{'' if comments == 1 else 's'} "
            f"for {findings} finding{'' if findings == 1 else 's'} in {files} "
            f"file{'' if files == 1 else 's'}.\n"
        )
    if errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if left else EXIT_CLEAN
