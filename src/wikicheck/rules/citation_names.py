"""WC30x: author, editor and other name lists in citations (CS1 errors and maintenance)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..cs1 import cs1_citations
from ..cs1.checks import NameParam, check_data, name_params, without_accept_markup
from ..cs1.citeref import has_et_al, without_et_al
from ..findings import Finding, RuleFamily, Severity
from ..model import Article, Citation
from ._base import RuleContext, rule

# A given name that is all one wikilink, as Module:Citation/CS1/Utilities is_wikilink().
_WIKILINK = re.compile(r"\[\[[^\]]+\]\]")
_LINK_PARAM = {
    "authors": "author-link", "editors": "editor-link", "contributors": "contributor-link",
    "interviewers": "interviewer-link", "translators": "translator-link",
}  # fmt: skip


def _names(ctx: RuleContext, citation: Citation) -> list[NameParam]:
    """The citation's name parameters, found once per article for all seven name rules."""
    by_citation: dict[int, list[NameParam]] = ctx.memo(
        "citation-names", lambda: {id(c): name_params(c) for c in cs1_citations(ctx.article)}
    )
    return by_citation[id(citation)]


def _checked_names(ctx: RuleContext, citation: Citation) -> Iterator[NameParam]:
    for name in _names(ctx, citation):
        if not name.accept_as_written:
            yield name


def _no_letters(value: str) -> bool:
    return not any(char.isalpha() for char in value)


