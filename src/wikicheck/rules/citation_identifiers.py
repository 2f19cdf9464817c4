"""WC350–WC357: citation identifiers (|isbn=, |doi=, |pmid=, |arxiv= ...) whose form CS1 rejects.

Limits, dates, maintenance categories and identifier options are in ``citation_identifier_upkeep``,
which shares this module's verdicts (``checked_identifiers``, ``identifier_errors``).
"""

from __future__ import annotations

from collections.abc import Iterator

from ..cs1.citation_dates import value_edit
from ..cs1.identifiers import message
from ..cs1.identifiers_citation import (
    Checked,
    citation_identifiers,
    fixed_doi,
)
from ..findings import Applicability, Finding, Fix, RuleFamily, Severity
from ..model import Article, CitationParam
from ._base import FixAvailability, RuleContext, rule

# Problems found in the value of another parameter than the identifier's.
_ELSEWHERE = {"asin_tld": "asin-tld", "class_ignored": "class"}


def checked_identifiers(article: Article, ctx: RuleContext) -> list[Checked]:
    """The citation identifiers and their verdicts, computed once per article."""
    return ctx.memo("cs1-identifiers", lambda: citation_identifiers(article, ctx.today))


def identifier_errors(
    article: Article, ctx: RuleContext, keys: frozenset[str]
) -> Iterator[Finding]:
    """Findings for the identifier errors whose keys are given, with the DOI fix."""
    for item in checked_identifiers(article, ctx):
        for problem in item.verdict.errors:
            if problem.key in keys:
                fix = _doi_fix(article, item.param) if problem.key == "doi" else None
                other = _ELSEWHERE.get(problem.key)
                param = item.citation.filled(other) if other else item.param
                yield ctx.finding((param or item.param).trimmed_value_span, message(problem), fix)


def _doi_fix(article: Article, param: CitationParam) -> Fix | None:
    fixed = fixed_doi(param.value)
    edit = value_edit(article.source, param, fixed) if fixed else None
    return Fix(f"Write the DOI as {fixed}", (edit,), Applicability.SAFE) if edit else None


@rule(code="WC350", name="invalid-isbn", family=RuleFamily.CITATION, severity=Severity.ERROR)
def invalid_isbn(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags an ISBN that CS1 rejects ("Check |isbn= value: checksum").

    The details are the module's: "invalid character" (anything but digits, spaces, hyphens
    and a capital X), "length" (not 10 or 13 digits), "invalid form" (an X before the end),
    "checksum", "invalid prefix" (an ISBN-13 not starting 978 or 979) and "invalid group
    id" (979-0, which is an ISMN, and 630/631, which are Amazon numbers). ``((…))`` around
    the value tells CS1 to accept it as written. An ISBN on a work dated before 1965 is not
    checked here (see WC359), as CS1 does not check it either.

    Why: CS1 shows a red error; a wrong ISBN sends readers to the wrong book or to none.

    Example:
        {{cite book |title=T |date=2001 |isbn=978-0-306-40615-6}}

    Use instead:
        {{cite book |title=T |date=2001 |isbn=978-0-306-40615-7}}
    """
    yield from identifier_errors(article, ctx, frozenset({"isbn"}))


@rule(code="WC351", name="invalid-issn", family=RuleFamily.CITATION, severity=Severity.ERROR)
def invalid_issn(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags an ISSN or eISSN that CS1 rejects ("Check |issn= value").

    Eight digits (the last may be X) once spaces and hyphens are removed, with the ISSN
    check digit; ``((…))`` accepts a value as written.

    Why: CS1 shows a red error; the journal cannot be looked up.

    Example:
        {{cite journal |title=T |journal=J |issn=0317-8472}}

    Use instead:
        {{cite journal |title=T |journal=J |issn=0317-8471}}
    """
    yield from identifier_errors(article, ctx, frozenset({"issn"}))


