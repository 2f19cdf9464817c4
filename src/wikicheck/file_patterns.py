"""Which configured path patterns a file matches: ``exclude`` and ``per-file-ignores``.

Patterns are globs relative to the configuration file's directory (the working directory
without one), or a bare file name.
"""

from __future__ import annotations

import fnmatch
import os
from pathlib import Path

from .settings import Settings


def relative_path(path: str, settings: Settings) -> str:
    """``path`` relative to the config root, with forward slashes, for glob matching."""
    # with no configuration file, command-line patterns are relative to the working directory
    root = settings.root if settings.root is not None else Path.cwd()
    try:
        return Path(os.path.abspath(path)).relative_to(root).as_posix()
    except ValueError:
        return Path(path).as_posix()


def _matches(path: str, pattern: str, settings: Settings) -> bool:
    relative = relative_path(path, settings)
    return fnmatch.fnmatch(relative, pattern) or fnmatch.fnmatch(Path(path).name, pattern)


def is_excluded(path: str, settings: Settings) -> bool:
    return any(_matches(path, pattern, settings) for pattern in settings.exclude)


def ignores_for(path: str, settings: Settings) -> tuple[str, ...]:
    """The extra selectors ignored for ``path`` by per-file-ignores."""
    ignored: list[str] = []
    for pattern, selectors in settings.per_file_ignores:
        if _matches(path, pattern, settings):
            ignored.extend(selectors)
    return tuple(ignored)
