"""The walk's handler for tags: HTML and extension tags, tables written in wiki syntax,
``<ref>`` and ``<references>``.

Lays out a tag's name, attributes (with their padding and quotes) and contents, and collects
:class:`~wikicheck.model.HtmlTag`, :class:`~wikicheck.model.Ref`, reference lists and
fostered table text. What a tag's contents are to a reader (prose, a quotation, not text;
wikitext or raw) goes into the context of its contents.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from mwparserfromhell.nodes import Tag, Text

from .. import model
from ..model import Span, TextContext
from .build_context import Context, derive, source_length
from .markup import html_tags
from .names import decode_tag_attributes, tag_attribute, tag_kinds

if TYPE_CHECKING:
    from .build import ArticleCollector

_OPENING = re.compile(r"^<\s*ref|/?>$", re.IGNORECASE)
"""The tag name and the closing bracket around a <ref>'s attribute text."""


def tag(walk: ArticleCollector, node: Tag, ctx: Context, start: int) -> int:
    if node.wiki_markup:  # a table, list item or rule written in wiki syntax
        attributes: list[model.TagAttribute] = []
        position = _attributes(walk, node, ctx, start + len(node.wiki_markup), attributes)
        attributes_end = position
        position += len(node.padding or "") + len(node.wiki_style_separator or "")
        if node.self_closing:
            return position
        contents_ctx = _contents_context(node, "", ctx)
        if node.wiki_markup in ("{|", "|-") and ctx.markup:
            position = _table_contents(walk, node, contents_ctx, position)
        else:
            position = walk.code(node.contents, contents_ctx, position)
        end = position + len(node.closing_wiki_markup or "")
        if attributes:  # a table, row or cell with attributes: kept for the attribute rules
            tag = model.HtmlTag(
                str(node.tag).lower(),
                Span(start, end),
                Span(start, attributes_end),
                None,
                tuple(attributes),
                self_closing=False,
                wiki_markup=node.wiki_markup,
            )
            walk.tags.append(tag)
        return end
    name = str(node.tag).strip().lower()
    if name == "ref":
        return _ref(walk, node, ctx, start)
    if name != "references":
        return _html_tag(walk, node, ctx, start, _contents_context(node, name, ctx))[0]
    group = _attribute_values(node).get("group", "")
    inner = derive(ctx, text=None, sections_allowed=False, list_group=group)
    end = _html_tag(walk, node, ctx, start, inner)[0]
    walk.reference_lists.append(model.ReferenceList("references", group, Span(start, end)))
    return end


def _attribute_values(node: Tag) -> dict[str, str]:
    """The tag's attributes as MediaWiki hands them to the extension (the first of a
    repeated name is dropped, as MediaWiki keeps the last)."""
    values: dict[str, str] = {}
    for attribute in node.attributes:
        key = str(attribute.name).strip().lower()
        value = "" if attribute.value is None else str(attribute.value)
        values[key] = tag_attribute(value, quoted=bool(attribute.quotes))
    return values


def _attributes(
    walk: ArticleCollector,
    node: Tag,
    ctx: Context,
    start: int,
    into: list[model.TagAttribute] | None = None,
) -> int:
    """Lays out the attributes; adds them to ``into`` when given."""
    inner = derive(ctx, text=None, sections_allowed=False, markup=False)
    source = walk.source
    position = start
    for attribute in node.attributes:
        name_start = position + len(attribute.pad_first)
        position = walk.code(attribute.name, inner, name_start)
        name = source[name_start:position]
        attribute_end = position  # a name alone ends here, before any padding
        position += len(attribute.pad_before_eq)
        value = None
        quote = attribute.quotes or ""
        if attribute.value is not None:
            position += len("=") + len(attribute.pad_after_eq) + len(quote)
            value_start = position
            position = walk.code(attribute.value, inner, position)
            value = source[value_start:position]
            position += len(quote)
            attribute_end = position
        if into is not None:
            span = Span(name_start, attribute_end)
            into.append(model.TagAttribute(name.strip().lower(), value, quote, span))
    return position


def _table_contents(walk: ArticleCollector, node: Tag, ctx: Context, start: int) -> int:
    """Lays out a table's or row's contents, noting text outside any cell: the browser
    moves it out of the table ("fostered" content)."""
    position = start
    for child in node.contents.nodes:
        end = walk.nodes((child,), ctx, position)
        if type(child) is Text and not child.value.isspace():
            value = child.value
            lead = len(value) - len(value.lstrip())
            span = Span(position + lead, position + len(value.rstrip()))
            walk.stray_markup.append(model.StrayMarkup(model.StrayKind.FOSTERED, span))
        position = end
    return position


def _html_tag(
    walk: ArticleCollector, node: Tag, ctx: Context, start: int, contents_ctx: Context
) -> tuple[int, Span | None]:
    """Lays out ``<name attributes>contents</name>`` (or ``<name/>``): its end, and where
    its contents are (None when it closes itself)."""
    name_start = start + len("</" if node.invalid else "<")
    name_end = name_start + source_length(node.tag)
    attributes: list[model.TagAttribute] = []
    position = _attributes(walk, node, ctx, name_end, attributes)
    name = walk.source[name_start:name_end].strip().lower()
    if node.self_closing:
        end = position + len(node.padding) + len(">" if node.implicit else "/>")
        walk.tags.append(
            model.HtmlTag(
                name,
                Span(start, end),
                Span(start, end),
                None,
                tuple(attributes),
                self_closing=not node.implicit,
                end_only=bool(node.invalid),
            )
        )
        return end, None
    contents_start = position + len(node.padding) + len(">")
    if name in html_tags().raw:
        contents_ctx = derive(contents_ctx, markup=False)
    position = walk.code(node.contents, contents_ctx, contents_start)
    end = position + len("</") + source_length(node.closing_tag) + len(">")
    walk.tags.append(
        model.HtmlTag(
            name,
            Span(start, end),
            Span(start, contents_start),
            Span(position, end),
            tuple(attributes),
            self_closing=False,
        )
    )
    return end, Span(contents_start, position)


def _contents_context(node: Tag, name: str, ctx: Context) -> Context:
    """What the contents of a tag are to a reader: prose, a quotation, or not text."""
    text = ctx.text
    if text is not None and not node.wiki_markup:
        kinds = tag_kinds()
        if name in kinds.quote:
            text = TextContext.QUOTE
        elif name not in kinds.prose:
            text = None
    return derive(ctx, text=text, sections_allowed=ctx.sections_allowed and text is not None)


def _ref(walk: ArticleCollector, node: Tag, ctx: Context, start: int) -> int:
    attributes = _attribute_values(node)
    name = attributes.get("name") or None
    group = attributes.get("group", ctx.list_group or "")
    first_citation = len(walk.citations)
    inner = derive(ctx, text=None, in_ref=True, sections_allowed=False, list_group=None)
    end, content_span = _html_tag(walk, node, ctx, start, inner)
    content = None if content_span is None else walk.source[content_span.start : content_span.end]
    is_reuse = name is not None and (content is None or not content.strip())
    citation = walk.citations[first_citation] if len(walk.citations) > first_citation else None
    opening = walk.source[start : end if content_span is None else content_span.start]
    walk.refs.append(
        model.Ref(
            name=name,
            group=group,
            is_reuse=is_reuse,
            content=content,
            span=Span(start, end),
            content_span=content_span,
            list_defined=ctx.list_group is not None and not is_reuse,
            citation=citation,
            attributes=decode_tag_attributes(_OPENING.sub("", opening)),
        )
    )
    return end
