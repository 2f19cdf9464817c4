"""Stream pages out of MediaWiki XML export dumps with mwxml, in constant memory.

A dump is read whole (``.xml``, ``.xml.bz2``, ``.xml.gz``), or — for a multistream ``.bz2``
with its index (``…-multistream-index.txt.bz2``) — as independent partitions of bz2 streams
that any process can read on its own: each stream holds about 100 ``<page>`` elements, so a
partition is wrapped in the dump's own header and footer and parsed like a small dump.
"""

from __future__ import annotations

import bz2
import gzip
import html
import io
import re
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO
from xml.etree.ElementTree import ParseError

import mwxml
from mwxml.element_iterator import ElementIterator

from ..errors import WikicheckError
from .streams import (
    MAX_HEADER_BYTES,
    MAX_TEXT_BYTES,
    TRUNCATED,
    Bz2Streams,
    CappedReader,
    PageTooLarge,
    read_header,
)

PAGES_PER_STREAM = 100  # how Wikimedia writes multistream dumps
STREAMS_PER_PARTITION = 5  # ~500 pages: many partitions per worker keep them all busy


class DumpError(WikicheckError):
    """A dump (or part of one) could not be read. ``where`` names the page and position."""

    def __init__(self, path: str, where: str, reason: str) -> None:
        super().__init__(f"{path}: {where}: {reason}")
        self.path = path
        self.where = where
        self.reason = reason


@dataclass(frozen=True, slots=True)
class DumpPage:
    title: str
    page_id: int
    revision_id: int | None
    namespace: int
    redirect: bool
    text: str
    error: str | None = None
    """Why the page cannot be linted (its text was cut at the size cap); ``text`` is empty."""


@dataclass(frozen=True, slots=True)
class Partition:
    """A piece of a dump that can be read independently: a whole file, or the bz2 streams
    between two byte offsets of a multistream dump."""

    path: str
    start: int | None = None
    end: int | None = None
    streams: int | None = None
    """How many bz2 streams of a multistream dump it holds (None for a whole file)."""

    @property
    def label(self) -> str:
        if self.start is None:
            return self.path
        return f"{self.path}[{self.start}:{self.end}]"


def index_path(dump: Path) -> Path | None:
    """The multistream index that sits next to ``dump``, if there is one."""
    name = dump.name
    if "multistream" not in name or not name.endswith(".xml.bz2"):
        return None
    candidate = dump.with_name(name[: -len(".xml.bz2")] + "-index.txt.bz2")
    return candidate if candidate.is_file() else None


