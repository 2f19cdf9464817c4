"""The dates of one citation as CS1 validates them, and edits that rewrite one."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..findings import Edit
from ..model import Citation, CitationParam, Span
from .date_grammar import CitationDate
from .dates import DateKind, DateProblem, parse_date

_OWN_KINDS = {
    "access-date": DateKind.ACCESS,
    "archive-date": DateKind.ARCHIVE,
    "doi-broken-date": DateKind.DOI_BROKEN,
    "pmc-embargo-date": DateKind.PMC_EMBARGO,
}


@dataclass(frozen=True, slots=True)
class CheckedDate:
    param: CitationParam
    kind: DateKind
    result: CitationDate | DateProblem

    @property
    def date(self) -> CitationDate | None:
        return self.result if isinstance(self.result, CitationDate) else None


def citation_dates(citation: Citation, today: dt.date) -> list[CheckedDate]:
    """Every non-empty date parameter with its verdict.

    As in the module, ``|year=`` (or else ``|publication-date=``) is validated *as* ``|date=``
    when ``|date=`` is empty, and under its own stricter rules otherwise. A
    ``|publication-date=`` equal to the date is dropped unchecked, as the module drops it.
    """
    checked: list[CheckedDate] = []
    date = citation.filled("date") or citation.filled("air-date")
    year = citation.filled("year")
    publication = citation.filled("publication-date")
    shown = date or year
    if publication is not None and shown is not None and publication.value == shown.value:
        publication = None
    if date is not None:
        checked.append(_check(date, DateKind.DATE, today))
        if year is not None:
            checked.append(_check(year, DateKind.YEAR, today))
        if publication is not None:
            checked.append(_check(publication, DateKind.PUBLICATION, today))
    elif year is not None:
        checked.append(_check(year, DateKind.DATE, today))
        if publication is not None:
            checked.append(_check(publication, DateKind.PUBLICATION, today))
    elif publication is not None:
        checked.append(_check(publication, DateKind.DATE, today))
    for name, kind in _OWN_KINDS.items():
        param = citation.filled(name)
        if param is not None:
            checked.append(_check(param, kind, today))
    return sorted(checked, key=lambda item: item.param.span.start)


_COMMENT = re.compile(r"\s*(?:<!--.*?(?:-->|$)\s*)*", re.DOTALL)


def value_edit(source: str, param: CitationParam, replacement: str) -> Edit | None:
    """An edit that replaces a date parameter's value and nothing else.

    The value span can also hold comments (``|date=5 January 2008 <!--DASHBot-->``); the edit
    then covers only the date, so the comment stays. None when the date is not one plain run
    of text in the source, so that a fix can never delete what it does not show.
    """
    span = param.trimmed_value_span
    raw = source[span.start : span.end]
    if raw == param.value:
        return Edit(span, replacement)
    lead = _COMMENT.match(raw)
    start = lead.end() if lead else 0
    rest = raw[start:]
    after = rest[len(param.value) :]
    if param.value and rest.startswith(param.value) and _COMMENT.fullmatch(after):
        start += span.start
        return Edit(Span(start, start + len(param.value)), replacement)
    return None


def publication_date(dates: list[CheckedDate]) -> CitationDate | None:
    """The citation's publication date, if CS1 accepts it."""
    for checked in dates:
        if checked.kind is DateKind.DATE:
            return checked.date
    return None


def _check(param: CitationParam, kind: DateKind, today: dt.date) -> CheckedDate:
    return CheckedDate(param, kind, parse_date(param.value, kind, today))
