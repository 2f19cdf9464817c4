"""WC346–WC349: citation parameters that need another, and periodical names.

A journal or magazine citation without its periodical, |format= without its URL,
|trans-title= without the original title, and italic or bold markup in periodical names.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..cs1 import cs1_citations
from ..cs1.checks import check_data
from ..cs1.rendering import ignores_chapter, rendering
from ..findings import Finding, RuleFamily, Severity
from ..model import Article
from ._base import RuleContext, rule

_FORMAT_OF = {
    "format": "url", "chapter-format": "chapter-url", "archive-format": "archive-url",
    "transcript-format": "transcript-url", "conference-format": "conference-url",
    "map-format": "map-url", "section-format": "section-url",
}  # fmt: skip


@rule(code="WC346", name="missing-periodical", family=RuleFamily.CITATION, severity=Severity.ERROR)
def missing_periodical(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a {{cite journal}} with no journal, or a {{cite magazine}} with no magazine.

    Any of the module's periodical parameters counts (|journal=, |work=, |website= ...), and
    so does their |script-…= form (|script-journal=zh:…).

    Why: CS1 shows "Cite journal requires |journal="; a journal article without its journal
    cannot be found.

    Example:
        {{cite journal |title=T |volume=3}}

    Use instead:
        {{cite journal |title=T |journal=Nature |volume=3}}
    """
    requires = check_data().requires_periodical
    data = rendering()
    for citation in cs1_citations(article):
        needed = requires.get(citation.cs1 or "")
        # The module's ScriptPeriodical: a periodical named only in its own script is named.
        named = data.first(citation, "periodical") or data.first(citation, "script_periodical")
        if needed and not named:
            yield ctx.finding(citation.span, f"{citation.cs1} requires |{needed}=")


@rule(code="WC347", name="format-without-url", family=RuleFamily.CITATION, severity=Severity.ERROR)
def format_without_url(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags |format= (or |chapter-format=, |archive-format= ...) without its URL.

    Why: CS1 shows "|format= requires |url="; the format describes a link that is not there.

    Example:
        {{cite book |title=T |format=PDF}}

    Use instead:
        {{cite book |title=T |url=https://example.org/t.pdf |format=PDF}}
    """
    chapter_formats = rendering().meta["chapter_format"]
    for citation in cs1_citations(article):
        skipped = chapter_formats if ignores_chapter(citation) else ()
        for format_name, url_name in _FORMAT_OF.items():
            if format_name in skipped:
                continue  # the module ignores the chapter and all that goes with it
            fmt = citation.filled(format_name)
            if fmt and not citation.filled(url_name):
                yield ctx.finding(fmt.trimmed_span, f"|{fmt.raw_name}= requires |{url_name}=")


@rule(
    code="WC348",
    name="translated-title-without-title",
    family=RuleFamily.CITATION,
    severity=Severity.ERROR,
)
def translated_title_without_title(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags |trans-title= (or trans-chapter ...) without the original ("|trans-title= requires |title=").

    Why: CS1 shows a red error: a translation must follow the original title it translates.

    Example:
        {{cite book |trans-title=The Castle |language=de}}

    Use instead:
        {{cite book |title=Das Schloss |trans-title=The Castle |language=de}}
    """
    trans_chapters = rendering().meta["trans_chapter"]
    for citation in cs1_citations(article):
        skipped = trans_chapters if ignores_chapter(citation) else ()
        for param in citation.params:
            if (
                not param.name.startswith("trans-")
                or not param.value
                or param.name == "trans-quote"
                or param.name in skipped  # the module ignores the chapter (WC340)
            ):
                continue
            base = param.name.removeprefix("trans-")
            if not citation.filled(base) and not citation.filled(f"script-{base}"):
                yield ctx.finding(
                    param.trimmed_span,
                    f"|{param.raw_name}= requires |{base}= or |script-{base}=",
                )


@rule(
    code="WC349", name="markup-in-periodical", family=RuleFamily.CITATION, severity=Severity.ERROR
)
def markup_in_periodical(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags italic or bold markup in |work=, |website=, |journal=, |publisher= and kin.

    Why: CS1 italicises periodicals itself; added '' markup turns them upright again, and
    CS1 shows "Italic or bold markup not allowed in: |website=".

    Example:
        {{cite news |title=T |newspaper=''The Times''}}

    Use instead:
        {{cite news |title=T |newspaper=The Times}}
    """
    names = (*rendering().meta["periodical"], *rendering().meta["publisher"])
    for citation in cs1_citations(article):
        for name in names:
            param = citation.filled(name)
            if param and "''" in param.value:
                yield ctx.finding(
                    param.trimmed_value_span,
                    f"Italic or bold markup not allowed in: |{param.raw_name}=",
                )


RULES = (
    missing_periodical, format_without_url, translated_title_without_title,
    markup_in_periodical,
)  # fmt: skip
