"""Reading wikitext inputs: files, directories and stdin, with errors that say where."""

from __future__ import annotations

import codecs
import contextlib
import hashlib
import os
import sys
import tempfile
from dataclasses import dataclass, replace
from pathlib import Path

from .errors import InputError
from .settings import DEFAULT_EXTENSIONS

STDIN = "-"


@dataclass(frozen=True, slots=True)
class FileStamp:
    """What a file was when it was read, to tell whether it changed before a fix is written."""

    device: int
    inode: int
    size: int
    mtime_ns: int
    sha256: str


@dataclass(frozen=True, slots=True)
class Document:
    """Decoded text and how to write it back unchanged (BOM, encoding, byte order).

    ``encoding`` is the codec that writes the text back: for a UTF-16 or UTF-32 file read
    with ``--encoding utf-16`` it names the byte order the file's BOM gave (``utf-16-be``),
    so that a big-endian file stays big-endian. ``stamp`` is set for files read from disk.
    """

    path: str
    text: str
    encoding: str = "utf-8"
    bom: bool = False
    stamp: FileStamp | None = None


# Byte-order marks by codec name (codecs.lookup(...).name), for the codecs whose BOM is
# taken off on reading and put back on writing.
BOMS = {
    "utf-8": codecs.BOM_UTF8,
    "utf-16-le": codecs.BOM_UTF16_LE,
    "utf-16-be": codecs.BOM_UTF16_BE,
    "utf-32-le": codecs.BOM_UTF32_LE,
    "utf-32-be": codecs.BOM_UTF32_BE,
}


def _byte_order(data: bytes, codec: str) -> tuple[str, bool]:
    """The codec that reads ``data`` without its BOM, and whether it had one. A generic
    ``utf-16``/``utf-32`` becomes the byte order its BOM names (the machine's without one,
    as Python's own codec reads it)."""
    if codec in ("utf-16", "utf-32"):
        for order in ("le", "be"):
            if data.startswith(BOMS[f"{codec}-{order}"]):
                return f"{codec}-{order}", True
        return f"{codec}-{'le' if sys.byteorder == 'little' else 'be'}", False
    return codec, codec == "utf-8" and data.startswith(BOMS["utf-8"])


def decode(data: bytes, path: str, encoding: str = "utf-8") -> Document:
    """Decode bytes; an undecodable byte is reported with its line and column."""
    try:
        codec = codecs.lookup(encoding).name
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}", path=path) from None
    encoding, bom = _byte_order(data, codec)
    body = data[len(BOMS[encoding]) :] if bom else data
    if b"\x00" in body[:8192] and encoding == "utf-8":
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
    return Document(path, text, encoding, bom)


def read(path: str, encoding: str = "utf-8") -> Document:
    if path == STDIN:
        return decode(sys.stdin.buffer.read(), STDIN, encoding)
    try:
        with open(path, "rb") as handle:
            status = os.fstat(handle.fileno())
            data = handle.read()
    except FileNotFoundError:
        raise InputError("no such file or directory", path=path) from None
    except IsADirectoryError:
        raise InputError("is a directory", path=path) from None
    except OSError as error:
        raise InputError(error.strerror or str(error), path=path) from None
    return replace(decode(data, path, encoding), stamp=stamp_of(status, data))


def stamp_of(status: os.stat_result, data: bytes) -> FileStamp:
    return FileStamp(
        status.st_dev,
        status.st_ino,
        status.st_size,
        status.st_mtime_ns,
        hashlib.sha256(data).hexdigest(),
    )


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
    return (BOMS[document.encoding] + data) if document.bom else data


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
