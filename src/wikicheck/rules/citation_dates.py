"""WC2xx: dates in citations, judged as Module:Citation/CS1 judges them."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator

from ..cs1.citation_dates import CheckedDate, date_preference, publication_date
from ..cs1.date_suggest import format_date, suggest_date
from ..cs1.dates import CitationDate, DateKind, DateProblem, DateStyle, parse_date
from ..findings import Applicability, Category, Edit, Finding, Fix, Severity
from ..model import Article
from ._base import FixAvailability, RuleContext, rule
from ._shared import dated_citations


def _checked(article: Article, ctx: RuleContext) -> Iterator[CheckedDate]:
    for _citation, dates in dated_citations(ctx):
        yield from dates


def _describe(checked: CheckedDate) -> str:
    return f"|{checked.param.raw_name}={checked.param.value}"


def _suggestion(article: Article, checked: CheckedDate, today: dt.date) -> Fix | None:
    suggested = suggest_date(checked.param.value)
    if suggested is None:
        return None
    date, style, certain = suggested
    preferred = date_preference(article).style
    if preferred is not None and style is not DateStyle.YMD:
        style = preferred
    text = format_date(date, style)
    if not isinstance(parse_date(text, checked.kind, today), CitationDate):
        return None
    return Fix(
        title=f'Write the date as "{text}"',
        edits=(Edit(checked.param.value_span.trimmed(article.source), text),),
        applicability=Applicability.SAFE if certain else Applicability.UNSAFE,
    )


@rule(
    code="WC201",
    name="invalid-citation-date",
    category=Category.DATE,
    severity=Severity.ERROR,
    fix=FixAvailability.SOMETIMES,
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
    """
    for checked in _checked(article, ctx):
        problem = checked.result
        if isinstance(problem, DateProblem) and not problem.out_of_range:
            yield ctx.finding(
                checked.param.value_span.trimmed(article.source),
                f"Check date values in: |{checked.param.raw_name}=: "
                f'"{problem.raw}" — {problem.reason}',
                _suggestion(article, checked, ctx.today),
            )


