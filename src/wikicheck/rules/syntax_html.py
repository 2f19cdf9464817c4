"""WC819–WC821 and WC850: HTML that MediaWiki escapes, HTML that works but is obsolete, and
ids given twice."""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Finding, RuleFamily, Severity
from ..model import Article, StrayKind
from ..parse.markup import html_tags
from ._base import RuleContext, rule

_REPLACEMENTS = {
    "big": 'a CSS font-size (<span style="font-size:larger">) or no enlargement at all',
    "center": "{{center}} or a CSS text-align",
    "font": '<span style="...">',
    "strike": "<s> (or <del> for a deletion)",
    "tt": "<code>, <kbd> or <samp>",
}
_TABLE_TAGS = frozenset({"table", "caption", "tr", "td", "th", "thead", "tbody", "tfoot"})


@rule(code="WC819", name="disallowed-html-tag", family=RuleFamily.SYNTAX, severity=Severity.ERROR)
def disallowed_html_tag(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags an HTML tag that wikitext does not allow (<a href=...>, <img>, <script>).

    Why: MediaWiki escapes it, so the tag shows on the page as typed, attributes and all.
    Typically pasted from a web page's source. wikilint reports it as tag-like.

    Example:
        See <a href="https://example.org">the report</a>.

    Use instead:
        See [https://example.org the report].
    """
    disallowed = html_tags().disallowed
    found = [(tag.open_span, tag.name) for tag in article.tags if tag.name in disallowed]
    for tag in article.tags:
        if tag.name in disallowed and tag.close_span is not None:
            found.append((tag.close_span, tag.name))
    found += [
        (stray.span, stray.name)
        for stray in article.stray_markup
        if stray.kind in (StrayKind.OPEN_TAG, StrayKind.CLOSE_TAG) and stray.name in disallowed
    ]
    for span, name in sorted(found):
        yield ctx.finding(
            span, f"<{name}> is not allowed in wikitext: it shows as text", data={"tag": name}
        )


@rule(code="WC820", name="obsolete-tag", family=RuleFamily.SYNTAX, severity=Severity.INFO)
def obsolete_tag(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags HTML elements that HTML5 made obsolete (<center>, <font>, <big>, <strike>, <tt>).

    Why: browsers still render them, but they mix presentation into the text; MediaWiki may
    stop supporting them. Linter reports them as obsolete-tag at low priority.

    Example:
        <center>A centred line</center>

    Use instead:
        {{center|A centred line}}
    """
    obsolete = html_tags().obsolete
    opened = [(tag.open_span, tag.name) for tag in article.tags if not tag.end_only]
    opened += [
        (stray.span, stray.name)
        for stray in article.stray_markup
        if stray.kind is StrayKind.OPEN_TAG
    ]
    for span, name in sorted(opened):
        if name in obsolete:
            yield ctx.finding(
                span, f"<{name}> is obsolete HTML: use {_REPLACEMENTS[name]}", data={"tag": name}
            )


@rule(code="WC821", name="obsolete-align", family=RuleFamily.SYNTAX, severity=Severity.INFO)
def obsolete_align(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags align= on an HTML element that is not part of a table (<div align="center">).

    Why: HTML5 made the align attribute obsolete; MediaWiki turns it into CSS only on table
    elements. Linter reports it as obsolete-tag.

    Example:
        <div align="center">A centred line</div>

    Use instead:
        <div style="text-align:center">A centred line</div>
    """
    for tag in article.tags:
        if tag.name in _TABLE_TAGS or tag.name not in html_tags().html:
            continue
        attribute = tag.attribute("align")
        if attribute is not None:
            yield ctx.finding(
                attribute.span,
                f'align= on <{tag.name}> is obsolete HTML: use style="text-align:..."',
            )


@rule(code="WC850", name="duplicate-id", family=RuleFamily.SYNTAX, severity=Severity.WARNING)
def duplicate_id(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags an id= given to two HTML elements on one page.

    Why: an id names one place on the page: links to the second element land on the first,
    and the HTML is invalid. Linter reports it as duplicate-ids.

    Example:
        <span id="early">Early life</span> ... <span id="early">Early career</span>

    Use instead:
        <span id="early">Early life</span> ... <span id="career">Early career</span>
    """
    first: dict[str, int] = {}
    for tag in article.tags:
        attribute = tag.attribute("id")
        if attribute is None or attribute.value is None:
            continue
        value = attribute.value.strip()
        if not value or "{" in value:  # a template-made id is not known here
            continue
        if value in first:
            line = article.position(first[value]).line
            yield ctx.finding(
                attribute.span, f'id "{value}" is already used on line {line}', data={"id": value}
            )
        else:
            first[value] = attribute.span.start


RULES = (disallowed_html_tag, obsolete_tag, obsolete_align, duplicate_id)
