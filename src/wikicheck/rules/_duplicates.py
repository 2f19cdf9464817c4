"""Repeated template parameters: MediaWiki keeps the last value and drops the others."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from itertools import pairwise

from ..findings import Applicability, Edit, Fix
from ..model import Article, Span


@dataclass(frozen=True, slots=True)
class Occurrence:
    name: str
    value: str
    span: Span  # the whole parameter, after its "|"
    name_span: Span


@dataclass(frozen=True, slots=True)
class Duplicate:
    dropped: Occurrence
    used: Occurrence
    fix: Fix | None


def duplicates(article: Article, occurrences: Sequence[Occurrence]) -> Iterator[Duplicate]:
    """Each occurrence that a later one with the same name overrides.

    The fix removes the dropped copy (with its "|") but not the comments in it (see
    :func:`removal`), and is offered only when that copy is empty or identical to the one
    used: then nothing a reader sees changes.
    """
    last = {occurrence.name: occurrence for occurrence in occurrences}
    for occurrence in occurrences:
        used = last[occurrence.name]
        if used is occurrence:
            continue
        fix = None
        if not occurrence.value or occurrence.value == used.value:
            fix = Fix(
                title=f'Remove the unused "{occurrence.name}"',
                edits=removal(article, Span(occurrence.span.start - 1, occurrence.span.end)),
                applicability=Applicability.SAFE,
            )
        yield Duplicate(occurrence, used, fix)


def removal(article: Article, span: Span) -> tuple[Edit, ...]:
    """Edits that delete a parameter (``span``: its "|" and the rest) except the comments in
    it, which are notes to editors, not part of the value: ``|x=<!-- note -->`` becomes
    ``<!-- note -->``. The whitespace after the last comment stays, so a comment on a line
    of its own keeps its line."""
    comments = [c.span for c in article.comments if span.start <= c.span.start < span.end]
    if not comments:
        return (Edit(span, ""),)
    gaps = [Span(span.start, comments[0].start)]
    gaps += [Span(before.end, after.start) for before, after in pairwise(comments)]
    tail = article.source[comments[-1].end : span.end]
    gaps.append(Span(comments[-1].end, comments[-1].end + len(tail.rstrip())))
    return tuple(Edit(gap, "") for gap in gaps if gap.end > gap.start)
