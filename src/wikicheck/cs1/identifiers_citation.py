"""The identifiers of a citation as CS1 receives them, with their verdicts; the corrections
wikicheck can be certain of."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..model import Article, Citation, CitationParam
from . import cs1_citations
from .citation_dates import citation_dates
from .dates import DateKind
from .identifiers import PARAMETERS, check_identifier, doi_problem
from .identifiers_data import IdContext, Verdict, identifier_data

# A template or an extension tag in the value becomes, for the module, text not seen here.
_UNSEEN = re.compile(r"\{\{|<(?:nowiki|ref|math|pre|syntaxhighlight|source|chem|ce)\b", re.I)


@dataclass(frozen=True, slots=True)
class Checked:
    citation: Citation
    param: CitationParam
    hkey: str
    verdict: Verdict
    context: IdContext


def anchor_year(citation: Citation, today: dt.date) -> str | None:
    """The module's anchor_year: the value of a valid |date= (or |year= promoted to it),
    else of a valid |year= beside a date."""
    dates = citation_dates(citation, today)
    for kind in (DateKind.DATE, DateKind.YEAR):
        for checked in dates:
            if checked.kind is kind and checked.date is not None:
                return checked.param.value
    return None


def citation_identifiers(article: Article, today: dt.date) -> list[Checked]:
    """Every identifier of every CS1 citation with its verdict."""
    found: list[Checked] = []
    for citation in cs1_citations(article):
        context: IdContext | None = None
        for param in citation.params:
            hkey = PARAMETERS.get(param.name)
            if hkey is None or not param.value or _UNSEEN.search(param.value):
                continue
            if citation.filled(param.name) is not param:
                continue  # MediaWiki keeps the last of repeated parameters
            if context is None:
                isbn = citation.filled("isbn")
                context = IdContext(
                    today=today,
                    anchor_year=anchor_year(citation, today) if isbn else None,
                    arxiv_class=citation.value("class"),
                    cite_arxiv=citation.cs1 == "Cite arXiv",
                    asin_tld=citation.value("asin-tld"),
                )
            verdict = check_identifier(hkey, param.value, context)
            found.append(Checked(citation, param, hkey, verdict, context))
    return found


def fixed_doi(value: str) -> str | None:
    """The DOI without a resolver prefix or a final "." / ",", when the module accepts
    what is left; None when no such correction is certain."""
    fixed = value
    for prefix in identifier_data().doi_url_prefixes:
        if fixed.lower().startswith(prefix.lower()):
            fixed = fixed[len(prefix) :]
            break
    fixed = fixed.rstrip(".,")
    # A query, a fragment or percent-encoding in a resolver URL is not the DOI as written.
    if fixed == value or any(char in fixed for char in "?#%") or doi_problem(fixed):
        return None
    return fixed


def unprefixed(item: Checked) -> str | None:
    """|pmc=PMC123, |mr=MR123, |jfm=JFM12.3456.78 without the prefix CS1 removes itself,
    when the module accepts the number as it is."""
    number = item.param.value[len(item.hkey) :]
    return number if check_identifier(item.hkey, number, item.context) == Verdict() else None


def valid_date(citation: Citation, param: CitationParam, today: dt.date) -> bool:
    return any(
        checked.param is param and checked.date is not None
        for checked in citation_dates(citation, today)
    )
