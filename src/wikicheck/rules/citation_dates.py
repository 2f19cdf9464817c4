"""WC2xx: dates in citations, judged as Module:Citation/CS1 judges them."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from ..cs1.calendar import DateStyle, Day, format_day
from ..cs1.citation_dates import CheckedDate, publication_date, value_edit
from ..cs1.date_formats import date_preference
from ..cs1.date_grammar import CitationDate
from ..cs1.date_suggest import suggest_date
from ..cs1.dates import DateKind, DateProblem, parse_date
from ..findings import Applicability, Finding, Fix, RuleFamily, Severity
from ..model import Article
from ._base import FixAvailability, RuleContext, rule
from ._shared import PUBLICATION_KINDS, checked_dates, dated_citations, describe_date


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


_GRACE_DAYS = 7


def _before_publication(
    article: Article, ctx: RuleContext, kind: DateKind, what: str
) -> Iterator[Finding]:
    grace = ctx.options.get("grace-days", _GRACE_DAYS)
    if not isinstance(grace, int) or grace < 0:
        grace = _GRACE_DAYS
    for _citation, dates in dated_citations(ctx):
        published = publication_date(dates)
        if published is None:
            continue
        for checked in dates:
            date = checked.date
            if checked.kind is not kind or date is None or not date.last < published.first:
                continue
            gap = date.last.days_until(published.first)
            if gap > grace:
                yield ctx.finding(
                    checked.param.trimmed_value_span,
                    f"{what} {describe_date(checked)} is {gap} days before the publication date "
                    f'"{published.raw}"',
                )


@rule(
    code="WC203",
    name="access-date-before-publication",
    family=RuleFamily.DATE,
    severity=Severity.WARNING,
    options={"grace-days": int},
)
def access_date_before_publication(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a citation whose access-date is earlier than its publication date.

    A gap of a few days is tolerated: an access-date is written in the editor's time zone,
    and a page is often re-dated when updated after it was first read.

    Why: a source cannot be read before it exists. One of the two dates is wrong, usually a
    day/month swap or a mistyped year.

    Options: grace-days (int, default 7): how many days before the publication date an
    access-date may be without being reported.

    Example:
        {{cite web |url=https://example.org/a |title=A |date=5 May 2020 |access-date=5 April 2020}}

    Use instead:
        {{cite web |url=https://example.org/a |title=A |date=5 May 2020 |access-date=6 May 2020}}
    """
    yield from _before_publication(article, ctx, DateKind.ACCESS, "access date")


