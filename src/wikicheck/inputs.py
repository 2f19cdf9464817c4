"""Reading wikitext inputs: files, directories and stdin, with errors that say where."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError
from .settings import DEFAULT_EXTENSIONS

STDIN = "-"


@dataclass(frozen=True, slots=True)
class Document:
    """Decoded text and how to write it back unchanged (BOM, encoding)."""

    path: str
    text: str
    encoding: str = "utf-8"
    bom: bool = False


def decode(data: bytes, path: str, encoding: str = "utf-8") -> Document:
    """Decode bytes; an undecodable byte is reported with its line and column."""
    bom = encoding.lower().replace("_", "-") in ("utf-8", "utf8") and data.startswith(
        b"\xef\xbb\xbf"
    )
    body = data[3:] if bom else data
    if b"\x00" in body[:8192] and encoding.lower().replace("-", "") == "utf8":
        raise InputError(
            "looks like a binary file (it contains NUL bytes), not wikitext", path=path
        )
    try:
        text = body.decode(encoding)
    except UnicodeDecodeError as error:
        before = body[: error.start]
        line = before.count(b"\n") + 1
        line_start = before.rfind(b"\n") + 1
        column = len(before[line_start:].decode(encoding, errors="replace")) + 1
        raise InputError(
            f"is not valid {encoding}: byte 0x{body[error.start]:02x} cannot be decoded "
            "(use --encoding to name the file's encoding)",
            path=path,
            line=line,
            column=column,
        ) from error
    except LookupError as error:
        raise InputError(f"unknown encoding {encoding!r}", path=path) from error
    return Document(path, text, encoding, bom)


def read(path: str, encoding: str = "utf-8") -> Document:
    if path == STDIN:
        return decode(sys.stdin.buffer.read(), STDIN, encoding)
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError("no such file or directory", path=path) from None
    except IsADirectoryError:
        raise InputError("is a directory", path=path) from None
    except OSError as error:
        raise InputError(error.strerror or str(error), path=path) from None
    return decode(data, path, encoding)


def expand(
    paths: list[str], extensions: tuple[str, ...] = DEFAULT_EXTENSIONS
) -> list[tuple[str, InputError | None]]:
    """Files as given; directories walked recursively for wikitext files, sorted.

    A directory with no wikitext in it becomes an error entry, so the other inputs still run.
    """
    expanded: list[tuple[str, InputError | None]] = []
    for path in paths:
        if path == STDIN or not os.path.isdir(path):
            expanded.append((path, None))
            continue
        found = sorted(
            str(candidate)
            for candidate in Path(path).rglob("*")
            if candidate.suffix.lower() in extensions and candidate.is_file()
        )
        if not found:
            message = f"no wikitext files ({', '.join(extensions)}) in this directory"
            expanded.append((path, InputError(message, path=path)))
        expanded.extend((name, None) for name in found)
    return expanded


def encode(document: Document, text: str) -> bytes:
    """``text`` in the document's encoding, with its byte-order mark if it had one."""
    data = text.encode(document.encoding)
    return (b"\xef\xbb\xbf" + data) if document.bom else data


def write_atomic(document: Document, text: str) -> None:
    """Replace the file in one step: a crash leaves the old file or the new one, never half.

    The new file keeps the old one's permission bits. Line endings are whatever the text
    holds: fixes edit spans of the original text and never rewrite its line breaks.
    """
    path = Path(document.path)
    write_bytes_atomic(path, encode(document, text), mode=path.stat().st_mode & 0o7777)


def write_bytes_atomic(path: Path, data: bytes, *, mode: int = 0o644) -> None:
    """Write ``data`` to a temporary file beside ``path``, then rename it over ``path``."""
    descriptor, temporary = tempfile.mkstemp(
        prefix=f".{path.name}.", suffix=".tmp", dir=path.parent
    )
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
