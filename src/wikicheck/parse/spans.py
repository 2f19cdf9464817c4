"""Source offsets for every node of a mwparserfromhell tree.

mwparserfromhell nodes carry no positions, but ``str(node)`` reproduces the source exactly and
each node type serialises its parts in a fixed layout. Walking that layout once, adding up the
lengths of the parts, gives the offset of every node and every child ``Wikicode``
(template names, parameter values, tag contents, attribute values ...) without serialising
anything twice. This is the only module that computes offsets from the tree.
"""

from __future__ import annotations

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
from mwparserfromhell.nodes.extras import Attribute
from mwparserfromhell.wikicode import Wikicode

from ..model import Span

SpanTable = dict[int, Span]
"""Spans keyed by ``id()`` of a node, a ``Wikicode``, a template ``Parameter`` or an ``Attribute``.

The table is only valid while the tree it was computed from is alive.
"""


def compute_spans(code: Wikicode, start: int = 0) -> SpanTable:
    spans: SpanTable = {}
    _code(code, start, spans)
    return spans


def _code(code: Wikicode, start: int, spans: SpanTable) -> int:
    position = start
    for node in code.nodes:
        position = _node(node, position, spans)
    spans[id(code)] = Span(start, position)
    return position


def _node(node: Any, start: int, spans: SpanTable) -> int:
    if isinstance(node, Text):
        end = start + len(node.value)
    elif isinstance(node, Template):
        end = _template(node, start, spans)
    elif isinstance(node, Tag):
        end = _tag(node, start, spans)
    elif isinstance(node, Wikilink):
        position = _code(node.title, start + 2, spans)
        if node.text is not None:
            position = _code(node.text, position + 1, spans)
        end = position + 2
    elif isinstance(node, ExternalLink):
        end = _external_link(node, start, spans)
    elif isinstance(node, Heading):
        end = _code(node.title, start + node.level, spans) + node.level
    elif isinstance(node, Comment):
        end = start + len(node.contents) + len("<!--") + len("-->")
    elif isinstance(node, Argument):
        position = _code(node.name, start + 3, spans)
        if node.default is not None:
            position = _code(node.default, position + 1, spans)
        end = position + 3
    else:  # HTMLEntity and any node type without children
        end = start + len(str(node))
    spans[id(node)] = Span(start, end)
    return end


def _template(node: Template, start: int, spans: SpanTable) -> int:
    position = _code(node.name, start + 2, spans)
    for param in node.params:
        position += 1  # the "|" before each parameter
        param_start = position
        if param.showkey:
            position = _code(param.name, position, spans) + 1  # "="
        position = _code(param.value, position, spans)
        spans[id(param)] = Span(param_start, position)
    return position + 2


def _external_link(node: ExternalLink, start: int, spans: SpanTable) -> int:
    if not node.brackets:
        return _code(node.url, start, spans)
    position = _code(node.url, start + 1, spans)
    if node.title is not None:
        if not node.suppress_space:
            position += 1
        position = _code(node.title, position, spans)
    return position + 1


def _tag(node: Tag, start: int, spans: SpanTable) -> int:
    if node.wiki_markup:
        position = _attributes(node.attributes, start + len(node.wiki_markup), spans)
        position += len(node.padding or "") + len(node.wiki_style_separator or "")
        if node.self_closing:
            return position
        position = _code(node.contents, position, spans)
        return position + len(node.closing_wiki_markup or "")
    position = _code(node.tag, start + (2 if node.invalid else 1), spans)
    position = _attributes(node.attributes, position, spans)
    if node.self_closing:
        return position + len(node.padding) + (1 if node.implicit else 2)
    position = _code(node.contents, position + len(node.padding) + 1, spans)
    return _code(node.closing_tag, position + 2, spans) + 1


def _attributes(attributes: list[Attribute], start: int, spans: SpanTable) -> int:
    position = start
    for attribute in attributes:
        attribute_start = position
        position = _code(attribute.name, position + len(attribute.pad_first), spans)
        position += len(attribute.pad_before_eq)
        if attribute.value is not None:
            quote = len(attribute.quotes or "")
            position += 1 + len(attribute.pad_after_eq) + quote
            position = _code(attribute.value, position, spans) + quote
        spans[id(attribute)] = Span(attribute_start, position)
    return position
