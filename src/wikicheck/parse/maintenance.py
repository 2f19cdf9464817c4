"""Maintenance (cleanup) templates in an article, with their dates and ages."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from ..model import Article, Span, Template
from ..resources import load_toml
from .names import normalize_title

if TYPE_CHECKING:
    from ..rules import RuleContext

_MONTH_YEAR = re.compile(
    r"^(January|February|March|April|May|June|July|August|September|October|November|December)"
    r" (\d{4})$"
)
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")  # fmt: skip
# Full names and the abbreviations editors write ("jan", "Sept"), lower-cased.
_MONTH_NUMBERS = {name.lower(): number for number, name in enumerate(_MONTHS, 1)}
_MONTH_NUMBERS.update({name[:3].lower(): number for number, name in enumerate(_MONTHS, 1)})
_MONTH_NUMBERS["sept"] = 9
UNDATED_KINDS = frozenset({"update after", "year needed"})  # they take other parameters


@dataclass(frozen=True, slots=True)
class TemplateKinds:
    kinds: dict[str, tuple[str, bool]]  # normalised name -> (kind, inline)
    wrappers: frozenset[str]
    placeholders: frozenset[str]
    hidden_markers: tuple[str, ...]


@cache
def template_kinds() -> TemplateKinds:
    data = load_toml("maintenance_templates.toml")
    kinds: dict[str, tuple[str, bool]] = {}
    for section, inline in (("inline", True), ("banner", False)):
        for kind, redirects in data[section].items():
            for name in (kind, *redirects):
                kinds.setdefault(normalize_title(name), (kind, inline))
    return TemplateKinds(
        kinds=kinds,
        wrappers=frozenset(normalize_title(name) for name in data["wrappers"]["names"]),
        placeholders=frozenset(value.casefold() for value in data["placeholders"]["values"]),
        hidden_markers=tuple(data["hidden_notes"]["markers"]),
    )


@dataclass(frozen=True, slots=True)
class MaintenanceTag:
    kind: str
    inline: bool
    name: str  # as the article calls it ("cn", "Refimprove")
    span: Span
    date_text: str | None
    date_span: Span | None  # the |date= value, whitespace at either end excluded
    date: dt.date | None  # the first of the month named by |date=, if it is "Month YYYY"
    insert_at: int  # where a missing |date= goes (before the closing braces)

    @property
    def needs_date(self) -> bool:
        return self.kind not in UNDATED_KINDS


def parse_month_year(text: str) -> dt.date | None:
    match = _MONTH_YEAR.match(text)
    if not match:
        return None
    return dt.date(int(match.group(2)), _MONTHS.index(match.group(1)) + 1, 1)


def intended_month(text: str) -> dt.date | None:
    """The month a malformed tag date clearly names ("2021-03", "march 2021", "jan 2021",
    "5 Sept. 2021"): both the month and the year must be written in it."""
    iso = re.match(r"^(\d{4})-(\d{1,2})(?:-\d{1,2})?$", text.strip())
    if iso and 1 <= int(iso.group(2)) <= 12:
        return dt.date(int(iso.group(1)), int(iso.group(2)), 1)
    words = re.findall(r"[A-Za-z]+|\d{4}", text)
    months = [_MONTH_NUMBERS[word.lower()] for word in words if word.lower() in _MONTH_NUMBERS]
    years = [word for word in words if word.isdigit()]
    if len(months) == 1 and len(years) == 1 and len(words) == 2:
        return dt.date(int(years[0]), months[0], 1)
    return None


def age_in_months(date: dt.date, today: dt.date) -> int:
    return (today.year - date.year) * 12 + today.month - date.month


def describe_age(months: int) -> str:
    years, rest = divmod(max(months, 0), 12)
    parts = [f"{years} year{'s' if years != 1 else ''}"] if years else []
    if rest or not years:
        parts.append(f"{rest} month{'s' if rest != 1 else ''}")
    return " ".join(parts)


def _tag(template: Template, kind: str, inline: bool) -> MaintenanceTag:
    date = template.get("date")
    return MaintenanceTag(
        kind=kind,
        inline=inline,
        name=template.name,
        span=template.span,
        date_text=date.value if date is not None else None,
        date_span=date.trimmed_value_span if date is not None else None,
        date=parse_month_year(date.value) if date is not None else None,
        insert_at=template.span.end - 2,
    )


def maintenance_tags(article: Article) -> list[MaintenanceTag]:
    known = template_kinds()
    tags: list[MaintenanceTag] = []
    for template in article.templates:
        found = known.kinds.get(template.name)
        if found is not None:
            tags.append(_tag(template, *found))
        elif template.name in known.wrappers:
            # the old syntax: {{Multiple issues|refimprove=May 2010|orphan=June 2011}}
            for param in template.params:
                kind = known.kinds.get(normalize_title(param.name))
                if not param.positional and kind is not None and not kind[1]:
                    tags.append(
                        MaintenanceTag(
                            kind[0],
                            False,
                            param.name,
                            param.span,
                            param.value,
                            param.trimmed_value_span,
                            parse_month_year(param.value),
                            param.span.end,
                        )
                    )
    return tags


def tags_of(article: Article, ctx: RuleContext) -> list[MaintenanceTag]:
    """The article's tags, found once per article whichever rules (and the summary) ask."""
    return ctx.memo(SHARED_KEY, lambda: maintenance_tags(article))


SHARED_KEY = "maintenance_tags"


def summarize(tags: list[MaintenanceTag], today: dt.date) -> dict[str, Any]:
    """How much cleanup a page carries, at a glance (the JSON "maintenance" section)."""
    dated = [tag.date for tag in tags if tag.date is not None]
    oldest = min(dated) if dated else None
    return {
        "total": len(tags),
        "inline": sum(tag.inline for tag in tags),
        "banners": sum(not tag.inline for tag in tags),
        "undated": sum(tag.needs_date and tag.date is None for tag in tags),
        "by_kind": dict(sorted(Counter(tag.kind for tag in tags).items())),
        "oldest": oldest.strftime("%Y-%m") if oldest else None,
        "oldest_age_months": age_in_months(oldest, today) if oldest else None,
        "by_month": dict(sorted(Counter(date.strftime("%Y-%m") for date in dated).items())),
    }
