"""What Module:Citation/CS1 renders, and so checks, for each kind of citation.

The module checks a parameter only where the template shows it: {{cite web}} never shows
|issue=, so "No. 5" there is no error; {{cite book}} ignores |work= ("|work= ignored"). The
facts (which CitationClass shows what, the parameters behind the module's meta-parameters,
the extra-text patterns) are in data/cs1_checks.toml; the decisions restate the module's
citation() (oldid 1340931214).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from enum import Enum
from functools import cache

from ..model import Citation, CitationParam
from ..resources import load_toml
from .checks import without_accept_markup
from .params import parameter_table, whitelist


class Extra(Enum):
    """The module's extra-text checks: which label it looks for."""

    PAGES = "pages"
    VOLUME = "volume"
    ISSUE = "issue"
    EDITION = "edition"


@dataclass(frozen=True, slots=True)
class Rendering:
    classes: dict[str, frozenset[str]]
    """[rendering]: a list name ("volume", "agency" ...) -> the CitationClass values in it."""
    meta: dict[str, tuple[str, ...]]
    """[redundant_groups] and [meta_params]: a meta-parameter ("periodical") -> its canonical
    names, in the module's order."""
    page_good: re.Pattern[str]
    page_bad: tuple[re.Pattern[str], ...]
    volume_issue: tuple[re.Pattern[str], ...]
    edition: tuple[re.Pattern[str], ...]

    def first(self, citation: Citation, meta: str) -> CitationParam | None:
        """The set parameter the module takes for a meta-parameter (the first in its order)."""
        for name in self.meta[meta]:
            param = citation.filled(name)
            if param is not None:
                return param
        return None

    def has_extra_text(self, kind: Extra, value: str) -> bool:
        if kind is Extra.PAGES:
            return not self.page_good.match(value) and any(p.match(value) for p in self.page_bad)
        if kind is Extra.EDITION:
            return any(p.search(value) for p in self.edition)
        return any(p.match(without_accept_markup(value)) for p in self.volume_issue)


def _canonical(names: list[str]) -> tuple[str, ...]:
    table = parameter_table()
    return tuple(dict.fromkeys(table.canonical(name) for name in names))


@cache
def rendering() -> Rendering:
    data = load_toml("cs1_checks.toml")
    extra = data["extra_text"]
    # The module matches bytes with Lua's string library: ASCII classes, ASCII lowercasing.
    flags = re.ASCII
    return Rendering(
        classes={name: frozenset(values) for name, values in data["rendering"].items()},
        meta={
            name: _canonical(names)
            for name, names in {**data["redundant_groups"], **data["meta_params"]}.items()
        },
        page_good=re.compile(extra["page_good"], flags),
        page_bad=tuple(re.compile(p, flags) for p in extra["page_bad"]),
        volume_issue=tuple(re.compile(p, flags | re.IGNORECASE) for p in extra["volume_issue"]),
        edition=tuple(re.compile(p, flags) for p in extra["edition"]),
    )


def citation_class(citation: Citation) -> str | None:
    """The module's CitationClass for the citation ("book" for {{cite book}})."""
    return whitelist().classes.get(citation.cs1) if citation.cs1 else None


def ignores_chapter(citation: Citation) -> bool:
    """The module ignores a chapter here ("|chapter= ignored"): the periodical templates
    ({{cite web}}, {{cite journal}} ...) and {{citation}} beside a periodical but no
    encyclopedia. It then checks neither |trans-chapter= nor |chapter-format=."""
    cls = citation_class(citation)
    data = rendering()
    if cls == "citation":
        periodical = data.first(citation, "periodical") or data.first(citation, "script_periodical")
        return periodical is not None and data.first(citation, "encyclopedia") is None
    return cls in data.classes["chapter_ignored"]


def _shows_volume(citation: Citation, cls: str, data: Rendering) -> bool:
    if cls != "citation":
        return cls in data.classes["volume"]
    periodical = data.first(citation, "periodical")
    if periodical is not None:
        return periodical.name not in data.classes["citation_no_volume"]
    script = data.first(citation, "script_periodical")
    return script is None or script.name != "script-website"


def _shows_issue(citation: Citation, cls: str, data: Rendering) -> bool:
    periodical = data.first(citation, "periodical")
    if cls == "citation":
        return periodical is not None and periodical.name in data.classes["citation_issue"]
    if cls not in data.classes["issue"]:
        return False
    if cls in data.classes["issue_needs_periodical"]:
        return periodical is not None or data.first(citation, "script_periodical") is not None
    return True


def extra_text_params(citation: Citation) -> Iterator[tuple[CitationParam, Extra]]:
    """The parameters whose labels the module checks in this citation: |volume= and |issue=
    where the template shows them, |page= (else |pages=) unless the template shows no pages,
    |quote-page= (else |quote-pages=) beside a quote, and |edition=."""
    cls = citation_class(citation)
    if cls is None:
        return
    data = rendering()
    checked: list[tuple[str, Extra]] = []
    if _shows_volume(citation, cls, data):
        checked.append(("volume", Extra.VOLUME))
    issue = data.first(citation, "issue")
    if issue is not None and _shows_issue(citation, cls, data):
        checked.append((issue.name, Extra.ISSUE))
    if cls not in data.classes["no_page"]:
        page = "page" if citation.filled("page") else "pages"
        checked.append((page, Extra.PAGES))
        if any(citation.filled(name) for name in ("quote", "trans-quote", "script-quote")):
            quote_page = "quote-page" if citation.filled("quote-page") else "quote-pages"
            checked.append((quote_page, Extra.PAGES))
    checked.append(("edition", Extra.EDITION))
    for name, kind in checked:
        param = citation.filled(name)
        if param is not None:
            yield param, kind
