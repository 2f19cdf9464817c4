"""The walk's handlers for wikilinks (and category links), external links and headings.

A link's label is text a reader reads (a :class:`~wikicheck.model.TextContext` ``LINK``
run) unless its namespace shows none; an external link inside a citation's URL parameter is
recorded with that parameter. Headings are kept for the section tree (``parse.sections``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mwparserfromhell.nodes import ExternalLink, Heading, Wikilink

from .. import model
from ..model import LinkOrigin, Span, TextContext
from ..textutil import strip_comments
from .build_context import Context, derive, source_length
from .names import link_namespace, link_prefixes, normalize_title
from .plain import plain_text
from .sections import HeadingInfo

if TYPE_CHECKING:
    from .build import ArticleCollector


def wikilink(walk: ArticleCollector, node: Wikilink, ctx: Context, start: int) -> int:
    # What the title is to a reader depends on its namespace, so the target is read
    # before the walk lays the title out.
    title_start = start + len("[[")
    title_end = title_start + source_length(node.title)
    target = strip_comments(walk.source[title_start:title_end]).strip()
    escaped = target.startswith(":")
    prefix, colon, rest = target.lstrip(":").partition(":")
    namespace = link_namespace(prefix) if colon else ""
    no_text = derive(ctx, text=None, sections_allowed=False)
    label_ctx = no_text
    if ctx.text is not None and namespace.lower() not in link_prefixes().no_text:
        label_ctx = derive(no_text, text=TextContext.LINK)
    is_category = namespace == "Category" and not escaped
    if node.text is None:
        position = walk.code(node.title, no_text if is_category else label_ctx, title_start)
        text = text_span = None
    else:
        position = walk.code(node.title, no_text, title_start)
        text_start = position + len("|")
        position = walk.code(node.text, no_text if is_category else label_ctx, text_start)
        text = walk.source[text_start:position]
        text_span = Span(text_start, position)
    end = position + len("]]")
    span = Span(start, end)
    if is_category:
        walk.categories.append(model.Category(normalize_title(rest), text, span))
    else:
        target_span = Span(title_start, title_end)
        link = model.Wikilink(target, text, span, namespace, target_span, text_span)
        walk.wikilinks.append(link)
    return end


def external_link(walk: ArticleCollector, node: ExternalLink, ctx: Context, start: int) -> int:
    url_start = start + (len("[") if node.brackets else 0)
    position = walk.code(node.url, derive(ctx, text=None), url_start)
    written = walk.source[url_start:position]
    url = written.strip()
    url_offset = url_start + len(written) - len(written.lstrip())
    title = None
    if node.title is not None:
        title_start = position + (0 if node.suppress_space else len(" "))
        label_ctx = derive(ctx, text=TextContext.LINK if ctx.text is not None else None)
        position = walk.code(node.title, label_ctx, title_start)
        title = walk.source[title_start:position]
    end = position + (len("]") if node.brackets else 0)
    if ctx.citation_url_param is not None:
        origin, param = LinkOrigin.CITATION, ctx.citation_url_param
    else:
        origin = LinkOrigin.BRACKETED if node.brackets else LinkOrigin.BARE
        param = None
    url_span = Span(url_offset, url_offset + len(url))
    link = model.ExternalLink(url, title, Span(start, end), url_span, origin, param)
    walk.external_links.append(link)
    return end


def heading(walk: ArticleCollector, node: Heading, ctx: Context, start: int) -> int:
    title_start = start + node.level
    heading_text = TextContext.HEADING if ctx.text is not None else None
    title_end = walk.code(node.title, derive(ctx, text=heading_text), title_start)
    end = title_end + node.level
    if ctx.sections_allowed:
        walk.headings.append(
            HeadingInfo(
                level=node.level,
                title=plain_text(node.title),
                raw_title=walk.source[title_start:title_end].strip(),
                span=Span(start, end),
            )
        )
    return end
