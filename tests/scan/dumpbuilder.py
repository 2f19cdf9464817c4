"""Build MediaWiki XML export dumps (plain, gzip, bz2, multistream bz2 with index) from
wikitext files, in the export schema 0.11, for the scan tests and benchmark."""

from __future__ import annotations

import bz2
import gzip
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

HEADER = """<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" version="0.11" \
xml:lang="en">
  <siteinfo>
    <sitename>Wikipedia</sitename>
    <dbname>enwiki</dbname>
    <base>https://en.wikipedia.org/wiki/Main_Page</base>
    <generator>MediaWiki 1.43</generator>
    <case>first-letter</case>
    <namespaces>
      <namespace key="0" case="first-letter" />
      <namespace key="1" case="first-letter">Talk</namespace>
      <namespace key="10" case="first-letter">Template</namespace>
    </namespaces>
  </siteinfo>
"""
FOOTER = "</mediawiki>\n"


@dataclass(frozen=True)
class Page:
    title: str
    page_id: int
    text: str
    namespace: int = 0
    redirect: str | None = None

    @property
    def revision_id(self) -> int:
        return self.page_id * 10 + 1

    def xml(self) -> str:
        redirect = (
            "" if self.redirect is None else f"    <redirect title={quoteattr(self.redirect)} />\n"
        )
        return (
            "  <page>\n"
            f"    <title>{escape(self.title)}</title>\n"
            f"    <ns>{self.namespace}</ns>\n"
            f"    <id>{self.page_id}</id>\n"
            f"{redirect}"
            "    <revision>\n"
            f"      <id>{self.revision_id}</id>\n"
            "      <timestamp>2026-01-01T00:00:00Z</timestamp>\n"
            "      <contributor><username>Example</username><id>1</id></contributor>\n"
            "      <model>wikitext</model>\n"
            "      <format>text/x-wiki</format>\n"
            f'      <text bytes="{len(self.text.encode())}" xml:space="preserve">'
            f"{escape(self.text)}</text>\n"
            "      <sha1>0</sha1>\n"
            "    </revision>\n"
            "  </page>\n"
        )


def pages_from_files(paths: Iterable[Path], *, first_id: int = 1) -> list[Page]:
    return [
        Page(path.stem.replace("-", " "), first_id + n, path.read_text(encoding="utf-8"))
        for n, path in enumerate(paths)
    ]


def write_dump(pages: Sequence[Page], path: Path) -> Path:
    """A one-stream dump; compressed by the file name's suffix (.bz2, .gz, or plain)."""
    data = (HEADER + "".join(page.xml() for page in pages) + FOOTER).encode("utf-8")
    if path.suffix == ".bz2":
        path.write_bytes(bz2.compress(data))
    elif path.suffix == ".gz":
        path.write_bytes(gzip.compress(data))
    else:
        path.write_bytes(data)
    return path


def write_multistream(
    pages: Sequence[Page], path: Path, *, per_stream: int = 100
) -> tuple[Path, Path]:
    """``…-multistream.xml.bz2`` and its ``…-multistream-index.txt.bz2``, as Wikimedia makes
    them: the header in its own stream, 100 pages per stream, the footer in the last one."""
    index_lines: list[str] = []
    with path.open("wb") as out:
        out.write(bz2.compress(HEADER.encode("utf-8")))
        for start in range(0, len(pages), per_stream):
            offset = out.tell()
            chunk = pages[start : start + per_stream]
            index_lines += [f"{offset}:{page.page_id}:{page.title}\n" for page in chunk]
            out.write(bz2.compress("".join(page.xml() for page in chunk).encode("utf-8")))
        out.write(bz2.compress(FOOTER.encode("utf-8")))
    index = path.with_name(path.name.replace(".xml.bz2", "-index.txt.bz2"))
    index.write_bytes(bz2.compress("".join(index_lines).encode("utf-8")))
    return path, index
