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


def add_selection(parser: argparse.ArgumentParser) -> None:
    """The rule selection and configuration options of ``lint`` and ``scan``."""
    parser.add_argument(
        "--select", type=codes, help="codes, prefixes or names to check (comma-separated)"
    )
    parser.add_argument("--ignore", type=codes, default=[], help="codes, prefixes or names to skip")
    parser.add_argument("--extend-select", type=codes, default=[], help="add to the selection")
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
    from ..config import page_timeout

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
    return replace(settings, **changes)


def color(choice: str) -> bool:
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    return bool(os.environ.get("FORCE_COLOR")) or sys.stdout.isatty()
