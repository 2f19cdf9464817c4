"""Suggest the date an editor meant, where that is unambiguous.

python-dateutil reads the many ways people write dates; it is used only here, after the strict
grammar has rejected a value, and only when the month is spelled out or the value is in
year-month-day order, so that ``3/4/2020`` (March or April?) never gets a suggestion.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re

from dateutil import parser as dateutil_parser

from .dates import LONG_MONTHS, SHORT_MONTHS, DateStyle

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


def suggest_date(value: str) -> tuple[dt.date, DateStyle, bool] | None:
    """The single full date ``value`` stands for, its apparent style, and whether the
    reading is certain (only case, abbreviation, padding or punctuation differ)."""
    iso = _ISO_LIKE.match(value.strip())
    if iso:
        try:
            return dt.date(*(int(part) for part in iso.groups())), DateStyle.YMD, True
        except ValueError:
            return None
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
    style = DateStyle.MDY if normalised.strip().startswith(month_name) else DateStyle.DMY
    return parsed.date(), style, certain


def format_date(date: dt.date, style: DateStyle) -> str:
    if style is DateStyle.YMD:
        return date.isoformat()
    month = LONG_MONTHS[date.month - 1]
    if style is DateStyle.MDY:
        return f"{month} {date.day}, {date.year}"
    return f"{date.day} {month} {date.year}"
