"""WC701–WC704: links the checker found dead (or alive), set against what the citation claims.

These rules never fetch: they read the results that ``--check-links`` (or a caller of
``lint(..., links=...)``) put in the context, and find nothing without them. Permanent
redirects (WC705) are in ``link_redirects``, which reads the results through this module's
``link_result`` and ``source_urls``.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..cs1.params import parameter_table
from ..findings import Applicability, Edit, Finding, Fix, RuleFamily, Severity
from ..linkcheck.results import LinkResult, Outcome
from ..model import Article, Citation, CitationParam, LinkOrigin
from ._base import FixAvailability, RuleContext, rule


def link_result(ctx: RuleContext, url: str) -> LinkResult | None:
    """What the link check found for ``url``, or None when it was not checked."""
    return None if ctx.links is None else ctx.links.get(url.strip())


def _how_dead(result: LinkResult) -> str:
    history = result.history.describe()
    return f"{result.reason}" + (f"; {history}" if history else "")


def _data(result: LinkResult) -> dict[str, object]:
    return {"url": result.url, "outcome": result.outcome.value}


def _claimed_status(
    ctx: RuleContext, citation: Citation, claimed: str
) -> tuple[CitationParam, LinkResult] | None:
    """|url-status= when it says ``claimed``, with what the check found for |url=."""
    status = citation.filled("url-status")
    url = citation.filled("url")
    if not (status and url) or status.value.strip().lower() != claimed:
        return None
    result = link_result(ctx, url.value)
    return None if result is None else (status, result)


def source_urls(citation: Citation) -> Iterator[CitationParam]:
    """The citation's links to the source itself (|url=, |chapter-url=, ...), not the archive."""
    url_params = parameter_table().url_params
    for param in citation.params:
        if param.value and param.name != "archive-url" and param.name in url_params:
            yield param


