"""Calendar days as CS1 reads them: Julian before 1582, Gregorian from 1582 on.

Python's ``datetime.date`` is proleptic Gregorian, so it cannot hold 29 February 1500 (a Julian
leap day CS1 accepts), and squeezing a date into it is how a 29 February once became the 28th.
A ``Day`` keeps the year, month and day exactly as written; days compare in calendar order
and are formatted from their parts, so no rule and no fix can move a date.
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import NamedTuple

from ..resources import load_toml

_NAMES = load_toml("cs1_dates.toml")
LONG_MONTHS: tuple[str, ...] = tuple(_NAMES["long_months"])
SHORT_MONTHS: tuple[str, ...] = tuple(_NAMES["short_months"])
GREGORIAN_FROM = 1582  # CS1 assumes the Julian calendar for earlier years


class DateStyle(StrEnum):
    DMY = "dmy"
    MDY = "mdy"
    YMD = "ymd"


def days_in_month(year: int, month: int) -> int:
    """Julian leap years before 1582 (as CS1 does), Gregorian from 1582 on."""
    if month == 2:
        leap = (
            year % 4 == 0
            if year < GREGORIAN_FROM
            else (year % 4 == 0 and (year % 100 != 0 or year % 400 == 0))
        )
        return 29 if leap else 28
    return 30 if month in (4, 6, 9, 11) else 31


def is_real_day(year: int, month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= days_in_month(year, month)


class Day(NamedTuple):
    """One calendar day as written. Tuples order as calendar days do."""

    year: int
    month: int
    day: int

    @classmethod
    def of(cls, date: dt.date) -> Day:
        return cls(date.year, date.month, date.day)

    def ordinal(self) -> int:
        """The Julian Day Number, in the calendar CS1 assumes for the year.

        Used only to count the days between two dates; ordering uses the tuple itself.
        """
        shift = (14 - self.month) // 12
        year = self.year + 4800 - shift
        month = self.month + 12 * shift - 3
        days = self.day + (153 * month + 2) // 5 + 365 * year + year // 4
        if self.year < GREGORIAN_FROM:
            return days - 32083
        return days - year // 100 + year // 400 - 32045

    def days_until(self, other: Day) -> int:
        return other.ordinal() - self.ordinal()


FIRST_DAY = Day(1, 1, 1)  # bounds of an undated (n.d.) source
LAST_DAY = Day(9999, 12, 31)


def format_day(day: Day, style: DateStyle, short: bool = False) -> str:
    """``day`` written in ``style``, with long (or short) month names."""
    if style is DateStyle.YMD:
        return f"{day.year:04d}-{day.month:02d}-{day.day:02d}"
    month = (SHORT_MONTHS if short else LONG_MONTHS)[day.month - 1]
    if style is DateStyle.MDY:
        return f"{month} {day.day}, {day.year}"
    return f"{day.day} {month} {day.year}"
