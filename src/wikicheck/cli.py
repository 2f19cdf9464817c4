"""The ``wikicheck`` command line. The only module that prints or exits."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from . import __version__
from .cli_links import add_link_options, check_with_cache, fetch_wiki, link_settings, run_links
from .cli_scan import add_report_parser, add_scan_parser, run_report, run_scan
from .config import configured_settings, is_excluded, page_timeout
from .errors import ConfigError, InputError, WikicheckError
from .findings import Severity
from .inputs import STDIN, Document, expand, read
from .parse import parse
from .registry import default_registry
from .reporters import FORMATS, FileResult, Report
from .reporters.escape import visible
from .reporters.model_json import render as render_model
from .runner import FixMode, Job, Options, link_urls, run_jobs
from .settings import LinkSettings, Settings, utc_today

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date in YYYY-MM-DD form") from None


def _codes(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def _positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


def _add_lint(commands: Any) -> None:
    lint = commands.add_parser("lint", help="check wikitext files and report findings")
    lint.add_argument("paths", nargs="*", metavar="PATH", help="files, directories, or - for stdin")
    lint.add_argument("--format", choices=sorted(FORMATS), default="text")
    lint.add_argument("--statistics", action="store_true", help="print counts per code only")
    _add_selection(lint)
    lint.add_argument(
        "--fail-on",
        choices=[s.value for s in Severity],
        help="lowest severity that fails the run (default: info, i.e. any finding)",
    )
    lint.add_argument("--fix", action="store_true", help="apply safe fixes to the files")
    lint.add_argument(
        "--unsafe-fixes", action="store_true", help="with --fix or --diff, apply unsafe fixes too"
    )
    lint.add_argument("--diff", action="store_true", help="show the fixes as a diff; write nothing")
    lint.add_argument(
        "-j",
        "--jobs",
        type=_positive,
        default=os.cpu_count() or 1,
        help="files linted in parallel (default: all cores)",
    )
    lint.add_argument("--encoding", default="utf-8", help="encoding of the input files")
    lint.add_argument("--stdin-filename", help="path to report for input read from stdin")
    lint.add_argument(
        "--wiki", metavar="API_URL", help="a wiki's api.php, to lint pages given with --title"
    )
    lint.add_argument(
        "--title", action="append", default=[], help="a page title on --wiki (repeatable)"
    )
    lint.add_argument(
        "--check-links",
        action="store_true",
        help="check every external URL over HTTP and run the link rules (WC7xx)",
    )
    lint.add_argument("--color", choices=["auto", "always", "never"], default="auto")
    lint.add_argument("--debug", action="store_true", help="show tracebacks of internal errors")
    add_link_options(lint)


def _add_selection(parser: argparse.ArgumentParser) -> None:
    """The rule selection and configuration options of ``lint`` and ``scan``."""
    parser.add_argument(
        "--select", type=_codes, help="codes, prefixes or names to check (comma-separated)"
    )
    parser.add_argument(
        "--ignore", type=_codes, default=[], help="codes, prefixes or names to skip"
    )
    parser.add_argument("--extend-select", type=_codes, default=[], help="add to the selection")
    parser.add_argument("--today", type=_date, help="pin 'today' (YYYY-MM-DD, UTC) for date rules")
    parser.add_argument(
        "--config",
        type=Path,
        help="configuration file (default: nearest wikicheck.toml or pyproject.toml)",
    )
    parser.add_argument("--isolated", action="store_true", help="ignore configuration files")
    parser.add_argument(
        "--page-timeout",
        type=_seconds,
        metavar="SECONDS",
        help="seconds a page may take to parse and lint before it is reported as WC001 and "
        "skipped (default: 30; 0: no limit)",
    )


def _seconds(value: str) -> float:
    try:
        return page_timeout(float(value), "--page-timeout")
    except (ValueError, ConfigError) as error:
        raise argparse.ArgumentTypeError(f"{value!r}: a number of seconds, 0 or more") from error


def _add_links(commands: Any) -> None:
    links = commands.add_parser("links", help="check the external URLs of wikitext files")
    links.add_argument("paths", nargs="+", metavar="PATH", help="files or directories")
    links.add_argument("--format", choices=["text", "json"], default="text")
    links.add_argument("--verbose", action="store_true", help="list the URLs that are ok too")
    links.add_argument("--config", type=Path, help="configuration file")
    links.add_argument("--isolated", action="store_true", help="ignore configuration files")
    links.add_argument("--encoding", default="utf-8", help="encoding of the input files")
    links.add_argument("--color", choices=["auto", "always", "never"], default="auto")
    add_link_options(links)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="wikicheck",
        description="Lint MediaWiki wikitext: citations, dates, references, maintenance "
        "tags, typos and links.",
    )
    parser.add_argument("--version", action="version", version=f"wikicheck {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_lint(commands)
    _add_links(commands)
    add_scan_parser(commands, _add_selection)
    add_report_parser(commands)
    parse_cmd = commands.add_parser("parse", help="print the article model of a file")
    parse_cmd.add_argument("path", metavar="PATH", help="a file, or - for stdin")
    parse_cmd.add_argument("--format", choices=["json", "outline"], default="json")
    parse_cmd.add_argument("--encoding", default="utf-8")
    commands.add_parser("rules", help="list every rule")
    rule = commands.add_parser("rule", help="show a rule's documentation")
    rule.add_argument("code", metavar="CODE", help="a rule code (WC101) or name")
    config = commands.add_parser("config", help="show the settings that apply to a path")
    config.add_argument("path", nargs="?", default=".", metavar="PATH")
    config.add_argument("--config", type=Path)
    return parser


def resolve_settings(args: argparse.Namespace, first_path: str | None) -> Settings:
    """Configuration file, then command-line options on top."""
    start = Path(first_path) if first_path and first_path != STDIN else Path.cwd()
    settings = configured_settings(
        getattr(args, "config", None), start, isolated=getattr(args, "isolated", False)
    )
    for warning in settings.warnings:
        sys.stderr.write(f"wikicheck: warning: {warning}\n")
    changes: dict[str, Any] = {}
    if getattr(args, "select", None) is not None:
        changes["select"] = tuple(args.select)
    if getattr(args, "ignore", None):
        changes["ignore"] = (*settings.ignore, *args.ignore)
    if getattr(args, "extend_select", None):
        changes["extend_select"] = (*settings.extend_select, *args.extend_select)
    if getattr(args, "today", None) is not None:
        changes["today"] = args.today
    if getattr(args, "fail_on", None) is not None:
        changes["fail_on"] = Severity(args.fail_on)
    if getattr(args, "page_timeout", None) is not None:
        changes["page_timeout"] = args.page_timeout
    return replace(settings, **changes)


def _jobs(args: argparse.Namespace, settings: Settings) -> tuple[list[Job], list[FileResult]]:
    jobs: list[Job] = []
    problems: list[FileResult] = []
    for path, problem in expand(args.paths, settings.extensions):
        shown = args.stdin_filename if path == STDIN and args.stdin_filename else path
        if problem is not None:
            problems.append(FileResult(shown, error=problem.reason))
        elif path == STDIN:
            jobs.append(Job(path, shown, read(STDIN, args.encoding)))
        elif path in args.paths or not is_excluded(path, settings):
            jobs.append(Job(path, shown))  # exclude applies to files found in directories
    if args.wiki:
        if args.fix or args.diff:
            raise ConfigError("--fix and --diff do not apply to pages fetched with --wiki")
        if not args.title:
            raise ConfigError("--wiki needs at least one --title")
        try:
            pages = fetch_wiki(args, settings)
        except InputError as error:
            problems.append(FileResult(error.path or args.wiki, error=error.reason))
        except WikicheckError as error:
            problems.append(FileResult(args.wiki, error=str(error)))
        else:
            jobs.extend(
                Job(page.title, page.title, Document(page.title, page.text)) for page in pages
            )
    elif args.title:
        raise ConfigError("--title needs --wiki API_URL")
    if not jobs and not problems:
        raise ConfigError("nothing to lint: give files, directories, - for stdin, or --wiki")
    return jobs, problems


def _texts(jobs: Sequence[Job], encoding: str) -> dict[str, str]:
    """The inputs' texts for the HTML report (after --fix, the fixed files)."""
    texts = {}
    for job in jobs:
        try:
            texts[job.shown] = (job.document or read(job.path, encoding)).text
        except InputError:
            continue  # reported as the file's error already
    return texts


