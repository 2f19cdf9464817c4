"""Where each external URL of an article is, for the link checker's report."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from ..model import Article


@dataclass(frozen=True, slots=True)
class LinkSource:
    path: str
    line: int
    column: int


def link_sources(article: Article, path: str) -> Iterator[tuple[str, LinkSource]]:
    """Every external link (bracketed, bare, and citation URL parameters such as |url= and
    |archive-url=) as (URL as written, where it is)."""
    for link in article.external_links:
        url = link.url.strip()
        if url:
            where = article.position(link.span.start)
            yield url, LinkSource(path, where.line, where.column)
