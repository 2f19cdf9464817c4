"""The CS1 date grammar (Module:Citation/CS1/Date validation), re-implemented exactly.

A date-holding parameter is matched against the accepted shapes in the module's order; the
first shape that matches decides, and its conditions (real calendar day, year bounds, range
order, dash spacing) then accept or reject the value. This is a grammar, not a lenient parser:
``Sept 2020`` and ``05 January 2001`` are wrong because CS1 says so.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from ..resources import load_toml
from .calendar import (
    FIRST_DAY,
    GREGORIAN_FROM,
    LAST_DAY,
    LONG_MONTHS,
    SHORT_MONTHS,
    DateStyle,
    Day,
    days_in_month,
)
from .date_hints import shape_hint, unknown_month

_NAMES = load_toml("cs1_dates.toml")
SEASONS: dict[str, int] = dict(_NAMES["seasons"])  # name -> EDTF number; Fall = Autumn
QUARTERS: dict[str, int] = dict(_NAMES["quarters"])
NAMED_DATES: tuple[str, ...] = tuple(_NAMES["named"]["names"])
YEAR_SPANNING_SEASONS: tuple[str, ...] = tuple(_NAMES["year_spanning"]["seasons"])
EARLIEST_ACCESS_DATE = Day(2001, 1, 15)


class DateKind(StrEnum):
    """Which rules a parameter's value is held to (§5 of the spec)."""

    DATE = "date"  # |date=, or |year=/|publication-date= promoted to it
    YEAR = "year"  # |year= beside a |date=
    PUBLICATION = "publication-date"  # beside a |date= or |year=
    ACCESS = "access-date"
    ARCHIVE = "archive-date"
    DOI_BROKEN = "doi-broken-date"
    PMC_EMBARGO = "pmc-embargo-date"


@dataclass(frozen=True, slots=True)
class CitationDate:
    """A value CS1 accepts. ``first``/``last`` bound the days it can mean, as written."""

    raw: str
    form: str
    first: Day
    last: Day
    style: DateStyle | None
    single_full_date: bool
    hyphenated: bool


@dataclass(frozen=True, slots=True)
class DateProblem:
    """A value CS1 rejects, with the reason in words an editor understands.

    ``opaque`` marks a value holding a template: CS1 judges the template's expansion, which
    wikicheck does not see, so the verdict is unknown rather than an error.
    """

    raw: str
    reason: str
    out_of_range: bool = False
    opaque: bool = False


_Y = r"([1-9]\d{2,3})"
_D = r"([1-9]\d?)"
_W = r"([A-Za-z]+)"
_L = r"([A-Za-z]?)"
_DASH = r"[–-]"
_SPACED = r" +[–-] +"
_SHAPES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pattern))
    for name, pattern in (
        ("ymd", r"^(\d{4})-(\d{2})-(\d{2})$"),
        ("Mdy", rf"^{_W} +{_D}, +{_Y}{_L}$"),
        ("Md-dy", rf"^{_W} +{_D}{_DASH}{_D}, +{_Y}{_L}$"),
        ("dMy", rf"^{_D} +{_W} +{_Y}{_L}$"),
        ("d-dMy", rf"^{_D}{_DASH}{_D} +{_W} +{_Y}{_L}$"),
        ("dM-dMy", rf"^{_D} +{_W}{_SPACED}{_D} +{_W} +{_Y}{_L}$"),
        ("Md-Mdy", rf"^{_W} +{_D}{_SPACED}{_W} +{_D}, +{_Y}{_L}$"),
        ("dMy-dMy", rf"^{_D} +{_W} +{_Y}{_SPACED}{_D} +{_W} +{_Y}{_L}$"),
        ("Mdy-Mdy", rf"^{_W} +{_D}, +{_Y}{_SPACED}{_W} +{_D}, +{_Y}{_L}$"),
        ("My-My", rf"^{_W} +{_Y}{_SPACED}{_W} +{_Y}{_L}$"),
        ("M-My", rf"^{_W}{_DASH}{_W} +{_Y}{_L}$"),
        ("My", rf"^([^\d–]+?) +{_Y}{_L}$"),
        ("Sy4-y2", rf"^{_W} +([1-9]\d{{3}}){_DASH}(\d{{2}}){_L}$"),
        ("Sy-y", rf"^{_W} +{_Y}{_DASH}{_Y}{_L}$"),
        ("y-y", rf"^{_Y}{_DASH}{_Y}{_L}$"),
        ("y4-y2", rf"^([1-9]\d{{3}}){_DASH}(\d{{2}}){_L}$"),
        ("y", rf"^{_Y}{_L}$"),
    )
)
_CIRCA = re.compile(rf"^c\. {_Y}{_L}$")
_NO_DATE = re.compile(r"^(?:n\.d\.|nd)([a-z]?)$")
_YEAR_ONLY = re.compile(rf"^{_Y}{_L}$")
_FULL_DATE_FORMS = frozenset({"ymd", "Mdy", "dMy"})


