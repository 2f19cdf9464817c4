"""Byte streams under the XML parser that bound what a dump can make wikicheck hold.

A few hundred bytes of bz2 can inflate to gigabytes. Nothing here ever holds more than a
chunk of decompressed data at a time, and the XML parser never sees a run of character data
longer than :data:`MAX_TEXT_BYTES`: the rest of such a run is dropped as it streams past, and
the text ends with :data:`TRUNCATED` so the reader can report the page instead of linting it.
"""

from __future__ import annotations

import bz2
import io
from typing import IO

MAX_TEXT_BYTES = 8 * 1024 * 1024
"""The longest run of XML character data passed on: MediaWiki refuses to save a page over
2 MiB ($wgMaxArticleSize), and escaping ("&quot;" for '"') can at most triple what most
pages hold, so no real page reaches this."""

MAX_PAGE_BYTES = 64 * 1024 * 1024
"""The most XML a single ``<page>`` may take, tags included (a page of a million empty
elements has no long text but would still fill memory). A page over it ends its partition."""

MAX_HEADER_BYTES = 4 * 1024 * 1024
"""How far into a dump ``</siteinfo>`` is looked for (real ones end within a few KB)."""

TRUNCATED = "\ufdd0"
"""Appended (as a character reference) where a run of character data was cut: a Unicode
noncharacter, which no wiki page ends with."""

_MARK = b"&#xFDD0;"
_CHUNK = 1 << 16


class PageTooLarge(ValueError):
    """A ``<page>`` element over :data:`MAX_PAGE_BYTES`."""


class CappedReader(io.RawIOBase):
    """Passes XML bytes through, cutting character data runs over ``max_text`` bytes short
    (at a character and entity boundary) and refusing a page over ``max_page`` bytes."""

    def __init__(
        self, inner: IO[bytes], *, max_text: int = MAX_TEXT_BYTES, max_page: int = MAX_PAGE_BYTES
    ) -> None:
        self._inner = inner
        self._max_text = max_text
        self._max_page = max_page
        self._run = 0  # bytes since the last "<"
        self._in_reference = False  # the last "&" had no ";" after it yet
        self._dropping = False
        self._page = 0  # bytes since the last "<page"
        self._pending = b""

    def readable(self) -> bool:
        return True

    def close(self) -> None:
        self._inner.close()
        super().close()

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        while not self._pending:
            chunk = self._inner.read(_CHUNK)
            if not chunk:
                return 0
            self._pending = self._filter(chunk)
            self._count_page(self._pending)  # what is passed on: cut text counts no more
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size

    def _filter(self, chunk: bytes) -> bytes:
        if self._dropping:
            tag = chunk.find(b"<")
            if tag < 0:
                return b""
            self._dropping = False
            self._run = 0
            self._in_reference = False
            return _MARK + self._filter(chunk[tag:])
        last_tag = chunk.rfind(b"<")
        run_before = self._run
        if last_tag >= 0:
            self._run = len(chunk) - last_tag - 1
        else:
            self._run += len(chunk)
        if self._run <= self._max_text:
            self._note_references(chunk)
            return chunk
        # The run crosses the cap in this chunk: where, counted from its start.
        start = last_tag + 1 if last_tag >= 0 else 0
        crossing = start + self._max_text - (0 if last_tag >= 0 else run_before)
        cut = self._safe_cut(chunk, max(crossing, start), start)
        self._dropping = True
        return chunk[:cut]

    def _safe_cut(self, chunk: bytes, index: int, run_start: int) -> int:
        """The first position at or after ``index`` that splits no UTF-8 character and no
        entity or character reference (the run has no "<", so "&…;" is the only markup)."""
        amp = chunk.rfind(b"&", run_start, index)
        semi = chunk.rfind(b";", run_start, index)
        inside = amp > semi if (amp >= 0 or semi >= 0) else self._in_reference
        if inside:
            end = chunk.find(b";", index)
            index = len(chunk) if end < 0 else end + 1
        while index < len(chunk) and 0x80 <= chunk[index] < 0xC0:
            index += 1
        return index

    def _note_references(self, chunk: bytes) -> None:
        amp, semi = chunk.rfind(b"&"), chunk.rfind(b";")
        if amp >= 0 or semi >= 0:
            self._in_reference = amp > semi

    def _count_page(self, chunk: bytes) -> None:
        start = chunk.rfind(b"<page")
        self._page = len(chunk) - start if start >= 0 else self._page + len(chunk)
        if self._page > self._max_page:
            raise PageTooLarge(f"a page over {self._max_page // (1024 * 1024)} MiB of XML")


class Bz2Streams(io.RawIOBase):
    """The concatenated bz2 streams of ``data`` decompressed as they are read, a chunk at a
    time, with a trailing ``</mediawiki>`` (the dump's footer) left out."""

    _HOLD = 64  # bytes kept back so the footer can be recognised at the very end

    def __init__(self, data: bytes) -> None:
        self._data = data
        self._decompressor: bz2.BZ2Decompressor | None = None
        self._held = b""
        self._done = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        while len(self._held) <= self._HOLD and not self._done:
            self._held += self._next()
        if self._done:
            self._strip_footer()
            out = self._held
        else:
            out = self._held[: -self._HOLD]
        size = min(len(buffer), len(out))
        buffer[:size] = out[:size]
        self._held = self._held[size:]
        return size

    def _strip_footer(self) -> None:
        body = self._held.rstrip()
        if body.endswith(b"</mediawiki>"):
            self._held = body[: -len(b"</mediawiki>")]

    def _next(self) -> bytes:
        decompressor = self._decompressor
        if decompressor is None or decompressor.eof:
            if decompressor is not None:
                self._data = decompressor.unused_data
            if not self._data:
                self._done = True
                return b""
            decompressor = self._decompressor = bz2.BZ2Decompressor()
            out = decompressor.decompress(self._data, _CHUNK)
            self._data = b""
            return out
        if decompressor.needs_input:
            raise EOFError("compressed data ended before the end of a bz2 stream")
        return decompressor.decompress(b"", _CHUNK)


def read_header(handle: IO[bytes], path: str) -> bytes | None:
    """The dump's opening up to ``</siteinfo>``, read in one linear pass; None when there
    is none within :data:`MAX_HEADER_BYTES`."""
    marker = b"</siteinfo>"
    head = bytearray()
    while len(head) < MAX_HEADER_BYTES:
        chunk = handle.read(_CHUNK)
        if not chunk:
            return None
        searched_from = max(0, len(head) - len(marker) + 1)
        head += chunk
        found = head.find(marker, searched_from)
        if found >= 0:
            return bytes(head[: found + len(marker)]) + b"\n"
    return None
