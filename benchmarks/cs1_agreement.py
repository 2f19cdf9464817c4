"""Agreement with Wikipedia's citation module on "does this citation show a CS1 error?".

    pip install -e '.[bench]'            # lupa
    python benchmarks/cs1_agreement.py [--corpus articles|recent|both] [--show N]

Runs the real Module:Citation/CS1 (the Lua sources in
``../shared/reference/wikipedia-modules``, read at run time; revisions in its README) under
Lua 5.1 with lupa, on stand-ins for Scribunto's ``mw`` library
(``benchmarks/cs1_scribunto.lua``, with ``mw.ustring``'s patterns in
``benchmarks/lua_patterns.py``). Every citation wikicheck reads as CS1 (``Citation.cs1``) in
the English articles of a corpus folder is rendered by the module with its parameters as
MediaWiki passes them (named values trimmed, comments removed: ``CitationParam.value``;
``<nowiki>``, ``<math>``, ``<ref>`` ... as strip markers). The module "shows an error" when its
output has a ``cs1-visible-error`` message (hidden errors and maintenance messages are not
errors). wikicheck "has an error" when an error-severity finding of the date or citation
family (WC2xx, WC3xx; every rule selected, today pinned to 2026-06-30 as in precision.py)
lies inside the citation's span. Precision and recall are wikicheck's, the module's verdict
being the truth.

Not compared, and counted apart: citations with a template in a value (MediaWiki expands it
before the module sees it; this harness expands only ``{{!}}``, ``{{pipe}}``, ``{{nbsp}}``,
``{{ndash}}``, ``{{mdash}}``, ``{{sfnref}}`` and ``{{harvid}}``), and citations the harness
failed to run (a Lua error, most likely in the stand-ins).
"""

from __future__ import annotations

import argparse
import calendar
import datetime as dt
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import lua_patterns
from corpus_files import CORPUS, OLDER, RECENT, english_articles
from dateutil import parser as date_parser
from lupa import lua51

from wikicheck.findings import Finding, Severity
from wikicheck.model import Citation
from wikicheck.pipeline import Plan, check_document
from wikicheck.settings import Settings

MODULES = CORPUS.parent / "reference" / "wikipedia-modules"
STUBS = Path(__file__).resolve().parent / "cs1_scribunto.lua"
FOLDERS = {"articles": OLDER, "recent": RECENT}
TODAY = dt.date(2026, 6, 30)
FAMILIES = ("WC2", "WC3")
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
EXPANSIONS = {"!": "|", "pipe": "|", "nbsp": "&nbsp;", "ndash": "&ndash;", "mdash": "&mdash;"}


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

    def visible(self, error_id: str) -> bool:
        return not self.error_conditions[error_id].hidden

    def cite(self, cls: str, args: dict[str | int, str]) -> tuple[bool, list[str]]:
        """Whether the rendered citation shows an error message, and the visible error ids
        the module noted."""
        rendered, ids = self._cite(cls, self.lua.table_from(args))
        return "cs1-visible-error" in rendered, [i for i in ids.split() if self.visible(i)]


@dataclass
class Disagreement:
    article: str
    citation: str
    wikicheck: list[str]
    module: list[str]
    other: list[str]
    """wikicheck's findings of other severities or families inside the citation."""


@dataclass
class Tally:
    compared: int = 0
    both: int = 0
    module_only: int = 0
    wikicheck_only: int = 0
    neither: int = 0
    templates: int = 0
    failed: Counter[str] = field(default_factory=Counter)
    failed_examples: list[tuple[str, str, str]] = field(default_factory=list)
    both_ids: Counter[str] = field(default_factory=Counter)
    module_only_ids: Counter[str] = field(default_factory=Counter)
    wikicheck_only_codes: Counter[str] = field(default_factory=Counter)
    disagreements: list[Disagreement] = field(default_factory=list)

    @property
    def precision(self) -> float:
        flagged = self.both + self.wikicheck_only
        return self.both / flagged if flagged else 1.0

    @property
    def recall(self) -> float:
        real = self.both + self.module_only
        return self.both / real if real else 1.0


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


def error_findings(findings: list[Finding]) -> list[Finding]:
    return [
        finding
        for finding in findings
        if finding.severity is Severity.ERROR and finding.code.startswith(FAMILIES)
    ]