Maker = Callable[[Day, Day, "DateStyle | None"], "CitationDate"]


class _Reject(Exception):
    """Raised inside validation with the reason the value is not a valid date."""


class _OutOfRange(_Reject):
    """The value is well formed but outside the years or days CS1 allows."""


class _Opaque(_Reject):
    """The value holds a template; CS1 judges its expansion, which is not visible here."""


_OPAQUE = "holds a template; CS1 checks what it expands to, which wikicheck cannot see"


def _month(token: str) -> tuple[int, str] | None:
    if token in LONG_MONTHS:
        return LONG_MONTHS.index(token) + 1, "long"
    if token in SHORT_MONTHS:
        return SHORT_MONTHS.index(token) + 1, "short"
    return None


def _require_month(token: str) -> tuple[int, str]:
    month = _month(token)
    if month is None:
        raise _Reject(unknown_month(token))
    return month


def _same_style(first: str, second: str) -> bool:
    """Both long names or both short names ("May" is both)."""
    return (first in LONG_MONTHS and second in LONG_MONTHS) or (
        first in SHORT_MONTHS and second in SHORT_MONTHS
    )


def _require_same_style(first: str, second: str) -> None:
    if not _same_style(first, second):
        raise _Reject("use long month names on both sides of a range, or short ones on both")


def _day(year: int, month: int, day: int) -> Day:
    """The day exactly as written, once CS1's calendar confirms it exists."""
    if not 1 <= month <= 12:
        raise _Reject(f"there is no month {month}")
    if not 1 <= day <= days_in_month(year, month):
        raise _Reject(f"{LONG_MONTHS[month - 1]} {year} has no day {day}")
    return Day(year, month, day)


def _month_bounds(year: int, month: int) -> tuple[Day, Day]:
    return _day(year, month, 1), _day(year, month, days_in_month(year, month))


def _year_bounds(year: int) -> tuple[Day, Day]:
    return Day(year, 1, 1), Day(year, 12, 31)


@dataclass(frozen=True, slots=True)
class _Rules:
    seasons: bool  # seasons, quarters and named dates allowed
    suffix: bool  # lowercase CITEREF letter allowed
    full_only: bool  # a single full date (ymd, Mdy, dMy) only
    year_limit: int  # years past today's year that are accepted


_RULES = {
    DateKind.DATE: _Rules(True, True, False, 1),
    DateKind.PUBLICATION: _Rules(False, False, False, 1),
    DateKind.ACCESS: _Rules(False, False, True, 1),
    DateKind.ARCHIVE: _Rules(False, False, True, 1),
    DateKind.DOI_BROKEN: _Rules(False, False, False, 1),
    DateKind.PMC_EMBARGO: _Rules(False, False, True, 2),
}


def parse_date(value: str, kind: DateKind, today: dt.date) -> CitationDate | DateProblem:
    """Judge ``value`` (already trimmed, comments removed) as CS1 judges this parameter."""
    if kind is DateKind.YEAR:
        return _parse_year_beside_date(value, today)
    rules = _RULES[kind]
    try:
        return _parse(value, kind, rules, today)
    except _Opaque as reject:
        return DateProblem(value, str(reject), opaque=True)
    except _OutOfRange as reject:
        return DateProblem(value, str(reject), out_of_range=True)
    except _Reject as reject:
        return DateProblem(value, str(reject))


def _parse_year_beside_date(value: str, today: dt.date) -> CitationDate | DateProblem:
    if "{{" in value:
        return DateProblem(value, _OPAQUE, opaque=True)
    match = _YEAR_ONLY.match(value) or _CIRCA.match(value)
    if not match:
        return DateProblem(
            value, "beside |date=, |year= may hold only a year, like 2001 or c. 2001"
        )
    year = int(match.group(1))
    # CS1 holds only the circa form to the year limit here; a plain future year is caught
    # by the |year= / |date= mismatch check instead.
    if _CIRCA.match(value) and year > today.year + 1:
        return DateProblem(value, f"the year {year} is in the future", out_of_range=True)
    first, last = _year_bounds(year)
    return CitationDate(value, "y", first, last, None, False, False)


