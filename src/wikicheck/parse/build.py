"""One walk over the mwparserfromhell tree that lays out and collects the article model.

mwparserfromhell nodes carry no positions, but ``str(node)`` reproduces the source exactly
and each node type serialises its parts in a fixed layout. The walk adds up the lengths of
the parts as it goes, so every handler gets its node's start offset and returns its end:
positions cost no second walk and no table, and a :class:`~wikicheck.model.Span` is made only
for what the model keeps. This walk is the only code that computes offsets from the tree.

This module holds the walk itself (the collector's lists, the loop over nodes, plain text
and comments); the handlers of the other node types are functions that take the collector,
by concern: ``build_templates`` (template calls, arguments), ``build_tags`` (HTML and
extension tags, tables, refs) and ``build_links`` (wikilinks, external links, headings).
``build_context`` has the context the walk carries and its helpers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from mwparserfromhell.nodes import (
    Argument,
    Comment,
    ExternalLink,
    Heading,
    Tag,
    Template,
    Text,
    Wikilink,
)
from mwparserfromhell.wikicode import Wikicode

from .. import model
from ..model import Span
from . import build_links, build_tags, build_templates
from .build_context import TOP, Context, popped
from .markup import has_markup, scan_text
from .sections import HeadingInfo


class ArticleCollector:
    """Walks a parsed page once and gathers the parts of the article model."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.templates: list[model.Template] = []
        self.citations: list[model.Citation] = []
        self.infoboxes: list[model.Infobox] = []
        self.refs: list[model.Ref] = []
        self.reference_lists: list[model.ReferenceList] = []
        self.ref_sources: list[model.RefSource] = []
        self.wikilinks: list[model.Wikilink] = []
        self.categories: list[model.Category] = []
        self.external_links: list[model.ExternalLink] = []
        self.comments: list[model.Comment] = []
        self.text_runs: list[model.TextRun] = []
        self.headings: list[HeadingInfo] = []
        self.tags: list[model.HtmlTag] = []
        self.stray_markup: list[model.StrayMarkup] = []

    def collect(self, page: Wikicode) -> int:
        """Walk the page; returns where the walk ended, which is the length of the source.

        The page is consumed: each top-level node is let go once walked, so on a huge page
        the tree shrinks as the model grows instead of both reaching full size together.
        """
        top_level = list(page.nodes)
        page.nodes = []
        top_level.reverse()
        return self.nodes(popped(top_level), TOP, 0)

    def code(self, code: Wikicode | None, ctx: Context, start: int) -> int:
        """Walks a part of a node (a name, a value, contents) from ``start``; returns its end."""
        return start if code is None else self.nodes(code.nodes, ctx, start)

    def nodes(self, nodes: Iterable[Any], ctx: Context, start: int) -> int:
        """Walks nodes laid out one after another from ``start``; returns where they end."""
        position = start
        reader_sees = ctx.text
        stray = self.stray_markup if ctx.markup else None
        for node in nodes:
            if type(node) is Text:  # most nodes: handled here rather than by another call
                value = node.value
                end = position + len(value)
                if reader_sees is not None and not value.isspace():
                    run = model.TextRun(self.source[position:end], Span(position, end), reader_sees)
                    self.text_runs.append(run)
                if stray is not None and has_markup(value):  # most text holds none
                    scan_text(value, position, self.source, stray)
                position = end
                continue
            handler = _HANDLERS.get(type(node))
            if handler is None:  # HTMLEntity and any node type without children
                position += len(str(node))
            else:
                position = handler(self, node, ctx, position)
        return position


def _comment(walk: ArticleCollector, node: Comment, ctx: Context, start: int) -> int:
    end = start + len("<!--") + len(node.contents) + len("-->")
    walk.comments.append(model.Comment(node.contents, Span(start, end)))
    return end


_HANDLERS: dict[type, Callable[[ArticleCollector, Any, Context, int], int]] = {
    Template: build_templates.template,
    Tag: build_tags.tag,
    Wikilink: build_links.wikilink,
    ExternalLink: build_links.external_link,
    Heading: build_links.heading,
    Comment: _comment,
    Argument: build_templates.argument,
}
"""The walk's handler for each node type (mwparserfromhell has no subclasses of these)."""
