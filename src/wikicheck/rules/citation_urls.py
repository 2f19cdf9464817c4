"""WC319–WC321: URL values in citations: malformed URLs, a missing |url=, links in name parameters."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..cs1 import cs1_citations
from ..cs1.checks import check_data
from ..cs1.params import parameter_table
from ..findings import Finding, RuleFamily, Severity
from ..model import Article
from ._base import RuleContext, rule

_URL_VALUE = re.compile(
    r"^(?:https?|ftp|ftps|gopher|irc|ircs|mms|news|nntp|sftp|ssh|svn|telnet|worldwind|git|mailto):|^//",
    re.IGNORECASE,
)
_EXTERNAL_LINK = re.compile(
    r"\[(?:[a-z][a-z0-9+.-]*:)?//[^\s\]]+|(?:^|\s)(?:https?|ftp)://\S|^//\S", re.IGNORECASE
)


@rule(code="WC319", name="bad-citation-url", family=RuleFamily.CITATION, severity=Severity.ERROR)
def bad_citation_url(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a URL parameter that is not a usable URL ("Check |url= value").

    A URL with a space in it, without a scheme (http://, https:// ...) or a host, or an
    archive-url that is the same as the url.

    Why: CS1 shows a red error and the link does not work.

    Example:
        {{cite web |url=www.example.org/a |title=T}}

    Use instead:
        {{cite web |url=https://www.example.org/a |title=T}}
    """
    urls = parameter_table().url_params
    for citation in cs1_citations(article):
        original = citation.filled("url")
        for param in citation.params:
            if param.name not in urls or not param.value or "{{" in param.value:
                continue  # a template builds the URL: only its expansion could be judged
            value = param.value
            problem = None
            if any(char.isspace() for char in value):
                problem = "contains a space"
            elif not _URL_VALUE.match(value):
                problem = "does not start with a scheme such as https://"
            elif param.name == "archive-url" and original and value == original.value:
                problem = "is the same as |url="
            elif not re.match(
                r"^(?:[a-z][a-z0-9+.-]*:)?//[^/?#\s]*[A-Za-z0-9]", value, re.IGNORECASE
            ) and not value.lower().startswith(("mailto:", "news:")):
                problem = "has no host name"
            if problem:
                yield ctx.finding(
                    param.trimmed_value_span,
                    f"Check |{param.raw_name}= value: the URL {problem}",
                )


@rule(code="WC320", name="missing-url", family=RuleFamily.CITATION, severity=Severity.ERROR)
def missing_url(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a {{cite web}} (or podcast, mailing list) with no |url= ("Missing or empty |url=").

    Why: CS1 shows a red error: these templates cite online sources, which need a link. Use
    {{cite news}}, {{cite book}} ... for sources read offline.

    Example:
        {{cite web |title=T |website=Example}}

    Use instead:
        {{cite web |url=https://example.org/a |title=T |website=Example}}
    """
    needs_url = check_data().requires_url
    for citation in cs1_citations(article):
        web_citation = citation.cs1 == "Citation" and citation.filled("website")
        # An |archive-url= does not stand in for |url=: the module shows this error and
        # "|archive-url= requires |url=" (WC314) both.
        if (citation.cs1 in needs_url or web_citation) and not citation.filled("url"):
            yield ctx.finding(citation.span, f"{{{{{citation.template}}}}}: Missing or empty |url=")


@rule(
    code="WC321",
    name="external-link-in-parameter",
    family=RuleFamily.CITATION,
    severity=Severity.ERROR,
)
def external_link_in_parameter(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a URL in a parameter that holds a name or title ("External link in |website=").

    |website=, |work=, |publisher=, |title= and the like are names; URLs belong in |url=.
    A domain name without a scheme ("www.example.org") is not a link and is not flagged.

    Why: CS1 shows a red error; the link breaks the citation's formatting and metadata.

    Example:
        {{cite web |url=https://example.org/a |title=T |website=https://example.org}}

    Use instead:
        {{cite web |url=https://example.org/a |title=T |website=Example.org}}
    """
    exempt = check_data().external_link_exempt
    for citation in cs1_citations(article):
        for param in citation.params:
            if param.name in exempt or not param.known or not param.value or "{{" in param.value:
                continue
            if _EXTERNAL_LINK.search(param.value):
                yield ctx.finding(
                    param.trimmed_value_span,
                    f"External link in |{param.raw_name}=",
                )


RULES = (bad_citation_url, missing_url, external_link_in_parameter)
