"""WC203–WC206, WC210–WC211: citation dates CS1 accepts that contradict each other or today.

An access- or archive-date before the publication date, an archive or publication date in the
future, a |year= that disagrees with |date=, an access-date long past. Dates CS1 rejects
outright are in ``citation_dates``.
"""

from __future__ import annotations

from collections.abc import Iterator

from ..cs1.calendar import Day
from ..cs1.citation_dates import publication_date
from ..cs1.dates import DateKind, DateProblem
from ..findings import Finding, RuleFamily, Severity
from ..model import Article
from ._base import RuleContext, rule
from ._shared import PUBLICATION_KINDS, checked_dates, dated_citations, describe_date

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
    access_date_before_publication,
    archive_date_before_publication,
    archive_date_in_future,
    publication_date_in_future,
    year_date_mismatch,
    stale_access_date,
)
