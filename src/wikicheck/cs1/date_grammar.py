"""The shapes of the CS1 date grammar (Module:Citation/CS1/Date validation) and their conditions.

Each accepted shape is a pattern in the module's order; :func:`validate` then holds a matched
value to the shape's conditions (real calendar day, year bounds, range order, month-name style,
seasons) and returns the days it can mean. Which parameter accepts which shapes, and the
verdict for an editor, are :mod:`wikicheck.cs1.dates`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from ..resources import load_toml
from .calendar import GREGORIAN_FROM, LONG_MONTHS, SHORT_MONTHS, DateStyle, Day, days_in_month
from .date_hints import unknown_month

_NAMES = load_toml("cs1_dates.toml")
SEASONS: dict[str, int] = dict(_NAMES["seasons"])  # name -> EDTF number; Fall = Autumn
QUARTERS: dict[str, int] = dict(_NAMES["quarters"])
NAMED_DATES: tuple[str, ...] = tuple(_NAMES["named"]["names"])
YEAR_SPANNING_SEASONS: tuple[str, ...] = tuple(_NAMES["year_spanning"]["seasons"])


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


_Y = r"([1-9]\d{2,3})"
_D = r"([1-9]\d?)"
_W = r"([A-Za-z]+)"
_L = r"([A-Za-z]?)"
_DASH = r"[–-]"
_SPACED = r" +[–-] +"
SHAPES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
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
CIRCA = re.compile(rf"^c\. {_Y}{_L}$")
NO_DATE = re.compile(r"^(?:n\.d\.|nd)([a-z]?)$")
YEAR_ONLY = re.compile(rf"^{_Y}{_L}$")
FULL_DATE_FORMS = frozenset({"ymd", "Mdy", "dMy"})


Maker = Callable[[Day, Day, "DateStyle | None"], "CitationDate"]


class Reject(Exception):
    """Raised inside validation with the reason the value is not a valid date."""


class OutOfRange(Reject):
    """The value is well formed but outside the years or days CS1 allows."""


class Opaque(Reject):
    """The value holds a template; CS1 judges its expansion, which is not visible here."""


def _month(token: str) -> tuple[int, str] | None:
    if token in LONG_MONTHS:
        return LONG_MONTHS.index(token) + 1, "long"
    if token in SHORT_MONTHS:
        return SHORT_MONTHS.index(token) + 1, "short"
    return None


def _require_month(token: str) -> tuple[int, str]:
    month = _month(token)
    if month is None:
        raise Reject(unknown_month(token))
    return month


def _same_style(first: str, second: str) -> bool:
    """Both long names or both short names ("May" is both)."""
    return (first in LONG_MONTHS and second in LONG_MONTHS) or (
        first in SHORT_MONTHS and second in SHORT_MONTHS
    )


def _require_same_style(first: str, second: str) -> None:
    if not _same_style(first, second):
        raise Reject("use long month names on both sides of a range, or short ones on both")


def _day(year: int, month: int, day: int) -> Day:
    """The day exactly as written, once CS1's calendar confirms it exists."""
    if not 1 <= month <= 12:
        raise Reject(f"there is no month {month}")
    if not 1 <= day <= days_in_month(year, month):
        raise Reject(f"{LONG_MONTHS[month - 1]} {year} has no day {day}")
    return Day(year, month, day)


def _month_bounds(year: int, month: int) -> tuple[Day, Day]:
    return _day(year, month, 1), _day(year, month, days_in_month(year, month))


def year_bounds(year: int) -> tuple[Day, Day]:
    return Day(year, 1, 1), Day(year, 12, 31)


@dataclass(frozen=True, slots=True)
class DateRules:
    seasons: bool  # seasons, quarters and named dates allowed
    suffix: bool  # lowercase CITEREF letter allowed
    full_only: bool  # a single full date (ymd, Mdy, dMy) only
    year_limit: int  # years past today's year that are accepted


def _check_suffix(letter: str, rules: DateRules) -> None:
    if letter and letter.islower() and not rules.suffix:
        raise Reject("a letter after the year is allowed only in |date= and |year=")


