"""WC334–WC340: known citation parameters used wrongly.

The same thing given twice (aliases, CS1's groups, a repeated name), text outside any
parameter, a value that swallows the next parameter for want of a "|", keyword values CS1
does not accept, and parameters the template ignores (a periodical in {{cite book}},
|agency= outside news).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..cs1 import cs1_citations
from ..cs1.checks import CheckData, check_data
from ..cs1.params import enum_name, whitelist
from ..cs1.rendering import citation_class, ignores_chapter, rendering
from ..findings import Finding, RuleFamily, Severity
from ..model import Article, Citation, CitationParam
from ._base import FixAvailability, RuleContext, rule
from ._duplicates import Occurrence, duplicates
from ._shared import named_params

# The enumerator 1 of a name-list parameter (|last1=, |author-link1=): the module reads |last=
# and |last1= alike for the first name.
_FIRST_OF_LIST = re.compile(r"(?<=\D)1\Z")
# The module's capture: a name after whitespace, else one at the start of the value.
_MISSING_PIPE_AFTER_SPACE = re.compile(r"\s+([A-Za-z][A-Za-z0-9-]+)\s*=")
_MISSING_PIPE_AT_START = re.compile(r"^([A-Za-z][A-Za-z0-9-]+)\s*=")


@rule(
    code="WC334", name="redundant-parameters", family=RuleFamily.CITATION, severity=Severity.ERROR
)
def redundant_parameters(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags two parameters that mean the same thing ("More than one of |work= and |website=").

    Aliases (|access-date= and |accessdate=), the first of a name list with and without its
    number (|last= and |author1=, as the module reads either for the first name), CS1's
    groups (|work=, |website=, |newspaper= ...; |publisher= and |institution=; |chapter= and
    |section= ...; |page=, |pages= and |at=), and an author list given two ways (|vauthors=,
    |people= or |last1= / |first1= ...; editors alike: "More than one of author-name-list
    parameters specified").

    Why: CS1 shows a red error and uses only one of them.

    Example:
        {{cite web |url=https://example.org/a |title=T |access-date=2024-01-01 |accessdate=2024-01-02}}

    Use instead:
        {{cite web |url=https://example.org/a |title=T |access-date=2024-01-01}}
    """
    groups = check_data().redundant_groups
    group_of = {name: group for group, names in groups.items() for name in names}
    for citation in cs1_citations(article):
        seen: dict[str, CitationParam] = {}
        for param in named_params(citation):
            # A parameter the template does not accept is not read (WC331's), so never twice.
            if not param.value or not param.known:
                continue
            name = param.name
            if enum_name(name) != name:
                name = _FIRST_OF_LIST.sub("", name)
            key = group_of.get(name, name)
            first = seen.get(key)
            if first is not None and first.raw_name != param.raw_name:
                yield ctx.finding(
                    param.trimmed_span,
                    f"More than one of |{first.raw_name}= and |{param.raw_name}= specified",
                )
            seen.setdefault(key, param)
        yield from _name_list_given_twice(citation, ctx)


def _name_list_given_twice(citation: Citation, ctx: RuleContext) -> Iterator[Finding]:
    # |vauthors=, |people= and |last1= each give the whole author list: the module uses one.
    for list_name, (vancouver, plain, last_first) in check_data().name_list_sources.items():
        ways: dict[str, CitationParam] = {}
        for param in named_params(citation):
            if not param.value or not param.known:
                continue
            name = param.raw_name
            way = "v" if name == vancouver else "p" if name in plain else None
            if way is None and name in last_first:
                way = "l"
            if way is not None:
                ways.setdefault(way, param)
        if len(ways) > 1:
            first, second = sorted(ways.values(), key=lambda param: param.span.start)[:2]
            yield ctx.finding(
                second.trimmed_span,
                f"More than one of {list_name}-name-list parameters specified"
                f" (|{first.raw_name}= and |{second.raw_name}=)",
            )


