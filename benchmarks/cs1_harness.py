"""The real Module:Citation/CS1 under Lua 5.1 (lupa), for ``cs1_agreement.py``.

The module's sources are read at run time from ``../shared/reference/wikipedia-modules``
(never copied here); Scribunto's ``mw`` library is stood in for by ``cs1_scribunto.lua``, with
``mw.ustring``'s patterns in ``lua_patterns.py`` and ``formatDate`` and the language names
here. :class:`Harness` renders one citation a call; :func:`module_args` gives it a citation's
parameters as MediaWiki hands them to the module.
"""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import lua_patterns
from corpus_files import CORPUS
from dateutil import parser as date_parser
from lupa import lua51

from wikicheck.model import Citation

MODULES = CORPUS.parent / "reference" / "wikipedia-modules"
STUBS = Path(__file__).resolve().parent / "cs1_scribunto.lua"
TODAY = dt.date(2026, 6, 30)
# Scribunto module name -> reference file.
MODULE_FILES = {
    "Module:Citation/CS1": "Citation-CS1.lua",
    "Module:Citation/CS1/Configuration": "Citation-CS1-Configuration.lua",
    "Module:Citation/CS1/Whitelist": "Citation-CS1-Whitelist.lua",
    "Module:Citation/CS1/Utilities": "Citation-CS1-Utilities.lua",
    "Module:Citation/CS1/Date_validation": "Citation-CS1-Date_validation.lua",
    "Module:Citation/CS1/Identifiers": "Citation-CS1-Identifiers.lua",
    "Module:Citation/CS1/Suggestions": "Citation-CS1-Suggestions.lua",
}
# Extension tags MediaWiki replaces by strip markers before a template sees its arguments.
STRIP_TAGS = ("nowiki", "math", "ref", "chem", "ce", "pre", "score", "templatestyles", "gallery")
STRIP = re.compile(
    r"<(?P<tag>" + "|".join(STRIP_TAGS) + r")\b[^>]*?(?:/>|>.*?</(?P=tag)\s*>)",
    re.IGNORECASE | re.DOTALL,
)
ISO_639 = Path("/usr/share/iso-codes/json/iso_639-3.json")
TEMPLATE = re.compile(r"\{\{")
# The few templates common in citation parameters whose expansion is plain text.
SIMPLE_TEMPLATE = re.compile(
    r"\{\{\s*(!|[Pp]ipe|[Nn]bsp|[Nn]dash|[Mm]dash|[Ss]fnref|[Hh]arvid)\s*(\|[^{}]*)?\}\}"
)
# One of the module's error messages: "... (<a help link>[[Help:CS1 errors#anchor|help]])".
RECORD_SEPARATOR = "\x1e"
HELP_ANCHOR = re.compile(r"\s*\(\[\[Help:CS1 errors#([^|\]]+)\|")
# The "{{Cite web}}: " put before the first message.
PREFIX = re.compile(r"<span[^>]*><code[^>]*>\{\{\[\[Template:.*?\}\}</code>: </span>")
NAMED_PARAM = re.compile(r"&#124;([^=<&]+)=")
TAG = re.compile(r"<[^>]*>")
EXPANSIONS = {"!": "|", "pipe": "|", "nbsp": "&nbsp;", "ndash": "&ndash;", "mdash": "&mdash;"}


@dataclass(frozen=True)
class ModuleError:
    """One visible error message of the module."""

    id: str
    text: str
    """The message as a reader sees it ("Check date values in: |date=")."""
    params: tuple[str, ...]
    """The parameters the message names, as written in the citation (|date= ...)."""


@dataclass(frozen=True)
class Rendered:
    shown: bool
    """The output has a visible error message."""
    ids: list[str]
    """The visible error ids the module noted (z.error_ids_t)."""
    errors: list[ModuleError]