@rule(
    code="WC352",
    name="invalid-doi",
    family=RuleFamily.CITATION,
    severity=Severity.ERROR,
    fix_availability=FixAvailability.SOMETIMES,
)
def invalid_doi(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a DOI that CS1 rejects ("Check |doi= value").

    A DOI starts "10.", then a registrant code in the ranges the module accepts (four
    digits 1000–9999, five digits 10000–89999, or those with a subcode, not the test
    registrant 5555), a "/", and a suffix without spaces or en dashes that does not end in
    "." or ",". ``((…))`` accepts a value as written.

    Why: CS1 shows a red error and does not link the DOI.

    Example:
        {{cite journal |title=T |journal=J |doi=https://doi.org/10.1000/xyz123}}

    Use instead:
        {{cite journal |title=T |journal=J |doi=10.1000/xyz123}}

    Fix: safe when removing a resolver prefix ("https://doi.org/", "doi:") or a final "."
    or "," leaves a DOI the module accepts.
    """
    yield from identifier_errors(article, ctx, frozenset({"doi"}))


@rule(code="WC353", name="invalid-pmid", family=RuleFamily.CITATION, severity=Severity.ERROR)
def invalid_pmid(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a PMID that is not a positive number ("Check |pmid= value").

    A number above the highest PMID the module knows is WC358's.

    Why: CS1 shows a red error; the PubMed link leads nowhere.

    Example:
        {{cite journal |title=T |journal=J |pmid=PMID 1234567}}

    Use instead:
        {{cite journal |title=T |journal=J |pmid=1234567}}
    """
    yield from identifier_errors(article, ctx, frozenset({"pmid"}))


@rule(code="WC354", name="invalid-pmc", family=RuleFamily.CITATION, severity=Severity.ERROR)
def invalid_pmc(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a PMC identifier that is not a positive number ("Check |pmc= value").

    A "PMC" prefix is allowed (CS1 tracks it as maintenance, WC360); a number above the
    highest PMC the module knows is WC358's.

    Why: CS1 shows a red error and does not link the free full text.

    Example:
        {{cite journal |title=T |journal=J |pmc=PMC 345678}}

    Use instead:
        {{cite journal |title=T |journal=J |pmc=345678}}
    """
    yield from identifier_errors(article, ctx, frozenset({"pmc"}))


@rule(code="WC355", name="invalid-arxiv", family=RuleFamily.CITATION, severity=Severity.ERROR)
def invalid_arxiv(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags an arXiv identifier CS1 rejects ("Check |arxiv= value"), and |class= beside an
    old-style identifier ("|class= ignored").

    The three forms and their dates: archive/yymmnnn from July 1991 to March 2007;
    yymm.nnnn from April 2007 to December 2014; yymm.nnnnn from January 2015; each with an
    optional version (v2).

    Why: CS1 shows a red error; the preprint cannot be found.

    Example:
        {{cite arXiv |title=T |eprint=1501.1234 |class=cs.LG}}

    Use instead:
        {{cite arXiv |title=T |eprint=1501.12345 |class=cs.LG}}
    """
    yield from identifier_errors(article, ctx, frozenset({"arxiv", "class_ignored"}))


@rule(code="WC356", name="invalid-bibcode", family=RuleFamily.CITATION, severity=Severity.ERROR)
def invalid_bibcode(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a bibcode CS1 rejects ("Check |bibcode= length", "value", "year", "journal").

    19 characters: a year from 1000 to next year, a letter, then letters, digits, "&" and
    "." as the module allows, ending in a letter or "."; "&." marks a journal missing a
    letter. ``((…))`` accepts a value as written.

    Why: CS1 shows a red error; the ADS link leads nowhere.

    Example:
        {{cite journal |title=T |journal=J |bibcode=1974AJ.....79..819}}

    Use instead:
        {{cite journal |title=T |journal=J |bibcode=1974AJ.....79..819H}}
    """
    yield from identifier_errors(article, ctx, frozenset({"bibcode"}))


_OTHERS = frozenset(
    {
        "asin", "asin_tld", "biorxiv", "citeseerx", "hdl", "ismn", "jfm", "jstor", "lccn",
        "medrxiv", "mr", "oclc", "ol", "osti", "rfc", "s2cid", "sbn", "ssrn", "usenetid", "zbl",
    }
)  # fmt: skip


@rule(code="WC357", name="invalid-identifier", family=RuleFamily.CITATION, severity=Severity.ERROR)
def invalid_identifier(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags any other identifier CS1 rejects: OCLC, LCCN, JSTOR, S2CID, SSRN, OSTI, OL, Zbl,
    MR, HDL, RFC, ASIN, ISMN, SBN, JFM, bioRxiv, medRxiv, CiteSeerX, message-id.

    Each as the module checks it ("Check |oclc= value", "Check |sbn= value: checksum"):
    the form (OL123M, 12.3456.78, yymm dates of bioRxiv ...), the check digits (ISMN, SBN),
    the lower bounds (OSTI from 1018, SSRN from 100), |asin-tld= values.

    Why: CS1 shows a red error; the identifier links nowhere.

    Example:
        {{cite book |title=T |date=2001 |ol=123456}}

    Use instead:
        {{cite book |title=T |date=2001 |ol=123456M}}
    """
    yield from identifier_errors(article, ctx, _OTHERS)


RULES = (
    invalid_isbn, invalid_issn, invalid_doi, invalid_pmid, invalid_pmc, invalid_arxiv,
    invalid_bibcode, invalid_identifier,
)  # fmt: skip
