"""Output paths checked before anything is opened for writing.

``scan --out dump.xml`` once truncated the dump it was about to read, and ``--parquet
dump.xml`` overwrote it. An output that is the same file as an input, or as another output,
is refused with exit 2 before a single byte is written, whatever spelling, symlink or hard link
makes it the same file.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from ..errors import ConfigError

Named = tuple[str, Path]
"""A path and what it is for the user ("--out", "the dump"), for the message."""


def _identity(path: Path) -> tuple[str, tuple[int, int] | None]:
    """What makes two paths the same file: the resolved path, and when the file exists its
    device and inode (a hard link resolves to another path but is the same file)."""
    real = os.path.realpath(path)
    try:
        stat = os.stat(real)
    except OSError:
        return real, None
    return real, (stat.st_dev, stat.st_ino)


def _same(
    left: tuple[str, tuple[int, int] | None], right: tuple[str, tuple[int, int] | None]
) -> bool:
    if left[0] == right[0]:
        return True
    return left[1] is not None and left[1] == right[1]


def refuse_overlaps(inputs: Sequence[Named], outputs: Sequence[Named]) -> None:
    """Raise ConfigError if an output is the same file as an input or as another output,
    or if it is a directory."""
    known = [(name, path, _identity(path)) for name, path in inputs]
    for name, path in outputs:
        if path.is_dir():
            raise ConfigError(f"{name} {path}: is a directory, not a file to write")
        identity = _identity(path)
        for other_name, other, other_identity in known:
            if _same(identity, other_identity):
                raise ConfigError(
                    f"{name} {path} is the same file as {other_name} {other}: "
                    "refusing to overwrite it"
                )
        known.append((name, path, identity))
