"""The command line of whole-wiki scans: ``wikicheck scan`` and ``wikicheck report``."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

from ..errors import ConfigError, InputError
from ..findings import Severity
from ..settings import utc_today
from .common import (
    EXIT_CLEAN,
    EXIT_ERROR,
    EXIT_FINDINGS,
    EXIT_INTERRUPTED,
    add_output,
    add_quiet,
    print_error,
    resolve_settings,
)


def add_scan_parser(commands: Any, add_selection: Any) -> None:
    parser = commands.add_parser("scan", help="lint every page of MediaWiki XML dumps")
    parser.add_argument(
        "dumps",
        nargs="+",
        type=Path,
        metavar="DUMP",
        help=".xml, .xml.bz2 (multistream too) or .xml.gz export dumps",
    )
    add_output(
        parser,
        "--out",
        required=True,
        help="JSON Lines output, one record a page (summary in PATH.summary.json)",
    )
    parser.add_argument(
        "--parquet",
        type=Path,
        metavar="PATH",
        help="also write the findings as a Parquet table (needs pyarrow)",
    )
    parser.add_argument(
        "--index", type=Path, help="multistream index (default: the -index.txt.bz2 beside the dump)"
    )
    parser.add_argument(
        "--namespace",
        action="append",
        type=int,
        metavar="N",
        help="namespace to scan (repeatable; default 0, articles)",
    )
    parser.add_argument("--all-namespaces", action="store_true", help="scan every namespace")
    parser.add_argument("--limit", type=int, metavar="N", help="stop after N pages")
    parser.add_argument("--title-pattern", metavar="REGEX", help="only titles matching REGEX")
    parser.add_argument(
        "-j", "--jobs", type=int, default=os.cpu_count() or 1, help="processes (default: all cores)"
    )
    parser.add_argument(
        "--resume",
        action="store_true",
        help="continue an interrupted scan: keep PATH and skip its pages",
    )
    parser.add_argument(
        "--dask",
        metavar="ADDRESS",
        help="run on a Dask scheduler (tcp://host:8786) or local:N workers",
    )
    parser.add_argument(
        "--fail-on",
        choices=[s.value for s in Severity],
        help="exit 1 when a page has a finding of this severity or above (default: never)",
    )
    add_quiet(parser)
    add_selection(parser)


def add_report_parser(commands: Any) -> None:
    parser = commands.add_parser("report", help="an HTML report of a scan's output")
    parser.add_argument("records", type=Path, metavar="SCAN_OUTPUT", help="the scan's JSONL")
    add_output(parser, "--html", required=True, help="the HTML report to write")
    parser.add_argument(
        "--dump",
        type=Path,
        action="append",
        default=[],
        metavar="DUMP",
        help="the scanned dumps, to show the wikitext of the top pages",
    )
    parser.add_argument("--pages", type=int, default=25, help="pages shown in detail")  # fmt: skip


def run_scan(args: argparse.Namespace) -> int:
    """Exit 0 when every dump was read, 1 with ``--fail-on`` when a finding of that severity
    was found, 2 when a part of a dump could not be read (the rest was still scanned), 130
    when interrupted (the output is valid; --resume continues it)."""
    from ..registry import default_registry
    from ..scan import ScanRequest, scan
    from ..scan.pages import ScanOptions

    settings = resolve_settings(args, None)
    if args.limit is not None and args.limit < 0:
        raise ConfigError("--limit must be 0 or more")
    if args.jobs < 1:
        raise ConfigError("--jobs must be 1 or more")
    _check_scan_paths(args)
    rules = default_registry().for_settings(settings)
    namespaces = None if args.all_namespaces else frozenset(args.namespace or [0])
    options = ScanOptions(
        settings=settings,
        codes=tuple(rule.code for rule in rules),
        today=settings.today or utc_today(),
        namespaces=namespaces,
        title_pattern=args.title_pattern,
    )
    request = ScanRequest(
        dumps=tuple(args.dumps), out=args.output_file, options=options, index=args.index,
        limit=args.limit, jobs=args.jobs, resume=args.resume, dask=args.dask,
        progress=not args.quiet and sys.stderr.isatty(), parquet=args.parquet,
    )  # fmt: skip
    result = scan(request, on_error=print_error)
    summary = result.summary
    state = "interrupted; continue with --resume" if result.interrupted else "done"
    if args.quiet < 2:
        sys.stdout.write(
            f"{summary['pages']} pages, {summary['findings']} findings on "
            f"{summary['pages_with_findings']} pages, {summary['page_errors']} page errors; "
            f"{summary.get('pages_per_s')} pages/s, {summary.get('mb_per_s')} MB/s ({state})\n"
            f"records: {args.output_file}\nsummary: {result.summary_path}\n"
        )
    if result.interrupted:
        return EXIT_INTERRUPTED
    if result.dump_errors:
        return EXIT_ERROR
    return EXIT_FINDINGS if _fails(summary, args.fail_on) else EXIT_CLEAN


def _fails(summary: dict[str, Any], fail_on: str | None) -> bool:
    """Whether ``--fail-on`` is given and a finding of that severity or above was found."""
    if fail_on is None:
        return False
    lowest = Severity(fail_on).rank
    counts = summary.get("by_severity") or {}
    return any(count and Severity(level).rank >= lowest for level, count in counts.items())


def _check_scan_paths(args: argparse.Namespace) -> None:
    """Before anything is opened for writing: no output may be an input or another output."""
    from ..scan.dumps import index_path
    from ..scan.output import summary_path
    from ..scan.paths import refuse_overlaps

    inputs = [("the dump", dump) for dump in args.dumps]
    indexes = [args.index] if args.index else [index_path(dump) for dump in args.dumps]
    inputs += [("the index", index) for index in indexes if index is not None]
    outputs = [("--output-file", args.output_file), ("the summary", summary_path(args.output_file))]
    if args.parquet is not None:
        outputs.append(("--parquet", args.parquet))
    refuse_overlaps(inputs, outputs)


def run_report(args: argparse.Namespace) -> int:
    from ..reporters.html import render_scan_report, top_records
    from ..scan.dumps import page_texts
    from ..scan.output import cannot_write, read_records, summary_path
    from ..scan.paths import refuse_overlaps

    if not args.records.is_file():
        raise InputError("no such scan output", path=str(args.records))
    inputs = [("the scan output", args.records), ("the summary", summary_path(args.records))]
    refuse_overlaps(
        inputs + [("the dump", dump) for dump in args.dump], [("--output-file", args.output_file)]
    )
    records = list(read_records(args.records))
    meta_path = summary_path(args.records)
    meta = _summary(meta_path)
    texts: dict[int, str] = {}
    if args.dump:
        shown = {int(record["page_id"]) for record in top_records(records, args.pages)}
        texts = page_texts(args.dump, shown)
    html = render_scan_report(records, meta, texts, detail_pages=args.pages)
    with cannot_write(args.output_file):
        args.output_file.write_text(html, encoding="utf-8")
    sys.stdout.write(f"report: {args.output_file}\n")
    return EXIT_CLEAN


def _summary(path: Path) -> dict[str, Any]:
    """The scan's summary file, for the throughput and dump errors; {} when there is none."""
    if not path.is_file():
        return {}
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise InputError(f"not a scan summary: {error}", path=str(path)) from None
    if not isinstance(meta, dict):
        raise InputError("not a scan summary (not a JSON object)", path=str(path))
    return meta
