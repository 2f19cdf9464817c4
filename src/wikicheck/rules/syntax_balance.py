"""WC801–WC808, WC810: markup that is not balanced, found where the tokenizer gave up on it.

The model keeps what mwparserfromhell matched (``Article.tags``) and what it left as text
(``Article.stray_markup``). A stray opening tag followed later by a stray closing tag of the
same name is one misnesting (WC811, in ``syntax_nesting``), not two breaks; the pairing that
decides it is here, shared by the rules of both modules.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..findings import Applicability, Edit, Finding, Fix, RuleFamily, Severity
from ..model import Article, HtmlTag, Span, StrayKind, StrayMarkup
from ..parse.markup import html_tags
from ._base import FixAvailability, RuleContext, rule


@dataclass(frozen=True, slots=True)
class TagBalance:
    """Stray tags sorted out: pairs that misnest, and the opening and closing tags left."""

    misnested: tuple[tuple[StrayMarkup, StrayMarkup], ...]
    unclosed: tuple[StrayMarkup, ...]
    unopened: tuple[StrayMarkup, ...]


def _balance(article: Article) -> TagBalance:
    tags = html_tags()
    open_by_name: dict[str, list[StrayMarkup]] = {}
    pairs: list[tuple[StrayMarkup, StrayMarkup]] = []
    unopened: list[StrayMarkup] = []
    for stray in article.stray_markup:
        if stray.name in tags.void or stray.name in tags.disallowed:  # WC819 reports those
            continue
        if stray.kind is StrayKind.OPEN_TAG:
            open_by_name.setdefault(stray.name, []).append(stray)
        elif stray.kind is StrayKind.CLOSE_TAG:
            waiting = open_by_name.get(stray.name)
            if waiting:
                pairs.append((waiting.pop(), stray))
            else:
                unopened.append(stray)
    unclosed = sorted(
        (stray for strays in open_by_name.values() for stray in strays if stray.name),
        key=lambda stray: stray.span.start,
    )
    return TagBalance(tuple(pairs), tuple(unclosed), tuple(unopened))


def tag_balance(article: Article, ctx: RuleContext) -> TagBalance:
    """The stray tags sorted out once per article."""
    return ctx.memo("syntax.tag_balance", lambda: _balance(article))


def in_heading(article: Article, span: Span) -> bool:
    return any(
        section.heading_span is not None and section.heading_span.contains(span)
        for section in article.all_sections()
    )


def _where(article: Article, span: Span) -> str:
    return " in a heading" if in_heading(article, span) else ""


_CLEAN_CLOSE = re.compile(r"</[A-Za-z][A-Za-z0-9]*\s*>")


@rule(code="WC801", name="unclosed-tag", family=RuleFamily.SYNTAX, severity=Severity.ERROR)
def unclosed_tag(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags an HTML or extension tag that is opened and never closed.

    Why: MediaWiki closes it at the end of the paragraph, the cell or the page: an unclosed
    <small> or <center> spreads over what follows, and an unclosed <ref> turns the rest of the
    citation, or of the page, into raw text. Linter reports it as missing-end-tag.
    Tags whose end HTML lets one omit (<li>, <p>, <td>) and void tags (<br>) are not flagged.

    Example:
        A <small>note. More text.

    Use instead:
        A <small>note.</small> More text.
    """
    optional = html_tags().optional_end
    for stray in tag_balance(article, ctx).unclosed:
        if stray.name in optional:
            continue
        yield ctx.finding(
            stray.span,
            f"<{stray.name}> is never closed{_where(article, stray.span)}",
            data={"tag": stray.name},
        )


@rule(code="WC802", name="stray-closing-tag", family=RuleFamily.SYNTAX, severity=Severity.WARNING)
def stray_closing_tag(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a closing tag with no opening tag before it.

    Why: MediaWiki shows a stray </span> as text or drops it, and a stray </div> can close a
    box a template opened, breaking the layout. Linter reports it as stripped-tag.

    Example:
        Some text.</span>

    Use instead:
        Some text.
    """
    for stray in tag_balance(article, ctx).unopened:
        if _CLEAN_CLOSE.fullmatch(article.text_at(stray.span)):
            yield ctx.finding(
                stray.span,
                f"</{stray.name}> closes no <{stray.name}>{_where(article, stray.span)}",
                data={"tag": stray.name},
            )


@rule(code="WC803", name="self-closed-tag", family=RuleFamily.SYNTAX, severity=Severity.WARNING)
def self_closed_tag(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags an HTML tag that cannot close itself written as one (<span/>, <div/>).

    Why: HTML has no self-closing <span> or <div>: browsers and Parsoid read <div/> as an
    opening <div> that wraps everything after it. Linter reports it as self-closed-tag.
    Void tags (<br/>, <hr/>) and extension tags (<ref name="a"/>, <references/>) may close
    themselves.

    Example:
        <div id="history"/>History of the town.

    Use instead:
        {{Anchor|history}}History of the town.
    """
    tags = html_tags()
    for tag in article.tags:
        if tag.self_closing and tag.name in tags.html and tag.name not in tags.void:
            yield ctx.finding(
                tag.span, f"<{tag.name}/> cannot close itself", data={"tag": tag.name}
            )


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
                Span(run.span.start, end), messages[run.kind] + _where(article, run.span)
            )
        run, end = stray, stray.span.end
    if run is not None:
        yield ctx.finding(Span(run.span.start, end), messages[run.kind] + _where(article, run.span))


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
        if _CLEAN_CLOSE.fullmatch(text):
            continue
        clean = f"</{stray.name}>"
        fix = Fix(f"Write {clean}", (Edit(stray.span, clean),), Applicability.SAFE)
        yield ctx.finding(stray.span, f"{text} is not a closing tag: write {clean}", fix)


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


RULES = (
    unclosed_tag,
    stray_closing_tag,
    self_closed_tag,
    unclosed_comment,
    lonely_link_brackets,
    lonely_template_braces,
    unbalanced_table,
    closing_tag_with_attributes,
    ref_in_ref,
)