@rule(
    code="WC335",
    name="duplicate-citation-parameter",
    family=RuleFamily.CITATION,
    severity=Severity.WARNING,
    fix_availability=FixAvailability.SOMETIMES,
)
def duplicate_citation_parameter(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a citation parameter given twice under the same name.

    Why: MediaWiki keeps only the last value and files the page in "Pages using duplicate
    arguments in template calls"; the first value is silently lost.

    Example:
        {{cite web |url=https://example.org/a |title=T |title=T2}}

    Use instead:
        {{cite web |url=https://example.org/a |title=T2}}

    Fix: safe when the dropped copy is empty or identical to the one used.
    """
    for citation in cs1_citations(article):
        named = list(named_params(citation))
        if len({param.raw_name for param in named}) == len(named):
            continue  # no name twice, as in nearly every citation: no Occurrence to build
        occurrences = [
            Occurrence(param.raw_name, param.value, param.span, param.trimmed_span)
            for param in named
        ]
        for duplicate in duplicates(article, occurrences):
            yield ctx.finding(
                duplicate.dropped.name_span,
                f"|{duplicate.dropped.name}= is given more than once; only the last is used",
                duplicate.fix,
            )


@rule(code="WC336", name="text-ignored", family=RuleFamily.CITATION, severity=Severity.ERROR)
def text_ignored(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags text in a citation that is not in any parameter ('Text "x" ignored').

    Why: CS1 shows a red error and drops the text; usually a missing "=" or a stray "|".

    Example:
        {{cite web |url=https://example.org/a |title=T |Example Press}}

    Use instead:
        {{cite web |url=https://example.org/a |title=T |publisher=Example Press}}
    """
    for citation in cs1_citations(article):
        for param in citation.params:
            if param.raw_name.isdigit() and param.value.strip():
                yield ctx.finding(param.trimmed_span, f'Text "{param.value.strip()}" ignored')


@rule(code="WC337", name="missing-pipe", family=RuleFamily.CITATION, severity=Severity.ERROR)
def missing_pipe(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a value that swallows the next parameter for want of a "|" ("Missing pipe in: |p=").

    Why: CS1 shows a red error; "|title=T date=2020" makes the date part of the title.

    Example:
        {{cite web |url=https://example.org/a |title=T access-date=2024-01-01}}

    Use instead:
        {{cite web |url=https://example.org/a |title=T |access-date=2024-01-01}}
    """
    accepted = whitelist()
    exempt = check_data().external_link_exempt
    for citation in cs1_citations(article):
        for param in named_params(citation):
            if param.name in exempt or param.name in ("quote", "trans-quote", "script-quote"):
                continue
            if "=" not in param.value:
                continue
            value = re.sub(r"<[^>]*>", "", param.value)
            # As the module: only the first candidate counts, and it is checked against the
            # names every template shares, whatever this template's own list.
            match = _MISSING_PIPE_AFTER_SPACE.search(value) or _MISSING_PIPE_AT_START.search(value)
            if match and accepted.accepts(match.group(1), None):
                yield ctx.finding(
                    param.trimmed_value_span,
                    f"Missing pipe in: |{param.raw_name}= (before {match.group(1)}=)",
                )


@rule(
    code="WC338",
    name="invalid-parameter-value",
    family=RuleFamily.CITATION,
    severity=Severity.ERROR,
)
def invalid_parameter_value(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a keyword parameter with a value CS1 does not accept ("Invalid |url-status=alive").

    |url-status=, |url-access=, |df=, |mode=, |name-list-style=, |no-pp=, the |*-access=
    parameters, |display-authors= (and |display-editors= ...) other than a number or
    "etal", and |ref=harv, which is no longer supported.

    Why: CS1 shows a red error and ignores the value.

    Example:
        {{cite web |url=https://example.org/a |title=T |archive-url=https://web.archive.org/web/20200101000000/https://example.org/a |archive-date=2020-01-01 |url-status=alive}}

    Use instead:
        {{cite web |url=https://example.org/a |title=T |archive-url=https://web.archive.org/web/20200101000000/https://example.org/a |archive-date=2020-01-01 |url-status=live}}
    """
    data = check_data()
    for citation in cs1_citations(article):
        for param in named_params(citation):
            allowed = data.keywords.get(param.name)
            invalid = allowed is not None and param.value and param.value not in allowed
            if param.name == "ref" and param.value.lower() == "harv":
                invalid = True
            hint = f" (accepted: {', '.join(allowed)})" if allowed else ""
            if param.name in data.display_names and param.known and param.value:
                invalid = not _display_names_ok(param.value, data)
                hint = " (accepted: a number or etal)"
            if invalid:
                yield ctx.finding(
                    param.trimmed_value_span,
                    f"Invalid |{param.raw_name}={param.value}{hint}",
                )


def _display_names_ok(value: str, data: CheckData) -> bool:
    # The module's test; a number not below the count of names is its error too (not checked).
    dropped = value.lower().translate(str.maketrans("", "", data.display_etal_ignored))
    return dropped == data.display_etal or re.fullmatch(r"[0-9]+", value) is not None


@rule(code="WC339", name="periodical-ignored", family=RuleFamily.CITATION, severity=Severity.ERROR)
def periodical_ignored(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a periodical in a template that does not show one ("|work= ignored").

    {{cite book}} and {{cite encyclopedia}} drop |work=, |website=, |journal= ... (and
    their |trans-= and |script-= forms); {{citation}} drops the periodical beside an
    |encyclopedia=. The module reports the first it finds.

    Why: CS1 shows a red error and the name is not shown: a book is not part of a periodical.

    Example:
        {{cite book |title=T |work=Collected papers}}

    Use instead:
        {{cite book |title=T |series=Collected papers}}

    Use |encyclopedia= for the encyclopedia in {{cite encyclopedia}}, or {{cite journal}},
    {{cite news}}, {{cite web}} for a part of a periodical.
    """
    data = rendering()
    for citation in cs1_citations(article):
        cls = citation_class(citation)
        ignored = None
        if cls in data.classes["periodical_ignored"]:
            metas = ("periodical", "trans_periodical", "script_periodical")
            ignored = next(filter(None, (data.first(citation, meta) for meta in metas)), None)
        elif cls == "citation" and data.first(citation, "encyclopedia") is not None:
            ignored = data.first(citation, "periodical")
        if ignored is not None:
            yield ctx.finding(ignored.trimmed_span, f"|{ignored.raw_name}= ignored")


@rule(code="WC340", name="parameter-ignored", family=RuleFamily.CITATION, severity=Severity.ERROR)
def parameter_ignored(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a known parameter this template ignores ("Unknown parameter |agency= ignored").

    As the module: |agency= outside {{cite news}}, {{cite magazine}}, {{cite web}},
    {{cite press release}} (and {{citation}} with |newspaper=, |magazine= or |work=);
    |encyclopedia= outside {{cite encyclopedia}} and {{citation}}; |publisher= in
    {{cite newsgroup}}; a chapter (|chapter=, |trans-chapter=, |chapter-url= ... the first
    the module finds) in {{cite web}}, {{cite news}}, {{cite journal}} and the other
    periodical templates, and in {{citation}} beside a periodical but no encyclopedia
    ("|chapter= ignored"). Names no template knows are WC331's.

    Why: CS1 shows a red error and drops the value.

    Example:
        {{cite book |title=T |agency=Associated Press}}

    Use instead:
        {{cite book |title=T |publisher=Associated Press}}
    """
    for citation in cs1_citations(article):
        cls = citation_class(citation)
        if cls is None:
            continue
        for param in _ignored_params(citation, cls):
            if param.known:
                yield ctx.finding(
                    param.trimmed_span, f"Unknown parameter |{param.raw_name}= ignored"
                )
        chapter = _ignored_chapter(citation)
        if chapter is not None:
            yield ctx.finding(chapter.trimmed_span, f"|{chapter.raw_name}= ignored")


# The module's order of the chapter meta-parameters when it names the ignored one.
_CHAPTER_METAS = ("chapter", "trans_chapter", "chapter_url", "script_chapter", "chapter_format")


def _ignored_chapter(citation: Citation) -> CitationParam | None:
    if not ignores_chapter(citation):
        return None
    data = rendering()
    for meta in _CHAPTER_METAS:
        for name in data.meta[meta]:
            param = citation.filled(name)
            if param is not None and param.known:  # an unknown one is never read
                return param
    return None


def _ignored_params(citation: Citation, cls: str) -> Iterator[CitationParam]:
    data = rendering()
    encyclopedia = data.first(citation, "encyclopedia")
    agency = citation.filled("agency")
    if agency is not None and cls not in data.classes["agency"]:
        periodical = data.first(citation, "periodical")
        shown = (
            cls == "citation"
            and encyclopedia is None
            and periodical is not None
            and periodical.name in data.classes["citation_agency"]
        )
        if not shown:
            yield agency
    if cls not in data.classes["encyclopedia"]:
        either = encyclopedia or data.first(citation, "script_encyclopedia")
        if either is not None:
            yield either
    publisher = data.first(citation, "publisher")
    if cls in data.classes["publisher_ignored"] and publisher and publisher.value != "none":
        yield publisher


RULES = (
    redundant_parameters, duplicate_citation_parameter, text_ignored, missing_pipe,
    invalid_parameter_value, periodical_ignored, parameter_ignored,
)  # fmt: skip
