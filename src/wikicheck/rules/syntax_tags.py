"""WC801–WC803: HTML and extension tags left unclosed, closing nothing, or closed on themselves.

The model keeps what mwparserfromhell matched (``Article.tags``) and what it left as text
(``Article.stray_markup``). A stray opening tag followed later by a stray closing tag of the
same name is one misnesting (WC811, in ``syntax_nesting``), not two breaks; the pairing that
decides it is here (``tag_balance``), shared by the rules of both modules. Other markup left as
text (comments, brackets, braces, tables) is in ``syntax_stray_markup``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..findings import Finding, RuleFamily, Severity
from ..model import Article, Span, StrayKind, StrayMarkup
from ..parse.markup import html_tags
from ._base import RuleContext, rule
from ._shared import in_heading


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


def heading_note(ctx: RuleContext, span: Span) -> str:
    """The words " in a heading" when the span lies in a heading's line, for messages."""
    return " in a heading" if in_heading(ctx, span) else ""


CLEAN_CLOSE = re.compile(r"</[A-Za-z][A-Za-z0-9]*\s*>")


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
            f"<{stray.name}> is never closed{heading_note(ctx, stray.span)}",
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
        if CLEAN_CLOSE.fullmatch(article.text_at(stray.span)):
            yield ctx.finding(
                stray.span,
                f"</{stray.name}> closes no <{stray.name}>{heading_note(ctx, stray.span)}",
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


RULES = (unclosed_tag, stray_closing_tag, self_closed_tag)