def citations_of(folder: Path, harness: Harness, tally: Tally) -> Iterator[None]:
    plan = Plan.of(Settings(today=TODAY, select=("ALL",)))
    for path in english_articles(folder):
        text = path.read_text(encoding="utf-8")
        result = check_document(text, plan, path=path.name)
        errors = error_findings(result.findings)
        harness.new_page(text)
        for citation in result.article.citations:
            if citation.cs1 is None:
                continue
            args = module_args(citation)
            if args is None:
                tally.templates += 1
                continue
            cls = harness.classes.get(citation.cs1.lower())
            if cls is None:
                tally.failed[f"no CitationClass for {citation.cs1}"] += 1
                continue
            try:
                shown, ids = harness.cite(cls, args)
            except lua51.LuaError as error:
                reason = str(error).splitlines()[0][:160]
                tally.failed[reason] += 1
                if len(tally.failed_examples) < 20:
                    source = text[citation.span.start : citation.span.end]
                    tally.failed_examples.append((path.name, source, reason))
                continue
            codes = sorted(
                {finding.code for finding in errors if citation.span.contains(finding.span)}
            )
            tally.compared += 1
            if shown and not ids:
                ids = ["(no visible id)"]
            elif ids and not shown:
                ids = []
            if codes and ids:
                tally.both += 1
                tally.both_ids.update(set(ids))
            elif ids:
                tally.module_only += 1
                tally.module_only_ids.update(set(ids))
            elif codes:
                tally.wikicheck_only += 1
                tally.wikicheck_only_codes.update(codes)
            else:
                tally.neither += 1
            if bool(codes) != bool(ids):
                source = text[citation.span.start : citation.span.end]
                other = sorted(
                    {
                        f"{finding.code} ({finding.severity.value}) {finding.message}"
                        for finding in result.findings
                        if citation.span.contains(finding.span) and finding not in errors
                    }
                )
                tally.disagreements.append(
                    Disagreement(path.name, source, codes, sorted(ids), other)
                )
        yield


def report(name: str, tally: Tally, show: int, seconds: float, verbose: bool) -> None:
    print(f"== {name}: {tally.compared} citations compared ({seconds:.0f} s)")
    print(f"   both error {tally.both}, module only {tally.module_only}, wikicheck only "
          f"{tally.wikicheck_only}, neither {tally.neither}")  # fmt: skip
    print(f"   precision {tally.precision:.3f}, recall {tally.recall:.3f}")
    print(f"   not compared: {tally.templates} with a template in a value, "
          f"{sum(tally.failed.values())} harness failures")  # fmt: skip
    for reason, count in tally.failed.most_common(8):
        print(f"     {count:5} {reason}")
    if tally.both_ids and verbose:
        print("   both: module error ids:")
        for error_id, count in tally.both_ids.most_common():
            print(f"     {count:5} {error_id}")
    if tally.module_only_ids:
        print("   module-only errors by module error id:")
        for error_id, count in tally.module_only_ids.most_common():
            print(f"     {count:5} {error_id}")
    if tally.wikicheck_only_codes:
        print("   wikicheck-only errors by code:")
        for code, count in tally.wikicheck_only_codes.most_common():
            print(f"     {count:5} {code}")
    for item in tally.disagreements[:show]:
        verdicts = f"wikicheck {item.wikicheck or '-'} module {item.module or '-'}"
        print(f"   -- {item.article}: {verdicts}")
        print(f"      {item.citation[:400]}")
        for line in item.other:
            print(f"      wikicheck also: {line[:160]}")
    for article, source, reason in tally.failed_examples[:show]:
        print(f"   !! {article}: {reason}\n      {source[:300]}")


def main(argv: list[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    options.add_argument("--corpus", choices=("articles", "recent", "both"), default="both")
    options.add_argument("--show", type=int, default=0, help="print the first N disagreements")
    options.add_argument(
        "--verbose", action="store_true", help="also break the agreed errors down by error id"
    )
    args = options.parse_args(argv)
    names = ["articles", "recent"] if args.corpus == "both" else [args.corpus]
    harness = Harness()
    for name in names:
        tally = Tally()
        started = time.perf_counter()
        for _ in citations_of(FOLDERS[name], harness, tally):
            pass
        report(name, tally, args.show, time.perf_counter() - started, args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
