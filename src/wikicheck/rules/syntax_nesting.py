"""WC810–WC815: markup that is closed, but in the wrong place or in the wrong container."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator

from ..findings import Applicability, Edit, Finding, Fix, RuleFamily, Severity
from ..model import Article, HtmlTag, LinkOrigin, Span, StrayKind
from ._base import FixAvailability, RuleContext, rule
from .syntax_tags import tag_balance

_MEDIA_NAMESPACES = frozenset({"File", "Image", "Media"})


def _is_ref(tag: HtmlTag) -> bool:
    return tag.name == "ref" and tag.close_span is not None


@rule(code="WC810", name="ref-in-ref", family=RuleFamily.SYNTAX, severity=Severity.ERROR)
def ref_in_ref(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a <ref> written inside another <ref>.

    Why: Cite does not read a <ref> tag inside a reference: the inner one shows as a
    Cite error or as raw text. Use {{efn}} or {{refn}} to put a reference in a note.

    Example:
        Text.<ref>A note.<ref>Smith 2001.</ref></ref>

    Use instead:
        Text.{{efn|A note.<ref>Smith 2001.</ref>}}
    """
    outer: HtmlTag | None = None
    for tag in article.tags:
        if tag.name != "ref":
            continue
        if outer is not None and outer.span.contains(tag.span):
            yield ctx.finding(tag.open_span, "<ref> inside another <ref>")
            continue
        outer = tag if _is_ref(tag) else None


@rule(code="WC811", name="misnested-tag", family=RuleFamily.SYNTAX, severity=Severity.WARNING)
def misnested_tag(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a tag closed outside the element it was opened in (<b>a<i>b</b>c</i>).

    Why: HTML closes the inner tag at the outer one's end and reopens it after, so the
    formatting runs on where the editor did not mean it to, and Parsoid and the old parser
    render it differently. Linter reports it as misnested-tag or html5-misnesting.

    Example:
        <b>bold <i>both</b> italic</i>

    Use instead:
        <b>bold <i>both</i></b><i> italic</i>
    """
    for opening, closing in tag_balance(article, ctx).misnested:
        line = article.position(closing.span.start).line
        yield ctx.finding(
            opening.span,
            f"<{opening.name}> is closed outside the element it was opened in "
            f"(</{closing.name}> on line {line})",
            data={"tag": opening.name},
        )


@rule(code="WC812", name="wikilink-in-extlink", family=RuleFamily.SYNTAX, severity=Severity.ERROR)
def wikilink_in_extlink(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a wikilink inside the label of an external link.

    Why: a link cannot hold a link: MediaWiki ends the external link where the wikilink
    starts, and the rest of the label and the closing "]" show as text. Linter reports it as
    wikilink-in-extlink. An image as the label ([https://example.org [[File:A.png]]]) is fine.

    Example:
        [https://example.org/report The [[World Bank]] report]

    Use instead:
        [https://example.org/report The World Bank report] of the [[World Bank]]
    """
    outer = [link for link in article.external_links if link.origin is LinkOrigin.BRACKETED]
    if not outer:
        return
    starts = [link.span.start for link in outer]  # in source order; they do not nest
    for link in article.wikilinks:
        index = bisect_right(starts, link.span.start) - 1
        if index < 0 or link.namespace in _MEDIA_NAMESPACES:
            continue
        if outer[index].span.contains(link.span):
            yield ctx.finding(
                link.span, f"wikilink [[{link.target}]] inside an external link's label"
            )


@rule(
    code="WC813",
    name="multi-colon-escape",
    family=RuleFamily.SYNTAX,
    severity=Severity.WARNING,
    fix_availability=FixAvailability.ALWAYS,
)
def multi_colon_escape(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a wikilink that starts with two colons ([[::Paris]]).

    Why: one colon escapes a link to a category or file. The old parser drops a second
    colon, but Parsoid (which renders pages for the apps, the visual editor and, more and
    more, readers) shows the brackets and text. Linter reports it as multi-colon-escape.

    Example:
        See [[::Paris]].

    Use instead:
        See [[:Paris]].

    Fix:
        Keeps one colon (shown only: wikicheck never rewrites a link target itself).
    """
    for link in article.wikilinks:
        if not link.target.startswith("::"):
            continue
        text = article.text_at(link.span)
        first = text.index(":")
        colons = len(text) - first - len(text[first:].lstrip(": \t"))
        extra = Span(link.span.start + first, link.span.start + first + colons)
        # Shown, never applied: no fix may rewrite a link target (the engine's rule)
        fix = Fix("Keep one colon", (Edit(extra, ":"),), Applicability.DISPLAY_ONLY)
        yield ctx.finding(link.span, "a link cannot start with two colons", fix)


@rule(code="WC814", name="fostered-content", family=RuleFamily.SYNTAX, severity=Severity.WARNING)
def fostered_content(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags text written in a table or row but outside any cell.

    Why: browsers move it out of the table and show it above the table, away from where it
    was written. Linter reports it as fostered.

    Example:
        {| class="wikitable"
        Caption text
        |-
        | cell
        |}

    Use instead:
        {| class="wikitable"
        |+ Caption text
        |-
        | cell
        |}
    """
    for stray in article.stray_markup:
        if stray.kind is StrayKind.FOSTERED:
            yield ctx.finding(stray.span, "text outside any table cell: it shows above the table")


@rule(
    code="WC815", name="unclosed-external-link", family=RuleFamily.SYNTAX, severity=Severity.ERROR
)
def unclosed_external_link(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a "[" before a URL that is never closed with "]".

    Why: MediaWiki shows the bracket, the bare URL and the intended label as text instead
    of a link with that label. Check Wikipedia reports it as error 62 (and kin).

    Example:
        See [https://example.org/report the report.

    Use instead:
        See [https://example.org/report the report].
    """
    source = article.source
    for link in article.external_links:
        start = link.span.start
        if link.origin is LinkOrigin.BARE and start and source[start - 1] == "[":
            yield ctx.finding(Span(start - 1, start), '"[" before a URL is never closed with "]"')


RULES = (
    ref_in_ref,
    misnested_tag,
    wikilink_in_extlink,
    multi_colon_escape,
    fostered_content,
    unclosed_external_link,
)
