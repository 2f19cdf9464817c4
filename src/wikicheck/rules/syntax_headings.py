"""WC840–WC845: headings written so that they break or do not look like headings."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..findings import Finding, RuleFamily, Severity
from ..model import Article, Section, Span
from ..textutil import strip_comments
from ._base import RuleContext, rule
from ._shared import in_heading

_QUOTES = re.compile(r"'{2,}")
_PRESENTATIONAL = frozenset(
    {"b", "i", "u", "big", "small", "center", "font", "strike", "tt", "br", "div", "p", "s"}
)


def _headings(article: Article) -> Iterator[tuple[Section, Span]]:
    for section in article.all_sections():
        if section.heading_span is not None:
            yield section, section.heading_span


def _title_span(section: Section, span: Span) -> Span:
    return Span(span.start + section.level, span.end - section.level)


@rule(code="WC840", name="level-one-heading", family=RuleFamily.SYNTAX, severity=Severity.WARNING)
def level_one_heading(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a level-1 heading (= Title =) in an article.

    Why: level 1 is the page title's; a second one breaks the outline that the table of
    contents and screen readers follow (MOS:HEADINGS). Check Wikipedia reports it as error 19.

    Example:
        = History =

    Use instead:
        == History ==
    """
    for section, span in _headings(article):
        if section.level == 1:
            yield ctx.finding(span, "level-1 heading: sections start at level 2 (== Title ==)")


@rule(code="WC841", name="empty-heading", family=RuleFamily.SYNTAX, severity=Severity.WARNING)
def empty_heading(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a heading with no title (== ==).

    Why: readers see an empty heading line and the table of contents an empty entry.
    Linter reports it as empty-heading.

    Example:
        == ==
        Text.

    Use instead:
        == History ==
        Text.
    """
    for section, span in _headings(article):
        if not strip_comments(section.raw_title or "").strip():
            yield ctx.finding(span, "heading without a title")


def quotes_balanced(text: str) -> bool:
    """Whether MediaWiki's doQuotes closes every '' and ''' it opens on this line."""
    italics = bold = 0
    for run in _QUOTES.findall(text):
        length = len(run)
        if length == 2:
            italics += 1
        elif length in (3, 4):
            bold += 1
        else:
            italics += 1
            bold += 1
    return italics % 2 == 0 and bold % 2 == 0


@rule(
    code="WC842",
    name="unclosed-quotes-in-heading",
    family=RuleFamily.SYNTAX,
    severity=Severity.WARNING,
)
def unclosed_quotes_in_heading(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a heading with '' or ''' that is opened and not closed.

    Why: the italics or bold run to the end of the heading, and the heading's anchor and
    table of contents entry differ from what the editor meant. Linter reports it as
    unclosed-quotes-in-heading.

    Example:
        == ''The Times review ==

    Use instead:
        == ''The Times'' review ==
    """
    for section, span in _headings(article):
        title = strip_comments(article.text_at(_title_span(section, span)))
        if "''" in title and not quotes_balanced(title):
            yield ctx.finding(span, "italic or bold markup in this heading is not closed")


@rule(code="WC843", name="bold-heading", family=RuleFamily.SYNTAX, severity=Severity.INFO)
def bold_heading(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags bold markup (''') in a heading.

    Why: headings are already bold; MOS:HEADINGS asks for no extra bold. Check Wikipedia
    reports it as error 44.

    Example:
        == '''History''' ==

    Use instead:
        == History ==
    """
    for section, span in _headings(article):
        title = strip_comments(section.raw_title or "")
        if any(len(run) in (3, 5) for run in _QUOTES.findall(title)):
            yield ctx.finding(span, "bold markup in a heading: headings are bold already")


@rule(code="WC844", name="html-in-heading", family=RuleFamily.SYNTAX, severity=Severity.INFO)
def html_in_heading(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags presentational HTML (<small>, <b>, <br>, <center> ...) in a heading.

    Why: MOS:HEADINGS keeps markup out of headings: it is copied into the table of contents
    and the section's link anchor, and screen readers read the tags' effect oddly. Check
    Wikipedia reports HTML in headings (errors 83 and kin).

    Example:
        == History <small>(1900–1950)</small> ==

    Use instead:
        == History (1900–1950) ==
    """
    for tag in article.tags:
        if tag.name in _PRESENTATIONAL and in_heading(ctx, tag.span):
            yield ctx.finding(tag.open_span, f"<{tag.name}> in a heading")


@rule(
    code="WC845", name="heading-ends-with-colon", family=RuleFamily.SYNTAX, severity=Severity.INFO
)
def heading_ends_with_colon(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a heading whose title ends with a colon.

    Why: MOS:HEADINGS: a heading is not a lead-in to what follows. Check Wikipedia reports
    it as error 57.

    Example:
        == Notable residents: ==

    Use instead:
        == Notable residents ==
    """
    for section, span in _headings(article):
        if strip_comments(section.raw_title or "").rstrip().endswith(":"):
            yield ctx.finding(span, "heading ends with a colon")


RULES = (
    level_one_heading,
    empty_heading,
    unclosed_quotes_in_heading,
    bold_heading,
    html_in_heading,
    heading_ends_with_colon,
)
