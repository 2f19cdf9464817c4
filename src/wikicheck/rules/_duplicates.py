"""Repeated template parameters: MediaWiki keeps the last value and drops the others."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

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

    The fix removes the dropped copy (with its "|"), and is offered only when that copy is
    empty or identical to the one used: then nothing a reader sees changes.
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
                edits=(Edit(Span(occurrence.span.start - 1, occurrence.span.end), ""),),
                applicability=Applicability.SAFE,
            )
        yield Duplicate(occurrence, used, fix)