def stream_offsets(index: Path) -> list[int]:
    """The distinct stream offsets listed in a multistream index (``offset:page_id:title``)."""
    offsets: set[int] = set()
    with bz2.open(index, "rt", encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            head, _, _rest = line.partition(":")
            if not head.strip():
                continue
            if not head.isdigit():
                raise DumpError(str(index), f"line {number}", "not an index line (offset:id:title)")
            offsets.add(int(head))
    return sorted(offsets)


def partitions(dump: Path, index: Path | None = None) -> list[Partition]:
    """How ``dump`` can be split: by groups of bz2 streams when it has an index, else whole."""
    index = index or index_path(dump)
    if index is None:
        return [Partition(str(dump))]
    offsets = stream_offsets(index)
    if not offsets:
        return [Partition(str(dump))]
    step = STREAMS_PER_PARTITION
    groups = [offsets[n : n + step] for n in range(0, len(offsets), step)]
    # The last stream in a real dump is the footer alone; reading to the end of the file
    # includes it, and the reader ignores anything after the last page.
    ends = [group[0] for group in groups[1:]] + [dump.stat().st_size]
    return [
        Partition(str(dump), group[0], end, len(group))
        for group, end in zip(groups, ends, strict=True)
    ]


def _open_whole(path: str) -> IO[bytes]:
    if path.endswith(".bz2"):
        return bz2.open(path, "rb")
    if path.endswith(".gz"):
        return gzip.GzipFile(path, "rb")  # type: ignore[return-value]
    return open(path, "rb")


def _header(path: str) -> bytes:
    """The dump's opening: ``<mediawiki …>`` and ``<siteinfo>``, everything before a page."""
    with bz2.open(path, "rb") as handle:
        head = read_header(handle, path)
    if head is None:
        raise DumpError(path, "header", f"no </siteinfo> in the first {MAX_HEADER_BYTES:,} bytes")
    return head


_BASE = re.compile(rb"<base>\s*(https?://[^<\s?#]+/)[^</?#\s]+\s*</base>")
"""The siteinfo's ``<base>``, the URL of the main page; when it is a path ending in the page's
name (``/wiki/Main_Page``), its folder is the article path. Other layouts (``?title=``) get no
site rather than a wrong one."""


def site_of(dump: Path) -> str | None:
    """Where the dump's wiki serves its pages (``https://en.wikipedia.org/wiki/``), from its
    ``<siteinfo>``, for links in reports; None when the dump does not say or cannot be read."""
    try:
        with _open_whole(str(dump)) as handle:
            head = read_header(handle, str(dump))
    except (OSError, EOFError, ValueError):
        return None
    found = _BASE.search(head or b"")
    return html.unescape(found.group(1).decode("utf-8", "replace")) if found else None


def _open_partition(partition: Partition) -> IO[bytes]:
    """The partition as one XML document, decompressed as it is read, with every run of
    character data capped (:mod:`.streams`)."""
    if partition.start is None:
        return io.BufferedReader(CappedReader(_open_whole(partition.path)))
    with open(partition.path, "rb") as handle:
        handle.seek(partition.start)
        data = handle.read((partition.end or 0) - partition.start)
    header = b"" if partition.start == 0 else _header(partition.path)
    streams = io.BufferedReader(Bz2Streams(data))
    parts: list[IO[bytes]] = [io.BytesIO(header), streams, io.BytesIO(b"</mediawiki>\n")]
    return io.BufferedReader(CappedReader(io.BufferedReader(_Chain(parts))))


class _Chain(io.RawIOBase):
    """Streams read one after the other."""

    def __init__(self, parts: list[IO[bytes]]) -> None:
        self._parts = parts

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        while self._parts:
            data = self._parts[0].read(len(buffer))
            if data:
                buffer[: len(data)] = data
                return len(data)
            self._parts.pop(0)
        return 0


_OVERSIZE = (
    f"page text over {MAX_TEXT_BYTES // (1024 * 1024)} MiB after decompression "
    "(MediaWiki stores at most 2 MiB): not linted"
)


def read_pages(
    partition: Partition, *, namespaces: frozenset[int] | None = frozenset({0})
) -> Iterator[DumpPage]:
    """The pages of a partition, last revision each; redirects skipped; ``namespaces=None``
    keeps every namespace. A page whose text is over the size cap comes with an ``error``
    and no text. Raises :class:`DumpError` naming the last page read."""
    last = "before the first page"  # where the reader is, for the messages
    try:
        with _open_partition(partition) as handle:
            root = ElementIterator.from_file(handle)
            tag = root.element.tag.rpartition("}")[2]
            if tag != "mediawiki":
                raise DumpError(
                    partition.label, "root element", f"<{tag}>, not a MediaWiki export dump"
                )
            dump = mwxml.Dump.from_element(root)
            for page in dump:
                revision = None
                for revision in page:  # noqa: B007 - the last revision is the current text
                    pass
                last = f"after page {page.title!r} (id {page.id})"
                if page.redirect or (namespaces is not None and page.namespace not in namespaces):
                    root.element.clear()
                    continue
                text = (revision.text if revision is not None else None) or ""
                error = None
                if text.endswith(TRUNCATED):
                    text, error = "", _OVERSIZE
                yield DumpPage(
                    title=page.title,
                    page_id=page.id,
                    revision_id=None if revision is None else revision.id,
                    namespace=page.namespace,
                    redirect=bool(page.redirect),
                    text=text,
                    error=error,
                )
                root.element.clear()  # iterparse keeps the root's children otherwise
    except ParseError as error:
        position = getattr(error, "position", None)
        where = last
        if position is not None:
            where += f", XML line {position[0]} column {position[1]}"
        raise DumpError(partition.label, where, "malformed XML") from None
    except PageTooLarge as error:
        raise DumpError(partition.label, last, f"{error}: rest skipped") from None
    except (EOFError, OSError) as error:
        raise DumpError(partition.label, last, f"truncated or corrupt: {error}") from None
    except mwxml.errors.MalformedXML as error:
        raise DumpError(partition.label, last, f"malformed dump: {error}") from None
    except ValueError as error:  # mwxml converts as it reads: <id>abc</id>, a bad timestamp
        raise DumpError(
            partition.label, last, f"malformed dump: a value not valid: {error}"
        ) from None
    except (TypeError, AttributeError, KeyError) as error:  # a page with no <title>, …
        raise DumpError(
            partition.label, last, f"malformed dump: an element missing or misplaced ({error})"
        ) from None


def page_texts(dumps: Sequence[Path], page_ids: Collection[int]) -> dict[int, str]:
    """The wikitext of the pages ``page_ids``, read back from the dumps (for the HTML report's
    page views). A dump error skips the rest of its partition: the scan reported it."""
    texts: dict[int, str] = {}
    for dump in dumps:
        for part in partitions(dump):
            try:
                for page in read_pages(part, namespaces=None):
                    if page.page_id in page_ids:
                        texts[page.page_id] = page.text
            except DumpError:
                continue
    return texts
