"""The ``wikicheck`` command line: one module per command family, sharing exit codes, error
printing and the selection options (``common``). The only package that prints or exits.

    lint.py    wikicheck lint        (files, stdin, --wiki pages; --fix, --diff, --check-links)
    links.py   wikicheck links       (and the link options lint shares)
    scan.py    wikicheck scan/report (dumps; the HTML report of a scan)
    info.py    wikicheck parse/rules/rule/config
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from .. import __version__
from ..errors import WikicheckError
from .common import EXIT_ERROR, EXIT_INTERRUPTED, Parser, add_selection, print_error
from .info import add_info_parsers, run_config, run_parse, run_rule, run_rules
from .links import add_links_parser, run_links
from .lint import add_lint_parser, run_lint
from .scan import add_report_parser, add_scan_parser, run_report, run_scan


def _parser() -> argparse.ArgumentParser:
    parser = Parser(
        prog="wikicheck",
        description="Lint MediaWiki wikitext: citations, dates, references, maintenance "
        "tags, typos and links.",
    )
    parser.add_argument("--version", action="version", version=f"wikicheck {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    add_lint_parser(commands)
    add_links_parser(commands)
    add_scan_parser(commands, add_selection)
    add_report_parser(commands)
    add_info_parsers(commands)
    return parser


_COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "lint": run_lint, "links": run_links, "parse": run_parse, "rules": run_rules,
    "rule": run_rule, "config": run_config, "scan": run_scan, "report": run_report,
}  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``wikicheck`` console script; returns the exit code."""
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="backslashreplace")
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return _COMMANDS[args.command](args)
    except WikicheckError as error:  # ConfigError, InputError, UnknownRuleError too
        print_error(str(error))
        return EXIT_ERROR
    except KeyboardInterrupt:
        sys.stderr.write("wikicheck: interrupted\n")
        return EXIT_INTERRUPTED
