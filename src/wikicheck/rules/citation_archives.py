"""WC311–WC318: access-date and archive parameters of citations (CS1 errors and maintenance).

Which of them need a URL or each other, Wayback snapshot links, the archive-date against the
snapshot's timestamp, |url-status= and the "Archived copy" placeholder title.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..cs1 import cs1_citations
from ..cs1.calendar import format_day
from ..cs1.checks import check_wayback_url, snapshot_day
from ..cs1.citation_dates import value_edit
from ..cs1.date_formats import archive_suggestion_format, citation_df, date_preference
from ..cs1.dates import DateProblem
from ..cs1.rendering import rendering
from ..findings import Applicability, Finding, Fix, RuleFamily, Severity
from ..model import Article
from ._base import FixAvailability, RuleContext, rule
from ._shared import dated_citations

_ARCHIVED_COPY = re.compile(r"^archived?\s+copy$", re.IGNORECASE)


@rule(
    code="WC311",
    name="access-date-without-url",
    family=RuleFamily.CITATION,
    severity=Severity.ERROR,
)
def access_date_without_url(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags an access-date on a citation with no URL ("|access-date= requires |url=").

    Why: an access-date says when an online source was read; without |url= (or a chapter
    URL) CS1 shows a red error and hides the date.

    Example:
        {{cite book |title=T |access-date=2024-01-01}}

    Use instead:
        {{cite book |title=T |url=https://example.org/book |access-date=2024-01-01}}
    """
    for citation in cs1_citations(article):
        accessed = citation.filled("access-date")
        if (
            accessed
            and not citation.filled("url")
            and rendering().first(citation, "chapter_url") is None
        ):
            yield ctx.finding(accessed.trimmed_span, f"|{accessed.raw_name}= requires |url=")


