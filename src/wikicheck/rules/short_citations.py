"""WC420–WC423: short citations ({{sfn}}, {{harv}} …) and the citations they link to.

Module:Footnotes links ``{{sfn|Smith|2001}}`` to ``#CITEREFSmith2001`` and reports (in
Category:Harv and Sfn no-target errors and …multiple-target errors) a link that no citation
on the page answers, or that several answer. The anchors and links are computed in
``cs1.citeref`` and ``cs1.footnotes``. A citation the page cannot see — inside an unknown
wrapper template, a citation template that is not CS1, a transcluded section — may make the
missing anchor: then the finding goes to a separate, lower-severity rule, as WC401 hands over
to WC411.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..cs1.citeref import Anchor, anchor_encode, anchor_id_value, citation_anchor
from ..cs1.footnotes import (
    ShortCitation,
    is_transclusion,
    links_to_anchors,
    short_citations,
    template_anchors,
)
from ..findings import Finding, RuleFamily, Severity
from ..model import Article, Span, Template
from ..parse.names import citation_templates, unseen_ref_names
from ..textutil import mediawiki_trim, strip_comments
from ._base import RuleContext, rule


@dataclass(frozen=True, slots=True)
class _Unseen:
    """A template call that may make anchors the page does not show."""

    name: str
    span: Span
    text: str
    """Its source, casefolded: a wrapper that makes Smith's anchor usually names Smith."""
    anything: bool = False
    """A transcluded section or a module: it may make any anchor."""


@dataclass(slots=True)
class _Page:
    links: list[ShortCitation] = field(default_factory=list)
    anchors: dict[str, list[Anchor]] = field(default_factory=lambda: defaultdict(list))
    unseen: list[_Unseen] = field(default_factory=list)
    linked: set[str] = field(default_factory=set)
    """Every anchor a short citation or a ``[[#CITEREF…]]`` link points to."""
    withheld: dict[str, Span] = field(default_factory=dict)
    """The anchors citations with |ref=none would have made, for the "no target" hint."""

    def possible_makers(self, link: ShortCitation) -> list[_Unseen]:
        surname = link.surname.casefold()
        return [source for source in self.unseen if source.anything or surname in source.text]


def _ref_tag_attributes(article: Article) -> list[Span]:
    """The opening tags of the page's <ref>s. MediaWiki never expands templates in the
    attributes of an extension tag: {{harvnb|x|2001}} written in <ref name="…"> is text."""
    return [tag.open_span for tag in article.tags if tag.name == "ref"]


def _page(article: Article, ctx: RuleContext) -> _Page:
    page = _Page()
    openings: list[Span] | None = None
    for template in article.templates:
        links = short_citations(template)
        if not links:
            continue
        if openings is None:
            openings = _ref_tag_attributes(article)
        if any(o.start < template.span.start and template.span.end <= o.end for o in openings):
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


def _unseen(article: Article, name: str, span: Span, anything: bool) -> _Unseen:
    return _Unseen(name, span, article.text_at(span).casefold(), anything)


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


def _shared(article: Article, ctx: RuleContext) -> _Page:
    return ctx.memo("short-citations", lambda: _page(article, ctx))


def _missing(page: _Page) -> Iterator[tuple[ShortCitation, list[_Unseen]]]:
    for link in page.links:
        if link.certain and link.checked and link.anchor not in page.anchors:
            yield link, page.possible_makers(link)


def _lines(article: Article, spans: list[Span]) -> str:
    lines = sorted({article.position(span.start).line for span in spans})
    return ", ".join(str(line) for line in lines)


def _typo_of(page: _Page, anchor: str) -> bool:
    """The page has this anchor in another case ("CITEREFlindberg1976" for Lindberg): the link
    is a typo whatever the page's templates make."""
    folded = anchor.casefold()
    return any(other.casefold() == folded for other in page.anchors)


def _hint(article: Article, page: _Page, anchor: str) -> str:
    """A near miss among the page's anchors: the same names with another year or letter, or
    the same id in another case; or a citation that would make it but for its |ref=none."""
    withheld = page.withheld.get(anchor)
    if withheld is not None:
        line = article.position(withheld.start).line
        return f" (the citation on line {line} would make it but has |ref=none)"
    folded = anchor.casefold()
    stem = anchor.rstrip("abcdefghijklmnopqrstuvwxyz").rstrip("0123456789–")
    near = [
        other
        for other in sorted(page.anchors)
        if other.casefold() == folded
        or (
            len(stem) > len("CITEREF")
            and other.startswith(stem)
            and other[len(stem) :][:1].isdigit()
        )
    ]
    return "" if not near else f" (the page has {', '.join(near[:3])})"


