"""One walk over the mwparserfromhell tree that lays out and collects the article model.

mwparserfromhell nodes carry no positions, but ``str(node)`` reproduces the source exactly
and each node type serialises its parts in a fixed layout. The walk adds up the lengths of
the parts as it goes, so every handler gets its node's start offset and returns its end:
positions cost no second walk and no table, and a :class:`~wikicheck.model.Span` is made only
for what the model keeps. This is the only module that computes offsets from the tree.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
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
from ..cs1.params import parameter_table
from ..model import LinkOrigin, Span, TextContext
from ..textutil import mediawiki_trim, strip_comments
from . import templates
from .markup import has_markup, html_tags, scan_text
from .names import (
    citation_templates,
    decode_tag_attributes,
    infobox_templates,
    link_namespace,
    link_prefixes,
    list_defined_params,
    normalize_template_name,
    normalize_title,
    reference_list_templates,
    tag_attribute,
    tag_kinds,
    unseen_ref_names,
)
from .plain import plain_text
from .sections import HeadingInfo


@dataclass(frozen=True, slots=True)
class _Context:
    """Where the walk is: what the text here is to a reader, and what encloses it."""

    text: TextContext | None = TextContext.PROSE
    template_depth: int = 0
    in_ref: bool = False
    sections_allowed: bool = True
    list_group: str | None = None
    citation_url_param: str | None = None
    markup: bool = True
    """Whether text here is wikitext, where markup left unmatched is a break (not inside
    <nowiki>, <math> ... nor in attribute values)."""


_TOP = _Context()
_OPENING = re.compile(r"^<\s*ref|/?>$", re.IGNORECASE)
"""The tag name and the closing bracket around a <ref>'s attribute text."""


@lru_cache(maxsize=256)
def _derive(ctx: _Context, **changes: Any) -> _Context:
    """``dataclasses.replace`` memoised: a page has a handful of distinct contexts, and the
    walk derives one for every node. Bounded, because contexts carry names from the page
    (a reference group), which over a whole dump are without number."""
    return replace(ctx, **changes)


def _popped(nodes: list[Any]) -> Iterator[Any]:
    """The nodes from last to first, each dropped from the list as it is handed out."""
    while nodes:
        yield nodes.pop()


