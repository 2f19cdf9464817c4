"""WC0xx: findings the engine itself reports."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator

from ..findings import Finding, RuleFamily, Severity
from ..model import Article
from ..selection import matches
from ._base import RuleContext, rule


@rule(code="WC000", name="rule-crashed", family=RuleFamily.ENGINE, severity=Severity.ERROR)
def rule_crashed(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Reports that a rule failed on this article, instead of stopping the run.

    The engine emits it; the rule function itself finds nothing. It names the rule and the
    error so the article can be attached to a bug report.

    Why: one odd article must not stop a run over thousands, and a silent skip would hide
    that the article was not fully checked.

    Example:
        (any article on which a rule raises an exception)

    Use instead:
        (report the article and the message as a wikicheck bug)
    """
    return iter(())


@rule(code="WC001", name="page-over-budget", family=RuleFamily.ENGINE, severity=Severity.ERROR)
def page_over_budget(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Reports a page that was not checked because it took longer than the page time budget.

    Why: one page built to make the parser backtrack (thousands of unclosed tags) must not
    stall a run over thousands, and a silent skip would hide that the page was not checked.
    ``wikicheck lint`` and ``wikicheck scan`` parse and lint each page in a worker process;
    a page still running when its budget is spent (``--page-timeout SECONDS``, config key
    ``page-timeout``, 30 by default, 0 for none) has its worker stopped and replaced, gets
    this finding at its first line, and the run goes on with the other pages.

    Example:
        (a page on which parsing and linting run longer than the budget)

    Use instead:
        (close the markup the page leaves open, or raise --page-timeout for a huge page)
    """
    return iter(())


@rule(
    code="WC003", name="unclosed-markup-flood", family=RuleFamily.ENGINE, severity=Severity.WARNING
)
def unclosed_markup_flood(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Reports more unclosed markup of one kind than wikicheck parses as markup.

    Why: hundreds of unclosed openers are broken markup or vandalism that readers see as raw
    text. Each unclosed tag, wikilink, external link, table or comment also makes the parser
    scan the rest of the page before it reads the opener as text, so a page full of them
    takes minutes to parse. Past a limit per kind (5 tags whose attributes never end with
    ">", 20 of each other kind) every such opener is read as plain text, and this finding
    points at the first; findings inside that markup may be missing.

    Example:
        Sizes: a<b, b<c, c<d, d<e, e<f, f<g, g<h, h<i, i<j, j<k, k<l.

    Use instead:
        Sizes: a &lt; b, b &lt; c, c &lt; d, d &lt; e, e &lt; f, f &lt; g, g &lt; h, h &lt; i.
    """
    for limit in article.limits:
        yield ctx.finding(
            limit.span,
            f"{limit.count:,} {limit.kind} (wikicheck parses at most {limit.limit}): all "
            "read as text to keep parsing time bounded; this is the first",
            data={"kind": limit.kind, "count": limit.count, "limit": limit.limit},
        )


@rule(code="WC002", name="unused-suppression", family=RuleFamily.ENGINE, severity=Severity.WARNING)
def unused_suppression(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Reports a <!-- wikicheck: disable ... --> comment that suppresses nothing.

    The engine emits it after applying suppressions.

    Why: a stale suppression hides the next real problem on that line; remove it once the
    finding it was written for is fixed.

    Example:
        == History ==
        Text. <!-- wikicheck: disable-line WC101 -->

    Use instead:
        == History ==
        Text.
    """
    return iter(())


_MENTION = re.compile(r"^\s*wikicheck\s*:\s*(?P<word>\S*)(?P<rest>[^>]*)$", re.IGNORECASE)
_KINDS = ("disable-line", "disable-next-line", "disable", "enable")


@rule(code="WC004", name="invalid-suppression", family=RuleFamily.ENGINE, severity=Severity.WARNING)
def invalid_suppression(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Reports a ``<!-- wikicheck: ... -->`` comment that is not a valid suppression: a
    misspelt directive, or a code or name that names no rule.

    Why: a suppression that wikicheck cannot read is silently ignored, so the findings it was
    written for keep coming back, or a typo in its code leaves a rule switched on with no
    sign why. The directives are ``disable-line``, ``disable-next-line``, ``disable`` and
    ``enable``; codes are rule codes, prefixes, names or families (``wikicheck rules``), or
    ``all``.

    Example:
        Text. <!-- wikicheck: disabel-line WC601 -->
        More text. <!-- wikicheck: disable-line WC999 -->

    Use instead:
        Text. <!-- wikicheck: disable-line WC601 -->
    """
    for comment in article.comments:
        match = _MENTION.match(comment.text)
        if match is None:
            continue
        word = match.group("word")
        if word.lower() not in _KINDS:
            close = difflib.get_close_matches(word.lower(), _KINDS, n=1)
            hint = f"did you mean {close[0]}?" if close else "expected " + ", ".join(_KINDS)
            yield ctx.finding(comment.span, f'unknown suppression directive "{word}": {hint}')
            continue
        for code in re.split(r"[\s,]+", match.group("rest").strip()):
            if code and code.lower() != "all" and not _names_a_rule(code):
                yield ctx.finding(
                    comment.span, f'"{code}" in a suppression names no rule (see wikicheck rules)'
                )


def _names_a_rule(selector: str) -> bool:
    from . import ALL_RULES  # this module is part of ALL_RULES: imported when first used

    return any(matches(selector, known.code, known.name) for known in ALL_RULES)


RULES = (
    rule_crashed,
    page_over_budget,
    unused_suppression,
    invalid_suppression,
    unclosed_markup_flood,
)
