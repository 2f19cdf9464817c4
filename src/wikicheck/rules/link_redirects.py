"""WC705: a URL that permanently redirects, and how to write its new address into wikitext.

Like the other link rules (``link_status``) it never fetches: it reads the link check's results.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator
from urllib.parse import urlsplit

from ..findings import Applicability, Edit, Finding, Fix, RuleFamily, Severity
from ..linkcheck.results import Outcome
from ..model import Article, LinkOrigin, Span
from ._base import FixAvailability, RuleContext, rule
from .link_status import link_result, source_urls


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
        for param in source_urls(citation):
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
    result = link_result(ctx, url)
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


RULES = (permanent_redirect,)
