"""WC201–WC202: citation dates CS1 rejects, judged as Module:Citation/CS1 judges them.

Dates CS1 accepts but that contradict each other or today are in
``citation_date_consistency``; the date format an article prefers is in ``citation_date_formats``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ..cs1.calendar import DateStyle, format_day
from ..cs1.citation_dates import CheckedDate, value_edit
from ..cs1.date_formats import date_preference
from ..cs1.date_grammar import CitationDate
from ..cs1.date_suggest import suggest_date
from ..cs1.dates import DateProblem, parse_date
from ..findings import Applicability, Finding, Fix, RuleFamily, Severity
from ..model import Article
from ._base import FixAvailability, RuleContext, rule
from ._shared import checked_dates


def _suggestion(article: Article, checked: CheckedDate, today: dt.date) -> Fix | None:
    suggested = suggest_date(checked.param.value)
    if suggested is None:
        return None
    day, style, certain = suggested
    preferred = date_preference(article).style
    if preferred is not None and style is not DateStyle.YMD:
        style = preferred
    text = format_day(day, style)
    edit = value_edit(article.source, checked.param, text)
    if edit is None or not isinstance(parse_date(text, checked.kind, today), CitationDate):
        return None
    return Fix(
        title=f'Write the date as "{text}"',
        edits=(edit,),
        applicability=Applicability.SAFE if certain else Applicability.UNSAFE,
    )


@rule(
    code="WC201",
    name="invalid-citation-date",
    family=RuleFamily.DATE,
    severity=Severity.ERROR,
    fix_availability=FixAvailability.SOMETIMES,
)
def invalid_citation_date(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a citation date that CS1 rejects ("Check date values in: |date=").

    Covers |date=, |access-date=, |archive-date=, |publication-date=, |year=, |doi-broken-date=
    and |pmc-embargo-date= with their aliases, held to the formats CS1 accepts: no "Sept", no
    leading zeros, case-sensitive month names, real calendar days, ranges with the right dash
    and spacing, and full dates where a full date is required.

    Why: Wikipedia shows a red "Check date values in" error on the citation and files the page
    in "CS1 errors: dates".

    Example:
        Text.<ref>{{cite web |url=https://example.org/a |title=A |date=15 Sept 2020}}</ref>

    Use instead:
        Text.<ref>{{cite web |url=https://example.org/a |title=A |date=15 September 2020}}</ref>

    Fix: where the intended date is unambiguous, it is rewritten in the article's preferred
    format (from {{Use dmy dates}}/{{Use mdy dates}}, else the value's own style). Safe when
    only case, abbreviation, padding or punctuation change; unsafe when a misspelt month is
    corrected.

    Not reported: a value holding a template, like ``|date={{fdate|2022-04-29}}``. CS1 judges
    what the template expands to, usually a valid date, and wikicheck does not expand
    templates, so it cannot know whether Wikipedia shows an error.
    """
    for checked in checked_dates(ctx):
        problem = checked.result
        if isinstance(problem, DateProblem) and not problem.out_of_range and not problem.opaque:
            yield ctx.finding(
                checked.param.trimmed_value_span,
                f"Check date values in: |{checked.param.raw_name}=: "
                f'"{problem.raw}" — {problem.reason}',
                _suggestion(article, checked, ctx.today),
            )


@rule(
    code="WC202", name="citation-date-out-of-range", family=RuleFamily.DATE, severity=Severity.ERROR
)
def citation_date_out_of_range(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a well-formed citation date outside the range CS1 allows.

    An access-date must lie between 15 January 2001 and tomorrow (UTC); other dates may not be
    later than next year (two years ahead for |pmc-embargo-date=). "Today" is the run's pinned
    date (--today), never the clock inside the rule.

    Why: CS1 shows "Check date values in" for these too: a source cannot be read in the
    future, and the web citation era starts with Wikipedia.

    Example:
        {{cite web |url=https://example.org/a |title=A |access-date=1 January 2099}}

    Use instead:
        {{cite web |url=https://example.org/a |title=A |access-date=1 January 2024}}
    """
    for checked in checked_dates(ctx):
        problem = checked.result
        if isinstance(problem, DateProblem) and problem.out_of_range:
            joiner = " " if problem.reason.startswith("is ") else " — "
            yield ctx.finding(
                checked.param.trimmed_value_span,
                f'Check date values in: |{checked.param.raw_name}=: "{problem.raw}"'
                f"{joiner}{problem.reason}",
            )


RULES = (invalid_citation_date, citation_date_out_of_range)