@rule(
    code="WC312",
    name="archive-url-without-date",
    family=RuleFamily.CITATION,
    severity=Severity.ERROR,
)
def archive_url_without_date(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags an archive-url without an archive-date ("|archive-url= requires |archive-date=").

    Why: CS1 shows a red error; readers need to know when the copy was made.

    Example:
        {{cite web |url=https://example.org/a |title=T |archive-url=https://web.archive.org/web/20200101000000/https://example.org/a}}

    Use instead:
        {{cite web |url=https://example.org/a |title=T |archive-url=https://web.archive.org/web/20200101000000/https://example.org/a |archive-date=2020-01-01}}
    """
    for citation in cs1_citations(article):
        archive = citation.filled("archive-url")
        if archive and not citation.filled("archive-date"):
            yield ctx.finding(archive.trimmed_span, f"|{archive.raw_name}= requires |archive-date=")


@rule(
    code="WC313",
    name="archive-date-without-url",
    family=RuleFamily.CITATION,
    severity=Severity.ERROR,
)
def archive_date_without_url(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags an archive-date without an archive-url ("|archive-date= requires |archive-url=").

    Why: CS1 shows a red error: the date of an archive that is not linked means nothing.

    Example:
        {{cite web |url=https://example.org/a |title=T |archive-date=2020-01-01}}

    Use instead:
        {{cite web |url=https://example.org/a |title=T |archive-url=https://web.archive.org/web/20200101000000/https://example.org/a |archive-date=2020-01-01}}
    """
    for citation in cs1_citations(article):
        date = citation.filled("archive-date")
        if date and not citation.filled("archive-url"):
            yield ctx.finding(date.trimmed_span, f"|{date.raw_name}= requires |archive-url=")


@rule(
    code="WC314",
    name="archive-url-without-url",
    family=RuleFamily.CITATION,
    severity=Severity.ERROR,
)
def archive_url_without_url(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags an archive-url on a citation with no original URL ("|archive-url= requires |url=").

    Why: CS1 shows a red error; the archive is a copy of |url=, which must be given too.

    Example:
        {{cite web |title=T |archive-url=https://web.archive.org/web/20200101000000/https://example.org/a |archive-date=2020-01-01}}

    Use instead:
        {{cite web |url=https://example.org/a |title=T |archive-url=https://web.archive.org/web/20200101000000/https://example.org/a |archive-date=2020-01-01}}
    """
    for citation in cs1_citations(article):
        archive = citation.filled("archive-url")
        if (
            archive
            and not citation.filled("url")
            and rendering().first(citation, "chapter_url") is None
        ):
            yield ctx.finding(archive.trimmed_span, f"|{archive.raw_name}= requires |url=")


_WAYBACK_REASONS = {
    "save command": "it is a save command, not a snapshot",
    "liveweb": "liveweb URLs are not snapshots",
    "timestamp": "the timestamp must be 14 digits (YYYYMMDDhhmmss) of a date from 1996 on",
    "path": "the path must start with web/ and a timestamp",
    "flag": "the flag after the timestamp must be two letters and an underscore",
}


@rule(
    code="WC315", name="malformed-archive-url", family=RuleFamily.CITATION, severity=Severity.ERROR
)
def malformed_archive_url(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a Wayback Machine archive-url that is not a snapshot link ("|archive-url= is malformed").

    Why: CS1 shows a red error; a save link, a liveweb link or a short timestamp does not lead
    to a fixed copy of the page.

    Example:
        {{cite web |url=https://example.org/a |title=T |archive-url=https://web.archive.org/web/2020/https://example.org/a |archive-date=2020-01-01}}

    Use instead:
        {{cite web |url=https://example.org/a |title=T |archive-url=https://web.archive.org/web/20200101000000/https://example.org/a |archive-date=2020-01-01}}
    """
    for citation in cs1_citations(article):
        archive = citation.filled("archive-url")
        check = check_wayback_url(archive.value) if archive else None
        if archive and check and check.problem:
            yield ctx.finding(
                archive.trimmed_value_span,
                f"|{archive.raw_name}= is malformed: {check.problem} "
                f"({_WAYBACK_REASONS[check.problem]})",
            )


@rule(
    code="WC316",
    name="archive-date-mismatch",
    family=RuleFamily.CITATION,
    severity=Severity.ERROR,
    fix_availability=FixAvailability.SOMETIMES,
)
def archive_date_mismatch(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags an archive-date that differs from the date in the Wayback URL's timestamp.

    Checked, as in the module, only when the citation's dates are otherwise valid.

    Why: CS1 shows "|archive-date= / |archive-url= timestamp mismatch" with the date it
    expects; the snapshot date is the true one.

    Example:
        {{cite web |url=https://example.org/a |title=T |archive-url=https://web.archive.org/web/20200101000000/https://example.org/a |archive-date=2020-02-01}}

    Use instead:
        {{cite web |url=https://example.org/a |title=T |archive-url=https://web.archive.org/web/20200101000000/https://example.org/a |archive-date=2020-01-01}}

    Fix: unsafe: the archive-date is set to the snapshot date in the format CS1's own message
    suggests: the citation's |df= or the page's {{Use dmy dates}}/{{Use mdy dates}} (with its
    |cs1-dates=), else the archive-date's own format. Days are compared and written as
    written, 29 February included.
    """
    preference = date_preference(article)
    for citation, dates in dated_citations(ctx):
        if any(isinstance(checked.result, DateProblem) for checked in dates):
            continue
        archive = citation.filled("archive-url")
        check = check_wayback_url(archive.value) if archive else None
        if check is None or check.timestamp is None:
            continue
        snapshot = snapshot_day(check.timestamp)
        for checked in dates:
            date = checked.date
            if checked.param.name != "archive-date" or date is None or date.first == snapshot:
                continue
            style, short = archive_suggestion_format(citation_df(citation, preference), date)
            text = format_day(snapshot, style, short)
            edit = value_edit(article.source, checked.param, text)
            yield ctx.finding(
                checked.param.trimmed_value_span,
                f"|archive-date= / |archive-url= timestamp mismatch; {text} suggested",
                Fix(f'Set the archive date to "{text}"', (edit,), Applicability.UNSAFE)
                if edit
                else None,
            )


@rule(
    code="WC317",
    name="url-status-without-archive",
    family=RuleFamily.CITATION,
    severity=Severity.WARNING,
)
def url_status_without_archive(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags |url-status= on a citation with no archive-url ("CS1 maint: url-status").

    Why: |url-status= only chooses between the original and the archive link; without an
    archive it does nothing, and a "dead" status hides nothing from readers.

    Example:
        {{cite web |url=https://example.org/a |title=T |url-status=dead}}

    Use instead:
        {{cite web |url=https://example.org/a |title=T}}{{dead link|date=May 2024}}
    """
    for citation in cs1_citations(article):
        status = citation.filled("url-status")
        if status and not citation.filled("archive-url"):
            yield ctx.finding(
                status.trimmed_span,
                f"CS1 maint: url-status: |url-status={status.value} without |archive-url=",
            )


@rule(
    code="WC318", name="archived-copy-title", family=RuleFamily.CITATION, severity=Severity.WARNING
)
def archived_copy_title(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags the placeholder title "Archived copy" ("CS1 maint: archived copy as title").

    Why: bots write it when they cannot read a title; readers see "Archived copy" instead of
    what the source is called.

    Example:
        {{cite web |url=https://example.org/a |title=Archived copy |archive-url=https://web.archive.org/web/20200101000000/https://example.org/a |archive-date=2020-01-01}}

    Use instead:
        {{cite web |url=https://example.org/a |title=Annual report 2019 |archive-url=https://web.archive.org/web/20200101000000/https://example.org/a |archive-date=2020-01-01}}
    """
    for citation in cs1_citations(article):
        title = citation.filled("title")
        if title and citation.filled("archive-url") and _ARCHIVED_COPY.match(title.value):
            yield ctx.finding(
                title.trimmed_value_span,
                f'CS1 maint: archived copy as title: "{title.value}" is a placeholder',
            )


RULES = (
    access_date_without_url, archive_url_without_date, archive_date_without_url,
    archive_url_without_url, malformed_archive_url, archive_date_mismatch,
    url_status_without_archive, archived_copy_title,
)  # fmt: skip
