"""CS1 date grammar: the verified test vectors of shared/docs/cs1-date-rules.md §9.

Each verdict there came from running the real Lua module with today = 2025-06-15 UTC.
"""

from __future__ import annotations

import datetime as dt

import pytest

from wikicheck.cs1.calendar import Day, days_in_month
from wikicheck.cs1.date_grammar import CitationDate
from wikicheck.cs1.dates import DateKind, DateProblem, parse_date

TODAY = dt.date(2025, 6, 15)
D, ACC, ARC, PUB, YEAR, PMC, DOI = (
    DateKind.DATE, DateKind.ACCESS, DateKind.ARCHIVE, DateKind.PUBLICATION, DateKind.YEAR,
    DateKind.PMC_EMBARGO, DateKind.DOI_BROKEN,
)  # fmt: skip

VALID = [
    (D, v) for v in [
        "2001-01-15", "1582-01-01", "1582-10-10", "2026-12-31", "2024-02-29", "2000-02-29",
        "29 February 1500", "15 January 2001", "15 Jan 2001", "15 Sep 2001", "15  January  2001",
        "January 15, 2001", "Jan 15, 2001", "May 15, 2001", "January 2001", "Jan 2001", "2001",
        "999", "100", "31 December 999", "2001a", "15 January 2001a", "2010–2012a", "2001A",
        "n.d.", "nd", "n.d.a", "nda", "c. 1900", "c. 1900a", "Spring 2011", "Autumn 2011",
        "Fall 2011", "First Quarter 2011", "First  Quarter 2011", "Second Quarter 2001",
        "Christmas 2011", "Easter 2011", "Winter 2011–2012", "Winter 2011–12", "Summer 2011–12",
        "Winter 2025–26", "Winter–Spring 2011", "Summer–Spring 2011", "Spring 2011 – Summer 2012",
        "Spring 2000 – Winter 2001", "June–July 2023", "Jun–Jul 2023", "January–March 2001",
        "June-July 2023", "December 2022 – January 2023", "5–7 January 1979", "January 5–7, 2002",
        "5-7 January 1979", "5 January – 7 February 1979", "January 5 – February 7, 1979",
        "5 January 1979 – 7 February 1980", "January 5, 1979 – February 7, 1980", "2002–2003",
        "1999–2000", "2002-2003", "2002–13", "2012–13", "2025–26",
    ]
] + [
    (ACC, v) for v in [
        "2001-01-15", "15 January 2001", "January 15, 2001", "15 Jan 2020", "2025-06-15",
        "2025-06-16", "16 June 2025", "June 16, 2025", "15 January 2020A",
    ]
] + [(ARC, v) for v in ["2020-02-29", "1990-01-01", "2026-12-31"]] + [
    (PUB, "June–July 2023"),
    (YEAR, "2001"), (YEAR, "2001a"), (YEAR, "c. 1900"), (YEAR, "c. 2001"),
    (PMC, "2027-01-01"), (DOI, "2020-05-05"),
]  # fmt: skip

INVALID = [
    (D, v) for v in [
        "2001-1-15", "2001-01-5", "1581-12-31", "2027-01-01", "January 2027", "c. 2027",
        "2025-02-29", "1900-02-29", "1500-02-29", "2024-00-10", "2024-13-01", "2024-04-31",
        "2024-04-00", "15 january 2001", "15 JANUARY 2001", "15 Jan. 2001", "15 Sept 2001",
        "05 January 2001", "15 Janvier 2001", "January 15 2001", "January 05, 2001",
        "January 15,2001", "15 May, 2001", "January, 2001", "99", "0999", "9999",
        "1 January 0999", "2001-01-15a", "N.d.", "ND", "n.d", "undated", "c.1900", "c.  1900",
        "C. 1900", "circa 1900", "ca. 1900", "12/6/87", "[[April 1]], [[1999]]",
        "2008, originally 2000", "spring 2011", "first quarter 2011", "Fifth Quarter 2001",
        "Q1 2001", "Winter 2011–13", "Spring 2011–12", "Winter 2026–27", "Spring–Spring 2011",
        "Easter–Christmas 2001", "First Quarter–Third Quarter 2001",
        "Spring 2011 – January 2012", "Winter 2000 – Spring 2000", "January 2001 – Spring 2002",
        "First Quarter 2001 – Third Quarter 2001", "July–June 2023", "June–Jul 2023",
        "January–January 2001", "June – July 2023", "June/July 2023",
        "December 2022–January 2023", "December 2023 – January 2023", "Dec 2022 – January 2023",
        "7–5 January 1979", "5–5 January 1979", "30–31 April 1979", "5 February – 7 January 1979",
        "5 January 1980 – 7 February 1979", "15 January 2001 – 16 January 2001",
        "15 January 2001–16 January 2001", "2003–2002", "2001–2001", "2002/2003", "2002–2027",
        "c. 2002–2003", "2002–03", "2011–12", "1999–00", "2026–27", "15\u00a0January 2001",
    ]
] + [
    (ACC, v) for v in [
        "2001-01-14", "2025-06-17", "2026-01-01", "June 2025", "2025", "5–7 June 2025",
        "2020-02-30", "n.d.", "c. 2020", "15 January 2020a",
    ]
] + [(ARC, "June 2020"), (ARC, "2027-01-01")] + [
    (PUB, "Spring 2011"), (PUB, "n.d."), (PUB, "2001a"),
    (YEAR, "2001–2002"), (YEAR, "May 2001"),
    (PMC, "2028-01-01"), (PMC, "June 2027"), (DOI, "Spring 2011"),
]  # fmt: skip


