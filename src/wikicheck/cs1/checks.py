"""Domain knowledge for the CS1 template checks, loaded from ``data/cs1_checks.toml``."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from ..model import Citation, CitationParam
from ..resources import load_toml
from .calendar import Day, is_real_day

_NAME_PARAM = re.compile(
    r"^(last|first|host|subject|editor-last|editor-first|contributor-last|contributor-first|"
    r"interviewer-last|interviewer-first|translator-last|translator-first)(\d*)$"
)
_LIST_OF = {
    "last": "authors", "first": "authors", "host": "authors", "subject": "authors",
    "editor-last": "editors", "editor-first": "editors",
    "contributor-last": "contributors", "contributor-first": "contributors",
    "interviewer-last": "interviewers", "interviewer-first": "interviewers",
    "translator-last": "translators", "translator-first": "translators",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class NameParam:
    """A name in one of the enumerated name lists (authors, editors, ...)."""

    param: CitationParam
    name_list: str  # "authors", "editors", ...
    first_name: bool  # first/given rather than last/surname
    number: int  # 1 for "last" and "last1"

    @property
    def accept_as_written(self) -> bool:
        value = self.param.value
        return value.startswith("((") and value.endswith("))")


def without_accept_markup(value: str) -> str:
    """``((Name))``, CS1's accept-as-written markup around all of a value, without its
    parentheses (Utilities ``has_accept_as_written``); other values unchanged."""
    if value.startswith("((") and value.endswith("))") and len(value) > 4:
        return value[2:-2]
    return value


def name_params(citation: Citation) -> list[NameParam]:
    names = []
    for param in citation.params:
        match = _NAME_PARAM.match(param.name)
        if match and param.value:
            base, number = match.groups()
            names.append(
                NameParam(param, _LIST_OF[base], base.endswith("first"), int(number or "1"))
            )
    return names


@dataclass(frozen=True, slots=True)
class CheckData:
    # Each list is one regex, the plain entries escaped (searched in the lowercased value):
    # one search in C instead of a Python loop over some twenty patterns for every name.
    generic_name_accept: re.Pattern[str]
    generic_name_plain: re.Pattern[str]
    generic_name_patterns: re.Pattern[str]
    generic_title_plain: re.Pattern[str]
    generic_title_patterns: re.Pattern[str]
    keywords: dict[str, tuple[str, ...]]
    display_names: frozenset[str]  # |display-authors= and kin: digits or "et al."
    display_etal: str  # the keyword, once the characters below are dropped and lowercased
    display_etal_ignored: str
    redundant_groups: dict[str, tuple[str, ...]]
    # "author"/"editor" -> (Vancouver parameter, plain list parameters, first two names).
    name_list_sources: dict[str, tuple[str, frozenset[str], frozenset[str]]]
    external_link_exempt: frozenset[str]
    extra_punctuation_exempt: frozenset[str]
    requires_url: frozenset[str]
    requires_periodical: dict[str, str]
    invisible: dict[str, tuple[str, str]]
    invisible_pattern: re.Pattern[str]
    """Any one of the ``invisible`` characters: found by the regex engine, not a loop."""
    removed_values: dict[str, dict[str, str]]

    def is_generic_name(self, value: str) -> bool:
        if self.generic_name_accept.search(value):
            return False
        return bool(
            self.generic_name_plain.search(value.lower())
            or self.generic_name_patterns.search(value)
        )

    def is_generic_title(self, value: str) -> bool:
        """As the module's is_generic(): plain entries are searched in the lowercased value,
        patterns in the value as written ("unknown" is generic, "Unknown" is not)."""
        return bool(
            self.generic_title_plain.search(value.lower())
            or self.generic_title_patterns.search(value)
        )


def _any_of(patterns: Iterable[str]) -> re.Pattern[str]:
    """One regex that finds what any of ``patterns`` finds (none: a regex that never does)."""
    return re.compile("|".join(f"(?:{pattern})" for pattern in patterns) or "(?!)")


@cache
def check_data() -> CheckData:
    data = load_toml("cs1_checks.toml")
    names, titles = data["generic_names"], data["generic_titles"]
    return CheckData(
        generic_name_accept=_any_of(names["accept"]),
        generic_name_plain=_any_of(map(re.escape, names["plain"])),
        generic_name_patterns=_any_of(names["patterns"]),
        generic_title_plain=_any_of(map(re.escape, titles["plain"])),
        generic_title_patterns=_any_of(titles["patterns"]),
        keywords={name: tuple(values) for name, values in data["keywords"].items()},
        display_names=frozenset(data["display_names"]["params"]),
        display_etal=data["display_names"]["etal"],
        display_etal_ignored=data["display_names"]["etal_ignored"],
        redundant_groups={name: tuple(group) for name, group in data["redundant_groups"].items()},
        name_list_sources={
            name: (
                source["vancouver"],
                frozenset(source["plain"]),
                frozenset(
                    alias.replace("#", number)
                    for alias in source["last_first"]
                    for number in ("", "1", "2")
                ),
            )
            for name, source in data["name_list_sources"].items()
        },
        external_link_exempt=frozenset(data["external_link_exempt"]["params"]),
        extra_punctuation_exempt=frozenset(data["extra_punctuation_exempt"]["params"]),
        requires_url=frozenset(data["requires_url"]["templates"]),
        requires_periodical=dict(data["requires_periodical"]),
        invisible={char: (name, fix) for char, (name, fix) in data["invisible"].items()},
        invisible_pattern=re.compile(f"[{re.escape(''.join(data['invisible']))}]"),
        removed_values={name: dict(values) for name, values in data["removed_values"].items()},
    )


_WAYBACK = re.compile(
    r"^(?:https?:)?//(?:web\.|wayback\.)?archive\.org/(?P<path>[^/]+)(?:/(?P<rest>.*))?$",
    re.IGNORECASE,
)
_TIMESTAMP = re.compile(r"^(?P<stamp>\d+|\*)(?P<flag>[a-z]{2}_)?$")


@dataclass(frozen=True, slots=True)
class WaybackCheck:
    """A web.archive.org URL: its snapshot timestamp, or why CS1 calls it malformed."""

    timestamp: str | None
    problem: str | None


def snapshot_day(timestamp: str) -> Day:
    """The day of a valid 14-digit Wayback timestamp, as written."""
    return Day(int(timestamp[:4]), int(timestamp[4:6]), int(timestamp[6:8]))


def check_wayback_url(url: str) -> WaybackCheck | None:
    """None for URLs that are not Wayback Machine snapshots."""
    match = _WAYBACK.match(url.strip())
    if not match:
        return None
    path, rest = match.group("path"), match.group("rest") or ""
    if path.lower() == "save" or rest.lower().startswith("save/"):
        return WaybackCheck(None, "save command")
    if path.lower() == "liveweb":
        return WaybackCheck(None, "liveweb")
    if path.lower() == "web":
        path, _, rest = rest.partition("/")
    elif not path[:1].isdigit():
        return WaybackCheck(None, "path")
    stamp = _TIMESTAMP.match(path)
    if stamp is None:
        return WaybackCheck(None, "flag" if path[:1].isdigit() else "path")
    digits = stamp.group("stamp")
    if digits == "*" or len(digits) != 14:
        return WaybackCheck(None, "timestamp")
    year, month, day = int(digits[:4]), int(digits[4:6]), int(digits[6:8])
    if year < 1996 or not is_real_day(year, month, day):  # 20210229 is no date: malformed
        return WaybackCheck(None, "timestamp")
    return WaybackCheck(digits, None)
