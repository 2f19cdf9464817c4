"""Citation date formats: one style per article where no {{Use dmy dates}} decides the
display (WC207, WC208), and en dashes in ranges (WC209)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from ..cs1.calendar import DateStyle, format_day
from ..cs1.citation_dates import CheckedDate, value_edit
from ..cs1.date_formats import citation_df, date_preference, rewritten_by_df, shown_as_written
from ..cs1.dates import DateProblem
from ..findings import Applicability, Finding, Fix, RuleFamily, Severity
from ..model import Article
from ._base import FixAvailability, RuleContext, rule
from ._shared import (
    PUBLICATION_KINDS,
    RETRIEVAL_KINDS,
    dated_citations,
    describe_date,
)


def _majority(styles: Counter[DateStyle]) -> DateStyle | None:
    """The style most dates use, when one has strictly more than any other."""
    ranked = styles.most_common()
    if len(ranked) < 2 or ranked[0][1] == ranked[1][1]:
        return None
    return ranked[0][0]


@rule(
    code="WC207",
    name="date-format-mismatch",
    family=RuleFamily.DATE,
    severity=Severity.INFO,
    fix_availability=FixAvailability.ALWAYS,
)
def date_format_mismatch(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a publication date written day-month where most of the article's are month-day,
    or the reverse, on a page without {{Use dmy dates}}/{{Use mdy dates}}.

    Only |date=, |publication-date= (and |year= promoted to a date) that are single full
    dates are looked at; access and archive dates are WC208's. ISO dates are not flagged:
    MOS:DATEUNIFY allows them in references. Silent when the page has {{Use dmy dates}} or
    {{Use mdy dates}} (or a redirect CS1 knows): CS1 then shows every citation date in that
    format, so rewriting the source changes nothing a reader sees. A citation with its own
    |df= is skipped for the same reason.

    Why: MOS:DATEUNIFY asks for one format for publication dates; without the template,
    readers see the mix.

    Example:
        {{cite web |url=https://example.org/a |title=A |date=5 May 2020}}
        {{cite web |url=https://example.org/b |title=B |date=6 May 2020}}
        {{cite web |url=https://example.org/c |title=C |date=May 7, 2020}}

    Use instead:
        {{cite web |url=https://example.org/a |title=A |date=5 May 2020}}
        {{cite web |url=https://example.org/b |title=B |date=6 May 2020}}
        {{cite web |url=https://example.org/c |title=C |date=7 May 2020}}

    Fix: unsafe: the date is rewritten in the majority format; check the article's style.
    """
    dated = [
        checked
        for checked in shown_as_written(article, dated_citations(ctx), PUBLICATION_KINDS)
        if checked.date is not None
        and checked.date.single_full_date
        and checked.date.style is not DateStyle.YMD
    ]
    styles = Counter(checked.date.style for checked in dated if checked.date and checked.date.style)
    majority = _majority(styles)
    if majority is None:
        return
    for checked in dated:
        yield from _reformat(article, ctx, checked, majority, styles, "publication")


def _reformat(
    article: Article,
    ctx: RuleContext,
    checked: CheckedDate,
    majority: DateStyle,
    styles: Counter[DateStyle],
    what: str,
) -> Iterator[Finding]:
    date = checked.date
    if date is None or date.style is None or date.style is majority:
        return
    text = format_day(date.first, majority)
    edit = value_edit(article.source, checked.param, text)
    if edit is None:
        return  # a date split by a comment: advice without a fix is not worth showing
    yield ctx.finding(
        checked.param.trimmed_value_span,
        f"{describe_date(checked)} is {date.style.value}; {styles[majority]} of the article's "
        f"{sum(styles.values())} {what} dates are {majority.value}",
        Fix(f'Write "{text}"', (edit,), Applicability.UNSAFE),
    )


@rule(
    code="WC208",
    name="mixed-retrieval-date-formats",
    family=RuleFamily.DATE,
    severity=Severity.INFO,
    fix_availability=FixAvailability.ALWAYS,
)
def mixed_retrieval_date_formats(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags access and archive dates that do not use the format most of the article's use.

    Silent when the page has {{Use dmy dates}} or {{Use mdy dates}} (or a redirect CS1
    knows): CS1 then renders access and archive dates in one format itself. A citation with
    its own |df= is skipped, and so is an archive-date that disagrees with its Wayback
    snapshot (WC316 reports that one, with the right date). Publication dates are WC207's.

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
    retrieval = shown_as_written(article, dated_citations(ctx), RETRIEVAL_KINDS)
    styles = Counter(
        checked.date.style for checked in retrieval if checked.date and checked.date.style
    )
    ranked = sorted(styles.items(), key=lambda item: (-item[1], item[0] is not DateStyle.YMD))
    if len(ranked) < 2:
        return
    majority = ranked[0][0]  # a tie goes to YYYY-MM-DD, which MOS:DATEUNIFY always allows
    for checked in retrieval:
        yield from _reformat(article, ctx, checked, majority, styles, "access and archive")


@rule(
    code="WC209",
    name="hyphen-in-date-range",
    family=RuleFamily.DATE,
    severity=Severity.WARNING,
    fix_availability=FixAvailability.SOMETIMES,
)
def hyphen_in_date_range(article: Article, ctx: RuleContext) -> Iterator[Finding]:
    """Flags a date range written with a hyphen instead of an en dash ("CS1 maint: date format").

    Why: CS1 converts it for display and files the page in the hidden maintenance category
    "CS1 maint: date format"; MOS:DATERANGE asks for an en dash.

    Example:
        {{cite journal |title=A |journal=J |date=June-July 2023}}

    Use instead:
        {{cite journal |title=A |journal=J |date=June–July 2023}}

    Not reported where CS1 rewrites the range itself in the page's {{Use dmy dates}}/{{Use
    mdy dates}} or |df= format (day ranges, and month ranges of two months): it then writes
    an en dash and adds no maintenance category.

    Fix: safe: each hyphen becomes an en dash, as the reader already sees it. A comment next
    to the date is kept; none is offered when a comment sits inside the date.
    """
    preference = date_preference(article)
    for citation, dates in dated_citations(ctx):
        if any(isinstance(checked.result, DateProblem) for checked in dates):
            continue  # as in the module: only when the citation has no date error
        df = citation_df(citation, preference)
        for checked in dates:
            date = checked.date
            if date is not None and date.hyphenated and not rewritten_by_df(df, checked):
                span = checked.param.trimmed_value_span
                edit = value_edit(article.source, checked.param, date.raw.replace("-", "–"))
                yield ctx.finding(
                    span,
                    f"CS1 maint: date format: {describe_date(checked)} uses a hyphen in a range",
                    Fix("Use an en dash", (edit,), Applicability.SAFE) if edit else None,
                )


RULES = (
    date_format_mismatch,
    mixed_retrieval_date_formats,
    hyphen_in_date_range,
)