@pytest.mark.parametrize(("kind", "value"), VALID, ids=lambda x: str(x))
def test_valid(kind: DateKind, value: str) -> None:
    result = parse_date(value, kind, TODAY)
    assert isinstance(result, CitationDate), result


@pytest.mark.parametrize(("kind", "value"), INVALID, ids=lambda x: str(x))
def test_invalid(kind: DateKind, value: str) -> None:
    result = parse_date(value, kind, TODAY)
    assert isinstance(result, DateProblem), result
    assert result.reason


@pytest.mark.parametrize(
    ("value", "hyphenated"),
    [
        ("June-July 2023", True),
        ("5-7 January 1979", True),
        ("2002-2003", True),
        ("Winter 2011-12", True),
        ("2002–2003", False),
        ("2001-01-15", False),
    ],
)
def test_hyphen_is_flagged_for_the_date_format_maintenance(value: str, hyphenated: bool) -> None:
    result = parse_date(value, D, TODAY)
    assert isinstance(result, CitationDate)
    assert result.hyphenated is hyphenated


@pytest.mark.parametrize(
    ("value", "first", "last"),
    [
        ("June–July 2023", Day(2023, 6, 1), Day(2023, 7, 31)),
        ("2024", Day(2024, 1, 1), Day(2024, 12, 31)),
        ("Third Quarter 2020", Day(2020, 7, 1), Day(2020, 9, 30)),
        ("5 May 2020", Day(2020, 5, 5), Day(2020, 5, 5)),
        # Kept as written (Module:Citation/CS1/Date validation oldid 1333433129; see
        # test_date_grammar_module.py): no 29 February becomes the 28th.
        ("29 February 2020", Day(2020, 2, 29), Day(2020, 2, 29)),
        ("February 29, 2016", Day(2016, 2, 29), Day(2016, 2, 29)),
        ("29 February 1500", Day(1500, 2, 29), Day(1500, 2, 29)),
        ("February 2020", Day(2020, 2, 1), Day(2020, 2, 29)),
        ("February 1500", Day(1500, 2, 1), Day(1500, 2, 29)),
        ("February 2021", Day(2021, 2, 1), Day(2021, 2, 28)),
        ("Mar–May 1903", Day(1903, 3, 1), Day(1903, 5, 31)),
        ("Winter–Fall 2011", Day(2011, 1, 1), Day(2011, 12, 31)),
    ],
)
def test_date_bounds(value: str, first: Day, last: Day) -> None:
    result = parse_date(value, D, TODAY)
    assert isinstance(result, CitationDate)
    assert (result.first, result.last) == (first, last)


def test_future_values_are_marked_out_of_range() -> None:
    result = parse_date("2025-06-17", ACC, TODAY)
    assert isinstance(result, DateProblem)
    assert result.out_of_range
    result = parse_date("2001-01-14", ACC, TODAY)
    assert isinstance(result, DateProblem)
    assert result.out_of_range
    result = parse_date("2020-02-30", ACC, TODAY)
    assert isinstance(result, DateProblem)
    assert not result.out_of_range


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("15 Sept 2020", '"Sep" or "September"'),
        ("5 january 2020", "case-sensitive"),
        ("2024-6-5", "two-digit"),
        ("January 5 2024", "comma after the day"),
    ],
)
def test_reasons_speak_to_editors(value: str, reason: str) -> None:
    result = parse_date(value, D, TODAY)
    assert isinstance(result, DateProblem)
    assert reason in result.reason


def test_julian_and_gregorian_leap_years() -> None:
    assert days_in_month(1500, 2) == 29
    assert days_in_month(1900, 2) == 28
    assert days_in_month(2000, 2) == 29
