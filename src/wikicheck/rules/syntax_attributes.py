"""WC809, WC816, WC817: tag and table attributes as MediaWiki's sanitizer reads them.

The sanitizer reads ``name="value"``, ``name='value'`` and ``name=value``; a quoted value
with no closing quote runs to the end of the attributes (so ``style="color:red`` still
works), and what it cannot read as an attribute it drops. mwparserfromhell splits an
unclosed value at the next space instead, so the attributes after one are read here as
part of its value, as MediaWiki reads them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..findings import Applicability, Edit, Finding, Fix, RuleFamily, Severity
from ..model import Article, HtmlTag, Span, TagAttribute
from ..textutil import COMMENT
from ._base import FixAvailability, RuleContext, rule

# Sanitizer's attribute name: a letter, digit, "_" or ":", then those and "." and "-"
_ATTRIBUTE_NAME = re.compile(r"[\w:][\w:.\-]*")
_ANOTHER_ATTRIBUTE = re.compile(r"\s[\w:][\w:.\-]*\s*=")


@dataclass(frozen=True, slots=True)
class Unclosed:
    """An attribute value opened with a quote that never closes: it runs to ``end``."""

    attribute: TagAttribute
    end: int
    swallows: bool
    """Whether what it runs over holds another name=value, which is lost."""


@dataclass(frozen=True, slots=True)
class ReadAttributes:
    """A tag's attributes sorted as the sanitizer sees them."""

    read: tuple[TagAttribute, ...]
    unclosed: Unclosed | None
    stray_quotes: tuple[TagAttribute, ...]


def _attributes_end(article: Article, tag: HtmlTag) -> int:
    text = article.text_at(tag.open_span)
    return tag.open_span.start + len(text.rstrip(">").rstrip("/").rstrip())


def _read_all(article: Article) -> list[tuple[HtmlTag, ReadAttributes]]:
    return [(tag, read_attributes(article, tag)) for tag in article.tags if tag.attributes]


def tags_read(article: Article, ctx: RuleContext) -> list[tuple[HtmlTag, ReadAttributes]]:
    """The tags that have attributes, with them read, once per article."""
    return ctx.memo("syntax.attributes", lambda: _read_all(article))


def read_attributes(article: Article, tag: HtmlTag) -> ReadAttributes:
    opening = article.text_at(tag.open_span)
    comments = [
        Span(tag.open_span.start + m.start(), tag.open_span.start + m.end())
        for m in (COMMENT.finditer(opening) if "<!--" in opening else ())
    ]
    read: list[TagAttribute] = []
    stray: list[TagAttribute] = []
    for attribute in tag.attributes:
        if any(c.start < attribute.span.end and attribute.span.start < c.end for c in comments):
            continue  # MediaWiki removes comments before it reads attributes
        value = attribute.value
        # An unquoted value is read as it stands, quotes inside it included (rowspan=2").
        if attribute.quote or not value or "{" in value or value[0] not in "\"'":
            read.append(attribute)
            continue
        if value[0] not in value[1:]:
            end = _attributes_end(article, tag)
            rest = article.source[attribute.span.end : end]
            unclosed = Unclosed(attribute, end, bool(_ANOTHER_ATTRIBUTE.search(" " + rest)))
            return ReadAttributes(tuple(read), unclosed, tuple(stray))
        stray.append(attribute)  # name=""ms": the value closes at once, the rest is lost
    return ReadAttributes(tuple(read), None, tuple(stray))