@rule(
    code="WC701",
    name="dead-link",
    family=RuleFamily.LINK,
    severity=Severity.WARNING,
    needs_network=True,
)
def dead_link(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a link that is broken, unreachable or timing out and has no archived copy.

    Why: a reader who follows the citation finds nothing, and nothing in the article points
    them to a copy. The message says whether the failure is new or confirmed: like
    InternetArchiveBot, wikicheck calls a link dead only after three failed checks at least
    three days apart (the cache keeps the history between runs).

    Example:
        {{cite web |url=https://example.org/gone |title=T |access-date=2024-01-01}}

    Use instead:
        {{cite web |url=https://example.org/gone |title=T |access-date=2024-01-01 |archive-url=https://web.archive.org/web/2024/https://example.org/gone |archive-date=2024-01-01 |url-status=dead}}
    """
    for citation in article.citations:
        if citation.filled("archive-url"):
            continue
        for param in source_urls(citation):
            result = link_result(ctx, param.value)
            if result is not None and result.outcome.is_failure:
                yield ctx.finding(
                    param.trimmed_value_span,
                    f"{result.outcome.value} link without an archived copy: "
                    f"{_how_dead(result)}; add |archive-url= (and |archive-date=), "
                    "or tag it {{dead link}}",
                    data=_data(result),
                )
    for link in article.external_links:
        if link.origin is LinkOrigin.CITATION:
            continue
        result = link_result(ctx, link.url)
        if result is not None and result.outcome.is_failure:
            yield ctx.finding(
                link.span,
                f"{result.outcome.value} link: {_how_dead(result)}; replace it with an "
                "archived copy, or tag it {{dead link}}",
                data=_data(result),
            )


@rule(
    code="WC702",
    name="url-status-live-but-dead",
    family=RuleFamily.LINK,
    severity=Severity.WARNING,
    fix_availability=FixAvailability.ALWAYS,
    needs_network=True,
)
def url_status_live_but_dead(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags |url-status=live on a citation whose URL no longer answers.

    Why: with |url-status=live the citation's title links to the original URL, so readers
    land on the dead page instead of the archived copy that |archive-url= already holds.

    Example:
        {{cite web |url=https://example.org/gone |title=T |archive-url=https://web.archive.org/web/2024/https://example.org/gone |archive-date=2024-01-01 |url-status=live}}

    Use instead:
        {{cite web |url=https://example.org/gone |title=T |archive-url=https://web.archive.org/web/2024/https://example.org/gone |archive-date=2024-01-01 |url-status=dead}}

    Fix:
        Sets |url-status=dead. Safe once the link is confirmed dead (repeated failures over
        days); unsafe after a single failed check.
    """
    for citation in article.citations:
        claim = _claimed_status(ctx, citation, "live")
        if claim is None or not citation.filled("archive-url"):
            continue
        status, result = claim
        if result.outcome.is_failure:
            safety = Applicability.SAFE if result.confirmed_dead else Applicability.UNSAFE
            span = status.trimmed_value_span
            yield ctx.finding(
                span,
                f"|url-status=live but the URL is {result.outcome.value}: {_how_dead(result)}",
                Fix("Set |url-status=dead", (Edit(span, "dead"),), safety),
                data=_data(result),
            )


@rule(
    code="WC703",
    name="url-status-dead-but-live",
    family=RuleFamily.LINK,
    severity=Severity.INFO,
    fix_availability=FixAvailability.ALWAYS,
    needs_network=True,
)
def url_status_dead_but_live(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags |url-status=dead on a citation whose URL answers normally.

    Why: the title then links to the archived copy although the original works. The page
    may have changed since it was cited; if it still supports the text, the original is the
    better link (or use |url-status=deviated or |url-status=unfit when it no longer does).

    Example:
        {{cite web |url=https://example.org/fine |title=T |archive-url=https://web.archive.org/web/2024/https://example.org/fine |archive-date=2024-01-01 |url-status=dead}}

    Use instead:
        {{cite web |url=https://example.org/fine |title=T |archive-url=https://web.archive.org/web/2024/https://example.org/fine |archive-date=2024-01-01 |url-status=live}}

    Fix:
        Offers |url-status=live for a human to confirm (display only: whether the page
        still holds the cited content is not something a status code tells).
    """
    for citation in article.citations:
        claim = _claimed_status(ctx, citation, "dead")
        if claim is None:
            continue
        status, result = claim
        if result.outcome in (Outcome.OK, Outcome.REDIRECTED):
            span = status.trimmed_value_span
            yield ctx.finding(
                span,
                f"|url-status=dead but the URL answers {result.reason}",
                Fix("Set |url-status=live", (Edit(span, "live"),), Applicability.DISPLAY_ONLY),
                data=_data(result),
            )


@rule(
    code="WC704",
    name="dead-archive-url",
    family=RuleFamily.LINK,
    severity=Severity.WARNING,
    needs_network=True,
)
def dead_archive_url(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags an |archive-url= that is broken, unreachable or timing out.

    Why: the archived copy is the reader's fallback when the original dies; a broken one
    (a mistyped snapshot, an archive that removed it) leaves the citation unverifiable.

    Example:
        {{cite web |url=https://example.org/a |title=T |archive-url=https://web.archive.org/web/2024/https://example.org/typo |archive-date=2024-01-01}}

    Use instead:
        {{cite web |url=https://example.org/a |title=T |archive-url=https://web.archive.org/web/2024/https://example.org/a |archive-date=2024-01-01}}
    """
    for citation in article.citations:
        archive = citation.filled("archive-url")
        if archive is None:
            continue
        result = link_result(ctx, archive.value)
        if result is not None and result.outcome.is_failure:
            yield ctx.finding(
                archive.trimmed_value_span,
                f"archive URL is {result.outcome.value}: {_how_dead(result)}",
                data=_data(result),
            )


RULES = (
    dead_link,
    url_status_live_but_dead,
    url_status_dead_but_live,
    dead_archive_url,
)