def _color(choice: str) -> bool:
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    return bool(os.environ.get("FORCE_COLOR")) or sys.stdout.isatty()


def _run_lint(args: argparse.Namespace) -> int:
    first = args.paths[0] if args.paths else None
    settings = resolve_settings(args, first)
    registry = default_registry()
    try:
        rules = registry.select(
            settings.select,
            settings.ignore,
            settings.extend_select,
            include_network=args.check_links,
        )
    except WikicheckError as error:
        raise ConfigError(str(error)) from None
    if args.fix and args.diff:
        raise ConfigError("use --fix or --diff, not both")
    mode = FixMode.FIX if args.fix else FixMode.DIFF if args.diff else FixMode.NONE
    jobs, problems = _jobs(args, settings)
    links = None
    if args.check_links:
        checked = check_with_cache(
            link_urls(jobs, args.encoding, settings.page_timeout),
            args,
            link_settings(args, settings.links),
        )
        links = {result.url: result for result in checked}
    options = Options(
        settings,
        tuple(rule.code for rule in rules),
        settings.today or utc_today(),  # once for the run, at its edge
        mode,
        args.unsafe_fixes,
        args.encoding,
        args.debug,
        links,
    )
    outcomes = run_jobs(jobs, options, args.jobs)
    results = [outcome.result for outcome in outcomes] + problems
    texts = _texts(jobs, args.encoding) if args.format == "html" else {}
    report = Report(tuple(results), rules, color=_color(args.color), texts=texts)
    output = FORMATS["statistics" if args.statistics else args.format](report)
    stdin_text = next((o.fixed_text for o in outcomes if o.fixed_text is not None), None)
    if stdin_text is not None:
        sys.stdout.write(stdin_text)
        sys.stderr.write(output)
    else:
        sys.stdout.write(output)
    if any(result.error is not None for result in results):
        return EXIT_ERROR
    failing = any(
        finding.severity.rank >= settings.fail_on.rank
        for result in results
        for finding in result.findings
    )
    return (
        EXIT_FINDINGS
        if failing or (mode is FixMode.DIFF and any(r.diff for r in results))
        else EXIT_CLEAN
    )