def expand_simple(match: re.Match[str]) -> str:
    """{{!}}, {{nbsp}} ... as MediaWiki expands them; {{sfnref|A|2000}} as its anchor."""
    name = match.group(1).lower()
    if name in EXPANSIONS:
        return EXPANSIONS[name]
    args = [arg.strip() for arg in (match.group(2) or "").split("|")[1:]]
    return "CITEREF" + "".join(arg.replace(" ", "_") for arg in args if "=" not in arg)


MONTHS = [calendar.month_name[i] for i in range(13)]


class DateError(ValueError):
    """What formatDate raises for a date MediaWiki cannot read (the module pcalls it)."""


def parse_date(text: str | None) -> dt.datetime:
    """The subset of MediaWiki's #time input the module uses: '', 'today', 'today + N days',
    Y-m-d (days past the month's end roll over, as PHP's DateTime does) and, for user-written
    dates, what dateutil reads."""
    base = dt.datetime(TODAY.year, TODAY.month, TODAY.day)
    text = (text or "").strip()
    if text in ("", "now", "today"):
        return base
    relative = re.fullmatch(r"today\s*\+\s*(\d+)\s*days?", text)
    if relative:
        return base + dt.timedelta(days=int(relative.group(1)))
    ymd = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
    if ymd:
        year, month, day = map(int, ymd.groups())
        if not (1 <= month <= 12 and 0 <= day <= 31):
            raise DateError(text)
        return dt.datetime(year, month, 1) + dt.timedelta(days=day - 1)
    try:
        return date_parser.parse(text, default=dt.datetime(TODAY.year, 1, 1))
    except (ValueError, OverflowError) as error:
        raise DateError(text) from error


def format_date(format_: str, date: str | None = None) -> str:
    moment = parse_date(date)
    formats = {
        "U": lambda: str(calendar.timegm(moment.timetuple())),
        "F": lambda: MONTHS[moment.month],
        "M": lambda: MONTHS[moment.month][:3],
        "Y": lambda: str(moment.year),
        "Y-m-d": lambda: moment.strftime("%Y-%m-%d"),
    }
    if format_ not in formats:
        raise DateError(f"format {format_!r} not stubbed")
    return formats[format_]()


def iso_language_names() -> dict[str, str]:
    """ISO 639 code -> English name, from Debian's iso-codes (MediaWiki's own table stands
    behind fetchLanguageNames; without the package, English only)."""
    path = ISO_639
    if not path.exists():
        return {"en": "English"}
    names = {}
    for entry in json.loads(path.read_text(encoding="utf-8"))["639-3"]:
        name = re.sub(r"\s*\(.*\)$", "", entry["name"])
        names[entry["alpha_3"]] = name
        if "alpha_2" in entry:
            names[entry["alpha_2"]] = name
    return names


def strip_markers(value: str) -> str:
    """Extension tags as the strip markers a template receives instead."""
    count = 0

    def marker(match: re.Match[str]) -> str:
        nonlocal count
        count += 1
        return f"\x7f'\"`UNIQ--{match.group('tag').lower()}-{count:08X}-QINU`\"'\x7f"

    return STRIP.sub(marker, value)