@rule(code="WC301", name="digits-in-name", family=RuleFamily.CITATION, severity=Severity.WARNING)
def numeric_names(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a name that mixes digits with letters ("CS1 maint: numeric names: authors list").

    Checked in the enumerated name lists (|last=, |author=, |first=, |editor= ... and their
    numbered forms), not in |people=, |vauthors= or values wrapped in ((double parentheses)).

    Why: a personal-name field holding "FRANCE 24" or "Channel 4" is usually an organisation
    put where a person belongs; Wikipedia files the page in a hidden maintenance category.

    Example:
        {{cite AV media |url=https://example.org/v |title=T |last=FRANCE 24}}

    Use instead:
        {{cite AV media |url=https://example.org/v |title=T |author=((FRANCE 24))}}
    """
    for citation in cs1_citations(article):
        reported: set[str] = set()
        for name in _checked_names(ctx, citation):
            value = name.param.value
            if name.name_list in reported or _no_letters(value):
                continue
            if any(char.isdigit() for char in value):
                reported.add(name.name_list)
                yield ctx.finding(
                    name.param.trimmed_value_span,
                    f"CS1 maint: numeric names: {name.name_list} list: "
                    f"|{name.param.raw_name}={value} mixes digits into a name; if it is an "
                    f"organisation, write |{name.param.raw_name}=(({value}))",
                )


@rule(
    code="WC302", name="name-without-letters", family=RuleFamily.CITATION, severity=Severity.ERROR
)
def numeric_name(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a name that has no letters at all ("|last= has numeric name").

    Why: CS1 shows a red error: a name of only digits and punctuation (a year, a page
    number) is in the wrong parameter.

    Example:
        {{cite book |title=T |last=1984}}

    Use instead:
        {{cite book |title=T |year=1984}}
    """
    for citation in cs1_citations(article):
        for name in _checked_names(ctx, citation):
            if _no_letters(name.param.value):
                yield ctx.finding(
                    name.param.trimmed_value_span,
                    f"|{name.param.raw_name}= has numeric name",
                )
                break  # at most one per citation, as in the module


@rule(code="WC303", name="multiple-names", family=RuleFamily.CITATION, severity=Severity.WARNING)
def multiple_names(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags several people in one name parameter ("CS1 maint: multiple names: authors list").

    A last name with more than one comma, a first name with any comma, or a semicolon in
    either: what the module counts, whatever the value is. The message says what it saw.

    Why: each person belongs in their own numbered parameter, so that the citation can list
    and link them and the metadata names them. A single organisation whose name has commas
    is accepted as written inside double parentheses: |author=((Committee on A, B, and C)).

    Example:
        {{cite book |title=T |last=Smith, John; Jones, Mary}}

    Use instead:
        {{cite book |title=T |last1=Smith |first1=John |last2=Jones |first2=Mary}}
    """
    for citation in cs1_citations(article):
        reported: set[str] = set()
        for name in _checked_names(ctx, citation):
            value = name.param.value.replace("&nbsp;", " ")
            commas = value.count(",")
            several = ";" in value or (commas > 0 if name.first_name else commas > 1)
            if several and name.name_list not in reported:
                reported.add(name.name_list)
                seen = "a semicolon" if ";" in value else _count(commas, "comma")
                raw = name.param.raw_name
                yield ctx.finding(
                    name.param.trimmed_value_span,
                    f"CS1 maint: multiple names: {name.name_list} list: |{raw}= has {seen}: "
                    f"give each person their own numbered parameter, or, if it is one "
                    f"organisation, write |{raw}=((…))",
                )


def _count(number: int, noun: str) -> str:
    return f"a {noun}" if number == 1 else f"{number} {noun}s"


@rule(code="WC304", name="generic-name", family=RuleFamily.CITATION, severity=Severity.ERROR)
def generic_name(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a name that is a placeholder or a website, not an author ("|last= has generic name").

    The list is the module's own: "Reuters", "Facebook", "Author", "Editor", "Home page",
    "Super User" and the like.

    Why: CS1 shows a red error; tools fill these in from web page metadata.

    Example:
        {{cite web |url=https://example.org/a |title=T |last=Reuters}}

    Use instead:
        {{cite web |url=https://example.org/a |title=T |agency=Reuters}}
    """
    data = check_data()
    for citation in cs1_citations(article):
        for name in _checked_names(ctx, citation):
            if data.is_generic_name(name.param.value):
                yield ctx.finding(
                    name.param.trimmed_value_span,
                    f"|{name.param.raw_name}= has generic name: {name.param.value!r}",
                )
                break


@rule(code="WC305", name="explicit-et-al", family=RuleFamily.CITATION, severity=Severity.ERROR)
def explicit_et_al(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags "et al." written into a name ("Explicit use of et al. in: |author=").

    The module's patterns: "et al.", "et alii", "and others", "[[et al.]]", "(et al)",
    also after quotes or italics ("D. ''et al.''"), checked before ((accept-as-written)).

    Why: CS1 adds "et al." itself from |display-authors=etal; written into a name it becomes
    part of that person's name in the metadata.

    Example:
        {{cite journal |title=T |journal=J |last=Smith et al.}}

    Use instead:
        {{cite journal |title=T |journal=J |last=Smith |display-authors=etal}}
    """
    for citation in cs1_citations(article):
        for name in _names(ctx, citation):
            if has_et_al(name.param.value):
                yield ctx.finding(
                    name.param.trimmed_value_span,
                    f"Explicit use of et al. in: |{name.param.raw_name}=",
                )


@rule(code="WC306", name="first-without-last", family=RuleFamily.CITATION, severity=Severity.ERROR)
def first_without_last(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a first name with no matching last name ("|first2= missing |last2=").

    Why: CS1 shows a red error and drops the name: a given name alone cannot be listed.

    Example:
        {{cite book |title=T |last1=Smith |first1=Jo |first2=Mary}}

    Use instead:
        {{cite book |title=T |last1=Smith |first1=Jo |last2=Jones |first2=Mary}}
    """
    for citation in cs1_citations(article):
        names = _names(ctx, citation)
        lasts = {(n.name_list, n.number) for n in names if not n.first_name}
        for name in names:
            if name.first_name and (name.name_list, name.number) not in lasts:
                last = name.param.raw_name.replace("first", "last").replace("given", "surname")
                yield ctx.finding(
                    name.param.trimmed_span,
                    f"|{name.param.raw_name}= missing |{last}=",
                )


@rule(code="WC307", name="missing-name", family=RuleFamily.CITATION, severity=Severity.ERROR)
def missing_name(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a gap in a numbered name list, such as |last1= and |last3= without |last2=.

    As the module reads a list: from 1 up, a last name after one missing number is reported
    (each such gap); a number with only a first name is neither a name nor a gap (WC306's);
    two missing numbers in a row end the list, and the names after them are dropped without
    an error, so they are not reported here either.

    Why: CS1 shows "Missing |author2=" and stops listing names at the gap.

    Example:
        {{cite book |title=T |last1=Smith |last3=Jones}}

    Use instead:
        {{cite book |title=T |last1=Smith |last2=Jones}}
    """
    for citation in cs1_citations(article):
        lasts: dict[str, dict[int, NameParam]] = {}
        firsts: dict[str, set[int]] = {}
        for name in _names(ctx, citation):
            if name.first_name:
                firsts.setdefault(name.name_list, set()).add(name.number)
            else:
                lasts.setdefault(name.name_list, {})[name.number] = name
        for name_list, by_number in lasts.items():
            only_first = firsts.get(name_list, set())
            missing = 0
            for number in range(1, max(by_number) + 1):
                if number in by_number:
                    if missing == 1:
                        param = by_number[number].param
                        wanted = re.sub(r"\d+$", str(number - 1), param.raw_name)
                        yield ctx.finding(param.trimmed_span, f"Missing |{wanted}=")
                    missing = 0
                elif number not in only_first:
                    missing += 1
                    if missing == 2:
                        break


@rule(
    code="WC308", name="wikilink-in-first-name", family=RuleFamily.CITATION, severity=Severity.ERROR
)
def wikilink_in_first_name(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a given name that is a wikilink ("Check |first= value").

    |first=, |editor-first= ... and their numbered forms, when the whole value (after any
    "et al." and ((double parentheses)) are removed) is one [[wikilink]]. A last name may be
    linked; the module shows only its text.

    Why: CS1 shows a red error and drops the link: a person is linked with |author-link=,
    which links the whole name.

    Example:
        {{cite book |title=T |last=Smith |first=[[John Smith (author)|John]]}}

    Use instead:
        {{cite book |title=T |last=Smith |first=John |author-link=John Smith (author)}}
    """
    for citation in cs1_citations(article):
        for name in _names(ctx, citation):
            if not name.first_name:
                continue
            value = without_accept_markup(without_et_al(name.param.value))
            if _WIKILINK.fullmatch(value):
                number = re.search(r"\d+", name.param.raw_name)
                link = _LINK_PARAM[name.name_list] + (number.group() if number else "")
                yield ctx.finding(
                    name.param.trimmed_value_span,
                    f"Check |{name.param.raw_name}= value: a given name cannot be a wikilink; "
                    f"link the person with |{link}=",
                )


RULES = (
    numeric_names, numeric_name, multiple_names, generic_name, explicit_et_al,
    first_without_last, missing_name, wikilink_in_first_name,
)  # fmt: skip
