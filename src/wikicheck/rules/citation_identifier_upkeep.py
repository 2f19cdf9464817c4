"""WC358–WC362: citation identifiers beyond their own form.

Numbers above the module's known limits, ISBNs on works older than ISBNs, CS1's hidden
identifier maintenance categories, identifier options (|doi-access= ...) left without
their identifier, and preprint templates without theirs. The form checks (WC350–WC357) are in ``citation_identifiers``.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..cs1 import cs1_citations
from ..cs1.citation_dates import value_edit
from ..cs1.identifiers_citation import Checked, unprefixed, valid_date
from ..cs1.identifiers_data import identifier_data
from ..cs1.rendering import citation_class
from ..findings import Applicability, Finding, Fix, RuleFamily, Severity
from ..model import Article, CitationParam
from ._base import FixAvailability, RuleContext, rule
from .citation_identifiers import checked_identifiers, identifier_errors


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
    for item in checked_identifiers(article, ctx):
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
    yield from identifier_errors(article, ctx, frozenset({"isbn_date"}))


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
    for item in checked_identifiers(article, ctx):
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


@rule(
    code="WC362",
    name="missing-preprint-identifier",
    family=RuleFamily.CITATION,
    severity=Severity.ERROR,
)
def missing_preprint_identifier(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a preprint template without its identifier ("|arxiv= required").

    {{cite arXiv}} needs |arxiv= (or |eprint=), {{cite bioRxiv}} |biorxiv=,
    {{cite CiteSeerX}} |citeseerx=, {{cite medRxiv}} |medrxiv= and {{cite SSRN}} |ssrn=.

    Why: CS1 shows a red error: these templates cite a preprint by its identifier, which
    is what links the title; without it the citation cannot be followed.

    Example:
        {{cite arXiv |title=T |last=Smith |date=2020}}

    Use instead:
        {{cite arXiv |title=T |last=Smith |date=2020 |eprint=2001.01234}}

    Cite the published version with {{cite journal}} if there is no preprint.
    """
    data = identifier_data()
    for citation in cs1_citations(article):
        names = data.preprint.get(citation_class(citation) or "")
        if names and not any(citation.filled(name) for name in names):
            text = data.messages["preprint_missing"].replace("$1", names[0])
            empty = next(filter(None, (citation.get(name) for name in names)), None)
            yield ctx.finding(empty.trimmed_span if empty else citation.span, text)


RULES = (
    identifier_above_limit, isbn_before_isbns, identifier_maintenance,
    identifier_option_without_identifier, missing_preprint_identifier,
)  # fmt: skip