class Harness:
    """The Lua runtime with the stand-ins loaded; one page at a time, one citation a call."""

    def __init__(self) -> None:
        self.lua = lua51.LuaRuntime(unpack_returned_tuples=True, encoding="utf-8")
        self.page = ""
        self.sources = {name: (MODULES / file).read_text() for name, file in MODULE_FILES.items()}
        self.lua.globals().py = self.lua.table_from(self._callbacks())
        self.lua.execute(STUBS.read_text())
        self._cite = self.lua.globals().cite
        self._new_page = self.lua.globals().new_page
        self.classes: dict[str, str] = {}
        self.anchors: dict[str, str] = {}
        """Help-page anchor -> error id (each error condition has its own anchor)."""

    def _callbacks(self) -> dict[str, Any]:
        lua = self.lua
        lua_type = lua51.lua_type

        def text(value: Any) -> str:
            if isinstance(value, float):
                return lua_patterns._number(value)
            return str(value)

        def table(values: list[Any]) -> Any:
            return lua.table_from(values)

        def gsub(s: Any, pattern: str, replacement: Any, limit: Any = None) -> Any:
            kind = lua_type(replacement)
            if kind == "function":
                return lua_patterns.gsub(text(s), pattern, lambda v: replacement(*v), limit)
            if kind == "table":
                return lua_patterns.gsub(text(s), pattern, lambda v: replacement[v[0]], limit)
            return lua_patterns.gsub(text(s), pattern, text(replacement), limit)

        def gmatch(s: Any, pattern: str) -> Any:
            matches = lua_patterns.gmatch(text(s), pattern)
            out = []
            for values in matches:
                entry = lua.table_from(list(values))
                entry["n"] = len(values)
                out.append(entry)
            return table(out)

        def split(s: Any, separator: str, plain: bool = False) -> Any:
            return table(lua_patterns.split(text(s), separator, bool(plain)))

        languages: list[Any] = []

        def language_names() -> Any:
            if not languages:
                languages.append(lua.table_from(iso_language_names()))
            return languages[0]

        return {
            "language_names": language_names,
            "find": lambda s, p, init=None, plain=False: lua_patterns.find(
                text(s), p, init, bool(plain)
            ),
            "match": lambda s, p, init=None: lua_patterns.match(text(s), p, init),
            "gmatch": gmatch,
            "gsub": gsub,
            "len": lambda s: len(text(s)),
            "sub": lambda s, i=1, j=-1: lua_patterns.sub(text(s), i, j),
            "upper": lambda s: text(s).upper(),
            "lower": lambda s: text(s).lower(),
            "codepoint": lambda s, i=1, j=None: lua_patterns.codepoint(text(s), i, j),
            "split": split,
            "trim": lambda s, charset=None: lua_patterns.trim(text(s), charset),
            "format_date": format_date,
            "source": lambda name: self.sources.get(name),
            "page_text": lambda: self.page,
        }

    def new_page(self, text: str) -> None:
        self.page = text
        self._new_page()
        cfg = self.lua.globals().mw.loadData("Module:Citation/CS1/Configuration")
        self.error_conditions = cfg.error_conditions
        if not self.classes:
            for cls, template in cfg.citation_class_map_t.items():
                self.classes[template.lower()] = cls
        if not self.anchors:
            for error_id, condition in cfg.error_conditions.items():
                if condition.message and condition.anchor:
                    self.anchors[condition.anchor] = error_id

    def visible(self, error_id: str) -> bool:
        return not self.error_conditions[error_id].hidden

    def cite(self, cls: str, args: dict[str | int, str]) -> Rendered:
        """The rendered citation's verdict: whether it shows an error message, the visible
        error ids the module noted, and its visible error messages."""
        rendered, ids, messages = self._cite(cls, self.lua.table_from(args))
        shown: list[ModuleError] = []
        for message in messages.split(RECORD_SEPARATOR) if messages else []:
            message = PREFIX.sub("", message)
            help_link = HELP_ANCHOR.search(message)
            if "cs1-visible-error" not in message or help_link is None:
                continue
            text = message[: help_link.start()]
            shown.append(
                ModuleError(
                    self.anchors.get(help_link.group(1), f"#{help_link.group(1)}"),
                    TAG.sub("", text).replace("&#124;", "|").strip(),
                    tuple(dict.fromkeys(NAMED_PARAM.findall(text))),
                )
            )
        visible = [i for i in ids.split() if self.visible(i)]
        return Rendered("cs1-visible-error" in rendered, visible, shown)


def module_args(citation: Citation) -> dict[str | int, str] | None:
    """The parameters as the template hands them to the module, or None when a value holds a
    template this harness cannot expand."""
    args: dict[str | int, str] = {}
    for param in citation.params:
        value = SIMPLE_TEMPLATE.sub(expand_simple, param.value)
        if TEMPLATE.search(value):
            return None
        key: str | int = int(param.raw_name) if param.positional else param.raw_name
        args[key] = strip_markers(value)
    return args
