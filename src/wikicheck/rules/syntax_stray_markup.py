"""WC804–WC808: markup the tokenizer left as text, found in ``Article.stray_markup``.

An unclosed comment, a lone "[[" or "}}", a table never closed or never opened, a closing tag
with attributes. Tags left unclosed or closing nothing are in ``syntax_tags``.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..findings import Applicability, Edit, Finding, Fix, RuleFamily, Severity
from ..model import Article, Span, StrayKind, StrayMarkup
from ._base import FixAvailability, RuleContext, rule
from .syntax_tags import CLEAN_CLOSE, heading_note


@rule(code="WC804", name="unclosed-comment", family=RuleFamily.SYNTAX, severity=Severity.ERROR)
def unclosed_comment(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a comment opened with <!-- and never closed with -->.

    Why: MediaWiki hides everything from the <!-- to the end of the page.

    Example:
        Text. <!-- a note for editors
        == History ==

    Use instead:
        Text. <!-- a note for editors -->
        == History ==
    """
    for stray in article.stray_markup:
        if stray.kind is StrayKind.COMMENT:
            yield ctx.finding(stray.span, "<!-- is never closed: the rest of the page is hidden")
            return


_BRACKETS = {
    StrayKind.LINK_OPEN: '"[[" opens no link: it shows as text',
    StrayKind.LINK_CLOSE: '"]]" closes no link: it shows as text',
}
_BRACES = {
    StrayKind.TEMPLATE_OPEN: '"{{" opens no template call: what follows shows as text',
    StrayKind.TEMPLATE_CLOSE: '"}}" closes no template call: it shows as text',
}


def _runs(article: Article, ctx: RuleContext, messages: dict[StrayKind, str]) -> Iterator[Finding]:
    """One finding for each run of the same lone markup ("[[[[" is one break, not two)."""
    run: StrayMarkup | None = None
    end = -1
    for stray in article.stray_markup:
        if stray.kind not in messages:
            continue
        if run is not None and stray.kind is run.kind and stray.span.start == end:
            end = stray.span.end
            continue
        if run is not None:
            yield ctx.finding(
                Span(run.span.start, end), messages[run.kind] + heading_note(ctx, run.span)
            )
        run, end = stray, stray.span.end
    if run is not None:
        yield ctx.finding(
            Span(run.span.start, end), messages[run.kind] + heading_note(ctx, run.span)
        )


@rule(code="WC805", name="lonely-link-brackets", family=RuleFamily.SYNTAX, severity=Severity.ERROR)
def lonely_link_brackets(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a "[[" or "]]" that makes no link.

    Why: the brackets and the text show as typed instead of a link. Check Wikipedia
    reports them as errors 10 and 46.

    Example:
        See [[Paris for details.

    Use instead:
        See [[Paris]] for details.
    """
    yield from _runs(article, ctx, _BRACKETS)


@rule(
    code="WC806", name="lonely-template-braces", family=RuleFamily.SYNTAX, severity=Severity.ERROR
)
def lonely_template_braces(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a "{{" or "}}" that makes no template call.

    Why: a lost "{{" shows a whole citation or infobox as raw text, a lost "}}" shows the
    braces. Check Wikipedia reports them as errors 43 and 28.

    Example:
        Text.<ref>cite web |url=https://example.org |title=Report}}</ref>

    Use instead:
        Text.<ref>{{cite web |url=https://example.org |title=Report}}</ref>
    """
    yield from _runs(article, ctx, _BRACES)


@rule(code="WC807", name="unbalanced-table", family=RuleFamily.SYNTAX, severity=Severity.ERROR)
def unbalanced_table(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a table opened with "{|" and never closed, or a "|}" that closes no table.

    Why: an unclosed table swallows what follows it into its last cell; a lone "|}" shows as
    text. Check Wikipedia reports them as error 28.

    Example:
        {| class="wikitable"
        | cell
        == Next section ==

    Use instead:
        {| class="wikitable"
        | cell
        |}
        == Next section ==
    """
    # The tokenizer leaves tables it cannot read (an indented ":{|", a table in a template
    # argument) as text: a "{|" and a "|}" left in text still pair up for MediaWiki.
    opened: list[StrayMarkup] = []
    lonely: list[StrayMarkup] = []
    for stray in article.stray_markup:
        if stray.kind is StrayKind.TABLE_OPEN:
            opened.append(stray)
        elif stray.kind is StrayKind.TABLE_CLOSE:
            if opened:
                opened.pop()
            else:
                lonely.append(stray)
    for stray in sorted((*opened, *lonely), key=lambda stray: stray.span.start):
        if stray.kind is StrayKind.TABLE_OPEN:
            yield ctx.finding(stray.span, '"{|" opens a table that is never closed with "|}"')
        else:
            yield ctx.finding(stray.span, '"|}" closes no table')


@rule(
    code="WC808",
    name="closing-tag-with-attributes",
    family=RuleFamily.SYNTAX,
    severity=Severity.ERROR,
    fix_availability=FixAvailability.ALWAYS,
)
def closing_tag_with_attributes(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a closing tag with something after its name (</ref name="a">).

    Why: MediaWiki does not read </ref name="a"> as the end of the <ref>: the reference runs
    on into the text after it, or the page shows a Cite error.

    Example:
        Text.<ref>Smith 2001.</ref name="smith"> More text.

    Use instead:
        Text.<ref name="smith">Smith 2001.</ref> More text.

    Fix:
        Rewrites the closing tag as </name> (safe: nothing else can be meant).
    """
    for stray in article.stray_markup:
        if stray.kind is not StrayKind.CLOSE_TAG:
            continue
        text = article.text_at(stray.span)
        if CLEAN_CLOSE.fullmatch(text):
            continue
        clean = f"</{stray.name}>"
        fix = Fix(f"Write {clean}", (Edit(stray.span, clean),), Applicability.SAFE)
        yield ctx.finding(stray.span, f"{text} is not a closing tag: write {clean}", fix)


RULES = (
    unclosed_comment,
    lonely_link_brackets,
    lonely_template_braces,
    unbalanced_table,
    closing_tag_with_attributes,
)