def _parse(value: str, kind: DateKind, rules: _Rules, today: dt.date) -> CitationDate:
    if "{{" in value:
        raise _Opaque(_OPAQUE)
    if kind is DateKind.DATE:
        special = _special(value, today)
        if special is not None:
            return special
    if _CIRCA.match(value) or value.startswith(("c.", "circa", "ca.")):
        raise _Reject(
            'only |date= and |year= accept a circa year, written exactly "c. 1900"'
            if kind is not DateKind.DATE
            else 'write a circa year exactly as "c. 1900"'
        )
    if "\u00a0" in value or "&nbsp;" in value:
        raise _Reject("contains a non-breaking space; use ordinary spaces")
    if "[[" in value or "&" in value:
        raise _Reject("links and HTML entities are not allowed in dates")
    for form, pattern in _SHAPES:
        match = pattern.match(value)
        if match:
            date = _validate(form, match.groups(), value, rules)
            break
    else:
        raise _Reject(shape_hint(value))
    if rules.full_only and form not in _FULL_DATE_FORMS:
        raise _Reject("must be one full date with day, month and year")
    if kind is DateKind.ACCESS:
        if date.first < EARLIEST_ACCESS_DATE:
            raise _OutOfRange("access dates before 15 January 2001 are not accepted")
        if date.first > Day.of(today + dt.timedelta(days=1)):
            raise _OutOfRange(f"is after today ({today.isoformat()})")
    year_limit = today.year + rules.year_limit
    if date.last.year > year_limit:
        raise _OutOfRange(f"the year {date.last.year} is after {year_limit}")
    return date


def _special(value: str, today: dt.date) -> CitationDate | None:
    if _NO_DATE.match(value):
        return CitationDate(value, "n.d.", FIRST_DAY, LAST_DAY, None, False, False)
    circa = _CIRCA.match(value)
    if circa:
        year = int(circa.group(1))
        if year > today.year + 1:
            raise _OutOfRange(f"the year {year} is after {today.year + 1}")
        return CitationDate(value, "c.", *_year_bounds(year), None, False, False)
    return None


def _check_suffix(letter: str, rules: _Rules) -> None:
    if letter and letter.islower() and not rules.suffix:
        raise _Reject("a letter after the year is allowed only in |date= and |year=")