@rule(
    code="WC202", name="citation-date-out-of-range", category=Category.DATE, severity=Severity.ERROR
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
    for checked in _checked(article, ctx):
        problem = checked.result
        if isinstance(problem, DateProblem) and problem.out_of_range:
            joiner = " " if problem.reason.startswith("is ") else " — "
            yield ctx.finding(
                checked.param.value_span.trimmed(article.source),
                f'Check date values in: |{checked.param.raw_name}=: "{problem.raw}"'
                f"{joiner}{problem.reason}",
            )


def _before_publication(
    article: Article, ctx: RuleContext, kind: DateKind, what: str
) -> Iterator[Finding]:
    for _citation, dates in dated_citations(ctx):
        published = publication_date(dates)
        if published is None:
            continue
        for checked in dates:
            date = checked.date
            if checked.kind is kind and date is not None and date.last < published.first:
                yield ctx.finding(
                    checked.param.value_span.trimmed(article.source),
                    f'{what} {_describe(checked)} is before the publication date "{published.raw}"',
                )


@rule(
    code="WC203",
    name="access-date-before-publication",
    category=Category.DATE,
    severity=Severity.WARNING,
)
def access_date_before_publication(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a citation whose access-date is earlier than its publication date.

    Why: a source cannot be read before it exists. One of the two dates is wrong, usually a
    day/month swap or a mistyped year.

    Example:
        {{cite web |url=https://example.org/a |title=A |date=5 May 2020 |access-date=1 May 2020}}

    Use instead:
        {{cite web |url=https://example.org/a |title=A |date=5 May 2020 |access-date=6 May 2020}}
    """
    yield from _before_publication(article, ctx, DateKind.ACCESS, "access date")


@rule(
    code="WC204",
    name="archive-date-before-publication",
    category=Category.DATE,
    severity=Severity.WARNING,
)
def archive_date_before_publication(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a citation whose archive-date is earlier than its publication date.

    Why: an archive cannot capture a page before it is published; the archive-date or the
    date is wrong, or the archive is of a different page.

    Example:
        {{cite web |url=https://example.org/a |title=A |date=2020-05-05 |archive-url=https://web.archive.org/web/20200101000000/https://example.org/a |archive-date=2020-01-01}}

    Use instead:
        {{cite web |url=https://example.org/a |title=A |date=2020-05-05 |archive-url=https://web.archive.org/web/20200601000000/https://example.org/a |archive-date=2020-06-01}}
    """
    yield from _before_publication(article, ctx, DateKind.ARCHIVE, "archive date")


@rule(
    code="WC205", name="archive-date-in-future", category=Category.DATE, severity=Severity.WARNING
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
    for checked in _checked(article, ctx):
        date = checked.date
        if checked.kind is DateKind.ARCHIVE and date is not None and date.first > ctx.today:
            yield ctx.finding(
                checked.param.value_span.trimmed(article.source),
                f"archive date {_describe(checked)} is after today ({ctx.today.isoformat()})",
            )


@rule(
    code="WC206",
    name="publication-date-in-future",
    category=Category.DATE,
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
    for checked in _checked(article, ctx):
        date = checked.date
        publication = checked.kind in (DateKind.DATE, DateKind.PUBLICATION)
        if publication and date is not None and date.form != "n.d." and date.first > ctx.today:
            yield ctx.finding(
                checked.param.value_span.trimmed(article.source),
                f"publication date {_describe(checked)} is after today ({ctx.today.isoformat()})",
            )


@rule(
    code="WC207",
    name="date-format-mismatch",
    category=Category.DATE,
    severity=Severity.INFO,
    fix=FixAvailability.ALWAYS,
)
def date_format_mismatch(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a citation date written day-month where the article uses month-day, or the reverse.

    The article's format comes from {{Use dmy dates}} or {{Use mdy dates}}. ISO dates are not
    flagged: MOS:DATEUNIFY allows them in references.

    Why: MOS:DATEUNIFY asks for one format. CS1 already converts the display when the page has
    the template, so this is source hygiene: the next editor copies what they see.

    Example:
        {{Use dmy dates|date=May 2024}}
        {{cite web |url=https://example.org/a |title=A |date=May 5, 2020}}

    Use instead:
        {{Use dmy dates|date=May 2024}}
        {{cite web |url=https://example.org/a |title=A |date=5 May 2020}}

    Fix: safe: the date is rewritten in the article's format, which is what readers already see.
    """
    preference = date_preference(article)
    if preference.style is None:
        return
    other = DateStyle.MDY if preference.style is DateStyle.DMY else DateStyle.DMY
    for checked in _checked(article, ctx):
        date = checked.date
        if date is None or date.style is not other or not date.single_full_date:
            continue
        text = format_date(date.first, preference.style)
        yield ctx.finding(
            checked.param.value_span.trimmed(article.source),
            f"{_describe(checked)} is {other.value} but the article uses "
            f"{{{{{preference.template}}}}}",
            Fix(
                f'Write "{text}"',
                (Edit(checked.param.value_span.trimmed(article.source), text),),
                Applicability.SAFE,
            ),
        )


_RETRIEVAL = (DateKind.ACCESS, DateKind.ARCHIVE)
_NOT_LIVE = ("dead", "usurped", "unfit")


@rule(
    code="WC208",
    name="mixed-retrieval-date-formats",
    category=Category.DATE,
    severity=Severity.INFO,
    fix=FixAvailability.ALWAYS,
)
def mixed_retrieval_date_formats(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags access and archive dates that do not use the format most of the article's use.

    Why: MOS:DATEUNIFY: access and archive dates in one article should share one format
    (YYYY-MM-DD or the article's format).

    Example:
        {{cite web |url=https://example.org/a |title=A |access-date=2024-01-05}}
        {{cite web |url=https://example.org/b |title=B |access-date=2024-01-06}}
        {{cite web |url=https://example.org/c |title=C |access-date=7 January 2024}}

    Use instead:
        {{cite web |url=https://example.org/a |title=A |access-date=2024-01-05}}
        {{cite web |url=https://example.org/b |title=B |access-date=2024-01-06}}
        {{cite web |url=https://example.org/c |title=C |access-date=2024-01-07}}

    Fix: unsafe: the date is rewritten in the majority format; check the article's style.
    """
    retrieval = [
        checked for checked in _checked(article, ctx)
        if checked.kind in _RETRIEVAL and checked.date is not None and checked.date.style
    ]  # fmt: skip
    styles = Counter(checked.date.style for checked in retrieval if checked.date)
    if len(styles) < 2:
        return
    ranked = sorted(styles.items(), key=lambda item: (-item[1], item[0] is not DateStyle.YMD))
    majority = ranked[0][0]
    assert majority is not None
    for checked in retrieval:
        date = checked.date
        assert date is not None
        assert date.style is not None
        if date.style is majority:
            continue
        text = format_date(date.first, majority)
        span = checked.param.value_span.trimmed(article.source)
        yield ctx.finding(
            span,
            f"{_describe(checked)} is {date.style.value}; {styles[majority]} of the article's "
            f"{sum(styles.values())} access and archive dates are {majority.value}",
            Fix(f'Write "{text}"', (Edit(span, text),), Applicability.UNSAFE),
        )


@rule(
    code="WC209",
    name="hyphen-in-date-range",
    category=Category.DATE,
    severity=Severity.WARNING,
    fix=FixAvailability.ALWAYS,
)
def hyphen_in_date_range(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a date range written with a hyphen instead of an en dash ("CS1 maint: date format").

    Why: CS1 converts it for display and files the page in the hidden maintenance category
    "CS1 maint: date format"; MOS:DATERANGE asks for an en dash.

    Example:
        {{cite journal |title=A |journal=J |date=June-July 2023}}

    Use instead:
        {{cite journal |title=A |journal=J |date=June–July 2023}}

    Fix: safe: each hyphen becomes an en dash, as the reader already sees it.
    """
    for _citation, dates in dated_citations(ctx):
        if any(isinstance(checked.result, DateProblem) for checked in dates):
            continue  # as in the module: only when the citation has no date error
        for checked in dates:
            date = checked.date
            if date is not None and date.hyphenated:
                span = checked.param.value_span.trimmed(article.source)
                fixed = checked.param.value.replace("-", "–")
                yield ctx.finding(
                    span,
                    f"CS1 maint: date format: {_describe(checked)} uses a hyphen in a range",
                    Fix("Use an en dash", (Edit(span, fixed),), Applicability.SAFE),
                )


@rule(code="WC210", name="year-date-mismatch", category=Category.DATE, severity=Severity.ERROR)
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
                year.param.value_span.trimmed(article.source),
                f"Check date values in: |year= / |date= mismatch: {_describe(year)} but "
                f"|date={published.raw}",
            )


@rule(
    code="WC211",
    name="stale-access-date",
    category=Category.DATE,
    severity=Severity.INFO,
    options={"years": int},
)
def stale_access_date(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags an access-date older than a set number of years on a citation whose URL is live.

    Off until configured: set the rule option ``years`` (e.g. 10).

    Why: a live URL last checked long ago may have changed or died; re-check it and update
    the access-date, or add an archive.

    Options: years (int): how old an access-date may be before it is reported.

    Example:
        {{cite web |url=https://example.org/a |title=A |access-date=2004-01-01}}

    Use instead:
        {{cite web |url=https://example.org/a |title=A |access-date=2024-01-01}}
    """
    years = ctx.options.get("years")
    if not isinstance(years, int) or years <= 0:
        return
    cutoff = (
        ctx.today.replace(year=ctx.today.year - years)
        if not (ctx.today.month == 2 and ctx.today.day == 29)
        else ctx.today.replace(year=ctx.today.year - years, day=28)
    )
    for citation, dates in dated_citations(ctx):
        if not citation.value("url") or citation.value("url-status") in _NOT_LIVE:
            continue
        for checked in dates:
            date = checked.date
            if checked.kind is DateKind.ACCESS and date is not None and date.last < cutoff:
                yield ctx.finding(
                    checked.param.value_span.trimmed(article.source),
                    f"{_describe(checked)} is more than {years} years old; re-check the URL",
                )


RULES = (
    invalid_citation_date,
    citation_date_out_of_range,
    access_date_before_publication,
    archive_date_before_publication,
    archive_date_in_future,
    publication_date_in_future,
    date_format_mismatch,
    mixed_retrieval_date_formats,
    hyphen_in_date_range,
    year_date_mismatch,
    stale_access_date,
)
