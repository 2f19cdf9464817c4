"""Citation Style 1/2 domain logic: parameters, the date grammar, and the module's checks."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Article, Citation


def cs1_citations(article: Article) -> Iterator[Citation]:
    """The article's citations that Module:Citation/CS1 renders (not {{cite IUCN}} and kin)."""
    for citation in article.citations:
        if citation.cs1 is not None:
            yield citation
