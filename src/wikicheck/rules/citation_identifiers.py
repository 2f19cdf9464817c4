"""WC350–WC361: citation identifiers (|isbn=, |doi=, |pmid=, |arxiv= ...) as CS1 checks them."""

from __future__ import annotations

from collections.abc import Iterator

from ..cs1 import cs1_citations
from ..cs1.citation_dates import value_edit
from ..cs1.identifiers import message
from ..cs1.identifiers_citation import (
    Checked,
    citation_identifiers,
    fixed_doi,
    unprefixed,
    valid_date,
)
from ..cs1.identifiers_data import identifier_data
from ..findings import Applicability, Finding, Fix, RuleFamily, Severity
from ..model import Article, CitationParam
from ._base import FixAvailability, RuleContext, rule

# Problems found in the value of another parameter than the identifier's.
_ELSEWHERE = {"asin_tld": "asin-tld", "class_ignored": "class"}


def _checked(article: Article, ctx: RuleContext) -> list[Checked]:
    """The citation identifiers and their verdicts, computed once per article."""
    return ctx.memo("cs1-identifiers", lambda: citation_identifiers(article, ctx.today))


def _errors(article: Article, ctx: RuleContext, keys: frozenset[str]) -> Iterator[Finding]:
    for item in _checked(article, ctx):
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
    yield from _errors(article, ctx, frozenset({"isbn"}))


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
    yield from _errors(article, ctx, frozenset({"issn"}))


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
    yield from _errors(article, ctx, frozenset({"doi"}))


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
    yield from _errors(article, ctx, frozenset({"pmid"}))


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
    yield from _errors(article, ctx, frozenset({"pmc"}))


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
    yield from _errors(article, ctx, frozenset({"arxiv", "class_ignored"}))


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
    yield from _errors(article, ctx, frozenset({"bibcode"}))


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
    yield from _errors(article, ctx, _OTHERS)


@rule(
    code="WC358",
    name="identifier-above-limit",
    family=RuleFamily.CITATION,
    severity=Severity.WARNING,
)
def identifier_above_limit(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a PMID, PMC, OCLC, OSTI, RFC, SSRN or S2CID above the highest number issued when
    the module's local limits were last written (2025-02-21).

    Why: CS1 shows "Check |pmid= value" for a number above its limit. English Wikipedia
    reads the limits from Commons (Data:CS1/Identifier limits.tab), which is raised as new
    numbers are issued, so a recent number may be fine there: check it at the source.

    Example:
        {{cite journal |title=T |journal=J |pmid=94000000}}

    Use instead:
        {{cite journal |title=T |journal=J |pmid=9400000}}
    """
    data = identifier_data()
    for item in _checked(article, ctx):
        if item.verdict.above_limit:
            limit = data.limits[item.hkey]
            yield ctx.finding(
                item.param.trimmed_value_span,
                f"Check |{item.param.name}= value: above {limit}, the highest "
                f"{item.hkey} the module knew on {data.limits_as_of}",
            )


@rule(code="WC359", name="isbn-before-isbns", family=RuleFamily.CITATION, severity=Severity.INFO)
def isbn_before_isbns(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags an ISBN on a work dated before 1965, when ISBNs did not exist ("ISBN / Date
    incompatibility").

    Why: CS1 files the citation under "CS1 errors: ISBN date" without showing a message:
    the ISBN belongs to a later edition (give that edition's date, or |orig-date= for the
    first), or to another book.

    Example:
        {{cite book |title=T |date=1950 |isbn=978-0-306-40615-7}}

    Use instead:
        {{cite book |title=T |date=1994 |orig-date=1950 |isbn=978-0-306-40615-7}}
    """
    yield from _errors(article, ctx, frozenset({"isbn_date"}))


@rule(
    code="WC360",
    name="identifier-maintenance",
    family=RuleFamily.CITATION,
    severity=Severity.INFO,
    fix_availability=FixAvailability.SOMETIMES,
)
def identifier_maintenance(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags what CS1 files in its hidden identifier maintenance categories.

    "PMC format" (|pmc=PMC123), "MR format", "JFM format", a temporary Zbl or bibcode,
    "missing class" ({{cite arXiv}} with a new-style identifier and no |class=), and the
    ignored-error categories of ``((…))`` on |isbn=, |issn= and |doi=.

    Why: the categories list citations for gnomes and bots to tidy; nothing shows on the
    page.

    Example:
        {{cite journal |title=T |journal=J |pmc=PMC345678}}

    Use instead:
        {{cite journal |title=T |journal=J |pmc=345678}}

    Fix: safe for the PMC, MR and JFM prefixes, which CS1 removes itself.
    """
    names = identifier_data().maintenance
    for item in _checked(article, ctx):
        for maint in item.verdict.maintenance:
            fix = _prefix_fix(article, item) if maint.endswith("_format") else None
            yield ctx.finding(item.param.trimmed_value_span, names[maint], fix)


def _prefix_fix(article: Article, item: Checked) -> Fix | None:
    number = unprefixed(item)
    edit = value_edit(article.source, item.param, number) if number else None
    return Fix(f"Write {number}", (edit,), Applicability.SAFE) if edit else None


_NEEDS = (
    ("asin-tld", "asin", "asintld_missing_asin"),
    ("doi-broken-date", "doi", "doibroken_missing_doi"),
    ("pmc-embargo-date", "pmc", "embargo_missing_pmc"),
)


@rule(
    code="WC361",
    name="identifier-option-without-identifier",
    family=RuleFamily.CITATION,
    severity=Severity.ERROR,
)
def identifier_option_without_identifier(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags |doi-broken-date=, |pmc-embargo-date=, |asin-tld= or an |…-access= parameter on
    a citation without its identifier ("|doi-access= requires |doi=").

    The access parameters are those of |bibcode=, |doi=, |hdl=, |jstor=, |ol=, |osti=,
    |ssrn= and |s2cid=. A |pmc-embargo-date= that is no valid date is WC2xx's: the module
    then drops it without this message.

    Why: CS1 shows a red error; the option describes an identifier that is not there
    (often left behind when the identifier was removed, or misspelt).

    Example:
        {{cite journal |title=T |journal=J |doi-access=free}}

    Use instead:
        {{cite journal |title=T |journal=J |doi=10.1000/xyz123 |doi-access=free}}
    """
    data = identifier_data()
    for citation in cs1_citations(article):
        found: list[tuple[CitationParam, str]] = []
        for option, identifier, key in _NEEDS:
            param = citation.filled(option)
            if param and not citation.filled(identifier):
                if option == "pmc-embargo-date" and not valid_date(citation, param, ctx.today):
                    continue
                found.append((param, data.messages[key].replace("$1", param.raw_name)))
        for identifier in data.access_params:
            param = citation.filled(f"{identifier}-access")
            if param and not citation.filled(identifier):
                text = data.messages["param_access_requires_param"].replace("$1", identifier)
                found.append((param, text))
        for param, text in sorted(found, key=lambda pair: pair[0].span.start):
            yield ctx.finding(param.trimmed_span, text)


RULES = (
    invalid_isbn, invalid_issn, invalid_doi, invalid_pmid, invalid_pmc, invalid_arxiv,
    invalid_bibcode, invalid_identifier, identifier_above_limit, isbn_before_isbns,
    identifier_maintenance, identifier_option_without_identifier,
)  # fmt: skip