def validate(
    form: str, groups: tuple[str | None, ...], value: str, rules: DateRules
) -> CitationDate:
    parts = [group or "" for group in groups]
    hyphenated = "-" in value and form != "ymd"

    def made(first: Day, last: Day, style: DateStyle | None) -> CitationDate:
        return CitationDate(value, form, first, last, style, form in FULL_DATE_FORMS, hyphenated)

    if form == "ymd":
        year, month, day = (int(part) for part in parts)
        if year < GREGORIAN_FROM:
            raise Reject("YYYY-MM-DD dates must be in 1582 or later")
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
            raise Reject("the first day of a range must come before the second")
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
            raise Reject("the first month of a range must come before the second")
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
            raise Reject("a range within one year is written without repeating the year")
        return made(_day(int(y1), month1, int(d1)), _day(int(y2), month2, int(d2)), style)
    if form == "My-My":
        return _month_year_range(parts, value, rules, made)
    if form == "M-My":
        return _month_range(parts, rules, made)
    if form == "My":
        return _month_year(parts, rules, made)
    if form in ("Sy4-y2", "Sy-y"):
        if parts[0] not in YEAR_SPANNING_SEASONS:
            raise Reject(
                "only Winter and Summer may span two years (Winter 2011–12); write other "
                "ranges month to month, like January 2011 – March 2012"
            )
        # As in the module, only the four-digit form is held to |date=; "Winter 2011–12"
        # passes in |publication-date= too.
        if form == "Sy-y" and not rules.seasons:
            raise Reject("seasons are allowed only in |date=")
        year1 = int(parts[1])
        year2 = (year1 // 100) * 100 + int(parts[2]) if form == "Sy4-y2" else int(parts[2])
        if year2 != year1 + 1:
            raise Reject(f"a {parts[0].lower()} range must span two consecutive years")
        return made(year_bounds(year1)[0], year_bounds(year2)[1], None)
    if form == "y-y":
        year1, year2 = int(parts[0]), int(parts[1])
        if year1 >= year2:
            raise Reject("the first year of a range must come before the second")
        return made(year_bounds(year1)[0], year_bounds(year2)[1], None)
    if form == "y4-y2":
        year1, short = int(parts[0]), int(parts[1])
        if short < 13:
            raise Reject("two-digit range ends below 13 are ambiguous; write both years in full")
        year2 = (year1 // 100) * 100 + short
        if year1 >= year2:
            raise Reject("the first year of a range must come before the second")
        return made(year_bounds(year1)[0], year_bounds(year2)[1], None)
    year = int(parts[0])
    return made(*year_bounds(year), None)


def _season_or_month(token: str, rules: DateRules) -> tuple[str, int]:
    """("month", number) or ("season", EDTF number); rejects anything else."""
    month = _month(token)
    if month is not None:
        return "month", month[0]
    if token in SEASONS:
        if not rules.seasons:
            raise Reject("seasons are allowed only in |date=")
        return "season", SEASONS[token]
    raise Reject(unknown_month(token))


def _month_year_range(parts: list[str], value: str, rules: DateRules, made: Maker) -> CitationDate:
    kind1, index1 = _season_or_month(parts[0], rules)
    kind2, index2 = _season_or_month(parts[2], rules)
    year1, year2 = int(parts[1]), int(parts[3])
    if kind1 != kind2:
        raise Reject("a range cannot mix a month and a season")
    if kind1 == "month":
        _require_same_style(parts[0], parts[2])
    if year1 >= year2:
        raise Reject("the first year of a range must come before the second")
    first = _month_bounds(year1, index1)[0] if kind1 == "month" else year_bounds(year1)[0]
    last = _month_bounds(year2, index2)[1] if kind2 == "month" else year_bounds(year2)[1]
    return made(first, last, None)


def _month_range(parts: list[str], rules: DateRules, made: Maker) -> CitationDate:
    kind1, index1 = _season_or_month(parts[0], rules)
    kind2, index2 = _season_or_month(parts[1], rules)
    year = int(parts[2])
    if kind1 != kind2:
        raise Reject("a range cannot mix a month and a season")
    if kind1 == "month":
        _require_same_style(parts[0], parts[1])
        if index1 >= index2:
            raise Reject("the first month of a range must come before the second")
        return made(_month_bounds(year, index1)[0], _month_bounds(year, index2)[1], None)
    if index1 == index2:
        raise Reject("a range needs two different seasons (Fall and Autumn are one season)")
    return made(*year_bounds(year), None)


def _month_year(parts: list[str], rules: DateRules, made: Maker) -> CitationDate:
    name, year = parts[0], int(parts[1])
    month = _month(name)
    if month is not None:
        return made(*_month_bounds(year, month[0]), None)
    quarter = QUARTERS.get(re.sub(" +", " ", name))  # CS1 reads runs of spaces as one here
    if name in SEASONS or quarter is not None or name in NAMED_DATES:
        if not rules.seasons:
            raise Reject("seasons, quarters and named dates are allowed only in |date=")
        if quarter is not None:
            first = _month_bounds(year, quarter * 3 - 2)[0]
            return made(first, _month_bounds(year, quarter * 3)[1], None)
        return made(*year_bounds(year), None)
    if "," in name:
        raise Reject("month-year dates take no comma")
    raise Reject(unknown_month(name))
