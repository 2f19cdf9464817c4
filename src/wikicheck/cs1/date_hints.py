"""Why a value is not a CS1 date, in words an editor can act on."""

from __future__ import annotations

import re

from .calendar import LONG_MONTHS


def unknown_month(token: str) -> str:
    lowered = token.lower()
    for name in LONG_MONTHS:
        if lowered in (name.lower(), name[:3].lower()):
            return f'month names are case-sensitive: write "{name}" or "{name[:3]}"'
    if lowered in ("sept", "sept."):
        return 'write "Sep" or "September": CS1 does not accept "Sept"'
    return f'"{token}" is not an English month name'


def shape_hint(value: str) -> str:
    if re.match(r"^\d{4}-\d{1,2}-\d{1,2}$", value):
        return "ISO dates need two-digit months and days (YYYY-MM-DD)"
    if re.match(r"^[A-Za-z]+ +[–-] +[A-Za-z]+ +\d+$", value):
        return "a range of months within one year takes an unspaced dash, like June–July 2023"
    if "/" in value:
        return "slashes are not accepted; write the month as a word or use YYYY-MM-DD"
    if re.match(r"^0\d ", value) or re.search(r" 0\d,", value):
        return "days are written without a leading zero"
    if re.search(r"[A-Za-z]+ \d{1,2} \d{3,4}$", value):
        return "month-day-year dates need a comma after the day"
    if re.search(r"\d{1,2} [A-Za-z]+, \d{3,4}$", value):
        return "day-month-year dates take no comma"
    if re.search(r"[A-Za-z]+, \d{3,4}$", value):
        return "month-year dates take no comma"
    return "not a date format CS1 accepts"
