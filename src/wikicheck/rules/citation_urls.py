"""WC319–WC322: URL values in citations: malformed URLs, a missing |url=, links in name
parameters, and wikilinks where a |…-link= parameter links the text."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..cs1 import cs1_citations
from ..cs1.checks import check_data, name_params
from ..cs1.params import parameter_table
from ..cs1.rendering import citation_class
from ..findings import Finding, RuleFamily, Severity
from ..model import Article, Citation, CitationParam
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


# What the module's link_param_ok() refuses in a |…-link= value (a page title, not a link).
_BAD_LINK_CHARS = re.compile(r"[<>\[\]|{}]")
# Values whose check needs what is not restated here (a URL's validity, the interwiki
# prefixes of the module's inter_wiki_map): left to the module.
_UNCHECKED_LINK = re.compile(r"://|^//|:[a-z]+:|^[A-Za-z]+:")
_TITLE_LINKS = ("title-link", "episode-link", "episodelink")
_SERIES_LINKS = ("series-link", "serieslink")
_NAME_LINK = {
    "authors": "author-link", "editors": "editor-link", "translators": "translator-link",
    "interviewers": "interviewer-link",
}  # fmt: skip


@rule(code="WC322", name="bad-link-parameter", family=RuleFamily.CITATION, severity=Severity.ERROR)
def bad_link_parameter(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags markup in a |…-link= parameter, or a wikilink in the text it links ("Check |title= value").

    |title-link=, |series-link= ({{cite episode}}, {{cite serial}}) and |author-link=,
    |editor-link= ... name the Wikipedia article that the title, series or name links to:
    they hold a page title, without [[ ]], < >, { } or "|". Beside one, the |title=,
    |series= or |last= it links may not hold a [[wikilink]] of its own.

    Why: CS1 shows a red error and drops the link.

    Example:
        {{cite book |title=[[Moby-Dick]] |title-link=Moby-Dick}}

    Use instead:
        {{cite book |title=Moby-Dick |title-link=Moby-Dick}}
    """
    for citation in cs1_citations(article):
        checks: list[tuple[CitationParam | None, CitationParam | None]] = [
            (_first_of(citation, _TITLE_LINKS), citation.filled("title"))
        ]
        if citation_class(citation) in ("episode", "serial"):
            series = _first_of(citation, ("series", "version"))
            checks.append((_first_of(citation, _SERIES_LINKS), series))
        checks.extend(_name_links(citation))
        for link, text in checks:
            bad = _bad_link(link, text)
            if bad is not None:
                yield ctx.finding(bad.trimmed_span, f"Check |{bad.raw_name}= value")


def _first_of(citation: Citation, names: tuple[str, ...]) -> CitationParam | None:
    return next((p for p in citation.params if p.raw_name in names and p.value), None)


def _bad_link(link: CitationParam | None, text: CitationParam | None) -> CitationParam | None:
    # The module's link_title_ok(), for the cases restated here.
    if link is None or not link.known:
        return None
    value = link.value
    if value.startswith("((") and value.endswith("))"):
        value = value[2:-2]  # accepted as written: the module checks what is inside
    elif link.raw_name in _TITLE_LINKS and value in ("none", "pmc", "doi"):
        return None  # keywords that choose the title's link
    if _BAD_LINK_CHARS.search(value):
        return link
    if _UNCHECKED_LINK.search(value) or text is None or _UNCHECKED_LINK.search(text.value):
        return None
    return text if "[[" in text.value else None


def _name_links(citation: Citation) -> Iterator[tuple[CitationParam | None, CitationParam]]:
    # Each name the module reads (it stops at two missing numbers in a row) with its link.
    by_list: dict[str, dict[int, CitationParam | None]] = {}
    for name in name_params(citation):
        if name.name_list in _NAME_LINK:
            names = by_list.setdefault(name.name_list, {})
            if not name.first_name:
                names[name.number] = name.param
            else:
                names.setdefault(name.number, None)
    for name_list, names in by_list.items():
        missing, number = 0, 0
        while missing < 2:
            number += 1
            if number not in names:
                missing += 1
                continue
            missing = 0
            last = names[number]
            if last is None:
                continue  # a first name alone (WC306's)
            base = _NAME_LINK[name_list]
            wanted = (f"{base}{number}", base) if number == 1 else (f"{base}{number}",)
            link = next((p for p in citation.params if p.name in wanted and p.value), None)
            yield link, last


RULES = (bad_citation_url, missing_url, external_link_in_parameter, bad_link_parameter)
