"""The page: its :class:`Section` tree and the :class:`Article` that holds the whole model."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from ..textutil import clip
from .links import Category, ExternalLink, Wikilink
from .markup import Comment, HtmlTag, ParseLimit, StrayMarkup, TextRun
from .refs import Ref, ReferenceList, RefSource
from .spans import LineIndex, Position, Span
from .templates import Citation, Infobox, Template


@dataclass(frozen=True, slots=True)
class Section:
    """A section: the lead (level 0, no title) or one that starts at a heading.

    ``body_span`` runs from the end of the heading to the next heading of any level;
    ``span`` covers the heading and everything up to the next heading of the same or a
    higher level, so it includes the subsections listed in ``children``.
    """

    title: str | None
    raw_title: str | None
    level: int
    span: Span
    heading_span: Span | None
    body_span: Span
    children: tuple[Section, ...] = ()

    def walk(self) -> Iterator[Section]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True, slots=True)
class Article:
    """A parsed page: its source and what it holds, each with its :class:`Span` in the source.

    Made by :func:`wikicheck.parse`; immutable. ``sections`` are the top-level sections (each
    with its ``children``), ``lead`` the text before the first heading; ``all_sections()``
    walks them all. ``templates``, ``citations`` (citation templates with normalised
    parameters), ``infoboxes``, ``refs``, ``reference_lists``, ``wikilinks``, ``categories``,
    ``external_links``, ``comments`` and ``text_runs`` (prose, outside markup) are in source
    order. ``position(offset)`` turns an offset into a 1-based line and column.

    >>> import wikicheck
    >>> wikicheck.parse("== A ==\\nText.", path="a.wiki")
    <Article a.wiki: 13 characters, 1 section, 0 citations, 0 refs, 0 templates>
    """

    source: str
    path: str | None
    title: str | None
    lead: Section
    sections: tuple[Section, ...]
    templates: tuple[Template, ...]
    infoboxes: tuple[Infobox, ...]
    refs: tuple[Ref, ...]
    reference_lists: tuple[ReferenceList, ...]
    citations: tuple[Citation, ...]
    wikilinks: tuple[Wikilink, ...]
    categories: tuple[Category, ...]
    external_links: tuple[ExternalLink, ...]
    comments: tuple[Comment, ...]
    text_runs: tuple[TextRun, ...]
    lines: LineIndex = field(repr=False, compare=False)
    ref_sources: tuple[RefSource, ...] = ()
    """Template calls that may make refs this page does not show, in source order."""
    limits: tuple[ParseLimit, ...] = ()
    """Unclosed markup read as text to keep the parse time bounded (reported by WC003)."""
    tags: tuple[HtmlTag, ...] = ()
    """HTML and extension tags the tokenizer matched (refs included), in source order."""
    stray_markup: tuple[StrayMarkup, ...] = ()
    """Markup the tokenizer left as text (unclosed tags, lone brackets ...), in source order."""

    def all_sections(self) -> Iterator[Section]:
        """The lead, then every section in document order (depth first)."""
        yield self.lead
        for section in self.sections:
            yield from section.walk()

    def position(self, offset: int) -> Position:
        return self.lines.position(offset)

    def text_at(self, span: Span) -> str:
        return self.source[span.start : span.end]

    def __repr__(self) -> str:
        # Short (the dataclass repr was the whole page and its model, 44 KB for an article).
        name = self.title or self.path or "<string>"
        counts = ", ".join(
            _count(len(items), noun)
            for items, noun in (
                (list(self.all_sections())[1:], "section"),
                (self.citations, "citation"),
                (self.refs, "ref"),
                (self.templates, "template"),
            )
        )
        return f"<Article {clip(name)}: {_count(len(self.source), 'character')}, {counts}>"


def _count(number: int, noun: str) -> str:
    return f"{number:,} {noun}{'' if number == 1 else 's'}"