@rule(
    code="WC809",
    name="unbalanced-attribute-quote",
    family=RuleFamily.SYNTAX,
    severity=Severity.ERROR,
)
def unbalanced_attribute_quote(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags an attribute whose quotes do not pair up so that MediaWiki misreads it: a stray
    quote (<ref name=""ms" glossary">), or an unclosed quote that runs over the attributes
    after it (<ref name="a group=b>).

    Why: the sanitizer reads an unclosed quoted value to the end of the tag, and a stray
    quote ends a value early: the <ref> gets a wrong name (reuses of it show a Cite error),
    the group or style is lost.

    Example:
        Text.<ref name="smith group=notes>Smith 2001.</ref>

    Use instead:
        Text.<ref name="smith" group=notes>Smith 2001.</ref>
    """
    for tag, found in tags_read(article, ctx):
        for attribute in found.stray_quotes:
            yield ctx.finding(
                attribute.span, f"the {attribute.name}= value of <{tag.name}> has a stray quote"
            )
        unclosed = found.unclosed
        if unclosed is not None and unclosed.swallows:
            attribute = unclosed.attribute
            yield ctx.finding(
                attribute.span,
                f"the {attribute.name}= value of <{tag.name}> opens a quote it never closes: "
                "it runs over the attributes after it",
            )


@rule(
    code="WC817",
    name="unclosed-attribute-quote",
    family=RuleFamily.SYNTAX,
    severity=Severity.INFO,
    fix_availability=FixAvailability.ALWAYS,
)
def unclosed_attribute_quote(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags the last attribute of a tag opening a quote it never closes (<ref name="a>).

    Why: MediaWiki reads the value to the end of the tag, so the page renders as meant,
    but Parsoid, editors' tools and other parsers may not; it is a typo.

    Example:
        Text.<ref name="smith>Smith 2001.</ref>

    Use instead:
        Text.<ref name="smith">Smith 2001.</ref>

    Fix:
        Closes the quote at the end of the attributes (safe: MediaWiki already reads it so).
    """
    for tag, found in tags_read(article, ctx):
        unclosed = found.unclosed
        if unclosed is None or unclosed.swallows:
            continue
        attribute = unclosed.attribute
        quote = (attribute.value or '"')[0]
        end = unclosed.end
        fix = Fix(
            f"Close the quote with {quote}", (Edit(Span(end, end), quote),), Applicability.SAFE
        )
        yield ctx.finding(
            Span(attribute.span.start, end),
            f"the {attribute.name}= value of <{tag.name}> opens a quote it never closes",
            fix,
        )


@rule(code="WC816", name="invalid-attribute", family=RuleFamily.SYNTAX, severity=Severity.WARNING)
def invalid_attribute(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags text among a tag's or table's attributes that is no attribute (a stray quote,
    a CSS declaration outside style=, a second "!" or "|").

    Why: MediaWiki's sanitizer drops what it cannot read as name=value, so the style or
    span meant there is lost: {| class="wikitable" font-size:80%;" keeps its class and
    loses the font size. wikilint reports it as no-ignored.

    Example:
        {| class="wikitable" font-size:80%;"
        | cell
        |}

    Use instead:
        {| class="wikitable" style="font-size:80%;"
        | cell
        |}
    """
    for tag, found in tags_read(article, ctx):
        for attribute in found.read:
            text = article.text_at(attribute.span)
            name = text.split("=", 1)[0].strip()
            if not name or "{" in name or _ATTRIBUTE_NAME.fullmatch(name):
                continue
            if tag.wiki_markup == "|" and name == "+":  # a caption "|+", read as a cell
                continue
            yield ctx.finding(
                attribute.span, f'"{text}" is no attribute of <{tag.name}>: MediaWiki drops it'
            )


@rule(code="WC818", name="duplicate-attribute", family=RuleFamily.SYNTAX, severity=Severity.WARNING)
def duplicate_attribute(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags an attribute given twice in one tag or table cell (scope="row" scope="col").

    Why: MediaWiki keeps only the last one: the first style, colspan or scope has no
    effect. wikilint reports it as no-duplicate.

    Example:
        {|
        ! colspan="2" style="color:red" colspan="3" | Actor
        |}

    Use instead:
        {|
        ! colspan="3" style="color:red" | Actor
        |}
    """
    for tag, found in tags_read(article, ctx):
        last: dict[str, TagAttribute] = {}
        for attribute in found.read:
            if attribute.name in last and _ATTRIBUTE_NAME.fullmatch(attribute.name):
                earlier = last[attribute.name]
                yield ctx.finding(
                    earlier.span,
                    f"{attribute.name}= is given twice in <{tag.name}>: only the last one counts",
                )
            last[attribute.name] = attribute


RULES = (
    unbalanced_attribute_quote,
    invalid_attribute,
    unclosed_attribute_quote,
    duplicate_attribute,
)
