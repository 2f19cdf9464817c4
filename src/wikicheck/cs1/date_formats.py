"""How CS1 displays citation dates: the page's {{Use dmy dates}}/{{Use mdy dates}}, |df=,
and which values the module rewrites itself when rendering (Date validation's
reformat_dates(), Configuration's get_date_format())."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from ..model import Article, Citation
from ..resources import load_toml
from .calendar import LONG_MONTHS, SHORT_MONTHS, DateStyle
from .checks import check_wayback_url, snapshot_day
from .citation_dates import CheckedDate
from .date_grammar import CitationDate
from .dates import DateKind, DateProblem


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


_REFORMATTED_RANGES = frozenset({"Md-dy", "d-dMy", "dM-dMy", "Md-Mdy", "dMy-dMy", "Mdy-Mdy"})
_MONTH_ONLY_RANGES = frozenset({"My-My", "M-My"})
_RETRIEVAL = (DateKind.ACCESS, DateKind.ARCHIVE)


def rewritten_by_df(df: str | None, checked: CheckedDate) -> bool:
    """Whether CS1 re-renders this range itself in the |df= format, writing its dash as an
    en dash; a hyphen in it then never reaches the "CS1 maint: date format" category.

    Day ranges are rewritten to dmy or mdy; month ranges only when both ends are months
    (seasons cannot be converted); nothing is rewritten when the format is YYYY-MM-DD, which
    ranges cannot take.
    """
    date = checked.date
    if df is None or date is None or checked.kind in _RETRIEVAL:
        return False
    base, _, lengths = df.partition("-")
    if base == "ymd" or (lengths != "all" and lengths.startswith("y")):
        return False
    if date.form in _REFORMATTED_RANGES:
        return True
    names = re.findall(r"[A-Za-z]{2,}", date.raw)  # not a one-letter CITEREF suffix
    months = set(LONG_MONTHS) | set(SHORT_MONTHS)
    return date.form in _MONTH_ONLY_RANGES and all(name in months for name in names)


def shown_as_written(
    article: Article, cited: list[tuple[Citation, list[CheckedDate]]], kinds: tuple[DateKind, ...]
) -> list[CheckedDate]:
    """The valid dates of ``kinds`` whose display CS1 leaves as written.

    None when the page has a {{Use dmy dates}}/{{Use mdy dates}} (CS1 then renders every
    citation date in that format); none that a citation's own valid |df= reformats (its
    publication dates, and with "-all" its access and archive dates too); and no
    archive-date that differs from its Wayback snapshot (CS1 reports that one itself).
    """
    preference = date_preference(article)
    if preference.style is not None:
        return []
    shown: list[CheckedDate] = []
    for citation, dates in cited:
        df = citation_df(citation, preference)
        for checked in dates:
            if checked.kind not in kinds or checked.date is None or checked.date.style is None:
                continue
            if df is not None and (checked.kind not in _RETRIEVAL or df.endswith("-all")):
                continue
            if not _off_snapshot(citation, dates, checked):
                shown.append(checked)
    return shown


def _off_snapshot(citation: Citation, dates: list[CheckedDate], checked: CheckedDate) -> bool:
    """An archive-date CS1 reports as differing from its Wayback URL's snapshot day."""
    if checked.kind is not DateKind.ARCHIVE or checked.date is None:
        return False
    if any(isinstance(other.result, DateProblem) for other in dates):
        return False  # CS1 compares only once the other dates to be fixed
    archive = citation.filled("archive-url")
    wayback = check_wayback_url(archive.value) if archive else None
    if wayback is None or wayback.timestamp is None:
        return False
    return checked.date.first != snapshot_day(wayback.timestamp)
