"""What every command shares: exit codes, error and warning printing, option types, the
rule-selection options and the settings they make."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

from ..errors import ConfigError
from ..findings import Severity
from ..inputs import STDIN
from ..reporters.escape import visible
from ..settings import Settings

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
EXIT_INTERRUPTED = 130
"""Ctrl-C (128 + SIGINT); a scan's output is still valid and ``--resume`` continues it."""


def print_error(message: str) -> None:
    """``wikicheck: error: ...`` on stderr, with control characters made visible."""
    sys.stderr.write(f"wikicheck: error: {visible(message)}\n")


def print_warning(message: str) -> None:
    sys.stderr.write(f"wikicheck: warning: {message}\n")


def date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not a date in YYYY-MM-DD form") from None


def codes(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


def positive(value: str) -> int:
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return number


class Parser(argparse.ArgumentParser):
    """An argument parser that never takes an abbreviation of a long option: ``--exclude``
    must not quietly become ``--exclude-url``. Subcommand parsers are made of this class too
    (``add_subparsers`` uses the parent's class)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["allow_abbrev"] = False
        super().__init__(*args, **kwargs)


def add_selection(parser: argparse.ArgumentParser) -> None:
    """The rule selection and configuration options of ``lint`` and ``scan``. Repeating an
    option adds to it (``--select WC1 --select WC2`` is ``--select WC1,WC2``)."""
    parser.add_argument(
        "--select",
        type=codes,
        action="extend",
        help="codes, prefixes, names or families to check (comma-separated; repeatable)",
    )
    parser.add_argument(
        "--ignore",
        "--extend-ignore",
        type=codes,
        action="extend",
        default=[],
        help="codes, prefixes, names or families to skip, added to the configuration's",
    )
    parser.add_argument(
        "--extend-select", type=codes, action="extend", default=[], help="add to the selection"
    )
    parser.add_argument("--today", type=date, help="pin 'today' (YYYY-MM-DD, UTC) for date rules")
    parser.add_argument(
        "--config",
        type=Path,
        help="configuration file (default: nearest wikicheck.toml or pyproject.toml)",
    )
    parser.add_argument("--isolated", action="store_true", help="ignore configuration files")
    parser.add_argument(
        "--page-timeout",
        type=seconds,
        metavar="SECONDS",
        help="seconds a page may take to parse and lint before it is reported as WC001 and "
        "skipped (default: 30; 0: no limit)",
    )


def seconds(value: str) -> float:
    from ..config_schema import page_timeout

    try:
        return page_timeout(float(value), "--page-timeout")
    except (ValueError, ConfigError) as error:
        raise argparse.ArgumentTypeError(f"{value!r}: a number of seconds, 0 or more") from error


def resolve_settings(args: argparse.Namespace, first_path: str | None) -> Settings:
    """Configuration file, then command-line options on top."""
    from ..config import configured_settings

    start = Path(first_path) if first_path and first_path != STDIN else Path.cwd()
    settings = configured_settings(
        getattr(args, "config", None), start, isolated=getattr(args, "isolated", False)
    )
    for warning in settings.warnings:
        print_warning(warning)
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
    if getattr(args, "exclude", None) is not None:
        changes["exclude"] = tuple(args.exclude)
    if getattr(args, "extend_exclude", None):
        changes["exclude"] = (*changes.get("exclude", settings.exclude), *args.extend_exclude)
    return replace(settings, **changes)


def add_output(
    parser: argparse.ArgumentParser,
    *aliases: str,
    required: bool = False,
    help: str = "write the output to PATH instead of standard output",
) -> None:
    """``-o/--output-file``: the one way every command names its output file (``scan --out``
    and ``report --html`` stay as aliases)."""
    parser.add_argument(
        "-o", "--output-file", *aliases, dest="output_file", type=Path, metavar="PATH",
        required=required, help=help,
    )  # fmt: skip


def add_quiet(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "-q",
        "--quiet",
        action="count",
        default=0,
        help="no progress bar and nothing on success; -qq: no output at all, the exit code only",
    )


def write_output(text: str, path: Path | None) -> None:
    """``text`` to standard output, or to ``path`` (``-o``)."""
    if path is None:
        sys.stdout.write(text)
        return
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as error:
        raise ConfigError(f"{path}: cannot write the output: {error.strerror or error}") from None


def color(choice: str) -> bool:
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    return bool(os.environ.get("FORCE_COLOR")) or sys.stdout.isatty()