def _source_length(code: Wikicode) -> int:
    """``len(str(code))`` for a part the walk does not enter (a tag's name, a link's title
    before its walk), without serialising the usual plain text."""
    length = 0
    for node in code.nodes:  # iterated, not indexed: SmartList indexing is Python code
        if type(node) is not Text:
            return len(str(code))
        length += len(node.value)
    return length


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
        return self._nodes(_popped(top_level), _TOP, 0)

    def _code(self, code: Wikicode | None, ctx: _Context, start: int) -> int:
        return start if code is None else self._nodes(code.nodes, ctx, start)

    def _nodes(self, nodes: Iterable[Any], ctx: _Context, start: int) -> int:
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

    def _comment(self, node: Comment, ctx: _Context, start: int) -> int:
        end = start + len("<!--") + len(node.contents) + len("-->")
        self.comments.append(model.Comment(node.contents, Span(start, end)))
        return end

    def _argument(self, node: Argument, ctx: _Context, start: int) -> int:
        inner = _derive(ctx, text=None)
        position = self._code(node.name, inner, start + len("{{{"))
        if node.default is not None:
            position = self._code(node.default, inner, position + len("|"))
        return position + len("}}}")

    # -- templates -------------------------------------------------------------------------

    def _template(self, node: Template, ctx: _Context, start: int) -> int:
        source = self.source
        inner = _derive(
            ctx,
            text=None,
            template_depth=ctx.template_depth + 1,
            sections_allowed=False,
            citation_url_param=None,
        )
        name_start = start + len("{{")
        position = self._code(node.name, inner, name_start)
        name_span = Span(name_start, position)
        raw_name = source[name_start:position]
        name = normalize_template_name(raw_name)
        is_citation = name in citation_templates()
        default_group = reference_list_templates().get(name)
        refs_params = () if default_group is None else list_defined_params(name)
        table = parameter_table()
        first_citation = len(self.citations)
        params: list[model.Param] = []
        links_in_param: dict[str, int] = {}
        for param in node.params:
            param_start = position = position + len("|")
            if param.showkey:
                position = self._code(param.name, inner, param_start)
                key_span: Span | None = Span(param_start, position)
                key = mediawiki_trim(strip_comments(source[param_start:position]))
                position += len("=")
            else:
                key_span = None
                key = str(param.name)
            param_ctx = inner
            if default_group is not None and key in refs_params:
                group = templates.pending_list_group(node, name, default_group)
                param_ctx = _derive(inner, list_group=group)
            elif is_citation and (canonical := table.canonical(key)) in table.url_params:
                param_ctx = _derive(inner, citation_url_param=canonical)
            links_before = len(self.external_links)
            value_start = position
            position = self._code(param.value, param_ctx, value_start)
            links_in_param[key] = len(self.external_links) - links_before
            raw_value = strip_comments(source[value_start:position])
            whole = Span(param_start, position)
            value_span = Span(value_start, position)
            params.append(
                model.Param(
                    name=key,
                    value=mediawiki_trim(raw_value) if param.showkey else raw_value,
                    raw=source[param_start:position],
                    positional=not param.showkey,
                    span=whole,
                    name_span=key_span,
                    value_span=value_span,
                    trimmed_span=whole.trimmed(source),
                    trimmed_value_span=value_span.trimmed(source),
                )
            )
        end = position + len("}}")
        span = Span(start, end)
        depth = ctx.template_depth
        template = model.Template(name, raw_name, span, name_span, tuple(params), depth)
        self.templates.append(template)

        if is_citation:
            made, unlinked = templates.citation(template, ctx.in_ref, links_in_param)
            self.citations.append(made)
            self.external_links.extend(unlinked)
        if name in infobox_templates():
            self.infoboxes.append(templates.infobox(node, template))
        if default_group is not None:
            group = templates.list_group(template, default_group)
            self.reference_lists.append(model.ReferenceList(name, group, span))
        unseen = unseen_ref_names(name)
        if unseen is not None:
            self.ref_sources.append(model.RefSource(name, span, unseen))
        inside = self.citations[first_citation:]
        self.refs.extend(templates.template_refs(template, ctx.list_group is not None, inside))
        return end

    # -- tags ------------------------------------------------------------------------------

    @staticmethod
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
        self,
        node: Tag,
        ctx: _Context,
        start: int,
        into: list[model.TagAttribute] | None = None,
    ) -> int:
        """Lays out the attributes; adds them to ``into`` when given."""
        inner = _derive(ctx, text=None, sections_allowed=False, markup=False)
        source = self.source
        position = start
        for attribute in node.attributes:
            name_start = position + len(attribute.pad_first)
            position = self._code(attribute.name, inner, name_start)
            name = source[name_start:position]
            attribute_end = position  # a name alone ends here, before any padding
            position += len(attribute.pad_before_eq)
            value = None
            quote = attribute.quotes or ""
            if attribute.value is not None:
                position += len("=") + len(attribute.pad_after_eq) + len(quote)
                value_start = position
                position = self._code(attribute.value, inner, position)
                value = source[value_start:position]
                position += len(quote)
                attribute_end = position
            if into is not None:
                span = Span(name_start, attribute_end)
                into.append(model.TagAttribute(name.strip().lower(), value, quote, span))
        return position

    def _tag(self, node: Tag, ctx: _Context, start: int) -> int:
        if node.wiki_markup:  # a table, list item or rule written in wiki syntax
            attributes: list[model.TagAttribute] = []
            position = self._attributes(node, ctx, start + len(node.wiki_markup), attributes)
            attributes_end = position
            position += len(node.padding or "") + len(node.wiki_style_separator or "")
            if node.self_closing:
                return position
            contents_ctx = self._contents_context(node, "", ctx)
            if node.wiki_markup in ("{|", "|-") and ctx.markup:
                position = self._table_contents(node, contents_ctx, position)
            else:
                position = self._code(node.contents, contents_ctx, position)
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
                self.tags.append(tag)
            return end
        name = str(node.tag).strip().lower()
        if name == "ref":
            return self._ref(node, ctx, start)
        if name != "references":
            return self._html_tag(node, ctx, start, self._contents_context(node, name, ctx))[0]
        group = self._attribute_values(node).get("group", "")
        inner = _derive(ctx, text=None, sections_allowed=False, list_group=group)
        end = self._html_tag(node, ctx, start, inner)[0]
        self.reference_lists.append(model.ReferenceList("references", group, Span(start, end)))
        return end

    def _table_contents(self, node: Tag, ctx: _Context, start: int) -> int:
        """Lays out a table's or row's contents, noting text outside any cell: the browser
        moves it out of the table ("fostered" content)."""
        position = start
        for child in node.contents.nodes:
            end = self._nodes((child,), ctx, position)
            if type(child) is Text and not child.value.isspace():
                value = child.value
                lead = len(value) - len(value.lstrip())
                span = Span(position + lead, position + len(value.rstrip()))
                self.stray_markup.append(model.StrayMarkup(model.StrayKind.FOSTERED, span))
            position = end
        return position

    def _html_tag(
        self, node: Tag, ctx: _Context, start: int, contents_ctx: _Context
    ) -> tuple[int, Span | None]:
        """Lays out ``<name attributes>contents</name>`` (or ``<name/>``): its end, and where
        its contents are (None when it closes itself)."""
        name_start = start + len("</" if node.invalid else "<")
        name_end = name_start + _source_length(node.tag)
        attributes: list[model.TagAttribute] = []
        position = self._attributes(node, ctx, name_end, attributes)
        name = self.source[name_start:name_end].strip().lower()
        if node.self_closing:
            end = position + len(node.padding) + len(">" if node.implicit else "/>")
            self.tags.append(
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
            contents_ctx = _derive(contents_ctx, markup=False)
        position = self._code(node.contents, contents_ctx, contents_start)
        end = position + len("</") + _source_length(node.closing_tag) + len(">")
        self.tags.append(
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

    @staticmethod
    def _contents_context(node: Tag, name: str, ctx: _Context) -> _Context:
        """What the contents of a tag are to a reader: prose, a quotation, or not text."""
        text = ctx.text
        if text is not None and not node.wiki_markup:
            kinds = tag_kinds()
            if name in kinds.quote:
                text = TextContext.QUOTE
            elif name not in kinds.prose:
                text = None
        return _derive(ctx, text=text, sections_allowed=ctx.sections_allowed and text is not None)

    def _ref(self, node: Tag, ctx: _Context, start: int) -> int:
        attributes = self._attribute_values(node)
        name = attributes.get("name") or None
        group = attributes.get("group", ctx.list_group or "")
        first_citation = len(self.citations)
        inner = _derive(ctx, text=None, in_ref=True, sections_allowed=False, list_group=None)
        end, content_span = self._html_tag(node, ctx, start, inner)
        content = (
            None if content_span is None else self.source[content_span.start : content_span.end]
        )
        is_reuse = name is not None and (content is None or not content.strip())
        citation = self.citations[first_citation] if len(self.citations) > first_citation else None
        opening = self.source[start : end if content_span is None else content_span.start]
        self.refs.append(
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

    # -- links and headings ----------------------------------------------------------------

    def _wikilink(self, node: Wikilink, ctx: _Context, start: int) -> int:
        # What the title is to a reader depends on its namespace, so the target is read
        # before the walk lays the title out.
        title_start = start + len("[[")
        title_end = title_start + _source_length(node.title)
        target = strip_comments(self.source[title_start:title_end]).strip()
        escaped = target.startswith(":")
        prefix, colon, rest = target.lstrip(":").partition(":")
        namespace = link_namespace(prefix) if colon else ""
        no_text = _derive(ctx, text=None, sections_allowed=False)
        label_ctx = no_text
        if ctx.text is not None and namespace.lower() not in link_prefixes().no_text:
            label_ctx = _derive(no_text, text=TextContext.LINK)
        is_category = namespace == "Category" and not escaped
        if node.text is None:
            position = self._code(node.title, no_text if is_category else label_ctx, title_start)
            text = text_span = None
        else:
            position = self._code(node.title, no_text, title_start)
            text_start = position + len("|")
            position = self._code(node.text, no_text if is_category else label_ctx, text_start)
            text = self.source[text_start:position]
            text_span = Span(text_start, position)
        end = position + len("]]")
        span = Span(start, end)
        if is_category:
            self.categories.append(model.Category(normalize_title(rest), text, span))
        else:
            target_span = Span(title_start, title_end)
            link = model.Wikilink(target, text, span, namespace, target_span, text_span)
            self.wikilinks.append(link)
        return end

    def _external_link(self, node: ExternalLink, ctx: _Context, start: int) -> int:
        url_start = start + (len("[") if node.brackets else 0)
        position = self._code(node.url, _derive(ctx, text=None), url_start)
        written = self.source[url_start:position]
        url = written.strip()
        url_offset = url_start + len(written) - len(written.lstrip())
        title = None
        if node.title is not None:
            title_start = position + (0 if node.suppress_space else len(" "))
            label_ctx = _derive(ctx, text=TextContext.LINK if ctx.text is not None else None)
            position = self._code(node.title, label_ctx, title_start)
            title = self.source[title_start:position]
        end = position + (len("]") if node.brackets else 0)
        if ctx.citation_url_param is not None:
            origin, param = LinkOrigin.CITATION, ctx.citation_url_param
        else:
            origin = LinkOrigin.BRACKETED if node.brackets else LinkOrigin.BARE
            param = None
        url_span = Span(url_offset, url_offset + len(url))
        link = model.ExternalLink(url, title, Span(start, end), url_span, origin, param)
        self.external_links.append(link)
        return end

    def _heading(self, node: Heading, ctx: _Context, start: int) -> int:
        title_start = start + node.level
        heading_text = TextContext.HEADING if ctx.text is not None else None
        title_end = self._code(node.title, _derive(ctx, text=heading_text), title_start)
        end = title_end + node.level
        if ctx.sections_allowed:
            self.headings.append(
                HeadingInfo(
                    level=node.level,
                    title=plain_text(node.title),
                    raw_title=self.source[title_start:title_end].strip(),
                    span=Span(start, end),
                )
            )
        return end


_HANDLERS: dict[type, Callable[[ArticleCollector, Any, _Context, int], int]] = {
    Template: ArticleCollector._template,
    Tag: ArticleCollector._tag,
    Wikilink: ArticleCollector._wikilink,
    ExternalLink: ArticleCollector._external_link,
    Heading: ArticleCollector._heading,
    Comment: ArticleCollector._comment,
    Argument: ArticleCollector._argument,
}
"""The walk's handler for each node type (mwparserfromhell has no subclasses of these)."""
