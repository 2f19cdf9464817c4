"""The dates of one citation as CS1 validates them, and the article's preferred format."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import cache

from ..findings import Edit
from ..model import Article, Citation, CitationParam, Span
from ..resources import load_toml
from .calendar import DateStyle
from .dates import CitationDate, DateKind, DateProblem, parse_date

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
    span = param.value_span.trimmed(source)
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


@dataclass(frozen=True, slots=True)
class DatePreference:
    """What ``{{Use dmy dates}}``/``{{Use mdy dates}}`` asks for; ``style`` None means nothing."""

    style: DateStyle | None
    template: str | None = None
    cs1_dates: str | None = None

    @property
    def global_df(self) -> str | None:
        """The |df= keyword the page's template stands for: "dmy-all", "mdy-ls", …"""
        if self.style is None:
            return None
        return f"{self.style.value}-{self.cs1_dates or 'all'}"


def citation_df(citation: Citation, preference: DatePreference) -> str | None:
    """The citation's own valid |df=, else the page's; None when dates show as written."""
    own = citation.filled("df")
    if own is not None and own.value in load_toml("cs1_dates.toml")["df"]["keywords"]:
        return own.value
    return preference.global_df


def archive_suggestion_format(df: str | None, written: CitationDate) -> tuple[DateStyle, bool]:
    """The style (and whether month names are short) of the date CS1 suggests for a
    mismatched |archive-date=: the citation's date format, else the archive-date's own
    dmy or mdy with long month names, else YYYY-MM-DD."""
    if df is None:
        if written.form in ("dMy", "Mdy"):
            return (DateStyle.DMY if written.form == "dMy" else DateStyle.MDY), False
        return DateStyle.YMD, False
    base, _, lengths = df.partition("-")
    if lengths == "all":
        return DateStyle(base), False
    if not lengths:
        return DateStyle.YMD, False  # plain |df=dmy leaves archive dates (and the hint) as ISO
    publication, retrieval = lengths[0], lengths[1:] or lengths[0]
    if "y" in (publication, retrieval):
        return DateStyle.YMD, False
    return DateStyle(base), retrieval == "s"


@cache
def _use_dates_patterns() -> tuple[tuple[re.Pattern[str], DateStyle], ...]:
    return tuple(
        (re.compile(r"\{\{ *(" + entry["name"] + r") *[|}]"), DateStyle(entry["style"]))
        for entry in load_toml("cs1_dates.toml")["use_dates"]
    )


_CS1_DATES = re.compile(r"\| *cs1-dates *= *([lsy][sy]?)")


def date_preference(article: Article) -> DatePreference:
    """The page's {{Use dmy dates}}/{{Use mdy dates}}, found as the citation module finds it.

    The module searches the raw page source for each known spelling in a fixed order, so the
    first spelling found anywhere wins (not the first template on the page), and a template
    inside a comment counts too.
    """
    for pattern, style in _use_dates_patterns():
        match = pattern.search(article.source)
        if match:
            template = _balanced(article.source, match.start())
            cs1 = _CS1_DATES.search(template) if template else None
            return DatePreference(style, match.group(1), cs1.group(1) if cs1 else None)
    return DatePreference(None)


def _balanced(text: str, start: int) -> str | None:
    """The brace-balanced text starting at ``text[start]`` (a "{"), or None."""
    depth = 0
    for index in range(start, len(text)):
        if text[index] == "{":
            depth += 1
        elif text[index] == "}":
            depth -= 1
            if depth == 0:
                return text[start : index + 1]
    return None
