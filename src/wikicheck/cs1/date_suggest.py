"""Suggest the date an editor meant, where that is unambiguous.

python-dateutil reads the many ways people write dates; it is used only here, after the strict
grammar has rejected a value, and only when the month is spelled out or the value is in
year-month-day order, so that ``3/4/2020`` (March or April?) never gets a suggestion. The day
is returned as written (a ``Day``), never through a ``datetime.date``, so a 29 February stays
the 29th; a Julian leap day that dateutil's calendar cannot hold gets no suggestion.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re

from dateutil import parser as dateutil_parser

from .calendar import LONG_MONTHS, SHORT_MONTHS, DateStyle, Day, is_real_day

_WORD = re.compile(r"[A-Za-z]+\.?")
_ISO_LIKE = re.compile(r"^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$")
_LOOSE_MONTHS = {name.lower(): index + 1 for index, name in enumerate(LONG_MONTHS)}
_LOOSE_MONTHS.update({name.lower(): index + 1 for index, name in enumerate(SHORT_MONTHS)})
_LOOSE_MONTHS.update({"sept": 9})


def _month_word(word: str) -> tuple[str, bool] | None:
    """The English month a word names: (name, exact-but-for-case-or-abbreviation)."""
    key = word.rstrip(".").lower()
    if key in _LOOSE_MONTHS:
        return LONG_MONTHS[_LOOSE_MONTHS[key] - 1], True
    close = difflib.get_close_matches(key, [name.lower() for name in LONG_MONTHS], n=2, cutoff=0.75)
    if len(close) == 1:
        return LONG_MONTHS[[name.lower() for name in LONG_MONTHS].index(close[0])], False
    return None


def suggest_date(value: str) -> tuple[Day, DateStyle, bool] | None:
    """The single full date ``value`` stands for, its apparent style, and whether the
    reading is certain (only case, abbreviation, padding or punctuation differ)."""
    iso = _ISO_LIKE.match(value.strip())
    if iso:
        year, month, day = (int(part) for part in iso.groups())
        if not is_real_day(year, month, day):
            return None
        return Day(year, month, day), DateStyle.YMD, True
    words = _WORD.findall(value)
    months = [(word, _month_word(word)) for word in words]
    named = [(word, month) for word, month in months if month is not None]
    if len(named) != 1 or len(words) != 1:
        return None
    word, (month_name, certain) = named[0]
    normalised = value.replace(word, month_name)
    numbers = re.findall(r"\d+", normalised)
    if len(numbers) != 2 or not any(len(number) >= 3 for number in numbers):
        return None
    try:
        parsed = dateutil_parser.parse(normalised, default=dt.datetime(1, 1, 1))
    except (ValueError, OverflowError):
        return None
    if sorted((parsed.day, parsed.year)) != sorted(int(number) for number in numbers):
        return None  # dateutil filled a part in from its default: a suggestion never invents
    style = DateStyle.MDY if normalised.strip().startswith(month_name) else DateStyle.DMY
    return Day(parsed.year, parsed.month, parsed.day), style, certain
