"""CS1 date verdicts for leap days, range forms and template values.

Each verdict was read from Module:Citation/CS1/Date validation, oldid 1333433129 (with
date names from Module:Citation/CS1/Configuration, oldid 1340931211), the revisions listed in
shared/reference/wikipedia-modules/README.md: check_date()'s patterns and their conditions,
is_valid_month_range_style(), is_valid_month_season_range() and is_valid_date().
"""

from __future__ import annotations

import datetime as dt

import pytest

from wikicheck.cs1.calendar import DateStyle, Day, format_day
from wikicheck.cs1.date_grammar import CitationDate
from wikicheck.cs1.date_suggest import suggest_date
from wikicheck.cs1.dates import DateKind, DateProblem, parse_date

TODAY = dt.date(2025, 6, 15)
D, ACC, ARC, PUB, YEAR, DOI = (
    DateKind.DATE, DateKind.ACCESS, DateKind.ARCHIVE, DateKind.PUBLICATION, DateKind.YEAR,
    DateKind.DOI_BROKEN,
)  # fmt: skip

# is_valid_date(): Julian leap years before 1582, Gregorian from 1582.
LEAP_VALID = [
    (D, "29 February 2020"), (D, "February 29, 2020"), (D, "29 Feb 2016"), (D, "Feb 29, 2016"),
    (D, "2020-02-29"), (D, "2000-02-29"), (D, "29 February 1600"), (D, "29 February 1500"),
    (D, "February 29, 1300"), (D, "28–29 February 2020"), (D, "February 28–29, 2020"),
    (D, "29 February – 1 March 2020"), (D, "29 February 2016 – 29 February 2020"),
    (ACC, "29 February 2020"), (ACC, "2024-02-29"), (ARC, "29 February 2020"),
    (ARC, "February 29, 2024"),
]  # fmt: skip
LEAP_INVALID = [
    (D, "29 February 2021"), (D, "February 29, 2021"), (D, "2021-02-29"), (D, "29 Feb 2019"),
    (D, "29 February 1900"), (D, "29 February 1700"), (D, "28–29 February 2021"),
    (D, "1500-02-29"), (D, "30 February 2020"), (ACC, "29 February 2021"),
    (ARC, "2021-02-29"),
]  # fmt: skip

# Ranges: M-My, My-My, dM-dMy, Md-Mdy, dMy-dMy, Mdy-Mdy accept two month names of one style,
# where "May" is both long and short (is_valid_month_range_style looks each name up in both
# tables); M-My wants an unspaced hyphen or en dash, the others a spaced one. Seasons pair
# freely except with themselves, and Fall and Autumn are one season (both 23).
RANGE_VALID = [
    (D, "Mar–May 1903"), (D, "Mar-May 1903"), (D, "May–Jun 1903"), (D, "May–June 1903"),
    (D, "Apr–May 1903"), (D, "April–May 1903"), (D, "Jan–Dec 1903"),
    (D, "5 May – 7 Jun 2001"), (D, "5 Mar – 7 May 2001"), (D, "May 5 – Jun 7, 2001"),
    (D, "Mar 5 – May 7, 2001"), (D, "May 2011 – Jun 2012"), (D, "Dec 2010 – May 2011"),
    (D, "May 2010 – March 2011"), (D, "5 May 2010 – 7 Jun 2011"),
    (D, "Jan 5, 2010 – May 7, 2011"), (D, "Winter–Fall 2011"), (D, "Fall 2011 – Autumn 2012"),
    (D, "Summer 2011–12"), (D, "Winter 1999–2000"), (PUB, "Mar–May 1903"),
    (PUB, "May 2011 – Jun 2012"),
    # Only the four-digit form checks the parameter: a two-digit Winter/Summer span passes
    # outside |date= too.
    (PUB, "Winter 2011–12"), (DOI, "Summer 2011–12"),
]  # fmt: skip
RANGE_INVALID = [
    (D, "Mar–June 1903"), (D, "March–Jun 1903"), (D, "May–Mar 1903"), (D, "May–May 1903"),
    (D, "Mar – May 1903"), (D, "Mar—May 1903"), (D, "Sept–Oct 2001"), (D, "Mar–May, 1903"),
    (D, "5 Mar – 7 June 2001"), (D, "Mar 2011 – June 2012"), (D, "Fall–Autumn 2011"),
    (D, "Autumn–Fall 2011"), (D, "Spring 2011–12"), (D, "January 2011–12"),
    (D, "Spring–June 2011"), (D, "June–Spring 2011"), (D, "First\tQuarter 2011"),
    (PUB, "Winter 2011–2012"), (PUB, "Winter–Spring 2011"),
]  # fmt: skip


