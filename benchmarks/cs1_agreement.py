"""Agreement with Wikipedia's citation module on "does this citation show a CS1 error?".

    pip install -e '.[bench]'            # lupa
    python benchmarks/cs1_agreement.py [--corpus articles|recent|both] [--show N] [--verbose]
    python benchmarks/cs1_agreement.py --probes benchmarks/cs1_probes.txt [--show N]

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

The comparison is also made per error (``cs1_errors.py``, ``cs1_error_map.toml``): each
(citation, error kind) pair on both sides, the module's only or wikicheck's only, with
whether wikicheck's findings lie on the parameters the module's messages name and say what
they say. ``--probes FILE`` runs on the pages of a file, one a line, instead of the corpus
(``cs1_probes.txt``: citations written to reach the module's other error ids).

Not compared, and counted apart: citations with a template in a value (MediaWiki expands it
before the module sees it; this harness expands only ``{{!}}``, ``{{pipe}}``, ``{{nbsp}}``,
``{{ndash}}``, ``{{mdash}}``, ``{{sfnref}}`` and ``{{harvid}}``), and citations the harness
failed to run (a Lua error, most likely in the stand-ins).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from corpus_files import OLDER, RECENT, english_articles
from cs1_errors import BOTH, MODULE, WIKICHECK, ErrorMap, ErrorTally, compare_errors
from cs1_harness import TODAY, Harness, module_args
from lupa import lua51

from wikicheck.findings import Finding, Severity
from wikicheck.pipeline import Plan, check_document
from wikicheck.settings import Settings

FOLDERS = {"articles": OLDER, "recent": RECENT}
FAMILIES = ("WC2", "WC3")


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
    errors: ErrorTally = field(default_factory=ErrorTally)

    @property
    def precision(self) -> float:
        flagged = self.both + self.wikicheck_only
        return self.both / flagged if flagged else 1.0

    @property
    def recall(self) -> float:
        real = self.both + self.module_only
        return self.both / real if real else 1.0


def error_findings(findings: list[Finding]) -> list[Finding]:
    return [
        finding
        for finding in findings
        if finding.severity is Severity.ERROR and finding.code.startswith(FAMILIES)
    ]


def folder_pages(folder: Path) -> Iterator[tuple[str, str]]:
    for path in english_articles(folder):
        yield path.name, path.read_text(encoding="utf-8")


def probe_pages(path: Path) -> Iterator[tuple[str, str]]:
    """One page per line of a probe file (blank lines and "#" comments left out)."""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip() and not line.startswith("#"):
            yield f"{path.name}:{number}", line


def citations_of(
    pages: Iterable[tuple[str, str]], harness: Harness, tally: Tally, errors_map: ErrorMap
) -> Iterator[None]:
    plan = Plan.of(Settings(today=TODAY, select=("ALL",)))
    for name, text in pages:
        result = check_document(text, plan, path=name)
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
                rendered = harness.cite(cls, args)
            except lua51.LuaError as error:
                reason = str(error).splitlines()[0][:160]
                tally.failed[reason] += 1
                if len(tally.failed_examples) < 20:
                    source = text[citation.span.start : citation.span.end]
                    tally.failed_examples.append((name, source, reason))
                continue
            inside = [finding for finding in errors if citation.span.contains(finding.span)]
            codes = sorted({finding.code for finding in inside})
            source = text[citation.span.start : citation.span.end]
            compare_errors(
                tally.errors, errors_map, name, source, citation, rendered.errors, inside
            )
            shown, ids = rendered.shown, rendered.ids
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
                other = sorted(
                    {
                        f"{finding.code} ({finding.severity.value}) {finding.message}"
                        for finding in result.findings
                        if citation.span.contains(finding.span) and finding not in errors
                    }
                )
                tally.disagreements.append(Disagreement(name, source, codes, sorted(ids), other))
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
    report_errors(tally.errors, show, verbose)


def _counts(counter: Counter[str], sides: tuple[str, ...]) -> str:
    return ", ".join(f"{side} {counter[side]}" for side in sides)


def report_errors(tally: ErrorTally, show: int, verbose: bool) -> None:
    pairs = tally.pairs
    print(f"   error level, (citation, kind) pairs: both {pairs[BOTH]}, module only "
          f"{pairs[MODULE]}, wikicheck only {pairs[WIKICHECK]}; precision "
          f"{tally.precision:.3f}, recall {tally.recall:.3f}")  # fmt: skip
    sides = (BOTH, MODULE, WIKICHECK)
    for title, table, shown in (
        ("by kind", tally.by_kind, sides),
        ("by module id", tally.by_id, (BOTH, MODULE)),
        ("by wikicheck code", tally.by_code, (BOTH, WIKICHECK)),
    ):
        rows = sorted(table.items(), key=lambda row: (-row[1].total(), row[0]))
        rows = [row for row in rows if verbose or row[1][BOTH] != row[1].total()]
        if rows:
            print(f"   {title}{'' if verbose else ' (disagreeing only)'}:")
        for name, counter in rows:
            print(f"     {name:34} {_counts(counter, shown)}")
    spans = ", ".join(f"{name} {count}" for name, count in sorted(tally.spans.items()))
    print(f"   spans of the shared pairs: {spans or '-'}")
    texts = ", ".join(f"{name} {count}" for name, count in sorted(tally.texts.items()))
    print(f"   messages of the shared pairs: {texts or '-'}")
    for error_id, count in tally.text_differences.most_common():
        print(f"     {count:5} {error_id}")
    for example in tally.text_examples[:show]:
        print(f"   ≠≠ {example[:300]}")
    for item in tally.disagreements[:show]:
        print(f"   -- {item.article}: {item.kind} ({item.side})")
        print(f"      {item.citation[:400]}")
        for line in item.module:
            print(f"      module: {line[:200]}")
        for line in item.wikicheck:
            print(f"      wikicheck: {line[:200]}")
    for mismatch in tally.span_mismatches[:show]:
        print(f"   ~~ {mismatch.article}: {mismatch.kind}: {mismatch.what[:300]}")
        print(f"      {mismatch.citation[:300]}")


def main(argv: list[str] | None = None) -> int:
    options = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    options.add_argument("--corpus", choices=("articles", "recent", "both"), default="both")
    options.add_argument("--show", type=int, default=0, help="print the first N disagreements")
    options.add_argument(
        "--verbose", action="store_true", help="also break the agreed errors down by error id"
    )
    options.add_argument(
        "--probes", type=Path, help="instead of the corpus, one page a line of this file"
    )
    args = options.parse_args(argv)
    names = ["articles", "recent"] if args.corpus == "both" else [args.corpus]
    if args.probes:
        names = [str(args.probes)]
    harness = Harness()
    errors_map = ErrorMap.load()
    for name in names:
        tally = Tally()
        started = time.perf_counter()
        pages = probe_pages(args.probes) if args.probes else folder_pages(FOLDERS[name])
        for _ in citations_of(pages, harness, tally, errors_map):
            pass
        report(name, tally, args.show, time.perf_counter() - started, args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