@rule(
    code="WC204",
    name="archive-date-before-publication",
    family=RuleFamily.DATE,
    severity=Severity.WARNING,
    options={"grace-days": int},
)
def archive_date_before_publication(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a citation whose archive-date is earlier than its publication date.

    A gap of a few days is tolerated: a page updated (and re-dated) soon after it was
    archived is common, and archive timestamps are in UTC.

    Why: an archive cannot capture a page before it is published; the archive-date or the
    date is wrong, or the archive is of a different page.

    Options: grace-days (int, default 7): how many days before the publication date an
    archive-date may be without being reported.

    Example:
        {{cite web |url=https://example.org/a |title=A |date=2020-05-05 |archive-url=https://web.archive.org/web/20200101000000/https://example.org/a |archive-date=2020-01-01}}

    Use instead:
        {{cite web |url=https://example.org/a |title=A |date=2020-05-05 |archive-url=https://web.archive.org/web/20200601000000/https://example.org/a |archive-date=2020-06-01}}
    """
    yield from _before_publication(article, ctx, DateKind.ARCHIVE, "archive date")


@rule(
    code="WC205", name="archive-date-in-future", family=RuleFamily.DATE, severity=Severity.WARNING
)
def archive_date_in_future(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags an archive-date later than today.

    CS1 accepts archive dates up to the end of next year, so Wikipedia shows no error; but an
    archive cannot have been made in the future.

    Why: usually a typo in the year or a day/month swap; readers see a wrong archive date.

    Example:
        {{cite web |url=https://example.org/a |title=A |archive-url=https://archive.org/x |archive-date=2026-12-30}}

    Use instead:
        {{cite web |url=https://example.org/a |title=A |archive-url=https://archive.org/x |archive-date=2025-12-30}}
    """
    today = Day.of(ctx.today)
    for checked in checked_dates(ctx):
        date = checked.date
        if checked.kind is DateKind.ARCHIVE and date is not None and date.first > today:
            yield ctx.finding(
                checked.param.trimmed_value_span,
                f"archive date {describe_date(checked)} is after today ({ctx.today.isoformat()})",
            )


@rule(
    code="WC206",
    name="publication-date-in-future",
    family=RuleFamily.DATE,
    severity=Severity.WARNING,
)
def publication_date_in_future(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a publication date that starts after today.

    CS1 accepts dates up to the end of next year (for forthcoming works), so there is no
    error on Wikipedia; a published source dated in the future is usually a typo.

    Why: a citation to something not yet published cannot support the text.

    Example:
        {{cite book |title=A |date=December 2026}}

    Use instead:
        {{cite book |title=A |date=December 2024}}
    """
    today = Day.of(ctx.today)
    for checked in checked_dates(ctx):
        date = checked.date
        publication = checked.kind in PUBLICATION_KINDS
        if publication and date is not None and date.form != "n.d." and date.first > today:
            yield ctx.finding(
                checked.param.trimmed_value_span,
                f"publication date {describe_date(checked)} is after today ({ctx.today.isoformat()})",
            )


_NOT_LIVE = ("dead", "usurped", "unfit")


@rule(code="WC210", name="year-date-mismatch", family=RuleFamily.DATE, severity=Severity.ERROR)
def year_date_mismatch(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a |year= that disagrees with the year in |date= ("|year= / |date= mismatch").

    Why: CS1 shows "Check date values in: |year= / |date= mismatch"; one of the two is wrong.

    Example:
        {{cite book |title=A |date=5 May 2001 |year=2002}}

    Use instead:
        {{cite book |title=A |date=5 May 2001}}
    """
    for _citation, dates in dated_citations(ctx):
        if any(isinstance(checked.result, DateProblem) for checked in dates):
            continue
        published = publication_date(dates)
        year = next((c for c in dates if c.kind is DateKind.YEAR and c.date is not None), None)
        if published is None or year is None or year.date is None or published.form == "n.d.":
            continue
        if year.date.first.year not in (published.first.year, published.last.year):
            yield ctx.finding(
                year.param.trimmed_value_span,
                f"Check date values in: |year= / |date= mismatch: {describe_date(year)} but "
                f"|date={published.raw}",
            )


DEFAULT_STALE_YEARS = 10
"""WC211's ``years`` when none is configured: selecting the rule is enough to use it."""


@rule(
    code="WC211",
    name="stale-access-date",
    family=RuleFamily.DATE,
    severity=Severity.INFO,
    options={"years": int},
)
def stale_access_date(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags an access-date older than a set number of years on a citation whose URL is live.

    Off by default (select it: ``--select WC211``); once selected it reports access-dates
    more than 10 years old, or as many years as its ``years`` option says.

    Why: a live URL last checked long ago may have changed or died; re-check it and update
    the access-date, or add an archive.

    Options: years (int, default 10): how old an access-date may be before it is reported.

    Example:
        {{cite web |url=https://example.org/a |title=A |access-date=2004-01-01}}

    Use instead:
        {{cite web |url=https://example.org/a |title=A |access-date=2024-01-01}}
    """
    years = ctx.options.get("years", DEFAULT_STALE_YEARS)
    if not isinstance(years, int) or years <= 0:
        return
    # Compared as (year, month, day): a cutoff of 29 February in a common year still means
    # "on or before 28 February", and in a leap year the 29th itself stays inside.
    cutoff = Day(ctx.today.year - years, ctx.today.month, ctx.today.day)
    for citation, dates in dated_citations(ctx):
        if not citation.value("url") or citation.value("url-status") in _NOT_LIVE:
            continue
        for checked in dates:
            date = checked.date
            if checked.kind is DateKind.ACCESS and date is not None and date.last < cutoff:
                yield ctx.finding(
                    checked.param.trimmed_value_span,
                    f"{describe_date(checked)} is more than {years} years old; re-check the URL",
                )


RULES = (
    invalid_citation_date,
    citation_date_out_of_range,
    access_date_before_publication,
    archive_date_before_publication,
    archive_date_in_future,
    publication_date_in_future,
    year_date_mismatch,
    stale_access_date,
)
