"""Analyses several rules need, computed once per article through ``RuleContext.memo``."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator

from ..cs1 import cs1_citations
from ..cs1.citation_dates import CheckedDate, citation_dates
from ..cs1.dates import DateKind
from ..model import Citation, CitationParam, Span
from ..typos.detector import interesting
from ..typos.lexicon import lexicon
from ..typos.words import Word, prose_words
from ._base import RuleContext


def dated_citations(ctx: RuleContext) -> list[tuple[Citation, list[CheckedDate]]]:
    """Each CS1 citation with its dates as CS1 judges them."""
    return ctx.memo(
        "citation-dates",
        lambda: [(c, citation_dates(c, ctx.today)) for c in cs1_citations(ctx.article)],
    )


def named_params(citation: Citation) -> Iterator[CitationParam]:
    """A citation's named parameters (positional ones are WC336's business)."""
    for param in citation.params:
        if not param.raw_name.isdigit():
            yield param


PUBLICATION_KINDS = (DateKind.DATE, DateKind.PUBLICATION)
RETRIEVAL_KINDS = (DateKind.ACCESS, DateKind.ARCHIVE)


def checked_dates(ctx: RuleContext) -> list[CheckedDate]:
    """Every date of every CS1 citation, in source order."""
    return [checked for _citation, dates in dated_citations(ctx) for checked in dates]


def describe_date(checked: CheckedDate) -> str:
    """``|name=value`` as written, for messages."""
    return f"|{checked.param.raw_name}={checked.param.value}"


def typo_words(ctx: RuleContext) -> list[Word]:
    """The prose words the typo detector needs to look at (see ``detector.interesting``)."""
    return ctx.memo("typo-words", lambda: list(prose_words(ctx.article, interesting(lexicon()))))


def in_heading(ctx: RuleContext, span: Span) -> bool:
    """Whether ``span`` lies in a heading's line. The heading lines, in source order and
    apart, are listed once per article and the one before ``span`` found by bisection:
    asking every heading for every finding was quadratic on a broken page."""
    starts, headings = ctx.memo("heading-lines", lambda: _heading_lines(ctx))
    index = bisect_right(starts, span.start) - 1
    return index >= 0 and headings[index].contains(span)


def _heading_lines(ctx: RuleContext) -> tuple[list[int], list[Span]]:
    sections = ctx.article.all_sections()
    headings = [section.heading_span for section in sections if section.heading_span is not None]
    return [span.start for span in headings], headings
