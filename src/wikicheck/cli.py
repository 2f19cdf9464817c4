"""The ``wikicheck`` command line. The only module that prints or exits."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections.abc import Sequence

from . import __version__
from .engine import lint_article
from .errors import ConfigError, InputError, WikicheckError
from .inputs import STDIN, expand, read
from .parse import parse
from .registry import default_registry
from .reporters import FORMATS, FileResult
from .reporters.model_json import render as render_model
from .settings import Settings

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date in YYYY-MM-DD form") from None


def _codes(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="wikicheck",
        description="Lint MediaWiki wikitext: citations, dates, references, maintenance "
        "tags, typos and links.",
    )
    parser.add_argument("--version", action="version", version=f"wikicheck {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    lint = commands.add_parser("lint", help="check wikitext files and report findings")
    lint.add_argument("paths", nargs="+", metavar="PATH", help="files, directories, or - for stdin")
    lint.add_argument("--format", choices=sorted(FORMATS), default="text")
    lint.add_argument("--today", type=_date, help="pin 'today' (YYYY-MM-DD, UTC) for date rules")
    lint.add_argument(
        "--select", type=_codes, help="codes, prefixes or names to check (comma-separated)"
    )
    lint.add_argument("--ignore", type=_codes, default=[], help="codes, prefixes or names to skip")
    lint.add_argument("--extend-select", type=_codes, default=[], help="add to the selection")
    lint.add_argument("--encoding", default="utf-8", help="encoding of the input files")
    lint.add_argument("--stdin-filename", help="path to report for input read from stdin")

    parse_cmd = commands.add_parser("parse", help="print the article model of a file")
    parse_cmd.add_argument("path", metavar="PATH", help="a file, or - for stdin")
    parse_cmd.add_argument("--format", choices=["json", "outline"], default="json")
    parse_cmd.add_argument("--encoding", default="utf-8")

    commands.add_parser("rules", help="list every rule")
    rule = commands.add_parser("rule", help="show a rule's documentation")
    rule.add_argument("code", metavar="CODE", help="a rule code (WC101) or name")
    return parser


def _run_lint(args: argparse.Namespace) -> int:
    registry = default_registry()
    settings = Settings(
        select=tuple(args.select) if args.select is not None else None,
        ignore=tuple(args.ignore),
        extend_select=tuple(args.extend_select),
        today=args.today,
    )
    rules = registry.select(settings.select, settings.ignore, settings.extend_select)
    results: list[FileResult] = []
    for path, problem in expand(args.paths):
        shown = args.stdin_filename if path == STDIN and args.stdin_filename else path
        if problem is not None:
            results.append(FileResult(shown, error=problem.reason))
            continue
        try:
            document = read(path, args.encoding)
            article = parse(document.text, path=shown)
        except InputError as error:
            where = "" if error.line is None else f"line {error.line}, column {error.column}: "
            results.append(FileResult(shown, error=where + error.reason))
            continue
        findings = lint_article(article, settings=settings, rules=rules)
        results.append(FileResult(shown, tuple(findings)))
    sys.stdout.write(FORMATS[args.format](results))
    if any(result.error is not None for result in results):
        return EXIT_ERROR
    return EXIT_FINDINGS if any(result.findings for result in results) else EXIT_CLEAN


def _outline(args: argparse.Namespace) -> str:
    document = read(args.path, args.encoding)
    article = parse(document.text, path=args.path)
    lines = []
    for section in article.all_sections():
        where = article.position(section.span.start)
        label = "(lead)" if section.title is None else section.title
        lines.append(f"{'  ' * max(section.level - 1, 0)}{label}  [{where.line}:{where.column}]")
    lines.append(
        f"{len(article.infoboxes)} infoboxes, {len(article.refs)} refs, "
        f"{len(article.citations)} citations, {len(article.templates)} templates, "
        f"{len(article.wikilinks)} wikilinks, {len(article.external_links)} external links, "
        f"{len(article.categories)} categories"
    )
    return "\n".join(lines) + "\n"


def _run_parse(args: argparse.Namespace) -> int:
    if args.format == "outline":
        sys.stdout.write(_outline(args))
    else:
        document = read(args.path, args.encoding)
        sys.stdout.write(render_model(parse(document.text, path=args.path)))
    return EXIT_CLEAN


def _run_rules(_args: argparse.Namespace) -> int:
    for rule in default_registry().rules:
        fix = " [fix]" if rule.fix.value != "none" else ""
        network = " [network]" if rule.needs_network else ""
        sys.stdout.write(
            f"{rule.code}  {rule.name:<32} {rule.category.value:<11} {rule.severity.value:<8}"
            f" {rule.summary}{fix}{network}\n"
        )
    return EXIT_CLEAN


def _run_rule(args: argparse.Namespace) -> int:
    rule = default_registry().get(args.code)
    sys.stdout.write(rule.doc)
    return EXIT_CLEAN


_COMMANDS = {"lint": _run_lint, "parse": _run_parse, "rules": _run_rules, "rule": _run_rule}


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``wikicheck`` console script; returns the exit code."""
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="backslashreplace")
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return _COMMANDS[args.command](args)
    except ConfigError as error:
        parser.exit(EXIT_ERROR, f"wikicheck: error: {error}\n")
    except WikicheckError as error:
        sys.stderr.write(f"wikicheck: error: {error}\n")
        return EXIT_ERROR
    except KeyboardInterrupt:
        sys.stderr.write("wikicheck: interrupted\n")
        return 130
