"""CS1's verdict on a date-holding parameter (Module:Citation/CS1/Date validation), exactly.

Each parameter kind is held to its own rules: which shapes it accepts (seasons, circa, a
CITEREF letter, a single full date), its year limit, the access-date window. The shapes
themselves are :mod:`wikicheck.cs1.date_grammar`. This is a grammar, not a lenient parser:
``Sept 2020`` and ``05 January 2001`` are wrong because CS1 says so.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from .calendar import FIRST_DAY, LAST_DAY, Day
from .date_grammar import (
    CIRCA,
    FULL_DATE_FORMS,
    NO_DATE,
    SHAPES,
    YEAR_ONLY,
    CitationDate,
    DateRules,
    Opaque,
    OutOfRange,
    Reject,
    validate,
    year_bounds,
)
from .date_hints import shape_hint

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
class DateProblem:
    """A value CS1 rejects, with the reason in words an editor understands.

    ``opaque`` marks a value holding a template: CS1 judges the template's expansion, which
    wikicheck does not see, so the verdict is unknown rather than an error.
    """

    raw: str
    reason: str
    out_of_range: bool = False
    opaque: bool = False


_OPAQUE = "holds a template; CS1 checks what it expands to, which wikicheck cannot see"


_RULES = {
    DateKind.DATE: DateRules(True, True, False, 1),
    DateKind.PUBLICATION: DateRules(False, False, False, 1),
    DateKind.ACCESS: DateRules(False, False, True, 1),
    DateKind.ARCHIVE: DateRules(False, False, True, 1),
    DateKind.DOI_BROKEN: DateRules(False, False, False, 1),
    DateKind.PMC_EMBARGO: DateRules(False, False, True, 2),
}


def parse_date(value: str, kind: DateKind, today: dt.date) -> CitationDate | DateProblem:
    """Judge ``value`` (already trimmed, comments removed) as CS1 judges this parameter."""
    if kind is DateKind.YEAR:
        return _parse_year_beside_date(value, today)
    rules = _RULES[kind]
    try:
        return _parse(value, kind, rules, today)
    except Opaque as reject:
        return DateProblem(value, str(reject), opaque=True)
    except OutOfRange as reject:
        return DateProblem(value, str(reject), out_of_range=True)
    except Reject as reject:
        return DateProblem(value, str(reject))


def _parse_year_beside_date(value: str, today: dt.date) -> CitationDate | DateProblem:
    if "{{" in value:
        return DateProblem(value, _OPAQUE, opaque=True)
    match = YEAR_ONLY.match(value) or CIRCA.match(value)
    if not match:
        return DateProblem(
            value, "beside |date=, |year= may hold only a year, like 2001 or c. 2001"
        )
    year = int(match.group(1))
    # CS1 holds only the circa form to the year limit here; a plain future year is caught
    # by the |year= / |date= mismatch check instead.
    if CIRCA.match(value) and year > today.year + 1:
        return DateProblem(value, f"the year {year} is in the future", out_of_range=True)
    first, last = year_bounds(year)
    return CitationDate(value, "y", first, last, None, False, False)


def _parse(value: str, kind: DateKind, rules: DateRules, today: dt.date) -> CitationDate:
    if "{{" in value:
        raise Opaque(_OPAQUE)
    if kind is DateKind.DATE:
        special = _special(value, today)
        if special is not None:
            return special
    if CIRCA.match(value) or value.startswith(("c.", "circa", "ca.")):
        raise Reject(
            'only |date= and |year= accept a circa year, written exactly "c. 1900"'
            if kind is not DateKind.DATE
            else 'write a circa year exactly as "c. 1900"'
        )
    if "\u00a0" in value or "&nbsp;" in value:
        raise Reject("contains a non-breaking space; use ordinary spaces")
    if "[[" in value or "&" in value:
        raise Reject("links and HTML entities are not allowed in dates")
    for form, pattern in SHAPES:
        match = pattern.match(value)
        if match:
            date = validate(form, match.groups(), value, rules)
            break
    else:
        raise Reject(shape_hint(value))
    if rules.full_only and form not in FULL_DATE_FORMS:
        raise Reject("must be one full date with day, month and year")
    if kind is DateKind.ACCESS:
        if date.first < EARLIEST_ACCESS_DATE:
            raise OutOfRange("access dates before 15 January 2001 are not accepted")
        if date.first > Day.of(today + dt.timedelta(days=1)):
            raise OutOfRange(f"is after today ({today.isoformat()})")
    year_limit = today.year + rules.year_limit
    if date.last.year > year_limit:
        raise OutOfRange(f"the year {date.last.year} is after {year_limit}")
    return date


def _special(value: str, today: dt.date) -> CitationDate | None:
    if NO_DATE.match(value):
        return CitationDate(value, "n.d.", FIRST_DAY, LAST_DAY, None, False, False)
    circa = CIRCA.match(value)
    if circa:
        year = int(circa.group(1))
        if year > today.year + 1:
            raise OutOfRange(f"the year {year} is after {today.year + 1}")
        return CitationDate(value, "c.", *year_bounds(year), None, False, False)
    return None
