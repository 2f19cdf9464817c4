"""A page's short citations and the anchors they may link to, gathered once for WC420–WC423.

Short citations in the attributes of a <ref> tag are left out (MediaWiki shows them as text).
Anchors come from CS1 citations, anchor-making templates ({{harvid}}, {{anchor}}), wrappers
that pass |ref= on, and HTML ids; templates whose output the page cannot see are kept as
``Unseen`` possible makers of any anchor that is missing.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import accumulate

from ..cs1.citeref import Anchor, anchor_encode, anchor_id_value, citation_anchor
from ..cs1.footnotes import (
    ShortCitation,
    is_transclusion,
    links_to_anchors,
    short_citations,
    template_anchors,
)
from ..model import Article, Span, Template
from ..parse.names import citation_templates, unseen_ref_names
from ..textutil import mediawiki_trim, strip_comments
from ._base import RuleContext


@dataclass(frozen=True, slots=True)
class Unseen:
    """A template call that may make anchors the page does not show."""

    name: str
    span: Span
    text: str
    """Its source, casefolded: a wrapper that makes Smith's anchor usually names Smith."""
    anything: bool = False
    """A transcluded section or a module: it may make any anchor."""


@dataclass(slots=True)
class Page:
    """A page's short citations, the anchors they may link to, and who may make the rest."""

    links: list[ShortCitation] = field(default_factory=list)
    anchors: dict[str, list[Anchor]] = field(default_factory=lambda: defaultdict(list))
    unseen: list[Unseen] = field(default_factory=list)
    linked: set[str] = field(default_factory=set)
    """Every anchor a short citation or a ``[[#CITEREF…]]`` link points to."""
    withheld: dict[str, Span] = field(default_factory=dict)
    """The anchors citations with |ref=none would have made, for the "no target" hint."""

    def possible_makers(self, link: ShortCitation) -> list[Unseen]:
        surname = link.surname.casefold()
        return [source for source in self.unseen if source.anything or surname in source.text]


class _RefOpenings:
    """The opening tags of the page's <ref>s. MediaWiki never expands templates in the
    attributes of an extension tag: {{harvnb|x|2001}} written in <ref name="…"> is text.

    Asked by bisection over the openings' starts and the furthest end reached so far: asking
    every opening for every short citation took a second on a page of 2,000 of each.
    """

    def __init__(self, article: Article) -> None:
        openings = sorted(tag.open_span for tag in article.tags if tag.name == "ref")
        self._starts = [span.start for span in openings]
        self._reach = list(accumulate((span.end for span in openings), max))

    def hold(self, span: Span) -> bool:
        """Whether an opening starts before ``span`` and ends at or after its end."""
        before = bisect_left(self._starts, span.start)  # the openings that start before it
        return before > 0 and self._reach[before - 1] >= span.end


def _page(article: Article, ctx: RuleContext) -> Page:
    page = Page()
    openings: _RefOpenings | None = None
    for template in article.templates:
        links = short_citations(template)
        if not links:
            continue
        if openings is None:
            openings = _RefOpenings(article)
        if openings.hold(template.span):
            continue
        page.links.extend(links)
    if not page.links:  # the rules say nothing about a page without short citations
        return page
    for citation in article.citations:
        if citation.value("ref").lower() == "none" and citation.cs1 is not None:
            own = citation_anchor(citation, ctx.today, ignore_ref=True)
            if own is not None:
                page.withheld.setdefault(own.id, citation.span)
        anchor = None if citation.cs1 is None else citation_anchor(citation, ctx.today)
        if anchor is not None and anchor.certain:
            page.anchors[anchor.id].append(anchor)
        elif citation.cs1 is None or anchor is not None:  # a wrapper, or values it cannot read
            page.unseen.append(_unseen(article, citation.template, citation.span, False))
    infoboxes = {infobox.span for infobox in article.infoboxes}
    for template in article.templates:
        made_anchors = template_anchors(template)
        for anchor in made_anchors:
            if anchor.certain:
                page.anchors[anchor.id].append(anchor)
        if (
            links_to_anchors(template.name)
            or made_anchors
            or template.name in citation_templates()
            or template.span in infoboxes
        ):
            continue
        ref = template.get("ref")
        made = None if ref is None or not ref.value else anchor_id_value(ref.value)
        if made is not None:  # a wrapper that hands |ref= to the citation it makes
            page.anchors[made[0]].append(Anchor(made[0], template.span, made[1], counted=False))
        if _may_make_citations(template):
            anything = _cited_alone(article, template) or is_transclusion(template.name)
            page.unseen.append(_unseen(article, template.name, template.span, anything))
    for tag in article.tags:
        html_id = tag.attribute("id")
        if html_id is not None and html_id.value is not None:
            ident = anchor_encode(html_id.value)
            page.anchors[ident].append(Anchor(ident, Span(0, 0), True, counted=False))
    page.linked = {link.anchor for link in page.links}
    page.linked.update(
        anchor_encode(link.target[1:]) for link in article.wikilinks if link.target.startswith("#")
    )
    return page


def _unseen(article: Article, name: str, span: Span, anything: bool) -> Unseen:
    return Unseen(name, span, article.text_at(span).casefold(), anything)


def _may_make_citations(template: Template) -> bool:
    """A template whose output the page does not show and that may hold a citation: an
    unknown template, a module or a transcluded section, or a name in capitals with
    parameters ({{IUCN|…}}, {{DNB|…}}), which the ref-source table takes for a flag."""
    kind = unseen_ref_names(template.name)
    if kind is not None:
        return kind == ""
    head = template.name.partition(":")[0]
    return bool(template.params) and not head.startswith("#") and head == head.upper()


_NOT_SOURCES = frozenset({"External links", "See also"})
"""Sections whose list items are links, not citations."""
_LIST_ITEM = re.compile(r"(?:^|\n)[*#:;]+[ \t]*\Z")


def _cited_alone(article: Article, template: Template) -> bool:
    """True when the template is a whole bibliography entry (it starts a list item) or the
    whole content of a <ref>: then it is a citation, and it may make any anchor."""
    before = article.source[max(0, template.span.start - 20) : template.span.start]
    if _LIST_ITEM.search(before):
        return not any(
            section.title in _NOT_SOURCES and section.body_span.contains(template.span)
            for section in article.all_sections()
        )
    text = article.text_at(template.span)
    return any(
        ref.content_span is not None
        and ref.content_span.contains(template.span)
        and mediawiki_trim(strip_comments(ref.content or "")) == text
        for ref in article.refs
    )


def short_citation_page(article: Article, ctx: RuleContext) -> Page:
    """The page's short citations and anchors, gathered once per article."""
    return ctx.memo("short-citations", lambda: _page(article, ctx))