def _run_links(args: argparse.Namespace) -> int:
    settings = resolve_settings(args, args.paths[0])
    return run_links(args, settings, _color(args.color))


def _run_scan(args: argparse.Namespace) -> int:
    return run_scan(args, resolve_settings(args, None))


def _run_parse(args: argparse.Namespace) -> int:
    document = read(args.path, args.encoding)
    article = parse(document.text, path=args.path)
    if args.format == "json":
        sys.stdout.write(render_model(article))
        return EXIT_CLEAN
    for section in article.all_sections():
        where = article.position(section.span.start)
        label = "(lead)" if section.title is None else visible(section.title)
        sys.stdout.write(
            f"{'  ' * max(section.level - 1, 0)}{label}  [{where.line}:{where.column}]\n"
        )
    sys.stdout.write(
        f"{len(article.infoboxes)} infoboxes, {len(article.refs)} refs, "
        f"{len(article.citations)} citations, {len(article.templates)} templates, "
        f"{len(article.wikilinks)} wikilinks, {len(article.external_links)} external links, "
        f"{len(article.categories)} categories\n"
    )
    return EXIT_CLEAN


def _run_rules(_args: argparse.Namespace) -> int:
    registry = default_registry()
    sys.stdout.write(
        f"{'code':<6} {'name':<32} {'family':<11} {'severity':<8} {'default':<7} {'fix':<9}"
        " summary\n"
    )
    for rule in registry.rules:
        default = "yes" if registry.is_default(rule) else "no"
        sys.stdout.write(
            f"{rule.code:<6} {rule.name:<32} {rule.category.value:<11} {rule.severity.value:<8}"
            f" {default:<7} {rule.fix.value:<9} {rule.summary}\n"
        )
    return EXIT_CLEAN


def _run_rule(args: argparse.Namespace) -> int:
    registry = default_registry()
    rule = registry.get(args.code)
    choice = registry.default_choice(rule)
    state = "on by default" if choice.on else "off by default (select it to run it)"
    sys.stdout.write(f"{rule.doc}\nSelection:\n    {state}: {choice.why}\n")
    return EXIT_CLEAN


def _run_config(args: argparse.Namespace) -> int:
    settings = resolve_settings(args, args.path)
    rules = default_registry().select(settings.select, settings.ignore, settings.extend_select)
    select = list(settings.select) if settings.select is not None else "the default rules"
    ignores = {glob: list(codes) for glob, codes in settings.per_file_ignores}
    links = settings.links
    today = settings.today.isoformat() if settings.today else "the current UTC date"
    lines = [
        f"# configuration file: {settings.source or '(none: defaults)'}",
        f"select = {select}",
        f"ignore = {list(settings.ignore)}",
        f"extend-select = {list(settings.extend_select)}",
        f"per-file-ignores = {ignores}",
        f"exclude = {list(settings.exclude)}",
        f"extensions = {list(settings.extensions)}",
        f"fail-on = {settings.fail_on.value!r}",
        f"page-timeout = {settings.page_timeout:g}",
        f"today = {today}",
        f"rules = {dict(settings.rule_options)}",
        f"links = {_link_summary(links)}",
        f"# {len(rules)} rules selected: {', '.join(rule.code for rule in rules)}",
    ]
    sys.stdout.write("\n".join(lines) + "\n")
    return EXIT_CLEAN


def _link_summary(links: LinkSettings) -> str:
    return ", ".join(
        f"{name.replace('_', '-')} {getattr(links, name)!r}" for name in LinkSettings.__slots__
    )


_COMMANDS = {
    "lint": _run_lint, "links": _run_links, "parse": _run_parse, "rules": _run_rules,
    "rule": _run_rule, "config": _run_config, "scan": _run_scan,
    "report": run_report,
}  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``wikicheck`` console script; returns the exit code."""
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="backslashreplace")
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return _COMMANDS[args.command](args)
    except ConfigError as error:
        sys.stderr.write(f"wikicheck: error: {visible(str(error))}\n")
        return EXIT_ERROR
    except WikicheckError as error:
        sys.stderr.write(f"wikicheck: error: {visible(str(error))}\n")
        return EXIT_ERROR
    except KeyboardInterrupt:
        sys.stderr.write("wikicheck: interrupted\n")
        return 130
