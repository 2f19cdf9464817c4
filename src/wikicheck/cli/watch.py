"""``lint --watch``: lint, then lint again whenever an input changes, until Ctrl-C.

Changes are found by polling the modification times and sizes of the files the paths name
(directories are walked again each time, so new files are seen): no dependency, and a few
hundred files cost little at the default interval of half a second.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

from ..config import configured_settings
from ..inputs import STDIN, expand
from .common import EXIT_ERROR

Snapshot = dict[str, tuple[int, int]]


def snapshot(paths: list[str], extensions: tuple[str, ...]) -> Snapshot:
    """Each input file's modification time (ns) and size; a vanished file is left out."""
    seen: Snapshot = {}
    for path, problem in expand(paths, extensions):
        if problem is not None or path == STDIN:
            continue
        try:
            status = os.stat(path)
        except OSError:
            continue
        seen[path] = (status.st_mtime_ns, status.st_size)
    return seen


def watch(args: argparse.Namespace, lint_once: Callable[[argparse.Namespace], int]) -> int:
    """Run ``lint_once`` now and after every change; the last run's exit code on Ctrl-C (or
    after ``--watch-rounds`` runs, for tests)."""
    if STDIN in args.paths or args.wiki:
        sys.stderr.write("wikicheck: error: --watch needs files or directories\n")
        return EXIT_ERROR
    if args.fix or args.diff or args.add_suppressions:
        sys.stderr.write("wikicheck: error: --watch only lints (no --fix, --diff)\n")
        return EXIT_ERROR
    start = Path(args.paths[0] if args.paths else ".")
    extensions = configured_settings(args.config, start, isolated=args.isolated).extensions
    rounds = 0
    code = EXIT_ERROR
    try:
        while True:
            before = snapshot(args.paths, extensions)
            code = lint_once(args)
            rounds += 1
            sys.stdout.flush()
            if args.watch_rounds is not None and rounds >= args.watch_rounds:
                return code
            if not args.quiet:
                sys.stderr.write("wikicheck: watching for changes (Ctrl-C to stop)\n")
            while snapshot(args.paths, extensions) == before:
                time.sleep(args.watch_interval)
            if not args.quiet:
                sys.stderr.write("wikicheck: a file changed; linting again\n")
    except KeyboardInterrupt:
        return code