@pytest.mark.parametrize(("kind", "value"), LEAP_VALID + RANGE_VALID, ids=str)
def test_module_accepts(kind: DateKind, value: str) -> None:
    assert isinstance(parse_date(value, kind, TODAY), CitationDate)


@pytest.mark.parametrize(("kind", "value"), LEAP_INVALID + RANGE_INVALID, ids=str)
def test_module_rejects(kind: DateKind, value: str) -> None:
    result = parse_date(value, kind, TODAY)
    assert isinstance(result, DateProblem)
    assert result.reason
    assert not result.opaque


def test_year_beside_date_has_no_future_limit_but_circa_does() -> None:
    # dates(): |year= beside |date= is only matched against the year pattern; a future year
    # is left to year_date_check()'s mismatch error.
    assert isinstance(parse_date("2030", YEAR, TODAY), CitationDate)
    result = parse_date("c. 2030", YEAR, TODAY)
    assert isinstance(result, DateProblem)
    assert result.out_of_range


@pytest.mark.parametrize(
    ("value", "kind"),
    [("{{fdate|2022-04-29}}", D), ("{{date|2022-04-29}}", ACC), ("{{CURRENTYEAR}}", YEAR)],
)
def test_templates_are_opaque_not_errors(value: str, kind: DateKind) -> None:
    result = parse_date(value, kind, TODAY)
    assert isinstance(result, DateProblem)
    assert result.opaque
    assert not result.out_of_range


def test_links_and_entities_are_still_errors() -> None:
    for value in ("[[April 1]], [[1999]]", "2001&ndash;2002"):
        result = parse_date(value, D, TODAY)
        assert isinstance(result, DateProblem)
        assert not result.opaque


@pytest.mark.parametrize(
    ("day", "style", "text"),
    [
        (Day(2020, 2, 29), DateStyle.DMY, "29 February 2020"),
        (Day(2020, 2, 29), DateStyle.MDY, "February 29, 2020"),
        (Day(2020, 2, 29), DateStyle.YMD, "2020-02-29"),
        (Day(1500, 2, 29), DateStyle.DMY, "29 February 1500"),
    ],
)
def test_format_keeps_the_day(day: Day, style: DateStyle, text: str) -> None:
    assert format_day(day, style) == text
    parsed = parse_date(text, D, TODAY)
    if style is not DateStyle.YMD or day.year >= 1582:
        assert isinstance(parsed, CitationDate)
        assert parsed.first == day


def test_days_between_counts_leap_days() -> None:
    assert Day(2020, 2, 28).days_until(Day(2020, 3, 1)) == 2
    assert Day(2021, 2, 28).days_until(Day(2021, 3, 1)) == 1
    assert Day(1500, 2, 28).days_until(Day(1500, 3, 1)) == 2  # Julian leap year
    assert Day(2019, 12, 31).days_until(Day(2020, 1, 1)) == 1
    assert Day(2020, 1, 1) < Day(2020, 2, 29) < Day(2020, 3, 1)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Feb. 29, 2020", (Day(2020, 2, 29), DateStyle.MDY, True)),
        ("29 febuary 2020", (Day(2020, 2, 29), DateStyle.DMY, False)),
        ("2020-2-29", (Day(2020, 2, 29), DateStyle.YMD, True)),
        ("Feb. 29, 2021", None),
        ("2021-2-29", None),
    ],
)
def test_suggestions_keep_29_february(
    value: str, expected: tuple[Day, DateStyle, bool] | None
) -> None:
    assert suggest_date(value) == expected
