"""The section tree, built from the headings the walker found."""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Section, Span


@dataclass(frozen=True, slots=True)
class HeadingInfo:
    level: int
    title: str
    raw_title: str
    span: Span


def build_sections(headings: list[HeadingInfo], length: int) -> tuple[Section, tuple[Section, ...]]:
    """Return the lead and the top-level sections (each holding its subsections).

    A heading nests under the nearest earlier heading of a lower level, as MediaWiki's table
    of contents does, so ``== A ==`` then ``==== B ====`` makes B a child of A.
    """
    first = headings[0].span.start if headings else length
    lead = Section(
        title=None,
        raw_title=None,
        level=0,
        span=Span(0, first),
        heading_span=None,
        body_span=Span(0, first),
    )
    count = len(headings)
    parents: list[int | None] = []
    ends: list[int] = [length] * count
    stack: list[int] = []
    for index, heading in enumerate(headings):
        while stack and headings[stack[-1]].level >= heading.level:
            ends[stack.pop()] = heading.span.start
        parents.append(stack[-1] if stack else None)
        stack.append(index)

    children: list[list[Section]] = [[] for _ in range(count)]
    roots: list[Section] = []
    for index in range(count - 1, -1, -1):
        heading = headings[index]
        body_end = headings[index + 1].span.start if index + 1 < count else length
        section = Section(
            title=heading.title,
            raw_title=heading.raw_title,
            level=heading.level,
            span=Span(heading.span.start, ends[index]),
            heading_span=heading.span,
            body_span=Span(heading.span.end, body_end),
            children=tuple(reversed(children[index])),
        )
        parent = parents[index]
        (roots if parent is None else children[parent]).append(section)
    return lead, tuple(reversed(roots))
