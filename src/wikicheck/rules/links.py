"""WC70x: what the link checker found, set against what the article claims.

These rules never fetch: they read the results that ``--check-links`` (or a caller of
``lint(..., links=...)``) put in the context, and find nothing without them.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from urllib.parse import urlsplit

from ..cs1.params import parameter_table
from ..findings import Applicability, Edit, Finding, Fix, RuleFamily, Severity
from ..linkcheck.results import LinkResult, Outcome
from ..model import Article, Citation, CitationParam, LinkOrigin, Span
from ._base import FixAvailability, RuleContext, rule


def _result(ctx: RuleContext, url: str) -> LinkResult | None:
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
    result = _result(ctx, url.value)
    return None if result is None else (status, result)


def _source_urls(citation: Citation) -> Iterator[CitationParam]:
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
        for param in _source_urls(citation):
            result = _result(ctx, param.value)
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
        result = _result(ctx, link.url)
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
        result = _result(ctx, archive.value)
        if result is not None and result.outcome.is_failure:
            yield ctx.finding(
                archive.trimmed_value_span,
                f"archive URL is {result.outcome.value}: {_how_dead(result)}",
                data=_data(result),
            )


@rule(
    code="WC705",
    name="permanent-redirect",
    family=RuleFamily.LINK,
    severity=Severity.INFO,
    fix_availability=FixAvailability.SOMETIMES,
    needs_network=True,
)
def permanent_redirect(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a URL that permanently redirects (301/308) to another working URL.

    Why: the old address works only as long as the site keeps its redirect; citing the new
    one spares readers a hop and survives the next site migration.

    Example:
        {{cite web |url=http://example.org/old |title=T}}

    Use instead:
        {{cite web |url=https://example.org/new |title=T}}

    Fix:
        Replaces the URL with the one the redirects lead to (unsafe: a site may redirect a
        removed page somewhere that no longer supports the citation). The server chose that
        URL, so it is written only when it is an http(s) URL with a host and no credentials,
        with every character that could close the template or link or start markup
        percent-encoded; otherwise there is no fix.
    """
    for citation in article.citations:
        for param in _source_urls(citation):
            finding = _redirect(article, ctx, param.trimmed_value_span, param.value)
            if finding is not None:
                yield finding
    for link in article.external_links:
        if link.origin is LinkOrigin.CITATION:
            continue
        finding = _redirect(article, ctx, link.url_span, link.url)
        if finding is not None:
            yield finding


def _redirect(article: Article, ctx: RuleContext, span: Span, url: str) -> Finding | None:
    result = _result(ctx, url)
    if result is None or result.outcome is not Outcome.REDIRECTED or not result.suggested_url:
        return None
    target = wikitext_url(result.suggested_url)
    if target is None:
        return ctx.finding(
            span,
            "permanently redirects to an address that is not a plain http(s) URL",
            data={"url": result.url, "suggested_url": None},
        )
    fix = Fix(f"Replace with {target}", (Edit(span, target),), Applicability.UNSAFE)
    return ctx.finding(
        span,
        f"permanently redirects to {target}",
        fix,
        data={"url": result.url, "suggested_url": target},
    )


# What may stay unencoded in a URL written into wikitext: RFC 3986's unreserved and reserved
# characters except those MediaWiki reads as markup ([ ] { } | < > ' and space, which are not
# in these sets) and the IPv6 brackets.
_URL_SAFE = frozenset(string.ascii_letters + string.digits + "-._~:/?#@!$&()*+,;=")
_ESCAPE = re.compile(r"%[0-9A-Fa-f]{2}")
# Runs MediaWiki expands even inside a URL: signatures (~~~) and behaviour switches (__TOC__).
_MARKUP_RUNS = re.compile(r"~{3,}|_{2,}")


def wikitext_url(url: str) -> str | None:
    """``url`` as it may be written into wikitext, or None when it is not an http(s) URL with
    a host name (no credentials, no IPv6 literal, no backslash in the authority).

    >>> wikitext_url("https://example.org/x}}[[Category:Spam]]{{Db-g11}}")
    'https://example.org/x%7D%7D%5B%5BCategory:Spam%5D%5D%7B%7BDb-g11%7D%7D'
    >>> wikitext_url("javascript:alert(1)") is None
    True
    """
    try:
        parts = urlsplit(url)
        _ = parts.port
    except ValueError:
        return None
    authority = parts.netloc
    if (
        parts.scheme.lower() not in ("http", "https")
        or not parts.hostname
        or "@" in authority
        or "[" in authority
        or "\\" in authority
        or not authority.isascii()
    ):
        return None
    encoded: list[str] = []
    index = 0
    while index < len(url):
        char = url[index]
        if char == "%" and _ESCAPE.match(url, index):
            encoded.append(url[index : index + 3])
            index += 3
            continue
        if char in _URL_SAFE:
            encoded.append(char)
        else:
            encoded.extend(f"%{byte:02X}" for byte in char.encode("utf-8", "surrogatepass"))
        index += 1
    return _MARKUP_RUNS.sub(
        lambda run: "".join(f"%{ord(char):02X}" for char in run.group()), "".join(encoded)
    )


RULES = (
    dead_link,
    url_status_live_but_dead,
    url_status_dead_but_live,
    dead_archive_url,
    permanent_redirect,
)
