"""The dates of one citation as CS1 validates them, and the article's preferred format."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache

from ..model import Article, Citation, CitationParam
from ..resources import load_toml
from .dates import CitationDate, DateKind, DateProblem, DateStyle, parse_date

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
    when ``|date=`` is empty, and under its own stricter rules otherwise.
    """
    checked: list[CheckedDate] = []
    date = citation.filled("date") or citation.filled("air-date")
    year = citation.filled("year")
    publication = citation.filled("publication-date")
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


def publication_date(dates: list[CheckedDate]) -> CitationDate | None:
    """The citation's publication date, if CS1 accepts it."""
    for checked in dates:
        if checked.kind is DateKind.DATE:
            return checked.date
    return None


def _check(param: CitationParam, kind: DateKind, today: dt.date) -> CheckedDate:
    return CheckedDate(param, kind, parse_date(param.value, kind, today))


@dataclass(frozen=True, slots=True)
class DatePreference:
    """What ``{{Use dmy dates}}``/``{{Use mdy dates}}`` asks for; ``style`` None means nothing."""

    style: DateStyle | None
    template: str | None = None
    cs1_dates: str | None = None


@cache
def _format_templates() -> dict[str, DateStyle]:
    table = load_toml("templates.toml")["date_formats"]
    return {name: DateStyle(style) for style, names in table.items() for name in names}


def date_preference(article: Article) -> DatePreference:
    """The first {{Use xxx dates}} on the page wins, as in the citation module."""
    formats = _format_templates()
    for template in article.templates:
        style = formats.get(template.name)
        if style is not None:
            cs1 = template.get("cs1-dates")
            return DatePreference(style, template.name, cs1.value if cs1 and cs1.value else None)
    return DatePreference(None)