@rule(
    code="WC420",
    name="short-citation-without-target",
    family=RuleFamily.REFERENCE,
    severity=Severity.ERROR,
)
def short_citation_without_target(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a short citation ({{sfn}}, {{harv}} …) whose full citation is not on the page.

    Why: the link "Smith 2001" goes nowhere, and Module:Footnotes puts the page in
    Category:Harv and Sfn no-target errors ("sfn error: no target: CITEREFSmith2001"). The
    full citation is missing, or its names or year differ from the short one (CS1 takes up
    to four surnames and the year of |date=, with its letter: |date=2001a), or it has
    |ref=none. When a template whose output the page cannot see (a wrapper of a citation
    template, a citation template that is not CS1, a transcluded section) names the author,
    it may make the anchor: WC422 reports that case instead, as a warning.

    Example:
        Text.{{sfn|Smith|2001|p=4}}
        == Sources ==
        * {{cite book |last=Smith |first=J. |date=2002 |title=Rivers}}

    Use instead:
        Text.{{sfn|Smith|2002|p=4}}
        == Sources ==
        * {{cite book |last=Smith |first=J. |date=2002 |title=Rivers}}
    """
    page = _shared(article, ctx)
    for link, makers in _missing(page):
        if not makers or _typo_of(page, link.anchor):
            message = (
                f"{link.label} error: no target: {link.anchor}{_hint(article, page, link.anchor)}"
            )
            yield ctx.finding(link.span, message)


@rule(
    code="WC422",
    name="short-citation-target-maybe-elsewhere",
    family=RuleFamily.REFERENCE,
    severity=Severity.WARNING,
)
def short_citation_target_maybe_elsewhere(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a short citation whose target no citation on the page makes, but a template may.

    Why: a wrapper template ({{Cite EB1911}}, a project's own citation template) or a
    transcluded section makes its anchor in code wikicheck cannot see. Module:Footnotes
    cannot see it either and reports "no target" unless its whitelist knows the template,
    though the link may work: check the rendered page once. When no such template names the
    author, WC420 reports the link as an error instead.

    Example:
        Text.{{sfn|Chisholm|1911}}
        == Sources ==
        * {{Cite EB1911 |wstitle=Rivers |last=Chisholm}}

    Use instead:
        Text.{{sfn|Chisholm|1911}}
        == Sources ==
        * {{cite encyclopedia |last=Chisholm |date=1911 |title=Rivers |encyclopedia=Encyclopædia Britannica}}
    """
    page = _shared(article, ctx)
    for link, makers in _missing(page):
        if makers and not _typo_of(page, link.anchor):
            shown = ", ".join(
                f"{{{{{m.name}}}}} (line {article.position(m.span.start).line})" for m in makers[:3]
            )
            more = f" and {len(makers) - 3} more" if len(makers) > 3 else ""
            yield ctx.finding(
                link.span,
                f"{link.label}: no citation on the page makes {link.anchor}; {shown}{more} may",
            )


@rule(
    code="WC421",
    name="short-citation-multiple-targets",
    family=RuleFamily.REFERENCE,
    severity=Severity.ERROR,
)
def short_citation_multiple_targets(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a short citation that two or more citations on the page answer.

    Why: the link goes to the first of them only, and Module:Footnotes reports "multiple
    targets" (Category:Harv and Sfn multiple-target errors). Usually the same work is cited
    in full twice (in a footnote and in the bibliography), or one author has two works in a
    year: tell them apart with |date=2001a and |date=2001b, and {{sfn|Smith|2001a}}.

    Example:
        A.{{sfn|Smith|2001}} B.{{sfn|Smith|2001|p=9}}
        * {{cite book |last=Smith |date=2001 |title=Rivers}}
        * {{cite book |last=Smith |date=2001 |title=Lakes}}

    Use instead:
        A.{{sfn|Smith|2001a}} B.{{sfn|Smith|2001b|p=9}}
        * {{cite book |last=Smith |date=2001a |title=Rivers}}
        * {{cite book |last=Smith |date=2001b |title=Lakes}}
    """
    page = _shared(article, ctx)
    for link in page.links:
        if not link.certain:
            continue
        targets = [anchor for anchor in page.anchors.get(link.anchor, ()) if anchor.counted]
        if len(targets) > 1:
            yield ctx.finding(
                link.span,
                f"{link.label} error: multiple targets ({len(targets)}×): {link.anchor} "
                f"(lines {_lines(article, [anchor.span for anchor in targets])})",
            )


@rule(
    code="WC423",
    name="citation-without-short-citation",
    family=RuleFamily.REFERENCE,
    severity=Severity.INFO,
)
def citation_without_short_citation(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a full citation that no short citation links to, on a page that uses them.

    Why: in a page cited with {{sfn}} or {{harv}}, a bibliography entry nothing links to is
    either a source the text no longer uses or one whose short citations have a typo in the
    names or year (the "Harv warning: There is no link pointing to this citation" of the
    HarvErrors script). Citations inside <ref> tags are full footnotes and are not reported;
    so are pages whose short citations hold templates wikicheck cannot expand.

    Example:
        Text.{{sfn|Smith|2001}}
        * {{cite book |last=Smith |date=2001 |title=Rivers}}
        * {{cite book |last=Jones |date=1999 |title=Lakes}}

    Use instead:
        Text.{{sfn|Smith|2001}} More.{{sfn|Jones|1999}}
        * {{cite book |last=Smith |date=2001 |title=Rivers}}
        * {{cite book |last=Jones |date=1999 |title=Lakes}}
    """
    page = _shared(article, ctx)
    if not page.links or any(not link.certain for link in page.links):
        return
    for anchors in page.anchors.values():
        for anchor in anchors:
            citation = anchor.citation
            if citation is None or citation.in_ref or anchor.id in page.linked:
                continue
            yield ctx.finding(
                citation.span,
                f"There is no link pointing to this citation; the anchor is named {anchor.id}",
            )


RULES = (
    short_citation_without_target,
    short_citation_multiple_targets,
    short_citation_target_maybe_elsewhere,
    citation_without_short_citation,
)