def _validate(form: str, groups: tuple[str | None, ...], value: str, rules: _Rules) -> CitationDate:
    parts = [group or "" for group in groups]
    hyphenated = "-" in value and form != "ymd"

    def made(first: Day, last: Day, style: DateStyle | None) -> CitationDate:
        return CitationDate(value, form, first, last, style, form in _FULL_DATE_FORMS, hyphenated)

    if form == "ymd":
        year, month, day = (int(part) for part in parts)
        if year < GREGORIAN_FROM:
            raise _Reject("YYYY-MM-DD dates must be in 1582 or later")
        date = _day(year, month, day)
        return made(date, date, DateStyle.YMD)
    _check_suffix(parts[-1], rules)
    if form == "Mdy":
        (month, _), day, year = _require_month(parts[0]), int(parts[1]), int(parts[2])
        date = _day(year, month, day)
        return made(date, date, DateStyle.MDY)
    if form == "dMy":
        day, (month, _), year = int(parts[0]), _require_month(parts[1]), int(parts[2])
        date = _day(year, month, day)
        return made(date, date, DateStyle.DMY)
    if form in ("Md-dy", "d-dMy"):
        if form == "Md-dy":
            (month, _), day1, day2, year = (
                _require_month(parts[0]),
                int(parts[1]),
                int(parts[2]),
                int(parts[3]),
            )
            style = DateStyle.MDY
        else:
            day1, day2, (month, _), year = (
                int(parts[0]),
                int(parts[1]),
                _require_month(parts[2]),
                int(parts[3]),
            )
            style = DateStyle.DMY
        first, last = _day(year, month, day1), _day(year, month, day2)
        if day1 >= day2:
            raise _Reject("the first day of a range must come before the second")
        return made(first, last, style)
    if form in ("dM-dMy", "Md-Mdy"):
        if form == "dM-dMy":
            d1, m1, d2, m2, year_text = parts[:5]
            style = DateStyle.DMY
        else:
            m1, d1, m2, d2, year_text = parts[:5]
            style = DateStyle.MDY
        (month1, _), (month2, _) = _require_month(m1), _require_month(m2)
        year = int(year_text)
        _require_same_style(m1, m2)
        if month1 >= month2:
            raise _Reject("the first month of a range must come before the second")
        return made(_day(year, month1, int(d1)), _day(year, month2, int(d2)), style)
    if form in ("dMy-dMy", "Mdy-Mdy"):
        if form == "dMy-dMy":
            d1, m1, y1, d2, m2, y2 = parts[:6]
            style = DateStyle.DMY
        else:
            m1, d1, y1, m2, d2, y2 = parts[:6]
            style = DateStyle.MDY
        (month1, _), (month2, _) = _require_month(m1), _require_month(m2)
        _require_same_style(m1, m2)
        if int(y1) >= int(y2):
            raise _Reject("a range within one year is written without repeating the year")
        return made(_day(int(y1), month1, int(d1)), _day(int(y2), month2, int(d2)), style)
    if form == "My-My":
        return _month_year_range(parts, value, rules, made)
    if form == "M-My":
        return _month_range(parts, rules, made)
    if form == "My":
        return _month_year(parts, rules, made)
    if form in ("Sy4-y2", "Sy-y"):
        if parts[0] not in YEAR_SPANNING_SEASONS:
            raise _Reject(
                "only Winter and Summer may span two years (Winter 2011–12); write other "
                "ranges month to month, like January 2011 – March 2012"
            )
        # As in the module, only the four-digit form is held to |date=; "Winter 2011–12"
        # passes in |publication-date= too.
        if form == "Sy-y" and not rules.seasons:
            raise _Reject("seasons are allowed only in |date=")
        year1 = int(parts[1])
        year2 = (year1 // 100) * 100 + int(parts[2]) if form == "Sy4-y2" else int(parts[2])
        if year2 != year1 + 1:
            raise _Reject(f"a {parts[0].lower()} range must span two consecutive years")
        return made(_year_bounds(year1)[0], _year_bounds(year2)[1], None)
    if form == "y-y":
        year1, year2 = int(parts[0]), int(parts[1])
        if year1 >= year2:
            raise _Reject("the first year of a range must come before the second")
        return made(_year_bounds(year1)[0], _year_bounds(year2)[1], None)
    if form == "y4-y2":
        year1, short = int(parts[0]), int(parts[1])
        if short < 13:
            raise _Reject("two-digit range ends below 13 are ambiguous; write both years in full")
        year2 = (year1 // 100) * 100 + short
        if year1 >= year2:
            raise _Reject("the first year of a range must come before the second")
        return made(_year_bounds(year1)[0], _year_bounds(year2)[1], None)
    year = int(parts[0])
    return made(*_year_bounds(year), None)


def _season_or_month(token: str, rules: _Rules) -> tuple[str, int]:
    """("month", number) or ("season", EDTF number); rejects anything else."""
    month = _month(token)
    if month is not None:
        return "month", month[0]
    if token in SEASONS:
        if not rules.seasons:
            raise _Reject("seasons are allowed only in |date=")
        return "season", SEASONS[token]
    raise _Reject(unknown_month(token))


def _month_year_range(parts: list[str], value: str, rules: _Rules, made: Maker) -> CitationDate:
    kind1, index1 = _season_or_month(parts[0], rules)
    kind2, index2 = _season_or_month(parts[2], rules)
    year1, year2 = int(parts[1]), int(parts[3])
    if kind1 != kind2:
        raise _Reject("a range cannot mix a month and a season")
    if kind1 == "month":
        _require_same_style(parts[0], parts[2])
    if year1 >= year2:
        raise _Reject("the first year of a range must come before the second")
    first = _month_bounds(year1, index1)[0] if kind1 == "month" else _year_bounds(year1)[0]
    last = _month_bounds(year2, index2)[1] if kind2 == "month" else _year_bounds(year2)[1]
    return made(first, last, None)


def _month_range(parts: list[str], rules: _Rules, made: Maker) -> CitationDate:
    kind1, index1 = _season_or_month(parts[0], rules)
    kind2, index2 = _season_or_month(parts[1], rules)
    year = int(parts[2])
    if kind1 != kind2:
        raise _Reject("a range cannot mix a month and a season")
    if kind1 == "month":
        _require_same_style(parts[0], parts[1])
        if index1 >= index2:
            raise _Reject("the first month of a range must come before the second")
        return made(_month_bounds(year, index1)[0], _month_bounds(year, index2)[1], None)
    if index1 == index2:
        raise _Reject("a range needs two different seasons (Fall and Autumn are one season)")
    return made(*_year_bounds(year), None)


def _month_year(parts: list[str], rules: _Rules, made: Maker) -> CitationDate:
    name, year = parts[0], int(parts[1])
    month = _month(name)
    if month is not None:
        return made(*_month_bounds(year, month[0]), None)
    quarter = QUARTERS.get(re.sub(" +", " ", name))  # CS1 reads runs of spaces as one here
    if name in SEASONS or quarter is not None or name in NAMED_DATES:
        if not rules.seasons:
            raise _Reject("seasons, quarters and named dates are allowed only in |date=")
        if quarter is not None:
            first = _month_bounds(year, quarter * 3 - 2)[0]
            return made(first, _month_bounds(year, quarter * 3)[1], None)
        return made(*_year_bounds(year), None)
    if "," in name:
        raise _Reject("month-year dates take no comma")
    raise _Reject(unknown_month(name))
